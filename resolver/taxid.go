package resolver

import (
	"strings"
	"unicode"
)

// Party identifiers are normalised by package normalize; tax ids stay here because the
// rule (keep letters and digits, upper-case) is the resolver's choice of key, not a
// property of any one id scheme.

// normTaxID upper-cases a tax id and drops separators.
func normTaxID(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, s)
}
