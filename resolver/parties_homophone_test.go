package resolver_test

import "testing"

// TestHomophoneAtTheFlatIsOnePerson: 梁树林 orders with his own phone; a Pinduoduo
// order to 梁树临 (林 and 临 both lin: the input method's slip) at the same road,
// number, compound and building, the flat left out, carries a privacy number, which
// says nothing. They are one person.
// 魏林 and 魏琳 at one flat, each with a phone of their own, are a brother and a sister
// named alike: they stay two.
func TestHomophoneAtTheFlatIsOnePerson(t *testing.T) {
	f := newFixture(t)
	at := cnOrder
	f.orderBy("own", 0, at("梁树林", "15740700017", "江苏省苏州市姑苏区长江路2504号独墅湾12栋4单元601室"))
	f.orderBy("slip", 1, at("梁树临", "16787580524-6475", "江苏省苏州市姑苏区长江路2504号独墅湾12栋"))
	if a, b := f.partyOf("own").PartyID, f.partyOf("slip").PartyID; a != b {
		t.Errorf("梁树临 at his flat with a privacy number is party %s, 梁树林 %s; want one", b, a)
	}
	f.orderBy("brother", 2, at("魏林", "18191469740", "河南省郑州市中原区花园路2892号建业森林半岛34栋2205室"))
	f.orderBy("sister", 3, at("魏琳", "15566993351", "河南省郑州市中原区花园路2892号建业森林半岛34号楼2205"))
	if a, b := f.partyOf("brother").PartyID, f.partyOf("sister").PartyID; a == b {
		t.Errorf("魏林 and 魏琳, each with a phone, joined in party %s", a)
	}
}
