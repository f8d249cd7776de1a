package compare

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/normalize"
)

//go:generate go run ./internal/gen -out hanzi_table.go

// hanziData is the parsed form of the generated tables: readings by simplified
// character, usual reading first, and the simplified form of each traditional one.
type hanziData struct {
	readings   map[rune][]string
	simplified map[rune]rune
	syllables  map[string]bool // every toneless pinyin syllable, ü written v
}

// hanzi parses the tables on first use, so a program that never compares Chinese
// names pays nothing for them. The result is never written to after that.
var hanzi = sync.OnceValue(func() *hanziData {
	d := &hanziData{readings: make(map[rune][]string, 7000), simplified: make(map[rune]rune, 2600),
		syllables: make(map[string]bool, 420)}
	for line := range strings.Lines(hanziPinyin) {
		syl, chars, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		d.syllables[syl] = true
		usual, other, _ := strings.Cut(chars, "|")
		for _, r := range usual {
			// The usual reading goes first, whatever order the lines come in.
			d.readings[r] = append([]string{syl}, d.readings[r]...)
		}
		for _, r := range other {
			d.readings[r] = append(d.readings[r], syl)
		}
	}
	rs := []rune(traditionalSimplified)
	for i := 0; i+1 < len(rs); i += 2 {
		d.simplified[rs[i]] = rs[i+1]
	}
	return d
})

// Simplify writes the traditional characters of s in their simplified form, so that
// 張偉 compares equal to 张伟. It folds only characters with a single simplified form
// (乾 stays 乾, since it is also the simplified spelling in 乾隆) and leaves everything
// else as it is.
func Simplify(s string) string {
	d := hanzi()
	return strings.Map(func(r rune) rune {
		if s, ok := d.simplified[r]; ok {
			return s
		}
		return r
	}, s)
}

// readings returns the toneless pinyin readings of a character, usual one first (ü
// written v), after folding a traditional character to its simplified form; nil for a
// character the tables do not hold.
func readings(r rune) []string {
	d := hanzi()
	if s, ok := d.simplified[r]; ok {
		r = s
	}
	return d.readings[r]
}

// Pinyin returns the pinyin syllables of the Han characters in s, toneless and in
// lower case, with ü written v (the way it is typed): 张伟 is ["zhang" "wei"]. It takes
// each character's usual reading, except that a name's family name is read as a family
// name (曾 is zeng, not ceng; 单 shan, 欧阳 ouyang) when s parses as a Chinese name. A
// character it has no reading for is kept as it is; other runes are dropped.
func Pinyin(s string) []string {
	s = Simplify(s)
	if n, ok := ParseHanName(s); ok {
		return append(familyPinyin(n.Family), usualPinyin(n.Given)...)
	}
	return usualPinyin(s)
}

// usualPinyin reads each Han character of s with its usual reading; one without a
// reading is kept as it is, and other runes are dropped.
func usualPinyin(s string) []string {
	var out []string
	for _, r := range s {
		switch rs := readings(r); {
		case len(rs) > 0:
			out = append(out, rs[0])
		case unicode.Is(unicode.Han, r):
			out = append(out, string(r))
		}
	}
	return out
}

// IsHanText reports whether s is made of Han characters only (and is not empty).
func IsHanText(s string) bool { return isHan(s) }

// isHan reports whether s is made of Han characters only (and is not empty).
func isHan(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// isPinyin reports whether a lower-case word is a run of pinyin syllables ("linhua",
// "zizhen", "xi'an" written "xian"): a romanised Chinese name, not an English one
// ("tony", "coco"). Short English names can read as pinyin too ("leo" as le-o); the
// caller treats such a word as pinyin, which keeps people apart rather than together.
func isPinyin(w string) bool { return syllableRun(w, false) }

// PinyinSyllables returns how many pinyin syllables a romanised Chinese name is written
// in ("Zheng Kaihua" 3, "Hao Chen" 2), each word read as the fewest syllables it can be
// (xian is one, not xi'an); 0 where a word is not pinyin (an English name). The fewest
// is a lower bound, so a name it calls long is long.
func PinyinSyllables(name string) int {
	words := normalize.PersonNameWords(name)
	if len(words) == 0 {
		return 0
	}
	total := 0
	for _, w := range words {
		n := fewestSyllables(uFoldBack(strings.ReplaceAll(w, "'", "")))
		if n == 0 {
			return 0
		}
		total += n
	}
	return total
}

// fewestSyllables returns the fewest pinyin syllables (each with a vowel) a lower-case
// word splits into, or 0 where it does not split.
func fewestSyllables(w string) int {
	if w == "" {
		return 0
	}
	syl := hanzi().syllables
	best := make([]int, len(w)+1) // 0: no split of w[:i]
	for i := 1; i <= len(w); i++ {
		for j := max(0, i-6); j < i; j++ {
			if (j == 0 || best[j] > 0) && syl[w[j:i]] && strings.ContainsAny(w[j:i], "aeiouv") &&
				(best[i] == 0 || best[j]+1 < best[i]) {
				best[i] = best[j] + 1
			}
		}
	}
	return best[len(w)]
}

// syllableRun reports whether a lower-case word is a run of pinyin syllables; vowelled
// leaves out the syllables without a vowel (the interjections n, m, ng).
func syllableRun(w string, vowelled bool) bool {
	w = strings.ReplaceAll(uFoldBack(w), "'", "")
	if w == "" {
		return false
	}
	syl := hanzi().syllables
	var short [24]bool // a name's word: no allocation
	ok := short[:]
	if len(w)+1 > len(short) {
		ok = make([]bool, len(w)+1)
	}
	ok[0] = true
	last := 0 // the last place a run of syllables reaches
	for i := 1; i <= len(w); i++ {
		if i-last > 6 {
			// No syllable is longer than six letters (zhuang): nothing reaches past
			// here, and most English names stop within their first letters.
			return false
		}
		for j := max(0, i-6); j < i && !ok[i]; j++ {
			ok[i] = ok[j] && syl[w[j:i]] && (!vowelled || strings.ContainsAny(w[j:i], "aeiouv"))
		}
		if ok[i] {
			last = i
		}
	}
	return ok[len(w)]
}

// uFoldBack writes ü as the tables do (v), from the u that uFold and romanisations use
// after l and n only where the table needs it; other u stay.
func uFoldBack(w string) string {
	if !strings.Contains(w, "ü") && !strings.Contains(w, "yu") {
		return w // nothing to write back: most words, and no allocation
	}
	return uFoldBackLetters.Replace(w)
}

// uFoldBackLetters is uFoldBack's table, built once: a Replacer built per call was a
// tenth of the CPU of training and resolving FEBRL's names (seam bench parties).
var uFoldBackLetters = strings.NewReplacer("ü", "v", "lyu", "lv", "nyu", "nv")
