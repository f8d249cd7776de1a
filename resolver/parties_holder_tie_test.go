package resolver_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestTiedAccountGoesToTheCustomerElsewhere: 李秀英's Douyin account is first seen on a
// gift to 王强 (his flat and phone; he is no customer of the tenant), then on her own
// order with her own phone, which her Pinduoduo orders give under her name. One order
// each: a tie, which kept the account with its first receiver, and her own order was
// read as a gift of his account, apart from her Pinduoduo orders. She is a customer in
// her own right and he is not: the account is hers, the gift with it.
func TestTiedAccountGoesToTheCustomerElsewhere(t *testing.T) {
	const hers = "北京市北京市朝阳区建外街道酒仙桥路626号龙湖天街19座5单元202"
	gift := shopOrder{0, "douyin", wangjingHome("1@#LIXIUYING", "王强", "19429400718", "北京市北京市海淀区中关村大街1069号万科城市花园17栋1单元1804室")}
	own := shopOrder{0, "douyin", wangjingHome("1@#LIXIUYING", "李秀英", "17890635927", hers)}
	pdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李秀英", Phone: "17890635927", Address: "北京市北京市朝阳区朝阳区龙湖天街19栋5单元202室"}}
	for i, seq := range [][]shopOrder{{gift, pdd, own}, {pdd, gift, own}} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0" {
			t.Errorf("order %d gave clusters %q, want 李秀英's account with its gift and her Pinduoduo order", i, got)
		}
	}
}

// TestTiedAccountStaysWithAFounderKnownElsewhere: 王强 orders on Pinduoduo, then from his
// Douyin account to himself on the same phone, then sends a gift from it to 李秀英, who
// orders on Pinduoduo herself. A tie again, but the founder is a customer elsewhere too:
// nothing tells the two apart, and the account stays his, the gift with him.
func TestTiedAccountStaysWithAFounderKnownElsewhere(t *testing.T) {
	const his = "北京市北京市海淀区中关村大街1069号万科城市花园17栋1单元1804室"
	hisPdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王强", Phone: "19429400718", Address: his}}
	own := shopOrder{0, "douyin", wangjingHome("1@#WANGQIANG", "王强", "19429400718", his)}
	hersPdd := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李秀英", Phone: "17890635927", Address: "北京市北京市朝阳区龙湖天街19栋5单元202室"}}
	gift := shopOrder{0, "douyin", wangjingHome("1@#WANGQIANG", "李秀英", "17890635927", "北京市北京市朝阳区建外街道酒仙桥路626号龙湖天街19座5单元202")}
	for i, seq := range [][]shopOrder{{hisPdd, own, hersPdd, gift}, {hersPdd, hisPdd, own, gift}} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 | 1" {
			t.Errorf("order %d gave clusters %q, want 王强's account with his gift and 李秀英 apart", i, got)
		}
	}
}

// TestAccountMovedTwiceInOneBatch: 杨娜's account is first seen on a gift to 高平; then
// one batch brings a gift to her husband 刘勇 (who orders on WooCommerce on the same
// phone, a customer of the tenant) and her own two orders. Read first, the gift ties
// with 高平's and moves the account to 刘勇, a customer elsewhere; her own two orders then
// outvote both and move it to her. Both moves were written in one statement, and the
// first stuck: her account and its orders stayed with 刘勇's own. The last move is the
// account's, and he stays apart.
func TestAccountMovedTwiceInOneBatch(t *testing.T) {
	const home = "上海市上海市徐汇区虹桥路462弄13号504室"
	first := shopOrder{0, "douyin", wangjingHome("1@#YANGNA", "高平", "13962506801", "北京市北京市朝阳区望京街1369号东方明珠花园23栋6单元1203室")}
	his := shopOrder{1, "woocommerce", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "77", Name: "YONG LIU", Phone: "+86 17734422793",
		Address: "Room 504, No. 13, Lane 462, Hongqiao Rd, Xuhui District, 200030, Shanghai"}}
	gift := shopOrder{0, "douyin", wangjingHome("1@#YANGNA", "刘勇", "17734422793", home)}
	own1 := shopOrder{0, "douyin", wangjingHome("1@#YANGNA", "杨娜", "13033195683", "上海市上海市徐汇区田林街道虹桥路462弄13号504")}
	own2 := shopOrder{0, "douyin", wangjingHome("1@#YANGNA", "杨娜", "13033195683", home)}
	f := newFixture(t)
	var docs []ontology.Document
	var people []mention
	for j, batch := range [][]shopOrder{{first}, {his}, {gift, own1, own2}} {
		var ds []ontology.Document
		for k, o := range batch {
			// Ids in the order given: a batch resolves its documents by id.
			d := f.doc(o.system, "order", fmt.Sprintf("o%d-%d", j, k), ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(j*10+k)*time.Hour), "online", nil, line("A", 1))
			d.Parties = []ontology.PartyRef{o.ref}
			ds, people = append(ds, d), append(people, mention{o.person, o.ref})
		}
		f.save(ds...)
		for n := 0; f.process().Documents > 0; n++ {
			if n > 10 {
				t.Fatalf("batch %d: the queue does not empty", j)
			}
		}
		docs = append(docs, ds...)
	}
	if got := partition(t, f, docs, people); got != "0 0 0 0 | 1" {
		t.Errorf("gave clusters %q, want 杨娜's account with both gifts and 刘勇 apart", got)
	}
}
