package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestDeskAccountsGiftToAColleague: 郭晓东's Douyin account sends his office parcels to
// its front desk (上海远航物流有限公司前台, the desk's landline), then one to his colleague
// 吴欣怡 at the office, with her name and mobile. She orders on Pinduoduo under that name
// and mobile to her home. The account's party names no one, so nothing contradicted her
// name, and the gift's mention, with his account and her mobile, made one customer of
// his desk orders and her own orders. Two people, in every arrival order where a desk
// order comes before the gift (an account whose first order is the gift is its
// receiver's until its orders say otherwise: see TestGiftOrderJoinsNoTwoPeople).
func TestDeskAccountsGiftToAColleague(t *testing.T) {
	const office = "上海市上海市浦东新区塘桥街道祖冲之路500号中心广场34楼3406"
	desk := shopOrder{0, "douyin", wangjingHome("1@#GUOXD", "上海远航物流有限公司前台", "021-66092865", office)}
	desk2 := shopOrder{0, "douyin", wangjingHome("1@#GUOXD", "前台", "021-66092865", office+"室")}
	gift := shopOrder{0, "douyin", wangjingHome("1@#GUOXD", "吴欣怡", "18267147189", office+"上海远航物流有限公司")}
	home := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "吴欣怡", Phone: "18267147189",
		Address: "上海市上海市浦东新区东方明珠花园21栋2单元3303室"}}
	home2 := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "吴欣怡", Phone: "18267147189",
		Address: "上海市上海市浦东新区东方明珠花园21-2-3303"}}
	// The batch (a window of an import) is resolved by id: the desk order first.
	clustersInOrdersAndBatch(t, [][]shopOrder{
		{home, desk, gift, home2, desk2},
		{desk, gift, home, home2, desk2},
		{desk, desk2, home, gift, home2},
		{home, home2, desk, desk2, gift},
	}, []shopOrder{desk, home, gift, home2, desk2}, "0 0 0 | 1 1", "his desk orders and gift apart from her own orders")
}

// clustersInOrdersAndBatch checks the clusters of each arrival order
// (clustersInEveryOrder) and of batch saved and resolved at once (clustersInOneBatch).
func clustersInOrdersAndBatch(t *testing.T, orders [][]shopOrder, batch []shopOrder, want, what string) {
	t.Helper()
	clustersInEveryOrder(t, orders, want, what)
	if got := clustersInOneBatch(t, batch); got != want {
		t.Errorf("in one batch gave clusters %q, want %s", got, what)
	}
}

// clustersInOneBatch saves the orders at once, resolves until the queue is empty, and
// returns the clusters they make (partition).
func clustersInOneBatch(t *testing.T, seq []shopOrder) string {
	t.Helper()
	f := newFixture(t)
	var docs []ontology.Document
	var people []mention
	for j, o := range seq {
		docs, people = append(docs, o.doc(f, j, "online")), append(people, mention{o.person, o.ref})
	}
	f.save(docs...)
	for n := 0; f.process().Documents > 0; n++ {
		if n > 10 {
			t.Fatal("the queue does not empty")
		}
	}
	return partition(t, f, docs, people)
}

// TestDeskAccountsOwnOrders: 周杰's Douyin account sends to his office's desk, then twice
// to himself at home with his mobile, which his Pinduoduo orders give too. His first
// order under his name is no evidence yet (it may as well be a parcel for someone else);
// the second makes the name the account's, and all his orders one customer, in any
// arrival order.
func TestDeskAccountsOwnOrders(t *testing.T) {
	const office = "北京市北京市海淀区海淀大街182号国际金融中心29楼2920"
	const home = "北京市北京市海淀区知春路982号龙湖天街20栋1单元1602室"
	desk := shopOrder{0, "douyin", wangjingHome("1@#ZHOUJ", "前台", "010-53939892", office)}
	own := shopOrder{0, "douyin", wangjingHome("1@#ZHOUJ", "周杰", "19006412285", home)}
	pdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "周杰", Phone: "19006412285", Address: home}}
	clustersInEveryOrder(t, [][]shopOrder{
		{desk, own, own, pdd},
		{pdd, desk, own, own},
		{desk, pdd, own, own},
		{own, desk, pdd, own},
	}, "0 0 0 0", "one buyer")
}

// TestDeskOrderOnAMobileThenATitle: 杨勇's Douyin account sends to his office's desk
// (前台收) with his second mobile, then to 杨先生 with his first, which his Pinduoduo
// orders give under his name. The desk order's mobile is the buyer's own: the account is
// someone's, not a party known only by a desk, and its receiver joins his orders as any
// account's does, in any arrival order and batch (the mobile is kept with the account's
// orders across batches).
func TestDeskOrderOnAMobileThenATitle(t *testing.T) {
	const office = "浙江省杭州市西湖区文三路259号昌地火炬大厦12楼1203"
	const home = "浙江省杭州市西湖区古荡街道紫荆公寓6栋2单元501室"
	desk := shopOrder{0, "douyin", wangjingHome("1@#YANGYONG", "前台收", "19594684146", office)}
	title := shopOrder{0, "douyin", wangjingHome("1@#YANGYONG", "杨先生", "18960410267", office)}
	pdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "杨勇", Phone: "18960410267", Address: home}}
	clustersInEveryOrder(t, [][]shopOrder{
		{desk, title, pdd, pdd},
		{pdd, desk, title, pdd},
		{desk, pdd, title, pdd},
	}, "0 0 0 0", "one buyer")
}

// TestDeskAccountsOrderAtHome: 彭伟's account sends to his office's desk (its landline),
// then once to himself at home with his mobile, which his Pinduoduo orders give. The
// order goes elsewhere than the office: read as any account's first named order, his
// own, and all his orders are one customer at once, in any arrival order.
func TestDeskAccountsOrderAtHome(t *testing.T) {
	const office = "上海市上海市浦东新区塘桥街道东方路49号创新大厦23楼2301"
	const home = "上海市上海市浦东新区花木街道祖冲之路838弄57号301室"
	desk := shopOrder{0, "douyin", wangjingHome("1@#PENGWEI", "前台", "021-58909498", office)}
	own := shopOrder{0, "douyin", wangjingHome("1@#PENGWEI", "彭伟", "17012720297", home)}
	pdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "彭伟", Phone: "17012720297", Address: home}}
	clustersInEveryOrder(t, [][]shopOrder{
		{desk, own, pdd},
		{pdd, desk, own},
		{desk, pdd, own},
	}, "0 0 0", "one buyer")
}

// TestDeskAccountsGiftAfterTheBuyersMobile: 韩东's Douyin account sends to his office's
// desk with its landline, once to himself at home with his mobile, then to the desk
// again with that mobile; then a parcel to his colleague 宋佳 at the office, with her
// name and mobile, which her own Pinduoduo orders give at her home. The desk orders on
// his mobile make the account someone's, but whose is written on the order to his home:
// 宋佳 is not that name, so her parcel is his account's gift, and the two stay two
// customers (held-out review35 zh 100: 35 false pairs of one such office).
func TestDeskAccountsGiftAfterTheBuyersMobile(t *testing.T) {
	const office = "北京市北京市朝阳区望京街道阜通东大街6号方恒国际中心12楼1205"
	const hisHome = "北京市北京市朝阳区建外街道金地名郡13栋5单元3003"
	desk := shopOrder{0, "douyin", wangjingHome("1@#HANDONG", "北京云帆科技有限公司前台", "010-64728831", office)}
	own := shopOrder{0, "douyin", wangjingHome("1@#HANDONG", "韩东", "18240027713", hisHome)}
	deskMobile := shopOrder{0, "douyin", wangjingHome("1@#HANDONG", "前台", "18240027713", office)}
	gift := shopOrder{0, "douyin", wangjingHome("1@#HANDONG", "宋佳", "13582851172", office)}
	herHome := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "宋佳", Phone: "13582851172",
		Address: "北京市北京市朝阳区望京街道望京西园三区311号楼2单元602"}}
	clustersInOrdersAndBatch(t, [][]shopOrder{
		{desk, own, deskMobile, gift, herHome},
		{herHome, desk, own, deskMobile, gift},
		{desk, herHome, own, deskMobile, gift},
	}, []shopOrder{desk, own, deskMobile, gift, herHome}, "0 0 0 0 | 1", "his orders and his parcel for her apart from her own order")
}
