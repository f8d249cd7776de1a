package compare

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// DoubleMetaphone returns the Double Metaphone codes of a name (Lawrence Philips, "The
// Double Metaphone Search Algorithm", C/C++ Users Journal, June 2000): a primary code for
// its most likely English pronunciation and an alternate one for a pronunciation its
// spelling suggests in another language (Germanic, Slavic, Spanish, Italian, ...).
// Alternate equals primary when the rules see only one pronunciation. Codes are at most
// four characters long, as in the published algorithm; '0' stands for "th" and 'X' for
// "sh"/"ch". Two names sound alike when a code of one equals a code of the other
// (PhoneticMatch): Smith is SM0/XMT and Schmidt XMT/SMT, so they meet on XMT.
//
// Accents are dropped before coding, except that Ç codes as S and Ñ as N. Characters
// that are not Latin letters are skipped, but spaces still separate words for the rules
// that look at them ("San Jacinto", "Van ..."). Where the published code adds a space to
// the alternate code (a J at the end of a name), this one adds nothing.
func DoubleMetaphone(name string) (primary, alternate string) {
	// The word is spelled into room on the stack when it fits, and the state and the
	// codes stay there too: a coding (one for every word of every pair of names
	// compared) allocates its two codes only, where the state on the heap, the word
	// and two growing builders were a third of the memory that comparing FEBRL 4's
	// names allocated.
	var room [32]rune
	m := metaphone{w: metaphoneWord(name, room[:0])}
	m.start()
	m.run()
	return m.primary.String(), m.alternate.String()
}

// PhoneticMatch reports whether a and b share a Double Metaphone code (primary or
// alternate). Names whose codes are empty match nothing.
func PhoneticMatch(a, b string) (code string, ok bool) {
	ap, aa := DoubleMetaphone(a)
	bp, ba := DoubleMetaphone(b)
	for _, x := range [...]string{ap, aa} {
		if x != "" && (x == bp || x == ba) {
			return x, true
		}
	}
	return "", false
}

// metaphoneLen is the length of a code. Philips chose four: longer codes separate
// names that sound alike only in their first syllables less well than they separate
// names with a typo late in the word.
const metaphoneLen = 4

// metaphone is the state of one coding: the word in capitals followed by a few spaces
// (the rules look up to five letters ahead and treat the end as a space), the two codes
// being built, and the position.
type metaphone struct {
	w                  []rune
	length, last       int
	cur                int
	slavoGermanic      bool
	primary, alternate code
}

// code is a code being built: its first metaphoneLen characters, which are all a code
// keeps, and how long it has grown (the coding goes on until both are that long).
type code struct {
	b [metaphoneLen]byte
	n int
}

func (c *code) add(s string) {
	for i := 0; i < len(s); i++ {
		if c.n < len(c.b) {
			c.b[c.n] = s[i]
		}
		c.n++
	}
}

func (c *code) String() string { return string(c.b[:min(c.n, len(c.b))]) }

// metaphoneWord appends to w the word name in capitals without accents (the published
// algorithm's input) and the spaces after it, and returns it.
func metaphoneWord(name string, w []rune) []rune {
	// Room for the word and the spaces after it, allocated at most once: a pair of
	// names in training's random pairs codes four words, and growing this slice rune by
	// rune, and decomposing letters that have no accent to drop, was most of the coding.
	if cap(w)-len(w) < len(name)+5 {
		w = slices.Grow(w, len(name)+5)
	}
	for _, r := range name {
		r = unicode.ToUpper(r) // what strings.ToUpper does, rune by rune
		switch {
		case r < utf8.RuneSelf:
			w = append(w, r) // ASCII: no accent, nothing to decompose
			continue
		case r == 'Ç', r == 'Ñ':
			w = append(w, r)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				w = append(w, d)
			}
		}
	}
	return append(w, ' ', ' ', ' ', ' ', ' ')
}

// start readies m to code its word, m.w as metaphoneWord wrote it.
func (m *metaphone) start() {
	w := m.w[:len(m.w)-5] // the word without its spaces
	m.length, m.last = len(w), len(w)-1
	for k, r := range w {
		if r == 'W' || r == 'K' || r == 'C' && k+1 < len(w) && w[k+1] == 'Z' {
			m.slavoGermanic = true
			break
		}
	}
}

// at returns the rune at i: a space past the end, 0 before the start.
func (m *metaphone) at(i int) rune {
	if i < 0 || i >= len(m.w) {
		return 0
	}
	return m.w[i]
}

// is reports whether one of subs is written at position i (never before the start).
func (m *metaphone) is(i int, subs ...string) bool {
	if i < 0 {
		return false
	}
	for _, s := range subs {
		j := i
		ok := true
		for _, r := range s {
			if j >= len(m.w) || m.w[j] != r {
				ok = false
				break
			}
			j++
		}
		if ok {
			return true
		}
	}
	return false
}

func (m *metaphone) vowel(i int) bool {
	switch m.at(i) {
	case 'A', 'E', 'I', 'O', 'U', 'Y':
		return true
	}
	return false
}

// add appends main to the primary code and alt to the alternate one.
func (m *metaphone) add(main, alt string) {
	m.primary.add(main)
	m.alternate.add(alt)
}

// add1 appends the same sound to both codes.
func (m *metaphone) add1(s string) { m.add(s, s) }

// skip advances past the letter, and past its double when the next letter is the same.
func (m *metaphone) skip(double rune) { m.advance(m.at(m.cur+1) == double) }

// advance moves past the current letter, and past the next one too when two is set.
func (m *metaphone) advance(two bool) {
	if two {
		m.cur += 2
	} else {
		m.cur++
	}
}

func (m *metaphone) run() {
	if m.is(0, "GN", "KN", "PN", "WR", "PS") {
		m.cur++ // silent first letter
	}
	if m.at(0) == 'X' { // Xavier: an initial X sounds S
		m.add1("S")
		m.cur++
	}
	for (m.primary.n < metaphoneLen || m.alternate.n < metaphoneLen) && m.cur < m.length {
		switch c := m.at(m.cur); c {
		case 'A', 'E', 'I', 'O', 'U', 'Y':
			if m.cur == 0 { // every initial vowel codes A
				m.add1("A")
			}
			m.cur++
		case 'B':
			m.add1("P")
			m.skip('B')
		case 'Ç':
			m.add1("S")
			m.cur++
		case 'C':
			m.c()
		case 'D':
			m.d()
		case 'F':
			m.add1("F")
			m.skip('F')
		case 'G':
			m.g()
		case 'H':
			// kept only first or between vowels; skipping one also skips "HH"
			if (m.cur == 0 || m.vowel(m.cur-1)) && m.vowel(m.cur+1) {
				m.add1("H")
				m.cur += 2
			} else {
				m.cur++
			}
		case 'J':
			m.j()
		case 'K':
			m.add1("K")
			m.skip('K')
		case 'L':
			m.l()
		case 'M':
			// "dumb", "thumber": the B after M is silent
			m.advance((m.is(m.cur-1, "UMB") && (m.cur+1 == m.last || m.is(m.cur+2, "ER"))) || m.at(m.cur+1) == 'M')
			m.add1("M")
		case 'N':
			m.add1("N")
			m.skip('N')
		case 'Ñ':
			m.add1("N")
			m.cur++
		case 'P':
			if m.at(m.cur+1) == 'H' {
				m.add1("F")
				m.cur += 2
				break
			}
			m.advance(m.is(m.cur+1, "P", "B")) // "campbell", "raspberry"
			m.add1("P")
		case 'Q':
			m.add1("K")
			m.skip('Q')
		case 'R':
			// French "rogier", but not "hochmeier": a final R after IE is silent
			if m.cur == m.last && !m.slavoGermanic && m.is(m.cur-2, "IE") && !m.is(m.cur-4, "ME", "MA") {
				m.add("", "R")
			} else {
				m.add1("R")
			}
			m.skip('R')
		case 'S':
			m.s()
		case 'T':
			m.t()
		case 'V':
			m.add1("F")
			m.skip('V')
		case 'W':
			m.wRule()
		case 'X':
			// French "breaux": a final X after AU, OU, IAU, EAU is silent
			if !(m.cur == m.last && (m.is(m.cur-3, "IAU", "EAU") || m.is(m.cur-2, "AU", "OU"))) {
				m.add1("KS")
			}
			m.advance(m.is(m.cur+1, "C", "X"))
		case 'Z':
			m.z()
		default:
			m.cur++
		}
	}
}
