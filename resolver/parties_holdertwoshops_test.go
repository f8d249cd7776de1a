package resolver_test

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestHolderOfTwoShopsAfterAGiftFirst: 杨丽 orders from her account of shop 2 with her
// phone; her account of shop 1 is first seen on a parcel to 朱敏, then on two orders of
// her own with the same phone and flat; her shop 2 account also sends a parcel to 赵强.
// Once her two own orders make her the shop 1 account's holder, her phone naming the
// party of her shop 2 account is her other shop, not a customer of her own receiving a
// gift from herself: her own orders of both shops and the shop 1 parcel are one party
// in any arrival order (they were two: her shop 1 account's party, new, was known by no
// name yet). The parcel to 赵强 is the shop 2 account's only order besides her one own
// order there, so it may stay apart while that account's holder is in doubt; it is left
// out of the check.
func TestHolderOfTwoShopsAfterAGiftFirst(t *testing.T) {
	const home = "上海市上海市徐汇区田林街道漕溪北路614号华润城15-4-3103"
	type placed struct {
		o    shopOrder
		shop string
	}
	orders := map[string]placed{
		"own2":  {shopOrder{0, "douyin", wangjingHome("1@#YANGLI2", "杨丽", "18315310159", home)}, "shop2"},
		"gift1": {shopOrder{0, "douyin", wangjingHome("1@#YANGLI1", "朱敏", "18243980473", "上海市上海市浦东新区世纪大道860弄57号401室")}, "shop1"},
		"own1":  {shopOrder{0, "douyin", wangjingHome("1@#YANGLI1", "杨丽", "18315310159", home)}, "shop1"},
		"gift2": {shopOrder{0, "douyin", wangjingHome("1@#YANGLI2", "赵强", "13927637047", "广东省广州市天河区石牌街道花城大道1150号万科城市花园21栋3单元3003")}, "shop2"},
	}
	for _, arrival := range []string{
		"own2 gift1 own1 gift2 own1",
		"gift1 own1 own1 own2 gift2",
		"gift1 own2 own1 own1 gift2",
	} {
		var seq []shopOrder
		var shops []string
		for _, name := range strings.Fields(arrival) {
			seq, shops = append(seq, orders[name].o), append(shops, orders[name].shop)
		}
		f := newFixture(t)
		docs, people := deliverEach(t, f, seq, shops...)
		var hers []ontology.Document
		var her []mention
		for j, name := range strings.Fields(arrival) {
			if name != "gift2" {
				hers, her = append(hers, docs[j]), append(her, people[j])
			}
		}
		if got := partition(t, f, hers, her); got != "0 0 0 0" {
			t.Errorf("arrival %q gave clusters %q, want 杨丽's two accounts, her own orders and the shop 1 parcel one customer", arrival, got)
		}
	}
}
