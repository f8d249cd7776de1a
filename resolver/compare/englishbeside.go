package compare

import (
	"slices"
	"strings"

	"github.com/seamhub/seam/resolver/normalize"
)

// EnglishNameBeside reports whether one name is the other with an English given name
// written beside it: "Annie Yuying Yan" and "Yu Ying Yan", "Natalie / Ho Yee Nga" and
// "Yee Nga / Ho", "Ken / Wong Ming Keung" and "WONG / MING KEUNG". Hong Kong and
// Taiwanese passports and forms put the English name before the Chinese one, and a
// customer writes it at one shop and leaves it out at the next. The rest agrees with the
// other name as a whole (in any order of family and given name, spaced or joined, or in
// Han characters), and the other name carries no English given name of its own: a
// relative shares the family name, not the whole Chinese name.
func EnglishNameBeside(a, b Name) bool {
	return englishNameBeside(a, b) || englishNameBeside(b, a)
}

// englishNameBeside reports whether a is b with an English given name added.
func englishNameBeside(a, b Name) bool {
	ta := a.text()
	if hasHan(ta) || !chineseNameAlone(b) {
		return false
	}
	words := normalize.PersonNameWords(ta)
	if len(words) < 3 {
		return false
	}
	for i, w := range words {
		if !englishGivenWord(w, true) {
			continue
		}
		rest := strings.Join(slices.Concat(words[:i], words[i+1:]), " ")
		switch NameLevel(Name{Full: rest}, b).Kind {
		case Exact, Transliterated:
			return true
		}
	}
	return false
}

// chineseNameAlone reports whether a name is a Chinese one with no English given name
// in it: Han characters, or Latin words each a Hong Kong spelling (Kit of Chi Kit, though
// an English nickname too) or a run of pinyin syllables that is no English name Chinese
// customers go by (Ann, Karen).
func chineseNameAlone(n Name) bool {
	t := n.text()
	if strings.TrimSpace(t) == "" {
		return false
	}
	if hasHan(t) {
		return isHan(strings.ReplaceAll(hanPart(t), " ", ""))
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return r == ' ' || r == '-' }) {
		if cantoneseSpelling(w) {
			continue // Kit of Chi Kit, an English nickname too
		}
		if knownEnglishGiven(w) || femaleEnglish[w] || maleEnglish[w] || !isPinyin(w) {
			return false
		}
	}
	return true
}
