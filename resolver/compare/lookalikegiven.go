package compare

import "strings"

// givenLookAlikes are characters of given names told apart by a stroke or one
// component (明 and 朋, 玉 and 王, 末 and 未, 士 and 土): what a courier reads wrong
// from a handwritten waybill, an OCR from a photographed ID, and a Wubi input method
// (which types by shape, not by sound) puts in place of the character meant. They
// are not homophones, so the homophone rules never see them; and parents do not name
// two children of one family with characters that differ by a stroke, where they do
// give them one generation character and another meaningful one (子豪 and 子涵).
var givenLookAlikes = map[[2]rune]bool{}

func init() {
	for _, g := range []string{"明朋", "王玉主", "末未", "大太犬", "士土", "天夫", "白百", "田由甲申",
		"己已", "人入", "刀力", "木本", "今令", "免兔", "乌鸟", "侯候", "微徽", "辛幸", "晴睛", "午牛", "贝见"} {
		rs := []rune(g)
		for _, a := range rs {
			for _, b := range rs {
				if a != b {
					givenLookAlikes[[2]rune{a, b}] = true
				}
			}
		}
	}
}

// LookAlikeGivenNames reports whether two Han names are one name with a character of
// the given name misread or mistyped by its shape: the same family name, given names
// of one length that differ in one character, and that character one of a pair that
// look alike (刘朋轩 and 劉明軒 on one phone). Such a pair is one person's name, not a
// sibling's: LookAlikeNames is its counterpart for the family name.
func LookAlikeGivenNames(a, b Name) bool {
	digits := "0123456789"
	na, okA := ParseHanName(Simplify(strings.TrimRight(hanPart(a.text()), digits)))
	nb, okB := ParseHanName(Simplify(strings.TrimRight(hanPart(b.text()), digits)))
	if !okA || !okB || na.Family != nb.Family || na.Given == "" {
		return false
	}
	ga, gb := []rune(na.Given), []rune(nb.Given)
	if len(ga) != len(gb) {
		return false
	}
	apart := 0
	for i := range ga {
		if ga[i] == gb[i] {
			continue
		}
		if apart++; apart > 1 || !givenLookAlikes[[2]rune{ga[i], gb[i]}] {
			return false
		}
	}
	return apart == 1
}
