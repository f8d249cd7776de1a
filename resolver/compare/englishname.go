package compare

import (
	"slices"
	"strings"
	"sync"

	"github.com/seamhub/seam/resolver/normalize"
)

// Chinese people in Hong Kong, Taiwan, Singapore, Malaysia and abroad very often carry
// an English given name beside their Chinese one, and use both: Jerry Lau at one shop
// is Lau Wai-ping (or Weiping Lau, or 劉偉平) at the next, and Irene Li is Jianying Lee.
// Their family name is spelt by the romanisation of the place (Lee, Lau, Chan, Hsiao)
// or in pinyin (Li, Liu, Chen, Xiao). Two such names agree on the family name, however
// spelt, and differ in a given name that is English on one side and Chinese on the
// other: that is one person as often as not, where two Chinese given names (Weiping and
// Xiuying Lau) or two English ones (Jerry and Steven Lau) are two people of a family.

// surnameSpellings maps a Latin spelling of a common Chinese family name (pinyin,
// Wade-Giles, and the Cantonese, Hokkien and other spellings of dialectSurnames) to
// the family names, in simplified characters, it may write. Built on first use.
var surnameSpellings = sync.OnceValue(func() map[string][]rune {
	m := map[string][]rune{}
	add := func(spelling string, r rune) {
		if spelling != "" && !slices.Contains(m[spelling], r) {
			m[spelling] = append(m[spelling], r)
		}
	}
	for r, dialect := range dialectSurnames {
		for _, py := range familyPinyin(string(r)) {
			py = uFold(py)
			add(py, r)
			for _, wg := range wadeGiles(py) {
				add(wg, r)
			}
		}
		for _, d := range dialect {
			add(d, r)
		}
	}
	add("lee", '李') // Taiwan's and the diaspora's 李, as often as Li (see wadeGilesChoices)
	return m
})

// chineseFamilies returns the family names, in simplified characters, a family name
// field may write: itself when in Han characters, else those its Latin spelling may
// stand for (nil for a spelling of none of the common family names).
func chineseFamilies(family string) []rune {
	family = strings.TrimSpace(family)
	if hasHan(family) {
		if n, ok := ParseHanName(family); ok && len([]rune(n.Family)) == 1 && n.Given == "" {
			return []rune(n.Family)
		}
		return nil
	}
	words := normalize.PersonNameWords(family)
	if len(words) != 1 {
		return nil
	}
	return surnameSpellings()[words[0]]
}

// SameChineseFamily reports whether two family names, each in Han characters or in
// any common romanisation, may write one Chinese family name: 李, Li and Lee; 劉, Liu
// and Lau; 蕭, Xiao and Hsiao.
func SameChineseFamily(a, b string) bool {
	fa, fb := chineseFamilies(a), chineseFamilies(b)
	for _, r := range fa {
		if slices.Contains(fb, r) {
			return true
		}
	}
	return readsAsFamily(a, b) || readsAsFamily(b, a)
}

// readsAsFamily reports whether han, a family name in Han characters, reads in pinyin
// or Wade-Giles as latin, one word: Yan for 颜, Wen for 闻, which the table of common
// spellings (surnameSpellings) leaves out, since a family name outside it has no
// spelling but its reading.
func readsAsFamily(han, latin string) bool {
	if !hasHan(han) || hasHan(latin) {
		return false
	}
	family := Simplify(strings.TrimSpace(han))
	if _, compound := compoundSurnames[family]; !compound {
		n, ok := ParseHanName(family)
		if !ok || n.Given != "" {
			return false
		}
		family = n.Family
	}
	words := normalize.PersonNameWords(latin)
	if len(words) != 1 {
		return false
	}
	syllables := familyPinyin(family)
	py := uFold(strings.Join(syllables, ""))
	return py == words[0] || len(syllables) == 1 && slices.Contains(wadeGiles(py), words[0])
}

// nameReading is one way of reading a name as a family and a given name.
type nameReading struct{ family, given string }

// familyGivenReadings returns the ways a name may split into family and given name:
// its two fields either way round (forms filled the Chinese way put the family name
// first), a Han name as ParseHanName splits it, a Latin one by its first or its last
// word.
func familyGivenReadings(n Name) []nameReading {
	g, f := nameField(n.Given), nameField(n.Family)
	if g != "" && f != "" {
		return []nameReading{{f, g}, {g, f}}
	}
	text := nameField(n.Full)
	if text == "" {
		text = g + f
	}
	if hasHan(text) {
		if hn, ok := ParseHanName(hanPart(text)); ok && hn.Given != "" {
			return []nameReading{{hn.Family, hn.Given}}
		}
		return nil
	}
	words := strings.Fields(text)
	if len(words) < 2 {
		return nil
	}
	return []nameReading{
		{words[len(words)-1], strings.Join(words[:len(words)-1], " ")},
		{words[0], strings.Join(words[1:], " ")},
	}
}

// knownEnglishGiven reports whether a lower-case word is an English given name the
// nickname table or englishReadAsPinyin lists.
func knownEnglishGiven(w string) bool {
	return englishReadAsPinyin[w] || len(nicknames()[w]) > 0
}

// EnglishGiven reports whether a given name is one English name (englishGiven): Queenie,
// Julien, not Weiping or Chia-ling.
func EnglishGiven(g string) bool { return englishGiven(g) }

// KnownEnglishGiven reports whether a lower-case word is an English given name the
// nickname table lists (andy, queenie), not merely a word that reads as no pinyin.
func KnownEnglishGiven(w string) bool { return knownEnglishGiven(w) }

// englishGiven reports whether a given name is one English name: a single Latin word
// that is a known English name, or does not read as pinyin in one or two syllables.
func englishGiven(g string) bool {
	g = strings.TrimSpace(g)
	if hasHan(g) || strings.ContainsAny(g, "-' ") {
		return false
	}
	words := normalize.PersonNameWords(g)
	if len(words) != 1 || len(words[0]) < 3 {
		return false
	}
	w := words[0]
	return knownEnglishGiven(w) || !isPinyin(w) || westernBySyllables(w)
}

// westernBySyllables reports whether a one-word given name reads as pinyin only in three
// syllables or more (Julien as ju-li-en, Elena as e-le-na): a Chinese given name is of
// one or two characters, so such a word is a Western name a Chinese customer in Europe
// goes by, however its letters happen to spell syllables.
func westernBySyllables(w string) bool { return fewestSyllables(w) >= 3 }

// chineseGivenName reports whether a given name is a Chinese one: in Han characters, in
// pinyin (Weiping, Wei Ping), or in syllables written apart the way Hong Kong and
// Taiwan romanise (On-nga, Chi-hiu, Hui Yen), none of them an English name (Mary-Ann,
// Jean-Paul are not).
func chineseGivenName(g string) bool {
	g = strings.TrimSpace(g)
	if hasHan(g) {
		return isHan(strings.ReplaceAll(g, " ", ""))
	}
	words := normalize.PersonNameWords(g)
	if len(words) == 0 {
		return false
	}
	if len(words) == 1 {
		return RomanisedChinese(g) && !knownEnglishGiven(words[0]) && !westernBySyllables(words[0])
	}
	for _, w := range words {
		if len(w) > 6 || knownEnglishGiven(w) {
			return false
		}
	}
	return true
}

// EnglishBesideChinese reports whether two person names share a Chinese family name,
// however each spells it, and beside it one gives an English given name and the other
// a Chinese one: "Jerry Lau" and "Weiping Lau", "Irene Li" and "Jianying Lee", "Cindy
// Hsiao" and 蕭秀雅, one person's two names.
func EnglishBesideChinese(a, b Name) bool {
	for _, ra := range familyGivenReadings(a) {
		for _, rb := range familyGivenReadings(b) {
			if !SameChineseFamily(ra.family, rb.family) {
				continue
			}
			if englishGiven(ra.given) && chineseGivenName(rb.given) || englishGiven(rb.given) && chineseGivenName(ra.given) {
				return true
			}
		}
	}
	return false
}

// surnamePinyin is the set of pinyin readings of the common family names: a spelling
// among them names a mainland family as readily as a dialect's.
var surnamePinyin = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for r := range dialectSurnames {
		m[uFold(strings.Join(familyPinyin(string(r)), ""))] = true
	}
	return m
})

// FamilyInDialect reports whether, of a name in Han characters and one in Latin
// letters, the Latin one spells the Han family name the way Hong Kong, Macau,
// Singapore or Malaysia do and pinyin does not (吳 as Ng, 陳 as Chan, 劉 as Lau): "fong
// yan ng" against 吳芳欣. Whoever spells the family name so spells the given name in
// the same Cantonese or Hokkien (Fong Yan for 芳欣), which no table here reads, so the
// given names cannot be told apart: they do not contradict, whatever they look like.
// A spelling that is also the pinyin of a common family name (Wu of 吴, which Hokkien
// gives 胡) says nothing of the kind and is left out.
func FamilyInDialect(a, b Name) bool {
	if hasHan(b.text()) && !hasHan(a.text()) {
		a, b = b, a
	}
	ta, tb := a.text(), b.text()
	if !hasHan(ta) || hasHan(tb) {
		return false
	}
	hn, ok := ParseHanName(hanPart(strings.Join(normalize.PersonNameWords(ta), " ")))
	if !ok || hn.Given == "" {
		return false
	}
	py := uFold(strings.Join(familyPinyin(hn.Family), ""))
	words := normalize.PersonNameWords(tb)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if w != py && !surnamePinyin()[w] && slices.Contains(dialectFamilySpellings(hn.Family), w) {
			return true
		}
	}
	return false
}

// FamilyInDialectLatin reports whether two names in Latin letters are one name but for
// the family name, spelt in one the way Hong Kong, Macau, Singapore or Malaysia spell it
// and in the other in pinyin, of one Han family name: Pengfei Ng and Pengfei Wu (吳),
// Mei Ling Chan and Meiling Chen (陳). An overseas buyer writes the passport's spelling at
// one shop and the pinyin at the next. A dialect spelling that is itself the pinyin of
// a family name says nothing of the kind (see FamilyInDialect).
func FamilyInDialectLatin(a, b Name) bool {
	ta, tb := a.text(), b.text()
	if hasHan(ta) || hasHan(tb) {
		return false
	}
	wa, wb := normalize.PersonNameWords(ta), normalize.PersonNameWords(tb)
	if len(wa) < 2 || len(wb) < 2 {
		return false
	}
	rest := func(ws []string, i int) string { return strings.Join(slices.Concat(ws[:i], ws[i+1:]), "") }
	for i, x := range wa {
		for j, y := range wb {
			if x != y && rest(wa, i) == rest(wb, j) && (dialectAndPinyin(x, y) || dialectAndPinyin(y, x)) {
				return true
			}
		}
	}
	return false
}

// dialectAndPinyin reports whether d is a dialect spelling, and py the pinyin, of one
// family name.
func dialectAndPinyin(d, py string) bool {
	if surnamePinyin()[d] {
		return false
	}
	for r, spellings := range dialectSurnames {
		if slices.Contains(spellings, d) && uFold(strings.Join(familyPinyin(string(r)), "")) == py {
			return true
		}
	}
	return false
}
