package check

import (
	"errors"
	"strings"
	"testing"
)

// currencyTests are the Currency table, also the seeds of FuzzCurrency.
var currencyTests = []struct {
	in, alpha string
	exp       int32
	err       error
}{
	{"USD", "USD", 2, nil},
	{"usd", "USD", 2, nil},
	{" Usd ", "USD", 2, nil},
	{"840", "USD", 2, nil},
	{"036", "AUD", 2, nil},
	{"36", "AUD", 2, nil}, // a numeric code stored as a number
	{"8", "ALL", 2, nil},
	{"EUR", "EUR", 2, nil},
	{"CNY", "CNY", 2, nil},
	{"156", "CNY", 2, nil},
	{"JPY", "JPY", 0, nil},
	{"KRW", "KRW", 0, nil},
	{"VND", "VND", 0, nil},
	{"CLP", "CLP", 0, nil},
	{"BHD", "BHD", 3, nil},
	{"KWD", "KWD", 3, nil},
	{"JOD", "JOD", 3, nil},
	{"OMR", "OMR", 3, nil},
	{"TND", "TND", 3, nil},
	{"IQD", "IQD", 3, nil},
	{"XCG", "XCG", 2, nil}, // amendment 176
	{"532", "XCG", 2, nil},
	{"VED", "VED", 2, nil},
	{"ZWG", "ZWG", 2, nil},
	{"ANG", "", 0, ErrUnknownCode}, // replaced by XCG in 2025
	{"BGN", "", 0, ErrUnknownCode}, // replaced by EUR in 2026
	{"HRK", "", 0, ErrUnknownCode},
	{"CUC", "", 0, ErrUnknownCode},
	{"SLL", "", 0, ErrUnknownCode},
	{"XAU", "", 0, ErrUnknownCode}, // no minor unit
	{"CLF", "", 0, ErrUnknownCode}, // a fund code
	{"RMB", "", 0, ErrUnknownCode}, // what people say, not a code
	{"XYZ", "", 0, ErrUnknownCode},
	{"502", "", 0, ErrUnknownCode}, // a China customs code, not an ISO number
	{"0840", "", 0, ErrUnknownCode},
	{"US", "", 0, ErrUnknownCode},
	{"", "", 0, ErrUnknownCode},
	{"$", "", 0, ErrUnknownCode},
}

func TestCurrency(t *testing.T) {
	for _, tt := range currencyTests {
		a, e, err := Currency(tt.in)
		if a != tt.alpha || e != tt.exp || !errors.Is(err, tt.err) {
			t.Errorf("Currency(%q) = %q, %d, %v; want %q, %d, %v", tt.in, a, e, err, tt.alpha, tt.exp, tt.err)
		}
	}
}

func TestCurrencyTable(t *testing.T) {
	if len(iso4217) != 155 || len(iso4217Numeric) != 155 {
		t.Errorf("table has %d codes and %d numbers, want 155 of each (ISO 4217 amendment 180)", len(iso4217), len(iso4217Numeric))
	}
	for alpha, c := range iso4217 {
		if len(alpha) != 3 || strings.ToUpper(alpha) != alpha || len(c.numeric) != 3 || !allDigits(c.numeric) || c.exponent < 0 || c.exponent > 3 {
			t.Errorf("malformed entry %s %+v", alpha, c)
		}
		if iso4217Numeric[c.numeric] != alpha {
			t.Errorf("numeric %s is %s, want %s", c.numeric, iso4217Numeric[c.numeric], alpha)
		}
	}
}

// customsCurrencyTests are the ChinaCustomsCurrency table, also the seeds of
// FuzzChinaCustomsCurrency.
var customsCurrencyTests = []struct {
	in, alpha string
	exp       int32
	err       error
}{
	{"502", "USD", 2, nil},
	{"142", "CNY", 2, nil},
	{"110", "HKD", 2, nil},
	{"116", "JPY", 0, nil}, // KHR as an ISO number
	{"133", "KRW", 0, nil},
	{"300", "EUR", 2, nil},
	{"303", "GBP", 2, nil},
	{"344", "RUB", 2, nil}, // HKD as an ISO number
	{" 601 ", "AUD", 2, nil},
	{"USD", "USD", 2, nil},
	{"cny", "CNY", 2, nil},
	{"840", "", 0, ErrUnknownCode}, // ISO numbers are not read in customs messages
	{"156", "", 0, ErrUnknownCode},
	{"112", "", 0, ErrUnknownCode}, // not confirmed, so not guessed
	{"50", "", 0, ErrUnknownCode},
	{"", "", 0, ErrUnknownCode},
	{"RMB", "", 0, ErrUnknownCode},
}

func TestChinaCustomsCurrency(t *testing.T) {
	for _, tt := range customsCurrencyTests {
		a, e, err := ChinaCustomsCurrency(tt.in)
		if a != tt.alpha || e != tt.exp || !errors.Is(err, tt.err) {
			t.Errorf("ChinaCustomsCurrency(%q) = %q, %d, %v; want %q, %d, %v", tt.in, a, e, err, tt.alpha, tt.exp, tt.err)
		}
	}
	for code, alpha := range chinaCustomsCurrency {
		if _, ok := iso4217[alpha]; !ok {
			t.Errorf("customs currency %s maps to %s, not an active ISO 4217 code", code, alpha)
		}
	}
}

func FuzzCurrency(f *testing.F) {
	for _, tt := range currencyTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, e, err := Currency(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownCode) || a != "" {
				t.Fatalf("Currency(%q) = %q, %v", s, a, err)
			}
			return
		}
		a2, e2, err := Currency(a)
		if err != nil || a2 != a || e2 != e {
			t.Fatalf("Currency(%q) = %q, %d but Currency(%q) = %q, %d, %v", s, a, e, a, a2, e2, err)
		}
	})
}

func FuzzChinaCustomsCurrency(f *testing.F) {
	for _, tt := range customsCurrencyTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, e, err := ChinaCustomsCurrency(s)
		if err != nil {
			return
		}
		if a2, e2, err := Currency(a); err != nil || a2 != a || e2 != e {
			t.Fatalf("ChinaCustomsCurrency(%q) = %q, %d, which Currency reads as %q, %d, %v", s, a, e, a2, e2, err)
		}
	})
}
