package resolver_test

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// liQiangGiftFirst is 李强's Douyin account, first seen on a parcel for 司林 at her flat
// with her phone (she has no Douyin account, but orders on Pinduoduo), then on his own
// orders, and his own Pinduoduo order.
func liQiangGiftFirst() (gift, own1, own2, hersPdd, hisPdd shopOrder) {
	const hers = "广东省广州市番禺区市桥街道淮海大道31号阳光新村21幢906室"
	const his = "浙江省杭州市西湖区西溪街道新华路417号紫荆公寓23栋4单元3303室"
	gift = shopOrder{0, "douyin", wangjingHome("1@#LIQIANG", "司林", "13280811208", hers)}
	own1 = shopOrder{0, "douyin", wangjingHome("1@#LIQIANG", "李强", "14861135036", his)}
	own2 = shopOrder{0, "douyin", wangjingHome("1@#LIQIANG", "李强", "14861135036", "浙江省杭州市西湖区新华路417号紫荆公寓23-4-3303")}
	hersPdd = shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "司林", Phone: "13280811208", Address: hers}}
	hisPdd = shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李强", Phone: "14861135036", Address: his}}
	return
}

// TestAccountFirstSeenOnAGiftFollowsItsHolder: an account's key named the party of its
// first order, a gift to 司林, and 李强's own orders that followed were read as his
// gifts to her: his account, his orders and her own Pinduoduo order were one party.
// Two of the account's orders written to 李强 against one to 司林 make him its holder:
// the gift is his, and 司林's own order stays hers, in any arrival order.
func TestAccountFirstSeenOnAGiftFollowsItsHolder(t *testing.T) {
	gift, own1, own2, hersPdd, hisPdd := liQiangGiftFirst()
	for i, seq := range [][]shopOrder{
		{gift, own1, own2, hersPdd, hisPdd},
		{hersPdd, gift, own1, own2, hisPdd},
		{gift, hersPdd, own1, hisPdd, own2},
		{hisPdd, gift, hersPdd, own1, own2},
		{own1, gift, hersPdd, own2, hisPdd},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 0 | 1" {
			t.Errorf("order %d gave clusters %q, want 李强's account with his gift and 司林 apart", i, got)
		}
	}
}

// TestAccountHolderInOneBatch: the same orders arriving in one batch, the gift first.
func TestAccountHolderInOneBatch(t *testing.T) {
	gift, own1, own2, hersPdd, hisPdd := liQiangGiftFirst()
	seq := []shopOrder{gift, hersPdd, own1, own2, hisPdd}
	f := newFixture(t)
	var docs []ontology.Document
	var people []mention
	for j, o := range seq {
		d := o.doc(f, j, "online")
		docs, people = append(docs, d), append(people, mention{o.person, o.ref})
	}
	f.save(docs...)
	for n := 0; f.process().Documents > 0; n++ {
		if n > 10 {
			t.Fatal("the queue does not empty")
		}
	}
	if got := partition(t, f, docs, people); got != "0 0 0 0 | 1" {
		t.Errorf("got clusters %q, want 李强's account with his gift and 司林 apart", got)
	}
}

// TestAccountHolderKeepsIdsAndDecisions: 司林's Pinduoduo order founds her party before
// 李强's account sends her a parcel, and a person says her party is not his Pinduoduo
// one. When the account's own orders show its holder, her party keeps its id, her
// orders stay in it, the person's decision stands, and the gift is related to her as
// one placed from another's account.
func TestAccountHolderKeepsIdsAndDecisions(t *testing.T) {
	gift, own1, own2, hersPdd, hisPdd := liQiangGiftFirst()
	f := newFixture(t)
	docs, _ := deliverEach(t, f, []shopOrder{hersPdd, hisPdd, gift, own1})
	partyOf := func(d ontology.Document) ontology.DocKey { return d.Key }
	before, err := f.store.DocumentParties(f.ctx, partyOf(docs[0]))
	if err != nil || len(before) != 1 {
		t.Fatalf("parties of her order: %+v %v", before, err)
	}
	his, err := f.store.DocumentParties(f.ctx, partyOf(docs[1]))
	if err != nil || len(his) != 1 {
		t.Fatalf("parties of his order: %+v %v", his, err)
	}
	if _, err := f.m.RejectParties(f.ctx, f.tenant, before[0].PartyID, his[0].PartyID, "ops@example.com"); err != nil {
		t.Fatal(err)
	}
	d := f.doc(own2.system, "order", "own2", ontology.RoleOrder, ontology.VerbPaid, t0.Add(5*time.Hour), "online", nil, line("A", 1))
	d.Parties = []ontology.PartyRef{own2.ref}
	f.save(d)
	for f.process().Documents > 0 {
	}
	docs = append(docs, d)
	after, err := f.store.DocumentParties(f.ctx, partyOf(docs[0]))
	if err != nil || len(after) != 1 || after[0].PartyID != before[0].PartyID {
		t.Fatalf("her order's party %+v after the account found its holder, want %s as before (%v)", after, before[0].PartyID, err)
	}
	g, err := f.store.DocumentParties(f.ctx, partyOf(docs[2]))
	if err != nil || len(g) != 1 || g[0].PartyID == after[0].PartyID {
		t.Fatalf("the gift's party %+v, want another than hers (%v)", g, err)
	}
	related := false
	for _, r := range g[0].Related {
		related = related || r == after[0].PartyID
	}
	if !related {
		t.Errorf("the gift's party is related to %v, want her party %s among them", g[0].Related, after[0].PartyID)
	}
	for _, i := range []int{1, 3, 4} {
		p, err := f.store.DocumentParties(f.ctx, partyOf(docs[i]))
		if err != nil || len(p) != 1 || p[0].PartyID != g[0].PartyID {
			t.Errorf("order %d's party %+v, want the gift's %s: all are 李强's (%v)", i, p, g[0].PartyID, err)
		}
	}
	ds, err := f.store.PartyDecisions(f.ctx, f.tenant, 10)
	if err != nil || len(ds) != 1 || ds[0].Verdict != "apart" {
		t.Errorf("decisions %+v (%v), want the person's one rejection", ds, err)
	}
}

// TestGiftToARelativeFirstFollowsItsHolder: 李东's account is first seen on a parcel to
// his brother 李华 (one family name), who orders on Pinduoduo too; 李东's own orders
// follow. The account is his.
func TestGiftToARelativeFirstFollowsItsHolder(t *testing.T) {
	const his = "浙江省杭州市西湖区西溪街道新华路417号紫荆公寓23栋4单元3303室"
	const bros = "湖北省武汉市江汉区民族路12号锦绣花园10栋1205室"
	own := shopOrder{0, "douyin", wangjingHome("1@#LIDONG", "李东", "14861135036", his)}
	bro := shopOrder{0, "douyin", wangjingHome("1@#LIDONG", "李华", "13280811208", bros)}
	broPdd := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李华", Phone: "13280811208", Address: bros}}
	for i, seq := range [][]shopOrder{{bro, own, broPdd, own}, {broPdd, bro, own, own}, {own, bro, broPdd, own}} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 | 1" {
			t.Errorf("order %d gave clusters %q, want 李东's account with his gift and 李华 apart", i, got)
		}
	}
}

// TestSharedMarketplaceAccountIsItsHolders: 王丽 and her husband 张强 order from one
// Douyin account, each shipping to themselves at their flat, with their own phones; he
// also orders on Pinduoduo. A Douyin order names its buyer by the account alone (the
// customer role is the buyer, README "Parties"), so every order of the account is its
// holder's, the one most of its orders are written to, whoever ordered first; his
// Pinduoduo order, which names only him, is his, related to hers through the parcel
// (storefront accounts differ: their billing name says who paid, and two people on one
// account are a household's two customers).
func TestSharedMarketplaceAccountIsItsHolders(t *testing.T) {
	const home = "上海市上海市浦东新区张江镇碧波路690号汤臣豪园3期12号楼1502室"
	his := shopOrder{0, "douyin", wangjingHome("1@#WANGLI", "张强", "13917284650", home)}
	hers := shopOrder{0, "douyin", wangjingHome("1@#WANGLI", "王丽", "18621097733", home)}
	hisPdd := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "张强", Phone: "13917284650", Address: home}}
	for i, seq := range [][]shopOrder{
		{his, hers, hers, hers, hisPdd},
		{hers, his, hisPdd, hers, hers},
		{hisPdd, his, hers, hers, hers},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 0 | 1" {
			t.Errorf("order %d gave clusters %q: want the account's orders its holder's, his Pinduoduo order his", i, got)
		}
	}
}

// TestTitledOwnOrdersOutvoteGifts: 张敏's Douyin account is first seen on a parcel for
// her husband 李伟, who orders on Pinduoduo; she writes herself 张敏, 张 敏 and 张小姐
// on her own orders, and sends him a second parcel. Her title counts for her (a woman
// of the family 张), not for him: three orders against two make her the holder, and
// his Pinduoduo orders stay his.
func TestTitledOwnOrdersOutvoteGifts(t *testing.T) {
	const home = "四川省成都市武侯区科华北路1892号阳光花园21栋6单元2003室"
	gift := shopOrder{0, "douyin", wangjingHome("1@#ZHANGMIN", "李伟", "18413380950", "四川省成都市武侯区玉林街道科华北路1892号阳光花园21-6-2003")}
	own := shopOrder{0, "douyin", wangjingHome("1@#ZHANGMIN", "张敏", "15521724788", home)}
	ownSpaced := shopOrder{0, "douyin", wangjingHome("1@#ZHANGMIN", "张 敏", "15521724788", "四川省成都市武侯区阳光花园21栋6单元2003室")}
	titled := shopOrder{0, "douyin", wangjingHome("1@#ZHANGMIN", "张小姐", "15521724788", "四川省成都市武侯区龙湖天街16座2单元702")}
	hisPdd := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李伟", Phone: "18413380950", Address: home}}
	f := newFixture(t)
	if got := deliverOrders(t, f, []shopOrder{hisPdd, gift, own, gift, ownSpaced, titled, hisPdd}); got != "0 0 0 0 0 | 1 1" {
		t.Errorf("got clusters %q, want 张敏's account with her gifts and 李伟's own orders apart", got)
	}
}

// TestGiftToACustomerOfTheSameShop: 胡霞's account is first seen on a parcel for 蔡俊杰,
// with his phone and at his flat, who holds his own account of the same Douyin shop;
// her own order is written 胡小姐, with her phone, which her Pinduoduo orders carry
// too. The first parcel is hers, not his: the shop says he is a customer of his own.
func TestGiftToACustomerOfTheSameShop(t *testing.T) {
	const his = "北京市北京市朝阳区翠湖苑14栋1单元2603室"
	const hers = "北京市北京市朝阳区望京街726号万科城市花园29栋3单元2601室"
	cai := shopOrder{1, "douyin", wangjingHome("1@#CAI", "蔡俊杰", "13230054373", his)}
	gift := shopOrder{0, "douyin", wangjingHome("1@#HUXIA", "蔡俊杰", "13230054373", his)}
	own := shopOrder{0, "douyin", wangjingHome("1@#HUXIA", "胡小姐", "15171674488", "北京市北京市朝阳区望京街726号万科城市花园29-3-2601")}
	hersPdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "胡霞", Phone: "15171674488", Address: hers}}
	for i, seq := range [][]shopOrder{{cai, gift, hersPdd, own}, {cai, hersPdd, gift, own}, {hersPdd, cai, own, gift}} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0 | 1" {
			t.Errorf("order %d gave clusters %q: want 胡霞's account with her gift, 蔡俊杰 apart", i, got)
		}
	}
}
