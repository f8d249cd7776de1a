package check

import (
	"errors"
	"testing"
)

// containerTests are the ContainerNumber table, also the seeds of FuzzContainerNumber.
var containerTests = []struct {
	in  string
	err error
}{
	{"MSKU1234565", nil},
	{"CSQU3054383", nil},
	{"TGHU0000008", nil},
	{"MSKU0000080", nil}, // the sum leaves 10, written 0
	{"ABCJ0000010", nil}, // detachable equipment
	{"XYZZ9999992", nil}, // trailer
	{"MSKU1234566", ErrCheckDigit},
	{"MSKU0000081", ErrCheckDigit},
	{"MKSU1234565", ErrCheckDigit}, // letters swapped
	{"MSKU123456", ErrLength},
	{"MSKU 1234565", ErrLength},
	{"", ErrLength},
	{"MSKX1234565", ErrCharset}, // category X does not exist
	{"MSK11234565", ErrCharset},
	{"mskU1234565", ErrCharset},
	{"MSKU12345A5", ErrCharset},
	{"MSKU123456X", ErrCharset},
}

func TestContainerNumber(t *testing.T) {
	for _, tt := range containerTests {
		if err := ContainerNumber(tt.in); !errors.Is(err, tt.err) {
			t.Errorf("ContainerNumber(%q) = %v, want %v", tt.in, err, tt.err)
		}
	}
}

func TestContainerCheckDigit(t *testing.T) {
	tests := []struct {
		in   string
		want byte
		err  error
	}{
		{"MSKU123456", '5', nil},
		{"CSQU305438", '3', nil},
		{"MSKU000008", '0', nil},
		{"ABCU123456", '0', nil}, // the sum leaves 0
		{"MSKU12345", 0, ErrLength},
		{"MSKUA23456", 0, ErrCharset},
		{"MSK1123456", 0, ErrCharset},
	}
	for _, tt := range tests {
		got, err := ContainerCheckDigit(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ContainerCheckDigit(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestContainerValue pins the letter values of ISO 6346, which skip 11, 22 and 33.
func TestContainerValue(t *testing.T) {
	want := map[byte]int{'A': 10, 'B': 12, 'K': 21, 'L': 23, 'U': 32, 'V': 34, 'Z': 38}
	for c, v := range want {
		if got := containerValue(c); got != v {
			t.Errorf("containerValue(%c) = %d, want %d", c, got, v)
		}
	}
}

func FuzzContainerNumber(f *testing.F) {
	for _, tt := range containerTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := ContainerNumber(s); err != nil {
			return
		}
		c, err := ContainerCheckDigit(s[:10])
		if err != nil || c != s[10] || (s[3] != 'U' && s[3] != 'J' && s[3] != 'Z') {
			t.Fatalf("ContainerNumber accepted %q (check %q, %v)", s, c, err)
		}
	})
}
