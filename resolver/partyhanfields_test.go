package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

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
