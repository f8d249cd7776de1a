package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestPetNameFitsItsOwner: an order written to a pet name counts for the person it
// calls (强强 and 阿强 for 陈志强, 小陈 for any 陈), not for another of the household
// (王凤英), where before any pet name counted for everyone.
func TestPetNameFitsItsOwner(t *testing.T) {
	him, her := compare.Name{Full: "陈志强"}, compare.Name{Full: "王凤英"}
	for _, pet := range []string{"强强", "阿强", "小强", "小陈"} {
		m := compare.Name{Full: pet}
		if !fits(him, m) {
			t.Errorf("%s does not count for 陈志强", pet)
		}
		if fits(her, m) {
			t.Errorf("%s counts for 王凤英", pet)
		}
	}
	if !fits(her, compare.Name{Full: "凤凤"}) || !fits(her, compare.Name{Full: "小王"}) {
		t.Errorf("凤凤 or 小王 does not count for 王凤英")
	}
}
