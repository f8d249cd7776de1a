package resolver_test

import "testing"

// TestColleaguesOrderingToTheFrontDesk: 朱勇 and 罗娜 work at one office and each orders
// from her own Douyin account to its front desk (前台, the desk's landline), and each to
// her own home, 朱勇 from the tenant's first Douyin shop and 罗娜 from its second (an
// open id is per shop, so two shops' accounts may be one buyer's). Two buyers, in any
// arrival order: the desk's name and phone are the office's, which both share (see
// TestTwoShopsFirstOrdersToOneDesk for the case that merged them before).
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

// TestTwoShopsFirstOrdersToOneDesk: the first order of each of two accounts, one in
// each of the tenant's Douyin shops, goes to one office's front desk, written alike.
// Nothing but the desk links them: two customers.
func TestTwoShopsFirstOrdersToOneDesk(t *testing.T) {
	const office = "北京市北京市朝阳区望京街1711号环球中心6层"
	a := shopOrder{0, "douyin", wangjingHome("1@#ZHUYONG", "前台", "010-57528892", office)}
	b := shopOrder{1, "douyin", wangjingHome("1@#LUONA", "前台", "010-57528892", office)}
	f := newFixture(t)
	docs, people := deliverEach(t, f, []shopOrder{a, b}, "dy-shop-1", "dy-shop-2")
	if got := partition(t, f, docs, people); got != "0 | 1" {
		t.Errorf("two accounts' orders to one desk gave clusters %q, want two customers", got)
	}
}
