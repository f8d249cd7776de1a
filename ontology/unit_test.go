package ontology

import "testing"

func TestUnitKinds(t *testing.T) {
	for unit, want := range map[string]UnitKind{
		"": KindCount, "pcs": KindCount, "Nos": KindCount, "Box": KindCount, "袋": KindCount, "customs:999": KindCount,
		"kg": KindMass, "Kg": KindMass, " g ": KindMass, "千克": KindMass, "l": KindVolume, "m3": KindVolume,
		"m": KindLength, "m2": KindArea, "kwh": KindOther,
	} {
		if got := KindOf(unit); got != want {
			t.Errorf("KindOf(%q) = %s, want %s", unit, got, want)
		}
	}
	for _, c := range []struct {
		qty  string
		unit string
		want string
		ok   bool
	}{
		{"500", "g", "0.5", true}, {"2", "t", "2000", true}, {"250", "ml", "0.25", true}, {"50", "kg", "50", true},
		{"24", "pcs", "24", false}, {"0.000001", "g", "0.000001", false}, // finer than a Qty holds: unchanged
	} {
		q, err := ParseQty(c.qty)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := InBaseUnit(q, c.unit)
		if got.String() != c.want || ok != c.ok {
			t.Errorf("InBaseUnit(%s %s) = %s, %v; want %s, %v", c.qty, c.unit, got, ok, c.want, c.ok)
		}
	}
	if (Line{Unit: "kg"}).Counted() || !(Line{}).Counted() {
		t.Error("Counted: a kilogram line counts nothing, a line without unit counts pieces")
	}
}
