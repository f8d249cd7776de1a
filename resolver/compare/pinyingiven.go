package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/normalize"
)

// PinyinGivenApart reports whether, of a name in Han characters and one in Latin
// letters that share the family name, the Latin one writes the family name in Hanyu
// pinyin (Zhang for 张, not Cheung or Chang) and beside it a given name of pinyin
// syllables, as many as the Han given name has characters, that the Han given name
// does not read as: 慧 张 against Zhang Hua, 雪 张 against Xu Zhang, 明 傅 against Jia
// Fu. Whoever spells the
// family name in pinyin spells the given name in pinyin too (the mainland's passports
// and forms do both), so Hua is the pinyin of another character (华), not 慧's reading
// hui: a father and his daughter on the family's landline, not one person. It is the
// counterpart of FamilyInDialect, where a family name in Cantonese says the given name
// is in a spelling no table here reads. An English given name (Andy, Ben, Coco) is not
// read as pinyin, and a spelling a Hong Kong or Wade-Giles name may also take (Li, Lee)
// says nothing of which system the given name is in: neither is judged.
func PinyinGivenApart(a, b Name) bool {
	if hasHan(b.text()) && !hasHan(a.text()) {
		a, b = b, a
	}
	ta, tb := a.text(), b.text()
	if !hasHan(ta) || hasHan(tb) {
		return false
	}
	if TitleGender(a) != GenderUnknown || IsMasked(ta) {
		return false // 谢先生, 李**: the family name alone, whatever the rest reads
	}
	hn, ok := ParseHanName(Simplify(hanPart(ta)))
	if !ok || hn.Given == "" || utf8.RuneCountInString(hn.Family) != 1 || petName(hn) {
		return false
	}
	for _, r := range familyGivenReadings(b) {
		if only, ok := pinyinFamily(hn.Family, r.family); ok && (only || !cantoneseGiven(r.given)) && pinyinGivenOther(hn, r.given) {
			return true
		}
	}
	return false
}

// pinyinFamily reports whether latin, one word, is the Hanyu pinyin of the Han family
// name (ok), and whether it is that alone (only), no Hong Kong or Wade-Giles spelling
// of it as well: Zhang and Xu are; Li, Fu and Wang are spelt so in all three.
func pinyinFamily(han, latin string) (only, ok bool) {
	words := normalize.PersonNameWords(latin)
	if len(words) != 1 {
		return false, false
	}
	w := words[0]
	py := uFold(strings.Join(familyPinyin(han), ""))
	if w != py {
		return false, false
	}
	return !cantoneseSpelling(w) && !slices.Contains(wadeGiles(py), w), true
}

// hyphenAsSpace and givenJoiners split a Latin given name's hyphenated syllables
// (Wei-Ming) and join those an apostrophe marks (Xi'an). They are built once: a
// Replacer builds its tables on its first Replace, and building one for every call was
// two thirds of chinesePinyinGiven's time, called for every pair of Latin names
// compared (seam bench backlog at 100k documents).
var (
	hyphenAsSpace = strings.NewReplacer("-", " ")
	givenJoiners  = strings.NewReplacer("-", " ", "'", "", "’", "")
)

// cantoneseGiven reports whether a Latin given name has a syllable Hong Kong's
// spelling also writes (Ka Wai, Man): beside a family name pinyin and Hong Kong spell
// alike (Li, Fu), it may be Cantonese, which no table here reads whole.
func cantoneseGiven(latin string) bool {
	for _, w := range normalize.PersonNameWords(hyphenAsSpace.Replace(latin)) {
		if cantoneseSpelling(w) {
			return true
		}
	}
	return false
}

// pinyinGivenOther reports whether latin is a Chinese given name in pinyin syllables,
// as many as the Han given name's characters and none an English name, that the Han
// given name does not spell, read character by character in pinyin or Wade-Giles.
func pinyinGivenOther(hn HanName, latin string) bool {
	words := normalize.PersonNameWords(givenJoiners.Replace(latin))
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if knownEnglishGiven(w) || femaleEnglish[w] || maleEnglish[w] || !isPinyin(w) {
			return false
		}
	}
	text := pinyinLatin(words)
	if n := utf8.RuneCountInString(hn.Given); fewestSyllables(text) == 1 && n == 2 {
		return syllableOfNeither(hn, text, strings.Join(words, ""))
	}
	if fewestSyllables(text) != utf8.RuneCountInString(hn.Given) {
		return false
	}
	choices := syllableChoices(HanName{Given: hn.Given})
	for i, c := range choices {
		choices[i] = withFuzzy(c)
	}
	if _, ok := spell(choices, text); ok {
		return false
	}
	wg := givenSyllables(hn.Given)
	var flat [][]string
	flat = append(flat, wg...)
	if _, ok := spell(flat, strings.Join(words, "")); ok {
		return false
	}
	return true
}

// syllableOfNeither reports whether one pinyin syllable (text; as typed, latin) written
// as the given name of a two-character Han given name reads neither character: Jian Tu
// against 涂家刚 (jia gang), his son at the family's flat, where a string measure finds
// jian close to jiagang. Whoever writes one syllable of a two-character given name
// (Jia for 家刚, as the first or the only word a form keeps) writes one of its own;
// pinyin's syllables are a closed set, and another one is another character. One that
// reads either character, with the slips withFuzzy allows, or its Wade-Giles spelling,
// is left to the other rules.
func syllableOfNeither(hn HanName, text, latin string) bool {
	choices := syllableChoices(HanName{Given: hn.Given})
	for _, c := range choices {
		if _, ok := spell([][]string{withFuzzy(c)}, text); ok {
			return false
		}
	}
	for _, c := range givenSyllables(hn.Given) {
		if _, ok := spell([][]string{c}, latin); ok {
			return false
		}
	}
	return true
}

// PinyinGivensApart reports whether two names are of two people by their pinyin given
// names: a Han name and a Latin one as PinyinGivenApart reads them, or two Latin names
// of one family name spelt in Hanyu pinyin alone (Zhang, Xu; not Li or Wang, which Hong
// Kong and Wade-Giles spell alike) whose Chinese given names, English names beside them
// left out, are pinyin syllables as many on each side and other ones: Zhang Hua and
// Zhang Hui, Xu Zhang and Jessica Xue Zhang. Pinyin's syllables are a closed set and a
// character is read as one of them, so Xu is not a short or slipped Xue, as Hoàng is
// not Hưng (see VietnameseName); siblings are named one syllable apart.
func PinyinGivensApart(a, b Name) bool {
	if PinyinGivenApart(a, b) {
		return true
	}
	if hasHan(a.text()) || hasHan(b.text()) {
		return false
	}
	// Each reading's family name split once, not once for every reading of the other
	// name: this runs for every pair of Latin names a tenant compares.
	soleFamily := func(r nameReading) string {
		if ws := normalize.PersonNameWords(r.family); len(ws) == 1 {
			return ws[0]
		}
		return ""
	}
	rbs := familyGivenReadings(b)
	fbs := make([]string, len(rbs))
	for i, rb := range rbs {
		fbs[i] = soleFamily(rb)
	}
	for _, ra := range familyGivenReadings(a) {
		fa := soleFamily(ra)
		if fa == "" {
			continue
		}
		for i, rb := range rbs {
			if fbs[i] != fa {
				continue
			}
			ga, gb := chinesePinyinGiven(ra.given), chinesePinyinGiven(rb.given)
			if ga == "" || gb == "" || !pinyinOnlyFamily(fa) && !(pinyinOnlyWriting(ga) && pinyinOnlyWriting(gb)) {
				continue
			}
			if ga != gb && fewestSyllables(ga) == fewestSyllables(gb) && fuzzyFold(ga) != fuzzyFold(gb) || syllableOfNeitherLatin(ga, gb) {
				return true
			}
		}
	}
	return false
}

// pinyinOnlyWriting reports whether a lower-cased Latin given name (chinesePinyinGiven's)
// is spelt as Hanyu pinyin alone spells: with an x, a q or a zh (xiang, qiang, zhi),
// which Wade-Giles writes hs, ch' and ch, and Hong Kong's spelling never. Two such given
// names are pinyin whatever the family name, Hu or Li, that Hong Kong spells alike.
func pinyinOnlyWriting(g string) bool {
	return strings.ContainsAny(g, "xq") || strings.Contains(g, "zh")
}

// syllableOfNeitherLatin reports whether of two pinyin given names one is a syllable and
// the other two, neither of them that one: HU XIANG, the father, against HU ZHI QIANG,
// his son, on the family's landline (see syllableOfNeither for a Han given name).
func syllableOfNeitherLatin(ga, gb string) bool {
	if fewestSyllables(ga) == 2 && fewestSyllables(gb) == 1 {
		ga, gb = gb, ga
	}
	if fewestSyllables(ga) != 1 || fewestSyllables(gb) != 2 {
		return false
	}
	return !slices.Contains(strings.Fields(fuzzyFold(gb)), fuzzyFold(ga))
}

// pinyinOnlyFamily reports whether a lower-case word is the pinyin of a common family
// name and no Hong Kong or Wade-Giles spelling: zhang, xu, zhou; not li, wang or chen.
func pinyinOnlyFamily(w string) bool {
	return surnamePinyin()[w] && !cantoneseSpelling(w) && !wadeGilesSpellings()[w]
}

// wadeGilesSpellings is the set of every pinyin syllable's Wade-Giles spellings, hyphens
// and apostrophes dropped, built on first use.
var wadeGilesSpellings = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for s := range hanzi().syllables {
		for _, wg := range wadeGiles(s) {
			m[wadeGilesMarks.Replace(wg)] = true
		}
	}
	return m
})

// chinesePinyinGiven returns the Chinese part of a Latin given name, its words joined
// and lower-cased, once the English names beside it are left out (jessica xue: xue);
// "" where a word left is no pinyin or nothing is left.
func chinesePinyinGiven(g string) string {
	var out []string
	for _, w := range normalize.PersonNameWords(givenJoiners.Replace(g)) {
		switch {
		case knownEnglishGiven(w) || femaleEnglish[w] || maleEnglish[w]:
			continue
		case !isPinyin(w):
			return ""
		}
		out = append(out, w)
	}
	return pinyinLatin(out)
}

// withFuzzy adds to a character's pinyin readings the spellings the fuzzy-pinyin
// options of the input methods give them (ling as lin, zhang as zang, hui as fui):
// speakers who do not tell those sounds apart write their own names so, a slip and
// not another character (see fuzzyPinyin).
func withFuzzy(readings []string) []string {
	out := slices.Clone(readings)
	for s := range hanzi().syllables {
		if slices.Contains(out, s) {
			continue
		}
		for _, r := range readings {
			if fuzzyPinyin(s) == fuzzyPinyin(r) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// fuzzyFold spells a run of pinyin syllables as fuzzy pinyin does each of them
// (linxuan as lin xuan, lingxuan as lin xuan), split into the fewest syllables; the text
// itself where it does not split.
func fuzzyFold(text string) string {
	syl := hanzi().syllables
	best := make([][]string, len(text)+1)
	ok := make([]bool, len(text)+1)
	ok[0] = true
	for i := 1; i <= len(text); i++ {
		for j := max(0, i-6); j < i; j++ {
			if ok[j] && syl[text[j:i]] && (!ok[i] || len(best[j])+1 < len(best[i])) {
				best[i], ok[i] = append(slices.Clip(best[j]), text[j:i]), true
			}
		}
	}
	if !ok[len(text)] {
		return text
	}
	parts := make([]string, len(best[len(text)]))
	for i, s := range best[len(text)] {
		parts[i] = fuzzyPinyin(s)
	}
	return strings.Join(parts, " ")
}

// petName reports whether a Han name of two characters is what friends call someone
// (小王, 老王, 阿娟), not a family and a given name.
func petName(hn HanName) bool {
	return utf8.RuneCountInString(hn.Family+hn.Given) == 2 && strings.ContainsAny(hn.Family, "小老阿")
}
