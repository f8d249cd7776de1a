package resolver_test

import (
	"testing"

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
