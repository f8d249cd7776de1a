package resolver

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalisers turn the ways systems write a party's identifiers into comparable keys.

// normEmail lower-cases an e-mail address; "" when it is not one.
func normEmail(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	at := strings.LastIndexByte(s, '@')
	if at < 1 || at == len(s)-1 || !strings.Contains(s[at:], ".") || strings.ContainsAny(s, " *") {
		return ""
	}
	return s
}

// callingCodes are country calling codes and whether national numbers carry a trunk 0.
var callingCodes = map[string]struct {
	code  string
	trunk bool
}{
	"CN": {"86", true}, "HK": {"852", false}, "MO": {"853", false}, "TW": {"886", true}, "JP": {"81", true},
	"KR": {"82", true}, "SG": {"65", false}, "US": {"1", false}, "CA": {"1", false}, "GB": {"44", true},
	"DE": {"49", true}, "FR": {"33", true}, "NL": {"31", true}, "BE": {"32", true}, "IT": {"39", false},
	"ES": {"34", false}, "AU": {"61", true}, "NZ": {"64", true}, "AT": {"43", true}, "CH": {"41", true},
}

// normPhone writes a phone number in E.164 ("+8613900001111"). It returns "" for
// privacy and virtual numbers (Meituan's 13812345678_1234), masked numbers and numbers
// it cannot place: such values must never join two parties.
func normPhone(s, country string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "_*#xX") {
		return ""
	}
	plus := strings.HasPrefix(s, "+")
	var d strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	digits := d.String()
	switch {
	case plus:
	case strings.HasPrefix(digits, "00"):
		digits = digits[2:]
	case len(digits) == 11 && digits[0] == '1' && (country == "" || country == "CN" || country == "CHN"):
		digits = "86" + digits // a mainland mobile number
	default:
		cc, ok := callingCodes[strings.ToUpper(country)]
		if !ok {
			return ""
		}
		if cc.trunk {
			if !strings.HasPrefix(digits, "0") {
				return ""
			}
			digits = digits[1:]
		}
		digits = cc.code + digits
	}
	if len(digits) < 8 || len(digits) > 15 || digits[0] == '0' {
		return ""
	}
	return "+" + digits
}

// legalForms are legal-form suffixes and generic words dropped from company names, in
// Latin script (compared on word boundaries) and Chinese.
var (
	latinForms = regexp.MustCompile(`\b(co|company|ltd|limited|inc|incorporated|corp|corporation|llc|gmbh|ag|bv|b v|nv|n v|sa|s a|sas|sarl|srl|spa|s p a|oy|ab|kk|pte|pty|plc|group|holding|holdings|trading|the)\b`)
	hanForms   = []string{"股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "株式会社", "商行", "贸易"}
	hanPlace   = regexp.MustCompile(`^(?:\p{Han}{2,3}[省市])+(?:\p{Han}{1,3}[区县])?`)
)

// companyKey reduces a company name to what stays the same however it is written:
// "深圳市示例贸易有限公司" and "示例贸易" both give "示例", "Example GmbH" and "EXAMPLE"
// both give "example". It returns "" when nothing distinctive is left.
func companyKey(s string) string {
	s = norm.NFKC.String(strings.ToLower(strings.TrimSpace(s)))
	if strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
		s = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
		s = hanPlace.ReplaceAllString(s, "")
		for changed := true; changed; {
			changed = false
			for _, f := range hanForms {
				if t := strings.TrimSuffix(s, f); t != s && t != "" {
					s, changed = t, true
				}
			}
		}
		return s
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	s = latinForms.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), "")
}

// normTaxID upper-cases a tax id and drops separators.
func normTaxID(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, s)
}
