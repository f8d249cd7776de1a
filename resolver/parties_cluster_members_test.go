package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestMaskedOrderMeetsTheMemberWithoutTheAccount: 陈阳健 orders from his Douyin account
// with his own phone, and on Pinduoduo from a second phone at the same flat, which
// joins his party by its description as a member of its own. His father 陈诚明 orders
// from his own Douyin account, once masked with the son's second phone (陈**,
// 139****2468). The masked order's blocks return the member holding that phone, not the
// one holding the son's account: only a batch that loads the son's whole party sees
// that it holds another account of the shop (accountsApart), and keeps the father's
// order apart from it.
func TestMaskedOrderMeetsTheMemberWithoutTheAccount(t *testing.T) {
	const home = "北京市北京市朝阳区望京街道阜通东大街505号招商一品2栋2单元601室"
	sonAccount := shopOrder{1, "douyin", wangjingHome("1@#SON", "陈阳健", "18028908647", home)}
	sonSecond := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈阳健", Phone: "13912342468", Address: home}}
	masked := shopOrder{0, "douyin", wangjingHome("1@#FATHER", "陈**", "139****2468", "北京市北京市朝阳区望京街道阜通东大街***")}
	father := shopOrder{0, "douyin", wangjingHome("1@#FATHER", "陈诚明", "15845498571", home)}
	for i, seq := range [][]shopOrder{
		{sonAccount, sonSecond, masked, father},
		{sonAccount, sonSecond, father, masked},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 | 1 1" {
			t.Errorf("order %d gave clusters %q, want the father's account apart from the son's", i, got)
		}
	}
}
