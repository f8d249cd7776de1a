package refscan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// unit is one character of the folded text and the bytes of the input it came from.
// Folding is done rune by rune, not on the whole string, so that every character found
// can be traced back to the exact substring a person typed.
type unit struct {
	r          rune
	start, end int
}

// fold maps each character of text to what identifiers are compared on: full-width
// letters, digits and punctuation to ASCII ("２７０６" is "2706", "：" is ":"), every
// dash to "-", every space to " " (newlines kept), and other compatibility characters
// whose NFKC form is ASCII to that form ("№" is "No"). Anything else, including invalid
// UTF-8, is kept and only ever ends a token.
func fold(text string) []unit {
	us := make([]unit, 0, len(text))
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		end := i + n
		switch {
		case r < utf8.RuneSelf:
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		case r == utf8.RuneError:
		case r == '\u2028' || r == '\u2029':
			r = '\n'
		case unicode.IsSpace(r):
			r = ' '
		case unicode.Is(unicode.Pd, r) || r == '\u2212':
			r = '-'
		default:
			if d := norm.NFKC.PropertiesString(text[i:end]).Decomposition(); isASCII(d) {
				for _, b := range d {
					us = append(us, unit{rune(b), i, end})
				}
				i = end
				continue
			}
		}
		us = append(us, unit{r, i, end})
		i = end
	}
	return us
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return len(b) > 0
}

// lexKind is what a lexeme is.
type lexKind uint8

const (
	lexToken lexKind = iota + 1 // ASCII letters and digits, with single joiners inside
	lexWord                     // other letters: a run of Han, kana, accented Latin
	lexSpace                    // white space
	lexPunct                    // any other single character
)

// lexeme is one piece of folded text.
type lexeme struct {
	kind lexKind
	// text: for a token its folded characters in the case written; for a word its
	// characters; for punctuation the character.
	text       string
	start, end int  // bytes of the input
	u0         int  // index of its first unit: a token's byte i is unit u0+i
	newline    bool // a space that contains a line break
	width      int  // characters in a space
}

func isDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isLetter(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }
func isAlnum(r rune) bool  { return isDigit(r) || isLetter(r) }

// isJoiner reports whether r, between two letters or digits, keeps them in one token:
// "PO-2025-00381", "250304/123456789012345", "13812345678_1234", "No.1047", "58.60".
func isJoiner(r rune) bool { return r == '-' || r == '_' || r == '/' || r == '.' }

// lex splits text, folded into us, into tokens, words, spaces and punctuation.
func lex(text string, us []unit) []lexeme {
	var out []lexeme
	var b strings.Builder
	for i := 0; i < len(us); {
		j := i + 1
		kind := lexPunct
		r := us[i].r
		switch {
		case isAlnum(r):
			kind = lexToken
			for j < len(us) && (isAlnum(us[j].r) || isJoiner(us[j].r) && j+1 < len(us) && isAlnum(us[j+1].r)) {
				j++
			}
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			kind = lexSpace
			for j < len(us) && strings.ContainsRune(" \t\n\r\v\f", us[j].r) {
				j++
			}
		case r >= utf8.RuneSelf && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)):
			kind = lexWord
			for j < len(us) && us[j].r >= utf8.RuneSelf && us[j].r != utf8.RuneError &&
				(unicode.IsLetter(us[j].r) || unicode.IsMark(us[j].r) || unicode.IsDigit(us[j].r)) {
				j++
			}
		}
		l := lexeme{kind: kind, start: us[i].start, end: us[j-1].end, u0: i, width: j - i}
		if l.end-l.start == j-i {
			// One byte a character: ASCII, which folding leaves as it is.
			l.text = text[l.start:l.end]
		} else {
			b.Reset()
			for _, u := range us[i:j] {
				b.WriteRune(u.r)
			}
			l.text = b.String()
		}
		l.newline = kind == lexSpace && strings.ContainsAny(l.text, "\n\r")
		out = append(out, l)
		i = j
	}
	return out
}

// groups splits a token at its joiners: "PO-2025-00381" is "PO", "2025", "00381", and
// the joiners between them "-", "-".
func groups(tok string) (parts []string, joiners string) {
	var js []byte
	start := 0
	for i := 0; i < len(tok); i++ {
		if isJoiner(rune(tok[i])) {
			parts = append(parts, tok[start:i])
			js = append(js, tok[i])
			start = i + 1
		}
	}
	return append(parts, tok[start:]), string(js)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return s != ""
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(rune(s[i])) {
			n++
		}
	}
	return n
}

func hasDigit(s string) bool { return countDigits(s) > 0 }

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isLetter(rune(s[i])) {
			return true
		}
	}
	return false
}

// stripJoiners returns s without its joiners: "PO-2025-00381" is "PO202500381".
func stripJoiners(s string) string {
	return strings.Map(func(r rune) rune {
		if isJoiner(r) {
			return -1
		}
		return r
	}, s)
}
