package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// fold is the first step of every text key: Unicode NFKC (full-width "Ａ１" becomes
// "A1", the ideographic space a space, ligatures letters), case folding (which also
// maps "ß" to "ss" and a final "ς" to "σ") and removal of the accents on Latin letters
// ("José" becomes "jose"), because sources drop accents as often as they keep them.
// Marks on other scripts are kept, as a Japanese dakuten changes the word; marks on no
// letter at all are dropped.
//
// A key must not change when it is computed again, and one pass is not always enough
// (x/text folds Cherokee back and forth between its cases; NFKC after the accents are
// removed can compose anew), so fold repeats until the text is stable.
func fold(s string) string {
	if isASCII(s) {
		// Every character ASCII: NFKC keeps each, case folding only lowers A-Z, and
		// there is no accent to drop, so the key is the lowered text. Most keys are,
		// and the general path's three passes over the text, each making a copy, were
		// a tenth of training's comparisons.
		return strings.ToLower(s)
	}
	if asciiOrUnifiedHan(s) {
		// ASCII and CJK Unified Ideographs only (张伟, 张伟 Wei, 上海市浦东新区18号): an
		// ideograph of those blocks has no compatibility form, no case and no accent,
		// and nothing composes with it, so NFKC and case folding leave it as it is and
		// the text folds to its lowered ASCII. Chinese names and addresses are most of
		// the text that is not ASCII, and the general path's passes, each a copy of the
		// text, were a quarter of a backlog's name parsing.
		return strings.ToLower(s)
	}
	for i := range 4 {
		t := foldOnce(s)
		if t == s {
			break
		}
		if i < 3 && isASCII(t) {
			// What an ASCII text folds to is its lowering (as above), and the lowered
			// text folds to itself: the passes that would follow give that, one
			// NFKC and case folding each (Müller is muller after the first).
			return strings.ToLower(t)
		}
		s = t
	}
	return s
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiOrUnifiedHan reports whether s is valid UTF-8 made of ASCII and of CJK Unified
// Ideographs (U+4E00-U+9FFF) and their Extension A (U+3400-U+4DBF) only. The
// compatibility ideographs (U+F900-U+FAFF), which NFKC maps to unified ones, are not.
func asciiOrUnifiedHan(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF {
			continue
		}
		return false // utf8.RuneError for invalid bytes too
	}
	return true
}

// foldOnce is one pass of fold.
func foldOnce(s string) string {
	s = cases.Fold().String(norm.NFKC.String(validUTF8(s)))
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
		return s
	}
	var b strings.Builder
	keepMarks := false // whether the last base character was a letter outside Latin
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			if keepMarks {
				b.WriteRune(r)
			}
			continue
		}
		keepMarks = unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r)
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFKC.String(b.String())
}

// isCJK reports whether r belongs to a script written without spaces between words (Han,
// Hiragana, Katakana, Hangul), whose names and addresses are compared with the spaces
// that some systems insert removed.
func isCJK(r rune) bool {
	if r < 0x1100 {
		// Below Hangul's jamo, the first of these scripts' blocks: Latin, Greek,
		// Cyrillic and the like are answered without searching four range tables.
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー' || r == '々'
}

// allCJK reports whether the non-empty s is made of CJK characters only.
func allCJK(s string) bool {
	for _, r := range s {
		if !isCJK(r) {
			return false
		}
	}
	return s != ""
}

// joiner reports whether r is punctuation that joins the letters around it into one
// word: apostrophes ("O'Brien" is "obrien") and full stops ("S.p.A." is "spa",
// "J.R." is "jr").
func joiner(r rune) bool {
	switch r {
	case '\'', '.', '`', '\u2019', '\u02bc', '\u2018':
		return true
	}
	return false
}

// words splits folded text into words of letters, digits and marks. Joiners are dropped
// inside a word; every other character (space, hyphen, comma, '&', '·', brackets) ends
// one. Adjacent words in CJK scripts are merged ("林 美" is one word, "林美"), since
// spacing in them carries no meaning.
func words(s string) []string {
	if s == "" {
		return nil
	}
	// Sized by the spaces, as most text is spaced: grown from nil one word at a time,
	// the slice was a quarter of a name comparison's allocations.
	out := make([]string, 0, strings.Count(s, " ")+1)
	// The word being read is s[start:end] until a joiner inside it is dropped, and
	// then built in joined: most words hold no joiner and are cut from s, not copied
	// rune by rune (names and addresses are split into words in every comparison).
	start, end := -1, -1
	var joined []byte
	flush := func() {
		var w string
		switch {
		case joined != nil:
			w, joined = string(joined), nil
		case start >= 0:
			w = s[start:end]
		default:
			return
		}
		start = -1
		if n := len(out); n > 0 && allCJK(w) && allCJK(out[n-1]) {
			out[n-1] += w
			return
		}
		out = append(out, w)
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			// Never utf8.RuneError from a bad byte: U+FFFD is a symbol, so the word
			// cut from s holds the runes the builder would write.
			switch n := i + utf8.RuneLen(r); {
			case joined != nil:
				joined = utf8.AppendRune(joined, r)
			case start < 0:
				start, end = i, n
			case end == i:
				end = n
			default: // a joiner dropped since the word's last rune
				joined = utf8.AppendRune(append([]byte(nil), s[start:end]...), r)
			}
		case joiner(r):
		default:
			flush()
		}
	}
	flush()
	return out
}

// intlChar reports whether r is a non-ASCII letter, digit or mark: what internationalised
// e-mail addresses and domain names may hold besides ASCII.
func intlChar(r rune) bool {
	return r >= 0x80 && r != unicode.ReplacementChar && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// upperNFKC upper-cases s between two NFKC passes: upper-casing can produce characters
// that NFKC writes differently ("ǆ" becomes "Ǆ", which NFKC spells "DŽ"), and a key must
// be the same however many times it is computed.
func upperNFKC(s string) string {
	return norm.NFKC.String(strings.ToUpper(norm.NFKC.String(validUTF8(s))))
}

// lowerNFKC is upperNFKC's lower-case twin: "J̌" lower-cases to a j and a caron that
// NFKC then writes as one character, "ǰ".
func lowerNFKC(s string) string {
	return norm.NFKC.String(strings.ToLower(norm.NFKC.String(validUTF8(s))))
}

// validUTF8 replaces invalid UTF-8 with U+FFFD before normalising: NFKC passes invalid
// bytes through and may leave what follows them unnormalised, while strings.ToUpper
// replaces them, so a second pass would see different text.
func validUTF8(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}
