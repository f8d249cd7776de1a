package compare

import "testing"

// TestSameLinesOfAnIndianAddress: one Chennai flat cut into two lines at other places,
// with its flat written #336, Flat 336 or 336; Station Road written on the first line
// or the second beside the area. Flat 337 of the same building is another home, and
// a building's name alone is not enough.
func TestSameLinesOfAnIndianAddress(t *testing.T) {
	at := func(l1, l2 string) Address { return LatinAddress("", l1, l2, "Chennai", "600541", "TN") }
	for _, c := range []struct {
		a, b Address
		want bool
	}{
		{at("#336, Royal Apartments", "5th Cross, Velachery"), at("336, Royal Apartments, 5th Cross", "Velachery"), true},
		{at("Flat 336, Royal Apartments", "5th Cross, Velachery"), at("336, Royal Apartments, 5th Cross", "Velachery"), true},
		{at("Flat No. 1198, Royal Residency, Station Road", ""), at("#1198, Royal Residency", "Station Road, Hadapsar"), true},
		{at("#337, Royal Apartments", "5th Cross, Velachery"), at("336, Royal Apartments, 5th Cross", "Velachery"), false},
		{at("Royal Apartments", ""), at("Royal Apartments", "Velachery"), false},
	} {
		if got, _ := SameLines(c.a, c.b); got != c.want {
			t.Errorf("%+v against %+v: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
