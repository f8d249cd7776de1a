package refscan

import (
	"strings"
	"unicode/utf8"
)

// ctx is what the text around a number says about it.
type ctx struct {
	labels  label  // the label words in front of it
	carrier string // a carrier's letters, when a label named a carrier that writes them
	from    int    // byte offset where the evidence starts: the furthest label, or the number
	hash    bool   // "#" right in front: a Shopify name is "#1047"
	// never: the number is part of something that is never an identifier, whatever
	// its labels say: a phone number behind "+" or "(021)", an amount behind a currency
	// sign or before "%", a time ("10:15"), a number with thousands separators.
	never bool
	// bare: the number is a quantity, an amount or a date unless a label names it: a
	// unit follows ("2 cups", "58元", "2025年"), or a month name is near.
	bare bool
}

// named reports whether a label makes the number more than a bare number.
func (c ctx) named() bool { return c.labels&labNamed != 0 }

// context reads the text around lexemes i to j, one token or a chain of them.
func (s *scanner) context(i, j int) ctx {
	var c ctx
	var from int
	c.labels, c.carrier, from = labelsBefore(s.lx, i)
	c.from = s.lx[from].start
	prev, next := s.punct(i-1), s.punct(j+1)
	c.hash = prev == "#"
	switch cur := s.punct(s.skipSpace(i, -1)); {
	case prev == "+":
		c.never = true // +86 138…, +31 6…
	case cur != "" && strings.Contains("$¥￥€£", cur):
		c.never = true
	case next == "%":
		c.never = true
	case s.areaCode(i):
		c.never = true
	}
	if i == j && allDigits(s.lx[i].text) {
		// 10:15, 10:15:22: a number beside a colon beside another number is a time.
		if prev == ":" && s.digitsAt(i-2, 0) || next == ":" && s.digitsAt(j+2, 0) {
			c.never = true
		}
		// 1,280 and 12,345,678: digits in threes behind a comma are an amount or a count.
		n := len(s.lx[i].text)
		if prev == "," && n == 3 && s.digitsAt(i-2, 3) || next == "," && n <= 3 && s.digitsAt(j+2, 3) && len(s.lx[j+2].text) == 3 {
			c.never = true
		}
	}
	c.bare = s.unitAfter(j) || s.monthNear(i, j)
	return c
}

// punct returns the punctuation character at lexeme k, or "".
func (s *scanner) punct(k int) string {
	if k < 0 || k >= len(s.lx) || s.lx[k].kind != lexPunct {
		return ""
	}
	return s.lx[k].text
}

// skipSpace returns the lexeme next to k in direction dir, stepping over one space on
// the same line.
func (s *scanner) skipSpace(k, dir int) int {
	n := k + dir
	if n >= 0 && n < len(s.lx) && s.lx[n].kind == lexSpace && !s.lx[n].newline {
		n += dir
	}
	return n
}

// digitsAt reports whether lexeme k is a token of digits only, of at most max digits
// when max > 0.
func (s *scanner) digitsAt(k, max int) bool {
	if k < 0 || k >= len(s.lx) || s.lx[k].kind != lexToken || !allDigits(s.lx[k].text) {
		return false
	}
	return max == 0 || len(s.lx[k].text) <= max
}

// areaCode reports whether a number follows an area code in brackets: "(021) 6123".
func (s *scanner) areaCode(i int) bool {
	k := s.skipSpace(i, -1)
	if s.punct(k) != ")" || !s.digitsAt(k-1, 4) || s.punct(k-2) != "(" {
		return false
	}
	code := s.lx[k-1].text
	return len(code) >= 3 && code[0] == '0'
}

// unitAfter reports whether a unit follows lexeme j: "2 cups", "58元", "2025年", "3杯".
func (s *scanner) unitAfter(j int) bool {
	k := s.skipSpace(j, 1)
	if k >= len(s.lx) {
		return false
	}
	switch x := s.lx[k]; x.kind {
	case lexWord:
		r, _ := utf8.DecodeRuneInString(x.text)
		return strings.ContainsRune(unitRunes, r)
	case lexToken:
		return unitWords[strings.ToLower(x.text)]
	}
	return false
}

// monthNear reports whether an English month name is among the few words around a
// number: "Mar 4, 2025", "4 March 2025".
func (s *scanner) monthNear(i, j int) bool {
	if len(s.lx[i].text) > 4 || i != j {
		return false
	}
	for k := max(0, i-6); k < min(len(s.lx), j+4); k++ {
		if s.lx[k].kind == lexToken && months[strings.ToLower(s.lx[k].text)] {
			return true
		}
	}
	return false
}
