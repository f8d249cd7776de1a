package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestPinyinAtTheFlatIsOneBuyer: 郑凯华 orders on Pinduoduo through a privacy number, then
// from a shop as Zheng Kaihua, at the same building and room written from the lane. The
// reading of the whole name at the flat, with nothing apart, is the same buyer, as the
// characters would be; before, it scored 15.8 and stayed a "possibly".
func TestPinyinAtTheFlatIsOneBuyer(t *testing.T) {
	f := newFixture(t)
	f.orderBy("han", 0, pddBuyer("郑凯华", "16554114782#7350", "上海市宝山区宝山街道世茂滨江花园19号楼2603室"))
	f.orderBy("pinyin", 1, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Kaihua", FamilyName: "Zheng",
		Phone: "13106256337", Country: "CN",
		Place: &ontology.AddressPart{Street: "漕溪北路1371弄19号2603室", Locality: "宝山区", Postcode: "200429"}})
	if a, b := f.partyOf("han").PartyID, f.partyOf("pinyin").PartyID; a != b {
		t.Errorf("郑凯华 and Zheng Kaihua at one flat are parties %s and %s, want one", a, b)
	}
}

// TestPinyinAtTheFlatBridgesNoBrothers: 魏志瑋 and his brother 魏志偉 live at one flat,
// each ordering with his own phone; their names read alike (Wei Zhiwei). A shop's order
// from Zhiwei Wei without a phone at that flat reads as either: it may join one of
// them, never make the two brothers one party, whether it comes first, between or last.
func TestPinyinAtTheFlatBridgesNoBrothers(t *testing.T) {
	orders := map[string]ontology.PartyRef{
		"zhiwei-a": pddBuyer("魏志瑋", "13912345678", "上海市宝山区宝山街道世茂滨江花园19号楼2603室"),
		"zhiwei-b": pddBuyer("魏志偉", "15566993351", "上海市宝山区 世茂滨江花园19栋2603"),
		"pinyin": {Role: ontology.PartyCustomer, GivenName: "Zhiwei", FamilyName: "Wei", Email: "weizw@163.com", Country: "CN",
			Place: &ontology.AddressPart{Street: "漕溪北路1371弄19号2603室", Locality: "宝山区", Postcode: "200429"}},
	}
	for _, seq := range [][]string{{"zhiwei-a", "zhiwei-b", "pinyin"}, {"pinyin", "zhiwei-a", "zhiwei-b"}, {"zhiwei-a", "pinyin", "zhiwei-b"}} {
		f := newFixture(t)
		for i, id := range seq {
			f.orderBy(id, i, orders[id])
		}
		if a, b := f.partyOf("zhiwei-a").PartyID, f.partyOf("zhiwei-b").PartyID; a == b {
			t.Errorf("orders %v: the brothers 魏志瑋 and 魏志偉 are one party %s", seq, a)
		}
	}
}

// TestHomophoneWithASlipOfTheNumber: 张浩 orders, then 张昊 at the same flat with his
// number's two digits swapped: one buyer's two slips, not two people each with a phone
// of his own (writingsApart reads a number one digit from the other's as the same).
func TestHomophoneWithASlipOfTheNumber(t *testing.T) {
	f := newFixture(t)
	f.orderBy("hao", 0, pddBuyer("张浩", "13254308105", "山东省青岛市市北区崂山区青特花溪地19-2001"))
	f.orderBy("slip", 1, pddBuyer("张昊", "13253408105", "山东省青岛市崂山区香港中路2422号青特花溪地19栋2001室"))
	if a, b := f.partyOf("hao").PartyID, f.partyOf("slip").PartyID; a != b {
		t.Errorf("张浩 and 张昊 at one flat on one number with a slip are parties %s and %s, want one", a, b)
	}
}

// TestHomophoneAtTheFlatJoinsItsOwnWriting: the sisters 魏琳 and 魏林 live at one flat,
// each with her own phone. 魏琳 orders again through a privacy number: her writing at the
// flat scores her own party, and her sister's name read alike there scores as high; of
// two parties at one score the one known by the mention's own writing is taken, and
// the sisters stay two, whichever id sorts first (six tenants).
func TestHomophoneAtTheFlatJoinsItsOwnWriting(t *testing.T) {
	for i := range 6 {
		f := newFixture(t)
		f.orderBy("lin-a", 0, pddBuyer("魏琳", "15566993351", "河南省郑州市中原区 花园路2892号建业森林半岛34栋2205室"))
		f.orderBy("lin-b", 1, pddBuyer("魏林", "18191469740", "河南省郑州市中原区 建业森林半岛34号楼2205"))
		f.orderBy("relay", 2, pddBuyer("魏琳", "16258658098转1067", "河南省郑州市中原区建业森林半岛34栋2205"))
		a, b, r := f.partyOf("lin-a").PartyID, f.partyOf("lin-b").PartyID, f.partyOf("relay").PartyID
		if a == b {
			t.Fatalf("tenant %d: the sisters 魏琳 and 魏林 are one party %s", i, a)
		}
		if r != a {
			t.Errorf("tenant %d: 魏琳 through a privacy number is party %s, her sister 魏林's is %s, hers %s", i, r, b, a)
		}
	}
}
