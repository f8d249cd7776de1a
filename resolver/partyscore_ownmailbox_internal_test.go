package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestEnglishBesideChineseFromOwnMailboxesIsNoLink: Angela Hu orders from her own
// mailbox with no phone, at the flat where HU XIANG (her father, family name typed
// first) orders from his; so does Carmen Chen beside Chen Chien-hung. The English name
// agrees with the Chinese one in the family name only, and the mailboxes say two
// people: the description must not link them, however much the flat agrees. The
// same English name beside the same Chinese one on one phone is left to the phone.
func TestEnglishBesideChineseFromOwnMailboxesIsNoLink(t *testing.T) {
	au := func(given, family, phone, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Country: "AU", GivenName: given, FamilyName: family,
			Name: given + " " + family, Phone: phone, Email: email,
			Place: &ontology.AddressPart{Street: "26/148 Karen Blvd", Locality: "Fitzroy", Region: "VIC", Postcode: "3986"}})
	}
	tw := func(given, family, phone, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Country: "TW", GivenName: given, FamilyName: family,
			Name: given + " " + family, Phone: phone, Email: email,
			Place: &ontology.AddressPart{Street: "北屯區忠孝東路四段31號7樓", Locality: "台中市", Postcode: "406"}})
	}
	pm := DefaultPartyModel()
	for _, tt := range []struct{ a, b PartyProfile }{
		{au("Angela", "Hu", "", "angela.hu70@icloud.com"), au("HU", "XIANG", "02 7647 3988", "huxiang@qq.com")},
		{tw("Carmen", "Chen", "", "cchen@outlook.com"), tw("Chen", "Chien-hung", "0900 102709", "echen@ms1.hinet.net")},
	} {
		c := CompareParties(tt.a, tt.b)
		if d, s := pm.Decide(c, tt.a, nil); d == Same {
			t.Errorf("%s against %s, each from a mailbox of their own: linked, score %.1f: %s", tt.a.FullName, tt.b.FullName, s, pm.Explain(c, tt.a, nil))
		}
	}
}

// TestEnglishNameBesideTheChineseOneAgrees: Hugo Ka Ming / Chiu against Ka Ming / Chiu
// is one Chinese name with an English one written beside it: the names agree as a name
// in another writing does (陳怡麗 against Tiffany Yi Lai Chan), not as two given names.
// His brother Ka Wai stays another name.
func TestEnglishNameBesideTheChineseOneAgrees(t *testing.T) {
	p := func(given string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Country: "HK", GivenName: given, FamilyName: "Chiu", Name: given + " Chiu"})
	}
	if c := CompareParties(p("Hugo Ka Ming"), p("Ka Ming")); c[fieldName].Kind != compare.Transliterated {
		t.Errorf("Hugo Ka Ming Chiu against Ka Ming Chiu: name %v (%s), given %v; want transliterated", c[fieldName].Kind, c[fieldName].Why, c[fieldGiven].Kind)
	}
	if c := CompareParties(p("Hugo Ka Ming"), p("Ka Wai")); c[fieldName].Kind.Agrees() || c[fieldGiven].Kind.Agrees() {
		t.Errorf("Hugo Ka Ming Chiu against Ka Wai Chiu: name %v, given %v; want no agreement", c[fieldName].Kind, c[fieldGiven].Kind)
	}
}
