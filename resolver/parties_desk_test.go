package resolver_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestColleaguesOrderingToTheFrontDesk: 朱勇 and 罗娜 work at one office and each orders
// from her own Douyin account to its front desk (前台, the desk's landline), and each to
// her own home, 朱勇 from the tenant's first Douyin shop and 罗娜 from its second (an
// open id is per shop, so two shops' accounts may be one buyer's). Two buyers, in any
// arrival order: the desk's name, landline and address are the office's, which both
// share, and file neither.
func TestColleaguesOrderingToTheFrontDesk(t *testing.T) {
	const office = "北京市北京市朝阳区望京街1711号环球中心6层"
	zhuDesk := shopOrder{0, "douyin", wangjingHome("1@#ZHUYONG", "前台", "010-57528892", office)}
	zhuHome := shopOrder{0, "douyin", wangjingHome("1@#ZHUYONG", "朱勇", "18240029757", "北京市北京市朝阳区金地名郡13栋5单元3003")}
	luoDesk := shopOrder{1, "douyin", wangjingHome("1@#LUONA", "公司前台", "010-57528892", "北京市北京市朝阳区望京街道望京街1711号环球中心6楼616")}
	luoHome := shopOrder{1, "douyin", wangjingHome("1@#LUONA", "罗娜", "13582859665", "北京市北京市朝阳区龙湖天街24栋4单元1501室")}
	for i, seq := range [][]shopOrder{
		{zhuDesk, luoDesk, zhuHome, luoHome},
		{zhuHome, luoHome, zhuDesk, luoDesk},
		{luoDesk, zhuHome, zhuDesk, luoHome},
	} {
		var shops []string
		for _, o := range seq {
			shops = append(shops, []string{"dy-shop-1", "dy-shop-2"}[o.person])
		}
		f := newFixture(t)
		docs, people := deliverEach(t, f, seq, shops...)
		if got := partition(t, f, docs, people); got != "0 0 | 1 1" {
			t.Errorf("arrival order %d gave clusters %q, want each buyer with her own desk order", i, got)
		}
	}
}

// TestDeskOrderWithoutAccountJoinsNoColleague: a Pinduoduo order (no account) to the
// office's front desk with the desk's landline, and a colleague's own order to the same
// office under her name. Nothing of the desk order is a buyer's: it must not join her on
// the office's address (what a first attempt at desks did, and was reverted for).
func TestDeskOrderWithoutAccountJoinsNoColleague(t *testing.T) {
	const office = "上海市上海市徐汇区虹桥路505号中心广场25楼2513"
	desk := mention{0, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "前台", Phone: "021-54303090", Address: office}}
	colleague := mention{1, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "杨勇", Phone: "18960410267", Address: office}}
	again := mention{1, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "杨勇", Phone: "18960410267", Address: "上海市上海市徐汇区虹桥路505号中心广场25楼2513室"}}
	for i, order := range [][]mention{{desk, colleague, again}, {colleague, desk, again}, {colleague, again, desk}} {
		f := newFixture(t)
		docs := deliver(f, "pinduoduo", order, func(int) int { return 1 })
		if got := partition(t, f, docs, order); got != "0 | 1 1" {
			t.Errorf("arrival order %d gave clusters %q, want the desk order alone", i, got)
		}
	}
}

// TestDeskOrderOnTheBuyersMobile: 周杰's first Douyin order goes to his office's front
// desk (前台) with his own mobile; he orders on Pinduoduo under his name with that mobile,
// and on WooCommerce. The desk names no one, so it does not contradict him: one buyer,
// in any arrival order. His note beside his name on another order (周杰（前台代收）) is no
// part of his name either.
func TestDeskOrderOnTheBuyersMobile(t *testing.T) {
	const office = "北京市北京市海淀区海淀大街182号国际金融中心29楼2920"
	desk := shopOrder{0, "douyin", wangjingHome("1@#ZHOUJIE", "前台", "19006412285", office)}
	pdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "周杰", Phone: "19006412285",
		Address: "北京市北京市海淀区知春路982号龙湖天街20栋1单元1602室"}}
	noted := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "周杰（前台代收）", Phone: "19006412285", Address: office}}
	for i, seq := range [][]shopOrder{{desk, pdd, noted}, {pdd, desk, noted}, {noted, desk, pdd}} {
		f := newFixture(t)
		docs, people := deliverEach(t, f, seq)
		if got := partition(t, f, docs, people); got != "0 0 0" {
			t.Errorf("arrival order %d gave clusters %q, want one buyer", i, got)
		}
	}
}

// TestDeskOrderFollowsItsAccount: 赵娟's Douyin account is first seen on a gift to 赵家豪;
// then come her own orders to her office, written 赵娟（前台代收）, and one to its desk
// alone (前台收) with her mobile. The desk order names no one and votes for no holder,
// but it is the account's: when her second order moves the account from its first
// receiver to her, the desk order moves with it, whether it came before or after and
// in one batch or one at a time.
func TestDeskOrderFollowsItsAccount(t *testing.T) {
	const office = "四川省成都市武侯区人民南路9号环球中心24楼2408成都星辰网络科技有限公司 前台"
	gift := shopOrder{0, "douyin", wangjingHome("1@#ZHAOJUAN", "赵家豪", "18151321276", "北京市北京市海淀区海淀街道东方明珠花园15栋4单元103室")}
	own := shopOrder{0, "douyin", wangjingHome("1@#ZHAOJUAN", "赵娟（前台代收）", "18503953479", office)}
	desk := shopOrder{0, "douyin", wangjingHome("1@#ZHAOJUAN", "前台收", "18503953479", "四川省成都市武侯区人民南路9号环球中心24楼2408")}
	for i, seq := range [][]shopOrder{{gift, own, desk, own}, {gift, desk, own, own}} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 0" {
			t.Errorf("one at a time, order %d gave clusters %q, want 赵娟's account whole", i, got)
		}
	}
	// In one batch, which resolves its documents by id: her first order, the desk's,
	// then her second, the one that moves the account.
	f := newFixture(t)
	first := f.doc("douyin", "order", "o0", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	first.Parties = []ontology.PartyRef{gift.ref}
	f.save(first)
	f.process()
	var docs []ontology.Document
	for k, o := range []shopOrder{own, desk, own} {
		d := f.doc(o.system, "order", fmt.Sprintf("o1-%d", k), ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(k+1)*time.Hour), "online", nil, line("A", 1))
		d.Parties = []ontology.PartyRef{o.ref}
		docs = append(docs, d)
	}
	f.save(docs...)
	for n := 0; f.process().Documents > 0; n++ {
		if n > 10 {
			t.Fatal("the queue does not empty")
		}
	}
	people := []mention{{0, gift.ref}, {0, own.ref}, {0, desk.ref}, {0, own.ref}}
	if got := partition(t, f, append([]ontology.Document{first}, docs...), people); got != "0 0 0 0" {
		t.Errorf("in one batch gave clusters %q, want 赵娟's account whole", got)
	}
}
