package check

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// gs1Check computes the GS1 mod-10 check digit of data, which must be ASCII digits:
// weights 3, 1, 3, ... from the rightmost data digit, check = (10 - sum mod 10) mod 10.
// Weighting from the right is what lets a GTIN-13 be left-padded to 14 digits without
// changing its check digit.
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

// GS1 reports whether digits is all ASCII digits, at least two of them, and ends in the
// GS1 mod-10 check digit of the digits before it. It checks the arithmetic only; GTIN14
// and SSCC also check the length.
func GS1(digits string) bool {
	return len(digits) >= 2 && allDigits(digits) && gs1Check(digits[:len(digits)-1]) == digits[len(digits)-1]
}

// GS1CheckDigit computes the check digit to append to data (the digits of a GTIN or SSCC
// without their check digit), so simulators and tests can build valid codes.
//
// It returns ErrCharset when data is empty or holds anything but ASCII digits.
func GS1CheckDigit(data string) (byte, error) {
	if !allDigits(data) {
		return 0, fmt.Errorf("GS1 data %q: %w: %s", data, ErrCharset, firstNonDigit(data))
	}
	return gs1Check(data), nil
}

// GTIN14 reads a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14, checks its check
// digit and returns it left-padded with zeros to 14 digits: the one form under which the
// same trade item compares equal whichever system wrote it. Spaces and dashes are
// ignored.
//
// It returns ErrLength for any other number of digits (a UPC that lost its leading zero
// in a spreadsheet has 11 and is refused rather than guessed), ErrCharset for a
// non-digit, ErrCheckDigit when the check digit is wrong, and ErrUnknownCode for an
// all-zero code, which passes the arithmetic but names no item.
func GTIN14(code string) (string, error) {
	s := stripSeparators(code)
	if s == "" {
		return "", fmt.Errorf("GTIN %q: %w: want 8, 12, 13 or 14 digits, got none", code, ErrLength)
	}
	if !allDigits(s) {
		return "", fmt.Errorf("GTIN %q: %w: digits only, found %s", code, ErrCharset, firstNonDigit(s))
	}
	switch len(s) {
	case 8, 12, 13, 14:
	default:
		return "", fmt.Errorf("GTIN %q: %w: want 8, 12, 13 or 14 digits, got %d", code, ErrLength, len(s))
	}
	if want := gs1Check(s[:len(s)-1]); want != s[len(s)-1] {
		return "", fmt.Errorf("GTIN %q: %w: expected %c, got %c", code, ErrCheckDigit, want, s[len(s)-1])
	}
	if strings.Trim(s, "0") == "" {
		return "", fmt.Errorf("GTIN %q: %w: all zeros", code, ErrUnknownCode)
	}
	return strings.Repeat("0", 14-len(s)) + s, nil
}

// SSCC checks a serial shipping container code (GS1 application identifier 00): exactly
// 18 digits, the last one the GS1 check digit. Unlike GTIN14 it accepts no separators:
// an SSCC is stored as scanned, and a printed "(00)" prefix is not part of it.
//
// It returns ErrLength, ErrCharset, ErrCheckDigit, or ErrUnknownCode for all zeros.
func SSCC(code string) error {
	if len(code) != 18 {
		return fmt.Errorf("SSCC %q: %w: want 18 digits, got %d characters", code, ErrLength, utf8.RuneCountInString(code))
	}
	if !allDigits(code) {
		return fmt.Errorf("SSCC %q: %w: digits only, found %s", code, ErrCharset, firstNonDigit(code))
	}
	if want := gs1Check(code[:17]); want != code[17] {
		return fmt.Errorf("SSCC %q: %w: expected %c, got %c", code, ErrCheckDigit, want, code[17])
	}
	if strings.Trim(code, "0") == "" {
		return fmt.Errorf("SSCC %q: %w: all zeros", code, ErrUnknownCode)
	}
	return nil
}
