package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestPinyinGivenOfAnotherAtOneFlat: Xu Zhang and his daughter Jessica Xue Zhang, at
// the family's flat with phones and mailboxes of their own, are two people: Xu is not
// part of Xue, and the flat does not make them one.
func TestPinyinGivenOfAnotherAtOneFlat(t *testing.T) {
	mk := func(given, family, phone, email, street, city string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Phone: phone, Email: email,
			Country: "CN", Place: &ontology.AddressPart{Street: street, Locality: city, Postcode: "610589"}})
	}
	xu := mk("Xu", "Zhang", "+8613635951805", "zhang.xu@foxmail.com", "380 Binhe Rd 30-4-3103", "Chengdu City")
	xue := mk("Jessica Xue", "Zhang", "+8618617748585", "jessica91@formosa-semi.com.tw", "武侯区滨河路380号30号楼3103", "成都市")
	c := CompareParties(xu, xue)
	if c[fieldGiven].Kind != compare.Different {
		t.Errorf("given names %s: want different", c[fieldGiven])
	}
	pm := DefaultPartyModel()
	if d, s := pm.Decide(c, xu, Frequency{}); d == Same {
		t.Errorf("Xu Zhang and Jessica Xue Zhang at one flat: same (%.1f), want two people", s)
	}
	// His own orders, written otherwise, stay his.
	if c := CompareParties(xu, mk("XU", "ZHANG", "+86 136 3595 1805", "", "380 Binhe Rd 30-4-3103", "Chengdu")); c[fieldGiven].Kind == compare.Different {
		t.Errorf("XU ZHANG against Xu Zhang: given %s", c[fieldGiven])
	}
}
