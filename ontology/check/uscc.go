package check

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// usccAlphabet is GB 32100-2015's character set: digits and capitals without I, O, S, V
// and Z, which are too easily read as 1, 0, 5, U and 2. A character's value is its index.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^i mod 31 for the 17 positions before the check character.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccCharErr explains why c at 1-based position pos is not a USCC character.
func usccCharErr(code string, c byte, pos int) error {
	why := "not in the GB 32100 alphabet"
	if c >= 'a' && c <= 'z' {
		why = "lower-case letter"
	}
	return fmt.Errorf("USCC %q: %w: %q at position %d (%s)", code, ErrCharset, c, pos, why)
}

// USCCCheckChar computes the check character (the 18th) of a unified social credit code
// from its first 17 characters, so simulators and tests can build valid codes:
// alphabet[(31 - Σ value·weight mod 31) mod 31].
//
// It returns ErrLength unless first17 has 17 characters, and ErrCharset for a character
// outside the alphabet.
func USCCCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("USCC %q: %w: want 17 characters before the check, got %d", first17, ErrLength, utf8.RuneCountInString(first17))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0, usccCharErr(first17, first17[i], i+1)
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], nil
}

// USCC checks a China unified social credit code (统一社会信用代码, GB 32100-2015), the
// identifier of every company in customs declarations and invoices: 18 characters from
// the GB 32100 alphabet, characters 3-8 an administrative division code (digits), and a
// check character. The code is taken as issued, in capitals; lower case is refused.
//
// It returns ErrLength, ErrCharset or ErrCheckDigit.
func USCC(code string) error {
	if len(code) != 18 {
		return fmt.Errorf("USCC %q: %w: want 18 characters, got %d", code, ErrLength, utf8.RuneCountInString(code))
	}
	for i := 0; i < 18; i++ {
		if strings.IndexByte(usccAlphabet, code[i]) < 0 {
			return usccCharErr(code, code[i], i+1)
		}
	}
	if !allDigits(code[2:8]) {
		return fmt.Errorf("USCC %q: %w: characters 3-8 are an administrative division code (digits), got %s", code, ErrCharset, code[2:8])
	}
	want, err := USCCCheckChar(code[:17])
	if err != nil {
		return err
	}
	if want != code[17] {
		return fmt.Errorf("USCC %q: %w: expected %c, got %c", code, ErrCheckDigit, want, code[17])
	}
	return nil
}
