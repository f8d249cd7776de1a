package compare

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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

// syllablesApart reports whether two given names written in Latin words are each made
// of pinyin or Wade-Giles syllables written apart, of other counts, with no syllable in
// common: Zi-Ting and Ning, whose ting and ning look alike but are two characters.
func syllablesApart(a, b []string) bool {
	if len(a) == len(b) {
		return false
	}
	for _, ws := range [][]string{a, b} {
		for _, w := range ws {
			if len(w) < 2 || !romanSyllables()[uFold(w)] {
				return false
			}
		}
	}
	for _, x := range a {
		for _, y := range b {
			if uFold(x) == uFold(y) {
				return false
			}
		}
	}
	return true
}

// oneGivenSyllableApart reports, for a Han name of two characters read as two words
// against two Latin words (lw), whether one character's syllable is among the Latin
// words and the other character's stands against another syllable: 张慧 (zhang hui)
// against Zhang Hua or Hua Zhang, read with either character as the family name (a
// form's fields filled either way round). It returns the two syllables.
func oneGivenSyllableApart(n HanName, words, lw []string) (string, string, bool) {
	if len(words) != 2 || len(lw) != 2 || utf8.RuneCountInString(n.Given) != 1 || utf8.RuneCountInString(n.Family) != 1 {
		return "", "", false
	}
	for _, o := range [][2]string{{lw[0], lw[1]}, {lw[1], lw[0]}} {
		same, other := strings.ToLower(o[0]), strings.ToLower(o[1])
		if !hanzi().syllables[uFoldBack(other)] {
			continue
		}
		for _, w := range [][2]string{{words[0], words[1]}, {words[1], words[0]}} {
			if same == w[0] && other != w[1] {
				return w[1], other, true
			}
		}
	}
	return "", "", false
}
