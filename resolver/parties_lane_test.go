package resolver_test

import "testing"

// TestShanghaiLaneBuildingIsTheFlat: 赵玉珍 at 沪太路829弄7号1202室 with one phone and at
// 沪太路829弄锦绣江南7号楼1202室 with another is one person with a second number: the
// 号 after the lane is the compound's building 7, so the flat is the same. 赵玉珍 of
// building 9 is a namesake in the next building.
func TestShanghaiLaneBuildingIsTheFlat(t *testing.T) {
	f := newFixture(t)
	f.orderBy("lane", 0, cnOrder("赵玉珍", "13822591590", "上海市闵行区沪太路829弄7号1202室"))
	f.orderBy("estate", 1, cnOrder("赵玉珍", "15096336861", "上海市闵行区沪太路829弄锦绣江南7号楼1202室"))
	if a, b := f.partyOf("lane").PartyID, f.partyOf("estate").PartyID; a != b {
		t.Errorf("赵玉珍 at 829弄7号1202室 is party %s, at 锦绣江南7号楼1202室 %s; want one", a, b)
	}
	f.orderBy("next", 2, cnOrder("赵玉珍", "18900112233", "上海市闵行区沪太路829弄锦绣江南9号楼1202室"))
	if a, b := f.partyOf("lane").PartyID, f.partyOf("next").PartyID; a == b {
		t.Errorf("赵玉珍 of building 9 joined building 7's party %s", a)
	}
}
