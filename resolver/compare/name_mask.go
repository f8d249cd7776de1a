package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/resolver/normalize"
)

// maskedName compares names of which at least one is masked. A platform's mask of a
// Chinese name shows its family name (张**); against a name in Latin letters that is a
// family name read in pinyin (Feng Zhang), and against a Han name with an English one
// beside it (Michael 唐慧丹) the Han part is what the mask hides part of.
func maskedName(field, a, b string) Level {
	for _, s := range []string{a, b} {
		if !strings.ContainsFunc(visible(maskForm(s)), unicode.IsLetter) {
			return level(field, Null, "%s shows no letters", s)
		}
	}
	if han(maskForm(a)) != han(maskForm(b)) {
		if r, ok := maskedFamilyReads(a, b); ok {
			return level(field, MaskedCompatible, "%s fits %s: %s", a, b, r)
		}
		return level(field, Null, "%s and %s are in different scripts", a, b)
	}
	if MaskCompatible(hanPart(a), hanPart(b)) {
		return level(field, MaskedCompatible, "%s fits %s", a, b)
	}
	return level(field, Different, "%s does not fit %s", a, b)
}

// han reports whether the visible letters of s are Han characters.
func han(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// hanPart is a plain name written in both scripts ("Michael 唐慧丹") without its words
// in Latin letters; any other name as it is.
func hanPart(s string) string {
	if IsMasked(s) || !han(s) {
		return s
	}
	var words []string
	for _, w := range strings.Fields(s) {
		if han(w) {
			words = append(words, w)
		}
	}
	return strings.Join(words, "")
}

// maskedFamilyReads reports whether, of a Han name masked after its family name (张**)
// and a plain name in Latin letters, in either order, one of the Latin words reads as
// that family name in pinyin. It returns the reading, "张 reads zhang".
func maskedFamilyReads(a, b string) (string, bool) {
	if !IsMasked(a) {
		a, b = b, a
	}
	if !IsMasked(a) || IsMasked(b) || han(b) {
		return "", false
	}
	form := maskForm(a)
	shown, _, _ := strings.Cut(form, "*")
	if !isHan(shown) || !strings.HasSuffix(form, "*") {
		return "", false // the family name is not what it shows
	}
	fam := shown
	if utf8.RuneCountInString(shown) > 1 {
		if _, ok := compoundSurnames[shown]; !ok {
			r, _ := utf8.DecodeRuneInString(shown)
			fam = string(r) // 张伟* shows more than the family name: it comes first
		}
	}
	for _, w := range normalize.PersonNameWords(b) {
		if r, ok := readsAs(HanName{Family: fam}, pinyinLatin([]string{strings.ToLower(w)})); ok {
			return fam + " reads " + r, true
		}
	}
	return "", false
}

// FamilyReading is a person name's family name in lower-case pinyin letters ("zhang"
// for 张伟, 张先生 and Zhang Wei given in parts), so that a family name written in Han
// characters and in Latin letters gives one key; "" where the family name is not known:
// a masked name, or a Latin name in one field, whose word order does not say.
func FamilyReading(n Name) string {
	text := n.text()
	if text == "" || IsMasked(text) {
		return ""
	}
	if g, f := strings.TrimSpace(n.Given), strings.TrimSpace(n.Family); isHan(g+f) &&
		utf8.RuneCountInString(g) == 1 && utf8.RuneCountInString(f) > 1 {
		text = g + f // 方 as the first name, 婷敏 as the last: the one character is the family name
	}
	if hn, ok := ParseHanName(text); ok {
		return uFold(strings.Join(familyPinyin(hn.Family), ""))
	}
	f := strings.TrimSpace(n.Family)
	if f == "" || hasHan(f) || strings.TrimSpace(n.Given) == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range pinyinLatin([]string{strings.ToLower(norm.NFKC.String(f))}) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
