package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestLaneBuilding: 沪太路829弄7号1202室 and 沪太路829弄锦绣江南7号楼1202室 are one flat,
// building 7 of the lane's compound: the 号 after a Shanghai lane is the building,
// not a number the other address lacks. Another building, or another flat, stays
// another home.
func TestLaneBuilding(t *testing.T) {
	checkDetails(t, []detailCase{
		{"上海市闵行区沪太路829弄7号1202室", "上海市闵行区沪太路829弄锦绣江南7号楼1202室", compare.Dwelling},
		{"上海市闵行区浦东南路228弄8号805", "上海市闵行区浦东南路228弄鞍山新村北区8-805", compare.Dwelling},
		{"上海市宝山区漕溪北路1371弄19号2603室", "上海市宝山区世茂滨江花园19号楼2603室", compare.Dwelling},
		{"上海市闵行区沪太路829弄7号1202室", "上海市闵行区沪太路829弄锦绣江南9号楼1202室", compare.OtherHome},
		{"上海市闵行区沪太路829弄7号1202室", "上海市闵行区沪太路829弄锦绣江南7号楼1502室", compare.OtherHome},
	})
}

// detailCase is two Chinese addresses and the level their details should compare at.
type detailCase struct {
	a, b string
	want compare.Kind
}

// checkDetails compares each case's two addresses under one buyer's name and reports
// every detail compared at another level than the case wants.
func checkDetails(t *testing.T, cases []detailCase) {
	t.Helper()
	at := func(addr string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "赵玉珍", Country: "CN", Address: addr})
	}
	for _, c := range cases {
		if got := CompareParties(at(c.a), at(c.b))[fieldDetail]; got.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}
