package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestHanNameBlockInEitherField: a storefront's customer 莉 / 马 (first name, last name)
// and a delivery order for 马莉 are filed under one name key, as are 张 / 俊华 typed the
// other way round and 张俊华. Keyed in written order, the two writings of one name met
// under no name block, and a common name was counted as two rare ones.
func TestHanNameBlockInEitherField(t *testing.T) {
	shop := func(given, family string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family,
			GivenName: given, FamilyName: family, Country: "CN"})
	}
	for _, tt := range []struct {
		a, b PartyProfile
	}{
		{shop("莉", "马"), buyer("马莉", "", "")},
		{shop("俊华", "张"), buyer("张俊华", "", "")},
		{shop("张", "俊华"), buyer("张俊华", "", "")},
		{shop("莉", "马"), buyer("马 莉", "", "")},
	} {
		if ka, kb := tt.a.Blocks()[BlockName], tt.b.Blocks()[BlockName]; ka == "" || ka != kb {
			t.Errorf("%s / %s files under %q, %s under %q: want one name key", tt.a.Given, tt.a.Family, ka, tt.b.FullName, kb)
		}
	}
	if ka, kb := shop("莉", "马").Blocks()[BlockName], buyer("李马", "", "").Blocks()[BlockName]; ka == kb {
		t.Errorf("马莉 and 李马 share the name key %q", ka)
	}
}

// TestSwappedLookAlikeNoHousehold: 甲 / 莉莉 (the family name typed in the first-name
// field) on the phone 田莉莉 orders with is her name misread (甲 for 田), not another
// member of her household: the names do not contradict, as 甲莉莉 and 田莉莉 do not.
func TestSwappedLookAlikeNoHousehold(t *testing.T) {
	a, b := compare.Name{Given: "甲", Family: "莉莉"}, compare.Name{Given: "莉莉", Family: "田"}
	if namesContradict(a, b) {
		t.Errorf("%+v and %+v contradict: want one name misread", a, b)
	}
	if !namesContradict(compare.Name{Given: "甲", Family: "莉莉"}, compare.Name{Full: "田芳芳"}) {
		t.Errorf("甲 / 莉莉 and 田芳芳 do not contradict: want two given names")
	}
}
