package compare_test

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// TestFixedLine: a home's line by each country's numbering plan, written as shops
// receive it, against the mobiles of the same countries; numbers of plans that do not
// tell them apart (the United States) are never fixed.
func TestFixedLine(t *testing.T) {
	cases := []struct {
		phone, country string
		fixed          bool
	}{
		{"055875493", "IT", true},        // Firenze
		{"+39 055 875493", "", true},     // the same, from abroad
		{"+39 347 555 6666", "", false},  // an Italian mobile
		{"010-6702724", "NL", true},      // Rotterdam
		{"+31 (0)6 26625915", "", false}, // a Dutch mobile
		{"(030) 1234567", "DE", true},    // Berlin
		{"0711 2345678", "DE", true},     // Stuttgart
		{"0162 14925418", "DE", false},   // a German mobile
		{"0800 1234567", "DE", false},    // a free number
		{"04.73.72.36.19", "FR", true},   // Clermont-Ferrand
		{"09 51 23 45 67", "FR", true},   // an internet box's line
		{"06 27 93 78 89", "FR", false},  // a French mobile
		{"913 456 789", "ES", true},      // Madrid
		{"612 345 678", "ES", false},     // a Spanish mobile
		{"+55 (11) 2345-6789", "", true}, // São Paulo, eight digits
		{"+55 11 98765-4321", "", false}, // a Brazilian mobile, nine
		{"(+48) 717 326 710", "", true},  // Wrocław
		{"(+48) 536 691 011", "", false}, // a Polish mobile
		{"+44 20 7946 0018", "", true},   // London
		{"+44 7700 900123", "", false},   // a British mobile
		{"01 243 6008", "IE", true},      // Dublin
		{"061 830 7209", "IE", true},     // Limerick
		{"+353 91 860 2934", "", true},   // Galway, from abroad
		{"087 958 1568", "IE", false},    // an Irish mobile
		{"+353 83 717 9811", "", false},  // an Irish mobile, from abroad
		{"+91 11 5741 6578", "", true},   // Delhi
		{"022 2840 6036", "IN", true},    // Mumbai
		{"+91 98765 43210", "", false},   // an Indian mobile
		{"080 4112 3456", "IN", false},   // Bengaluru: 8, as mobiles start
		{"+1 303 555 0148", "", false},   // the North American plan does not tell
		{"+86 139 8012 4476", "", false}, // a mainland mobile
		{"(010) 6552 3378", "CN", true},  // Beijing
		{"(02)2853-8768", "TW", true},    // Taipei
		{"+886 2 2853 8768", "", true},   // the same, from abroad
		{"0912 345 678", "TW", false},    // a Taiwanese mobile
		{"2557 6279", "HK", true},        // a Hong Kong home
		{"5412 7908", "HK", false},       // a Hong Kong mobile
		{"(02) 7647 3988", "AU", true},   // Sydney
		{"0412 345 678", "AU", false},    // an Australian mobile
		{"6123 4567", "SG", true},        // a Singapore home
		{"9123 4567", "SG", false},       // a Singapore mobile
		{"028 6642 7696", "VN", true},    // Hồ Chí Minh City
		{"+84 24 3826 4011", "", true},   // Hà Nội, from abroad
		{"0975 244 867", "VN", false},    // a Vietnamese mobile
		{"0778817094", "VN", false},      // a Vietnamese mobile
	}
	for _, c := range cases {
		e, ok := normalize.Phone(c.phone, c.country)
		if !ok {
			t.Fatalf("%s (%s) does not read as a number", c.phone, c.country)
		}
		if got := compare.FixedLine(e); got != c.fixed {
			t.Errorf("FixedLine(%s) (%s) = %v, want %v", e, c.phone, got, c.fixed)
		}
	}
	for _, s := range []string{"", "+", "0558754930", "+39 055"} {
		if compare.FixedLine(s) {
			t.Errorf("FixedLine(%q) = true, want false: not a number in E.164", s)
		}
	}
}

// TestMobileLine: a Hong Kong 5, a Taiwanese 09 and a British 07 number are mobiles by
// their plans; a Hong Kong 2 number is a fixed line, and a North American number is
// neither, the plan not telling.
func TestMobileLine(t *testing.T) {
	for n, want := range map[string]bool{
		"+85251283501": true, "+886945885023": true, "+447532874493": true,
		"+85227663405": false, "+12178748324": false, "+61247647398": false, "0945885023": false,
	} {
		if got := compare.MobileLine(n); got != want {
			t.Errorf("MobileLine(%s) = %v, want %v", n, got, want)
		}
	}
}
