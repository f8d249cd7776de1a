package compare

import "strings"

// A home's landline is the household's, a mobile its owner's. Parent and child of one
// name at one address share the line, their surname and their address, and only their
// mailboxes (or their mobiles) say who of them ordered. So the numbering plans are read
// for whether a number is a fixed line: a geographic number, which rings in a home or
// an office, not a person's pocket.

// fixedPrefixes are, by calling code, the first digits of the national significant
// number of fixed (geographic) lines, from each country's numbering plan. Where a plan
// does not tell fixed lines from mobiles by their first digits (the North American
// plan), the country is left out and its numbers are never called fixed.
var fixedPrefixes = map[string][]string{
	// Germany: area codes 02 to 09; 015, 016 and 017 are mobiles, 0700, 0800, 0900
	// and 0180 personal, free and premium services.
	"49": {"2", "3", "4", "5", "6", "71", "72", "73", "74", "75", "76", "77", "78", "79", "81", "82", "83", "84", "85", "86", "87", "88", "89",
		"91", "92", "93", "94", "95", "96", "97", "98", "99"},
	// France: 01 to 05 by region, 09 the lines of internet boxes (a home's); 06 and
	// 07 are mobiles.
	"33": {"1", "2", "3", "4", "5", "9"},
	// Spain: 81x to 88x and 91x to 98x by province; 6 and 7 are mobiles, 80x and 90x
	// services.
	"34": {"81", "82", "83", "84", "85", "86", "87", "88", "91", "92", "93", "94", "95", "96", "97", "98"},
	// Italy: geographic numbers keep their leading 0 (055 Firenze); mobiles start with 3.
	"39": {"0"},
	// Netherlands: area codes 010 to 059 and 070 to 079; 06 is mobile, 08x and 09x
	// services and non-geographic lines.
	"31": {"1", "2", "3", "4", "5", "7"},
	// Belgium: 02 to 09 but 04xx mobiles (0460 to 0499): 04 itself is Liège.
	"32": {"2", "3", "41", "42", "43", "44", "5", "6", "7", "81", "82", "83", "84", "85", "86", "87", "89", "9"},
	// Austria: 01 Vienna and area codes 02 to 05 and 07; 06xx are mobiles.
	"43": {"1", "2", "3", "4", "5", "7"},
	// Switzerland: 021 to 062 and 071, 081, 091; 075 to 079 are mobiles.
	"41": {"2", "3", "4", "5", "61", "62", "71", "81", "91"},
	// Ireland: area codes 01 (Dublin), 02x, 04x to 07x and 09x; 08x are mobiles.
	"353": {"1", "2", "4", "5", "6", "7", "9"},
	// Portugal: 2x fixed; 9x mobiles.
	"351": {"2"},
	// United Kingdom: 01 and 02 geographic; 07 mobiles.
	"44": {"1", "2"},
	// Poland: two-digit area codes; the mobile ranges (45, 50, 51, 53, 57, 60, 66, 69,
	// 72, 73, 78, 79, 88) are left out.
	// Taiwan: area codes 02 to 08 (082 and 0836 the islands); 09 is mobile.
	"886": {"2", "3", "4", "5", "6", "7", "8"},
	// Hong Kong: 2 and 3 are fixed lines; 4 to 7 and 9 mobiles, 8 services.
	"852": {"2", "3"},
	// Macau: 28 fixed; 6 mobile.
	"853": {"28"},
	// Singapore: 6 fixed; 8 and 9 mobiles.
	"65": {"6"},
	// Malaysia: area codes 03 to 09 (08x Sabah and Sarawak); 01x mobiles.
	"60": {"3", "4", "5", "6", "7", "8", "9"},
	// Mainland China: area codes 010, 02x and 03xx to 09xx; 13 to 19 mobiles.
	"86": {"10", "2", "3", "4", "5", "6", "7", "8", "9"},
	// Australia: 02, 03, 07 and 08 by region; 04 mobiles.
	"61": {"2", "3", "7", "8"},
	// Vietnam: area codes 0203 to 0299 since the 2017 renumbering (024 Hà Nội, 028 Hồ
	// Chí Minh City); 03, 05, 07, 08 and 09 mobiles.
	"84": {"2"},
	// New Zealand: 03, 04, 06, 07 and 09 by region; 02 mobiles.
	"64": {"3", "4", "6", "7", "9"},
	// India: mobiles start with 6 to 9; area codes starting with 1 to 5 (011 Delhi,
	// 022 Mumbai, 033 Kolkata, 044 Chennai, 040 Hyderabad, 020 Pune) are fixed lines.
	// Those starting with 6 to 8 (080 Bengaluru, 079 Ahmedabad) share their first
	// digit with mobiles and are left out.
	"91": {"1", "2", "3", "4", "5"},
	"48": {"12", "13", "14", "15", "16", "17", "18", "22", "23", "24", "25", "29", "32", "33", "34", "41", "42", "43", "44", "46", "48",
		"52", "54", "55", "56", "58", "59", "61", "62", "63", "65", "67", "68", "71", "74", "75", "76", "77", "81", "82", "83", "84",
		"85", "86", "87", "89", "91", "94", "95"},
}

// FixedLine reports whether a number in E.164 (+390558754930) is a fixed line by its
// country's numbering plan: a home's or an office's line, which everyone living or
// working there may give. Brazil's numbers are a two-digit area code and eight digits
// for a fixed line, nine starting with 9 for a mobile. False for mobiles, services,
// countries whose plan does not tell (the United States, Canada) and anything not in
// E.164.
func FixedLine(e164 string) bool {
	n, ok := strings.CutPrefix(e164, "+")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return false
	}
	if nsn, ok := strings.CutPrefix(n, "55"); ok {
		return len(nsn) == 10 && nsn[0] != '0' && nsn[2] >= '2' && nsn[2] <= '5'
	}
	for _, code := range []string{n[:min(3, len(n))], n[:min(2, len(n))]} {
		prefixes, ok := fixedPrefixes[code]
		if !ok {
			continue
		}
		nsn := n[len(code):]
		for _, p := range prefixes {
			if strings.HasPrefix(nsn, p) {
				return true
			}
		}
		return false
	}
	return false
}

// MobileLine reports whether a number in E.164 is a mobile (or a service) by its
// country's numbering plan: the plan tells its fixed lines by their first digits and
// the number is not one. False where the plan does not tell (the United States,
// Canada), for fixed lines, and for anything not in E.164.
func MobileLine(e164 string) bool {
	n, ok := strings.CutPrefix(e164, "+")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return false
	}
	if strings.HasPrefix(n, "55") {
		return !FixedLine(e164)
	}
	for _, code := range []string{n[:min(3, len(n))], n[:min(2, len(n))]} {
		if _, ok := fixedPrefixes[code]; ok {
			return !FixedLine(e164)
		}
	}
	return false
}
