package resolver

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

func TestProfileOf(t *testing.T) {
	p := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "LIN, Mei", Email: " Mei.Lin@Example.COM",
		Phone: "13812345678_1234", Country: "cn", Address: "广东省深圳市南山区科技园南路８８号", BirthDate: "1987-03-12"})
	if p.Company || p.Name != "lin mei" || p.Email != "mei.lin@example.com" || p.Phone != "" || p.Country != "CN" || p.BirthDate != "19870312" {
		t.Errorf("%+v", p)
	}
	if !strings.Contains(p.Address, "88") {
		t.Errorf("full-width digits not folded: %q", p.Address)
	}
	c := ProfileOf(ontology.PartyRef{Role: ontology.PartySupplier, Name: "深圳市示例贸易有限公司", TaxID: "91440300-MA5F3K2W13"})
	if !c.Company || c.Name != "示例贸易" || c.TaxID != "91440300MA5F3K2W13" {
		t.Errorf("%+v", c)
	}
	if bs := c.Blocks(); bs[BlockName] != "c:示例贸易" || len(bs) != 1 {
		t.Errorf("blocks %v", bs)
	}
	twice := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "王建浩", FamilyName: "王建浩", Name: "王建浩 王建浩"})
	if twice.FullName != "王建浩" || twice.Given != "" || twice.Family != "" || twice.Name != normalize.PersonName("王建浩") {
		t.Errorf("a whole name typed into both fields: %+v", twice)
	}
	whole := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "翁進興", FamilyName: "翁", Name: "翁進興 翁"})
	if whole.FullName != "翁進興" || whole.Given != "進興" || whole.Family != "翁" || whole.Name != normalize.PersonName("翁進興") {
		t.Errorf("a whole name typed into the given name's field: %+v", whole)
	}
	if lin := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "林", FamilyName: "林"}); lin.Given != "林" || lin.Family != "林" {
		t.Errorf("a one-character name in both fields is no given name with its family: %+v", lin)
	}
	if thomas := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Thomas", FamilyName: "Thomas"}); thomas.Given != "Thomas" || thomas.Family != "Thomas" {
		t.Errorf("Thomas Thomas is a given and a family name: %+v", thomas)
	}
	m := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李**", Phone: "138****5678"})
	if m.Phone != "138****5678" {
		t.Errorf("a masked phone is kept as a mask: %+v", m)
	}
}

func person(given, family, dob, street, locality, postcode string) PartyProfile {
	return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family,
		Name: given + " " + family, BirthDate: dob, Country: "AU",
		Place: &ontology.AddressPart{Street: street, Locality: locality, Postcode: postcode}})
}

func TestPartyDecisions(t *testing.T) {
	pm := DefaultPartyModel()
	base := person("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163")
	full := func(name, phone, addr string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: addr, Country: "NL"})
	}
	cn := func(name, addr string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Address: addr, Country: "CN"})
	}
	anna := full("Anna de Vries", "", "Keizersgracht 12, 1015 CS Amsterdam")
	checkDecisions(t, pm, []decisionCase{
		{"a typo in the surname, the rest agrees", base, person("sarah", "mitchel", "1981-06-02", "12 wallaby place", "cleveland", "4163"), Same},
		{"day and month swapped, a given name shortened", base, person("sara", "mitchell", "1981-02-06", "12 wallaby place", "cleveland", "4163"), Same},
		{"moved house: same name and date of birth", base, person("sarah", "mitchell", "1981-06-02", "3 kent street", "sydney", "2000"), Same},
		{"same name elsewhere, no date of birth", person("sarah", "mitchell", "", "12 wallaby place", "cleveland", "4163"),
			person("sarah", "mitchell", "", "3 kent street", "sydney", "2000"), Apart},
		{"a sister at the address", base, person("emily", "mitchell", "1985-11-20", "12 wallaby place", "cleveland", "4163"), Apart},
		{"same name and address, written differently", anna, full("ANNA DE VRIES", "", "keizersgracht 12 1015CS amsterdam"), Same},
		{"same name, nothing else", anna, full("Anna de Vries", "", ""), Apart},
		{"masks are no identity", full("李**", "138****5678", "上海市上海市浦东新区****"), full("李**", "138****5678", "上海市上海市浦东新区****"), Apart},
		{"张伟 is Zhang Wei at one address", cn("张伟", "上海市浦东新区世纪大道100号2栋1201室"), cn("Zhang Wei", "上海市浦东新区世纪大道100号2栋1201室"), Same},
		{"traditional and simplified, family name first in Latin", cn("張偉", "上海市浦东新区世纪大道100号2栋1201室"), cn("ZHANG Wei", "上海市浦东新区世纪大道100号2栋1201室"), Same},
		{"one surname in one district, other streets", cn("李明", "上海市浦东新区张杨路500号"), cn("李强", "上海市浦东新区世纪大道100号"), Apart},
		{"namesakes in one city, other streets", cn("王芳", "北京市朝阳区建国路88号"), cn("王芳", "北京市朝阳区望京街10号"), Apart},
		{"the 号 dropped: 35115幢 is 351号15幢", cn("孙桂丽", "山东省青岛市市南区书院路35115幢4单元606室"),
			cn("孙桂丽", "青岛市市南区书院路351号15幢4单元606室"), Same},
		{"the whole name typed into the first-name field, one mailbox", twFields("翁進興", "翁", "weng.jx@example.com"),
			twFields("進興", "翁", "weng.jx@example.com"), Same},
		{"namesakes one building apart on one street", cn("孙桂丽", "山东省青岛市市南区书院路35116幢4单元606室"),
			cn("孙桂丽", "青岛市市南区书院路351号15幢4单元606室"), Possibly},
	})
	c := CompareParties(cn("孙桂丽", "山东省青岛市市南区书院路35115幢4单元606室"), cn("孙桂丽", "青岛市市南区书院路351号15幢4单元606室"))
	if got := c[fieldNumber].Why; !strings.Contains(got, "35115 read as 351号15") {
		t.Errorf("the number's evidence %q does not say how it was read", got)
	}
}

// twFields is a Taiwanese buyer with a name in its two fields and a mailbox.
func twFields(given, family, email string) PartyProfile {
	return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family,
		Name: given + " " + family, Email: email, Country: "TW"})
}

// decisionCase is two profiles and the verdict the model must give them.
type decisionCase struct {
	name string
	a, b PartyProfile
	want PartyVerdict
}

func checkDecisions(t *testing.T, pm PartyModel, cases []decisionCase) {
	t.Helper()
	for _, c := range cases {
		cmp := CompareParties(c.a, c.b)
		if got, s := pm.Decide(cmp, c.a, nil); got != c.want {
			t.Errorf("%s: %v (%.1f), want %v: %s", c.name, got, s, c.want, pm.Explain(cmp, c.a, nil))
		}
	}
}

// TestTwoNamesTwoPhonesNeverMerge: a model that trusts an address as much as a trained
// one may (accept lowered here) still never merges two names with two phones at one
// address; one of them without a phone, or both with one phone, it may.
func TestTwoNamesTwoPhonesNeverMerge(t *testing.T) {
	pm := DefaultPartyModel()
	pm.Accept, pm.Review = 2, 1
	at := func(name, phone string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Country: "CN",
			Place: &ontology.AddressPart{Street: "建设路495号", Line2: "中海国际社区15栋2单元2901", Locality: "高新区", Postcode: "610041"}})
	}
	checkDecisions(t, pm, []decisionCase{
		{"two names, two phones", at("吴颖玉", "18306509251"), at("吴秀云", "17417231374"), Possibly},
		{"two names, one without a phone", at("吴颖玉", "18306509251"), at("吴秀云", ""), Same},
		{"one name, two phones", at("吴秀云", "18306509251"), at("吴秀云", "17417231374"), Same},
	})
}

func TestExplainNamesEachFieldAndTheModel(t *testing.T) {
	pm := DefaultPartyModel()
	a := person("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163")
	b := person("sarah", "mitchel", "1981-06-02", "", "", "")
	got := pm.Explain(CompareParties(a, b), a, nil)
	for _, want := range []string{"given exact", "family typo", "dob exact", "model prior-3"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "street") {
		t.Errorf("%q weighs a field missing on one side", got)
	}
}

// A name and an address many parties share weigh less: the same name at a chain store's
// pick-up point is not the same person.
func TestFrequencyAdjustment(t *testing.T) {
	pm := DefaultPartyModel()
	a := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Wang Wei", Address: "Pickup Point 1, Shanghai Road 88"})
	c := CompareParties(a, a)
	rare := pm.Score(c, a, Frequency{fieldName: 1, fieldAddress: 1})
	common := pm.Score(c, a, Frequency{fieldName: 40, fieldAddress: 300})
	if rare < pm.Accept || common >= pm.Review {
		t.Fatalf("rare %.1f, common %.1f (accept %.1f, review %.1f)", rare, common, pm.Accept, pm.Review)
	}
}

// Training: u comes from random pairs (a value a quarter of the profiles hold has u near
// a quarter), m by EM from blocked pairs, term frequencies from the profiles, and the
// thresholds from the fit.
func TestTrain(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	givens := []string{"sarah", "james", "emily", "oliver", "chloe", "jack", "mia", "noah"}
	families := []string{"mitchell", "nguyen", "smith", "brown", "wilson", "taylor", "white", "martin", "young", "king"}
	var ps []PartyProfile
	for i := range 600 {
		g, f := givens[rng.IntN(len(givens))], families[rng.IntN(len(families))]
		dob := 19500101 + rng.IntN(400)*100 + rng.IntN(28)
		p := person(g, f, itoa(dob), itoa(rng.IntN(200))+" kent street", "sydney", itoa(2000+rng.IntN(50)))
		ps = append(ps, p)
		if i%3 == 0 { // a duplicate with a typo in the family name
			ps = append(ps, person(g, f+"e", itoa(dob), p.Place.Number+" kent street", "sydney", p.Place.Postcode))
		}
	}
	pm := Train(ps, BlockedPairs(ps, 50), 50_000, 1, DefaultPartyModel())
	// Ten family names, one in four of the profiles with a typo: u(exact) is the sum
	// of the squared shares, about 0.06.
	if u := pm.U[fieldFamily][compare.Exact]; math.Abs(u-0.06) > 0.02 {
		t.Errorf("u(family exact) = %.3f, want about 0.06", u)
	}
	if share := pm.TF["given"]["sarah"]; share < 0.08 || share > 0.2 {
		t.Errorf("term frequency of sarah = %.3f, want about 1/8", share)
	}
	if pm.Accept < DefaultPartyModel().Accept || pm.Review >= pm.Accept || pm.Lambda <= 0 {
		t.Errorf("thresholds %.1f / %.1f, lambda %.3f", pm.Accept, pm.Review, pm.Lambda)
	}
	if !strings.Contains(pm.Trained, "random pairs") {
		t.Errorf("trained = %q", pm.Trained)
	}
}

func itoa(n int) string {
	const digits = "0123456789"
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{digits[n%10]}, b...)
	}
	return string(b)
}

// TestLocalityFallsBackToTheCity: a storefront's city field (北京, Wuhan, Shanghai)
// against a platform's address that names the district compares the cities; where
// both name the district, the district decides.
func TestLocalityFallsBackToTheCity(t *testing.T) {
	shop := func(street, city string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "x", Country: "CN",
			Place: &ontology.AddressPart{Street: street, Locality: city}})
	}
	for _, c := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{shop("丰台北路2114号", "北京"), buyer("常欣玲", "", "北京市北京市朝阳区丰台北路2114号保利香槟国际6-1901"), compare.Exact},
		{shop("No. 1929 Luoyu Road", "Wuhan"), buyer("Peggy Green", "", "湖北省武汉市武昌区 珞喻路1929号9-1-1101"), compare.Exact},
		{shop("No. 1929 Luoyu Road", "Nanjing"), buyer("Peggy Green", "", "湖北省武汉市武昌区 珞喻路1929号9-1-1101"), compare.Different},
		{buyer("a", "", "湖北省武汉市洪山区珞喻路1929号"), buyer("b", "", "湖北省武汉市武昌区珞喻路1929号"), compare.Different},
		// An English form's locality is the city: Shanghai against 浦东新区 of 上海市.
		{shop("Lane 699, Nanjing West Rd", "Shanghai"), buyer("c", "", "上海市上海市浦东新区南京西路699弄锦绣家园17号1506室"), compare.Exact},
		{shop("Lane 699, Nanjing West Rd", "Beijing"), buyer("c", "", "上海市上海市浦东新区南京西路699弄锦绣家园17号1506室"), compare.Different},
		// A county-level city in the city field, the platform's locality under its
		// prefecture: 普宁市 against 揭阳市普宁市.
		{shop("洪阳镇大王庄9组3号", "普宁市"), buyer("d", "", "广东省揭阳市普宁市 洪阳镇大王庄9组"), compare.Exact},
		{shop("洪阳镇大王庄9组3号", "揭东区"), buyer("d", "", "广东省揭阳市普宁市 洪阳镇大王庄9组"), compare.Different},
		{shop("朝阳路12号", "朝阳市"), buyer("e", "", "北京市北京市朝阳区朝阳路12号"), compare.Different},
	} {
		if got := CompareParties(c.a, c.b)[fieldLocality]; got.Kind != c.want {
			t.Errorf("%+v against %+v: locality %v (%s), want %v", c.a.Place, c.b.Place, got.Kind, got.Why, c.want)
		}
	}
}

// TestWholeNameAgainstParts: one shop sends Hannah and RICHARDSON, another the whole
// name: the whole name is compared part by part, in the order that agrees, so that it
// weighs as the two parts do and not as one field.
func TestWholeNameAgainstParts(t *testing.T) {
	parts := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Hannah", FamilyName: "RICHARDSON"})
	for _, whole := range []string{"Hannah Richardson", "Richardson Hannah", "Hanna Richardson"} {
		c := CompareParties(parts, ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: whole}))
		if !c[fieldGiven].Kind.Agrees() || !c[fieldFamily].Kind.Agrees() || c[fieldName].Kind != compare.Null {
			t.Errorf("%s: given %v, family %v, name %v; want the parts", whole, c[fieldGiven].Kind, c[fieldFamily].Kind, c[fieldName].Kind)
		}
	}
	for _, whole := range []string{"Emily Richardson", "Hannah", "Hannah Jane Richardson", "H. Richardson"} {
		c := CompareParties(parts, ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: whole}))
		if c[fieldName].Kind == compare.Null {
			t.Errorf("%s: compared in parts (given %v, family %v); want as a whole name", whole, c[fieldGiven].Kind, c[fieldFamily].Kind)
		}
	}
	han := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "建浩", FamilyName: "王"})
	if c := CompareParties(han, ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Jianhao Wang"})); c[fieldName].Kind == compare.Null {
		t.Errorf("a Han name in parts against a whole pinyin name is read as one name, got given %v family %v", c[fieldGiven].Kind, c[fieldFamily].Kind)
	}
}

// TestSwappedFieldsWeighAsParts: first and last name typed the other way round (Baker /
// Anthony) agree crosswise and weigh as the two parts; a part that is only part of the
// other's (吴 / 芳梦 against Fang WU: 芳 of 芳梦, a sister's name) stays the whole name.
func TestSwappedFieldsWeighAsParts(t *testing.T) {
	a := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Anthony", FamilyName: "BAKER"})
	b := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Baker", FamilyName: "Anthony"})
	if c := CompareParties(a, b); c[fieldGiven].Kind != compare.Exact || c[fieldFamily].Kind != compare.Exact {
		t.Errorf("swapped fields: given %v family %v name %v, want both parts exact", c[fieldGiven].Kind, c[fieldFamily].Kind, c[fieldName].Kind)
	}
	x := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "吴", FamilyName: "芳梦"})
	y := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Fang", FamilyName: "WU"})
	if c := CompareParties(x, y); c[fieldGiven].Kind.Agrees() && c[fieldFamily].Kind.Agrees() {
		t.Errorf("吴 / 芳梦 against Fang WU agree part by part (%v, %v): 芳 is part of 芳梦", c[fieldGiven].Kind, c[fieldFamily].Kind)
	}
}

// TestModelStoredBeforeDwelling: a model fitted and stored before the Dwelling and
// OtherHome levels (its arrays two kinds short) weighs the same home as it weighed the
// same numbers, Exact, and two homes as other numbers, Different, rather than as
// nothing; the prior weighs a home above Exact and two homes below Different.
func TestModelStoredBeforeDwelling(t *testing.T) {
	pm := DefaultPartyModel()
	raw, err := json.Marshal(pm)
	if err != nil {
		t.Fatal(err)
	}
	var stored map[string]any
	if err := json.Unmarshal(raw, &stored); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"m", "u"} {
		fields := stored[key].([]any)
		for i, f := range fields {
			kinds := f.([]any)
			fields[i] = kinds[:len(kinds)-4] // as written before Dwelling, OtherHome, Building and Homophone
		}
	}
	old, _ := json.Marshal(stored)
	var back PartyModel
	if err := json.Unmarshal(old, &back); err != nil {
		t.Fatal(err)
	}
	if got, want := back.Weight(fieldDetail, compare.Dwelling), back.Weight(fieldDetail, compare.Exact); got != want || got <= 0 {
		t.Errorf("an old model weighs a dwelling %.2f, want its exact weight %.2f", got, want)
	}
	if got, want := back.Weight(fieldDetail, compare.OtherHome), back.Weight(fieldDetail, compare.Different); got != want || got >= 0 {
		t.Errorf("an old model weighs two homes %.2f, want its different weight %.2f", got, want)
	}
	if got, want := back.Weight(fieldDetail, compare.Building), back.Weight(fieldDetail, compare.Partial); got != want || got <= 0 {
		t.Errorf("an old model weighs a building %.2f, want its partial weight %.2f", got, want)
	}
	if got, want := back.Weight(fieldName, compare.Homophone), back.Weight(fieldName, compare.Phonetic); got != want || got <= 0 {
		t.Errorf("an old model weighs a homophone %.2f, want its phonetic weight %.2f", got, want)
	}
	if b, p := pm.Weight(fieldDetail, compare.Building), pm.Weight(fieldDetail, compare.Partial); b <= p {
		t.Errorf("the prior weighs a locker of the home's building %.2f, no more than the compound's %.2f", b, p)
	}
	if d, e := pm.Weight(fieldDetail, compare.Dwelling), pm.Weight(fieldDetail, compare.Exact); d <= e {
		t.Errorf("the prior weighs a dwelling %.2f, no more than the same numbers %.2f", d, e)
	}
	if o, d := pm.Weight(fieldDetail, compare.OtherHome), pm.Weight(fieldDetail, compare.Different); o >= d {
		t.Errorf("the prior weighs two homes %.2f, no less than other text %.2f", o, d)
	}
}

// TestBlocksOfOneFlatWrittenTwoWays: a title's order at 16号楼2703 meets the full
// name's at 16栋2单元2703 (the unit left out) under the compound's flat; a family
// name misread (季 for 李) meets its own under the flat alone; another flat of the
// compound, or one number alone, does not.
func TestBlocksOfOneFlatWrittenTwoWays(t *testing.T) {
	cn := func(name, addr string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Country: "CN", Address: addr})
	}
	title := cn("郑女士", "江苏省南京市玄武区玄武区苏宁天润城16号楼2703")
	full := cn("郑倩燕", "江苏省南京市玄武区中山北路2286号 苏宁天润城 16栋2单元2703室")
	if a, b := title.Blocks()[BlockFlat], full.Blocks()[BlockFlat]; a == "" || a != b {
		t.Errorf("flat blocks %q and %q, want one", a, b)
	}
	ji := cn("季浩辰", "江苏省南京市建邺区应天大街1338号月牙湖花园16号楼2603")
	li := cn("李浩辰", "江苏省南京市建邺区月牙湖花园16-4-2603")
	if a, b := ji.Blocks()[BlockFlat], li.Blocks()[BlockFlat]; a == "" || a != b {
		t.Errorf("flat blocks %q and %q, want one", a, b)
	}
	for _, other := range []PartyProfile{cn("李浩辰", "江苏省南京市建邺区月牙湖花园16-4-2604"), cn("李浩辰", "江苏省南京市建邺区月牙湖花园2603")} {
		if a, b := ji.Blocks()[BlockFlat], other.Blocks()[BlockFlat]; b != "" && a == b {
			t.Errorf("flat block %q shared with %+v", a, other.Place)
		}
	}
	// 韩先生 at 融创白象街19号楼3单元1504室, a compound named like a road and written
	// without a number, meets 磊 韩 at 金开大道611号融创白象街19栋3单元1504.
	han := cn("韩先生", "重庆市重庆市渝北区 渝北区融创白象街19号楼3单元1504室")
	lei := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "磊 韩", GivenName: "磊", FamilyName: "韩", Country: "CN",
		Place: &ontology.AddressPart{Street: "金开大道611号融创白象街19栋3单元1504", Locality: "Chongqing City", Postcode: "400000"}})
	for _, rule := range []string{BlockFlat, BlockFamilyFlat} {
		if a, b := han.Blocks()[rule], lei.Blocks()[rule]; a == "" || a != b {
			t.Errorf("%s blocks %q and %q, want one", rule, a, b)
		}
	}
}

// TestBlocksOfTaiwanPostcodes: Taiwan's postcodes are the district's three digits and
// two or three more, and writers give either: Chi-Ming Hsiao at 10056 and 志明 蕭 at
// 100 meet under the family name's sound with the district's digits.
func TestBlocksOfTaiwanPostcodes(t *testing.T) {
	latin := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Chi-Ming", FamilyName: "Hsiao", Name: "Chi-Ming Hsiao", Country: "TW",
		Place: &ontology.AddressPart{Street: "2F., No. 390, Dunhua S. Rd., Xinyi Dist.", Locality: "Taipei City", Postcode: "10056"}})
	han := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "志明", FamilyName: "蕭", Name: "志明 蕭", Country: "TW",
		Place: &ontology.AddressPart{Street: "信義區敦化南路390號2樓", Locality: "台北市", Postcode: "100"}})
	if a, b := latin.Blocks()[BlockFamilySound], han.Blocks()[BlockFamilySound]; a == "" || a != b {
		t.Errorf("family sound blocks %q and %q, want one", a, b)
	}
	us := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Amy", FamilyName: "Hsiao", Country: "US",
		Place: &ontology.AddressPart{Street: "12 Main St", Locality: "Springfield", Postcode: "10056"}})
	if b := us.Blocks()[BlockFamilySound]; !strings.HasSuffix(b, "|10056") {
		t.Errorf("a US postcode is kept whole: %q", b)
	}
}

// TestBlocksOfMixedScriptNamesAndPhoneSlips: a name written in both scripts files its
// family name's reading with the compound and flat, as its Han form alone does; two
// plain numbers a slip apart meet under the masked-phone block and are compared.
func TestBlocksOfMixedScriptNamesAndPhoneSlips(t *testing.T) {
	both := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Xinyi Xu 徐欣怡", Country: "CN",
		Place: &ontology.AddressPart{Street: "秦淮区苏宁天润城8-1103", Locality: "秦淮区"}})
	han := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "徐欣怡", Country: "CN", Address: "江苏省南京市秦淮区苏宁天润城8号楼1103"})
	if a, b := both.Blocks()[BlockFamilyFlat], han.Blocks()[BlockFamilyFlat]; a == "" || a != b {
		t.Errorf("flat blocks %q and %q, want one", a, b)
	}
	a := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈志强", Phone: "18513835809", Country: "CN"})
	for phone, want := range map[string]bool{"18513385809": true, "18513835809": false, "185****5809": true, "18599995809": false} {
		b := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈志强", Phone: phone, Country: "CN"})
		bk := BlockMaskedPhone + "=" + a.Blocks()[BlockMaskedPhone]
		if got := maskBlockPair(bk, a, b); got != want {
			t.Errorf("18513835809 and %s under the masked-phone block: compared %v, want %v", phone, got, want)
		}
	}
}

// TestTrainedWeightsShrinkTowardsThePrior: a fitted level may weigh at most
// trainedWeightCap bits above the prior (EM's independence overstates a name and a
// district that namesakes share), a disagreement no more than the prior; one the data
// weakens keeps its fitted weight.
func TestTrainedWeightsShrinkTowardsThePrior(t *testing.T) {
	prior := DefaultPartyModel()
	fit := prior
	fit.U[fieldName][compare.Exact] /= 16      // +4 bits
	fit.U[fieldLocality][compare.Exact] *= 2   // -1 bit
	fit.U[fieldDetail][compare.OtherHome] /= 4 // +2 bits on a disagreement
	fit.U[fieldPhone][compare.Exact] /= 1.5    // +0.58 bits, within the cap
	fit.M[fieldDetail][compare.Dwelling] = 0   // a level the fit has no m for
	fit.shrinkTowards(prior, trainedWeightCap)
	for _, c := range []struct {
		f    int
		k    compare.Kind
		want float64
	}{
		{fieldName, compare.Exact, prior.Weight(fieldName, compare.Exact) + trainedWeightCap},
		{fieldLocality, compare.Exact, prior.Weight(fieldLocality, compare.Exact) - 1},
		{fieldPhone, compare.Exact, prior.Weight(fieldPhone, compare.Exact) + math.Log2(1.5)},
		{fieldDetail, compare.OtherHome, prior.Weight(fieldDetail, compare.OtherHome)},
	} {
		if got := fit.Weight(c.f, c.k); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s %s weighs %.3f, want %.3f", fieldNames[c.f], c.k, got, c.want)
		}
	}
}

// TestMailboxNamedByThePhone: 高梅英 orders from one number with the mailbox
// 15126824321@139.com, and from 15126824321 with none: the phones agree through the
// mailbox, exactly, or by a slip (two digits swapped); a mailbox of letters, or a
// number the other phone is not, says nothing of the phone.
func TestMailboxNamedByThePhone(t *testing.T) {
	p := func(phone, email string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "高梅英", Phone: phone, Email: email, Country: "CN"})
	}
	for _, tt := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{p("15980390761", "15126824321@139.com"), p("15126824321", ""), compare.Exact},
		{p("15126824321", ""), p("", "15126824321@139.com"), compare.Exact},
		{p("18318783364", "13415453408@139.com"), p("+8613415435408", ""), compare.Typo},
		{p("15980390761", "gaomeiying@139.com"), p("15126824321", ""), compare.Different},
		{p("15980390761", "13900000000@139.com"), p("15126824321", ""), compare.Different},
	} {
		if got := CompareParties(tt.a, tt.b)[fieldPhone]; got.Kind != tt.want {
			t.Errorf("%s %s against %s %s: phone %v (%s), want %v", tt.a.Phone, tt.a.Email, tt.b.Phone, tt.b.Email, got.Kind, got.Why, tt.want)
		}
	}
}

// TestPhoneSlipOfTheName: one digit off the number of the same full name links a
// customer who has moved in the city (吴倩 at 协信星澜汇 and at 鲁能星城, where a shop
// names the city alone); under another name (a family member's consecutive number, at
// the same flat) it does not: another name and another number are two people.
func TestPhoneSlipOfTheName(t *testing.T) {
	pm := DefaultPartyModel()
	checkDecisions(t, pm, []decisionCase{
		{"a slip of the number, the name, another home in the city",
			buyer("吴倩", "+8615329065192", "重庆市九龙坡区协信星澜汇北区16-3-3202"), buyer("吴倩", "15329065191", "重庆市鲁能星城30栋2单元1905室"), Same},
		{"another name at one home, numbers one apart",
			buyer("吴倩", "15329065192", "重庆市九龙坡区协信星澜汇北区16-3-3202"), buyer("吴建国", "15329065191", "重庆市九龙坡区协信星澜汇北区16-3-3202"), Possibly},
		{"the name alone and another number elsewhere",
			buyer("吴倩", "15329065192", "重庆市九龙坡区协信星澜汇北区16-3-3202"), buyer("吴倩", "15329061234", "重庆市渝北区鲁能星城30栋2单元1905室"), Apart},
	})
}

// TestGenerationsAreTwoPeople: Joseph Crawford Jr. at his father's address, with his own
// phone, is not Joseph Crawford, nor Darrell Bryant Jr. Darrell Bryant Sr.; the son
// writing his number without the suffix is still himself.
func TestGenerationsAreTwoPeople(t *testing.T) {
	pm := DefaultPartyModel()
	at := func(given, family, phone string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family,
			Phone: phone, Country: "US", Place: &ontology.AddressPart{Street: "54994 Gordon Shoal", Line2: "Apt 31B", Locality: "West Josephland", Postcode: "33555"}})
	}
	checkDecisions(t, pm, []decisionCase{
		{"father and son, two phones", at("Joseph", "Crawford", "+17404181115"), at("Joseph", "Crawford Jr.", "5718966943"), Possibly},
		{"Sr. and Jr., two phones", at("Darrell", "Bryant Sr.", "+17404181115"), at("Darrell", "Bryant Jr.", "5718966943"), Possibly},
		{"the son without his suffix, his own number", at("Joseph", "Crawford", "5718966943"), at("Joseph", "Crawford Jr.", "(571) 896-6943"), Same},
		{"the son twice", at("Joseph", "Crawford Jr.", "+17404181115"), at("Joseph", "Crawford Jr", "5718966943"), Same},
	})
	c := CompareParties(at("Joseph", "Crawford", ""), at("Joseph", "Crawford Jr.", ""))
	if c[fieldFamily].Kind != compare.Different || !strings.Contains(c[fieldFamily].Why, "two generations") {
		t.Errorf("Crawford against Crawford Jr.: %v (%s), want different, two generations", c[fieldFamily].Kind, c[fieldFamily].Why)
	}
}

// TestGenerationInTheMailbox: Craig Sanchez with craigs87jr@icloud.com and Craig
// Sanchez with craigs87@icloud.com at one flat are the son and his father, whose
// orders leave the suffix out of the name; without a mailbox on one side the son's
// mailbox is compared with nothing, and his mailbox agrees with his name's suffix.
func TestGenerationInTheMailbox(t *testing.T) {
	pm := DefaultPartyModel()
	at := func(name, phone, email string) PartyProfile {
		given, family, _ := strings.Cut(name, " ")
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, GivenName: given, FamilyName: family,
			Phone: phone, Email: email, Country: "CA", Place: &ontology.AddressPart{Street: "562 Lisa Points", Line2: "Unit 8B", Locality: "Nicholasstad", Postcode: "A7S 6Y5"}})
	}
	checkDecisions(t, pm, []decisionCase{
		{"father and son, two mailboxes, one marked jr", at("Craig Sanchez", "283-366-7116", "craigs87jr@icloud.com"), at("Craig Sanchez", "", "craigs87@icloud.com"), Possibly},
		{"the son without a mailbox on one side", at("Craig Sanchez", "283-366-7116", "craigs87jr@icloud.com"), at("Craig Sanchez", "", ""), Same},
		{"the son's suffix in his name and his mailbox", at("Craig Sanchez Jr.", "", ""), at("Craig Sanchez", "", "craigs87jr@icloud.com"), Same},
	})
}

// TestHanNameInPartsWeighsAsTheWhole: 佳怡 / 徐 from two storefronts weighs what 徐佳怡
// from a marketplace's one field does, not a given and a family name each; swapped
// into the other fields (徐 / 佳怡, the Chinese order) it is still the one name.
func TestHanNameInPartsWeighsAsTheWhole(t *testing.T) {
	pm := DefaultPartyModel()
	shop := func(given, family string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family, Country: "CN"})
	}
	a := shop("佳怡", "徐")
	whole := pm.Score(CompareParties(buyer("徐佳怡", "", ""), a), buyer("徐佳怡", "", ""), nil)
	for _, b := range []PartyProfile{shop("佳怡", "徐"), shop("徐", "佳怡")} {
		c := CompareParties(a, b)
		if c[fieldName].Kind != compare.Exact || c[fieldGiven].Kind != compare.Null || c[fieldFamily].Kind != compare.Null {
			t.Errorf("%s / %s: name %v, given %v, family %v; want the whole name exact", b.Given, b.Family, c[fieldName].Kind, c[fieldGiven].Kind, c[fieldFamily].Kind)
		}
		if s := pm.Score(c, a, nil); s != whole {
			t.Errorf("%s / %s weighs %.1f, the whole name from one field %.1f", b.Given, b.Family, s, whole)
		}
	}
	// A Latin name in parts stays two parts.
	if c := CompareParties(shop("Sarah", "Mitchell"), shop("Sarah", "Mitchell")); c[fieldGiven].Kind != compare.Exact || c[fieldFamily].Kind != compare.Exact {
		t.Errorf("Sarah / Mitchell: given %v, family %v; want both exact", c[fieldGiven].Kind, c[fieldFamily].Kind)
	}
}

// TestFieldsSwappedAcrossScripts: 黄 typed as the given name and 品睿 as the family
// name, against Pin-Juei / Huang: the whole names read in their own orders disagree,
// the fields agree crosswise, each whole.
func TestFieldsSwappedAcrossScripts(t *testing.T) {
	parts := func(given, family string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family, Country: "TW"})
	}
	c := CompareParties(parts("Pin-Juei", "Huang"), parts("黄", "品睿"))
	if c[fieldGiven].Kind != compare.Transliterated || c[fieldFamily].Kind != compare.Transliterated {
		t.Errorf("Pin-Juei / Huang against 黄 / 品睿: given %v (%s), family %v (%s); want both transliterated",
			c[fieldGiven].Kind, c[fieldGiven].Why, c[fieldFamily].Kind, c[fieldFamily].Why)
	}
	if c := CompareParties(parts("Pin-Juei", "Huang"), parts("黄", "文正")); c[fieldGiven].Kind.Agrees() || c[fieldFamily].Kind.Agrees() {
		t.Errorf("Pin-Juei / Huang against 黄 / 文正: given %v, family %v; want no agreement", c[fieldGiven].Kind, c[fieldFamily].Kind)
	}
}

// TestWaybillTail: a privacy waybill's order for 王丽7496 (a virtual number) meets her
// own number, ending 7496, at her flat; another tail does not, nor does the tail alone
// beside another name.
func TestWaybillTail(t *testing.T) {
	pm := DefaultPartyModel()
	flat := "北京市昌平区回龙观西大街483号望京花园29栋3单元2305室"
	waybill := buyer("王丽7496", "16542502006-1459", "北京市昌平区回龙观西大街483号29栋3单元2305")
	c := CompareParties(waybill, buyer("王丽", "13721097496", flat))
	if c[fieldPhone].Kind != compare.Partial {
		t.Errorf("王丽7496 against 13721097496: phone %v (%s), want partial", c[fieldPhone].Kind, c[fieldPhone].Why)
	}
	checkDecisions(t, pm, []decisionCase{
		{"the tail of her number", waybill, buyer("王女士", "13721097496", flat), Same},
		{"another tail", waybill, buyer("王女士", "13721091234", flat), Possibly},
	})
	// The tail is part of a number, as a title is part of a name: a link resting on
	// them holds only as the mention's one such match.
	title := buyer("王女士", "13721097496", flat)
	if !pm.restsOnPart(CompareParties(waybill, title), waybill, title, nil) {
		t.Error("a link of 王丽7496 and 王女士 on the tail and the flat does not rest on part of the values")
	}
}

// TestEnglishNameBesideTheChineseOne: Alex Zhang at her storefront, without a phone, is
// 张丹琪 of the same flat at the marketplace: the English given name beside the family
// name agrees in the family name alone, as 张女士 would, and links there; with
// another phone under the two names (Anna Xu, whose husband 许凯 reads Xu too) they
// stay two people.
func TestEnglishNameBesideTheChineseOne(t *testing.T) {
	pm := DefaultPartyModel()
	shop := func(given, family, phone, street, detail string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family,
			Phone: phone, Country: "CN", Place: &ontology.AddressPart{Street: street, Line2: detail, Locality: "未央区", Region: "陕西省"}})
	}
	alex := shop("Alex", "Zhang", "", "未央路839号院", "幸福小区15号楼3单元2304室")
	yan := buyer("张丹琪", "17148375310", "陕西省西安市未央区未央路839幸福小区15栋3单元2304")
	c := CompareParties(alex, yan)
	if c[fieldName].Kind != compare.Partial || c[fieldGiven].Kind != compare.Null || c[fieldFamily].Kind != compare.Null {
		t.Errorf("Alex Zhang against 张丹琪: name %v, given %v (%s), family %v; want the name partial", c[fieldName].Kind,
			c[fieldGiven].Kind, c[fieldGiven].Why, c[fieldFamily].Kind)
	}
	if !pm.restsOnPart(c, alex, yan, nil) {
		t.Error("Alex Zhang's link to 张丹琪 does not rest on part of the name")
	}
	anna := shop("Anna", "Xu", "15367538302", "朝阳北路1748号", "世纪城30栋4单元3301")
	checkDecisions(t, pm, []decisionCase{
		{"an English given name at the flat", alex, yan, Same},
		{"an English given name with its own phone", anna, buyer("许凯", "13738224683", "陕西省西安市未央区朝阳北路1748号世纪城30幢4单元3301室"), Apart},
		{"an English given name of the other sex, his number hidden", anna, buyer("许凯", "16518772358#2945", "陕西省西安市未央区朝阳北路1748号世纪城30幢4单元3301室"), Apart},
		{"two Chinese given names", shop("丹琪", "张", "", "未央路839号院", "幸福小区15号楼3单元2304室"), buyer("张艳颖", "17148375310", "陕西省西安市未央区未央路839幸福小区15栋3单元2304"), Apart},
	})
}

// TestMovedWithThePhone: 马芳 at one number in 武昌区 and 马芳 at that number one digit
// off in 江汉区 is one woman who moved (or ordered to work): another home says nothing
// beside the name and the phone. A title with the household's phone elsewhere is still
// at most a possible match, and the name with another number no lead.
func TestMovedWithThePhone(t *testing.T) {
	pm := DefaultPartyModel()
	work := buyer("马芳", "13237516889", "湖北省武汉市武昌区建设大道436号新世界国贸大厦31楼汇通信息技术")
	home := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "马芳", Phone: "13237506889", Country: "CN",
		Place: &ontology.AddressPart{Street: "江汉区光谷新世界19号楼4单元2402室", Locality: "武汉市", Postcode: "430633"}})
	checkDecisions(t, pm, []decisionCase{
		{"the name and a slip of the number, another home", work, home, Same},
		{"the name and another number, another home", work, buyer("马芳", "18612395987", "湖北省武汉市江汉区光谷新世界19号楼4单元2402室"), Apart},
		{"a title with the phone, another home", buyer("马女士", "13237516889", "湖北省武汉市江汉区光谷新世界19号楼4单元2402室"), work, Possibly},
	})
}

// TestNumberNoPlanReads: Emily Rodriguez at 5171196451 (her US number without +1, her
// country field GB) and at +1 517-119-6451, the same address: the profile keeps the
// digits no plan reads, and they are her number; Christina Cooper and C. Cooper at
// 0684297730 (country US, where no number starts with 0) are one number. A privacy
// number is still kept as nothing.
func TestNumberNoPlanReads(t *testing.T) {
	pm := DefaultPartyModel()
	at := func(given, family, phone, country string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family,
			Phone: phone, Country: country, Place: &ontology.AddressPart{Street: "4923 Dale Mountain", Locality: "West Derek", Postcode: "54664"}})
	}
	emily := at("Emily", "Rodriguez", "5171196451", "GB")
	if emily.Phone != "" || emily.PhoneDigits != "5171196451" {
		t.Errorf("5171196451 in GB: phone %q, digits %q; want no phone and the digits", emily.Phone, emily.PhoneDigits)
	}
	c := CompareParties(emily, at("Emily", "Rodriguez", "+1 517-119-6451", "GB"))
	if c[fieldPhone].Kind != compare.Exact {
		t.Errorf("5171196451 against +1 517-119-6451: %v (%s), want exact", c[fieldPhone].Kind, c[fieldPhone].Why)
	}
	flat := func(given, phone string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " Cooper", GivenName: given, FamilyName: "Cooper",
			Phone: phone, Country: "US", Place: &ontology.AddressPart{Street: "Flat 85q\nGregory Square", Locality: "East Jacobmouth", Postcode: "05401"}})
	}
	checkDecisions(t, pm, []decisionCase{
		{"the same digits no plan reads", flat("Christina", "0684297730"), flat("C.", "0684297730"), Same},
		{"other digits no plan reads", flat("Christina", "0684297730"), flat("C.", "0684297731"), Possibly},
	})
	if p := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王丽", Phone: "16550947305-8560", Country: "CN"}); p.Phone != "" || p.PhoneDigits != "" {
		t.Errorf("a privacy number with its extension: phone %q, digits %q; want nothing", p.Phone, p.PhoneDigits)
	}
}

// TestCompoundNamedLikeARoad: 张文琳 at 融创白象街26-3-1102, picked on a map, and at
// 谢家湾正街2823号融创白象街26栋3单元1102室: a compound named like a road (白象街),
// written without a number, is the compound the other address names after its road,
// not a second road; and 融创白象街12号楼803 is the twelfth building, not number 12.
func TestCompoundNamedLikeARoad(t *testing.T) {
	pm := DefaultPartyModel()
	road := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "文琳 张", GivenName: "文琳", FamilyName: "张", Phone: "15339694482",
		Country: "CN", Place: &ontology.AddressPart{Street: "谢家湾正街2823号融创白象街26栋3单元1102室", Locality: "重庆市", Postcode: "400469"}})
	checkDecisions(t, pm, []decisionCase{
		{"the compound picked on a map", buyer("张文琳", "16788540692#0693", "重庆市重庆市沙坪坝区融创白象街26-3-1102"), road, Same},
		{"another flat of the compound", buyer("张文琳", "16788540692#0693", "重庆市重庆市沙坪坝区融创白象街26-3-1402"), road, Apart},
		{"the twelfth building", buyer("韩鹏飞", "15190732688", "重庆市重庆市九龙坡区建新北路1848号融创白象街12栋5单元803"),
			buyer("韩鹏飞", "16597492649转6895", "重庆市重庆市九龙坡区融创白象街12号楼803"), Same},
	})
	// A road without a number that the other's compound does not start with stays a road.
	a, b := compare.ParseAddress("重庆市沙坪坝区天星桥正街26-3-1102"), compare.ParseAddress("重庆市沙坪坝区谢家湾正街2823号融创白象街26栋3单元1102室")
	if x, y := streetIsCompound(a, b); x != a || y != b {
		t.Errorf("天星桥正街 against 融创白象街: read as a compound: %+v %+v", x, y)
	}
}

// A Meituan buyer's address is the point of interest picked from the map and the flat
// (mapped as the street lines), with the geocoded address as the locality: the same
// home as the one a storefront's buyer types street first; a namesake in another
// building of the compound is for a person to look at, as on one street.
func TestMeituanHomeIsTheTypedHome(t *testing.T) {
	pm := DefaultPartyModel()
	meituan := func(name, phone, words, geocoded string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: words,
			Place: &ontology.AddressPart{Street: words, Locality: geocoded}})
	}
	typed := func(name, phone, addr string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: addr, Country: "CN"})
	}
	home := meituan("蒋雪雪", "17029647177_6424", "幸福华庭(钦州路1944号) 14号楼1单元2601", "上海市徐汇区钦州路1944号")
	checkDecisions(t, pm, []decisionCase{
		{"Meituan and a storefront, one home", home, typed("蒋雪雪", "13812345678", "上海市徐汇区钦州路1944号幸福华庭14号楼1单元2601"), Same},
		{"two Meituan orders, one home", home, meituan("蒋雪雪", "17029640000_1111", "幸福华庭(钦州路1944号) 14号楼1单元2601", "上海市徐汇区钦州路1944号"), Same},
		{"a namesake in another building of the compound", home,
			meituan("蒋雪雪", "17029641111_2222", "幸福华庭(钦州路1944号) 3号楼2单元502", "上海市徐汇区钦州路1944号"), Possibly},
	})
	if p := home.Place; p.Locality != "徐汇区" || p.Street != "钦州路" || p.Number != "1944" {
		t.Errorf("the Meituan home read as %+v, want 徐汇区 钦州路 1944", p)
	}
}
