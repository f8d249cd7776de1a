// Package check holds the domain checks that a struct tag cannot express: GS1 check
// digits (GTIN, SSCC), China's unified social credit code, ISO 6346 container numbers,
// China customs declaration numbers and ISO 4217 currencies.
//
// Every check returns an error that wraps one of a few sentinels (ErrLength, ErrCharset,
// ErrCheckDigit, ErrUnknownCode), so callers can tell why with errors.Is and people can
// read what was expected.
package check

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of failure.
var (
	ErrLength      = errors.New("wrong length")
	ErrCharset     = errors.New("character not allowed")
	ErrCheckDigit  = errors.New("check digit does not match")
	ErrUnknownCode = errors.New("unknown code")
)

func digits(s string) bool {
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

// gs1Check computes the GS1 mod-10 check digit of the data digits (weights 3,1,3,...
// from the rightmost data digit).
func gs1Check(data string) byte {
	sum := 0
	for i := len(data) - 1; i >= 0; i-- {
		d := int(data[i] - '0')
		if (len(data)-1-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// GS1 reports whether digits ends in its GS1 mod-10 check digit.
func GS1(s string) bool {
	return len(s) >= 2 && digits(s) && gs1Check(s[:len(s)-1]) == s[len(s)-1]
}

// GTIN14 normalises a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14 to 14 digits,
// after checking its check digit. Spaces and dashes are ignored.
func GTIN14(code string) (string, error) {
	s := strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(code))
	if !digits(s) {
		return "", fmt.Errorf("GTIN %q: %w: digits only", code, ErrCharset)
	}
	switch len(s) {
	case 8, 12, 13, 14:
	default:
		return "", fmt.Errorf("GTIN %q: %w: want 8, 12, 13 or 14 digits, got %d", code, ErrLength, len(s))
	}
	if want := gs1Check(s[:len(s)-1]); want != s[len(s)-1] {
		return "", fmt.Errorf("GTIN %q: %w: expected %c, got %c", code, ErrCheckDigit, want, s[len(s)-1])
	}
	return strings.Repeat("0", 14-len(s)) + s, nil
}

// SSCC checks a serial shipping container code: 18 digits with a GS1 check digit.
func SSCC(code string) error {
	if len(code) != 18 {
		return fmt.Errorf("SSCC %q: %w: want 18 digits", code, ErrLength)
	}
	if !digits(code) {
		return fmt.Errorf("SSCC %q: %w: digits only", code, ErrCharset)
	}
	if want := gs1Check(code[:17]); want != code[17] {
		return fmt.Errorf("SSCC %q: %w: expected %c, got %c", code, ErrCheckDigit, want, code[17])
	}
	return nil
}

// usccAlphabet is GB 32100-2015's character set: digits and capitals without I, O, S, V, Z.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCCheckChar computes the check character of the first 17 characters of a unified
// social credit code.
func USCCCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("USCC %q: %w: want 17 characters before the check", first17, ErrLength)
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0, fmt.Errorf("USCC %q: %w: %q at position %d", first17, ErrCharset, first17[i], i+1)
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], nil
}

// USCC checks a China unified social credit code (统一社会信用代码, GB 32100-2015).
func USCC(code string) error {
	if len(code) != 18 {
		return fmt.Errorf("USCC %q: %w: want 18 characters", code, ErrLength)
	}
	if !digits(code[2:8]) {
		return fmt.Errorf("USCC %q: %w: characters 3-8 are an administrative division code (digits)", code, ErrCharset)
	}
	want, err := USCCCheckChar(code[:17])
	if err != nil {
		return err
	}
	if strings.IndexByte(usccAlphabet, code[17]) < 0 {
		return fmt.Errorf("USCC %q: %w: %q at position 18", code, ErrCharset, code[17])
	}
	if want != code[17] {
		return fmt.Errorf("USCC %q: %w: expected %c, got %c", code, ErrCheckDigit, want, code[17])
	}
	return nil
}

// containerValue is ISO 6346's value of a letter: A=10, skipping multiples of 11.
func containerValue(c byte) int {
	v := 10
	for l := byte('A'); l < c; l++ {
		v++
		if v%11 == 0 {
			v++
		}
	}
	return v
}

// ContainerCheckDigit computes the ISO 6346 check digit of an owner code, category and
// serial number (10 characters).
func ContainerCheckDigit(first10 string) (byte, error) {
	if len(first10) != 10 {
		return 0, fmt.Errorf("container %q: %w: want 10 characters before the check digit", first10, ErrLength)
	}
	sum := 0
	for i := 0; i < 10; i++ {
		c := first10[i]
		var v int
		switch {
		case i < 4 && c >= 'A' && c <= 'Z':
			v = containerValue(c)
		case i >= 4 && c >= '0' && c <= '9':
			v = int(c - '0')
		default:
			return 0, fmt.Errorf("container %q: %w: %q at position %d", first10, ErrCharset, c, i+1)
		}
		sum += v << i
	}
	return byte('0' + sum%11%10), nil
}

// ContainerNumber checks an ISO 6346 container number such as MSKU1234565: owner code,
// category U, J or Z, six digits and a check digit.
func ContainerNumber(code string) error {
	if len(code) != 11 {
		return fmt.Errorf("container %q: %w: want 11 characters", code, ErrLength)
	}
	if c := code[3]; c != 'U' && c != 'J' && c != 'Z' {
		return fmt.Errorf("container %q: %w: category must be U, J or Z", code, ErrCharset)
	}
	want, err := ContainerCheckDigit(code[:10])
	if err != nil {
		return err
	}
	if want != code[10] {
		return fmt.Errorf("container %q: %w: expected %c, got %c", code, ErrCheckDigit, want, code[10])
	}
	return nil
}

// ChinaEntryID checks a China customs declaration number (报关单号): 18 digits, a
// customs office (4), a year (4), 1 for import or 0 for export, and a sequence (9).
func ChinaEntryID(id string) error {
	if len(id) != 18 {
		return fmt.Errorf("EntryId %q: %w: want 18 digits", id, ErrLength)
	}
	if !digits(id) {
		return fmt.Errorf("EntryId %q: %w: digits only", id, ErrCharset)
	}
	if y := id[4:8]; y < "1990" || y > "2100" {
		return fmt.Errorf("EntryId %q: %w: characters 5-8 must be a year, got %s", id, ErrUnknownCode, y)
	}
	if id[8] != '0' && id[8] != '1' {
		return fmt.Errorf("EntryId %q: %w: character 9 must be 1 (import) or 0 (export)", id, ErrUnknownCode)
	}
	return nil
}

// ChinaEntryDirection says whether a valid declaration number is an import or an export.
func ChinaEntryDirection(id string) (string, error) {
	if err := ChinaEntryID(id); err != nil {
		return "", err
	}
	if id[8] == '1' {
		return "import", nil
	}
	return "export", nil
}
