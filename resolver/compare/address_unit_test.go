package compare

import "testing"

// TestFlatWrittenAnywhereInTheLine: one Raleigh flat as checkouts let buyers write it,
// the flat in the second line, at the end of the first, in a segment of its own, as
// the first line above the street, or before the number with a slash or a dash: one
// number, one street, one flat. The neighbour's flat (29) stays another flat.
func TestFlatWrittenAnywhereInTheLine(t *testing.T) {
	forms := [][2]string{
		{"3409 River Street", "Unit 28"}, {"3409 River Street Unit 28", ""}, {"3409 River Street #28", ""},
		{"3409 River St, Apt. 28", ""}, {"3409 River St.", "#28"}, {"3409 River Street APT 28", ""},
		{"28/3409 River Street", ""}, {"Unit 28, 3409 River Street", ""}, {"Flat 28", "3409 River Street"},
		{"Flat No. 28, 3409 River Street", ""}, {"3409 River Street", "Suite 28"},
	}
	at := func(f [2]string) Address { return LatinAddress("", f[0], f[1], "Raleigh", "27613", "NC") }
	for i := range forms {
		for j := i + 1; j < len(forms); j++ {
			a, b := at(forms[i]), at(forms[j])
			for _, p := range []Part{PartNumber, PartStreet, PartDetail} {
				if l := AddressPartLevel(p, a, b); l.Kind != Exact {
					t.Errorf("%q ~ %q: %s", forms[i], forms[j], l.Why)
				}
			}
		}
		if l := AddressPartLevel(PartDetail, at(forms[i]), at([2]string{"3409 River Street #29", ""})); l.Kind != Different {
			t.Errorf("%q against the neighbour's #29: %s", forms[i], l.Why)
		}
	}
}

// TestFlatLeftWhereNoStreetNumberFollows: a line naming a flat and a building without a
// house number (an Indian address) stays as written, and a British range of numbers is
// no unit; the Canadian unit before the number is one.
func TestFlatLeftWhereNoStreetNumberFollows(t *testing.T) {
	for _, c := range []struct {
		line1, number, street, detail string
	}{
		{"Flat 1198, Royal Residency, Station Road", "", "Flat 1198, Royal Residency, Station Road", ""},
		{"12-14 High Street", "12-14", "High Street", ""},
		{"4B-123 Main St", "123", "Main St", "unit 4B"},
		{"Apt 4B", "", "Apt 4B", ""},
	} {
		a := LatinAddress("", c.line1, "", "Toronto", "M5V 2T6", "ON")
		if a.Number != c.number || a.Street != c.street || a.Detail != c.detail {
			t.Errorf("%q: number %q street %q detail %q; want %q %q %q", c.line1, a.Number, a.Street, a.Detail, c.number, c.street, c.detail)
		}
	}
}

// TestCanadianUnitBeforeTheNumber: "29-996 Luke Place" is unit 29 of 996 Luke Place,
// the flat "996 Luke Pl Apt 29" names; unit 30 is the flat next door, and 29-996
// against 997 stays another number.
func TestCanadianUnitBeforeTheNumber(t *testing.T) {
	at := func(l1 string) Address { return LatinAddress("", l1, "", "Toronto", "M2M 8N7", "ON") }
	for _, c := range []struct {
		other        string
		number, flat Kind
	}{
		{"996 Luke Pl Apt 29", Exact, Exact},
		{"996 Luke Pl Apt 30", Exact, Different},
		{"997 Luke Pl Apt 29", Different, Null},
	} {
		a, b := UnitBeforeNumber(at("29-996 Luke Place"), at(c.other))
		if n, d := AddressPartLevel(PartNumber, a, b), AddressPartLevel(PartDetail, a, b); n.Kind != c.number || d.Kind != c.flat {
			t.Errorf("29-996 Luke Place against %s: number %v (%s), flat %v (%s); want %v, %v", c.other, n.Kind, n.Why, d.Kind, d.Why, c.number, c.flat)
		}
	}
}

// TestFlatWordedInOtherLanguages: Apartamento 32 and Apto 32, Whg. 5 and Wohnung 5,
// int. 8 and interno 8, App. 12 and Appartement 12 are one flat each, as Apt 28 and
// Unit 28 are; Apto 32 and Apto 33 two.
func TestFlatWordedInOtherLanguages(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"Apartamento 32", "Apto 32", Exact},
		{"ap 131", "Apartamento 131", Exact},
		{"Whg. 5", "Wohnung 5", Exact},
		{"int. 8", "interno 8", Exact},
		{"App. 12", "Appartement 12", Exact},
		{"lok. 1", "m. 1", Exact},
		{"Apto 32", "Apto 33", Different},
	} {
		if l := comparePart(PartDetail, c.a, c.b); l.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.a, c.b, l.Kind, l.Why, c.want)
		}
	}
}
