package compare

import (
	"strings"
	"sync"
	"unicode"

	"github.com/seamhub/seam/resolver/normalize"
)

// OtherSyllable reports whether two Chinese given names, each written in Han characters
// or in Latin syllables written apart (Wen-ting, Chih Ming), read alike syllable by
// syllable but for one, which is on both sides a syllable of its own: 文明 and
// Wen-ting, Chih-ming and Chih-wei. Brothers and sisters are named for their
// generation, one character shared and the other their own, so such a pair is as much
// two siblings as a slip, where the compared letters call it a typo (ming ~ ting). A
// given name run together (Wenting), or of one syllable, is not read.
func OtherSyllable(a, b string) bool {
	sa, sb := givenSyllables(a), givenSyllables(b)
	if len(sa) < 2 || len(sa) != len(sb) {
		return false
	}
	differ := 0
	for i := range sa {
		if !shareReading(sa[i], sb[i]) {
			differ++
		}
	}
	return differ == 1
}

// givenSyllables returns, for each syllable of a given name, the ways it is spelt: a
// Han character's pinyin and Wade-Giles readings, or the Latin word itself when it is a
// pinyin or Wade-Giles syllable; nil where a word is no syllable or the name mixes scripts.
func givenSyllables(g string) [][]string {
	g = strings.TrimSpace(g)
	if g == "" {
		return nil
	}
	var out [][]string
	if isHan(strings.ReplaceAll(g, " ", "")) {
		for _, r := range g {
			if !unicode.Is(unicode.Han, r) {
				continue
			}
			rs := readings(r)
			if len(rs) == 0 {
				return nil
			}
			var spell []string
			for _, py := range rs {
				spell = append(spell, uFold(py))
				for _, wg := range wadeGiles(py) {
					spell = append(spell, strings.ReplaceAll(wg, "'", ""))
				}
			}
			out = append(out, spell)
		}
		return out
	}
	if hasHan(g) {
		return nil
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(g), func(r rune) bool { return r == ' ' || r == '-' }) {
		words := normalize.PersonNameWords(strings.ReplaceAll(strings.ReplaceAll(w, "'", ""), "’", ""))
		if len(words) != 1 || !romanSyllables()[uFold(words[0])] {
			return nil
		}
		out = append(out, []string{uFold(words[0])})
	}
	return out
}

// shareReading reports whether two syllables' spellings have one in common.
func shareReading(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// romanSyllables is every toneless pinyin syllable and its Wade-Giles spellings without
// the apostrophe, ü written u.
var romanSyllables = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for py := range hanzi().syllables {
		m[uFold(py)] = true
		for _, wg := range wadeGiles(py) {
			m[strings.ReplaceAll(wg, "'", "")] = true
		}
	}
	return m
})
