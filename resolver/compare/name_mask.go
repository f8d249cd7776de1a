package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	if l, ok := maskedNameShown(field, a, b); ok {
		return l
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
	if r, ok := maskedFamilySounds(a, b); ok {
		return level(field, MaskedCompatible, "%s fits %s: the family names both read %s", a, b, r)
	}
	if l, ok := maskedAgainstNickname(field, a, b); ok {
		return l
	}
	return level(field, Different, "%s does not fit %s", a, b)
}

// maskedAgainstNickname compares a mask that shows a family name (陈*, 尹**) with a
// plain two-character Han name that is not a full name: the receiver's name buyers
// type on a delivery as family and friends call them. 老王 and 小王 name the family (王*
// fits them); 小飞, 阿飞 and 飞飞 call someone by a character of the given name, and
// 雅琪 (a first character no common family name is) is the given name alone: neither
// shows a family name, so neither contradicts the mask's. Without this, the buyer's
// party that once took such a name (陈飞, then 小飞 at the same number) read as holding
// someone the mask names apart, and the buyer's later masked orders stayed apart.
// ok is false for any other pair, which keeps its verdict.
func maskedAgainstNickname(field, a, b string) (Level, bool) {
	a, b, ok := maskedThenPlain(a, b)
	if !ok {
		return Level{}, false
	}
	shown, _, _ := strings.Cut(maskForm(a), "*")
	fam := []rune(shown)
	rs := []rune(Simplify(strings.TrimSpace(hanPart(b))))
	if len(fam) != 1 || !unicode.Is(unicode.Han, fam[0]) || NicknamePrefix(fam[0]) || len(rs) != 2 ||
		!unicode.Is(unicode.Han, rs[0]) || !unicode.Is(unicode.Han, rs[1]) {
		return Level{}, false
	}
	switch {
	case (rs[0] == '小' || rs[0] == '老') && rs[1] == fam[0]:
		return level(field, MaskedCompatible, "%s fits %s: family name %s", a, b, string(fam)), true
	case rs[0] == '老':
		return Level{}, false // 老陈 names the family 陈, not the mask's
	case NicknamePrefix(rs[0]) || rs[0] == rs[1]:
		return level(field, Null, "%s is a nickname: it shows no family name for %s", b, a), true
	case !commonFamilies[rs[0]]:
		return level(field, Null, "%s reads as a given name alone: it shows no family name for %s", b, a), true
	}
	return Level{}, false
}

// maskedFamilySounds reports whether a mask that shows one Han character (汪**, 留**)
// shows a family name read as the plain name's is (王晶, 刘丽倩: wang, liu): the buyer
// typed the name through an input method and took the wrong character of the sound,
// and the platform masked what was typed. Not a nickname's first character (小**),
// which says nothing, nor a compound family name, which a single character cannot
// sound as.
func maskedFamilySounds(a, b string) (string, bool) {
	if !IsMasked(a) {
		a, b = b, a
	}
	if !IsMasked(a) || IsMasked(b) {
		return "", false
	}
	shown, _, _ := strings.Cut(maskForm(a), "*")
	rs := []rune(Simplify(shown))
	if len(rs) != 1 || !unicode.Is(unicode.Han, rs[0]) || NicknamePrefix(rs[0]) {
		return "", false
	}
	n, ok := ParseHanName(Simplify(hanPart(b)))
	if !ok || n.Given == "" || utf8.RuneCountInString(n.Family) != 1 {
		return "", false
	}
	fa, fb := uFold(strings.Join(familyPinyin(string(rs)), "")), uFold(strings.Join(familyPinyin(n.Family), ""))
	return fa, fa == fb
}

// NicknamePrefix reports whether r opens the nicknames buyers give as a receiver's name
// (小李, 阿飞, 老王): a mask that shows only it (小**) shows no family name, and a
// two-character name starting with it is a nickname, not a full name.
func NicknamePrefix(r rune) bool { return r == '小' || r == '阿' || r == '老' }

// maskedNameShown compares a mask with a plain name where what the mask shows is not a
// Chinese family name: a nickname's first character says nothing (Null), and Latin
// letters (O** for OUYANG Linyan, Y** for Yao Xin) are the first letters of a word of
// a Latin name, whichever word the buyer typed first.
func maskedNameShown(field, a, b string) (Level, bool) {
	if !IsMasked(a) {
		a, b = b, a
	}
	if !IsMasked(a) || IsMasked(b) {
		return Level{}, false
	}
	shown, _, _ := strings.Cut(maskForm(a), "*")
	switch {
	case utf8.RuneCountInString(shown) == 1 && NicknamePrefix([]rune(shown)[0]):
		return level(field, Null, "%s shows a nickname's first character, no family name", a), true
	case shown == "" || strings.ContainsFunc(shown, func(r rune) bool { return r < 'a' || r > 'z' }):
		return Level{}, false
	case han(b):
		// L** for 张亮: the buyer typed Liang Zhang, and the mask kept its first letter;
		// either part of the Han name may have come first.
		for _, w := range hanNameReadings(b) {
			if strings.HasPrefix(w, shown) {
				return level(field, MaskedCompatible, "%s fits %s (%s)", a, b, w), true
			}
		}
		return Level{}, false
	}
	for _, w := range normalize.PersonNameWords(b) {
		if strings.HasPrefix(strings.ToLower(w), shown) {
			return level(field, MaskedCompatible, "%s fits %s", a, w), true
		}
	}
	return level(field, Different, "no word of %s starts as %s does", b, a), true
}

// hanNameReadings returns the pinyin of a Han name's family and given names, each run
// together ("zhang", "liang" for 张亮 and for 亮 张), as a romanised form would spell them.
func hanNameReadings(name string) []string {
	var out []string
	for _, w := range normalize.PersonNameWords(name) {
		if !isHan(w) {
			continue
		}
		if utf8.RuneCountInString(w) == 1 {
			out = append(out, uFold(strings.Join(usualPinyin(w), "")), uFold(strings.Join(familyPinyin(w), "")))
			continue
		}
		if hn, ok := ParseHanName(Simplify(w)); ok {
			out = append(out, uFold(strings.Join(familyPinyin(hn.Family), "")), uFold(strings.Join(usualPinyin(hn.Given), "")))
		}
	}
	return out
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
	if hn, ok := ParseHanName(text); ok {
		return uFold(strings.Join(familyPinyin(hn.Family), ""))
	}
	// "Zhiqiang Chen 陈志强", "Xil yi Xu 徐欣怡": the Han form beside a romanised or
	// English one says the family name where the Latin words' order does not.
	if hp := hanPart(text); hp != text {
		if hn, ok := ParseHanName(hp); ok {
			return uFold(strings.Join(familyPinyin(hn.Family), ""))
		}
	}
	f := nameField(n.Family)
	if f == "" || hasHan(f) || strings.TrimSpace(n.Given) == "" {
		return ""
	}
	// Zēng or Céng with its tone marks: the marks go, as NameLetters drops them, and the
	// letters stay.
	var b strings.Builder
	for _, r := range pinyinLatin([]string{strings.Join(normalize.PersonNameWords(f), "")}) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return latinFamilyReading(b.String())
}

// familyInGivenField reports whether a Han name given in two fields has its family name
// in the first-name field: 方 as the first name and 婷敏 as the last, where the one
// character is the family name; or 李 as the first name and 超 as the last, where of two
// single characters one is a common family name and the other not.
func familyInGivenField(given, family string) bool {
	// A compound family name (上官, 欧阳) is the family name wherever it was typed: 磊 /
	// 上官 is 上官磊, and 上官 / 磊 is too.
	_, givenCompound := compoundSurnames[Simplify(given)]
	_, familyCompound := compoundSurnames[Simplify(family)]
	if givenCompound || familyCompound {
		return givenCompound && !familyCompound
	}
	return utf8.RuneCountInString(given) == 1 && (utf8.RuneCountInString(family) > 1 ||
		utf8.RuneCountInString(family) == 1 && commonFamily(given) && !commonFamily(family))
}

// latinFamilyReadings are romanised family names that spell a character's usual
// reading where, as a family name, it is read otherwise, and that no other family name
// is read as: 曾 is Zeng as a family name, but Ceng is what a typist who reads the
// character as in 曾经 writes, and no family name is read ceng. A spelling that is
// another family name's reading (Tan is 谭 as well as a misreading of 覃, Dan is 但) is
// not here: read as the one, it would be filed away from the other.
var latinFamilyReadings = map[string]string{"ceng": "zeng"}

// latinFamilyReading is the family-name reading of a romanised family name, in the
// letters FamilyReading and NameLetters key on.
func latinFamilyReading(w string) string {
	if r, ok := latinFamilyReadings[w]; ok {
		return r
	}
	return w
}

// RomanisedChinese reports whether a Latin given name reads as a Chinese given name in
// pinyin syllables (Guixiang, Gui Xiang, Gui-Xiang), not as an English one (Alex,
// Vincent, Linda): the difference between a sister's name and the same person's English
// name beside a Chinese family name. Wade-Giles spellings (Hsin-Yi) are not read: such a
// name counts as English, which keeps a link rather than refusing one.
func RomanisedChinese(given string) bool {
	words := normalize.PersonNameWords(given)
	if len(words) == 0 || hasHan(given) {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if englishReadAsPinyin[lw] {
			return false
		}
		if !isPinyin(pinyinMarks.Replace(lw)) {
			return false
		}
	}
	return true
}

// pinyinMarks drops the hyphens and apostrophes a romanised name may carry between its
// syllables; built once, not per word.
var pinyinMarks = strings.NewReplacer("-", "", "'", "")

// FamilySound is a family name's sound as one key across scripts and romanisations:
// its FamilyReading, a single syllable written as Wade-Giles first spells it, so that
// 葉, Ye and Yeh give one key, 張, Zhang and Chang another, 李, Li and Lee a third. It
// is coarser than a comparison (Chang is 張 and 常 alike) and is meant for blocking,
// where Taiwan's and Hong Kong's customers write an English name and address at one
// shop and a Chinese one at another, and share nothing else a block could find. A
// family name of several syllables (Ouyang, 欧阳) is its letters; "" where
// FamilyReading is.
func FamilySound(n Name) string {
	r := FamilyReading(n)
	switch {
	case r == "":
		return ""
	case r == "lee": // as wadeGilesChoices reads 李
		return "li"
	case hanzi().syllables[uFoldBack(r)]:
		return wadeGiles(r)[0]
	}
	return r
}

// nicknameReads reports whether a Han nickname of the forms hanNickname reads (阿波,
// 洋洋: a character after 阿, or doubled) names one syllable of a romanised name's
// word (Jiabo, Yang): a part of the name, as 张先生 is. It returns that word.
func nicknameReads(han string, latin []string) (string, bool) {
	rs := []rune(han)
	if len(rs) != 2 || rs[0] != '阿' && rs[0] != rs[1] {
		return "", false
	}
	syls := readings(rs[1])
	for _, w := range latin {
		lw := strings.ToLower(w)
		if isPinyin(lw) && hasSyllable(lw, syls) {
			return w, true
		}
	}
	return "", false
}

// hasSyllable reports whether one way of reading the pinyin word w as syllables has
// one of syls among them (jiabo as jia bo has bo).
func hasSyllable(w string, syls []string) bool {
	known := hanzi().syllables
	n := len(w)
	from := make([]bool, n+1) // from[i]: w[:i] reads as syllables
	to := make([]bool, n+1)   // to[i]: w[i:] reads as syllables
	from[0], to[n] = true, true
	for i := 1; i <= n; i++ {
		for j := max(0, i-6); j < i && !from[i]; j++ {
			from[i] = from[j] && known[w[j:i]]
		}
	}
	for i := n - 1; i >= 0; i-- {
		for j := i + 1; j <= min(n, i+6) && !to[i]; j++ {
			to[i] = to[j] && known[w[i:j]]
		}
	}
	for _, s := range syls {
		s = uFold(s)
		for i := 0; i+len(s) <= n; i++ {
			if w[i:i+len(s)] == s && from[i] && to[i+len(s)] {
				return true
			}
		}
	}
	return false
}

// commonFamilies are the hundred or so family names most Chinese people bear (a
// census's list), by which a name of two single characters given in swapped fields
// tells its family name: 李 and 超, 王 and 静.
var commonFamilies = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤" {
		m[r] = true
	}
	return m
}()

// commonFamily reports whether a single character is a common family name.
func commonFamily(s string) bool {
	r, n := utf8.DecodeRuneInString(Simplify(s))
	return n == len(Simplify(s)) && commonFamilies[r]
}

// maskedThenPlain orders two values masked first; ok is false unless exactly one is
// masked.
func maskedThenPlain(a, b string) (masked, plain string, ok bool) {
	if !IsMasked(a) {
		a, b = b, a
	}
	return a, b, IsMasked(a) && !IsMasked(b)
}
