package check

import (
	"errors"
	"testing"
)

// entryTests are the ChinaEntryID table, also the seeds of FuzzChinaEntryID.
var entryTests = []struct {
	in, dir string
	err     error
}{
	{"531620250000123456", "export", nil},
	{"531620251000123456", "import", nil},
	{"222219900000000001", "export", nil},
	{"222221001000000001", "import", nil},
	{"53162025000012345", "", ErrLength},
	{"5316202500001234567", "", ErrLength},
	{"", "", ErrLength},
	{"5316202500001234X6", "", ErrCharset},
	{"5316 2025 0 000123456", "", ErrLength},
	{"531618990000123456", "", ErrUnknownCode}, // year 1899
	{"531621010000123456", "", ErrUnknownCode}, // year 2101
	{"531620252000123456", "", ErrUnknownCode}, // 2 is neither import nor export
}

func TestChinaEntryID(t *testing.T) {
	for _, tt := range entryTests {
		if err := ChinaEntryID(tt.in); !errors.Is(err, tt.err) {
			t.Errorf("ChinaEntryID(%q) = %v, want %v", tt.in, err, tt.err)
		}
		dir, err := ChinaEntryDirection(tt.in)
		if dir != tt.dir || !errors.Is(err, tt.err) {
			t.Errorf("ChinaEntryDirection(%q) = %q, %v; want %q, %v", tt.in, dir, err, tt.dir, tt.err)
		}
	}
}

// hsTests are the HSCode table, also the seeds of FuzzHSCode.
var hsTests = []struct {
	in, want, hs6 string
	err           error
}{
	{"847130", "847130", "847130", nil},
	{"8471.30", "847130", "847130", nil},
	{"8471.30.0100", "8471300100", "847130", nil}, // US HTSUS
	{"8471 30 01 00", "8471300100", "847130", nil},
	{"8471-30-01", "84713001", "847130", nil},
	{"0101210010", "0101210010", "010121", nil}, // China CodeTS
	{" 0101.21 ", "010121", "010121", nil},
	{"84713000001234", "84713000001234", "847130", nil}, // TARIC with additional codes
	{"8471", "", "", ErrLength},
	{"84713", "", "", ErrLength},
	{"847130000012345", "", "", ErrLength},
	{"", "", "", ErrLength},
	{"...", "", "", ErrLength},
	{"8471.3O", "", "", ErrCharset},
	{"8471,30", "", "", ErrCharset},
	{"0012345678", "", "", ErrUnknownCode},
}

func TestHSCode(t *testing.T) {
	for _, tt := range hsTests {
		got, err := HSCode(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("HSCode(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
		if got := HS6(tt.in); got != tt.hs6 {
			t.Errorf("HS6(%q) = %q, want %q", tt.in, got, tt.hs6)
		}
	}
}

func FuzzChinaEntryID(f *testing.F) {
	for _, tt := range entryTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dir, err := ChinaEntryDirection(s)
		if (err == nil) != (ChinaEntryID(s) == nil) {
			t.Fatalf("ChinaEntryDirection(%q) and ChinaEntryID disagree: %v", s, err)
		}
		if err == nil && (len(s) != 18 || !allDigits(s) || (dir != "import" && dir != "export")) {
			t.Fatalf("ChinaEntryDirection(%q) = %q", s, dir)
		}
	})
}

func FuzzHSCode(f *testing.F) {
	for _, tt := range hsTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := HSCode(s)
		if err != nil {
			if d != "" || HS6(s) != "" {
				t.Fatalf("HSCode(%q) = %q, %v; HS6 = %q", s, d, err, HS6(s))
			}
			return
		}
		if again, err := HSCode(d); err != nil || again != d {
			t.Fatalf("HSCode(%q) = %q, but HSCode(%q) = %q, %v", s, d, d, again, err)
		}
		if len(d) < 6 || len(d) > 14 || !allDigits(d) || HS6(s) != d[:6] {
			t.Fatalf("HSCode(%q) = %q, HS6 = %q", s, d, HS6(s))
		}
	})
}
