package resolver_test

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestHouseholdContactsBridgeNoOne: 戴建华 orders with the family's mailbox; Dai
// Jianhua, with the family's phone, is him by his description; his son Bozhe Dai then
// orders with both the phone and the mailbox. Neither key nor the description (an
// address, a phone and a mailbox shared, another given name) makes the son his father,
// even though the phone's party was since linked into the mailbox's: the son is his own
// party. Before, the store read the mailbox's party without its name when the phone's
// party named it as its root, and the son joined through the mailbox.
func TestHouseholdContactsBridgeNoOne(t *testing.T) {
	f := newFixture(t)
	home := func(ref ontology.PartyRef) ontology.PartyRef {
		ref.Role, ref.Country = ontology.PartyCustomer, "CN"
		ref.Place = &ontology.AddressPart{Street: "东门中路726号", Line2: "融侨城7栋1903", Locality: "深圳市", Postcode: "518214"}
		return ref
	}
	f.orderBy("father-1", 0, home(ontology.PartyRef{GivenName: "建华", FamilyName: "戴", Email: "daijianhua@sohu.com"}))
	f.orderBy("father-2", 1, home(ontology.PartyRef{GivenName: "Jianhua", FamilyName: "Dai", Phone: "+86 170 1324 5907",
		Email: "daijianhua80@sohu.com"}))
	f.orderBy("son", 2, home(ontology.PartyRef{GivenName: "Bozhe", FamilyName: "Dai", Phone: "17013245907",
		Email: "daijianhua@sohu.com"}))
	father := f.partyOf("father-1").PartyID
	if got := f.partyOf("father-2").PartyID; got != father {
		t.Fatalf("the father's two orders are parties %s and %s, want one", father, got)
	}
	if got := f.partyOf("son").PartyID; got == father {
		t.Errorf("the son joined his father's party %s through the household's phone and mailbox", father)
	}
}

// TestTitleOfTheOtherSexIsAnotherMember: 张晶月 orders with the household's phone; a
// delivery order for 张先生 comes to the same flat with the same phone. The title names
// the family alone, but it names a man, and 晶月 is a woman's name: he is her husband,
// father or brother, his own party. 张女士 with the same phone is still her.
func TestTitleOfTheOtherSexIsAnotherMember(t *testing.T) {
	f := newFixture(t)
	flat := func(name string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", Name: name, Phone: "17104882927",
			Place: &ontology.AddressPart{Street: "小龙坎正街1357号", Line2: "融侨城17栋701", Locality: "重庆市"}}
	}
	f.orderBy("her", 0, flat("张晶月"))
	f.orderBy("mr", 1, flat("张先生"))
	f.orderBy("ms", 2, flat("张女士"))
	her := f.partyOf("her").PartyID
	if got := f.partyOf("mr").PartyID; got == her {
		t.Errorf("张先生 joined 张晶月's party %s", her)
	}
	if got := f.partyOf("ms").PartyID; got != her {
		t.Errorf("张女士 is party %s, 张晶月 %s; want one", got, her)
	}
}

// TestCompoundWithoutRoadIsTheSameFlat: 王燕 orders once with the road, once picking the
// compound on a map, which writes no road; the same flat of the same compound is her
// address both times. Her neighbour 王燕 in another compound with the same building
// and flat numbers is not her.
func TestCompoundWithoutRoadIsTheSameFlat(t *testing.T) {
	f := newFixture(t)
	at := func(street, detail string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", Name: "王燕",
			Place: &ontology.AddressPart{Street: street, Line2: detail, Locality: "西安市长安区", Region: "陕西省"}}
	}
	f.orderBy("road", 0, at("科技路2759号", "紫薇田园都市H座3202"))
	f.orderBy("map", 1, at("", "紫薇田园都市H座3202"))
	f.orderBy("other", 2, at("", "融侨城H座3202"))
	her := f.partyOf("road").PartyID
	if got := f.partyOf("map").PartyID; got != her {
		t.Errorf("the compound without its road is party %s, with it %s; want one", got, her)
	}
	if got := f.partyOf("other").PartyID; got == her {
		t.Errorf("王燕 of another compound joined party %s", her)
	}
}

// TestTitleMeetsTheFlatPickedOnAMap: 杨东 orders to 瑞景新村29栋303, picked on a map
// without the road; a delivery order for 杨先生 comes to 湖滨南路661号瑞景新村29-303 from a
// privacy number. They share no name key, no phone and no street number, only the
// family, the compound and the flat, and are one customer.
func TestTitleMeetsTheFlatPickedOnAMap(t *testing.T) {
	f := newFixture(t)
	at := func(name, phone, street, detail string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", Name: name, Phone: phone,
			Place: &ontology.AddressPart{Street: street, Line2: detail, Locality: "厦门市集美区", Region: "福建省"}}
	}
	f.orderBy("map", 0, at("杨东", "15076338188", "", "瑞景新村29栋303"))
	f.orderBy("title", 1, at("杨先生", "17032883010#1275", "湖滨南路661号", "瑞景新村29-303"))
	if a, b := f.partyOf("map").PartyID, f.partyOf("title").PartyID; a != b {
		t.Errorf("杨东 is party %s, 杨先生 at his flat %s; want one", a, b)
	}
}

// TestParcelPointOfTheHomesCompound: 孙轩睿 orders to his flat in 海信慧园 and, with a
// platform's privacy number, to the compound's parcel locker: one party. The namesakes
// 罗英 and Ying Luo, in two flats of 常青花园, are two parties; an order for 罗英 at the
// compound's courier station fits both (one a link, one a possible match), and joins
// neither. Where a parcel shop's order for 陈宇 came first and his flat joined it, the
// 陈宇 of another flat of the compound does not join him through it.
func TestParcelPointOfTheHomesCompound(t *testing.T) {
	f := newFixture(t)
	at := cnOrder
	f.orderBy("home", 0, at("孙轩睿", "18472712293", "山东省青岛市崂山区海信慧园7栋1504室"))
	f.orderBy("locker", 1, at("孙轩睿", "18472712293-0451", "山东省青岛市崂山区海信慧园丰巢快递柜"))
	if a, b := f.partyOf("home").PartyID, f.partyOf("locker").PartyID; a != b {
		t.Errorf("孙轩睿's flat and his compound's locker are parties %s and %s, want one", a, b)
	}
	f.orderBy("a", 2, at("罗英", "17163075351", "湖北省武汉市江岸区常青花园1栋1506"))
	f.orderBy("b", 3, at("Ying Luo", "16553069043", "湖北省武汉市江岸区常青花园3-1-602"))
	f.orderBy("station", 4, at("罗英", "17021881104-5641", "湖北省武汉市江岸区常青花园菜鸟驿站"))
	station := f.partyOf("station").PartyID
	for _, id := range []string{"a", "b"} {
		if got := f.partyOf(id).PartyID; got == station {
			t.Errorf("the station's 罗英 joined the 罗英 of flat %s (%s)", id, got)
		}
	}
	f.orderBy("first", 5, at("陈宇", "16257382286-8212", "福建省厦门市海沧区金尚小区兔喜生活超市"))
	f.orderBy("c", 6, at("陈宇", "15067891234", "福建省厦门市海沧区金尚小区1栋3205"))
	f.orderBy("d", 7, at("陈宇", "18655512390", "福建省厦门市海沧区金尚小区5栋1101"))
	if c, d := f.partyOf("c").PartyID, f.partyOf("d").PartyID; c == d {
		t.Errorf("the 陈宇 of two flats are one party %s through the compound's parcel shop", c)
	}
}

// TestLockerOfTheHomesBuilding: an order for 胡英 at the locker her compound numbers by
// her building (恒大华府兔喜生活超市(20号柜)) joins her flat in building 20, though her
// storefront left the district out and the order's phone is a privacy number; the 胡英
// of building 9 of the compound, who collects from another locker, stays apart.
func TestLockerOfTheHomesBuilding(t *testing.T) {
	f := newFixture(t)
	store := func(name, phone, street, postcode, city string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", Name: name, Phone: phone,
			Address: street + ", " + postcode, Place: &ontology.AddressPart{Street: street, Postcode: postcode, Locality: city}}
	}
	at := cnOrder
	f.orderBy("home", 0, store("胡英", "+8613518654177", "五一大道2665号恒大华府20幢1004室", "410584", ""))
	f.orderBy("other", 1, at("胡英", "15173321908", "湖南省长沙市芙蓉区五一大道2665号恒大华府9幢702室"))
	f.orderBy("locker", 2, at("胡英", "16263655034转3879", "湖南省长沙市芙蓉区恒大华府兔喜生活超市(20号柜)"))
	home, other, locker := f.partyOf("home").PartyID, f.partyOf("other").PartyID, f.partyOf("locker").PartyID
	if home != locker {
		t.Errorf("胡英's flat in building 20 and the locker of building 20 are parties %s and %s, want one", home, locker)
	}
	if other == locker || other == home {
		t.Errorf("the 胡英 of building 9 joined the locker of building 20 (%s, %s, %s)", home, other, locker)
	}
}

// TestMaskedOrdersBeforeTheirBuyer: two undecrypted orders of one buyer (李**,
// 187****9002, 上海市上海市徐汇区****) arrive before any plain one; masks alone never
// link, so each is a party of its own. Her plain order 李玲欣 at 18713109002 fits both
// alike and joins them, as each would have joined her had it come after; it had
// matched "several parties on part of a value" and joined none.
func TestMaskedOrdersBeforeTheirBuyer(t *testing.T) {
	f := newFixture(t)
	at := cnOrder
	f.orderBy("m1", 0, at("李**", "187****9002", "上海市上海市徐汇区****"))
	f.orderBy("m2", 1, at("李**", "187****9002", "上海市上海市徐汇区****"))
	f.orderBy("plain", 2, at("李玲欣", "18713109002", "上海市上海市徐汇区世纪大道1058弄锦绣22号305室"))
	m1, m2, plain := f.partyOf("m1").PartyID, f.partyOf("m2").PartyID, f.partyOf("plain").PartyID
	if m1 != plain || m2 != plain {
		t.Errorf("李玲欣's masked orders are parties %s and %s, her plain order %s; want one", m1, m2, plain)
	}
	// Another buyer's masked order of other digits stays apart.
	f.orderBy("other", 3, at("李**", "187****1234", "上海市上海市徐汇区****"))
	if other := f.partyOf("other").PartyID; other == plain {
		t.Errorf("a masked order of other digits joined 李玲欣 (%s)", other)
	}
}

// cnOrder is a Chinese customer as a marketplace order names them: a name, a phone and
// the address in one field.
func cnOrder(name, phone, addr string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", Name: name, Phone: phone, Address: addr}
}

// TestParcelPointOfANamesakesCompound: an order for 罗英 at her compound's courier
// station comes first, then Ying Luo's from flat 1-1-602 of the compound (a possible
// match of the station's, by the compound alone), then 罗英's from flat 1栋1506. The
// station fits the 罗英 of 1栋1506 by name and compound, but a namesake lives in
// another flat of that compound: the station's order is as much hers, and the two
// stay apart.
func TestParcelPointOfANamesakesCompound(t *testing.T) {
	f := newFixture(t)
	at := cnOrder
	f.orderBy("station", 0, at("罗英", "18316522686", "湖北省武汉市江岸区常青花园菜鸟驿站"))
	f.orderBy("next door", 1, at("Ying Luo", "16553069043-0902", "湖北省武汉市江岸区常青花园1-1-602"))
	f.orderBy("home", 2, at("罗英", "17163075351-2893", "湖北省武汉市江岸区常青花园1栋1506"))
	if a, b := f.partyOf("station").PartyID, f.partyOf("home").PartyID; a == b {
		t.Errorf("罗英 of 1栋1506 joined the station's order (%s) though Ying Luo lives at 1-1-602", a)
	}
}

// TestGenerationsOnTheFamilyPhone: Patrick Olivier Sr. orders with the household's
// phone; his son orders with the same phone as Paatrick Olivier, with
// patrickolivierjr@yahoo.com. The phone is the family's line and the mailbox says which
// generation the son is: two parties, related as a household, where a phone under
// names that agree used to prove one.
func TestGenerationsOnTheFamilyPhone(t *testing.T) {
	f := newFixture(t)
	home := func(name, email string) ontology.PartyRef {
		given, family, _ := strings.Cut(name, " ")
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", Name: name, GivenName: given, FamilyName: family,
			Phone: "177-4381-1731", Email: email,
			Place: &ontology.AddressPart{Street: "2071 Jinkai Avenue", Line2: "Room 1405, Unit 3, Building 22", Locality: "重庆市"}}
	}
	f.orderBy("father", 0, home("Patrick Olivier Sr.", ""))
	f.orderBy("son", 1, home("Paatrick Olivier", "patrickolivierjr@yahoo.com"))
	father, son := f.partyOf("father"), f.partyOf("son")
	if son.PartyID == father.PartyID {
		t.Fatalf("the son, his mailbox marked jr, joined his father's party %s through the family's phone: %+v", father.PartyID, son)
	}
	if len(son.RelatedBecause) == 0 || !strings.Contains(son.RelatedBecause[0].Reason, "household") {
		t.Errorf("the son's party is not related to his father's as a household: %+v", son)
	}
}

// TestLockerOrderOfAHomeInTheCompound: 符洋 of flat 1栋203 and the 符洋 of 8栋402 in one
// compound are two parties; 1栋203's order at the compound's locker, with his phone,
// joins him and not his namesake, though it fits the namesake's flat by name and
// compound as well as his (review30's Z11, where all three became one party).
func TestLockerOrderOfAHomeInTheCompound(t *testing.T) {
	f := newFixture(t)
	at := cnOrder
	f.orderBy("a", 0, at("符洋", "13911110041", "四川省成都市高新区益州大道265号碧桂天地1栋203室"))
	// 8栋402's order gives a platform's privacy number: no phone to tell them apart.
	f.orderBy("b", 1, at("符洋", "17012345678_1234", "四川省成都市高新区益州大道265号碧桂天地8栋402室"))
	f.orderBy("locker", 2, at("符洋", "13911110041", "四川省成都市高新区益州大道265号碧桂天地东门丰巢快递柜"))
	a, b, locker := f.partyOf("a").PartyID, f.partyOf("b").PartyID, f.partyOf("locker").PartyID
	if a != locker {
		t.Errorf("符洋's locker order (%s) is not his flat's party (%s)", locker, a)
	}
	if b == a || b == locker {
		t.Errorf("the 符洋 of 8栋402 joined the 符洋 of 1栋203 through the locker (%s, %s, %s)", a, b, locker)
	}
}
