package check

import (
	"errors"
	"strings"
	"testing"
)

// usccTests are the USCC table, also the seeds of FuzzUSCC.
var usccTests = []struct {
	in  string
	err error
}{
	{"91440300MA5F3K2W13", nil}, // SOURCES.md §9.3
	{"91310115MA1H7Q4R28", nil}, // SOURCES.md §7d
	{"11100000000013127D", nil},
	{"92440300L12345678R", nil},
	{"Y1440300MA5F3K2W1D", nil},
	{"91440300MA5F3K2W14", ErrCheckDigit},
	{"91440300MA5F3K2W31", ErrCheckDigit}, // two characters swapped
	{"91440300MA5F3K2W1", ErrLength},
	{"91440300MA5F3K2W133", ErrLength},
	{"", ErrLength},
	{"9144030OMA5F3K2W13", ErrCharset}, // letter O in the division code
	{"91440300MA5F3I2W13", ErrCharset}, // I is not in the alphabet
	{"91440300MA5F3K2W1S", ErrCharset}, // nor is S, even as the check character
	{"91440300ma5f3k2w13", ErrCharset}, // codes are issued in capitals
	{"91A40300MA5F3K2W13", ErrCharset},
	{"91440300MA5F3K2W1三", ErrLength}, // 18 characters but 20 bytes
	{"91440300MA5F3K2三", ErrCharset},  // 18 bytes, a non-ASCII character
}

func TestUSCC(t *testing.T) {
	for _, tt := range usccTests {
		if err := USCC(tt.in); !errors.Is(err, tt.err) {
			t.Errorf("USCC(%q) = %v, want %v", tt.in, err, tt.err)
		}
	}
}

func TestUSCCErrorSaysWhy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"91440300MA5F3K2W14", `USCC "91440300MA5F3K2W14": check digit does not match: expected 3, got 4`},
		{"91440300MA5F3I2W13", `USCC "91440300MA5F3I2W13": character not allowed: 'I' at position 14 (not in the GB 32100 alphabet)`},
		{"91440300ma5f3k2w13", `USCC "91440300ma5f3k2w13": character not allowed: 'm' at position 9 (lower-case letter)`},
	}
	for _, tt := range tests {
		if err := USCC(tt.in); err == nil || err.Error() != tt.want {
			t.Errorf("USCC(%q) = %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestUSCCCheckChar(t *testing.T) {
	tests := []struct {
		in   string
		want byte
		err  error
	}{
		{"91440300MA5F3K2W1", '3', nil},
		{"91310115MA1H7Q4R2", '8', nil},
		{"11100000000013127", 'D', nil},
		{"00000000000000000", '0', nil},
		{"9144030MA5F3K2W1", 0, ErrLength},
		{"91440300MA5F3K2WI", 0, ErrCharset},
	}
	for _, tt := range tests {
		got, err := USCCCheckChar(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("USCCCheckChar(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func FuzzUSCC(f *testing.F) {
	for _, tt := range usccTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := USCC(s)
		if err != nil {
			if !errors.Is(err, ErrLength) && !errors.Is(err, ErrCharset) && !errors.Is(err, ErrCheckDigit) {
				t.Fatalf("USCC(%q) = %v, which wraps no sentinel", s, err)
			}
			return
		}
		c, cerr := USCCCheckChar(s[:17])
		if cerr != nil || c != s[17] || !allDigits(s[2:8]) || strings.ToUpper(s) != s {
			t.Fatalf("USCC accepted %q (check %q, %v)", s, c, cerr)
		}
	})
}

func FuzzUSCCCheckChar(f *testing.F) {
	for _, tt := range usccTests {
		if len(tt.in) >= 17 {
			f.Add(tt.in[:17])
		}
	}
	f.Fuzz(func(t *testing.T, first17 string) {
		c, err := USCCCheckChar(first17)
		if err != nil {
			return
		}
		// A code built with the computed check character fails USCC only on its division code.
		if err := USCC(first17 + string(c)); err != nil && allDigits(first17[2:8]) {
			t.Fatalf("USCC(%q + %q) = %v", first17, c, err)
		}
	})
}
