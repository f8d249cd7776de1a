package check

import (
	"errors"
	"testing"
)

// gtinTests are the GTIN14 table, also the seeds of FuzzGTIN14.
var gtinTests = []struct {
	in, want string
	err      error
}{
	{"9501101530003", "09501101530003", nil}, // GS1's own GTIN-13 example
	{"09501101530003", "09501101530003", nil},
	{" 9501101530003\t", "09501101530003", nil},
	{"950-1101-5300-03", "09501101530003", nil},
	{"9 501101 530003", "09501101530003", nil},
	{"4006381333931", "04006381333931", nil},
	{"036000291452", "00036000291452", nil}, // UPC-A
	{"96385074", "00000096385074", nil},     // GTIN-8
	{"10012345123457", "10012345123457", nil},
	// SOURCES.md §9.3 writes the GS1 example as "0950110153000"; as a GTIN-13 its check
	// digit would be 7, so it is refused rather than silently re-checked.
	{"0950110153000", "", ErrCheckDigit},
	{"9501101530004", "", ErrCheckDigit},
	{"036000291453", "", ErrCheckDigit},
	{"00000000000000", "", ErrUnknownCode},
	{"00000000", "", ErrUnknownCode},
	{"36000291452", "", ErrLength}, // a UPC-A that lost its leading zero
	{"12345", "", ErrLength},
	{"123456789012345", "", ErrLength},
	{"", "", ErrLength},
	{" - ", "", ErrLength},
	{"09501101530O03", "", ErrCharset},
	{"０９５０１１０１５３０００３", "", ErrCharset}, // full-width digits are not normalised here
	{"9501101530003.", "", ErrCharset},
	{"+9501101530003", "", ErrCharset},
}

func TestGTIN14(t *testing.T) {
	for _, tt := range gtinTests {
		got, err := GTIN14(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("GTIN14(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestGTIN14ErrorSaysWhy(t *testing.T) {
	_, err := GTIN14("0950110153000")
	if err == nil || err.Error() != `GTIN "0950110153000": check digit does not match: expected 7, got 0` {
		t.Errorf("GTIN14 error = %v", err)
	}
}

func TestGS1(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"09501101530003", true},
		{"376123450000012347", true},
		{"00", true}, // the arithmetic holds; length rules belong to GTIN14 and SSCC
		{"17", true}, // 1·3 = 3, so the check digit is 7
		{"18", false},
		{"0", false},
		{"", false},
		{"09501101530004", false},
		{"0950110153000a", false},
		{"-9501101530003", false},
	}
	for _, tt := range tests {
		if got := GS1(tt.in); got != tt.want {
			t.Errorf("GS1(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestGS1CheckDigit(t *testing.T) {
	tests := []struct {
		in   string
		want byte
		err  error
	}{
		{"950110153000", '3', nil},
		{"0950110153000", '3', nil}, // leading zeros do not change the check digit
		{"37612345000001234", '7', nil},
		{"03600029145", '2', nil},
		{"9638507", '4', nil},
		{"", 0, ErrCharset},
		{"12a", 0, ErrCharset},
	}
	for _, tt := range tests {
		got, err := GS1CheckDigit(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("GS1CheckDigit(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// ssccTests are the SSCC table, also the seeds of FuzzSSCC.
var ssccTests = []struct {
	in  string
	err error
}{
	{"376123450000012347", nil},
	{"000000000000000000", ErrUnknownCode},
	{"376123450000012348", ErrCheckDigit},
	{"37612345000001234", ErrLength},
	{"3761234500000123470", ErrLength},
	{"(00)376123450000012347", ErrLength},
	{"", ErrLength},
	{"37612345000001234X", ErrCharset},
	{"3761234500000 2347", ErrCharset},
}

func TestSSCC(t *testing.T) {
	for _, tt := range ssccTests {
		err := SSCC(tt.in)
		if !errors.Is(err, tt.err) {
			t.Errorf("SSCC(%q) = %v, want %v", tt.in, err, tt.err)
		}
	}
}

func FuzzGTIN14(f *testing.F) {
	for _, tt := range gtinTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := GTIN14(s)
		if err != nil {
			if g != "" {
				t.Fatalf("GTIN14(%q) = %q with error %v", s, g, err)
			}
			return
		}
		if len(g) != 14 || !GS1(g) {
			t.Fatalf("GTIN14(%q) = %q, which is not a valid GTIN-14", s, g)
		}
		if again, err := GTIN14(g); err != nil || again != g {
			t.Fatalf("GTIN14(%q) = %q, but GTIN14(%q) = %q, %v", s, g, g, again, err)
		}
	})
}

func FuzzSSCC(f *testing.F) {
	for _, tt := range ssccTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := SSCC(s)
		if err == nil && (len(s) != 18 || !GS1(s)) {
			t.Fatalf("SSCC accepted %q", s)
		}
		if err != nil && !errors.Is(err, ErrLength) && !errors.Is(err, ErrCharset) && !errors.Is(err, ErrCheckDigit) && !errors.Is(err, ErrUnknownCode) {
			t.Fatalf("SSCC(%q) = %v, which wraps no sentinel", s, err)
		}
	})
}

func FuzzGS1CheckDigit(f *testing.F) {
	for _, s := range []string{"950110153000", "37612345000001234", "", "12a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		c, err := GS1CheckDigit(data)
		if err != nil {
			return
		}
		if !GS1(data + string(c)) {
			t.Fatalf("GS1CheckDigit(%q) = %q, but GS1 refuses %q", data, c, data+string(c))
		}
	})
}
