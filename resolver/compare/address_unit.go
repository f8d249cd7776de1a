package compare

import (
	"regexp"
	"slices"
	"strings"
)

// Flats, apartments and suites of English-speaking addresses. One home is written
// "3409 River Street" with "Unit 28" as the second line, "3409 River Street Unit 28",
// "3409 River St, Apt. 28" or "3409 River Street #28" on one line, "Flat 28, 3409
// River Street" or "Flat 28" above "3409 River Street" in Britain, "28/3409 River
// Street" in Australia and "28B-3409 River Street" in Canada: checkout forms leave it
// to the buyer where the flat goes. Left in the street, the flat made the street
// disagree with itself ("River Street Unit 28" against "River Street") and said nothing
// as the flat it is. The flat is moved to the detail, where flats are compared.

// unitDesignator matches a flat, apartment, suite or unit written with its number, the
// whole of a segment: "Apt 4B", "Apt. 4B", "APT 4B", "Unit 28", "Suite 300", "Ste 3",
// "Flat 3", "Flat No. 3", "Rm 12", "#4B", "# 4B".
var unitDesignator = regexp.MustCompile(`(?i)^(?:(?:apt|apartment|unit|suite|ste|flat|room|rm)\.?\s*(?:no\.?\s*)?|#\s*)(\d+[a-z]?|[a-z]\d*)$`)

// trailingUnit matches a street line that ends with a flat: "River Street Unit 28",
// "Main St Apt. 4B", "River Street #28", "Main St, Apt 4B".
var trailingUnit = regexp.MustCompile(`(?i)^(.*?[^\s,])[\s,]+((?:(?:apt|apartment|unit|suite|ste|flat|room|rm)\.?\s*(?:no\.?\s*)?|#\s*)(?:\d+[a-z]?|[a-z]\d*))$`)

// canadianUnit matches the Canadian unit before the house number, "4B-123": a unit
// with a letter, so that it is not a British range of numbers ("12-14 High Street").
var canadianUnit = regexp.MustCompile(`(?i)^(\d+[a-z]|[a-z]\d*)-(\d+[a-z]?)$`)

// unitWords are the words that name a flat beside its number, and say nothing else:
// in English, and as continental Europe and Latin America write them (Apto, Apartamento
// and ap in Brazil and Spain, App. and Appartement in France, int. and interno in Italy,
// Whg. and Wohnung in Germany, lok. and m. in Poland, Dpto. in Latin America).
var unitWords = []string{"apt", "apartment", "unit", "suite", "ste", "flat", "room", "rm", "no", "number",
	"apto", "apartamento", "ap", "app", "appt", "appartement", "int", "interno", "interior", "whg", "wohnung",
	"lok", "lokal", "m", "mieszkanie", "dpto", "depto", "departamento"}

// latinUnit moves a flat written in the street line (at its end, in a segment of its
// own before or after the street, or as the whole first line above a second line that
// holds the street) to the detail, and reads the Canadian "4B-123" as unit 4B of
// number 123. Only where what is left is a street with its house number, so that a
// line naming a flat and a building without one ("Flat 1198, Royal Residency, Station
// Road") stays as written.
func latinUnit(a Address) Address {
	if a.Number != "" {
		return a
	}
	if unitDesignator.MatchString(a.Street) && startsWithHouseNumber(a.Detail) {
		// "Flat 3" as the first line, "12 Main Street" as the second.
		a.Street, a.Detail = a.Detail, a.Street
	}
	if segs := trimmed(strings.Split(a.Street, ",")); len(segs) > 1 {
		var units, rest []string
		for _, s := range segs {
			if unitDesignator.MatchString(s) {
				units = append(units, s)
			} else {
				rest = append(rest, s)
			}
		}
		if len(units) > 0 && len(rest) > 0 && startsWithHouseNumber(rest[0]) {
			a.Street = strings.Join(rest, ", ")
			a.Detail = joinDetail(strings.Join(units, " "), a.Detail)
		}
	}
	if m := trailingUnit.FindStringSubmatch(a.Street); m != nil && startsWithHouseNumber(m[1]) {
		a.Street, a.Detail = m[1], joinDetail(m[2], a.Detail)
	}
	if first, rest, ok := strings.Cut(a.Street, " "); ok {
		if m := canadianUnit.FindStringSubmatch(first); m != nil {
			a.Street = m[2] + " " + rest
			a.Detail = joinDetail("unit "+m[1], a.Detail)
		}
	}
	return a
}

// startsWithHouseNumber reports whether a street line starts with a house number and
// goes on with a word: "12 Main Street", "5/12 Main St".
func startsWithHouseNumber(s string) bool {
	first, rest, ok := strings.Cut(strings.TrimSpace(s), " ")
	return ok && strings.TrimSpace(rest) != "" && (houseNumberWord.MatchString(first) || canadianUnit.MatchString(first))
}

// joinDetail puts a flat moved out of the street line before the detail the source
// gave.
func joinDetail(unit, detail string) string {
	return strings.TrimSpace(unit + " " + detail)
}

// sameFlatWorded reports whether two Latin details name one flat by the same numbers,
// each with a word for a flat and nothing else ("Apt 28", "#28", "Unit 28", "Suite
// 28"): the same flat, as a checkout's second line is free text. A number alone ("28")
// is not enough to say what it numbers.
func sameFlatWorded(na, nb []string, a, b string) bool {
	return len(na) > 0 && slices.Equal(na, nb) && namesFlat(a) && namesFlat(b)
}

// namesFlat reports whether a detail holds flat designators and numbers and nothing
// else, at least one designator among them.
func namesFlat(s string) bool {
	designated := strings.Contains(s, "#")
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '.' || r == '#' || r == ',' }) {
		switch {
		case slices.Contains(unitWords, w):
			designated = true
		case !strings.ContainsAny(w, "0123456789"):
			return false
		}
	}
	return designated
}

// unitDashNumber matches a number written unit first with a dash, "29-996".
var unitDashNumber = regexp.MustCompile(`^(\d+[a-z]?)-(\d+[a-z]?)$`)

// UnitBeforeNumber reads a number written "29-996" as unit 29 of number 996 where the
// other address's number is 996: Canadians write the unit before the civic number with
// a dash, so that "29-996 Luke Place" and "996 Luke Pl, Apt 29" are one flat. Read as
// one number it disagreed with 996. A British range ("12-14 High Street") against one
// of its numbers is the same building either way.
func UnitBeforeNumber(a, b Address) (Address, Address) {
	fix := func(x, y Address) (Address, bool) {
		m := unitDashNumber.FindStringSubmatch(strings.ToLower(strings.TrimSpace(x.Number)))
		if m == nil || !strings.EqualFold(strings.TrimSpace(y.Number), m[2]) {
			return x, false
		}
		x.Number, x.Detail = m[2], joinDetail("unit "+m[1], x.Detail)
		return x, true
	}
	if x, ok := fix(a, b); ok {
		return x, b
	}
	if y, ok := fix(b, a); ok {
		return a, y
	}
	return a, b
}
