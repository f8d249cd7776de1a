package normalize

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology/check"
)

// phoneTests are the Phone table, also the seeds of FuzzPhone.
var phoneTests = []struct {
	in, country, want string
}{
	{"+86 139 0000 1111", "", "+8613900001111"},
	// Brazil as Brazilians write it: area code in brackets, a 9 before a mobile's eight
	// digits, the trunk 0 before a long-distance area code.
	{"(11) 91234-5678", "BR", "+5511912345678"},
	{"(11) 2345-6789", "BR", "+551123456789"},
	{"011 2345-6789", "BR", "+551123456789"},
	{"+55 11 91234-5678", "", "+5511912345678"},
	{"2345-6789", "BR", ""}, // no area code: a local number is not one person's
	{"55 1234 5678", "MX", "+525512345678"},
	{"082 123 4567", "ZA", "+27821234567"},
	{"0532 123 45 67", "TR", "+905321234567"},
	{"+86 139 0000 1111", "NL", "+8613900001111"},
	{"0086 13900001111", "", "+8613900001111"},
	{"0086-139-0000-1111", "GB", "+8613900001111"},
	{"13900001111", "CN", "+8613900001111"},
	{"13900001111", "", "+8613900001111"},
	{"13900001111", "HK", "+8613900001111"},
	{"139 0000 1111", "cn", "+8613900001111"},
	{"06-12345678", "NLD", "+31612345678"}, // alpha-3 country, as AfterShip sends it
	{"tel:+31-6-12345678", "", "+31612345678"},
	{"06\t12345678", "NL", "+31612345678"},
	{"8613900001111", "CN", "+8613900001111"}, // the '+' dropped
	{"86-13900001111", "", "+8613900001111"},  // the '+' dropped, no country given (a Douyin receiver)
	{"8613900001111", "", "+8613900001111"},
	{"86-13900001111", "TW", "+8613900001111"},
	{"86-1390000111", "", ""}, // ten digits after 86: no mainland mobile
	{"+86 (0)755 8888 1234", "", "+8675588881234"},
	{"0755-88881234", "CN", "+8675588881234"},
	{"(020) 7946 0018", "GB", "+442079460018"},
	{"020 7946 0018", "GB", "+442079460018"},
	{"+44 (0)20 7946 0018", "", "+442079460018"},
	{"+44 020 7946 0018", "", "+442079460018"},
	{"+31 6 12345678", "", "+31612345678"},
	{"06-12345678", "NL", "+31612345678"},
	{"0031 6 12345678", "NL", "+31612345678"},
	{"+1 (212) 555-0100", "", "+12125550100"},
	{"(212) 555-0100", "US", "+12125550100"},
	{"1-212-555-0100", "US", "+12125550100"},
	{"011 44 20 7946 0018", "US", "+442079460018"},
	{"212-555-0100 ext. 12", "US", "+12125550100"},
	{"0755-8888 6666 转 203", "CN", "+8675588886666"}, // an office's switchboard
	{"170 1234 5678 转 1234", "CN", ""},               // a privacy number: mobiles have no extension
	{"17012345678#1234", "", ""},
	{"+49 30 1234567", "", "+49301234567"},
	{"030 1234567", "DE", "+49301234567"},
	{"+39 06 1234 5678", "", "+390612345678"}, // Italy keeps the 0
	{"06 1234 5678", "IT", "+390612345678"},
	{"9123 4567", "SG", "+6591234567"},
	{"5123 4567", "HK", "+85251234567"},
	{"090-1234-5678", "JP", "+819012345678"},
	{"010-1234-5678", "KR", "+821012345678"},
	{"0412 345 678", "AU", "+61412345678"},
	{"0011 44 20 7946 0018", "AU", "+442079460018"},
	{"８６１３９００００１１１１", "CN", "+8613900001111"},  // full-width
	{"+880 1712 345678", "", "+8801712345678"}, // no plan: E.164 length only
	{"13812345678_1234", "CN", ""},             // Meituan privacy number
	{"13812345678_1234", "", ""},
	{"138****1111", "CN", ""},
	{"138xxxx1111", "CN", ""},
	{"*", "CN", ""},
	{"", "CN", ""},
	{"n/a", "CN", ""},
	{"12345", "CN", ""},
	{"1390000111", "CN", ""},        // 10 digits
	{"+86 139 0000 1111 2", "", ""}, // too long for China
	{"+31 6 1234567", "", ""},       // too short for the Netherlands
	{"612345678", "NL", ""},         // national number without its trunk 0
	{"020 7946 0018", "", ""},       // national number, country unknown
	{"020 7946 0018", "ZZ", ""},     // country without a plan
	{"13900001111", "GB", ""},       // not a British number, and GB does not imply China
	{"+1234567890123456", "", ""},   // longer than E.164 allows
	{"+0 123 456 789", "", ""},
	{"++86 139 0000 1111", "", ""},
	{"+86 139 0000 1111+", "", ""},
}

func TestPhone(t *testing.T) {
	for _, tt := range phoneTests {
		got, ok := Phone(tt.in, tt.country)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Phone(%q, %q) = %q, %v; want %q", tt.in, tt.country, got, ok, tt.want)
		}
	}
}

// TestPlans checks the plan table: E.164 lengths, and codes that no other code starts
// with, which international relies on to read the calling code.
func TestPlans(t *testing.T) {
	for country, p := range plans {
		if len(p.code)+p.min < 8 || len(p.code)+p.max > 15 || p.min > p.max {
			t.Errorf("%s: +%s with %d to %d digits is outside E.164", country, p.code, p.min, p.max)
		}
		for other, q := range plans {
			if p.code != q.code && strings.HasPrefix(q.code, p.code) {
				t.Errorf("%s's code %s is a prefix of %s's %s", country, p.code, other, q.code)
			}
		}
		if _, err := check.Country(country); err != nil {
			t.Errorf("plan for %s: %v", country, err)
		}
	}
}

func TestChinaMobile(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"+8613900001111", true},
		{"+8619912345678", true},
		{"+8612900001111", false}, // no 12x mobile range
		{"+8675588881234", false}, // Shenzhen landline
		{"+861390000111", false},
		{"+85251234567", false},
		{"13900001111", false}, // not E.164
		{"", false},
	}
	for _, tt := range tests {
		if got := ChinaMobile(tt.in); got != tt.want {
			t.Errorf("ChinaMobile(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzPhone(f *testing.F) {
	for _, tt := range phoneTests {
		f.Add(tt.in, tt.country)
	}
	f.Fuzz(func(t *testing.T, s, country string) {
		e, ok := Phone(s, country)
		if !ok {
			if e != "" {
				t.Fatalf("Phone(%q, %q) = %q, false", s, country, e)
			}
			return
		}
		if len(e) < 9 || len(e) > 16 || e[0] != '+' || e[1] == '0' || !allASCIIDigits(e[1:]) {
			t.Fatalf("Phone(%q, %q) = %q, not E.164", s, country, e)
		}
		if again, ok := Phone(e, ""); !ok || again != e {
			t.Fatalf("Phone(%q, %q) = %q, but Phone(%q) = %q, %v", s, country, e, e, again, ok)
		}
		if strings.Contains(s, "_") || strings.Contains(s, "*") {
			t.Fatalf("Phone(%q, %q) = %q for a masked or virtual number", s, country, e)
		}
	})
}
