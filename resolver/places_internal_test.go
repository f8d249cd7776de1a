package resolver

import (
	"slices"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestLinePlacesAreTheCodesOnlyLinesName: a document links to each location code its
// lines name apart from its own, once, so that an alias for the code finds it.
func TestLinePlacesAreTheCodesOnlyLinesName(t *testing.T) {
	at := func(code string) *ontology.LocationRef { return &ontology.LocationRef{System: "erpnext", Code: code} }
	d := &ontology.Document{Location: at("Stores"), Lines: []ontology.Line{
		{SKU: "A", Location: at("Stores"), RejectedLocation: at("Rejected")},
		{SKU: "B", Location: at("Overflow"), RejectedLocation: at("Rejected")},
		{SKU: "C"},
	}}
	got := linePlaces("u1", d)
	want := []PlaceLink{{"u1", "erpnext", "Rejected"}, {"u1", "erpnext", "Overflow"}}
	if !slices.Equal(got, want) {
		t.Errorf("places %v, want %v", got, want)
	}
	if got := linePlaces("u2", &ontology.Document{Lines: []ontology.Line{{SKU: "A"}}}); len(got) != 0 {
		t.Errorf("lines without places: %v", got)
	}
}
