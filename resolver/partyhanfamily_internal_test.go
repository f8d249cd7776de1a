package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestWholeHanNameInTheFamilyField: a Shopify order without a billing address names
// its buyer from the customer record (first name empty, 許建興 in the last name) and
// takes the given name from the shipping address (建興). That is 許建興, family 許: the
// same person as 建興 / 許 on his other orders, not another 許建興 family.
func TestWholeHanNameInTheFamilyField(t *testing.T) {
	p := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "許建興", GivenName: "建興", FamilyName: "許建興", Country: "TW"})
	if p.FullName != "許建興" || p.Given != "建興" || p.Family != "許" {
		t.Errorf("profile %q / %q / %q, want 許建興 / 建興 / 許", p.FullName, p.Given, p.Family)
	}
	q := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "建興 許", GivenName: "建興", FamilyName: "許", Country: "TW"})
	if namesContradict(nameOf(p), nameOf(q)) {
		t.Errorf("%+v contradicts %+v", nameOf(p), nameOf(q))
	}
	for _, c := range []struct{ given, family, want string }{
		{"娜娜", "歐陽娜娜", "歐陽"},    // a family name of two characters
		{"國", "張王建國", ""},       // more than a family name before the given name
		{"建興", "許", ""},         // already apart
		{"Jianxing", "許建興", ""}, // a given name in Latin letters
		{"興", "興", ""},          // nothing before it
	} {
		got, ok := hanFamilyWithGiven(c.given, c.family)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("hanFamilyWithGiven(%q, %q) = %q, %v; want %q", c.given, c.family, got, ok, c.want)
		}
	}
}
