package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/normalize"
)

// Name is a person's name as a source gives it: whole, or split into given and family
// name (FEBRL's given_name and surname, Shopify's first_name and last_name). Full wins
// when it is set.
type Name struct {
	Full   string
	Given  string
	Family string
}

// text returns the whole name: Full, or the parts in the order their script writes them
// (family name first in Han characters).
//
// Han parts win over Full: storefronts build Full as first name then last name ("璐燕 巩"),
// which is backwards for a Chinese name. A clerk may also type the family name into the
// first-name field (张 / 俊华): familyInGivenField says which field holds it, so that
// every reading of the whole name (its family name, its given name's sex, a look-alike
// family name) starts from 张俊华, not 俊华张.
func (n Name) text() string {
	g, f := nameField(n.Given), nameField(n.Family)
	if g == f && g != "" {
		return g // a form that wants both fields, filled with the whole name twice
	}
	if isHan(g+f) && g != "" && f != "" {
		if familyInGivenField(g, f) {
			return g + f // 张 / 俊华: the family name typed in the first-name field
		}
		return f + g
	}
	if s := strings.TrimSpace(n.Full); s != "" {
		return s
	}
	return strings.TrimSpace(g + " " + f)
}

// nameField is one field of a name, trimmed, with bytes that are no UTF-8 replaced
// each on its own: a field's stray lead byte must not join the next field's trailing
// bytes into a character neither holds.
func nameField(s string) string { return strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD") }

// NameKinds are the levels NameLevel returns, strongest first.
func NameKinds() []Kind {
	return []Kind{Null, Exact, Transliterated, Homophone, Nickname, Typo, Phonetic, Similar, Initials, Partial, MaskedCompatible, Different}
}

// Name similarity thresholds: a word pair at or above similarName is Similar; a whole
// name that fails word by word but is one edit away overall (a space lost or gained in
// a long name) is a Typo when at least typoMinLen runes long.
//
// A shared sound (Double Metaphone) of a word shorter than phoneticShort counts as
// Phonetic only where the spellings are at least phoneticSpelling alike in Jaro-Winkler
// as well: the code of a short name has a consonant or two, which names that are not
// one share (Bill and Paul are both PL, Jane and John both JN), while the spellings of
// one short name heard and written down stay close (Jon, Jean 0.75; Alan, Allen 0.83).
// Longer words' codes (Smith, Schmidt XMT) are specific enough alone.
const (
	similarName      = 0.88
	typoMinLen       = 3
	phoneticShort    = 5
	phoneticSpelling = 0.70
)

// maxNameBytes bounds the names compared word by word, which costs the product of
// their lengths: no person's name is longer, but a field holding something else may be.
const maxNameBytes = 256

// NameLevel compares two person names. It returns, strongest first:
//   - Null: a name missing, wholly masked, or without letters;
//   - Exact: the same words in any order ("Wei Zhang", "ZHANG Wei"; given and family
//     name swapped), the same letters spaced otherwise ("zhangwei"), or the same Han
//     characters once traditional ones are simplified (張偉, 张伟);
//   - Transliterated: Han characters against a romanisation they can be read as (张伟,
//     "Zhang Wei", "Wei Zhang", "zhangwei"; 吕 as Lu, Lv or Lyu);
//   - Nickname: one word a nickname of the other's, the rest exact (Bob Smith, Robert
//     Smith);
//   - Typo: a word one edit from the other's (Jon, John), or a Han name of three or
//     more characters with one character different;
//   - Homophone: Han names of one family name whose given names read alike (梁树林,
//     梁树临);
//   - Phonetic: words with a Double Metaphone code in common (Smith, Schmidt), or Han
//     names that read alike under two family names (张伟, 章玮);
//   - Similar: words with Jaro-Winkler similarity at least 0.88 (Thompson, Tomson);
//   - Initials: an initial against a name starting with it (J. Smith, John Smith), or
//     two equal initials, which never make an exact match;
//   - Partial: one name has words the other lacks, the rest agreeing (Smith against
//     John Smith, 王 against 王伟, a middle name on one side);
//   - MaskedCompatible: a masked name whose visible part fits (张** and 张伟);
//   - Different: anything else.
//
// A name is as strong as its weakest word pair: Bob Smyth against Robert Smith is a Typo
// (smyth, smith), not a Nickname.
//
// Han names given in parts are also compared with their parts swapped, since clerks
// type a Chinese name into first and last name in either order ("王 宇辉" with 王 as the
// first name), and the better level counts.
func NameLevel(a, b Name) Level {
	l := compareNames("name", a.text(), b.text())
	if l.Kind == Exact || l.Kind == Null {
		return l
	}
	for _, p := range [][2]Name{{a, b}, {b, a}} {
		// 小吴 against 云 吴, whose family field holds 吴: the family, as the parts say.
		// Read with the parts the other way round, 吴 would be the last character of a
		// given name, and 小吴 that member's own pet name (小英 for 王秀英).
		if petOfFamily(p[0], p[1]) {
			pet := strings.TrimSpace(p[0].text())
			return level("name", Partial, "%s: family name %s only", pet, string([]rune(pet)[1:]))
		}
	}
	for _, sw := range []struct{ a, b Name }{{a.swapped(), b}, {a, b.swapped()}} {
		if sw.a == a && sw.b == b {
			continue
		}
		if alt := compareNames("name", sw.a.text(), sw.b.text()); alt.Kind != Null && alt.Kind.Stronger(l.Kind) {
			l = alt
		}
	}
	return latinPartsAgree(a, b, l)
}

// petOfFamily reports whether pet is 小 or 老 before the family name of full given in
// parts: the part in the family field (小吴, 老吴 against 云 吴), or the one character
// in the given field beside two characters in the family field that are no compound
// family name (小肖 against 肖 依诺, the parts typed into each other's fields: a Chinese
// name is one family character and one or two given ones far more often than the
// reverse).
func petOfFamily(pet, full Name) bool {
	rs := []rune(strings.TrimSpace(pet.text()))
	if len(rs) != 2 || rs[0] != '小' && rs[0] != '老' {
		return false
	}
	x := Simplify(string(rs[1]))
	g, f := Simplify(strings.TrimSpace(full.Given)), Simplify(strings.TrimSpace(full.Family))
	if !isHan(g+f) || g == "" || f == "" {
		return false
	}
	_, compound := compoundSurnames[f]
	return x == f || x == g && utf8.RuneCountInString(f) == 2 && !compound
}

// swapped is a Han name given in parts with the parts exchanged (and Full dropped, which
// the parts decide for Han names); any other name as it is.
func (n Name) swapped() Name {
	g, f := strings.TrimSpace(n.Given), strings.TrimSpace(n.Family)
	if g == "" || f == "" || g == f || !isHan(g+f) {
		return n
	}
	return Name{Given: f, Family: g}
}

// NamePartLevel compares one part of two names, such as the given names or the family
// names where a source sends them apart; field names it in the explanation ("given",
// "family"). It returns the levels NameLevel does. Sources that split names are best
// scored part by part, as Splink scores FEBRL: where one part was replaced (Roy Paterson,
// Jack Paterson) the other's agreement is still evidence, while NameLevel, judging the
// name as a whole, calls the pair Different. NameLevel on the whole names then tells
// swapped parts (Exact) from different names.
func NamePartLevel(field, a, b string) Level {
	return compareNames(field, a, b)
}

func compareNames(field, a, b string) Level {
	a, b = spaceInitials(strings.TrimSpace(a)), spaceInitials(strings.TrimSpace(b))
	if a == "" || b == "" {
		return level(field, Null, "missing")
	}
	if IsMasked(a) || IsMasked(b) {
		return maskedName(field, a, b)
	}
	wa, wb := normalize.PersonNameWords(a), normalize.PersonNameWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return level(field, Null, "no letters")
	}
	if len(a) > maxNameBytes || len(b) > maxNameBytes {
		if slices.Equal(wa, wb) {
			return level(field, Exact, "")
		}
		return level(field, Different, "too long to compare word by word")
	}
	ha, la := splitScript(wa)
	hb, lb := splitScript(wb)
	switch {
	case ha != "" && hb != "":
		l := hanLevel(field, ha, hb)
		if l.Kind == Typo || l.Kind == Different {
			// Yanjing Shi 石艳品 against 石艳晶: the Han writings a character apart, and
			// not alike in sound, but the name's own romanisation spells the other's: a
			// character misread or mistyped where the person spelt their name.
			for _, w := range []struct {
				han   string
				latin []string
			}{{hb, la}, {ha, lb}} {
				if len(w.latin) == 0 {
					continue
				}
				if transliteration(field, w.han, w.latin).Kind == Transliterated {
					return level(field, Transliterated, "%s ~ %s: %s, written beside the other, spells %s", ha, hb, strings.Join(w.latin, " "), w.han)
				}
			}
		}
		return l
	case ha != "" && len(lb) > 0 && len(la) == 0:
		return transliteration(field, ha, lb)
	case hb != "" && len(la) > 0 && len(lb) == 0:
		return transliteration(field, hb, la)
	case ha != "" && len(la) > 0 && hb == "":
		return mixedScript(field, ha, la, lb)
	case hb != "" && len(lb) > 0 && ha == "":
		return mixedScript(field, hb, lb, la)
	case len(la) > 0 && len(lb) > 0:
		l := latinWordsLevel(field, la, lb)
		if field == "given" && l.Kind == Partial && syllablesApart(la, lb) {
			// Zi-Ting against Ning: romanised Chinese syllables of other counts, none
			// in common; ting and ning look alike and are two characters.
			return level(field, Different, "%s against %s: no syllable in common", strings.Join(la, " "), strings.Join(lb, " "))
		}
		if field == "given" && (l.Kind == Partial || l.Kind == Initials) && middleNameApart(la, lb) {
			return level(field, Exact, "%s ~ %s: the same first name, a middle name written in part or on one side only",
				strings.Join(la, " "), strings.Join(lb, " "))
		}
		if l.Kind == Different && (englishAlone(la) && len(lb) > 1 && allPinyin(lb) || englishAlone(lb) && len(la) > 1 && allPinyin(la)) {
			// Emma alone against Shi Mingzhi: an English name beside a romanised
			// Chinese one, which it neither spells nor rules out (as Emma against 石明志).
			return level(field, Null, "%s alone, an English name, says nothing of %s", strings.Join(la, " "), strings.Join(lb, " "))
		}
		return l
	}
	return level(field, Different, "different scripts")
}

// splitScript separates the CJK word PersonNameWords puts last (simplified when it is
// Han) from the other words.
func splitScript(words []string) (cjk string, other []string) {
	last := words[len(words)-1]
	if r, _ := utf8.DecodeRuneInString(last); unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return Simplify(last), words[:len(words)-1]
	}
	return "", words
}

// hanLevel compares two names written in CJK characters.
func hanLevel(field, a, b string) Level {
	if a == b {
		return level(field, Exact, "")
	}
	na, okA := ParseHanName(a)
	nb, okB := ParseHanName(b)
	if !okA || !okB { // kana, hangul or an overlong run: compare as text
		if OneEdit(a, b) && min(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) >= typoMinLen {
			return level(field, Typo, "%s ~ %s: one character apart", a, b)
		}
		return level(field, Different, "")
	}
	// A name written given name first ("璐燕巩" for 巩璐燕, as a one-field form filled
	// in the Western order gives it): the same characters, rotated at the family name.
	if utf8.RuneCountInString(a) == utf8.RuneCountInString(b) && isRotation(a, b) {
		return level(field, Exact, "%s and %s: family and given name swapped", a, b)
	}
	if na.Family == nb.Family && (na.Given == "" || nb.Given == "") {
		return level(field, Partial, "family name %s only", na.Family)
	}
	if (na.Given == "") != (nb.Given == "") && (misreadFamily(na.Family, nb.Family) || misreadFamily(nb.Family, na.Family)) {
		// 王女士 against 丽 主: the family name alone, which the other misread.
		return level(field, Partial, "family name %s only, %s looks alike", na.Family, nb.Family)
	}
	for _, p := range [][2]string{{a, b}, {b, a}} {
		// 欧阳 (欧阳女士, the title dropped) against 欧阳文怡: a compound family name
		// alone, though two characters read alone as 欧 阳.
		if _, ok := compoundSurnames[p[0]]; ok && utf8.RuneCountInString(p[1]) > 2 && strings.HasPrefix(p[1], p[0]) {
			return level(field, Partial, "family name %s only", p[0])
		}
	}
	if k, r, ok := homophoneLevel(na, nb); ok {
		return level(field, k, "%s ~ %s: both read %s", a, b, r)
	}
	if l, ok := hanNicknames(field, a, b, na, nb); ok {
		return l
	}
	if na.Given == nb.Given && lookAlike(na.Family, nb.Family) {
		return level(field, Typo, "%s and %s look alike", na.Family, nb.Family)
	}
	// One character of the given name apart; another family name is another family.
	if na.Family == nb.Family && utf8.RuneCountInString(a) == utf8.RuneCountInString(b) && utf8.RuneCountInString(a) >= typoMinLen && OneEdit(a, b) {
		return level(field, Typo, "%s ~ %s: one character apart", a, b)
	}
	return level(field, Different, "")
}

// lookAlikes are family names whose characters are told apart by a stroke or two (王 and
// 主, 李 and 季, 陳 and 陸, 楊 and 湯): a courier's slip read by eye, a name copied from a
// photo, is one of them, where an input method's slip is a homophone.
var lookAlikes = map[[2]string]bool{}

func init() {
	for _, g := range [][]string{{"王", "主", "玉"}, {"李", "季"}, {"陈", "陆"}, {"杨", "汤"}, {"吕", "吴"},
		{"田", "由", "甲", "申"}, {"于", "干"}, {"白", "百"}, {"史", "吏"}, {"宋", "宗"}, {"侯", "候"}} {
		for _, a := range g {
			for _, b := range g {
				if a != b {
					lookAlikes[[2]string{a, b}] = true
				}
			}
		}
	}
}

func lookAlike(a, b string) bool { return lookAlikes[[2]string{a, b}] }

// misreadFamily reports whether the family name written looks like the common one
// meant and is a rare one itself (主 for 王, 季 for 李), so that it is taken for a
// misreading; two common family names that look alike (陈 and 陆) are two families.
func misreadFamily(written, meant string) bool {
	return lookAlike(written, meant) && !commonFamily(written) && commonFamily(meant)
}

// readsAsLookAlike reports whether a Han name reads as romanised text once its family
// name is taken for one that looks alike (主丽 as 王丽, Wang Li), with that family name
// and the reading. Only a name with a given name (a family name alone is too little),
// and only a rare family name misread from a common one: 主 and 季 are seldom anyone's
// family name where 王 and 李 are many people's, while 陈 against Lu is 陆, a family
// of its own, as 王 against Yu is 于 or 余 more often than 玉.
func readsAsLookAlike(n HanName, text string) (family, reading string, ok bool) {
	if n.Given == "" {
		return "", "", false
	}
	var alts []string
	for p := range lookAlikes {
		if p[0] == n.Family && misreadFamily(p[0], p[1]) {
			alts = append(alts, p[1])
		}
	}
	slices.Sort(alts)
	for _, alt := range alts {
		if r, ok := readsAs(HanName{Family: alt, Given: n.Given}, text); ok {
			return alt, r, true
		}
	}
	return "", "", false
}

// LookAlikeNames reports whether two Han names are one given name under family names
// that look alike (王强 and 主强): a misreading of one person's name, which two people's
// names are not, though they differ in one character.
//
// The digits a privacy waybill prints after the name (王丽7496, the number's last four)
// are not part of it.
func LookAlikeNames(a, b Name) bool {
	digits := "0123456789"
	ha, hb := Simplify(strings.TrimRight(hanPart(a.text()), digits)), Simplify(strings.TrimRight(hanPart(b.text()), digits))
	na, okA := ParseHanName(ha)
	nb, okB := ParseHanName(hb)
	return okA && okB && na.Given != "" && na.Given == nb.Given && lookAlike(na.Family, nb.Family)
}

// allSyllables reports whether every word is one pinyin syllable (ling, yan), as
// romanised given names split by syllable are.
func allSyllables(words []string) bool {
	for _, w := range words {
		if !hanzi().syllables[uFoldBack(strings.ToLower(w))] {
			return false
		}
	}
	return true
}

// transliteration compares a Han name with a romanised one.
func transliteration(field, han string, latin []string) Level {
	n, ok := ParseHanName(han)
	if !ok {
		return level(field, Null, "%s cannot be read as pinyin", han) // kana, hangul: no evidence either way
	}
	text := pinyinLatin(latin)
	if r, ok := readsAs(n, text); ok {
		return level(field, Transliterated, "%s reads %s", han, r)
	}
	if r, english, ok := readsBesideEnglish(n, latin); ok {
		return level(field, Transliterated, "%s reads %s beside the English name %s", han, r, english)
	}
	if w, ok := nicknameReads(han, latin); ok {
		return level(field, Partial, "%s calls %s by one syllable", han, w)
	}
	if w, ok := petOrGivenReads(han, latin); ok {
		return level(field, Nickname, "%s calls %s by its given name", han, w)
	}
	if alt, r, ok := readsAsLookAlike(n, text); ok {
		// 丽 主 against Wang Li, on one phone: the family name misread from a
		// waybill or a photo (王 as 主), as hanLevel finds against 王丽 written in
		// characters; the romanisation spells what the person is called.
		return level(field, Typo, "%s reads %s as %s%s, whose family name looks alike", han, r, alt, n.Given)
	}

	family, called := n, ""
	if rs := []rune(han); len(rs) == 2 && (rs[0] == '小' || rs[0] == '老') {
		// 小温 or 老温 is what friends call 温振波: the family name alone, as 温先生
		// is, and Zhenbo Wen reads it.
		family, called = HanName{Family: string(rs[1])}, han+": "
	}
	if family.Given == "" { // a family name alone against a full romanised name
		for _, w := range latin {
			if _, ok := readsAs(family, pinyinLatin([]string{w})); ok {
				return level(field, Partial, "%sfamily name %s only", called, family.Family)
			}
		}
	}
	// Compare the usual reading word by word, so that a typo in the romanisation still
	// counts; an exact result here would have been found above.
	py := familyPinyin(n.Family)
	words := []string{uFold(strings.Join(py, "")), uFold(strings.Join(usualPinyin(n.Given), ""))}
	if n.Given == "" {
		words = words[:1]
	}
	lw := strings.Fields(uFold(strings.Join(latin, " ")))
	l := wordsLevel(field, words, lw)
	if (l.Kind == Typo || l.Kind == Similar) && len(words) == 1 && len(lw) == 1 && lw[0] != words[0] &&
		hanzi().syllables[uFoldBack(strings.ToLower(lw[0]))] {
		// 萍 against Jing, 刘 against Li: one syllable against another is another name,
		// however few letters apart (ping, jing, ling and ming are four names).
		return level(field, Different, "%s reads %s, not %s", han, words[0], strings.ToLower(lw[0]))
	}
	if l.Kind == Partial && len(words) == 1 && len(lw) > 1 && !slices.Contains(lw, words[0]) && allSyllables(lw) {
		// 杨 against Ling Yan: one character's syllable against several, none of them
		// its own (yang is not yan). The other side is not that name in part, as Yan
		// beside 艳 (Lingyan's second character alone) is: it is another given name
		// whose letters come close, and a household's address and family name beside
		// it had joined 王杨 to her sister Wang Ling Yan.
		return level(field, Different, "%s reads %s, none of %s", han, words[0], strings.Join(lw, " "))
	}
	if w, x, ok := oneGivenSyllableApart(n, words, lw); ok && field == "name" && (l.Kind == Typo || l.Kind == Similar) {
		// 张慧 against Zhang Hua: the family name read alike and a given name of one
		// character read as another syllable, as above. A whole name only: a given
		// name of two characters (文明 against Wen-ting) is no family and given name.
		return level(field, Different, "%s reads %s, not %s", han, w, x)
	}
	if l.Kind == Exact {
		return level(field, Transliterated, "%s reads %s", han, strings.Join(words, " "))
	}
	if l.Kind == Partial && n.Given != "" {
		// Partial is a name that lacks what the other has. Gui Xiang ZHANG against
		// 张桂花 lacks nothing: the words beside the family name are a given name,
		// split into syllables, and it is another one (xiang, not hua).
		// A given name beside other words (Jinfeng Li Smith, Li Jinfeng Trading) is
		// still partial.
		given := uFold(strings.Join(usualPinyin(n.Given), ""))
		if rest, ok := givenBesideFamily(n, latin); ok && !strings.Contains(rest, given) {
			if min(len(given), len(rest)) >= typoMinLen && OneEdit(given, rest) {
				return level(field, Typo, "%s ~ %s: damerau-levenshtein 1", given, rest)
			}
			return level(field, Different, "given name %s against %s", given, rest)
		}
	}
	if l.Kind == Different && englishAlone(latin) {
		// Sherry or Alex alone, against 覃宇: an English name a Chinese customer goes
		// by, which no reading of the Han name gives or rules out.
		return level(field, Null, "%s alone, an English name, says nothing of %s", latin[0], han)
	}
	return l
}

// givenBesideFamily returns the romanised words other than the one that reads as the
// Han name's family name, joined as transliteration compares them; false where no word
// reads as the family name or none is left beside it.
func givenBesideFamily(n HanName, latin []string) (string, bool) {
	for i, w := range latin {
		if _, ok := readsAs(HanName{Family: n.Family}, pinyinLatin([]string{w})); !ok {
			continue
		}
		rest := append(slices.Clone(latin[:i]), latin[i+1:]...)
		if len(rest) == 0 {
			return "", false
		}
		return pinyinLatin(rest), true
	}
	return "", false
}

// grade is how well one word of a name matches one of the other, best first.
type grade uint8

const (
	gradeSame grade = iota
	gradeNickname
	gradeTypo
	gradePhonetic
	gradeSimilar
	gradeInitial
	gradeNone
)

var gradeKind = [...]Kind{Exact, Nickname, Typo, Phonetic, Similar, Initials, Different}

// wordMatch is a graded pair of words and what decided the grade.
type wordMatch struct {
	i, j   int
	grade  grade
	jw     float64
	detail string
	// form is set where an initial stands for another form of the other word's name
	// (T. for Anthony, by Tony), not for the word itself.
	form bool
}

// gradeWords grades the pair x, y.
func gradeWords(x, y string) wordMatch {
	jw := normalize.JaroWinkler(x, y)
	m := wordMatch{jw: jw, grade: gradeNone}
	nx, ny := utf8.RuneCountInString(x), utf8.RuneCountInString(y)
	switch {
	case x == y && nx == 1:
		m.grade, m.detail = gradeInitial, fmt.Sprintf("initial %s on both sides", x)
	case x == y:
		m.grade = gradeSame
	case nx == 1 || ny == 1:
		xr, _ := utf8.DecodeRuneInString(x)
		yr, _ := utf8.DecodeRuneInString(y)
		switch {
		case xr == yr:
			m.grade, m.detail = gradeInitial, fmt.Sprintf("%s ~ %s: initial", x, y)
		case nx == 1 && InitialOfAForm(x, y) || ny == 1 && InitialOfAForm(y, x):
			m.grade, m.detail, m.form = gradeInitial, fmt.Sprintf("%s ~ %s: the initial of a form of the name", x, y), true
		}
	case Nicknames(x, y):
		m.grade, m.detail = gradeNickname, x+" ~ "+y
	case min(nx, ny) >= typoMinLen && OneEdit(x, y):
		m.grade, m.detail = gradeTypo, fmt.Sprintf("%s ~ %s: damerau-levenshtein 1", x, y)
	case NicknameOfSlip(x, y) || NicknameOfSlip(y, x):
		m.grade, m.detail = gradeTypo, fmt.Sprintf("%s ~ %s: a nickname of a name one letter off", x, y)
	case SlipOfNickname(x, y) || SlipOfNickname(y, x):
		m.grade, m.detail = gradeTypo, fmt.Sprintf("%s ~ %s: a nickname of the name, one letter off", x, y)
	default:
		code, ok := PhoneticMatch(x, y)
		switch {
		case ok && sharedStartOnly(x, y, code):
			// Christophe and Christelle: one stem, two names (nor are they similar,
			// which Jaro-Winkler's weight on a shared start would make them).
		case ok && min(nx, ny) >= typoMinLen && (min(nx, ny) >= phoneticShort || jw >= phoneticSpelling):
			m.grade, m.detail = gradePhonetic, fmt.Sprintf("%s ~ %s: double metaphone %s", x, y, code)
		case jw >= similarName:
			m.grade, m.detail = gradeSimilar, fmt.Sprintf("%s ~ %s: jaro-winkler %.2f >= %.2f", x, y, jw, similarName)
		}
	}
	return m
}

// sharedStartOnly reports whether code, a Double Metaphone code x and y share, comes
// wholly from the letters they start with while the words go on in other sounds:
// Christophe and Christelle (both KRST, from "christ"), Gabriele and Gabriella. A code
// stops at four sounds, so names built on one stem (often a man's and a woman's, given
// to twins or siblings) meet on it though they end apart; Smith and Schmidt meet on
// sounds their letters spell differently, which is what a phonetic match is for.
func sharedStartOnly(x, y, code string) bool {
	rx, ry := []rune(x), []rune(y)
	n := 0
	for n < len(rx) && n < len(ry) && rx[n] == ry[n] {
		n++
	}
	if n == 0 || n == len(rx) || n == len(ry) {
		return false
	}
	if p, a := DoubleMetaphone(string(rx[:n])); code != p && code != a {
		return false
	}
	_, ok := PhoneticMatch(string(rx[n:]), string(ry[n:]))
	return !ok
}

// sameWords reports whether a and b hold the same words, in any order. Lists of other
// lengths, and one word against one, are told without sorting copies of both (a copy
// each, for every name part of every pair compared).
func sameWords(a, b []string) bool {
	switch {
	case len(a) != len(b):
		return false
	case len(a) == 1:
		return a[0] == b[0]
	}
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// wordsLevel compares two names as lists of words, in any order.
func wordsLevel(field string, a, b []string) Level {
	if sameWords(a, b) {
		if slices.ContainsFunc(a, func(w string) bool { return utf8.RuneCountInString(w) == 1 }) {
			return level(field, Initials, "initials on both sides")
		}
		return level(field, Exact, "")
	}
	ca, cb := strings.Join(a, ""), strings.Join(b, "")
	if ca == cb || joinedBackwards(a, cb) || joinedBackwards(b, ca) {
		return level(field, Exact, "same letters, spaced differently")
	}
	pairs := align(a, b)
	worst := pairs[0]
	for _, p := range pairs[1:] {
		if p.grade > worst.grade || (p.grade == worst.grade && p.jw < worst.jw) {
			worst = p
		}
	}
	if len(a) != len(b) && slices.ContainsFunc(pairs, func(p wordMatch) bool { return p.form }) {
		// H.J. Bakker against Anna Bakker: initials run together stand for names of
		// their own, not for a form of the other's (Hannah, of Anna's forms).
		return level(field, Different, "%s against %s: an initial beside another name", strings.Join(a, " "), strings.Join(b, " "))
	}
	if initialForAnother(a, b, pairs) {
		return level(field, Different, "%s against %s: an initial beside another name", strings.Join(a, " "), strings.Join(b, " "))
	}
	if worst.grade == gradeNone {
		if OneEdit(ca, cb) && min(len(ca), len(cb)) >= 2*typoMinLen {
			return level(field, Typo, "%s ~ %s: damerau-levenshtein 1", strings.Join(a, " "), strings.Join(b, " "))
		}
		return level(field, Different, "")
	}
	if len(a) != len(b) {
		return level(field, Partial, "%s against %s", strings.Join(a, " "), strings.Join(b, " "))
	}
	return level(field, gradeKind[worst.grade], "%s", worst.detail)
}

// initialForAnother reports whether an aligned initial stands for a word of the other
// name while its own side keeps a whole word the alignment left out that does not
// match that word either: Jeffrey A. against Ashley is Jeffrey with a middle initial,
// not Ashley, though A is Ashley's initial, and Renee C. is not C. (Christopher): the
// name a person is called by is the whole word; an initial beside it can only be a
// second name.
func initialForAnother(a, b []string, pairs []wordMatch) bool {
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	for _, p := range pairs {
		usedA[p.i], usedB[p.j] = true, true
	}
	for _, p := range pairs {
		if p.grade != gradeInitial {
			continue
		}
		x, y := a[p.i], b[p.j]
		if utf8.RuneCountInString(x) == 1 && leftOver(a[:beforeSame(a, b, pairs, p.i, true)], usedA, y) ||
			utf8.RuneCountInString(y) == 1 && leftOver(b[:beforeSame(a, b, pairs, p.j, false)], usedB, x) {
			return true
		}
	}
	return false
}

// beforeSame returns how many words of one side (a's where onA) come before the last
// word after the initial at index initial that the alignment found the same on both
// sides, or all of them where none is or a generation word follows (fils, Jr.): the
// words after it are further family
// names (J. García López against José García: the second surname a Spanish card
// writes in full), not a name the person goes by, which Latin names write first.
func beforeSame(a, b []string, pairs []wordMatch, initial int, onA bool) int {
	words := b
	if onA {
		words = a
	}
	last := -1
	for _, p := range pairs {
		k := p.j
		if onA {
			k = p.i
		}
		if p.grade == gradeSame && k > initial && k > last {
			last = k
		}
	}
	if last < 0 {
		return len(words)
	}
	for _, w := range words[last+1:] {
		if _, ok := generations[strings.TrimSuffix(w, ".")]; ok || w == "jun" || w == "sen" {
			return len(words) // É. Gaudin fils against Emile Gaudin: a son, not a second surname
		}
	}
	return last
}

// leftOver reports whether words hold a whole word the alignment left out (used) that
// does not match other.
func leftOver(words []string, used []bool, other string) bool {
	for k, w := range words {
		if !used[k] && utf8.RuneCountInString(w) > 1 && gradeWords(w, other).grade == gradeNone {
			return true
		}
	}
	return false
}

// align pairs each word of the shorter name with a word of the other, best grades
// first (greedily: names have few words), and returns the pairs.
func align(a, b []string) []wordMatch {
	// Every pair, on the stack for names of a few words: grown by append on the heap,
	// it was copied a few times a name.
	var room [9]wordMatch
	all := room[:0]
	if len(a)*len(b) > len(room) {
		all = make([]wordMatch, 0, len(a)*len(b))
	}
	for i, x := range a {
		for j, y := range b {
			m := gradeWords(x, y)
			m.i, m.j = i, j
			all = append(all, m)
		}
	}
	slices.SortStableFunc(all, func(p, q wordMatch) int {
		if p.grade != q.grade {
			return int(p.grade) - int(q.grade)
		}
		switch {
		case p.jw > q.jw:
			return -1
		case p.jw < q.jw:
			return 1
		}
		return 0
	})
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	out := make([]wordMatch, 0, min(len(a), len(b)))
	for _, m := range all {
		if !usedA[m.i] && !usedB[m.j] {
			usedA[m.i], usedB[m.j] = true, true
			out = append(out, m)
		}
	}
	return out
}

// joinedBackwards reports whether s is words joined last to first, as
// strings.Join of the reversed words would be, without building either: every
// comparison of two names asks it twice.
func joinedBackwards(words []string, s string) bool {
	for i := len(words) - 1; i >= 0; i-- {
		rest, ok := strings.CutPrefix(s, words[i])
		if !ok {
			return false
		}
		s = rest
	}
	return s == ""
}

// isRotation reports whether b is a rotated at one place (张伟 and 伟张) where one of the
// two pieces can be a family name: one character, or a compound family name (欧阳娜娜
// and 娜娜欧阳). Two different people whose names rotate into each other are rare
// enough; a form filled in the Western order is not.
func isRotation(a, b string) bool {
	ra := []rune(a)
	if len(ra) > 6 {
		return false
	}
	for i := 1; i < len(ra); i++ {
		head, tail := string(ra[:i]), string(ra[i:])
		if tail+head != b {
			continue
		}
		for _, fam := range []string{head, tail} {
			if _, compound := compoundSurnames[fam]; compound || len([]rune(fam)) == 1 {
				return true
			}
		}
	}
	return false
}

// NameLetters returns a name's letters sorted, lower case, with Han characters read in
// pinyin (张伟, "Zhang Wei", "WEI Zhang" and "zhangwei" all give aaeghinwz): a block key
// under which a name meets its romanisation, its parts swapped or run together, whatever
// the form's order. Letters sorted also let anagrams meet; blocking only proposes pairs,
// and the comparison decides.
func NameLetters(n Name) string { return nameLetters(n, false) }

// NameLettersWadeGiles is NameLetters with Han characters read in Wade-Giles (謝勝雄 as
// hsieh sheng hsiung), the romanisation of Taiwan's passports: the block key under which
// 謝勝雄 meets "Sheng-Hsiung Hsieh". A name without Han characters gives its NameLetters,
// so that it is filed where a Han name's Wade-Giles reading looks for it.
func NameLettersWadeGiles(n Name) string { return nameLetters(n, true) }

func nameLetters(n Name, wadeGilesReading bool) string {
	text := n.text()
	if IsMasked(text) {
		return ""
	}
	var letters []rune
	for _, w := range hanWritingOf(normalize.PersonNameWords(text)) {
		switch {
		case hasHan(w) && wadeGilesReading:
			var sb strings.Builder
			for _, syl := range Pinyin(w) {
				sb.WriteString(wadeGiles(syl)[0])
			}
			w = sb.String()
		case hasHan(w):
			w = uFold(strings.Join(Pinyin(w), ""))
		default:
			w = latinFamilyReading(pinyinLatin([]string{strings.ToLower(w)}))
		}
		for _, r := range w {
			if r >= 'a' && r <= 'z' {
				letters = append(letters, r)
			}
		}
	}
	slices.Sort(letters)
	return string(letters)
}

// hanWritingOf returns a name's words without its Latin ones when it also holds a full
// name in Han characters ("Tingting Huang 黄婷婷", "Lily 魏秀云"): the romanisation or
// English name a shop prints beside the Han one is the same person's, and its letters
// would only keep the name from the key that the Han name alone, or its romanisation
// alone, is filed under. A Han family name alone ("Tony 熊") keeps the Latin words.
func hanWritingOf(words []string) []string {
	if len(words) < 2 {
		return words
	}
	var han []string
	for _, w := range words {
		if hasHan(w) {
			han = append(han, w)
		}
	}
	if len(han) != 1 || utf8.RuneCountInString(han[0]) < 2 {
		return words
	}
	return han
}

// HanWriting returns the full Han name a name written in both scripts holds beside its
// Latin words (黄婷婷 of "Tingting Huang 黄婷婷"), "" for any other name.
func HanWriting(name string) string {
	words := normalize.PersonNameWords(name)
	if h := hanWritingOf(words); len(h) == 1 && len(words) > 1 {
		return h[0]
	}
	return ""
}

// SameFamilyAcrossScripts reports whether one name is written in Han characters and the
// other in Latin letters, the Han name's family name reads as one of the Latin name's
// words, and another word is not pinyin: 汪华斌 and "Coco Wang", where an English given
// name stands beside a Chinese family name.
//
// Both in Latin letters, it reports whether they share a pinyin word, the family name,
// and beside it one writes a pinyin given name and the other an English one: "Amy He"
// and "Fei Hua He", the English name and the Chinese one of one person. Two English
// names, or two pinyin ones, are two people.
func SameFamilyAcrossScripts(a, b Name) bool {
	if hasHan(b.text()) && !hasHan(a.text()) {
		a, b = b, a
	}
	ta, tb := a.text(), b.text()
	if !hasHan(ta) && !hasHan(tb) {
		return englishBesidePinyin(ta, tb)
	}
	if !hasHan(ta) || hasHan(tb) {
		return false
	}
	// The Han name as its fields put it, family first, and the other way round: a form
	// filled given-first (王 in "first name", 婷娜 in "last name") is as common.
	orders := []string{ta}
	if g, f := strings.TrimSpace(a.Given), strings.TrimSpace(a.Family); isHan(g+f) && g != "" && f != "" {
		orders = append(orders, g+f)
	}
	for _, han := range orders {
		if familyWithEnglishName(han, tb) {
			return true
		}
	}
	return false
}

// englishBesidePinyin reports whether two Latin names share one pinyin word and, beside
// it, one has only pinyin words and the other only words that are not pinyin. The
// shared word is the family name, so it reads as one: a single syllable, or a compound
// family name's two (Ouyang). Pineda reads as pi-ne-da and Monique as mo-ni-que, but
// Monique Pineda and Jonathan Pineda are two English names of one family.
func englishBesidePinyin(a, b string) bool {
	wa, wb := normalize.PersonNameWords(a), normalize.PersonNameWords(b)
	for _, w := range wa {
		lw := strings.ToLower(w)
		if !namePinyin(lw) || !pinyinFamilyName(lw) || !slices.ContainsFunc(wb, func(x string) bool { return strings.ToLower(x) == lw }) {
			continue
		}
		ra, rb := others(wa, lw), others(wb, lw)
		if len(ra) == 0 || len(rb) == 0 {
			return false
		}
		pa, pb := allPinyin(ra), allPinyin(rb)
		return pa && noPinyin(rb) || pb && noPinyin(ra)
	}
	return false
}

// pinyinFamilyName reports whether a lower-case word reads as a Chinese family name in
// pinyin: one syllable, or the syllables of a compound family name run together.
func pinyinFamilyName(w string) bool {
	if hanzi().syllables[strings.ReplaceAll(uFoldBack(w), "'", "")] {
		return true
	}
	for _, r := range compoundSurnames {
		if strings.Join(r, "") == w {
			return true
		}
	}
	return false
}

// others returns the lower-case words other than the first w.
func others(words []string, w string) []string {
	var out []string
	skipped := false
	for _, x := range words {
		lx := strings.ToLower(x)
		if lx == w && !skipped {
			skipped = true
			continue
		}
		out = append(out, lx)
	}
	return out
}

func allPinyin(words []string) bool {
	return !slices.ContainsFunc(words, func(w string) bool { return !namePinyin(w) })
}

func noPinyin(words []string) bool { return !slices.ContainsFunc(words, namePinyin) }

// namePinyin reports whether a word reads as a name's pinyin: syllables with a vowel
// (the interjections n, m and ng name nobody, and read Helen as he-le-n), and not an
// English name pinyin happens to spell.
func namePinyin(w string) bool { return !englishReadAsPinyin[w] && syllableRun(w, true) }

// englishReadAsPinyin are English given names that also split into pinyin syllables
// (lin-da, le-o, an-ge-la), which isPinyin alone would take for a romanised Chinese
// name. Beside a family name that agrees across scripts they are read as the English
// names they nearly always are there: "Linda Wang" beside 王云. Names that are as often
// Chinese given names in pinyin (Lina 丽娜, Nana 娜娜, Dan 丹) are left out on purpose.
var englishReadAsPinyin = map[string]bool{
	"linda": true, "tina": true, "nina": true, "lena": true, "lisa": true, "mona": true,
	"angela": true, "diana": true, "luna": true, "alina": true, "tiana": true, "alan": true,
	"anna": true, "helena": true, "leo": true, "emma": true, "ada": true, "kenny": true, "helen": true,
	"ellen": true, "allen": true, "sean": true,
}

// familyWithEnglishName reports whether the Han name han's family name reads as one of
// latin's words and another of its words is not pinyin.
func familyWithEnglishName(han, latin string) bool {
	// A Han name written with its English name beside it ("Lily 魏秀云"): the Han part
	// is parsed, and the English name is one more word the other side may share.
	// Words as names are read (PersonNameWords): a Pinduoduo buyer's name carries the
	// phone's last four digits (梁晨5462), which are no part of the Han name.
	var hanPart strings.Builder
	shared := map[string]bool{}
	for _, w := range normalize.PersonNameWords(han) {
		if hasHan(w) {
			hanPart.WriteString(w)
		} else {
			shared[strings.ToLower(w)] = true
		}
	}
	n, ok := ParseHanName(Simplify(hanPart.String()))
	if !ok || n.Family == "" {
		return false
	}
	fams := append([]string{uFold(strings.Join(familyPinyin(n.Family), ""))}, dialectFamilySpellings(n.Family)...)
	sameFamily, english := false, false
	for _, w := range normalize.PersonNameWords(latin) {
		switch lw := strings.ToLower(w); {
		case slices.Contains(fams, pinyinLatin([]string{lw})) && !sameFamily:
			sameFamily = true
		case !isPinyin(lw) || englishReadAsPinyin[lw] || shared[lw]:
			english = true
		}
	}
	// A pinyin given name that transliteration found different (Wang Linhua against
	// 王鑫) is another member of the family, not an English name.
	return sameFamily && english
}

// readsBesideEnglish reads a romanised name that carries an English given name beside
// the pinyin ("Sherry Jinfeng Li" for 李金凤, "Vincent Danyan Wang"): without one word
// that is not pinyin (or is an English name that pinyin happens to spell, Linda), the
// rest must spell the whole Han name. It returns the reading and the English word.
func readsBesideEnglish(n HanName, latin []string) (string, string, bool) {
	if n.Given == "" || len(latin) < 3 {
		return "", "", false // two words are a family and a given name, not three parts
	}
	// Only the first word, where an English given name stands: a word elsewhere may be
	// a Western family name (Jinfeng Li Smith) or a company's (Li Jinfeng Trading).
	w := latin[0]
	lw := strings.ToLower(w)
	if !isPinyin(lw) || englishReadAsPinyin[lw] {
		if r, ok := readsAs(n, pinyinLatin(latin[1:])); ok {
			return r, w, true
		}
	}
	// Hong Kong writes no pinyin: beside a name spelled in Cantonese, a first word that
	// pinyin happens to spell (Karen, ka-ren) is the English name, and so is a last one
	// that is no pinyin (CHIU Wing Hin Hugo), as HKID cards put it.
	if r, ok := readsAsCantonese(n, pinyinLatin(latin[1:])); ok {
		return r, w, true
	}
	last := latin[len(latin)-1]
	if ll := strings.ToLower(last); !isPinyin(ll) || englishReadAsPinyin[ll] {
		if r, ok := readsAsCantonese(n, pinyinLatin(latin[:len(latin)-1])); ok {
			return r, last, true
		}
	}
	return "", "", false
}

// mixedScript compares a name written partly in Han characters and partly in Latin
// letters ("Tony 熊": an English given name beside a Chinese family name; "Vincent
// 王单燕", "张旭(Amy)": one beside the whole Chinese name) with one in Latin letters only:
// the Han part is read in pinyin and the words compared. The same words are
// Transliterated, never Exact. A whole Han name that the other side spells on its own
// ("Danyan Wang", "Xu ZHANG") is Transliterated too: the English name is one a person
// adds in some places and not others, like a middle name.
func mixedScript(field, han string, latin, other []string) Level {
	if n, ok := ParseHanName(han); ok && n.Given != "" {
		if r, ok := readsAs(n, pinyinLatin(other)); ok {
			return level(field, Transliterated, "%s reads %s", han, r)
		}
		// The same English name on both sides, and the rest spelling the Han name.
		rest := slices.DeleteFunc(slices.Clone(other), func(w string) bool {
			return slices.ContainsFunc(latin, func(l string) bool { return strings.EqualFold(l, w) })
		})
		if len(rest) < len(other) && len(rest) > 0 {
			if r, ok := readsAs(n, pinyinLatin(rest)); ok {
				return level(field, Transliterated, "%s reads %s beside the English name %s", han, r, strings.Join(latin, " "))
			}
		}
	}
	words := append(slices.Clone(latin), uFold(strings.Join(Pinyin(han), "")))
	other = slices.Clone(other)
	for i := range other {
		other[i] = pinyinLatin([]string{other[i]})
	}
	for i := range words {
		words[i] = pinyinLatin([]string{words[i]})
	}
	l := wordsLevel(field, words, other)
	if l.Kind == Exact {
		return level(field, Transliterated, "%s reads %s", han, strings.Join(words, " "))
	}
	return l
}

// hanNickname compares a two-character name with a full name for the forms family and
// friends call people by, which buyers type as the receiver's name: 阿月 or 月月 for
// 王瑶月 (a character of the given name, after 阿 or doubled) are a Nickname; 小王 or
// 老王 (小 or 老 before the family name) name the family only, Partial.
//
// The other side may name the family alone too (张先生, whose title is dropped before
// this): 小张 and 张先生 are two ways of naming the one family, Partial as each is
// against a full name.
func hanNickname(field, nick string, full HanName) (Level, bool) {
	rs := []rune(nick)
	if len(rs) != 2 || nick == full.Family+full.Given {
		return Level{}, false
	}
	c := string(rs[1])
	switch {
	case full.Given != "" && (rs[0] == '阿' || rs[0] == rs[1]) && strings.Contains(full.Given, c):
		return level(field, Nickname, "%s calls %s%s by %s", nick, full.Family, full.Given, c), true
	case full.Given != "" && rs[0] == '阿' && soundsIn(rs[1], full.Given):
		// 阿华 for 顾浩骅: a nickname is said before it is written, and written with
		// the everyday character of the sound.
		return level(field, Nickname, "%s calls %s%s by the sound of %s", nick, full.Family, full.Given, c), true
	case (rs[0] == '小' || rs[0] == '老') && c == full.Family:
		return level(field, Partial, "%s: family name %s only", nick, c), true
	case rs[0] == '小' && full.Given != "" && strings.HasSuffix(full.Given, c):
		// 小英 for 王秀英: 小 before the given name's last character is how family,
		// friends and the buyer herself write a receiver's name on a delivery (the
		// recipient field of Pinduoduo, Douyin and Meituan orders), as 阿英 is.
		return level(field, Nickname, "%s calls %s%s by %s", nick, full.Family, full.Given, c), true
	case utf8.RuneCountInString(full.Given) == 2 && nick == full.Given:
		// 秀英 for 王秀英: the given name alone, as the family calls her and as she
		// types it into a delivery's recipient field. A two-character given name, so
		// that the one character of 王英 (英 alone) is not read as a whole name.
		return level(field, Nickname, "%s is the given name of %s%s alone", nick, full.Family, full.Given), true
	}
	return Level{}, false
}

// hanNicknames is hanNickname read both ways, a against b's name and b against a's.
// Where both read, as other forms (王王 doubles the 王 of 老王 parsed as family 老, and
// 老王 names the family of 王王), the weaker of the two is the answer, so that the
// level does not depend on which side comes first.
func hanNicknames(field, a, b string, na, nb HanName) (Level, bool) {
	l1, ok1 := hanNickname(field, a, nb)
	l2, ok2 := hanNickname(field, b, na)
	switch {
	case ok1 && ok2 && l2.Kind == Partial:
		return l2, true
	case ok1:
		return l1, true
	}
	return l2, ok2
}

// soundsIn reports whether a character reads as one of the given name's characters.
func soundsIn(r rune, given string) bool {
	for _, g := range given {
		for _, x := range readings(r) {
			if slices.Contains(readings(g), x) {
				return true
			}
		}
	}
	return false
}

// englishAlone reports whether a name is one Latin word that is no name's pinyin: an
// English given name written alone (Emma, Sherry, Linda).
func englishAlone(words []string) bool {
	return len(words) == 1 && !namePinyin(strings.ToLower(words[0]))
}

// generations are the words that tell a father from his son of the same name (Joseph
// Crawford Jr., Darrell Bryant Sr., Henry Ford II), as written after the family name.
// Brazilian names say it in Portuguese: Filho, the son of a father of the same name;
// Neto, the grandson.
// Portuguese writes Júnior too, Spanish hijo ("José García López hijo") and French fils
// and père ("Emile Gaudin fils"; père only with its accent, as Pere is Catalan Peter).
var generations = map[string]string{"jr": "Jr.", "junior": "Jr.", "júnior": "Jr.", "hijo": "Jr.", "fils": "Jr.",
	"sr": "Sr.", "senior": "Sr.", "père": "Sr.",
	"ii": "II", "iii": "III", "iv": "IV", "filho": "Filho", "neto": "Neto"}

// abbreviatedGenerations are the German forms (Hans Müller jun., Karl Weber sen.), read
// only with their full stop and after two names: bare, Jun and Sen are names (Wang Jun,
// Amartya Sen, a given name's pinyin written in syllables).
var abbreviatedGenerations = map[string]string{"jun.": "Jr.", "sen.": "Sr."}

// Generation returns the generational suffix a Latin name ends with ("Jr.", "Sr.",
// "II", "III", "IV"), or "".
func Generation(n Name) string {
	words := strings.FieldsFunc(n.text(), func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	if len(words) < 2 {
		return ""
	}
	last := strings.ToLower(words[len(words)-1])
	if g, ok := abbreviatedGenerations[last]; ok && len(words) >= 3 {
		return g
	}
	return generations[strings.TrimSuffix(last, ".")]
}

// MailboxGeneration returns the generation a mailbox's local part ends with, digits
// after it aside: "Jr." for craigs87jr@icloud.com, patrickolivierjr@yahoo.com or
// craig.sanchez.junior@; "Sr." for the like with sr or senior; "" otherwise. A son named
// after his father tells their mail apart so where his name, on an order, often
// omits the suffix. No English given or family name, and no pinyin syllable, ends in
// jr or sr; II and the like are left out, letters that end too many words.
func MailboxGeneration(email string) string {
	local, _, ok := strings.Cut(strings.ToLower(strings.TrimSpace(email)), "@")
	if !ok {
		return ""
	}
	local = strings.TrimRightFunc(local, func(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-' })
	for _, w := range []string{"junior", "senior", "jr", "sr"} {
		if rest, ok := strings.CutSuffix(local, w); ok && rest != "" {
			return generations[w]
		}
	}
	return ""
}

// middleNameApart reports whether two given names in Latin letters are one first name
// in full with middle names that differ only by being written as an initial or, as
// an initial, left out: Damian L and Damian, DAMIAN LEONARD and Damian L. Checkouts
// ask for a first name and get the middle initial too, from some buyers some of the
// time. A middle name in full on one side only (Barbara Henry and Barbara) is not:
// Maria Luisa is not Maria, nor Jean-Pierre Jean. Not where a middle word is a syllable in pinyin or in
// Hong Kong's spelling: a Chinese given name's second syllable is the name (Chi Kit
// is not Chi).
func middleNameApart(a, b []string) bool {
	if a[0] != b[0] || utf8.RuneCountInString(a[0]) < 2 || len(a) == 1 && len(b) == 1 {
		return false
	}
	for _, w := range append(a[1:len(a):len(a)], b[1:]...) {
		if utf8.RuneCountInString(w) > 1 && (isPinyin(w) || cantoneseSpelling(w)) {
			return false
		}
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for _, w := range b[len(a):] {
		if utf8.RuneCountInString(w) > 1 {
			// Maria Luisa against Maria, Jean Pierre against Jean: a second given
			// name in full on one side only may be the name a mother and her
			// daughter, a father and his son are told apart by.
			return false
		}
	}
	for i := 1; i < len(a); i++ {
		x, y := a[i], b[i]
		if x != y && !(utf8.RuneCountInString(x) == 1 && strings.HasPrefix(y, x)) && !(utf8.RuneCountInString(y) == 1 && strings.HasPrefix(x, y)) {
			return false
		}
	}
	return true
}

// petOrGivenReads reports whether a two-character Han name that is no full name reads
// as a word of a romanised name: 小辉 (小 before a character of the given name, as
// 阿辉 is) against Hanghui Wang, or a given name alone (欣怡, whose first character no
// common family name is) against Xinyi Tao. It returns the word. Buyers type either
// into a delivery's recipient field, and a storefront's form takes the whole name in
// Latin letters: without this, the pet name read as another family name (欣 against
// Tao), and the two orders of one buyer at one phone as a household's.
func petOrGivenReads(han string, latin []string) (string, bool) {
	rs := []rune(Simplify(strings.TrimSpace(han)))
	if len(latin) < 2 || len(rs) != 2 || !isHan(string(rs)) || rs[0] == rs[1] || rs[0] == '阿' || rs[0] == '老' {
		return "", false
	}
	if rs[0] == '小' {
		syls := readings(rs[1])
		if len(syls) == 0 {
			return "", false // a character we have no reading for names no syllable
		}
		for _, w := range latin {
			lw := strings.ToLower(w)
			if isPinyin(lw) && len(lw) > len(syls[0]) && hasSyllable(lw, syls) {
				return w, true // the given name's syllable, not the family name alone
			}
		}
		return "", false
	}
	if commonFamilies[rs[0]] {
		return "", false
	}
	given := uFold(strings.Join(usualPinyin(string(rs)), ""))
	for _, w := range latin {
		if uFold(strings.ToLower(pinyinMarks.Replace(w))) == given {
			return w, true
		}
	}
	return "", false
}
