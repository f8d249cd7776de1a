package resolver

import "testing"

// TestTwinsOfOneBirthdayInOneTown: Thomas and Anna Green, born the same day, giving their
// town and no street, are two people however the rest agrees; one of them with a slip in
// the given name is still one.
func TestTwinsOfOneBirthdayInOneTown(t *testing.T) {
	pm := DefaultPartyModel()
	a, b := townsfolk("Thomas", "Green", "1974-10-05", "London"), townsfolk("Anna", "Green", "1974-10-05", "London")
	if d, s := pm.Decide(CompareParties(a, b), a, nil); d == Same {
		t.Errorf("twins Thomas and Anna Green linked (%.1f): %s", s, pm.Explain(CompareParties(a, b), a, nil))
	}
	c := townsfolk("Thoams", "Green", "1974-10-05", "London")
	if d, _ := pm.Decide(CompareParties(a, c), a, nil); d != Same {
		t.Errorf("Thomas and Thoams Green of one birthday and town not linked: %s", pm.Explain(CompareParties(a, c), a, nil))
	}
}
