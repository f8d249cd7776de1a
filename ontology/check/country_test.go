package check

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// countryTests are the Country table, also the seeds of FuzzCountry.
var countryTests = []struct {
	in, want string
	err      error
}{
	{"NL", "NL", nil},
	{"nl", "NL", nil},
	{"NLD", "NL", nil},
	{"nld", "NL", nil},
	{"528", "NL", nil},
	{" CN ", "CN", nil},
	{"CHN", "CN", nil},
	{"156", "CN", nil},
	{"036", "AU", nil},
	{"36", "AU", nil}, // a numeric code stored as a number
	{"4", "AF", nil},
	{"344", "HK", nil}, // ISO numeric: Hong Kong (Russia in the customs list)
	{"GB", "GB", nil},
	{"GBR", "GB", nil},
	{"UK", "GB", nil},
	{"XK", "XK", nil},
	{"TR", "TR", nil},
	{"SS", "SS", nil},
	{"AQ", "AQ", nil},
	{"SX", "SX", nil},
	{"EU", "", ErrUnknownCode},
	{"AN", "", ErrUnknownCode}, // Netherlands Antilles, dissolved in 2010
	{"ZZ", "", ErrUnknownCode},
	{"USA ", "US", nil},
	{"U.S.", "", ErrUnknownCode},
	{"United States", "", ErrUnknownCode},
	{"0528", "", ErrUnknownCode},
	{"999", "", ErrUnknownCode},
	{"", "", ErrUnknownCode},
}

func TestCountry(t *testing.T) {
	for _, tt := range countryTests {
		got, err := Country(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("Country(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestCountryTable checks every entry of the hand-kept table against the region data of
// golang.org/x/text (CLDR), an independent copy of ISO 3166-1.
func TestCountryTable(t *testing.T) {
	entries := strings.Fields(iso3166Table)
	if len(entries) != 249 {
		t.Errorf("table has %d entries, want 249", len(entries))
	}
	seen := map[string]bool{}
	for _, f := range entries {
		if len(f) != 8 {
			t.Errorf("malformed entry %q", f)
			continue
		}
		a2, a3, num := f[:2], f[2:5], f[5:]
		for _, c := range []string{a2, a3, num} {
			if seen[c] {
				t.Errorf("code %s appears twice", c)
			}
			seen[c] = true
		}
		r, err := language.ParseRegion(a2)
		if err != nil {
			t.Errorf("x/text does not know %s: %v", a2, err)
			continue
		}
		if r.ISO3() != a3 || fmt.Sprintf("%03d", r.M49()) != num {
			t.Errorf("%s: table says %s %s, x/text says %s %03d", a2, a3, num, r.ISO3(), r.M49())
		}
	}
}

// customsCountryTests are the ChinaCustomsCountry table, also the seeds of
// FuzzChinaCustomsCountry.
var customsCountryTests = []struct {
	in, want string
	err      error
}{
	{"142", "CN", nil},
	{"502", "US", nil},
	{"303", "GB", nil},
	{"304", "DE", nil},
	{"305", "FR", nil},
	{"309", "NL", nil},
	{"116", "JP", nil}, // Cambodia as an ISO number
	{"133", "KR", nil},
	{"110", "HK", nil},
	{"344", "RU", nil}, // Hong Kong as an ISO number
	{" 601", "AU", nil},
	{"USA", "US", nil},
	{"cn", "CN", nil},
	{"156", "", ErrUnknownCode}, // ISO numbers are not read in customs messages
	{"840", "", ErrUnknownCode},
	{"112", "", ErrUnknownCode}, // not confirmed, so not guessed
	{"42", "", ErrUnknownCode},
	{"", "", ErrUnknownCode},
}

func TestChinaCustomsCountry(t *testing.T) {
	for _, tt := range customsCountryTests {
		got, err := ChinaCustomsCountry(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ChinaCustomsCountry(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	for code, a2 := range chinaCustomsCountry {
		if got, err := Country(a2); err != nil || got != a2 {
			t.Errorf("customs country %s maps to %s, which Country reads as %q, %v", code, a2, got, err)
		}
	}
}

// TestCustomsTablesAgree checks that each legacy currency code is the customs country code
// of a country that uses that currency, the pattern both lists follow.
func TestCustomsTablesAgree(t *testing.T) {
	uses := map[string]string{"HK": "HKD", "JP": "JPY", "MO": "MOP", "PH": "PHP", "SG": "SGD",
		"KR": "KRW", "TH": "THB", "CN": "CNY", "TW": "TWD", "DK": "DKK", "GB": "GBP", "NO": "NOK",
		"SE": "SEK", "CH": "CHF", "RU": "RUB", "CA": "CAD", "US": "USD", "AU": "AUD", "NZ": "NZD"}
	for code, cur := range chinaCustomsCurrency {
		if code == "300" { // Europe as a region, for EUR
			continue
		}
		a2, ok := chinaCustomsCountry[code]
		if !ok || uses[a2] != cur {
			t.Errorf("customs currency %s is %s, but customs country %s is %q", code, cur, code, a2)
		}
	}
}

func FuzzCountry(f *testing.F) {
	for _, tt := range countryTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a2, err := Country(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownCode) || a2 != "" {
				t.Fatalf("Country(%q) = %q, %v", s, a2, err)
			}
			return
		}
		if again, err := Country(a2); err != nil || again != a2 || len(a2) != 2 {
			t.Fatalf("Country(%q) = %q, but Country(%q) = %q, %v", s, a2, a2, again, err)
		}
	})
}

func FuzzChinaCustomsCountry(f *testing.F) {
	for _, tt := range customsCountryTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a2, err := ChinaCustomsCountry(s)
		if err != nil {
			return
		}
		if again, err := Country(a2); err != nil || again != a2 {
			t.Fatalf("ChinaCustomsCountry(%q) = %q, which Country reads as %q, %v", s, a2, again, err)
		}
	})
}
