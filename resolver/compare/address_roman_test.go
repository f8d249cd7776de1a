package compare

import "testing"

func TestParseRomanChineseAddress(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Address
	}{
		{"No. 2061 Wensan Road, 310012, Hangzhou",
			Address{Number: "2061", Street: "Wensan Road", City: "Hangzhou", Postcode: "310012"}},
		{"1534 Jiangdong Middle Road, Xuanwu District, 210019, Nanjing",
			Address{Number: "1534", Street: "Jiangdong Middle Road", Locality: "Xuanwu District", City: "Nanjing", Postcode: "210019"}},
		{"Room 2204, Building 30, No. 88 Luoyu Road, Hongshan District, Wuhan, Hubei Province",
			Address{Number: "88", Street: "Luoyu Road", Detail: "Building 30 Room 2204", Locality: "Hongshan District", City: "Wuhan", Region: "Hubei Province"}},
		{"9F., No. 12, Ln. 7, Sec. 3, Zhongshan Rd., Zhongzheng Dist., 100, Taipei City",
			Address{Number: "12", Street: "Zhongshan Rd. Ln. 7 Sec. 3", Detail: "9F", Locality: "Zhongzheng Dist.", City: "Taipei City", Postcode: "100"}},
	} {
		if got := ParseAddress(c.in); got != c.want {
			t.Errorf("ParseAddress(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestLatinAddressRomanChinese(t *testing.T) {
	got := LatinAddress("", "5F., No. 8, Sec. 2, Minsheng Rd.", "Banqiao Dist.", "New Taipei City", "220", "")
	want := Address{Number: "8", Street: "Minsheng Rd. Sec. 2", Detail: "5F", Locality: "Banqiao Dist.", City: "New Taipei City", Postcode: "220"}
	if got != want {
		t.Errorf("LatinAddress = %+v, want %+v", got, want)
	}
	got = LatinAddress("", "No. 18 Wensan Road", "", "Hangzhou", "310012", "")
	want = Address{Number: "18", Street: "Wensan Road", City: "Hangzhou", Postcode: "310012"}
	if got != want {
		t.Errorf("LatinAddress = %+v, want %+v", got, want)
	}
	// No space after No.: the number is still the house's, not the street's first word.
	got = LatinAddress("", "No.2714 Jiahe Lu", "Room 605, Unit 1, Building 20", "厦门市", "361583", "")
	want = Address{Number: "2714", Street: "Jiahe Lu", Detail: "Building 20 Unit 1 Room 605", City: "厦门市", Postcode: "361583"}
	if got != want {
		t.Errorf("LatinAddress = %+v, want %+v", got, want)
	}
	// A Western street's No. stays as written where no number follows it.
	if got := LatinAddress("", "Nobel Street 5", "", "Stockholm", "", ""); got.Street != "Nobel Street 5" {
		t.Errorf("LatinAddress read Nobel Street 5 as %+v", got)
	}
}

func TestCrossScriptAddressParts(t *testing.T) {
	for _, c := range []struct {
		p          Part
		han, latin string
		want       Kind
	}{
		{PartStreet, "文三路", "Wensan Road", Exact},
		{PartStreet, "福华一路", "Fuhua 1st Road", Exact}, // ordinals translate the numeral
		{PartStreet, "中山五路", "Zhongshan 5th Road", Exact},
		{PartStreet, "中山五路", "Zhongshan 4th Road", Different},
		{PartStreet, "解放碑步行街", "Jiefangbei Pedestrian Street", Exact},
		{PartStreet, "文三路", "Wensan Rd.", Exact},
		{PartStreet, "徐东大街", "Xudong Dajie", Exact},
		{PartStreet, "太白南路", "Taibainan Lu", Exact}, // the direction run into the name
		{PartStreet, "江东中路", "Jiangdongzhong Road", Exact},
		{PartStreet, "浦东南路557弄", "Pudongnan Road", Similar}, // the lane left out
		{PartStreet, "太白南路", "Taibaibei Lu", Different},
		{PartStreet, "太白路", "Taibainan Lu", Different},
		{PartStreet, "徐东大街", "Xudongda Jie", Exact}, // the 大 written with the name
		{PartStreet, "徐东大街", "Xudong Da Jie", Exact},
		{PartStreet, "徐东街", "Xudongda Jie", Different},
		// Street in English translates 大街 as well as 街; pinyin Jie is 街 alone
		{PartStreet, "回龙观西大街", "Huilongguan West Street", Exact},
		{PartStreet, "徐东大街", "Xudong St", Exact},
		{PartStreet, "徐东大街", "Xudong Jie", Different},
		{PartStreet, "回龙观西大街", "Huilongguan East Street", Different},
		{PartStreet, "万达街", "Wanda Jie", Exact}, // a name ending in da is still read whole
		{PartStreet, "江东中路", "Jiangdong Middle Road", Exact},
		{PartStreet, "江东中路", "Jiangdong Mid Rd", Exact},
		{PartStreet, "江南大道中", "Jiangnan Ave Middle", Exact},
		{PartStreet, "世纪大道", "Shiji Avenue", Exact},
		{PartStreet, "中山东路", "Zhongshan East Road", Exact},
		{PartStreet, "民权路四段51巷", "Minquan Rd. Ln. 51 Sec. 4", Exact},
		{PartStreet, "民权路四段", "Minquan Rd.", Similar},
		{PartStreet, "文三路", "Wensan", Similar},
		// negatives: another street, another direction, another section, another type
		{PartStreet, "文一路", "Wensan Road", Different},
		{PartStreet, "中山东路", "Zhongshan West Road", Different},
		{PartStreet, "中山东路", "Zhongshan Road", Different},
		{PartStreet, "民权路三段", "Minquan Rd. Sec. 4", Different},
		{PartStreet, "民权路", "Minquan St.", Different},
		{PartLocality, "玄武区", "Xuanwu District", Exact},
		{PartLocality, "前鎮區", "Qianzhen Dist.", Exact},
		{PartLocality, "板桥区", "Banqiao Dist.", Exact},
		{PartLocality, "玄武区", "Qinhuai District", Different},
		{PartLocality, "浦东新区", "Pudong New Area", Exact},
		{PartLocality, "浦东新区", "Pudongxin District", Exact}, // the 新 read with the name
		{PartLocality, "浦东新区", "Pudongxin Qu", Exact},
		{PartLocality, "浦东区", "Pudongxin District", Different},
		{PartCity, "高雄市", "Kaohsiung City", Exact},
		{PartCity, "臺北市", "Taipei City", Exact},
		{PartCity, "台中市", "Taichung", Exact},
		{PartCity, "基隆市", "Keelung City", Exact},
		{PartCity, "杭州市", "Hangzhou", Exact},
		{PartCity, "杭州市", "Guangzhou", Different},
		// Xian is also the word for a county, but alone or before City it is the name
		{PartCity, "西安市", "Xian", Exact},
		{PartCity, "西安市", "Xian City", Exact},
		{PartCity, "西安市", "Xi'an Shi", Exact},
		{PartCity, "咸阳市", "Xian", Different},
		// an English place that happens to spell pinyin letters is still compared by
		// its reading: Sydney is not 悉尼 read aloud
		{PartCity, "悉尼", "Sydney", Different},
	} {
		if got := comparePart(c.p, c.han, c.latin); got.Kind != c.want {
			t.Errorf("%s %s ~ %s: %v (%s), want %v", c.p, c.han, c.latin, got.Kind, got.Why, c.want)
		}
		if got := comparePart(c.p, c.latin, c.han); got.Kind != c.want {
			t.Errorf("%s %s ~ %s (swapped): %v, want %v", c.p, c.latin, c.han, got.Kind, c.want)
		}
	}
}

// Homophone streets in different cities are the same street level, but the address
// as a whole differs by its number and city.
func TestCrossScriptHomophoneStreetElsewhere(t *testing.T) {
	han := ParseAddress("浙江省杭州市西湖区文三路90号")
	for _, c := range []struct {
		latin string
		want  Kind
	}{
		{"No. 90 Wensan Road, Xihu District, Hangzhou", Exact},
		{"No. 90 Wensan Road, Nanjing", Different},
		{"No. 1208 Wensan Road, Xihu District, Hangzhou", Partial},
	} {
		if got := AddressLevels(han, ParseAddress(c.latin)).Overall; got.Kind != c.want {
			t.Errorf("%s: %v (%s), want %v", c.latin, got.Kind, got.Why, c.want)
		}
	}
}

func TestTaiwanPostcodeDistrict(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"800", "80090", Partial},
		{"80090", "800", Partial},
		{"800", "220094", Different},
		{"100", "10001", Partial},
		{"100", "20001", Different},
	} {
		if got := comparePart(PartPostcode, c.a, c.b); got.Kind != c.want {
			t.Errorf("%s ~ %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

func FuzzRomanChineseAddress(f *testing.F) {
	f.Add("9F., No. 293, Ln. 51, Sec. 4, Minquan Rd., Qianzhen Dist., 800, Kaohsiung City", "前鎮區民權路四段51巷293號9樓")
	f.Add("No. 2061 Wensan Road, 310012, Hangzhou", "浙江省杭州市西湖区文三路2061号")
	f.Add("no 5", "江南大道中2178号")
	f.Fuzz(func(t *testing.T, latin, han string) {
		a := ParseAddress(latin)
		b := LatinAddress("", latin, "", "Taipei City", "100", "")
		// Every part is compared both ways alike: the comparison has no side.
		h := ParseAddress(han)
		for _, x := range []Address{a, b} {
			ab, ba := AddressLevels(x, h), AddressLevels(h, x)
			for p := range Part(NumParts) {
				if ab.Parts[p].Kind != ba.Parts[p].Kind {
					t.Fatalf("%v of %q ~ %q: %v one way, %v the other", p, latin, han, ab.Parts[p].Kind, ba.Parts[p].Kind)
				}
			}
		}
	})
}

// TestEnglishFormAgainstARun: 珞喻路20774-2906 is 2077号 and flat 4-2906 as the English
// form of the same order writes it (No. 2077 Luoyu Rd with 4-2906 in its second line),
// and an English flat (Bldg 3, Rm 2706) is the numbers 3-2706 of a Chinese one.
func TestEnglishFormAgainstARun(t *testing.T) {
	han := ParseChineseAddress("湖北省武汉市洪山区珞喻路20774-2906")
	latin := LatinAddress("", "No. 2077 Luoyu Rd", "4-2906", "Wuhan", "430000", "HB")
	if latin.Detail != "4-2906" {
		t.Fatalf("the English form's second line 4-2906 was read as %+v", latin)
	}
	x, y, note := SplitRunTogether(han, latin)
	if x.Number != "2077" || note == "" {
		t.Fatalf("%+v against %+v: split %+v %q, want 2077", han, latin, x, note)
	}
	if got := AddressPartLevel(PartDetail, x, y); got.Kind != Exact {
		t.Errorf("flat %q ~ %q: %v (%s), want exact", x.Detail, y.Detail, got.Kind, got.Why)
	}
	// The building's number as an English flat gives it, after the room.
	run := ParseChineseAddress("浙江省杭州市西湖区解放路14415号楼2403室")
	eng := LatinAddress("", "144 Jiefang Road", "Room 2403, Building 15, Yangguang Huayuan", "Hangzhou", "310989", "ZJ")
	if x, _, note := SplitRunTogether(run, eng); x.Number != "144" || note == "" {
		t.Errorf("%+v against %+v: split %+v %q, want 144 and building 15", run, eng, x, note)
	}
	if _, _, note := SplitRunTogether(ParseChineseAddress("湖北省武汉市洪山区珞喻路20774-2906"),
		LatinAddress("", "No. 2077 Jiefang Ave", "4-2906", "Wuhan", "430000", "HB")); note != "" {
		t.Errorf("another street split the run: %s", note)
	}
}
