package check

import (
	"fmt"
	"unicode/utf8"
)

// containerValue is ISO 6346's value of a capital letter: A is 10 and the values count
// up, skipping multiples of 11 (so B is 12, L is 23, V is 34), because a letter worth 11
// would weigh the same as a digit pair.
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

// ContainerCheckDigit computes the ISO 6346 check digit of the first 10 characters of a
// container number (owner code, category, serial number): the sum of value·2^i, mod 11,
// with a remainder of 10 written as 0. Simulators and tests use it to build valid numbers.
//
// It returns ErrLength unless first10 has 10 characters, and ErrCharset unless the first
// four are capital letters and the last six digits.
func ContainerCheckDigit(first10 string) (byte, error) {
	if len(first10) != 10 {
		return 0, fmt.Errorf("container %q: %w: want 10 characters before the check digit, got %d", first10, ErrLength, utf8.RuneCountInString(first10))
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
		case i < 4:
			return 0, fmt.Errorf("container %q: %w: %q at position %d, want a capital letter", first10, ErrCharset, c, i+1)
		default:
			return 0, fmt.Errorf("container %q: %w: %q at position %d, want a digit", first10, ErrCharset, c, i+1)
		}
		sum += v << i
	}
	return byte('0' + sum%11%10), nil
}

// ContainerNumber checks an ISO 6346 freight container number such as MSKU1234565: a
// three-letter owner code, the equipment category (U freight container, J detachable
// equipment, Z trailer or chassis), a six-digit serial number and the check digit. The
// number is taken as written on the box, in capitals and without spaces.
//
// It returns ErrLength, ErrCharset or ErrCheckDigit.
func ContainerNumber(code string) error {
	if len(code) != 11 {
		return fmt.Errorf("container %q: %w: want 11 characters, got %d", code, ErrLength, utf8.RuneCountInString(code))
	}
	want, err := ContainerCheckDigit(code[:10])
	if err != nil {
		return err
	}
	if c := code[3]; c != 'U' && c != 'J' && c != 'Z' {
		return fmt.Errorf("container %q: %w: category (position 4) must be U, J or Z, got %q", code, ErrCharset, c)
	}
	if c := code[10]; c < '0' || c > '9' {
		return fmt.Errorf("container %q: %w: check digit (position 11) must be a digit, got %q", code, ErrCharset, c)
	}
	if want != code[10] {
		return fmt.Errorf("container %q: %w: expected %c, got %c", code, ErrCheckDigit, want, code[10])
	}
	return nil
}
