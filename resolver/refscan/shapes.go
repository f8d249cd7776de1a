package refscan

import (
	"strings"

	"github.com/seamhub/seam/ontology"
)

// pddSN returns the Pinduoduo order_sn that 21 digits spell, "YYMMDD-" and 15 digits,
// when the first six are a date. PDD writes the dash; clerks drop it or type another
// separator, and the mapping stores order_sn as PDD writes it.
func pddSN(d string) (string, bool) {
	if len(d) != 21 || !allDigits(d) || !isYYMMDD(d[:6]) {
		return "", false
	}
	return d[:6] + "-" + d[6:], true
}

// isYYMMDD reports whether six digits are a date of this century's calendar.
func isYYMMDD(s string) bool {
	m := atoi2(s[2:4])
	d := atoi2(s[4:6])
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// atoi reads up to nine ASCII digits; callers check that they are digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// trackingDigits reports whether a bare run of n digits has a carrier's length: DHL
// Express 10, FedEx 12 and 15, ZTO, YTO, STO and Yunda 12 to 15, USPS 20 to 22 and
// FedEx Ground 20 and 22. Shorter runs are never tracking numbers here, and 16 to 19
// digits are the marketplaces' order ids.
func trackingDigits(n int) bool {
	return n == 10 || n >= 12 && n <= 15 || n >= 20 && n <= 22
}

// upsNumber reports whether s (upper case, no separators) is a UPS "1Z" tracking number,
// and whether its check digit holds. The check digit is the last character, a digit: the 15
// characters after "1Z" are read as digits (a letter counts (code-63) mod 10, so A is 2),
// those in odd positions of the whole number are doubled, and the check digit brings the
// sum to a multiple of ten.
func upsNumber(s string) (ok, valid bool) {
	if len(s) != 18 || !strings.HasPrefix(s, "1Z") {
		return false, false
	}
	sum := 0
	for i := 2; i < 18; i++ {
		c := s[i]
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-63) % 10
		default:
			return false, false
		}
		if i == 17 {
			if c < '0' || c > '9' {
				return false, false
			}
			return true, (10-sum%10)%10 == v
		}
		if i%2 == 1 {
			v *= 2
		}
		sum += v
	}
	return false, false
}

// s10Number reports whether s is a UPU S10 item number, two letters, eight digits, a
// check digit and a country code ("EE123456789CN", China Post EMS), and whether the check
// digit holds (weights 8 6 4 2 3 5 9 7, 11 minus the sum mod 11, 10 written 0, 11 as 5).
func s10Number(s string) (ok, valid bool) {
	if len(s) != 13 || !isUpper(s[0]) || !isUpper(s[1]) || !isUpper(s[11]) || !isUpper(s[12]) || !allDigits(s[2:11]) {
		return false, false
	}
	weights := [8]int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i, w := range weights {
		sum += int(s[2+i]-'0') * w
	}
	c := 11 - sum%11
	switch c {
	case 10:
		c = 0
	case 11:
		c = 5
	}
	return true, int(s[10]-'0') == c
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// carrierLetters are the letters some carriers put in front of their digits: SF Express
// "SF1420012345678", YTO "YT7512345678901", J&T "JT", JD Logistics "JD", "JDVA", "JDX",
// DHL eCommerce "JJD", Deppon "DPK", Amazon Logistics "TBA", and ZTO and STO as some
// systems write them.
var carrierLetters = map[string]bool{"SF": true, "YT": true, "JT": true, "JJD": true, "DPK": true, "TBA": true,
	"ZTO": true, "STO": true}

// isCarrierLead reports whether lead is a carrier's letters. JD Logistics adds up to
// two letters of its own to "JD" ("JDVA", "JDX").
func isCarrierLead(lead string) bool {
	return carrierLetters[lead] || strings.HasPrefix(lead, "JD") && len(lead) <= 4
}

// stripeKinds are the Stripe object prefixes that name something a mapping stores.
var stripeKinds = map[string]ontology.RefKind{
	"ch": ontology.RefPayment, "pi": ontology.RefPayment, "py": ontology.RefPayment, "re": ontology.RefPayment,
	"po": ontology.RefPayout, "txn": ontology.RefBalanceTxn,
}

// stripeID returns the kind of a Stripe object id ("ch_3QxAbC2eZvKYlo2C0k1m2n3o"). Stripe
// ids are case-sensitive and stored as written.
func stripeID(tok string) (ontology.RefKind, bool) {
	pfx, rest, ok := strings.Cut(tok, "_")
	if !ok || len(rest) < 10 || strings.ContainsAny(rest, "-_/.") || countDigits(rest) == 0 {
		return "", false
	}
	k, ok := stripeKinds[pfx]
	return k, ok
}

// erpnextSeries are ERPNext naming series ("ACC-SINV-.YYYY.-"): the kind a mapping
// stores a document's name under, or "" for series no mapping keys on (a purchase
// receipt's name is its own external id, not a reference).
var erpnextSeries = map[string]ontology.RefKind{
	"ACC-SINV": ontology.RefInvoice, "ACC-SINV-RET": ontology.RefInvoice, "ACC-PINV": ontology.RefInvoice,
	"ACC-PINV-RET": ontology.RefInvoice, "PUR-ORD": ontology.RefPO,
	"MAT-PRE": "", "MAT-PRE-RET": "", "SAL-ORD": "", "ACC-PAY": "", "MAT-DN": "", "MAT-STE": "", "PUR-RFQ": "",
	"SAL-QTN": "", "MAT-MR": "", "ACC-JV": "",
}

// erpnextName reports whether up (upper case) is an ERPNext document name of a known
// series, "<series>-<year>-<number>", and the kind it is stored under.
func erpnextName(lead, rest string) (ontology.RefKind, bool) {
	k, ok := erpnextSeries[strings.TrimRight(lead, "-")]
	if !ok {
		return "", false
	}
	parts, joiners := groups(rest)
	if len(parts) != 2 || joiners != "-" || len(parts[0]) != 4 || !allDigits(parts[0]) || !allDigits(parts[1]) {
		return "", false
	}
	return k, true
}

// chinaMobile reports whether digits are a mainland mobile number, with or without the
// country code 86.
func chinaMobile(d string) bool {
	d = strings.TrimPrefix(d, "86")
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' && allDigits(d)
}

// landline reports whether digit groups are a phone number with an area code: a
// trunk prefix 0 and two to four digits, then six to eight ("021-61234567",
// "0755 8123 4567", "06-12345678").
func landline(parts []string) bool {
	if len(parts) < 2 || len(parts[0]) < 2 || len(parts[0]) > 4 || parts[0][0] != '0' {
		return false
	}
	rest := strings.Join(parts[1:], "")
	return len(rest) >= 6 && len(rest) <= 8 && allDigits(rest) && allDigits(parts[0])
}

// isDate reports whether digit groups joined by one kind of separator are a date:
// 2025-03-04, 2025/3/4, 2025.03.04, 04/03/2025, 3/4/25 with a slash, or a year and
// month 2025-03. A date never names an order.
func isDate(parts []string, joiners string) bool {
	if joiners == "" || strings.Trim(joiners, joiners[:1]) != "" {
		return false
	}
	for _, p := range parts {
		if !allDigits(p) {
			return false
		}
	}
	day := func(s string) bool { return len(s) <= 2 && atoi(s) >= 1 && atoi(s) <= 31 }
	month := func(s string) bool { return len(s) <= 2 && atoi(s) >= 1 && atoi(s) <= 12 }
	year := func(s string) bool { return len(s) == 4 && s >= "1900" && s <= "2099" }
	switch len(parts) {
	case 2:
		return year(parts[0]) && month(parts[1]) || month(parts[0]) && year(parts[1])
	case 3:
		a, b, c := parts[0], parts[1], parts[2]
		return year(a) && month(b) && day(c) ||
			(day(a) && month(b) || month(a) && day(b)) && (year(c) || joiners[0] == '/' && len(c) == 2)
	}
	return false
}

// isISOTime reports whether a token is the date and hour of an ISO 8601 time whose
// minutes follow a colon ("2025-03-04T10" of "2025-03-04T10:15:22Z"), or a compact one
// ("20250304T101522Z").
func isISOTime(up string) bool {
	d, t, ok := strings.Cut(up, "T")
	if !ok {
		return false
	}
	t = strings.TrimSuffix(t, "Z")
	if !allDigits(t) || len(t) > 6 {
		return false
	}
	if len(d) == 8 && allDigits(d) {
		return true
	}
	parts, joiners := groups(d)
	return isDate(parts, joiners)
}

// yyyymmdd reports whether eight digits are a date, as a bare "20250304" often is.
func yyyymmdd(d string) bool {
	return len(d) == 8 && d >= "19000101" && d <= "20991231" && isYYMMDD(d[2:])
}

// months are English month names and their abbreviations: a short number next to one
// is a day or a year.
var months = map[string]bool{"jan": true, "january": true, "feb": true, "february": true, "mar": true,
	"march": true, "apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true,
	"july": true, "aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true}

// unitWords are words after a number that make it a quantity, an amount or a time.
var unitWords = map[string]bool{"cup": true, "cups": true, "pcs": true, "pc": true, "piece": true,
	"pieces": true, "x": true, "kg": true, "g": true, "mg": true, "ml": true, "l": true, "lb": true,
	"lbs": true, "oz": true, "usd": true, "cny": true, "rmb": true, "eur": true, "gbp": true, "hkd": true,
	"jpy": true, "yuan": true, "am": true, "pm": true, "min": true, "mins": true, "minutes": true,
	"h": true, "hr": true, "hrs": true, "hours": true, "sec": true, "item": true, "items": true,
	"unit": true, "units": true, "day": true, "days": true, "pax": true, "people": true, "percent": true,
	"box": true, "boxes": true, "bags": true, "bottles": true, "m": true, "cm": true, "mm": true}

// unitRunes are Chinese characters after a number that make it a date, a time, an
// amount, a count or a place in a building.
const unitRunes = "年月日时点分秒元块角円杯个件份瓶包箱盒袋克斤位人次楼层室栋天周岁折张支条台"
