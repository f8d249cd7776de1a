package normalize

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/ontology/check"
)

// extension matches a trailing extension ("ext. 12", "x12", "#12", "转12", "分机12"):
// part of how people write an office number, not of the number itself.
var extension = regexp.MustCompile(`(?i)[\s,;]*(?:ext\.?|x|#|转|分机)\s*\d{1,6}$`)

// Phone writes a phone number in E.164 ("+8613900001111"), the one form in which every
// system's spelling of a number compares equal. Numbers in international form ("+86 139
// 0000 1111", "0086 13900001111", "+44 (0)20 7946 0018") need no country; national
// numbers ("06-12345678", "(020) 7946 0018") are read in defaultCountry, an ISO 3166
// code ("NL", "NLD" or "528"; "" when unknown). Mainland China mobile numbers written without country
// code (11 digits starting 13 to 19) are read as Chinese when the default country is
// unknown, CN, HK, MO or TW, since Chinese sources often drop the +86.
//
// It returns ok = false, and "", for values that must not join two customers: privacy
// or virtual numbers (Meituan's "13812345678_1234", anything with '_', a Chinese mobile
// number with an extension as Pinduoduo writes them), masked numbers
// ("138****1111", "*"), numbers with letters, national numbers in a country it has no
// plan for, and numbers too short or too long for their country (or outside E.164's 8 to
// 15 digits when the country is not in the table). It checks lengths, not whether a
// number range is allocated.
func Phone(s, defaultCountry string) (e164 string, ok bool) {
	s = norm.NFKC.String(strings.TrimSpace(s))
	if len(s) >= 4 && strings.EqualFold(s[:4], "tel:") { // RFC 3966
		s = s[4:]
	}
	if s == "" || strings.ContainsAny(s, "_*") {
		return "", false
	}
	if extension.MatchString(s) {
		// A mobile has no extension: a Chinese mobile number with one ("170 1234 5678
		// 转 1234") is a platform's privacy number, shared by many buyers.
		e, ok := Phone(extension.ReplaceAllString(s, ""), defaultCountry)
		if !ok || isCNMobile(e) {
			return "", false
		}
		return e, true
	}
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "00") {
		// "+44 (0)20 ...": the trunk prefix in brackets is not dialled from abroad
		s = strings.ReplaceAll(s, "(0)", "")
	}
	plus := false
	var d strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d.WriteRune(r)
		case r == '+' && d.Len() == 0 && !plus:
			plus = true
		case unicode.IsSpace(r) || strings.ContainsRune("-()./", r):
		default:
			return "", false // letters, masks and anything else
		}
	}
	digits := d.String()
	var home plan
	known := false
	if a2, err := check.Country(defaultCountry); err == nil {
		home, known = plans[a2]
	}
	if !plus {
		if intl, ok := stripIntlPrefix(digits, home, known); ok {
			digits, plus = intl, true
		}
	}
	if plus {
		return international(digits)
	}
	if e, ok := national(digits, home, known); ok {
		return e, true
	}
	// Sources that drop the '+' ("8613900001111" in China).
	if known && strings.HasPrefix(digits, home.code) {
		if e, ok := international(digits); ok {
			return e, true
		}
	}
	// Chinese sources that drop the country code of a mobile number.
	if chinaMobileNSN(digits) && (!known || greaterChina[home.code]) {
		return "+86" + digits, true
	}
	// ... or only its '+' ("86-13812345678", "8613812345678"), where no country is
	// given: 86 and eleven digits starting 13 to 19 are a mainland mobile number, as
	// such a number with the '+' is.
	if (!known || greaterChina[home.code]) && strings.HasPrefix(digits, "86") && chinaMobileNSN(digits[2:]) {
		return "+" + digits, true
	}
	return "", false
}

// greaterChina are the calling codes of the places whose sources write mainland mobile
// numbers without +86: there an 11-digit number starting with 1 cannot be local.
var greaterChina = map[string]bool{"86": true, "852": true, "853": true, "886": true}

// stripIntlPrefix removes the international call prefix from digits dialled in the home
// country ("00", or the country's own such as "011").
func stripIntlPrefix(digits string, home plan, known bool) (string, bool) {
	if known {
		for _, p := range home.intl {
			if strings.HasPrefix(digits, p) {
				return digits[len(p):], true
			}
		}
	}
	if strings.HasPrefix(digits, "00") {
		return digits[2:], true
	}
	return "", false
}

// international reads digits that start with a calling code.
func international(digits string) (string, bool) {
	for n := 1; n <= 3 && n < len(digits); n++ {
		p, ok := plansByCode[digits[:n]]
		if !ok {
			continue
		}
		nsn := digits[n:]
		if p.trunk == "0" && strings.HasPrefix(nsn, "0") {
			nsn = nsn[1:] // "+86 0755 ...": a trunk prefix written after the country code
		}
		if len(nsn) < p.min || len(nsn) > p.max || (p.trunk != "" && nsn[0] == '0') {
			return "", false
		}
		return "+" + p.code + nsn, true
	}
	if len(digits) < 8 || len(digits) > 15 || digits[0] == '0' {
		return "", false
	}
	return "+" + digits, true
}

// national reads digits written as a national number of the home country.
func national(digits string, home plan, known bool) (string, bool) {
	if !known {
		return "", false
	}
	nsn := digits
	switch {
	case home.code == "86" && chinaMobileNSN(digits):
		// mainland mobile numbers carry no trunk prefix
	case home.trunk != "" && strings.HasPrefix(digits, home.trunk):
		nsn = digits[len(home.trunk):]
	case home.trunk == "1" && len(digits) == home.max:
		// North American numbers are dialled with or without the 1
	case home.bare:
	case home.trunk != "":
		return "", false
	}
	if len(nsn) < home.min || len(nsn) > home.max || (home.trunk != "" && nsn[0] == '0') {
		return "", false
	}
	return "+" + home.code + nsn, true
}

// chinaMobileNSN reports whether digits is a mainland China mobile number without the
// country code: 11 digits starting 13 to 19.
func chinaMobileNSN(digits string) bool {
	return len(digits) == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9' && allASCIIDigits(digits)
}

// ChinaMobile reports whether e164, a number as Phone returns it, is a mainland China
// mobile number (+86 1[3-9]x xxxx xxxx): the numbers Chinese marketplaces mask or
// replace with virtual numbers, and the ones an SMS can reach.
func ChinaMobile(e164 string) bool {
	return strings.HasPrefix(e164, "+86") && chinaMobileNSN(e164[3:])
}

// allASCIIDigits reports whether s is made of ASCII digits only.
func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isCNMobile reports whether an E.164 number is a mainland China mobile number.
func isCNMobile(e164 string) bool {
	return len(e164) == 14 && strings.HasPrefix(e164, "+861")
}
