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
