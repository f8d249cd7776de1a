package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestCompoundStandsForTheStreet: where one address names no road, the compound its
// detail names, with the same building and flat numbers, is the road's place.
func TestCompoundStandsForTheStreet(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"紫薇田园都市H座3202", "紫薇田园都市H座3202", true},
		{"正商城4号楼105室", "正商城4#105", true},
		{"独墅湾31号楼3单元2405", "独墅湾31-3-2405", true},
		{"清水河小区23-1-1006", "清水河23栋1单元1006", true},
		{"4栋105", "正商城4#105", false},      // one names no compound: 4-105 of which?
		{"正商城4#105", "绿地世纪城4#105", false}, // two compounds, the same numbers
		{"1099号院幸福小区9号楼1506室", "幸福小区9-1506", true},
		{"星耀城14栋4单元2805室", "星耀城14-2805", true}, // the unit left out
		{"光谷新世界北区3栋1006", "光谷新世界3-1006", true}, // the compound's north side
	} {
		if _, got := compoundForStreet(c.a, c.b); got != c.want {
			t.Errorf("%s ~ %s: compound stands for the street = %v, want %v (compounds %q, %q)",
				c.a, c.b, got, c.want, compoundOf(c.a), compoundOf(c.b))
		}
	}
	// 春熙路126号院龙湖春江郦城1栋401: the yard is the road's, not the compound's name,
	// which its flat's block key holds as 龙湖春江郦城1-401 writes it.
	if c := compoundOf("院龙湖春江郦城1栋401"); c != "龙湖春江郦城" {
		t.Errorf("compound of 院龙湖春江郦城1栋401: %q, want 龙湖春江郦城", c)
	}
}

// TestLongNameSoundWeighsMore: a Chinese name of three syllables that agrees by its
// sound alone, romanised (郑凯华, Zheng Kaihua, whichever side is the mention) or
// typed as a homophone (朱晶静, 朱静静), weighs the long name's bonus more than one of
// two syllables (陈浩, Hao Chen), as its exact writing does; a trained model adds none.
func TestLongNameSoundWeighsMore(t *testing.T) {
	pm := DefaultPartyModel()
	weight := func(pm PartyModel, a, b PartyProfile) (compare.Kind, float64) {
		c := CompareParties(a, b)
		return c[fieldName].Kind, pm.fieldWeights(c, a, Frequency{})[fieldName]
	}
	shop := func(given, family string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family, Country: "CN"})
	}
	base := pm.Weight(fieldName, compare.Transliterated)
	for _, c := range []struct {
		a, b PartyProfile
		kind compare.Kind
		want float64
	}{
		{buyer("郑凯华", "", ""), shop("Kaihua", "Zheng"), compare.Transliterated, base + longHanNameBonus},
		{shop("Kaihua", "Zheng"), buyer("郑凯华", "", ""), compare.Transliterated, base + longHanNameBonus},
		{shop("Kai-hua", "Zheng"), buyer("郑凯华", "", ""), compare.Transliterated, base + longHanNameBonus},
		{buyer("陈浩", "", ""), shop("Hao", "Chen"), compare.Transliterated, base},
		{shop("Hao", "Chen"), buyer("陈浩", "", ""), compare.Transliterated, base},
		{buyer("朱晶静", "", ""), buyer("朱静静", "", ""), compare.Homophone, pm.Weight(fieldName, compare.Homophone) + longHanNameBonus},
	} {
		kind, w := weight(pm, c.a, c.b)
		if kind != c.kind || w != c.want {
			t.Errorf("%s against %s: %v weighing %.2f, want %v weighing %.2f", c.a.FullName, c.b.FullName, kind, w, c.kind, c.want)
		}
	}
	trained := pm
	trained.Trained = "em"
	if _, w := weight(trained, buyer("郑凯华", "", ""), shop("Kaihua", "Zheng")); w != base {
		t.Errorf("a trained model weighs 郑凯华 against Zheng Kaihua %.2f: want its own %.2f", w, base)
	}
}

// TestLongHanNameWeighsMore: an exact agreement on a Chinese name of three characters
// weighs more than on one of two (a single given character, the most shared names),
// and a name the tenant's term frequencies count weighs by its count instead.
func TestLongHanNameWeighsMore(t *testing.T) {
	pm := DefaultPartyModel()
	weight := func(p PartyProfile) float64 {
		c := CompareParties(p, p)
		return pm.fieldWeights(c, p, Frequency{})[fieldName]
	}
	long, short := buyer("肖杰强", "", ""), buyer("李强", "", "")
	if wl, ws := weight(long), weight(short); wl != ws+longHanNameBonus {
		t.Errorf("肖杰强 weighs %.2f, 李强 %.2f: want %.1f more", wl, ws, longHanNameBonus)
	}
	if !longHanName(buyer("Jiejiang Xiao 肖杰强", "", "")) || longHanName(buyer("张**", "", "")) || longHanName(buyer("Jerry Lau", "", "")) {
		t.Error("longHanName: the Han form of a name in both scripts counts, a mask or a Latin name does not")
	}
	trained := pm
	trained.Trained = "em"
	if w := trained.fieldWeights(CompareParties(long, long), long, Frequency{})[fieldName]; w != weight(short) {
		t.Errorf("a trained model weighs 肖杰强 %.2f: want its own u's weight %.2f", w, weight(short))
	}
	pm.TF = map[string]map[string]float64{"name": {long.Name: 0.01}}
	if w := weight(long); w != kindWeight(pm.M[fieldName][compare.Exact], 0.01) {
		t.Errorf("a counted name weighs %.2f: want its term frequency's weight", w)
	}
}

// TestDistrictUnderTheSameHome: another district under the same road, number and flat
// weighs nothing; under another flat, or without the road, it still weighs against.
func TestDistrictUnderTheSameHome(t *testing.T) {
	a := buyer("杜萍", "", "江苏省苏州市虎丘区东吴北路227号狮山花园15栋2单元1306室")
	b := buyer("杜萍", "", "江苏省苏州市工业园区东吴北路227号狮山花园15号楼2单元1306室")
	if c := CompareParties(a, b); c[fieldLocality].Kind != compare.Null {
		t.Errorf("same home, two districts: locality %v (%s), want null", c[fieldLocality].Kind, c[fieldLocality].Why)
	}
	other := buyer("杜萍", "", "江苏省苏州市工业园区东吴北路227号狮山花园15号楼2单元1506室")
	if c := CompareParties(a, other); c[fieldLocality].Kind != compare.Different {
		t.Errorf("another flat, two districts: locality %v (%s), want different", c[fieldLocality].Kind, c[fieldLocality].Why)
	}
}

// TestDistrictBesideTheLockerOfTheHomesBuilding: another district beside a locker
// numbered by the home's building, in the compound and city of the home, weighs
// nothing; beside the compound's locker without the building's number, or in another
// city, it still weighs against.
func TestDistrictBesideTheLockerOfTheHomesBuilding(t *testing.T) {
	home := buyer("张玲艳", "", "江苏省苏州市吴中区湖畔天城25栋3单元1805")
	locker := buyer("张玲艳", "", "江苏省苏州市工业园区湖畔天城妈妈驿站(25号柜)")
	c := CompareParties(home, locker)
	if c[fieldDetail].Kind != compare.Building || c[fieldLocality].Kind != compare.Null {
		t.Errorf("the locker of the home's building: detail %v (%s), locality %v (%s), want building and null",
			c[fieldDetail].Kind, c[fieldDetail].Why, c[fieldLocality].Kind, c[fieldLocality].Why)
	}
	for _, other := range []PartyProfile{
		buyer("张玲艳", "", "江苏省苏州市工业园区湖畔天城妈妈驿站"),      // the compound's, no building
		buyer("张玲艳", "", "浙江省杭州市萧山区湖畔天城妈妈驿站(25号柜)"), // another city's compound of the name
	} {
		if c := CompareParties(home, other); c[fieldLocality].Kind != compare.Different {
			t.Errorf("%s: locality %v (%s), want different", other.Address, c[fieldLocality].Kind, c[fieldLocality].Why)
		}
	}
}

// TestMailboxOfAnotherMember: a mailbox spelling another member of the family makes an
// English name beside the Chinese one another name, and the two persons that
// contradict; a mailbox spelling the name itself changes nothing.
func TestMailboxOfAnotherMember(t *testing.T) {
	at := func(ref ontology.PartyRef) PartyProfile {
		ref.Role, ref.Country, ref.Phone = ontology.PartyCustomer, "CN", "18897780677"
		ref.Address = "广东广州越秀区佟和大道1227号金色家园14-5-3004"
		return ProfileOf(ref)
	}
	him := at(ontology.PartyRef{Name: "張輝"})
	for _, c := range []struct {
		other  PartyProfile
		name   compare.Kind
		contra bool
	}{
		{at(ontology.PartyRef{GivenName: "Amy", FamilyName: "Zhang", Email: "fengying.zhang@126.com"}), compare.Different, true},
		// Without a mailbox: a woman's English name beside a man's Chinese one is no
		// one person's two names (englishBesideChinese), but no contradiction either.
		{at(ontology.PartyRef{GivenName: "Amy", FamilyName: "Zhang"}), compare.Different, false},
		{at(ontology.PartyRef{GivenName: "Tony", FamilyName: "Zhang", Email: "zhanghui88@126.com"}), compare.Partial, false},
		{at(ontology.PartyRef{Name: "张辉", Email: "fengying.zhang@126.com"}), compare.Exact, false}, // his wife's mailbox, his name
	} {
		cmp := CompareParties(c.other, him)
		if cmp[fieldName].Kind != c.name || personsContradict(c.other, him) != c.contra {
			t.Errorf("%s%s against 張輝: name %v (%s), contradict %v; want %v, %v", c.other.FullName, c.other.Given,
				cmp[fieldName].Kind, cmp[fieldName].Why, personsContradict(c.other, him), c.name, c.contra)
		}
	}
}

// TestSecondPhoneAtHome: a whole Chinese name of three characters at the same flat with
// another number is one person's second number; another flat, or a name of two
// characters, keeps the other number as evidence against.
func TestSecondPhoneAtHome(t *testing.T) {
	p := func(name, phone, address string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: address})
	}
	home := p("陈淑华", "15330767049", "广东省广州市白云区南阳路547号海棠湾19幢1003室")
	for _, c := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{p("陈淑华", "15940913748", "广东省广州市白云区19幢1003室"), home, compare.Null},
		{p("陈淑华", "15940913748", "广东省广州市白云区南阳路547号海棠湾21幢1003室"), home, compare.Different},
		{p("陈淑华", "15940913748", "广东省广州市天河区19幢1003室"), home, compare.Different},
		{p("陈华", "15940913748", "广东省广州市白云区19幢1003室"), p("陈华", "15330767049", "广东省广州市白云区南阳路547号海棠湾19幢1003室"), compare.Different},
	} {
		if got := CompareParties(c.a, c.b)[fieldPhone]; got.Kind != c.want {
			t.Errorf("%s at %s against %s at %s: phone %v (%s), want %v", c.a.FullName, c.a.Address, c.b.FullName, c.b.Address, got.Kind, got.Why, c.want)
		}
	}
}

// TestCityWrittenShort: a receiver address that writes the province and the city
// without 省 and 市 is compared as the same place as one that writes them in full.
func TestCityWrittenShort(t *testing.T) {
	for _, c := range []struct {
		short, full string
		field       int
		want        compare.Kind
	}{
		{"广东深圳刘华路483号7号楼6单元3201室", "广东省深圳市龙岗区刘华路４８３号幸福小区７－６－３２０１", fieldStreet, compare.Exact},
		{"江苏南京鼓楼区徐安街464号7幢203室", "江苏省南京市鼓楼区幸福小区7幢203室", fieldLocality, compare.Exact},
		{"湖北武汉翠苑6幢3004室", "湖北省武汉市武昌区孙新路1229号翠苑6栋4单元3004", fieldDetail, compare.Dwelling},
		// 深南 is no city, but a road of 深圳: the street keeps it, and the address, whose
		// city is unknown, is compared whole as before.
		{"广东深南大道483号7号楼6单元3201室", "广东省深圳市龙岗区刘华路483号7号楼6单元3201室", fieldStreet, compare.Null},
	} {
		a := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王杰", Address: c.short})
		b := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王杰", Address: c.full})
		if got := CompareParties(a, b)[c.field]; got.Kind != c.want {
			t.Errorf("%s against %s: %s %v (%s), want %v", c.short, c.full, fieldNames[c.field], got.Kind, got.Why, c.want)
		}
	}
}

// TestStreetBeforeABuildingIsACompound: a "street" without a door number followed at
// once by a compound's building (融创白象街18号楼1204室) is the compound, not a road, where
// the other address names its numbered road (建新北路1668号, 18栋1204室 on the second
// line): the streets are not compared, the homes are. A road with its door number
// (中山路18号) against another road still differs.
func TestStreetBeforeABuildingIsACompound(t *testing.T) {
	shop := func(street, line2 string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "红 王", GivenName: "红", FamilyName: "王", Country: "CN",
			Place: &ontology.AddressPart{Street: street, Line2: line2, Locality: "重庆市", Postcode: "400000"}})
	}
	for _, c := range []struct {
		waybill      string
		other        PartyProfile
		street, home compare.Kind
	}{
		{"重庆市渝北区融创白象街18号楼1204室", shop("渝北区建新北路1668号", "18栋1204室"), compare.Null, compare.Dwelling},
		{"重庆市渝北区融创白象街18栋1204室", shop("渝北区建新北路1668号", "18栋1204室"), compare.Null, compare.Dwelling},
		{"重庆市渝北区中山路18号1204室", shop("渝北区建新北路1668号", "18栋1204室"), compare.Different, compare.Null},
	} {
		got := CompareParties(buyer("王红", "", c.waybill), c.other)
		if got[fieldStreet].Kind != c.street || c.home != compare.Null && got[fieldDetail].Kind != c.home {
			t.Errorf("%s against %s: street %v, detail %v; want %v, %v", c.waybill, c.other.Place.Street, got[fieldStreet], got[fieldDetail], c.street, c.home)
		}
	}
}

// TestHanNameInPartsMeetsItsWholeWriting: a Chinese name a storefront splits into its
// first and last name fields (莉 and 马) shares the letters block of the same name
// written whole (马莉, 馬莉 on a Taiwanese order), though its two characters read in
// fewer letters than a Latin name needs to block; fields filled the other way round
// (李 as the first name, 娜 as the last) read alike. A Latin name of as few letters
// blocks nothing by them.
func TestHanNameInPartsMeetsItsWholeWriting(t *testing.T) {
	shop := func(given, family string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family, Country: "CN"})
	}
	for _, c := range []struct {
		shop    PartyProfile
		waybill string
	}{
		{shop("莉", "马"), "马莉"},
		{shop("莉", "马"), "馬莉"},
		{shop("李", "娜"), "李娜"},
		{shop("丽", "吴"), "吴丽"},
	} {
		for _, rule := range []string{BlockLetters, BlockLettersWG} {
			if got, want := c.shop.Blocks()[rule], buyer(c.waybill, "", "").Blocks()[rule]; got != want || got == "" {
				t.Errorf("%s %s: %s block %q, want %s's %q", c.shop.Given, c.shop.Family, rule, got, c.waybill, want)
			}
		}
	}
	if got, ok := shop("Li", "Ma").Blocks()[BlockLetters]; ok {
		t.Errorf("Li Ma: letters block %q, want none (four Latin letters)", got)
	}
}

// TestEnglishNameOnTheHomeLine: Tony Liang from his mailbox and his daughter Chia-ling
// from hers, both on their flat's line (04)4907-0263, agree in the family name and the
// home only: the line is the household's, so the English name beside a Chinese one
// counts as another given name, as with no phone in common, and the pair is at most
// possibly one person, unless each mailbox holds the other side's given name. On one
// mobile the English name is still the person's other name.
func TestEnglishNameOnTheHomeLine(t *testing.T) {
	p := func(given, phone, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " Liang", GivenName: given, FamilyName: "Liang",
			Phone: phone, Email: email, Country: "TW",
			Place: &ontology.AddressPart{Street: "高雄市左營區基隆路四段138號5樓", Locality: "高雄市", Postcode: "899"}})
	}
	pm := DefaultPartyModel()
	tony, daughter := p("Tony", "04-4907-0263", "tony_liang@outlook.com"), p("Chia-ling", "+886 4 4907 0263", "chialingliang81@gmail.com")
	c := CompareParties(tony, daughter)
	if d, s := pm.Decide(c, tony, nil); d == Same || c[fieldGiven].Kind != compare.Different {
		t.Errorf("Tony and Chia-ling Liang on the home's line: %v (%.1f), given %v, want the given names different and no link: %s", d, s, c[fieldGiven].Kind, pm.Explain(c, tony, nil))
	}
	// Each mailbox holding the other side's given name is one man's two mailboxes.
	lin := func(given, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " Lin", GivenName: given, FamilyName: "Lin",
			Phone: "07-4567-811", Email: email, Country: "TW",
			Place: &ontology.AddressPart{Street: "9F, No.152, Ln. 210, Minzu Rd.", Line2: "North Dist.", Locality: "Tainan City", Postcode: "704"}})
	}
	wilson, chiahung := lin("Wilson", "LCHIAHUNG1998@hotmail.com"), lin("Chia-hung", "WILSONLIN@hotmail.com")
	if c := CompareParties(chiahung, wilson); c[fieldPhone].Kind != compare.Exact {
		t.Errorf("Chia-hung Lin from wilsonlin@ and Wilson Lin from lchiahung1998@: phone %v (%s), want the line his", c[fieldPhone].Kind, c[fieldPhone].Why)
	}
	mobile := p("Chia-ling", "0912 345 678", "chialingliang81@gmail.com")
	c = CompareParties(p("Tony", "+886 912 345 678", "tony_liang@outlook.com"), mobile)
	if c[fieldName].Kind != compare.Partial {
		t.Errorf("Tony and Chia-ling Liang on one mobile: name %v (%s), want the family name only (Partial)", c[fieldName].Kind, c[fieldName].Why)
	}
}

// TestFloorAloneOnAnotherStreet: two Wang Wei of Taichung, one at 四維路166號六樓 and one
// at 光復路177巷303號6樓, share a floor and nothing else of their homes; on another road
// under another number the floor says nothing, and the namesakes stay apart. The same
// floor under the same road and number still counts, and so does a mainland flat's
// building and unit, which a compound with gates on two roads shares.
func TestFloorAloneOnAnotherStreet(t *testing.T) {
	p := func(given, family, email, street, postcode string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family,
			Email: email, Country: "TW", Place: &ontology.AddressPart{Street: street, Locality: "台中市", Postcode: postcode}})
	}
	pm := DefaultPartyModel()
	a := p("Wei", "Wang", "wangw22@yahoo.com.tw", "台中市北屯區四維路166號六樓", "406")
	b := p("WEI", "WANG", "wangk93@gmail.com", "臺中市南屯區光復路177巷303號6樓", "408")
	c := CompareParties(a, b)
	if d, s := pm.Decide(c, a, nil); d == Same || c[fieldDetail].Kind != compare.Null {
		t.Errorf("two Wang Wei on one floor of two roads: %v (%.1f), detail %v, want the floor saying nothing: %s", d, s, c[fieldDetail].Kind, pm.Explain(c, a, nil))
	}
	if c := CompareParties(a, p("Wei", "Wang", "wwang1970@hsbc.com.hk", "北屯區四維路166號6樓", "406")); !c[fieldDetail].Kind.Agrees() {
		t.Errorf("one floor of one road and number: detail %v (%s), want it agreeing", c[fieldDetail].Kind, c[fieldDetail].Why)
	}
	cn := func(addr string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王伟", Country: "CN", Address: addr})
	}
	if c := CompareParties(cn("上海市浦东新区张杨路500号阳光花园3栋2单元601室"), cn("上海市浦东新区浦电路88号阳光花园3栋2单元601室")); c[fieldDetail].Kind == compare.Null {
		t.Errorf("a mainland compound's flat on two roads: detail %v (%s), want it compared", c[fieldDetail].Kind, c[fieldDetail].Why)
	}
	for detail, want := range map[string]bool{"6樓": true, "六樓": true, "12楼": true, "5F": true, "5F.": true, "5/F": true, "3rd Floor": true,
		"3栋2单元601室": false, "Apt 5F": false, "Flat B, 12/F": false, "": false} {
		if got := floorOnly(detail); got != want {
			t.Errorf("floorOnly(%q) = %v, want %v", detail, got, want)
		}
	}
}

// TestGenerationSibling: 洪文明 and Wen-ting Hung at one Kaohsiung flat, each from a
// mailbox of their own and no phone in common, are a brother and a sister named for
// their generation (文 shared, 明 and 婷 their own), not one name with a slip; on one
// mailbox the slip reading stays.
func TestGenerationSibling(t *testing.T) {
	p := func(given, family, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family,
			Email: email, Country: "TW", Place: &ontology.AddressPart{Street: "左營區敦化北路五段80號7樓", Locality: "高雄市", Postcode: "840"}})
	}
	pm := DefaultPartyModel()
	brother := p("文明", "洪", "wenming_hung@msa.hinet.net")
	c := CompareParties(brother, p("Wen-ting", "Hung", "whung@hotmail.com"))
	if d, s := pm.Decide(c, brother, nil); d == Same || c[fieldGiven].Kind != compare.Different {
		t.Errorf("洪文明 and Wen-ting Hung from two mailboxes: %v (%.1f), given %v, want another given name: %s", d, s, c[fieldGiven].Kind, pm.Explain(c, brother, nil))
	}
	if c := CompareParties(brother, p("Wen-ting", "Hung", "wenming_hung@msa.hinet.net")); c[fieldGiven].Kind == compare.Different {
		t.Errorf("洪文明 and Wen-ting Hung on one mailbox: given %v (%s), want the slip reading", c[fieldGiven].Kind, c[fieldGiven].Why)
	}
}

// TestMailboxOfAnotherEnglishName: Queenie Wang (a card's one-string holder name) from
// queeniewang@ and Yang Wang from wang.andy@ on one North American number (a home's
// line or a mobile, the plan does not tell) at one house: his mailbox gives his English
// name, Andy, so Queenie is someone else and the pair is no link; Andy Wang against
// Yang Wang of wang.andy@ is still his English name beside his Chinese one.
func TestMailboxOfAnotherEnglishName(t *testing.T) {
	p := func(given, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " Wang", GivenName: given, FamilyName: "Wang",
			Phone: "905-693-7386", Email: email, Country: "US",
			Place: &ontology.AddressPart{Street: "5363 Elm Place", Locality: "San Francisco", Region: "CA", Postcode: "94180"}})
	}
	pm := DefaultPartyModel()
	yang := p("Yang", "wang.andy@outlook.com")
	card := p("Queenie", "queeniewang@icloud.com") // a card's holder name, one string
	card.Given, card.Family = "", ""
	c := CompareParties(card, yang)
	if d, s := pm.Decide(c, yang, nil); d == Same {
		t.Errorf("Queenie Wang against Yang Wang of wang.andy@: %v (%.1f), want no link: %s", d, s, pm.Explain(c, yang, nil))
	}
	// In parts (Queenie / Wang) the given names differ anyway, and the number, which
	// the plan does not tell a mobile from a line, is the household's.
	if c := CompareParties(p("Queenie", "queeniewang@icloud.com"), yang); c[fieldPhone].Kind != compare.Null {
		t.Errorf("Queenie / Wang against Yang Wang of wang.andy@: phone %v (%s), want the household's (Null)", c[fieldPhone].Kind, c[fieldPhone].Why)
	}
	if c := CompareParties(p("Andy", "andy.w@icloud.com"), yang); c[fieldName].Kind != compare.Partial {
		t.Errorf("Andy Wang against Yang Wang of wang.andy@: name %v (%s), want the family name only (Partial)", c[fieldName].Kind, c[fieldName].Why)
	}
}
