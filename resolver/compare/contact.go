package compare

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/resolver/normalize"
)

// PhoneKinds are the levels PhoneLevel returns, strongest first.
func PhoneKinds() []Kind {
	return []Kind{Null, Exact, Typo, MaskedDigits, MaskedCompatible, Different}
}

// PhoneLevel compares two phone numbers, reading national numbers in defaultCountry
// (see normalize.Phone). It returns, strongest first:
//   - Null: a number missing, unreadable, wholly masked, or a privacy number (Meituan's
//     13812345678_1234): such a number stands for an order, not a person;
//   - Exact: the same number in E.164;
//   - Typo: one digit apart (Damerau-Levenshtein 1 on the E.164 digits);
//   - MaskedDigits: a masked number showing at least seven digits of the subscriber's
//     number, all fitting a plain one (138****5678 and +86 138 1234 5678);
//   - MaskedCompatible: a masked number showing fewer digits that fit (*******5678), or
//     two masked numbers showing the same digits: two masks say nothing about whether
//     the digits they hide are one number;
//   - Different.
func PhoneLevel(a, b, defaultCountry string) Level {
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return level("phone", Null, "missing")
	}
	if IsMasked(a) || IsMasked(b) {
		return maskedPhone(a, b, defaultCountry)
	}
	ea, okA := normalize.Phone(a, defaultCountry)
	eb, okB := normalize.Phone(b, defaultCountry)
	switch {
	case !okA && okB && withoutCountryCode(a, eb):
		return level("phone", Exact, "%s is %s without its country code", a, eb)
	case !okB && okA && withoutCountryCode(b, ea):
		return level("phone", Exact, "%s is %s without its country code", b, ea)
	case !okA && !okB && sameUnplannedDigits(a, b):
		return level("phone", Exact, "%s and %s: the same digits, which no plan reads", a, b)
	case !okA:
		return level("phone", Null, "%q is not a number of one person", a)
	case !okB:
		return level("phone", Null, "%q is not a number of one person", b)
	case ea == eb:
		return level("phone", Exact, "")
	case OneEdit(ea, eb):
		return level("phone", Typo, "%s ~ %s: one digit apart", ea, eb)
	}
	return level("phone", Different, "")
}

// withoutCountryCode reports whether s, a number no plan of its country reads, is the
// national number of e164 written without the calling code: "5171196451" at a shop
// whose customer's country field says GB, against "+1 517-119-6451". People abroad
// write their home number as they dial it at home, and forms take it as typed. Only
// digits and the separators people write between them, nine at least and not starting
// with a trunk 0 (which national numbers are read by), so that privacy numbers with
// an extension and short numbers never qualify.
func withoutCountryCode(s, e164 string) bool {
	digits, ok := plainDigits(s)
	if !ok || len(digits) < 9 || digits[0] == '0' {
		return false
	}
	cc, ok := strings.CutSuffix(strings.TrimPrefix(e164, "+"), digits)
	return ok && len(cc) >= 1 && len(cc) <= 3
}

// plainDigits returns the digits of a number written with digits and the separators
// people put between them only: no '+', extension, comma, '#' or '_' (the marks of
// privacy numbers and of several numbers in one field).
func plainDigits(s string) (string, bool) {
	var d strings.Builder
	for _, r := range norm.NFKC.String(strings.TrimSpace(s)) {
		switch {
		case r >= '0' && r <= '9':
			d.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return "", false
		}
	}
	return d.String(), true
}

// UnplannedDigits returns the digits of a number that normalize.Phone does not read but
// that is written as a number (digits and separators only, eight to twelve digits), for
// comparing with another side's number (PhoneLevel); false for anything else: privacy
// numbers, extensions, masks, several numbers in one field.
func UnplannedDigits(s string) (string, bool) {
	d, ok := plainDigits(s)
	if !ok || len(d) < 8 || len(d) > 12 {
		return "", false
	}
	if _, read := normalize.Phone(s, ""); read {
		return "", false
	}
	return d, true
}

// sameUnplannedDigits reports whether two numbers that no plan reads (0684297730 where
// the country field says US, a number of a country without a plan) are the same
// digits, eight to twelve of them: whatever the number is, both sides wrote it. Longer
// runs are a mobile number and an extension run together, a platform's privacy number.
func sameUnplannedDigits(a, b string) bool {
	da, okA := plainDigits(a)
	db, okB := plainDigits(b)
	return okA && okB && da == db && len(da) >= 8 && len(da) <= 12
}

// phoneMask is a masked phone number reduced to its digits and a '?' for each hidden
// digit: every mask character counts, unlike in maskForm.
func phoneMask(s string) string {
	s = strings.ToLower(norm.NFKC.String(maskWithoutExtension(s)))
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case isMaskRune(r) || r == 'x' && xRunBetweenDigits(s, i):
			b.WriteByte('?')
		}
	}
	return b.String()
}

// maskWithoutExtension is a masked number without the extension a delivery platform
// writes after '_' (Meituan's 138****5678_1234: the buyer's own number, masked, with
// the privacy line's extension the courier dials): the extension is no digit of the
// buyer's number, and lined up from the right it hid the mask's seven digits. A plain
// number with an extension (13812345678_1234) is a privacy number and is not read here.
func maskWithoutExtension(s string) string {
	i := strings.LastIndexByte(s, '_')
	if i <= 0 || !IsMasked(s[:i]) {
		return s
	}
	ext := strings.TrimSpace(s[i+1:])
	if ext == "" || len(ext) > 6 || strings.ContainsFunc(ext, func(r rune) bool { return r < '0' || r > '9' }) {
		return s
	}
	return s[:i]
}

// maskedPhone compares phone numbers of which at least one is masked. Platforms keep
// the number of digits when they mask a phone (138****5678 hides four), so here, unlike
// in names, a mask character stands for exactly one digit, and the numbers are lined up
// from their last digit, where country codes and trunk prefixes do not get in the way.
func maskedPhone(a, b, country string) Level {
	var digits [2]string
	for i, s := range []string{a, b} {
		if IsMasked(s) {
			digits[i] = phoneMask(s)
			if !strings.ContainsFunc(digits[i], unicode.IsDigit) {
				return level("phone", Null, "%s shows no digits", s)
			}
			continue
		}
		e, ok := normalize.Phone(s, country)
		if !ok {
			return level("phone", Null, "%q is not a number of one person", s)
		}
		digits[i] = e[1:] // E.164, so that +86 and 0086 line up alike
	}
	fit, shown := fitFromRight(digits[0], digits[1])
	switch {
	case fit && shown >= maskedDigitsShown && !(IsMasked(a) && IsMasked(b)):
		return level("phone", MaskedDigits, "%s fits %s: %d digits shown", a, b, shown)
	case fit:
		return level("phone", MaskedCompatible, "%s fits %s", a, b)
	}
	return level("phone", Different, "%s does not fit %s", a, b)
}

// maskedDigitsShown is how many digits both sides of a masked comparison must show for
// MaskedDigits: the three and four a mainland platform leaves of a mobile number.
const maskedDigitsShown = 7

// subscriberDigits is how many of the last digits of a number count as shown: a
// mainland mobile number without its country code, so that 86 before both sides is not
// taken for agreement on the person's number.
const subscriberDigits = 11

// fitFromRight reports whether two digit strings agree position by position from the
// last digit over the length of the shorter, where '?' (a hidden digit) agrees with
// anything; and at how many of the last subscriberDigits positions both show a digit.
func fitFromRight(a, b string) (fit bool, shown int) {
	for i, j := len(a)-1, len(b)-1; i >= 0 && j >= 0; i, j = i-1, j-1 {
		if a[i] == '?' || b[j] == '?' {
			continue
		}
		if a[i] != b[j] {
			return false, 0
		}
		if len(a)-i <= subscriberDigits {
			shown++
		}
	}
	return true, shown
}

// MobileMaskKey is what a mainland platform's mask leaves of a mobile number, its first
// three and last four digits ("138*5678"), for a number given in E.164 (+8613812345678)
// or masked as written (138****5678, +86 138****5678); "" for any other number, or a
// mask that hides any of those digits. A masked order and its buyer's plain ones meet
// under it: seven digits name few numbers.
func MobileMaskKey(phone string) string {
	d := phoneMask(phone)
	for _, cc := range []string{"0086", "86"} {
		if len(d) == subscriberDigits+len(cc) && strings.HasPrefix(d, cc) {
			d = d[len(cc):]
		}
	}
	if len(d) != subscriberDigits || d[0] != '1' || strings.Contains(d[:3]+d[7:], "?") {
		return ""
	}
	return d[:3] + "*" + d[7:]
}

// EmailKinds are the levels EmailLevel returns, strongest first.
func EmailKinds() []Kind {
	return []Kind{Null, Exact, Partial, Typo, MaskedCompatible, Different}
}

// EmailLevel compares two e-mail addresses (see normalize.Email for what it folds:
// case, Google Mail's dots and +tags). It returns, strongest first:
//   - Null: an address missing, not an address, or wholly masked;
//   - Exact: the same mailbox;
//   - Partial: the same local part at another domain (jan.smit@gmail.com and
//     jan.smit@outlook.com): people keep a handle across providers;
//   - Typo: one character apart (Damerau-Levenshtein 1: gmial.com, jon@);
//   - MaskedCompatible: a masked address whose visible part fits (j***@gmail.com);
//   - Different.
func EmailLevel(a, b string) Level {
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return level("email", Null, "missing")
	}
	if IsMasked(a) || IsMasked(b) {
		return maskedEmail(a, b)
	}
	ea, eb := normalize.Email(a), normalize.Email(b)
	switch {
	case ea == "":
		return level("email", Null, "%q is not an address", a)
	case eb == "":
		return level("email", Null, "%q is not an address", b)
	case ea == eb:
		return level("email", Exact, "")
	}
	la, _, _ := strings.Cut(ea, "@")
	lb, _, _ := strings.Cut(eb, "@")
	if la == lb {
		return level("email", Partial, "%s ~ %s: same local part", ea, eb)
	}
	if OneEdit(ea, eb) {
		return level("email", Typo, "%s ~ %s: one character apart", ea, eb)
	}
	return level("email", Different, "")
}

// maskedEmail compares e-mail addresses of which at least one is masked: the plain one
// normalised, both lower-cased, and the mask fitted to it.
func maskedEmail(a, b string) Level {
	for _, s := range []string{a, b} {
		if !strings.Contains(s, "@") || !strings.ContainsFunc(visible(maskForm(s)), func(r rune) bool { return r != '@' && r != '.' }) {
			return level("email", Null, "%s is not an address", s)
		}
	}
	x, y := a, b
	if !IsMasked(x) {
		x = normalize.Email(x)
	}
	if !IsMasked(y) {
		y = normalize.Email(y)
	}
	if x == "" || y == "" {
		return level("email", Null, "not an address")
	}
	if MaskCompatible(x, y) {
		return level("email", MaskedCompatible, "%s fits %s", a, b)
	}
	return level("email", Different, "%s does not fit %s", a, b)
}

// MailboxNumber returns the mainland mobile number a mailbox is named by
// (15126824321 of 15126824321@139.com, China Mobile's mail, and of the QQ or 163
// mailboxes people name by their number), or "": such a mailbox says the number is
// its owner's, where the order carries another of their numbers or none.
func MailboxNumber(email string) string {
	local, _, ok := strings.Cut(strings.TrimSpace(email), "@")
	if !ok || len(local) != 11 || local[0] != '1' || local[1] < '3' {
		return ""
	}
	for _, r := range local {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return local
}

// NamePhoneTail returns the last four digits of a phone number a name carries after it
// (7496 of 王丽7496), or "": a marketplace's privacy waybill hides the buyer's number
// behind a virtual one and prints the name with the real number's last four digits, so
// that the courier and the buyer can tell whose parcel it is.
func NamePhoneTail(name string) string {
	rs := []rune(strings.TrimSpace(norm.NFKC.String(name)))
	n := len(rs)
	if n < 5 || !unicode.Is(unicode.Han, rs[n-5]) {
		return ""
	}
	for _, r := range rs[n-4:] {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return string(rs[n-4:])
}

// PhoneEndsWith reports whether a plain phone number (not a mask) ends with the digits
// tail.
func PhoneEndsWith(phone, tail string) bool {
	if tail == "" || IsMasked(phone) {
		return false
	}
	var digits []rune
	for _, r := range norm.NFKC.String(phone) {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	return strings.HasSuffix(string(digits), tail)
}

// MailboxNamesAnother reports whether an e-mail address's mailbox spells another
// member of a Chinese name's family: the family name's pinyin beside, before or after
// a given name in pinyin that is not the name's own (fengying.zhang@ or zhangfengying@
// against 張輝, huan.li@ against 李刚). A household shares a phone and a family name;
// its members' mailboxes are each one's own, so a mailbox spelling 张凤英 on an order
// with 張輝's phone says the order is hers. A mailbox without the family name (a QQ
// number, a nickname) or with the name's own given name says nothing.
func MailboxNamesAnother(email string, n Name) bool {
	local, _, ok := strings.Cut(strings.ToLower(strings.TrimSpace(email)), "@")
	if !ok || local == "" {
		return false
	}
	han := hanPart(n.text())
	h, ok := ParseHanName(han)
	if !ok || h.Family == "" || h.Given == "" {
		return false
	}
	fam := uFold(strings.Join(familyPinyin(h.Family), ""))
	words := strings.FieldsFunc(local, func(r rune) bool { return r < 'a' || r > 'z' })
	given := ""
	switch {
	case len(words) == 2 && uFold(words[0]) == fam:
		given = words[1]
	case len(words) == 2 && uFold(words[1]) == fam:
		given = words[0]
	case len(words) == 1 && strings.HasPrefix(uFold(words[0]), fam):
		given = words[0][len(fam):]
	case len(words) == 1 && strings.HasSuffix(uFold(words[0]), fam):
		given = words[0][:len(words[0])-len(fam)]
	}
	if len(given) < 2 || !namePinyin(given) {
		return false
	}
	return NameLevel(Name{Full: fam + " " + given}, Name{Full: han}).Kind == Different
}
