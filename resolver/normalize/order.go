package normalize

import (
	"strings"
	"unicode"
)

// OrderNumber returns the two forms of a shop or marketplace order number that
// resolution keeps (SOURCES.md §9.1): raw, the value trimmed of surrounding space, and
// core, the form that other systems' spellings of the same number share.
//
// The rule: when the value, after NFKC (full-width "＃１０４７" is "#1047"), is one run
// of digits with at most a prefix of letters and separators ("#", "No.", "SO-", "ORD",
// "order ", "订单号：") and nothing but separators after it, core is that run without
// leading zeros. So "#1047", "1047", "SO-1047", "SO1047", "ORD-0001047" and "order 1047"
// all give "1047". Any other value (two digit runs as in PDD's "231015-1234…", letters
// after the digits as in "1047A") gives core = the value upper-cased with its white space
// collapsed, so that only identical spellings match.
//
// Limits: the prefix is dropped whatever it says, so "INV-1047" and "SO-1047" share a
// core; compare order numbers only with order numbers, and within one shop. A number
// whose leading zeros are significant (a fixed-width "0001047" next to a different
// "1047") is merged. Two runs are never joined: "SO-1047-2" and "1047-2" do not match.
func OrderNumber(s string) (core, raw string) {
	raw = strings.TrimSpace(s)
	f := strings.Join(strings.Fields(upperNFKC(raw)), " ")
	start, end := -1, -1
	for i, r := range f {
		isDigit := r >= '0' && r <= '9'
		switch {
		case isDigit && start < 0:
			start, end = i, i+1
		case isDigit && end == i:
			end = i + 1
		case isDigit: // a second run
			return f, raw
		case start < 0 && (unicode.IsLetter(r) || orderSeparator(r)):
		case start >= 0 && orderSeparator(r):
		default:
			return f, raw
		}
	}
	if start < 0 {
		return f, raw
	}
	core = strings.TrimLeft(f[start:end], "0")
	if core == "" {
		core = "0"
	}
	return core, raw
}

// orderSeparator reports whether r is punctuation or space that sources put around the
// digits of an order number.
func orderSeparator(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("#№-_:./", r)
}
