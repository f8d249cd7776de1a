package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestHongKongFlatWrittenTwoWays: Lee Fai Hin orders to 3D, Block 8, Metro City and to
// 將軍澳新都城第8座3樓D室, and his neighbour to Flat D, 3/F, Block 8 once more: one
// home, which the street compared as text called different or nothing. Chan Ka Wai of
// Flat B, 19/F, Block 4, Laguna City and his namesake of 29H, Blk 8 live in two.
func TestHongKongFlatWrittenTwoWays(t *testing.T) {
	p := func(street, line2, city string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Country: "HK", GivenName: "Fai Hin", FamilyName: "Lee", Name: "Fai Hin Lee",
			Place: &ontology.AddressPart{Street: street, Line2: line2, Locality: city, Region: "NT"}})
	}
	for _, pair := range [][2]PartyProfile{
		{p("3D, Block 8, Metro City", "Tseung Kwan O", "New Territories"), p("Flat D, 3/F, Block 8, Metro City", "Tseung Kwan O", "Hong Kong")},
		{p("Flat D, 3/F, Block 8, Metro City", "Tseung Kwan O", "Hong Kong"), p("將軍澳新都城第8座3樓D室", "", "新界")},
	} {
		if c := CompareParties(pair[0], pair[1]); c[fieldStreet].Kind != compare.Exact || c[fieldDetail].Kind == compare.Different {
			t.Errorf("%s against %s: street %v (%s), detail %v; want the same flat", pair[0].Place.Street, pair[1].Place.Street, c[fieldStreet].Kind, c[fieldStreet].Why, c[fieldDetail].Kind)
		}
	}
	a, b := p("Flat B, 19/F, Block 4, Laguna City", "Kwun Tong", "Kowloon"), p("29H, Blk 8, Laguna City", "Kwun Tong", "Kowloon")
	if c := CompareParties(a, b); c[fieldStreet].Kind.Agrees() || c[fieldDetail].Kind.Agrees() {
		t.Errorf("Flat B, 19/F, Block 4 against 29H, Blk 8: street %v, detail %v; want two homes", c[fieldStreet].Kind, c[fieldDetail].Kind)
	}
}
