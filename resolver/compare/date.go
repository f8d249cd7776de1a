package compare

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DateKinds are the levels DateLevel returns, strongest first.
func DateKinds() []Kind {
	return []Kind{Null, Exact, Transposed, Typo, YearOff, Different}
}

// DateLevel compares two dates, such as dates of birth, as sources write them. It
// returns, strongest first:
//   - Null: a date missing or unreadable on either side;
//   - Exact: the same day;
//   - Transposed: day and month swapped (1987-03-12 and 1987-12-03), the mistake of a
//     clerk who reads a US date as a European one;
//   - Typo: one digit apart in YYYYMMDD (Damerau-Levenshtein 1: a digit wrong, or two
//     neighbours swapped);
//   - YearOff: the same day and month a year apart;
//   - Different.
//
// Dates are compared as their eight digits, not as calendar dates, because the
// mistakes to forgive are typing mistakes: a typo may well make an impossible date
// (1987-13-03), which must still be compared with the right one. See DateDigits for the
// forms read.
func DateLevel(a, b string) Level {
	da, okA := DateDigits(a)
	db, okB := DateDigits(b)
	switch {
	case strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "":
		return level("date", Null, "missing")
	case !okA:
		return level("date", Null, "%q is not a date", a)
	case !okB:
		return level("date", Null, "%q is not a date", b)
	case da == db:
		return level("date", Exact, "")
	case da[:4] == db[:4] && da[4:6] == db[6:8] && da[6:8] == db[4:6]:
		return level("date", Transposed, "%s and %s: day and month swapped", da, db)
	case OneEdit(da, db):
		return level("date", Typo, "%s ~ %s: one digit apart", da, db)
	case da[4:] == db[4:] && yearsApart(da[:4], db[:4]) == 1:
		return level("date", YearOff, "%s ~ %s: a year apart", da, db)
	}
	return level("date", Different, "")
}

func yearsApart(a, b string) int {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return max(x-y, y-x)
}

// DateDigits reads a date written in one of the forms sources use and returns it as
// YYYYMMDD: "19870312", "1987-03-12", "1987/3/12", "1987.03.12", "1987年3月12日", an
// RFC 3339 timestamp ("1987-03-12T00:00:00Z", whose date part is taken as written),
// and day-first or month-first "12/03/1987" (day first unless the first number is
// over 12 only as a month could not be). Full-width digits are read too. It checks
// the shape, not the calendar: month 13 passes, as a typo must still be compared.
func DateDigits(s string) (string, bool) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if i := strings.IndexAny(s, "Tt "); i == 10 {
		s = s[:i] // the date of a timestamp
	}
	if len(s) == 8 && allDigits(s) {
		return s, true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("-/.年月日", r) || unicode.IsSpace(r) })
	if len(parts) != 3 || !allDigits(parts[0]+parts[1]+parts[2]) || strings.Count(s, "日") > 1 {
		return "", false
	}
	y, m, d := parts[0], parts[1], parts[2]
	if len(y) != 4 { // day or month first
		if len(d) != 4 {
			return "", false
		}
		first, _ := strconv.Atoi(y)
		second, _ := strconv.Atoi(m)
		y, d = d, y // day first
		if second > 12 && first <= 12 {
			m, d = parts[0], parts[1] // month first: 03/25/1987
		}
	}
	if len(m) > 2 || len(d) > 2 || m == "" || d == "" {
		return "", false
	}
	return y + pad2(m) + pad2(d), true
}

// pad2 writes a one-digit month or day with a leading zero.
func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
