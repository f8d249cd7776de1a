package resolver_test

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestGiftOrderJoinsNoTwoPeople: 李东 orders on Douyin from his account for himself, and
// once for his mother 王利, at her Wuhan flat with her phone; each also orders on
// Pinduoduo, where the receiver is all there is. The gift is his (his account placed
// it), and it must not join her party to his: her phone under his account is a parcel's
// receiver, not his number. His own orders still link across the two platforms by his
// phone. In several arrival orders, his own Douyin order before the gift (an account
// first seen on a gift names its receiver: see partygift.go). With one order of the
// account written to each, which of the two holds it is open (see holderInDoubt): the
// gift is then a party of its own, with neither; his second own order settles it, and
// the gift joins him whenever it came.
func TestGiftOrderJoinsNoTwoPeople(t *testing.T) {
	own, ownAgain, ownPdd, gift, mother, motherAgain := liDongAndHisMother()
	for i, seq := range [][]shopOrder{
		{mother, own, gift, ownPdd, motherAgain},
		{own, gift, mother, motherAgain, ownPdd},
		{own, mother, ownPdd, gift, motherAgain},
		{ownPdd, mother, own, motherAgain, gift},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 | 0 0 | 1 1" {
			t.Errorf("order %d gave clusters %q, want the gift apart from his mother, and from him while the account is in doubt", i, got)
		}
		f = newFixture(t)
		if got := deliverOrders(t, f, append(seq, ownAgain)); got != "0 0 0 0 | 1 1" {
			t.Errorf("order %d and his second own order gave clusters %q, want the gift with its buyer and his mother apart", i, got)
		}
	}
	f := newFixture(t)
	if got := deliverOrders(t, f, []shopOrder{gift, mother, own, ownPdd, motherAgain, ownAgain}); got != "0 0 0 0 | 1 1" {
		t.Errorf("the gift first gave clusters %q, want the gift with its buyer and his mother apart", got)
	}
}

// liDongAndHisMother are 李东's orders from his Douyin account (two for himself, one a
// gift to his mother 王利 at her Wuhan flat with her phone), his Pinduoduo order, and
// her two Pinduoduo orders.
func liDongAndHisMother() (own, ownAgain, ownPdd, gift, mother, motherAgain shopOrder) {
	const his = "浙江省杭州市西湖区西溪街道新华路417号紫荆公寓23栋4单元3303室"
	const hers = "湖北省武汉市江汉区民族路12号锦绣花园10栋1205室"
	own = shopOrder{0, "douyin", wangjingHome("1@#LIDONG", "李东", "14861135036", his)}
	ownAgain = shopOrder{0, "douyin", wangjingHome("1@#LIDONG", "李东", "14861135036", "浙江省杭州市西湖区新华路417号紫荆公寓23-4-3303")}
	ownPdd = shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李东", Phone: "14861135036", Address: his}}
	gift = shopOrder{0, "douyin", wangjingHome("1@#LIDONG", "王利", "13280811208", hers)}
	mother = shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王利", Phone: "13280811208", Address: hers}}
	motherAgain = shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王利", Phone: "13280811208", Address: "湖北省武汉市江汉区锦绣花园10-1205"}}
	return
}

// TestOwnOrderAfterAGiftFirstStaysApart: 郭晓东's Douyin account is first seen on a
// parcel to the office that his colleague 吴欣怡 takes, her name and her mobile on it;
// she orders on Pinduoduo herself. His own order follows from the account, with his
// mobile, which his Pinduoduo order carries too. Nothing on the first order tells it
// from her own, but the account's second order is written to another person: which
// of the two holds it is open, and his own orders must not be filed as her gifts to
// him (they were: he and she became one party through the account). The receiver's
// own orders stay hers, and his stay out of her party, in either arrival order.
func TestOwnOrderAfterAGiftFirstStaysApart(t *testing.T) {
	const office = "浙江省杭州市西湖区文三路477号华星科技大厦12楼"
	gift := shopOrder{0, "douyin", wangjingHome("1@#GUOXD", "吴欣怡", "18267147189", office)}
	hers := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "吴欣怡", Phone: "18267147189", Address: office}}
	own := shopOrder{0, "douyin", wangjingHome("1@#GUOXD", "郭晓东", "19905976491", "浙江省杭州市拱墅区湖墅南路88号信义坊3栋1102室")}
	hisPdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "郭晓东", Phone: "19905976491", Address: "浙江省杭州市拱墅区湖墅南路88号信义坊3栋1102室"}}
	for i, seq := range [][]shopOrder{{hers, gift, own, hisPdd}, {gift, hisPdd, hers, own}, {hisPdd, gift, own, hers}} {
		f := newFixture(t)
		got := deliverOrders(t, f, seq)
		for _, g := range strings.Split(got, " | ") {
			if strings.Contains(g, "1") && strings.Count(g, "0") > 1 {
				t.Errorf("order %d gave clusters %q: his own orders are in her party", i, got)
			}
		}
	}
}

// TestOwnOrderUnderAPetNameStillLinks: the receiver of an order from 李东's account
// written 小东 (his pet name) or 李先生 is no one else: the order is his, and its phone
// still links his Pinduoduo orders.
func TestOwnOrderUnderAPetNameStillLinks(t *testing.T) {
	const his = "浙江省杭州市西湖区西溪街道新华路417号紫荆公寓23栋4单元3303室"
	seq := []shopOrder{
		{0, "douyin", wangjingHome("1@#LIDONG", "李东", "14861135036", his)},
		{0, "douyin", wangjingHome("1@#LIDONG", "李先生", "13900001111", his)},
		{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李先生", Phone: "13900001111", Address: his}},
	}
	f := newFixture(t)
	if got := deliverOrders(t, f, seq); got != "0 0 0" {
		t.Errorf("got clusters %q, want one buyer", got)
	}
}

// TestFirstOrderOfAnAccountIsAGift: 李强's account is first seen on a parcel for 司林,
// at her flat with her phone; she orders from her own Douyin account. Her phone is hers,
// and her own account says she is a customer of the shop in her own right: the gift's
// account is someone else's, and his own orders that follow are his, not hers.
func TestFirstOrderOfAnAccountIsAGift(t *testing.T) {
	const hers = "广东省广州市番禺区市桥街道淮海大道31号阳光新村21幢906室"
	const his = "浙江省杭州市西湖区西溪街道新华路417号紫荆公寓23栋4单元3303室"
	siLin := shopOrder{1, "douyin", wangjingHome("1@#SILIN", "司林", "13280811208", hers)}
	siLinPdd := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "司林", Phone: "13280811208", Address: hers}}
	gift := shopOrder{0, "douyin", wangjingHome("1@#LIQIANG", "司林", "13280811208", "广东省广州市番禺区市桥街道淮海大道31号阳光新村21-3-906")}
	own := shopOrder{0, "douyin", wangjingHome("1@#LIQIANG", "李强", "", his)}
	ownPdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李强", Phone: "14861135036", Address: his}}
	ownAgain := shopOrder{0, "douyin", wangjingHome("1@#LIQIANG", "李强", "14861135036", his)}
	for i, seq := range [][]shopOrder{
		{siLin, gift, own, siLinPdd, ownPdd, ownAgain},
		{siLin, siLinPdd, gift, ownPdd, ownAgain, own},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 0 | 1 1" {
			t.Errorf("order %d gave clusters %q, want 李强's orders with his gift and 司林 apart", i, got)
		}
	}
}

// TestGiftFromAnAccountKnownByATitle: the buyer's own orders name her 赵女士, as Douyin
// buyers often write themselves; she sends a parcel to 李琳 at 李琳's flat with 李琳's
// phone. A title says nothing of which 赵 she is, but 李琳 is no 赵 at all: the parcel is
// a gift, and it joins neither 李琳's own orders to hers nor its receiver's phone to her
// account. Her own order in full, 赵萍, is still hers.
func TestGiftFromAnAccountKnownByATitle(t *testing.T) {
	const hers = "江苏省南京市鼓楼区宁海路街道松涛路449号紫荆新村28栋2单元502室"
	const liLin = "北京市北京市海淀区丰收街379号华润城15栋3单元1301室"
	own := shopOrder{0, "douyin", wangjingHome("1@#ZHAO", "赵女士", "18516487997", hers)}
	ownFull := shopOrder{0, "douyin", wangjingHome("1@#ZHAO", "赵萍", "18516487997", hers)}
	gift := shopOrder{0, "douyin", wangjingHome("1@#ZHAO", "李琳", "14603438094", liLin)}
	recipient := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李琳", Phone: "14603438094", Address: liLin}}
	for i, seq := range [][]shopOrder{
		{own, recipient, gift, ownFull},
		{recipient, own, ownFull, gift},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 | 1" {
			t.Errorf("order %d gave clusters %q, want the gift with 赵女士 and 李琳 apart", i, got)
		}
	}
}

// TestOneBuyerOfTwoShops: a Douyin open id is the buyer's in one shop, and a tenant
// with two Douyin shops sees each buyer under two. 张丽 orders from both, with her one
// phone, at her one flat, once as 张女士: one customer, in any arrival order. Before,
// her phone naming a party that held another Douyin account read as a gift's receiver,
// and her two shops' orders were two parties.
func TestOneBuyerOfTwoShops(t *testing.T) {
	const home = "上海市上海市徐汇区田林街道田林路587弄19号501室"
	first := shopOrder{0, "douyin", wangjingHome("1@#Z1SHOP1", "张丽", "13956524095", home)}
	second := shopOrder{0, "douyin", wangjingHome("1@#Z2SHOP2", "张丽", "13956524095", "上海市上海市徐汇区田林路587弄19号501室")}
	titled := shopOrder{0, "douyin", wangjingHome("1@#Z2SHOP2", "张女士", "13956524095", home)}
	for i, c := range []struct {
		seq   []shopOrder
		shops []string
	}{
		{[]shopOrder{first, second, titled}, []string{"shop1", "shop2", "shop2"}},
		{[]shopOrder{first, first, second}, []string{"shop1", "shop1", "shop2"}},
		{[]shopOrder{second, titled, first}, []string{"shop2", "shop2", "shop1"}},
	} {
		f := newFixture(t)
		docs, people := deliverEach(t, f, c.seq, c.shops...)
		if got := partition(t, f, docs, people); got != "0 0 0" {
			t.Errorf("order %d gave clusters %q, want one buyer of two shops", i, got)
		}
	}
}

// TestGiftToACustomerOfTheOtherShop: 赵小姐 orders from her account of shop 1 to her
// office with her phone, then sends a parcel there to her colleague 赵欣怡, with
// 赵欣怡's phone; 赵欣怡 orders from her own account of shop 2. The account's history
// never names 赵欣怡 whole: the parcel is a gift, and the two stay apart. 张丽, who
// orders from both shops with two phones, her second shop's account known by her name,
// is still one buyer.
func TestGiftToACustomerOfTheOtherShop(t *testing.T) {
	const office = "北京市北京市朝阳区东三环中路1736号科技大厦18层北京恒通贸易有限公司"
	const hers = "北京市北京市朝阳区酒仙桥街道望京街567号华润城9栋1单元704室"
	f := newFixture(t)
	docs, people := deliverEach(t, f, []shopOrder{
		{1, "douyin", wangjingHome("1@#XINYISHOP2", "赵欣怡", "19544828253", hers)},
		{0, "douyin", wangjingHome("1@#ZHAOSHOP1", "赵小姐", "17131945125", office)},
		{0, "douyin", wangjingHome("1@#ZHAOSHOP1", "赵欣怡", "19544828253", office)}, // the parcel
		{1, "douyin", wangjingHome("1@#XINYISHOP2", "赵欣怡", "19544828253", hers)},
	}, "shop2", "shop1", "shop1", "shop2")
	if got := partition(t, f, docs, people); got != "0 0 | 1 1" {
		t.Errorf("got clusters %q, want 赵小姐's account with her parcel and 赵欣怡 apart", got)
	}

	const home = "上海市上海市徐汇区田林街道田林路587弄19号501室"
	f = newFixture(t)
	docs, people = deliverEach(t, f, []shopOrder{
		{0, "douyin", wangjingHome("1@#Z1SHOP1", "张丽", "13956524095", home)},
		{0, "douyin", wangjingHome("1@#Z2SHOP2", "张丽", "18602116677", home)},
		{0, "douyin", wangjingHome("1@#Z2SHOP2", "张丽", "13956524095", home)},
	}, "shop1", "shop2", "shop2")
	if got := partition(t, f, docs, people); got != "0 0 0" {
		t.Errorf("got clusters %q, want 张丽's two shops' accounts and phones one buyer", got)
	}
}

// TestGiftBetweenNamesakesOfOneShop: 张伟 of Hangzhou sends a parcel to another 张伟, in
// Wuhan, with the Wuhan 张伟's phone; the Wuhan 张伟 orders from his own account of the
// same shop. One common name written whole agrees with both, so only the shop tells:
// its two accounts are two customers, and the parcel is the Hangzhou 张伟's. Before, the
// Wuhan party's account was never read for a mention its keys placed, and the two were
// one party. (A parcel to a namesake who has no account of the shop, seen before his own
// account, still joins him: nothing then tells him from the buyer at a second home.)
func TestGiftBetweenNamesakesOfOneShop(t *testing.T) {
	const wuhan = "湖北省武汉市江汉区民族路12号锦绣花园10栋1205室"
	own, parcel, namesake := shopOrder{0, "douyin", wangjingHome("1@#ZHANGWEIHZ", "张伟", "14861135036", "浙江省杭州市西湖区西溪街道新华路417号紫荆公寓23栋4单元3303室")},
		shopOrder{0, "douyin", wangjingHome("1@#ZHANGWEIHZ", "张伟", "13280811208", wuhan)},
		shopOrder{1, "douyin", wangjingHome("1@#ZHANGWEIWH", "张伟", "13280811208", wuhan)}
	for i, c := range []struct {
		seq  []shopOrder
		want string
	}{
		{[]shopOrder{own, namesake, parcel}, "0 0 | 1"},
		{[]shopOrder{namesake, own, parcel, own}, "0 0 0 | 1"},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, c.seq); got != c.want {
			t.Errorf("order %d gave clusters %q, want %q: the Hangzhou 张伟's orders with his parcel, the Wuhan 张伟 apart", i, got, c.want)
		}
	}
}
