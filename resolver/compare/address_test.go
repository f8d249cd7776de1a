package compare

import (
	"fmt"
	"strings"
	"testing"
)

// chineseAddressTests are the ParseChineseAddress table, also the seeds of
// FuzzParseAddress.
var chineseAddressTests = []struct {
	in   string
	want Address
}{
	{"浙江省杭州市西湖区文三路90号东部软件园1号楼",
		Address{Region: "浙江省", City: "杭州市", Locality: "西湖区", Street: "文三路", Number: "90", Detail: "东部软件园1号楼"}},
	{"四川省成都市青羊区二环路西一段1728号清水河小区14栋4单元2701", // a ring road's section, in Han numerals
		Address{Region: "四川省", City: "成都市", Locality: "青羊区", Street: "二环路西一段", Number: "1728", Detail: "清水河小区14栋4单元2701"}},
	{"四川省成都市锦江区羊西线2216号蓝光COCO金沙36号楼6单元1002室", // a road named 线, with its number
		Address{Region: "四川省", City: "成都市", Locality: "锦江区", Street: "羊西线", Number: "2216", Detail: "蓝光COCO金沙36号楼6单元1002室"}},
	{"四川省成都市锦江区地铁2号线春熙路站", // a metro line's 线 does not end a road
		Address{Region: "四川省", City: "成都市", Locality: "锦江区", Street: "地铁2号线春熙路", Detail: "站"}},
	{"北京市东城区九棵树家园9 5 1006", // building, unit and flat apart by spaces
		Address{Region: "北京市", City: "北京市", Locality: "东城区", Detail: "九棵树家园9-5-1006"}},
	{"陕西省西安市长安区紫薇田园都市H座3202", // a compound named like a city, no road
		Address{Region: "陕西省", City: "西安市", Locality: "长安区", Detail: "紫薇田园都市H座3202"}},
	{"上海市上海市浦东新区****", // Pinduoduo: the municipality twice, the rest masked
		Address{Region: "上海市", City: "上海市", Locality: "浦东新区", Detail: "****"}},
	{"浙江省杭州市萧山区闸弄口新村20号楼301", // a compound named after a lane's mouth, no road
		Address{Region: "浙江省", City: "杭州市", Locality: "萧山区", Detail: "闸弄口新村20号楼301"}},
	{"浙江省杭州市上城区新华弄18号", // a lane that is the street
		Address{Region: "浙江省", City: "杭州市", Locality: "上城区", Street: "新华弄", Number: "18"}},
	{"北京市天通苑东三区34号楼3001室", // an estate's section, not a district
		Address{Region: "北京市", City: "北京市", Detail: "天通苑东三区34号楼3001室"}},
	{"融创白象街南区12栋5单元803", // an estate's south section, where no district is written
		Address{Street: "融创白象街", Detail: "南区12栋5单元803"}},
	{"重庆市九龙坡区融创白象街12号楼803", // a building's 号楼 after a compound named like a road
		Address{Region: "重庆市", City: "重庆市", Locality: "九龙坡区", Street: "融创白象街", Detail: "12号楼803"}},
	{"山东省青岛市市南区香港中路10号", // a district named for a compass point
		Address{Region: "山东省", City: "青岛市", Locality: "市南区", Street: "香港中路", Number: "10"}},
	{"河南省郑州市二七区花园路482号", // 二七区 is a district
		Address{Region: "河南省", City: "郑州市", Locality: "二七区", Street: "花园路", Number: "482"}},
	{"上海市浦东新区张江路100号",
		Address{Region: "上海市", City: "上海市", Locality: "浦东新区", Street: "张江路", Number: "100"}},
	{"北京市市辖区朝阳区建国门外街道建国路88号",
		Address{Region: "北京市", City: "北京市", Locality: "朝阳区", Town: "建国门外街道", Street: "建国路", Number: "88"}},
	{"广东省 深圳市 南山区 粤海街道 科技园路１号", // spaces and a full-width digit
		Address{Region: "广东省", City: "深圳市", Locality: "南山区", Town: "粤海街道", Street: "科技园路", Number: "1"}},
	{"江苏省苏州市昆山市玉山镇人民路5号", // a county-level city
		Address{Region: "江苏省", City: "苏州市", Locality: "昆山市", Town: "玉山镇", Street: "人民路", Number: "5"}},
	{"廣東省廣州市天河區天河路385號", // traditional characters
		Address{Region: "广东省", City: "广州市", Locality: "天河区", Street: "天河路", Number: "385"}},
	{"广西壮族自治区南宁市青秀区民族大道100号",
		Address{Region: "广西壮族自治区", City: "南宁市", Locality: "青秀区", Street: "民族大道", Number: "100"}},
	{"杭州市阳光小区3栋2单元501室", // an estate ends in 区 but is no district
		Address{City: "杭州市", Detail: "阳光小区3栋2单元501室"}},
	{"浙江杭州西湖区文三路", // province and city without their suffix words
		Address{Region: "浙江", Locality: "杭州西湖区", Street: "文三路"}},
	{"天河区市桥街1052号12栋2202 广州", // a street starting with 市 after the district
		Address{Locality: "天河区", Street: "市桥街", Number: "1052", Detail: "12栋2202广州"}},
	{"江苏省南京市玄武区北京东路1733号", // a street named after a municipality
		Address{Region: "江苏省", City: "南京市", Locality: "玄武区", Street: "北京东路", Number: "1733"}},
	{"北京东路1733号院", Address{Street: "北京东路", Number: "1733", Detail: "院"}},
	{"北京市东城区建国路936号", // the municipality itself, written in full
		Address{Region: "北京市", City: "北京市", Locality: "东城区", Street: "建国路", Number: "936"}},
	{"江苏省苏州市工业园区人民路1997号", // Suzhou's Industrial Park is a district
		Address{Region: "江苏省", City: "苏州市", Locality: "工业园区", Street: "人民路", Number: "1997"}},
	{"江苏省南京市玄武区玄武区苏宁天润城16号楼2703", // the district the buyer picked, then typed again
		Address{Region: "江苏省", City: "南京市", Locality: "玄武区", Detail: "苏宁天润城16号楼2703"}},
	{"河南省郑州市二七区 河南省郑州市二七区建业森林半岛35栋1403", // the whole area typed again
		Address{Region: "河南省", City: "郑州市", Locality: "二七区", Detail: "建业森林半岛35栋1403"}},
	{"陕西省西安市莲湖区陕西西安莲湖区紫薇田园都市10号楼", // again, without the suffix words
		Address{Region: "陕西省", City: "西安市", Locality: "莲湖区", Detail: "紫薇田园都市10号楼"}},
	{"山东省菏泽市曹县 山东省菏泽市青菏街道徐寨村", // the province and city again, then the township
		Address{Region: "山东省", City: "菏泽市", Locality: "曹县", Town: "青菏街道", Detail: "徐寨村"}},
	{"浙江省杭州市西湖区蒋村街道蒋村街道西溪路1789号碧桂园5栋1单元701", // Douyin's 街道, then the buyer's again
		Address{Region: "浙江省", City: "杭州市", Locality: "西湖区", Town: "蒋村街道", Street: "西溪路", Number: "1789", Detail: "碧桂园5栋1单元701"}},
	{"四川省成都市武侯区浆洗街街道浆洗街街道天府大道１０２７号翠湖苑２３栋６单元３３０４", // a 街道 named like a street, twice
		Address{Region: "四川省", City: "成都市", Locality: "武侯区", Town: "浆洗街街道", Street: "天府大道", Number: "1027", Detail: "翠湖苑23栋6单元3304"}},
	{"广东省深圳市南山区蛇口街道南山区蛇口街道后海大道491号", // the district and the 街道 again
		Address{Region: "广东省", City: "深圳市", Locality: "南山区", Town: "蛇口街道", Street: "后海大道", Number: "491"}},
	{"辽宁省大连市中山区大连路5号", // a road named after the city is no repeat
		Address{Region: "辽宁省", City: "大连市", Locality: "中山区", Street: "大连路", Number: "5"}},
	{"", Address{}},
}

func TestParseChineseAddress(t *testing.T) {
	for _, tt := range chineseAddressTests {
		if got := ParseChineseAddress(tt.in); got != tt.want {
			t.Errorf("ParseChineseAddress(%q) =\n %+v, want\n %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseAddressLatin(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Address
	}{
		{"12 Main St, Springfield, IL 62704", Address{Number: "12", Street: "Main St", Locality: "Springfield", Region: "IL", Postcode: "62704"}},
		{"Flat 3, 12 Main Street, London, SW1A 1AA", Address{Number: "12", Street: "Main Street", Detail: "Flat 3", Locality: "London", Postcode: "SW1A 1AA"}},
		{"5/12 Kingsford St, Randwick, NSW 2031", Address{Number: "12", Street: "Kingsford St", Detail: "unit 5", Locality: "Randwick", Region: "NSW", Postcode: "2031"}},
		{"12-14 High Rd", Address{Number: "12-14", Street: "High Rd"}},
		{"Rosetta Lodge, Kingsford Street, Randwick", Address{Street: "Rosetta Lodge", Locality: "Kingsford Street", City: "Randwick"}},
		{"Keizersgracht 123, 1015 CJ Amsterdam", Address{Number: "123", Street: "Keizersgracht", Locality: "Amsterdam", Postcode: "1015 CJ"}},
		{"Hauptstraße 5a, 10115 Berlin", Address{Number: "5a", Street: "Hauptstraße", Locality: "Berlin", Postcode: "10115"}},
		{"", Address{}},
	} {
		if got := ParseAddress(tt.in); got != tt.want {
			t.Errorf("ParseAddress(%q) =\n %+v, want\n %+v", tt.in, got, tt.want)
		}
	}
}

func TestLatinAddress(t *testing.T) {
	got := LatinAddress("", "5/12 kingsford street", "rosetta lodge", "randwick", "2031", "nsw")
	want := Address{Number: "12", Street: "kingsford street", Detail: "unit 5 rosetta lodge", Locality: "randwick", Postcode: "2031", Region: "nsw"}
	if got != want {
		t.Errorf("LatinAddress = %+v, want %+v", got, want)
	}
	if got := LatinAddress("7", "12 kingsford street", "", "", "", ""); got.Number != "7" || got.Street != "12 kingsford street" {
		t.Errorf("LatinAddress with a number = %+v: the street must be left alone", got)
	}
}

func TestAddressPartLevels(t *testing.T) {
	for _, tt := range []struct {
		part Part
		a, b string
		want Kind
	}{
		{PartStreet, "Kingsford Street", "kingsford st.", Exact},
		{PartStreet, "kingsford street", "kingsfrod street", Typo},
		{PartStreet, "kingsford village road", "kingsfort vilage rd", Similar},
		{PartStreet, "kingsford street", "high road", Different},
		{PartStreet, "杭州莫干山路", "莫干山路", Exact},                                      // a city without its 市 before the street
		{PartStreet, "工业园区东吴北路", "东吴北路", Exact},                                    // a district the parser leaves on the street
		{PartStreet, "工业园区星湖街", "苏州星湖街", Exact},                                    // an area on both sides, each its own
		{PartStreet, "滨江大道", "沿江大道", Typo},                                         // one character apart, never the same street
		{PartStreet, "新人民路", "人民路", Typo},                                          // a longer name: one edit at most, never the same street
		{PartStreet, "人民路", "路", Different},                                        // too short to tell
		{PartStreet, "pike place", "pike mlace", Typo},                             // "pike pl" against "pike mlace" but one letter apart
		{PartStreet, "hilder street", "hilderstreet", Exact},                       // the space lost
		{PartStreet, "Sanmin Rd. Sec. 2", "Sanmin Rd. Ln. 272, Sec. 4", Different}, // Taiwan's sections are streets of their own
		{PartStreet, "Sanmin Rd., Sec. 2", "Sanmin Rd. Sec. 2", Exact},
		{PartStreet, "Xinghu Street", "Xinghu Street, Industrial Park", Similar}, // the area after a comma
		{PartStreet, "Xinghu Street", "Renmin Street, Industrial Park", Different},
		{PartDetail, "woodstock park", "woodstokcipark", Similar}, // FEBRL-style corruption
		{PartDetail, "rosetta lodge", "kingsford village", Different},
		{PartDetail, "Bldg 3, Rm 2706", "3-2706", Dwelling}, // an English form's flat, a Chinese form's numbers
		{PartDetail, "Bldg 3, Rm 2706", "4-2706", Different},
		{PartDetail, "Unit 12", "12", Different}, // one number: not enough to say
		// The flat or floor next door is a neighbour's as often as a slip.
		{PartDetail, "Room 1203", "Room 1204", Different},
		{PartDetail, "Apt 31B", "Apt 31C", Different},
		{PartDetail, "20F", "10F", Different},
		{PartDetail, "Room 1505, Building 13", "Apt 1505, Building 13", Similar}, // the same numbers, worded otherwise
		{PartDetail, "Building 13, Room 1505", "Room 1505, Building 13", Similar},
		{PartDetail, "Room 1203, Unit 3, Building 1", "Room 1203, Building 1", Similar}, // the unit left out
		{PartDetail, "rosetta lodge 12", "rosetta lodgee 12", Typo},                     // the words slip, the number holds
		{PartStreet, "文三路", "文三路", Exact},
		{PartStreet, "文三路", "文二路", Typo},
		{PartNumber, "12", "12", Exact},
		{PartNumber, "90号", "90", Exact},
		{PartNumber, "12", "21", Typo},
		{PartNumber, "12a", "12-14", Partial},
		{PartNumber, "12", "7", Different},
		{PartPostcode, "sw1a 1aa", "SW1A1AA", Exact},
		{PartPostcode, "2031", "2013", Typo},
		{PartPostcode, "2031", "2035", Typo},
		{PartPostcode, "20310", "20399", Partial},
		{PartLocality, "浦东新区", "浦东", Exact},
		{PartRegion, "浙江省", "浙江", Exact},
		{PartRegion, "廣東省", "广东", Exact},
		{PartRegion, "nsw", "vic", Different},
		{PartLocality, "randwick", "randwik", Typo},
		{PartDetail, "****", "东部软件园1号楼", Null}, // nothing visible: the address as a whole decides
		{PartDetail, "东部**", "东部软件园1号楼", MaskedCompatible},
		{PartDetail, "西部**", "东部软件园1号楼", Different},
		{PartLocality, "", "randwick", Null},
	} {
		checkLevel(t, fmt.Sprintf("%v: comparePart(%q, %q)", tt.part, tt.a, tt.b),
			comparePart(tt.part, tt.a, tt.b), comparePart(tt.part, tt.b, tt.a), tt.want, AddressPartKinds())
	}
}

func TestAddressLevels(t *testing.T) {
	febrl := func(number, line1, line2, suburb, postcode, state string) Address {
		return LatinAddress(number, line1, line2, suburb, postcode, state)
	}
	for _, tt := range []struct {
		name string
		a, b Address
		want Kind
	}{
		{"same FEBRL address", febrl("12", "kingsford street", "rosetta lodge", "randwick", "2031", "nsw"),
			febrl("12", "kingsford st", "rosetta lodge", "randwick", "2031", "nsw"), Exact},
		{"number inside the street line", febrl("12", "kingsford street", "", "randwick", "2031", "nsw"),
			febrl("", "12 kingsford street", "", "randwick", "2031", "nsw"), Exact},
		{"street typo", febrl("12", "kingsford street", "", "randwick", "2031", "nsw"),
			febrl("12", "kingsfrod street", "", "randwick", "2031", "nsw"), Similar},
		{"number missing on one side", febrl("12", "kingsford street", "", "randwick", "2031", "nsw"),
			febrl("", "kingsford street", "", "randwick", "2031", "nsw"), Exact},
		{"other street, same suburb", febrl("12", "kingsford street", "", "randwick", "2031", "nsw"),
			febrl("3", "high road", "", "randwick", "2031", "nsw"), Partial},
		{"same street, other town", febrl("12", "high street", "", "randwick", "2031", "nsw"),
			febrl("12", "high street", "", "geelong", "3220", "vic"), Different},
		{"nothing in common", febrl("12", "kingsford street", "", "", "", ""), febrl("", "", "", "geelong", "", ""), Null},
		{"same Chinese address, two spellings", ParseAddress("浙江省杭州市西湖区文三路90号"),
			ParseAddress("浙江杭州市西湖区文三路90号"), Exact},
		{"traditional and simplified", ParseAddress("廣東省廣州市天河區天河路385號"),
			ParseAddress("广东省广州市天河区天河路385号"), Exact},
		{"masked Pinduoduo address", ParseAddress("上海市上海市浦东新区****"),
			ParseAddress("上海市浦东新区张江路100号"), MaskedCompatible},
		{"masked, other district", ParseAddress("上海市上海市浦东新区****"),
			ParseAddress("上海市徐汇区漕溪北路100号"), Different},
		{"both masked alike", ParseAddress("上海市上海市浦东新区****"),
			ParseAddress("上海市上海市浦东新区****"), MaskedCompatible},
		{"estate without a street", ParseAddress("杭州市阳光小区3栋2单元501室"),
			ParseAddress("杭州市阳光小区3栋2单元501室"), Exact},
	} {
		got := AddressLevels(tt.a, tt.b)
		checkLevel(t, tt.name+": AddressLevels", got.Overall, AddressLevels(tt.b, tt.a).Overall, tt.want, AddressKinds())
	}
}

// TestAddressPartLevelIsAddressLevelsPart: a part compared alone gets the level the
// whole comparison gives it.
func TestAddressPartLevelIsAddressLevelsPart(t *testing.T) {
	pairs := [][2]Address{
		{LatinAddress("12", "kingsford street", "rosetta lodge", "randwick", "2031", "nsw"),
			LatinAddress("", "12 kingsford st", "", "randwick", "2031", "nsw")},
		{LatinAddress("12", "high street", "", "randwick", "2031", "nsw"), LatinAddress("3", "high road", "", "geelong", "3220", "vic")},
		{ParseAddress("上海市上海市浦东新区****"), ParseAddress("上海市浦东新区张江路100号")},
		{ParseAddress("廣東省廣州市天河區天河路385號"), ParseAddress("广东省广州市天河区天河路385号")},
		{ParseAddress("杭州市阳光小区3栋2单元501室"), {}},
	}
	for _, ab := range pairs {
		whole := AddressLevels(ab[0], ab[1])
		for p := range Part(NumParts) {
			if got := AddressPartLevel(p, ab[0], ab[1]); got != whole.Parts[p] {
				t.Errorf("%v / %v, %s: alone %+v, in the whole %+v", ab[0], ab[1], p, got, whole.Parts[p])
			}
		}
	}
}

func FuzzParseAddress(f *testing.F) {
	for _, tt := range chineseAddressTests {
		f.Add(tt.in)
	}
	f.Add("12 Main St, Springfield, IL 62704")
	f.Add("5/12 Kingsford St, Randwick, NSW 2031")
	f.Fuzz(func(t *testing.T, s string) {
		a := ParseAddress(s)
		if !hasHan(s) {
			return
		}
		plain := string(chineseRunes(s))
		// A postcode written between other parts (江东中路1534, 210556, 南京市) is lifted
		// out, and what stood on both sides of it may join.
		// Spaces between numbers read as the dash between them, which goes with the
		// postcode when that is lifted out: 曛 000000 1 leaves 曛1.
		undash := strings.NewReplacer("-", "")
		fromAddress := func(v string) bool {
			if strings.Contains(plain, v) || strings.Contains(undash.Replace(plain), undash.Replace(v)) {
				return true
			}
			for i := 0; a.Postcode != "" && i+len(a.Postcode) <= len(plain); i++ {
				if strings.HasPrefix(plain[i:], a.Postcode) && strings.Contains(undash.Replace(plain[:i]+plain[i+len(a.Postcode):]), undash.Replace(v)) {
					return true
				}
			}
			return false
		}
		for p := range Part(NumParts) {
			if v := a.get(p); v != "" && !fromAddress(v) {
				t.Fatalf("ParseAddress(%q).%v = %q, not in the address", s, p, v)
			}
		}
		AddressLevels(a, ParseAddress(s+"1号"))
	})
}

func BenchmarkAddressLevels(b *testing.B) {
	x, y := ParseAddress("浙江省杭州市西湖区文三路90号东部软件园1号楼"), ParseAddress("浙江杭州市西湖区文三路90号东部软件园")
	for b.Loop() {
		AddressLevels(x, y)
	}
}

func TestChineseAddressParts(t *testing.T) {
	pdd := ParseChineseAddress("广东省深圳市罗湖区科技园路1771号9号楼3202室")
	for _, c := range []struct {
		name string
		a    Address
		want [NumParts]Kind // number, street, detail, town, locality, city, region, postcode
	}{
		{"Shopify: district in address1, the flat in address2, city in Chinese",
			ChineseAddressParts("罗湖区科技园路1771号", "9栋3202", "深圳市", "", "GD"),
			[NumParts]Kind{Exact, Exact, Dwelling, Null, Exact, Exact, Different, Null}},
		{"WooCommerce: city in Latin letters (read as pinyin), the flat as 9-3202",
			ChineseAddressParts("科技园路1771号", "9-3202", "Shenzhen", "518000", "CN30"),
			[NumParts]Kind{Exact, Exact, Dwelling, Null, Null, Exact, Different, Null}},
		{"an estate name and a unit on one side",
			ChineseAddressParts("罗湖区科技园路1771号", "阳光花园9幢2单元3202室", "罗湖区", "", ""),
			[NumParts]Kind{Exact, Exact, Dwelling, Null, Exact, Null, Null, Null}},
		{"the city field holds the city without its 市",
			ChineseAddressParts("科技园路1771号", "9号楼3202室", "深圳", "", ""),
			[NumParts]Kind{Exact, Exact, Exact, Null, Null, Exact, Null, Null}},
		{"the neighbour upstairs",
			ChineseAddressParts("罗湖区科技园路1771号", "9号楼3302室", "深圳市", "", ""),
			[NumParts]Kind{Exact, Exact, OtherHome, Null, Exact, Exact, Null, Null}},
	} {
		ac := AddressLevels(pdd, c.a)
		for p := range NumParts {
			if ac.Parts[p].Kind != c.want[p] {
				t.Errorf("%s: %s is %v (%s), want %v", c.name, Part(p), ac.Parts[p].Kind, ac.Parts[p].Why, c.want[p])
			}
		}
	}
}

func TestChineseHouseNumberWithout号(t *testing.T) {
	a := ParseChineseAddress("山东省青岛市崂山区书院路1931世茂滨江花园22栋2单元2703")
	if a.Number != "1931" || a.Street != "书院路" || a.Detail != "世茂滨江花园22栋2单元2703" {
		t.Errorf("%+v", a)
	}
	// Digits before a building word are the building, not a house number.
	if b := ParseChineseAddress("上海市杨浦区张杨路23#2505"); b.Number != "" {
		t.Errorf("%+v", b)
	}
}

// An address written the Western way round, street first and city last, with the
// postcode between, reads as the same address in Chinese order.
func TestChineseAddressWrittenWesternOrder(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Address
	}{
		{"江东中路1534, 210556, 南京市", Address{Number: "1534", Street: "江东中路", City: "南京市", Postcode: "210556"}},
		{"文三路90号，西湖区，杭州市，浙江省 310012", Address{Number: "90", Street: "文三路", Locality: "西湖区", City: "杭州市", Region: "浙江省", Postcode: "310012"}},
		// Chinese order with spaces and a postcode: only the postcode moves.
		{"浙江省杭州市 西湖区 文三路90号 310012", Address{Number: "90", Street: "文三路", Locality: "西湖区", City: "杭州市", Region: "浙江省", Postcode: "310012"}},
		// In Chinese order a number at the very end may be a room: it stays the detail.
		{"南京市江东中路1534", Address{Street: "江东中路", City: "南京市", Detail: "1534"}},
	} {
		if got := ParseChineseAddress(tt.in); got != tt.want {
			t.Errorf("ParseChineseAddress(%q) =\n %+v, want\n %+v", tt.in, got, tt.want)
		}
	}
	a, b := ParseChineseAddress("江东中路1534, 210556, 南京市"), ParseChineseAddress("南京市江东中路1534号")
	if a.Number != b.Number || a.Street != b.Street || a.City != b.City {
		t.Errorf("%+v and %+v differ", a, b)
	}
}

// A part after the street that only looks like an area (a shop, a zone of an estate, a
// second district) stays in the detail: separating it with a space or comma loses
// nothing the same text written without one keeps.
func TestChineseAddressKeepsWhatFollowsTheStreet(t *testing.T) {
	for _, in := range []string{
		"广东省深圳市南山区科技园路1号 A区",
		"北京市朝阳区建国路88号 华联超市",
		"上海市徐汇区漕溪北路88号, 东区",
		"上海市徐汇区漕溪北路90号 生活区",
		"深圳市南山区科技园路1号 3栋 福田区",
	} {
		spaced, joined := ParseChineseAddress(in), ParseChineseAddress(strings.NewReplacer(" ", "", ",", "").Replace(in))
		if spaced != joined {
			t.Errorf("%q reads\n %+v, without separators\n %+v", in, spaced, joined)
		}
	}
	if a := ParseChineseAddress("科技园路1号 华联超市"); a.City != "" || a.Detail != "华联超市" {
		t.Errorf("a supermarket read as %+v", a)
	}
}

// TestHomeNumbersKey: the numbers of one home agree however it is written (a building
// as 栋, 号楼 or #, full-width digits, a compound named or not, Taiwan's English form
// with its section), and a home with fewer than three numbers has no key.
func TestHomeNumbersKey(t *testing.T) {
	same := [][2]Address{
		{ParseChineseAddress("浙江省杭州市滨江区莫干山路1306号26栋204"), ParseChineseAddress("浙江省杭州市滨江区 莫干山路1306号26号楼204室")},
		{ParseChineseAddress("南京江宁区江东中路１２６６号碧桂园１７－３０６"), LatinAddress("", "No. 1266 Jiangdong Middle Road", "Room 306, Building 17", "Nanjing", "210066", "")},
		{ChineseAddressParts("中和區文化路二段51號3樓", "", "新北市", "22022", ""), LatinAddress("", "3F., No. 51, Sec. 2, Wenhua Rd., Zhonghe Dist.", "", "New Taipei City", "22022", "")},
		{ParseChineseAddress("广东省深圳市南山区福华一路405号金桥新村28号楼1205室"), LatinAddress("", "405 Fuhua 1st Road", "28-1205", "Shenzhen", "518412", "")},
		// The unit given on one side only: 26栋3单元1304 and 26号楼1304室.
		{ChineseAddressParts("市南区香港中路320号", "２６栋３单元１３０４", "青岛市", "266697", ""), ParseChineseAddress("山东省青岛市市南区香港中路320号26号楼1304室")},
		{LatinAddress("", "No. 1158 Bao'an Avenue", "Room 2803, Unit 4, Building 5", "Shenzhen", "518400", ""), ParseChineseAddress("广东省深圳市南山区宝安大道1158号锦绣家园5-2803")},
	}
	for _, p := range same {
		ka, kb := HomeNumbersKey(p[0]), HomeNumbersKey(p[1])
		if ka == "" || ka != kb {
			t.Errorf("%+v and %+v: keys %q and %q, want one key", p[0], p[1], ka, kb)
		}
	}
	if k := HomeNumbersKey(ParseChineseAddress("浙江省杭州市滨江区莫干山路1306号26栋205")); k == HomeNumbersKey(same[0][0]) {
		t.Errorf("another flat of the building has the key %q", k)
	}
	if k := HomeNumbersKey(ParseChineseAddress("浙江省杭州市滨江区莫干山路1306号")); k != "" {
		t.Errorf("a house number alone has the key %q", k)
	}
}

// TestEnglishFormOfAChineseDetail: the English form of a flat reads its numbers the
// other way round (the same home, as the Chinese form's numbers alone are) and may
// leave out the unit; other numbers are another flat.
func TestEnglishFormOfAChineseDetail(t *testing.T) {
	for _, c := range []struct {
		han, latin string
		want       Kind
	}{
		{"锦绣家园17号1506室", "Room 1506, Building 17", Dwelling}, // the same numbers: the same home
		{"融侨14栋1702", "Apt 1702, Building 14, Rongqiao Cheng", Dwelling},
		{"建设新村22号楼2单元706室", "Room 706, Building 22, Jianshe Xincun", Similar}, // the unit left out
		{"锦绣家园17号1506室", "Room 1507, Building 17", Different},
		{"9号楼3202室", "9-3202", Dwelling}, // numbers alone: as a Chinese detail reads them
		{"9号楼32室", "9-32", Exact},        // a room of two digits: a floor or a shop as often as a home
		{"3202室", "3202", Exact},         // a flat without its building: one of many in a compound
	} {
		a := Address{Number: "1", Street: "x", Detail: c.han}
		b := Address{Number: "1", Street: "x", Detail: c.latin}
		if got := AddressPartLevel(PartDetail, a, b); got.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.han, c.latin, got.Kind, got.Why, c.want)
		}
	}
}

// TestDetailNumbersStoppingShort: a village's group without its house number, or the
// same flat without its unit, is Similar; other numbers are Different.
func TestDetailNumbersStoppingShort(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"东风村7组", "东风村7组15号", Similar},
		{"星耀城14-2805", "星耀城14栋4单元2805室", Dwelling}, // the unit on one side only
		{"星耀城2805", "星耀城14栋4单元2805室", Similar},     // the flat without its building
		{"东风村7组", "东风村8组15号", Different},
		{"东风村7组15号", "东风村7组16号", Different},
	} {
		if got := AddressPartLevel(PartDetail, Address{Detail: c.a}, Address{Detail: c.b}); got.Kind != c.want {
			t.Errorf("%s ~ %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

// TestVillageOf: the village a rural detail lies in, whatever landmark or house it names;
// an estate's name is no village.
func TestVillageOf(t *testing.T) {
	for detail, want := range map[string]string{
		"刘湾村口小卖部":       "刘湾",
		"刘湾10组100号":     "刘湾",
		"刘湾村10组":        "刘湾",
		"大王庄卫生室旁":       "大王庄",
		"王屯超市代收":        "王屯",
		"东风村村委会旁":       "东风",
		"胡店村25号":        "胡店",
		"黄集43号":         "黄集",
		"清水河小区14栋":      "",
		"桃源村24栋3单元1302": "",
		"华润橡树湾26-3-801": "",
		"阳光花园9幢":        "",
		"物业服务中心":        "",
		"兔喜生活超市":        "",
		"村口小卖部":         "",
		"":              "",
	} {
		if got := villageOf(detail); got != want {
			t.Errorf("villageOf(%q) = %q, want %q", detail, got, want)
		}
	}
	a, b := Address{Detail: "刘湾村口小卖部", Locality: "郸城县"}, Address{Detail: "刘湾10组100号", Locality: "郸城县"}
	if l := AddressPartLevel(PartDetail, a, b); l.Kind != Partial {
		t.Errorf("one village's shop and house: %v (%s), want partial", l.Kind, l.Why)
	}
	if l := AddressPartLevel(PartDetail, Address{Detail: "刘湾10组"}, Address{Detail: "张湾10组"}); l.Kind != Different {
		t.Errorf("two villages' groups: %v (%s), want different", l.Kind, l.Why)
	}
}

// TestParcelPointInTheHomesCompound: a locker, a courier's station or the estate's
// office in the compound of a home agrees as the compound (Partial), a locker numbered
// by the home's building as the building (Building), another
// compound's is another place; a village's shop that takes parcels in stays the
// village's (Partial by the village), and two homes stay compared by their numbers.
func TestParcelPointInTheHomesCompound(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want Kind
	}{
		{"海信慧园丰巢快递柜", "海信慧园7栋1504室", Partial},
		{"青特花溪地物业服务中心(32号柜)", "青特花溪地小区32幢4单元1004室", Building},
		{"万科魅力之城中通快递超市", "万科魅力之城9幢5单元2605室", Partial},
		{"莲花五村中通快递超市(14号柜)", "莲花五村南区14栋3305室", Building},
		{"金尚小区兔喜生活超市", "金尚小区1栋3205", Partial},
		{"海信慧园丰巢快递柜", "金尚小区7栋1504室", Different},
		{"万科魅力之城中通快递超市", "万科魅力之城", Partial},
		{"鲁能星城中通快递超市(24号柜)", "鲁能星城12栋405", Null},
		{"鲁能星城中通快递超市(12号柜)", "鲁能星城12栋405", Building},
		{"鲁能星城中通快递超市(12号柜)", "鲁能星城", Partial}, // no building to check the locker against
		{"万科魅力之城中通快递超市", "金尚小区", Different},
		{"王屯超市代收", "王屯11组55号", Partial},
		{"海信慧园7栋1504室", "海信慧园9栋302室", OtherHome},
	} {
		if got := AddressPartLevel(PartDetail, Address{Detail: tt.a}, Address{Detail: tt.b}); got.Kind != tt.want {
			t.Errorf("%s against %s: %v (%s), want %v", tt.a, tt.b, got.Kind, got.Why, tt.want)
		}
	}
	if got := ParcelPoint("海信慧园7栋1504室"); got != "" {
		t.Errorf("a home read as the parcel point of %q", got)
	}
}

// TestAreaInTheSecondLine: a second line holding the district (Ap Lei Chau) is not a
// home that namesakes of one estate share; a flat in it still is.
func TestAreaInTheSecondLine(t *testing.T) {
	cases := []struct {
		street, number, detail string
		want                   Kind
	}{
		{"Flat B, 24/F, Block 3, South Horizons", "", "Ap Lei Chau", Null},
		{"Blk 8, Laguna City", "29H", "Kwun Tong", Null}, // 29H, Blk 8: the 29th floor's flat H
		{"Flat 38, Sai Apartments", "", "Nehru Street, Andheri West", Null},
		{"Flat B, 24/F, Block 3, South Horizons", "", "Flat B", Exact},
		{"24/F, Block 3, South Horizons", "", "Apt 4B", Exact},
		{"海怡半島第3座24樓B室", "", "鴨脷洲", Exact},
		{"kingsford street", "12", "rowethorpe", Exact}, // FEBRL: a building's name beside the number
	}
	for _, c := range cases {
		a := Address{Street: c.street, Number: c.number, Detail: c.detail}
		if got := AddressPartLevel(PartDetail, a, a); got.Kind != c.want {
			t.Errorf("%q: %v (%s), want %v", c.detail, got.Kind, got.Why, c.want)
		}
	}
}

// TestFlatsInTheFirstLine: two flats of one estate written in the first line, numbers
// apart, are two homes; the same flat written otherwise is still one.
func TestFlatsInTheFirstLine(t *testing.T) {
	a := Address{Street: "Flat B, 24/F, Block 3, South Horizons"}
	for _, c := range []struct {
		street string
		want   Kind
	}{
		{"Flat C, 23/F, Block 8, South Horizons", Different},
		{"Flat B, 24/F, Block 3, South Horizon", Typo},
	} {
		if got := AddressPartLevel(PartStreet, a, Address{Street: c.street}); got.Kind != c.want {
			t.Errorf("%q: %v (%s), want %v", c.street, got.Kind, got.Why, c.want)
		}
	}
}

// TestDistrictUnderFloorAndFlat: two Chan Ka Wai of Laguna City, one in Flat B, 19/F,
// Block 4, the other in 29H, Blk 8 (the parser reads 29H as a house number), both with
// Kwun Tong in the second line: the district is no shared home. A house number with a
// letter on a street (12A Kingsford Street) is still a house number.
func TestDistrictUnderFloorAndFlat(t *testing.T) {
	a := Address{Street: "Flat B, 19/F, Block 4, Laguna City", Detail: "Kwun Tong"}
	b := Address{Number: "29H", Street: "Blk 8, Laguna City", Detail: "Kwun Tong"}
	if got := AddressPartLevel(PartDetail, a, b); got.Kind != Null {
		t.Errorf("Kwun Tong under two flats of Laguna City: %v (%s), want null", got.Kind, got.Why)
	}
	c := Address{Number: "12A", Street: "kingsford street", Detail: "rowethorpe"}
	if got := AddressPartLevel(PartDetail, c, c); got.Kind != Exact {
		t.Errorf("rowethorpe under 12A Kingsford Street: %v (%s), want exact", got.Kind, got.Why)
	}
}

// TestAddressLettersFoldingKeeps: Polish ł, Danish ø and Vietnamese đ survive folding,
// and shops and keyboards without them write l, o and d: ul. Długa and ul. Dluga are
// one street, Đà Nẵng and Da Nang one city, not a letter slipped.
func TestAddressLettersFoldingKeeps(t *testing.T) {
	for _, c := range []struct {
		p    Part
		a, b string
	}{
		{PartStreet, "ul. Długa", "UL. DLUGA"},
		{PartStreet, "Łódzka", "Lodzka"},
		{PartStreet, "Søndergade", "Sondergade"},
		{PartLocality, "Łódź", "Lodz"},
		{PartLocality, "Đà Nẵng", "Da Nang"},
	} {
		if l := comparePart(c.p, c.a, c.b); l.Kind != Exact {
			t.Errorf("%s against %s: %v (%s), want exact", c.a, c.b, l.Kind, l.Why)
		}
	}
	if l := comparePart(PartStreet, "ul. Długa", "ul. Dłuta"); l.Kind == Exact {
		t.Errorf("Długa against Dłuta: exact, want a slip at most")
	}
}

// TestStreetTypesOfEurope: one street written with its type whole and short, as
// continental Europe and Brazil write it (C/ and Calle, Pº and Paseo, R. and Rua, r. and
// rue, -str. and -straße, nº before the number), and a house number after the street
// name that differs: another house, however alike the words.
func TestStreetTypesOfEurope(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"Calle Larios 12", "C/ Larios, 12", Exact},
		{"Pº de Gracia 44", "Paseo de Gracia 44", Exact},
		{"Rua Silveira, nº 120", "R. Silveira 120", Exact},
		{"rue Adrien Thomas", "r. Adrien Thomas", Exact},
		{"Bachmannstraße 15", "Bachmannstr. 15", Exact},
		{"Viale Ferrara n. 146", "Viale Ferrara 146", Exact},
		{"Calle Larios 12", "C/ Larios 14", Different},
		{"Via Filippa 102", "Via Filippa 103", Different},
	} {
		if l := comparePart(PartStreet, c.a, c.b); l.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.a, c.b, l.Kind, l.Why, c.want)
		}
	}
}

// TestCityNames: one city by its local, English, official or abbreviated name (München
// and Munich, 's-Gravenhage and Den Haag, CDMX, TP.HCM, POA, Paris 11e) is one
// locality; two cities are not.
func TestCityNames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"Munich", "München", Exact},
		{"Muenchen", "MÜNCHEN", Exact},
		{"'s-Gravenhage", "Den Haag", Exact},
		{"CDMX", "Ciudad de México", Exact},
		{"TP.HCM", "Hồ Chí Minh", Exact},
		{"HCMC", "TP. Hồ Chí Minh", Exact},
		{"Danang", "Đà Nẵng", Exact},
		{"POA", "Porto Alegre", Exact},
		{"Paris 11e", "PARIS", Exact},
		{"Kraków", "Cracow", Exact},
		{"Munich", "Hamburg", Different},
		{"Lyon 3e", "Paris", Different},
	} {
		if l := comparePart(PartLocality, c.a, c.b); l.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.a, c.b, l.Kind, l.Why, c.want)
		}
	}
}
