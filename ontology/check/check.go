// Package check holds the domain checks that a struct tag cannot express: GS1 check
// digits (GTIN, SSCC), China's unified social credit code, ISO 6346 container numbers,
// China customs declaration numbers, HS codes, and the ISO 4217 currency and ISO 3166
// country code lists, together with the legacy numeric codes of China customs.
//
// The checks are pure functions over strings: no I/O, no state, safe for concurrent use.
// They are strict about what a value is (a GTIN with a wrong check digit is refused, not
// repaired) and lenient only about how it is written where sources really differ (spaces
// and dashes in a GTIN, lower-case currency codes, dots in an HS code).
//
// Every failure is an error that wraps one of four sentinels, so a caller can tell why
// with errors.Is while a person reads what was expected:
//
//   - [ErrLength]: the value has the wrong number of characters.
//   - [ErrCharset]: a character is not allowed where it stands.
//   - [ErrCheckDigit]: the value is well formed but its check digit or character is wrong,
//     which usually means a typo or a truncated copy.
//   - [ErrUnknownCode]: the value is well formed but names nothing in the code list.
package check

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of failure. Callers match them with errors.Is; the wrapping error carries the
// value and the detail.
var (
	// ErrLength means the value has the wrong number of characters: reject it, since no
	// reading of it is safe (a GTIN missing a digit is a different GTIN).
	ErrLength = errors.New("wrong length")
	// ErrCharset means a character is not allowed at its position (a letter in a GTIN,
	// an O for a 0 in a USCC).
	ErrCharset = errors.New("character not allowed")
	// ErrCheckDigit means the value is well formed but its check digit or character does
	// not match: typically a typo. Ask the source to correct it.
	ErrCheckDigit = errors.New("check digit does not match")
	// ErrUnknownCode means the value is well formed but is not in the code list (an
	// unknown currency or country, a declaration number whose year is implausible).
	ErrUnknownCode = errors.New("unknown code")
)

// allDigits reports whether s is non-empty and made of ASCII digits only.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// firstNonDigit describes the first character of s that is not an ASCII digit, with its
// 1-based position, for error messages.
func firstNonDigit(s string) string {
	pos := 0
	for _, r := range s {
		pos++
		if r < '0' || r > '9' {
			return fmt.Sprintf("%q at position %d", r, pos)
		}
	}
	return "nothing"
}

// stripSeparators removes the spaces and dashes that people put in long numbers to make
// them readable ("950-1101-5300-03"), and surrounding white space.
func stripSeparators(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, " -") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}
