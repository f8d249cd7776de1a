package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestReadingAtTheFlat: a Han name and its pinyin reading (or a homophone typed for it) at
// one building and room, with nothing else apart, are one buyer, as the same characters
// there are; another phone on
// each side (siblings read alike, 魏志瑋 and 魏志偉, each with a mobile), another flat, or
// a mailbox of the other's that differs keeps the pair below acceptance.
func TestReadingAtTheFlat(t *testing.T) {
	pdd := func(name, phone, address string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Country: "CN", Address: address})
	}
	shop := func(given, family, phone, email, street string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family,
			Phone: phone, Email: email, Country: "CN", Address: street + ", 200429, 宝山区",
			Place: &ontology.AddressPart{Street: street, Locality: "宝山区", Postcode: "200429"}})
	}
	const flat, otherFlat = "上海市宝山区宝山街道世茂滨江花园19号楼2603室", "上海市宝山区宝山街道世茂滨江花园19号楼1603室"
	pm := DefaultPartyModel()
	for _, c := range []struct {
		what string
		a, b PartyProfile
		want PartyVerdict
	}{
		{"pinyin at the flat, a privacy number", pdd("郑凯华", "16554114782#7350", flat),
			shop("Kaihua", "Zheng", "13106256337", "", "漕溪北路1371弄19号2603室"), Same},
		{"the same characters at the flat (as before)", pdd("郑凯华", "16554114782#7350", flat),
			shop("凯华", "郑", "13106256337", "", "漕溪北路1371弄19号2603室"), Same},
		{"pinyin at the flat, each with a mobile of its own", pdd("魏志偉", "13912345678", flat),
			shop("Zhiwei", "Wei", "13106256337", "", "漕溪北路1371弄19号2603室"), Possibly},
		{"a homophone at the flat, a privacy number", pdd("刘红新", "17029239445#0507", flat),
			shop("红新", "留", "18845296160", "", "漕溪北路1371弄19号2603室"), Same},
		{"a homophone at the flat, each with a mobile of its own", pdd("刘红新", "13912345678", flat),
			shop("红新", "留", "18845296160", "", "漕溪北路1371弄19号2603室"), Apart},
		{"pinyin at another flat of the building", pdd("郑凯华", "16554114782#7350", otherFlat),
			shop("Kaihua", "Zheng", "13106256337", "", "漕溪北路1371弄19号2603室"), Apart},
	} {
		cmp := CompareParties(c.a, c.b)
		if got, s := pm.Decide(cmp, c.a, nil); got != c.want {
			t.Errorf("%s: %v at %.1f (%s), want %v", c.what, got, s, pm.Explain(cmp, c.a, nil), c.want)
		}
	}
}
