package compare

import (
	"slices"
	"strings"

	"github.com/seamhub/seam/resolver/normalize"
)

// SameLines reports whether two Latin addresses write one home's parts in other
// lines or other fields: "#336, Royal Apartments" above "5th Cross, Velachery" and
// "336, Royal Apartments, 5th Cross" above "Velachery", or "Flat No. 1198, Royal
// Residency, Station Road" and "#1198, Royal Residency" above "Station Road,
// Hadapsar". Indian addresses are a run of parts (the flat, the building, the road,
// the area) that checkouts cut into two lines wherever the buyer's typing reaches the
// end of the first, and the street and detail compared as fields then disagree. The
// parts are compared as a set, each without the words for a flat (#, Flat, No.):
// the same parts, or all of one side's among the other's, at least two of them and a
// numbered one, are one home; all reports whether they are the same parts. Another
// flat number is another part, so another home.
func SameLines(a, b Address) (same, all bool) {
	pa, pb := lineParts(a), lineParts(b)
	if len(pa) > len(pb) {
		pa, pb = pb, pa
	}
	if len(pa) < 2 || !slices.ContainsFunc(pa, func(p string) bool { return strings.ContainsAny(p, "0123456789") }) {
		return false, false
	}
	for _, p := range pa {
		if !slices.Contains(pb, p) {
			return false, false
		}
	}
	return true, len(pa) == len(pb)
}

// lineParts are the comma-separated parts of an address's number, street and detail,
// each normalised as normalize.Address does and without the words for a flat.
func lineParts(a Address) []string {
	if hasHan(a.Number + a.Street + a.Detail) {
		return nil
	}
	var out []string
	for _, seg := range strings.Split(a.Number+", "+a.Street+", "+a.Detail, ",") {
		_, words := normalize.Address(strings.ReplaceAll(seg, "#", " "))
		words = slices.DeleteFunc(words, func(w string) bool { return slices.Contains(unitWords, w) })
		if p := strings.Join(words, " "); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
