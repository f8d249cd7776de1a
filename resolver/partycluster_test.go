package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// pddBuyer is a Pinduoduo order's receiver: one-line name, phone and address.
func pddBuyer(name, phone, addr string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: addr, Country: "CN"}
}

// TestTitleOnlyPartyGathersNoSister: seed 4242 of the Chinese customers. 李女士 orders
// first with the family's phone; her sister 李思颖 orders with the same phone, and the
// title contradicts no one, so the key files her under 李女士's party. Then 李畅 (the
// 李女士 of the first order) orders with that phone: the party's own name is a title,
// but it holds 李思颖 now, whose name contradicts 李畅's. The phone is a household's; 李畅
// is not filed with 李思颖. Before, the household check read the party's first name
// only (李女士), and one party held both sisters.
func TestTitleOnlyPartyGathersNoSister(t *testing.T) {
	f := newFixture(t)
	f.orderBy("title", 0, pddBuyer("李女士", "17100684496", "广东省广州市番禺区市桥街377号万科城市花园23-703"))
	f.orderBy("siying-shop", 1, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "思颖", FamilyName: "李",
		Phone: "+86 17100684496", Email: "lisiying1990@sohu.com", Country: "CN",
		Place: &ontology.AddressPart{Street: "市桥街 377号", Line2: "23栋703", Locality: "广州市"}})
	f.orderBy("siying", 2, pddBuyer("李思颖", "17100684496", "广东省广州市番禺区 市桥街377号万科城市花园23幢703室"))
	f.orderBy("chang", 3, pddBuyer("李畅", "17100684496", "广东省广州市番禺区 市桥街377号万科城市花园23号楼703室"))
	siying := f.partyOf("siying").PartyID
	if got := f.partyOf("siying-shop").PartyID; got != siying {
		t.Fatalf("李思颖's two orders are parties %s and %s, want one", siying, got)
	}
	if got := f.partyOf("chang").PartyID; got == siying {
		t.Errorf("李畅 joined her sister 李思颖's party %s through a title-only party's phone", siying)
	}
}

// TestTitleBridgesNoSisters: seed 4242 again. 李颖娜 and her sister 李霞雪 live at one
// flat, each with her own phone; 李颖娜 also ordered through the platform's privacy
// number, which is no phone. 李女士 orders with 李霞雪's phone: the key files the order
// under 李霞雪, and its description (a family name and the flat) matches the party of
// 李颖娜's order without a phone as well. The title may attach the order to one of them; it must not make the
// two sisters one party. Before, the link the description made joined 李霞雪's party
// into 李颖娜's.
func TestTitleBridgesNoSisters(t *testing.T) {
	f := newFixture(t)
	f.orderBy("yingna", 0, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "颖娜", FamilyName: "李",
		Phone: "13051755887", Email: "liuyingna91@sina.com", Country: "CN",
		Place: &ontology.AddressPart{Street: "未央路172号", Line2: "保利香槟国际8栋301", Locality: "西安市", Postcode: "710075"}})
	f.orderBy("xiaxue", 1, pddBuyer("李霞雪", "19665336786", "陕西省西安市雁塔区未央路172号保利香槟国际8#301"))
	// A privacy number (the platform's relay) is no phone: this order is a description.
	f.orderBy("yingna-relay", 2, pddBuyer("李颖娜", "16524494069-7131", "陕西省西安市雁塔区 雁塔镇未央路172号保利香槟国际8号楼301室"))
	f.orderBy("title", 3, pddBuyer("李女士", "19665336786", "陕西省西安市雁塔区雁塔镇未央路172号保利香槟国际8号楼301室"))
	yingna, xiaxue := f.partyOf("yingna").PartyID, f.partyOf("xiaxue").PartyID
	if got := f.partyOf("yingna-relay").PartyID; got != yingna {
		t.Fatalf("李颖娜's two orders are parties %s and %s, want one", yingna, got)
	}
	if yingna == xiaxue {
		t.Errorf("李颖娜 and her sister 李霞雪 are one party %s after 李女士's order with 李霞雪's phone", yingna)
	}
	if got := f.partyOf("title").PartyID; got != xiaxue {
		t.Errorf("李女士 with 李霞雪's phone is party %s, want 李霞雪's %s", got, xiaxue)
	}
}

// TestMaskedOrderOfAHouseholdNumber: seed 4242. 张雨琪 and her sister 张畅 order with
// the family's one phone, so the number is a household's (张畅 is her own party). A
// Pinduoduo order that was not decrypted, 张** 184****0775 in their district, fits both
// sisters: the mask's seven digits and family name do not say which, and the order
// joins neither, however 张雨琪's next order is written. Before, it joined 张雨琪's party
// as the one description it matched.
func TestMaskedOrderOfAHouseholdNumber(t *testing.T) {
	f := newFixture(t)
	f.orderBy("yuqi", 0, pddBuyer("张雨琪", "18427590775", "广东省深圳市南山区南山街道龙岗大道82723#4单元1406"))
	f.orderBy("chang", 1, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "畅", FamilyName: "张",
		Phone: "18427590775", Email: "2511184740@qq.com", Country: "CN",
		Place: &ontology.AddressPart{Street: "广东省深圳市南山区南山街道龙岗大道827号", Line2: "绿地世纪城23号楼1406室",
			Locality: "深圳", Postcode: "518510"}})
	f.orderBy("masked", 2, pddBuyer("张**", "184****0775", "广东省深圳市南山区****"))
	f.orderBy("yuqi-again", 3, pddBuyer("张雨琪", "18427590775", "广东省深圳市南山区龙岗大道827号23号楼1406室"))
	yuqi, chang := f.partyOf("yuqi").PartyID, f.partyOf("chang").PartyID
	if yuqi == chang {
		t.Fatalf("the sisters 张雨琪 and 张畅 are one party %s", yuqi)
	}
	if got := f.partyOf("yuqi-again").PartyID; got != yuqi {
		t.Fatalf("张雨琪's two orders are parties %s and %s, want one", yuqi, got)
	}
	if got := f.partyOf("masked").PartyID; got == yuqi || got == chang {
		t.Errorf("张** with the household's number joined party %s (张雨琪 %s, 张畅 %s)", got, yuqi, chang)
	}
}

// TestLatinNameBridgesNoSisters: seed 4242. 邹建宁 and her sister 邹建凝 live at one
// flat, each ordering with her own phone; their names read alike. Zou jianning, from a
// shop without a phone, fits both descriptions through its Latin letters. It joins one
// of them at most: the two parties each hold a Han writing and a phone, and neither
// agrees, so they are two people. Before, the order matched both and made them one.
func TestLatinNameBridgesNoSisters(t *testing.T) {
	f := newFixture(t)
	f.orderBy("jianning", 0, pddBuyer("邹建宁", "17141471466", "广东省广州市白云区 市桥街848号阳光花园10-1-2505"))
	f.orderBy("jianning-shop", 1, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "建宁", FamilyName: "邹",
		Phone: "171-4147-1466", Email: "834720509@foxmail.com", Country: "CN",
		Place: &ontology.AddressPart{Street: "广东广州市白云区市桥街848号", Line2: "10-1-2505", Locality: "广州市", Postcode: "510000"}})
	f.orderBy("jianning2", 2, pddBuyer("邹建凝", "18423584317", "广东省广州市白云区 白云镇市桥街848号阳光花园10#1单元2505"))
	f.orderBy("latin", 3, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "jianning", FamilyName: "Zou",
		Email: "1132249274@qq.com", Country: "CN",
		Place: &ontology.AddressPart{Street: "白云区市桥街848阳光花园10-2505", Locality: "白云区", Postcode: "510254"}})
	sistersApart(t, f, "jianning-shop", "jianning", "jianning2")
}

// sistersApart checks that the order joined is filed with the order of one sister, and
// that the two sisters' orders are two parties.
func sistersApart(t *testing.T, f *fixture, joined, sister, other string) {
	t.Helper()
	a, b := f.partyOf(sister).PartyID, f.partyOf(other).PartyID
	if got := f.partyOf(joined).PartyID; got != a {
		t.Fatalf("order %s is party %s, %s's %s: want one", joined, got, sister, a)
	}
	if a == b {
		t.Errorf("the sisters of %s and %s are one party %s after order %s", sister, other, a, joined)
	}
}

// TestKeyLinkedPartyJoinsNoSister: 魏琳 and her sister 魏林 share a flat, each with her
// own phone. "Wei Lin" orders from a shop with 魏林's phone: the phone files the order
// under 魏林's party, and its Latin name fits 魏琳's description as well as 魏林's. The
// order's party (魏林 with her phone) and 魏琳's each hold a Han writing and a phone,
// and neither agrees: joining them would make one party of two people.
func TestKeyLinkedPartyJoinsNoSister(t *testing.T) {
	f := newFixture(t)
	f.orderBy("lin-a", 0, pddBuyer("魏琳", "15566993351", "河南省郑州市中原区 花园路2892号建业森林半岛34栋2205室"))
	f.orderBy("lin-b", 1, pddBuyer("魏林", "18191469740", "河南省郑州市中原区花园路2892号建业森林半岛34号楼2205"))
	f.orderBy("latin", 2, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Lin", FamilyName: "Wei",
		Phone: "(+86)18191469740", Country: "CN",
		Place: &ontology.AddressPart{Street: "花园路2892号建业森林半岛34栋2205", Locality: "郑州市", Postcode: "450000"}})
	sistersApart(t, f, "latin", "lin-b", "lin-a")
}
