package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestCityFieldAgainstDistrict: a storefront's city field holding the city in full
// (苏州市), against a platform's address that names the district under it (江苏省苏州市
// 姑苏区...), agrees on the city, in Latin letters or in Han characters; it was read as
// the city written short with 市 left over, which disagreed with the district.
func TestCityFieldAgainstDistrict(t *testing.T) {
	pdd := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李志豪", Country: "CN",
		Address: "江苏省苏州市姑苏区干将路1018号狮山花园8栋405"})
	for _, place := range []ontology.AddressPart{
		{Street: "1018 Ganjiang Road", Line2: "Room 405, Building 8, Shishanhuayuan", Locality: "苏州市", Postcode: "215000"},
		{Street: "干将路1018号", Line2: "狮山花园8栋405", Locality: "苏州市", Postcode: "215000"},
	} {
		shop := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "志豪", FamilyName: "李", Name: "志豪 李",
			Country: "CN", Place: &place})
		if got := CompareParties(shop, pdd)[fieldLocality]; got.Kind != compare.Exact {
			t.Errorf("%s, %s against the district 姑苏区: %v (%s), want exact", place.Street, place.Locality, got.Kind, got.Why)
		}
	}
}
