package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// wangjingHome is a member of the 陈 household of 招商一品2栋2单元601, Beijing, as a
// Douyin order writes them: the buyer's doudian_open_id, and the receiver decrypted or
// left as the platform's masks.
func wangjingHome(account, name, phone, address string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: account, Name: name, Phone: phone, Address: address}
}

// TestMaskedOrderWithARelativesNumber: 陈诚明 orders from his Douyin account with his
// own phone, and once, masked, with his son's number (陈**, 180****8647); the son 陈阳健
// orders from his own account with that number. The mask's seven digits fit the son,
// but the masked order is the father's account's: two accounts of one shop are two
// customers, and the digits must not join the son to the father. The masked order
// first, then the son's, then the father's plain ones (which the account files with
// the masked one), and in other orders.
func TestMaskedOrderWithARelativesNumber(t *testing.T) {
	const home = "北京市北京市朝阳区望京街道阜通东大街505号招商一品2栋2单元601室"
	masked := mention{0, wangjingHome("1@#FATHER", "陈**", "180****8647", "北京市北京市朝阳区望京街道阜通东大街***")}
	son := []mention{{1, wangjingHome("1@#SON", "陈阳健", "18028908647", "北京市北京市朝阳区望京街道招商一品2幢601室")},
		{1, wangjingHome("1@#SON", "陈阳健", "18028908647", home)}}
	father := []mention{{0, wangjingHome("1@#FATHER", "陈诚明", "15845498571", home)},
		{0, wangjingHome("1@#FATHER", "陈诚明", "15845498571", "北京市北京市朝阳区望京街道招商一品2-2-601")}}
	for i, order := range [][]mention{
		{masked, son[0], son[1], father[0], father[1]},
		{son[0], masked, father[0], son[1], father[1]},
		{father[0], son[0], masked, son[1], father[1]},
	} {
		f := newFixture(t)
		docs := deliver(f, "douyin", order, func(int) int { return 1 })
		if got := partition(t, f, docs, order); got != "0 0 0 | 1 1" {
			t.Errorf("order %d gave clusters %q, want the father's account apart from the son's", i, got)
		}
	}
}

// biguiYipin is a customer of 碧桂一品, 益州大道239号, Chengdu, as a storefront writes
// them.
func biguiYipin(given, family, phone, email, where string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", GivenName: given, FamilyName: family, Name: given + " " + family,
		Phone: phone, Email: email, Address: "益州大道239号碧桂一品" + where + "  成都市"}
}

// TestParcelPointOfANamesakeWithOwnContacts: two 李军 live in 碧桂一品, one at 8栋402
// and one at 1栋203, each with his own phone and mailbox. The second also has his
// parcels left at the compound's locker, from his own phone and mailbox: the name and
// the road fit both, the contacts only him, and the locker order must not join the
// two namesakes.
func TestParcelPointOfANamesakeWithOwnContacts(t *testing.T) {
	first := []mention{{0, biguiYipin("Jun", "Li", "18487969557", "junli19@hotmail.com", "8栋402室")},
		{0, biguiYipin("军", "李", "18487969557", "junli19@hotmail.com", "8号楼402")}}
	second := []mention{{1, biguiYipin("军", "李", "17033903978", "1640642227@qq.com", "1栋203室")},
		{1, biguiYipin("JUN", "LI", "17033903978", "1640642227@qq.com", "门口快递柜")}}
	for i, order := range [][]mention{
		{first[0], second[0], second[1], first[1]},
		{first[0], first[1], second[0], second[1]},
		{second[0], first[0], second[1], first[1]},
	} {
		f := newFixture(t)
		docs := deliver(f, "shopify", order, func(int) int { return 1 })
		if got := partition(t, f, docs, order); got != "0 0 | 1 1" {
			t.Errorf("order %d gave clusters %q, want the namesakes apart", i, got)
		}
	}
}
