package compare

import "sync"

// wadeGilesSyllables is the set of the Wade-Giles spellings of every pinyin syllable,
// without apostrophes or umlauts; built on first use.
var wadeGilesSyllables = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for py := range hanzi().syllables {
		for _, wg := range wadeGiles(py) {
			m[wg] = true
		}
	}
	return m
})

// joinedChineseGiven reports whether a lower-case word is a Chinese given name of two
// syllables written as one word, in pinyin (Yuying), in Wade-Giles as Taiwan writes it
// on forms without the hyphen (Hsiuchin for Hsiu-chin, Shihchang), or in Hong Kong's
// spelling as a shop's single first-name field leaves it (Kwokfong for Kwok Fong), and
// not one of the English names Chinese customers go by, which pinyin may spell too
// (Karen).
func joinedChineseGiven(w string) bool {
	if len(w) < 4 || knownEnglishGiven(w) || femaleEnglish[w] || maleEnglish[w] {
		return false
	}
	if isPinyin(w) {
		return true
	}
	wg := wadeGilesSyllables()
	for i := 2; i <= len(w)-2; i++ {
		if wg[w[:i]] && wg[w[i:]] {
			return true
		}
	}
	return joinedHongKongGiven(w)
}

// joinedHongKongGiven reports whether a lower-case word is two of Hong Kong's
// syllable spellings run together (kwokfong, kaman), and not an English name Chinese
// customers go by: a Cantonese given name typed into one first-name field.
func joinedHongKongGiven(w string) bool {
	if len(w) < 4 || knownEnglishGiven(w) || femaleEnglish[w] || maleEnglish[w] {
		return false
	}
	for i := 2; i <= len(w)-2; i++ {
		if cantoneseSpelling(w[:i]) && cantoneseSpelling(w[i:]) {
			return true
		}
	}
	return false
}
