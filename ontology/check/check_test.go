package check

import (
	"errors"
	"testing"
)

func TestGTIN14(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
	}{
		{"9501101530003", "09501101530003", nil}, // GS1's own example (SOURCES.md §9.3 writes it with the zero in front and the check dropped)
		{"09501101530003", "09501101530003", nil},
		{"4006381333931", "04006381333931", nil},
		{"036000291452", "00036000291452", nil}, // UPC-A
		{"96385074", "00000096385074", nil},     // GTIN-8
		{"950-1101-5300-03", "09501101530003", nil},
		{"9501101530004", "", ErrCheckDigit},
		{"12345", "", ErrLength},
		{"09501101530O03", "", ErrCharset},
	}
	for _, tt := range tests {
		got, err := GTIN14(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("GTIN14(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestSSCC(t *testing.T) {
	if err := SSCC("376123450000012347"); err != nil {
		t.Errorf("valid SSCC refused: %v", err)
	}
	for in, want := range map[string]error{"376123450000012348": ErrCheckDigit, "37612345000001234": ErrLength, "37612345000001234X": ErrCharset} {
		if err := SSCC(in); !errors.Is(err, want) {
			t.Errorf("SSCC(%q) = %v, want %v", in, err, want)
		}
	}
}

func TestUSCC(t *testing.T) {
	if err := USCC("91440300MA5F3K2W13"); err != nil {
		t.Errorf("valid USCC refused: %v", err)
	}
	for in, want := range map[string]error{
		"91440300MA5F3K2W14": ErrCheckDigit,
		"91440300MA5F3K2W1":  ErrLength,
		"9144030OMA5F3K2W13": ErrCharset, // letter O in the division code
		"91440300MA5F3I2W13": ErrCharset, // I is not in the alphabet
	} {
		if err := USCC(in); !errors.Is(err, want) {
			t.Errorf("USCC(%q) = %v, want %v", in, err, want)
		}
	}
	c, err := USCCCheckChar("91440300MA5F3K2W1")
	if err != nil || c != '3' {
		t.Errorf("USCCCheckChar = %c, %v", c, err)
	}
}

func TestContainerNumber(t *testing.T) {
	for _, ok := range []string{"MSKU1234565", "CSQU3054383"} {
		if err := ContainerNumber(ok); err != nil {
			t.Errorf("valid container %s refused: %v", ok, err)
		}
	}
	for in, want := range map[string]error{"MSKU1234566": ErrCheckDigit, "MSKU123456": ErrLength, "MSKX1234565": ErrCharset, "MSK11234565": ErrCharset} {
		if err := ContainerNumber(in); !errors.Is(err, want) {
			t.Errorf("ContainerNumber(%q) = %v, want %v", in, err, want)
		}
	}
}

func TestChinaEntryID(t *testing.T) {
	if d, err := ChinaEntryDirection("531620250000123456"); err != nil || d != "export" {
		t.Errorf("export declaration: %q, %v", d, err)
	}
	if d, err := ChinaEntryDirection("531620251000123456"); err != nil || d != "import" {
		t.Errorf("import declaration: %q, %v", d, err)
	}
	for in, want := range map[string]error{"53162025000012345": ErrLength, "5316202500001234X6": ErrCharset, "531618990000123456": ErrUnknownCode, "531620252000123456": ErrUnknownCode} {
		if err := ChinaEntryID(in); !errors.Is(err, want) {
			t.Errorf("ChinaEntryID(%q) = %v, want %v", in, err, want)
		}
	}
}

func TestCurrency(t *testing.T) {
	tests := []struct {
		in    string
		alpha string
		exp   int32
	}{
		{"USD", "USD", 2}, {"usd", "USD", 2}, {"840", "USD", 2}, {"JPY", "JPY", 0}, {"KWD", "KWD", 3}, {"CNY", "CNY", 2},
	}
	for _, tt := range tests {
		a, e, err := Currency(tt.in)
		if err != nil || a != tt.alpha || e != tt.exp {
			t.Errorf("Currency(%q) = %s %d %v", tt.in, a, e, err)
		}
	}
	if _, _, err := Currency("XYZ"); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("unknown currency accepted: %v", err)
	}
	if _, _, err := Currency("502"); err == nil {
		t.Error("customs code 502 accepted as ISO numeric")
	}
	if a, _, err := ChinaCustomsCurrency("502"); err != nil || a != "USD" {
		t.Errorf("customs 502 = %s, %v", a, err)
	}
	if a, _, err := ChinaCustomsCurrency("142"); err != nil || a != "CNY" {
		t.Errorf("customs 142 = %s, %v", a, err)
	}
}

func FuzzGTIN14(f *testing.F) {
	for _, s := range []string{"9501101530003", "036000291452", "96385074", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := GTIN14(s)
		if err == nil && (len(g) != 14 || !GS1(g)) {
			t.Fatalf("GTIN14(%q) = %q, which is not a valid GTIN-14", s, g)
		}
	})
}

func FuzzUSCC(f *testing.F) {
	f.Add("91440300MA5F3K2W13")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if USCC(s) == nil {
			c, err := USCCCheckChar(s[:17])
			if err != nil || c != s[17] {
				t.Fatalf("USCC accepted %q with check %c", s, c)
			}
		}
	})
}

func FuzzContainerNumber(f *testing.F) {
	f.Add("MSKU1234565")
	f.Fuzz(func(t *testing.T, s string) { _ = ContainerNumber(s) })
}
