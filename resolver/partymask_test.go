package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// buyer is a person as a marketplace order names them, on one line each.
func buyer(name, phone, addr string) PartyProfile {
	return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: addr, Country: "CN"})
}

func TestMaskedBuyerDecisions(t *testing.T) {
	pm := DefaultPartyModel()
	plain := buyer("夏鑫建", "18581168209", "山东省青岛市李沧区海尔路1196号8-3-402")
	shop := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Xinjian", FamilyName: "Xia", Phone: "+86 185 8116 8209",
		Country: "CN", Place: &ontology.AddressPart{Street: "海尔路1196号", Line2: "8-3-402", Locality: "李沧区", Postcode: "266100"}})
	masked := buyer("夏**", "185****8209", "山东省青岛市李沧区****")
	checkDecisions(t, pm, []decisionCase{
		{"seven digits of the number, the family name and the district", plain, masked, Same},
		{"the same against a shop's customer in Latin letters and address parts", shop, masked, Same},
		{"another family name: a spouse's order with the household's number", plain, buyer("李**", "185****8209", "山东省青岛市李沧区****"), Possibly},
		{"another district", plain, buyer("夏**", "185****8209", "山东省青岛市崂山区****"), Possibly},
		{"the digits differ", plain, buyer("夏**", "185****8208", "山东省青岛市李沧区****"), Apart},
		{"no number to compare: a masked name and district alone", buyer("夏鑫建", "", "山东省青岛市李沧区海尔路1196号8-3-402"), masked, Apart},
		{"a name that says nothing of the family name", buyer("Amy", "18581168209", "山东省青岛市李沧区海尔路1196号8-3-402"), masked, Possibly},
		{"two masked orders: masks alone", masked, buyer("夏**", "185****8209", "山东省青岛市李沧区****"), Apart},
	})
}

func TestFamilyNameAloneAndHouseholdDecisions(t *testing.T) {
	pm := DefaultPartyModel()
	home := "广东省深圳市宝安区宝安大道1013号11栋1904"
	lane := "上海市上海市徐汇区虹梅路1367弄保利香槟国际2号306室" // a lane's house: no street number
	parts := func(given, family, dob string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, BirthDate: dob,
			Country: "CN", Place: &ontology.AddressPart{Street: "宝安大道1013号", Line2: "11号楼1904室", Locality: "宝安区", Postcode: "518101"}})
	}
	checkDecisions(t, pm, []decisionCase{
		{"a family name and a title at the flat", buyer("赵女士", "", home), parts("冬梅", "赵", ""), Same},
		{"a family name and a title at another flat: two homes", buyer("赵女士", "", "广东省深圳市宝安区宝安大道1013号11栋1903"), parts("冬梅", "赵", ""), Apart},
		{"another family name and a title at the flat", buyer("钱女士", "", home), parts("冬梅", "赵", ""), Apart},
		// A second number of one person: the whole name and the flat outweigh it.
		{"the whole name at the flat with another phone", buyer("温琳", "18410841021", lane), buyer("温琳", "19703501554", lane), Same},
		{"another name at the flat with another phone", buyer("温琳", "18410841021", lane), buyer("温平辉", "19703501554", lane), Apart},
	})
	// Names that contradict link only on what one person has alone (see partLinks.note).
	ms := newPartLinks()
	for _, tt := range []struct {
		a, b PartyProfile
		want PartyVerdict
	}{
		{parts("冬梅", "赵", ""), parts("Pinghui", "Zhao", ""), Possibly},
		{parts("冬梅", "赵", "1990-03-08"), parts("Pinghui", "Zhao", "1990-03-08"), Same},
		{buyer("赵冬梅", "13812345678", home), buyer("赵平辉", "+86 138 1234 5678", home), Possibly}, // a household's phone
	} {
		c := CompareParties(tt.a, tt.b)
		d, _ := pm.Decide(c, tt.a, nil)
		if got := ms.note("R", d, c, tt.a, tt.b, false); got != tt.want {
			t.Errorf("%s against %s: %v, want %v: %s", tt.a.FullName, tt.b.FullName, got, tt.want, pm.Explain(c, tt.a, nil))
		}
	}
	a, b := buyer("赵女士", "", home), parts("冬梅", "赵", "")
	if ka, kb := a.Blocks()[BlockFamilyHome], b.Blocks()[BlockFamilyHome]; ka == "" || ka != kb {
		t.Errorf("赵女士 files under %q, 冬梅 赵 at the same number under %q: want one key", ka, kb)
	}
}

func TestMaskLinksHold(t *testing.T) {
	pm := DefaultPartyModel()
	masked := buyer("夏**", "185****8209", "山东省青岛市李沧区****")
	father := buyer("夏鑫建", "18581168209", "山东省青岛市李沧区海尔路1196号8-3-402")
	son := buyer("夏小明", "18581168209", "山东省青岛市李沧区海尔路1196号8-3-402")
	type cand struct {
		root string
		p    PartyProfile
	}
	for _, tt := range []struct {
		name    string
		mention PartyProfile
		cands   []cand
		want    map[string]bool // root -> the match holds
	}{
		{"one masked match holds", masked, []cand{{"A", father}}, map[string]bool{"A": true}},
		{"two masked matches: a household's number, neither holds", masked, []cand{{"A", father}, {"B", son}},
			map[string]bool{"A": false, "B": false}},
		{"a party holding the masked order and another member: the son does not join through the mask", son,
			[]cand{{"A", father}, {"A", masked}}, map[string]bool{"A": false}},
		{"a family name alone fitting two of a household: neither holds", buyer("夏先生", "", "山东省青岛市李沧区海尔路1196号8-3-402"),
			[]cand{{"A", father}, {"B", son}}, map[string]bool{"A": false, "B": false}},
		{"nor through a title", son, []cand{{"A", father}, {"A", buyer("夏先生", "", "山东省青岛市李沧区海尔路1196号8-3-402")}},
			map[string]bool{"A": false}},
		{"a family name alone fitting one: it holds", buyer("夏先生", "", "山东省青岛市李沧区海尔路1196号8-3-402"),
			[]cand{{"A", father}}, map[string]bool{"A": true}},
		{"a masked match beside a match on more than masks holds", father,
			[]cand{{"A", buyer("夏鑫建", "18581168209", "山东省青岛市李沧区海尔路1196号8单元3-402")}, {"B", masked}},
			map[string]bool{"A": true, "B": true}},
	} {
		m := newPartLinks()
		same := map[string]bool{}
		for _, c := range tt.cands {
			cmp := CompareParties(tt.mention, c.p)
			d, _ := pm.Decide(cmp, tt.mention, nil)
			if m.note(c.root, d, cmp, tt.mention, c.p, pm.restsOnPart(cmp, tt.mention, c.p, nil)) == Same {
				same[c.root] = true
			}
		}
		for root, want := range tt.want {
			if got := same[root] && m.holds(root); got != want {
				t.Errorf("%s: %s holds %v, want %v", tt.name, root, got, want)
			}
		}
	}
}

func TestSharedPhoneUnderAnotherNameIsAHousehold(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b PartyProfile
		want bool
	}{
		{"another given name", buyer("夏鑫建", "18581168209", ""), buyer("夏小明", "18581168209", ""), true},
		{"a sister one character apart", buyer("张桂香", "17605582194", ""), buyer("张桂花", "17605582194", ""), true},
		{"the same name in pinyin", buyer("夏鑫建", "18581168209", ""), buyer("Xia Xinjian", "+8618581168209", ""), false},
		{"an English name beside the family name", buyer("汪华斌", "18581168209", ""), buyer("Coco Wang", "18581168209", ""), false},
		{"a masked name", buyer("夏小明", "18581168209", ""), buyer("夏**", "185****8209", ""), false},
		{"the seven digits a mask shows, under another family name", buyer("夏小明", "18581168209", ""), buyer("李**", "185****8209", ""), true},
		{"other numbers", buyer("夏鑫建", "18581168209", ""), buyer("夏小明", "13912345678", ""), false},
		{"one mailbox", ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "戴建华", Email: "daijianhua@sohu.com"}),
			ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Bozhe Dai", Email: "daijianhua@sohu.com"}), true},
	} {
		if got := sharedContact(CompareParties(tt.a, tt.b), tt.a, tt.b); got != tt.want {
			t.Errorf("%s: sharedContact = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMaskedPhoneBlock(t *testing.T) {
	plain, masked := buyer("夏鑫建", "18581168209", ""), buyer("夏**", "185****8209", "")
	if got, want := plain.Blocks()[BlockMaskedPhone], "p:185*8209"; got != want {
		t.Errorf("plain number filed under %q, want %q", got, want)
	}
	if got, want := masked.Blocks()[BlockMaskedPhone], "p:185*8209"; got != want {
		t.Errorf("masked number filed under %q, want %q", got, want)
	}
	if got := buyer("Anna", "+31 6 1234 5678", "").Blocks()[BlockMaskedPhone]; got != "" {
		t.Errorf("a Dutch number filed under %q", got)
	}
	bk := blockKey(BlockMaskedPhone, "p:185*8209")
	other := buyer("夏小明", "+86 185 8116 8209", "")
	for _, tt := range []struct {
		name string
		a, b PartyProfile
		want bool
	}{
		{"masked against plain", masked, plain, true},
		{"plain against masked", plain, masked, true},
		{"two plain numbers: the phone key's business", plain, other, false},
	} {
		if got := maskBlockPair(bk, tt.a, tt.b); got != tt.want {
			t.Errorf("%s: compared %v, want %v", tt.name, got, tt.want)
		}
	}
	if !maskBlockPair(blockKey(BlockName, "p:夏鑫建"), plain, other) {
		t.Error("another block's pairs are compared")
	}
}

func TestMaskedPlace(t *testing.T) {
	parts := func(locality, city, region string) PartyProfile {
		p := buyer("钱梦秀", "", "")
		p.Place = compare.Address{Number: "1514", Street: "丰台北路", Locality: locality, City: city, Region: region}
		return p
	}
	masked := buyer("钱**", "136****8271", "北京市北京市东城区****")
	for _, tt := range []struct {
		name  string
		other PartyProfile
		want  compare.Kind
	}{
		{"the district agrees, the province a code", parts("东城区", "北京", "BJ"), compare.MaskedCompatible},
		{"the district as the city", parts("", "东城区", ""), compare.MaskedCompatible},
		{"another district", parts("朝阳区", "北京", ""), compare.Different},
		{"no district, the city agrees", parts("", "北京", ""), compare.MaskedCompatible},
		{"no district, the city in the locality field", parts("北京市", "", ""), compare.MaskedCompatible},
		{"no district, another city in the locality field", parts("天津市", "", ""), compare.Different},
	} {
		l, ok := maskedPlace(masked, tt.other)
		if !ok || l.Kind != tt.want {
			t.Errorf("%s: %v %v, want %v", tt.name, l, ok, tt.want)
		}
		if back, _ := maskedPlace(tt.other, masked); back.Kind != l.Kind {
			t.Errorf("%s: the other way round %v", tt.name, back)
		}
	}
	if _, ok := maskedPlace(masked, buyer("钱**", "", "北京市北京市东城区****")); ok {
		t.Error("two masked addresses compared as a mask against parts")
	}
}

// TestFamilySoundBlock: a Taiwanese customer who writes her name and address in Chinese
// at one shop and in English at another is filed under one family-sound key, as the
// postcode and 葉/Yeh give it; a placeholder postcode files nothing.
func TestFamilySoundBlock(t *testing.T) {
	han := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "麗雪", FamilyName: "葉", Country: "TW",
		Place: &ontology.AddressPart{Street: "文化路一段150巷15號16樓", Locality: "新北市", Region: "板橋區", Postcode: "22094"}})
	latin := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Li-Hsue", FamilyName: "Yeh", Country: "TW",
		Place: &ontology.AddressPart{Street: "16F., No. 15, Ln. 150, Sec. 1, Wenhua Rd.", Locality: "New Taipei City", Postcode: "22094"}})
	ka, kb := han.Blocks()[BlockFamilySound], latin.Blocks()[BlockFamilySound]
	if ka == "" || ka != kb {
		t.Errorf("葉麗雪 files under %q, Li-Hsue Yeh at the same postcode under %q: want one key", ka, kb)
	}
	zeros := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Xiangyi", FamilyName: "Li", Country: "CN",
		Place: &ontology.AddressPart{Street: "未央路1409号", Locality: "西安市", Postcode: "000000"}})
	if k := zeros.Blocks()[BlockFamilySound]; k != "" {
		t.Errorf("a postcode of zeros files %q", k)
	}
}

// TestNamesContradict: names that say two people, whatever else two records share, and
// names that may be one person's.
func TestNamesContradict(t *testing.T) {
	for _, tt := range []struct {
		a, b compare.Name
		want bool
	}{
		{compare.Name{Full: "张桂香"}, compare.Name{Full: "张桂花"}, true},                                       // one character apart: sisters
		{compare.Name{Given: "桂花", Family: "张"}, compare.Name{Given: "Gui Xiang", Family: "ZHANG"}, true},  // a shared syllable, another given name
		{compare.Name{Given: "桂香", Family: "张"}, compare.Name{Given: "Gui Xiang", Family: "ZHANG"}, false}, // the same name in pinyin
		{compare.Name{Full: "汪华斌"}, compare.Name{Given: "Coco", Family: "Wang"}, false},                    // an English name beside the family name
		{compare.Name{Given: "辉勇", Family: "陈"}, compare.Name{Given: "Alex", Family: "陈"}, false},          // an English given name
		{compare.Name{Full: "李红霞"}, compare.Name{Full: "王丽"}, true},                                        // another family name
		// In Latin letters alone: an English given name beside a Chinese one, the family
		// name spelt the diaspora's way on one side; two English ones are two people.
		{compare.Name{Given: "Irene", Family: "Li"}, compare.Name{Given: "Jianying", Family: "Lee"}, false},
		{compare.Name{Given: "Jerry", Family: "Lau"}, compare.Name{Given: "Steven", Family: "Lau"}, true},
		// A Cantonese family name comes with a Cantonese given name, which is not read.
		{compare.Name{Given: "fong yan", Family: "ng"}, compare.Name{Given: "芳欣", Family: "吳"}, false},
		// One pinyin given name, the family spelt as Hong Kong does and in pinyin (吳);
		// two English given names of a family name that reads like pinyin are two people.
		{compare.Name{Full: "Pengfei Ng"}, compare.Name{Full: "Pengfei Wu"}, false},
		{compare.Name{Full: "Monique Pineda"}, compare.Name{Full: "Jonathan Pineda"}, true},
		// A pet name of the given name states no family: an English given name beside
		// it is hers as often as not (review35: 阿敏 and Helen张 on her phone), unless
		// the sexes differ, a Chinese given name stands beside the English one, or the
		// pet name names another family.
		{compare.Name{Full: "阿敏"}, compare.Name{Full: "Helen张"}, false},
		{compare.Name{Full: "小敏"}, compare.Name{Given: "Helen", Family: "Zhang"}, false},
		{compare.Name{Full: "阿娟"}, compare.Name{Full: "Jason杨"}, true},
		{compare.Name{Full: "阿敏"}, compare.Name{Full: "Helen 张丽"}, true},
		{compare.Name{Full: "小王"}, compare.Name{Full: "Helen张"}, true},
		// An English given name run into the family name is the two (Jason杨).
		{compare.Name{Full: "胡敏"}, compare.Name{Full: "Jason杨"}, true},
	} {
		if got := namesContradict(tt.a, tt.b); got != tt.want {
			t.Errorf("namesContradict(%+v, %+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestHomeBlockMeetsNicknamesAndEnglishForms: a nickname at the same flat (阿飞 for
// 徐飞) and the English form of a Taiwanese address share no name key and no address
// as written, only the home's numbers; neighbours in the building's next flat do not.
func TestHomeBlockMeetsNicknamesAndEnglishForms(t *testing.T) {
	tw := func(given, family, street, city string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Country: "TW",
			Place: &ontology.AddressPart{Street: street, Locality: city, Postcode: "22022"}})
	}
	for _, p := range [][2]PartyProfile{
		{buyer("徐飞", "19941423550", "浙江省杭州市滨江区莫干山路1306号26栋204"), buyer("阿飞", "16599294038-6486", "浙江省杭州市滨江区 莫干山路1306号26号楼204室")},
		{tw("美玲", "李", "中和區文化路二段51號3樓", "新北市"), tw("Mei-Ling", "Lee", "3F., No. 51, Sec. 2, Wenhua Rd., Zhonghe Dist.", "New Taipei City")},
	} {
		ka, kb := p[0].Blocks()[BlockHome], p[1].Blocks()[BlockHome]
		if ka == "" || ka != kb {
			t.Errorf("%s files under %q, %s under %q: want one key", p[0].FullName, ka, p[1].FullName, kb)
		}
	}
	a, b := buyer("徐飞", "", "浙江省杭州市滨江区莫干山路1306号26栋204"), buyer("王红", "", "浙江省杭州市滨江区莫干山路1306号26栋304")
	if ka, kb := a.Blocks()[BlockHome], b.Blocks()[BlockHome]; ka == kb {
		t.Errorf("two flats of one building file under one home key %q", ka)
	}
}

// TestNamesThatContradict: a household's two people contradict (another given name,
// another character of one reading's neighbour), a spelling of the same name does not
// (one letter off between a romanised name and the Han one).
func TestNamesThatContradict(t *testing.T) {
	for _, c := range []struct {
		a, b compare.Name
		want bool
	}{
		{compare.Name{Full: "张桂香"}, compare.Name{Full: "张桂花"}, true},
		{compare.Name{Full: "李红霞"}, compare.Name{Full: "李利"}, true},
		{compare.Name{Given: "冠霖", Family: "卓"}, compare.Name{Given: "Guan-Lin", Family: "Chuo"}, false},
		{compare.Name{Full: "Lindsey Williams"}, compare.Name{Full: "Lindsey Wililams"}, false},
		{compare.Name{Full: "张桂花"}, compare.Name{Full: "Gui Xiang ZHANG"}, true}, // another given name in pinyin
		// A household with one phone: names that share a short name's sound (PL) or
		// the initial of a middle name are still two people's.
		{compare.Name{Given: "Bill", Family: "Smith"}, compare.Name{Given: "Paul", Family: "Smith"}, true},
		{compare.Name{Given: "Jeffrey A.", Family: "Andrade"}, compare.Name{Given: "Ashley", Family: "Andrade"}, true},
		{compare.Name{Full: "Jeffrey A. Andrade"}, compare.Name{Full: "Ashley Andrade"}, true},
		{compare.Name{Given: "Bill", Family: "Smith"}, compare.Name{Given: "William", Family: "Smith"}, false},
	} {
		if got := namesContradict(c.a, c.b); got != c.want {
			t.Errorf("%+v against %+v: contradict %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestNameBlockOfBothScripts: "Tingting Huang 黄婷婷" at one shop and 黄婷婷 at the next
// meet under the name rule, whatever else their orders share.
func TestNameBlockOfBothScripts(t *testing.T) {
	a := buyer("Tingting Huang 黄婷婷", "18101740684", "上海市闵行区浦东南路243号24栋5单元1305室")
	b := buyer("黄婷婷", "18101741684", "上海市上海市闵行区中远两湾城24号楼5单元1305")
	if ka, kb := a.Blocks()[BlockName], b.Blocks()[BlockName]; ka == "" || ka != kb {
		t.Errorf("name keys %q and %q: want one", ka, kb)
	}
}

// TestEnglishGivenAloneIsFamilyOnly: an English given name against a Chinese one in
// parts (Amy Zhang, 萍 张) compares the given names as nothing, and the pair agrees in
// the family name only, as where the given names differ: a household shares it with its
// phone, so the link rests on part of the name (weakNameLink), whatever the English
// name's sex.
func TestEnglishGivenAloneIsFamilyOnly(t *testing.T) {
	parts := func(given, family string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family,
			Phone: "+8618897780677", Country: "CN"})
	}
	for _, p := range [][2]PartyProfile{
		{parts("萍", "张"), parts("Amy", "Zhang")},
		{parts("娟", "谭"), parts("Eric", "Tan")}, // a man's English name beside a woman's Chinese one
		{parts("Fenglan", "Wang"), parts("David", "Wang")},
	} {
		c := CompareParties(p[0], p[1])
		if c[fieldName].Kind != compare.Partial || c[fieldGiven].Kind != compare.Null || c[fieldFamily].Kind != compare.Null {
			t.Errorf("%s %s ~ %s %s: name %v, given %v, family %v; want the family name only", p[0].Given, p[0].Family,
				p[1].Given, p[1].Family, c[fieldName], c[fieldGiven], c[fieldFamily])
		}
		if !weakNameLink(c) {
			t.Errorf("%s %s ~ %s %s: a link through the family name alone is not weak", p[0].Given, p[0].Family, p[1].Given, p[1].Family)
		}
	}
	// Another phone under the two names: two given names, each with its own phone,
	// which Decide's rule for another name and another phone keeps apart.
	pm := DefaultPartyModel()
	for _, p := range [][2]PartyProfile{{parts("Eric", "Tan"), parts("娟", "谭")}, {parts("David", "Wang"), parts("Fenglan", "Wang")}} {
		p[1].Phone = "+8617723181279"
		c := CompareParties(p[0], p[1])
		if c[fieldGiven].Kind != compare.Different {
			t.Errorf("%s %s ~ %s %s with another phone: given %v, want different", p[0].Given, p[0].Family, p[1].Given, p[1].Family, c[fieldGiven])
		}
		if d, s := pm.Decide(c, p[0], nil); d == Same {
			t.Errorf("%s %s ~ %s %s with another phone: Same (score %.1f)", p[0].Given, p[0].Family, p[1].Given, p[1].Family, s)
		}
	}
	// The same person's pinyin keeps its whole agreement.
	if c := CompareParties(parts("萍", "张"), parts("Ping", "Zhang")); c[fieldName].Kind == compare.Partial {
		t.Errorf("萍 张 ~ Ping Zhang: %v, want the parts", c[fieldName])
	}
}

// TestLookAlikeGivenOnOnePhoneIsOnePerson: 劉明軒 and 刘朋轩 ordering with one phone are
// one name read by its shape (明 as 朋), not two members of the household; 张桂香 and
// 张桂花, one character of another shape and sound, are sisters.
func TestLookAlikeGivenOnOnePhoneIsOnePerson(t *testing.T) {
	if namesContradict(compare.Name{Full: "劉明軒"}, compare.Name{Full: "刘朋轩"}) {
		t.Error("劉明軒 and 刘朋轩 contradict: want one name misread")
	}
	if !namesContradict(compare.Name{Full: "张桂香"}, compare.Name{Full: "张桂花"}) {
		t.Error("张桂香 and 张桂花 do not contradict: want two sisters")
	}
}

// TestPinyinGivenOfAnotherContradicts: 慧 张 on the landline her father Zhang Hua
// orders with is his daughter: a family name in pinyin comes with a given name in
// pinyin, and Hua is no reading of 慧. Zhang Hui, and an English name, are hers.
func TestPinyinGivenOfAnotherContradicts(t *testing.T) {
	hui := compare.Name{Given: "慧", Family: "张"}
	if !namesContradict(hui, compare.Name{Given: "Hua", Family: "Zhang"}) {
		t.Error("慧 张 and Zhang Hua do not contradict: want two people")
	}
	for _, n := range []compare.Name{{Given: "Hui", Family: "Zhang"}, {Given: "Vivian", Family: "Zhang"}} {
		if namesContradict(hui, n) {
			t.Errorf("慧 张 and %+v contradict: want one person's names", n)
		}
	}
}
