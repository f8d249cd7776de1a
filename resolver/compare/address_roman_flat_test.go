package compare

import "testing"

// TestFlatOfAnEnglishFormBuildingFirst: a mainland buyer's English checkout line puts
// the compound and the flat before the house number and road, the flat numbered as the
// Han form numbers it (Bldg 16-4-402 for 16栋4单元402室), and a new district by its
// official name (Pudong New Area). The flat is the detail, and it is the home of the Han
// form's flat; a storefront's "Unit 4-12" elsewhere is not read as a Chinese address.
func TestFlatOfAnEnglishFormBuildingFirst(t *testing.T) {
	for _, c := range []struct {
		line, locality, han string
		number, street      string
		apart               bool
	}{
		{"China Resources City, Bldg 16-4-402, 707 Wangjing St, Chaoyang District", "Beijing",
			"北京市北京市朝阳区建外街道望京街707号华润城16栋4单元402室", "707", "Wangjing St", false},
		{"Yangguang Garden, Bldg 6-3-201, 970 Zuchongzhi Rd, Pudong New Area", "Shanghai",
			"上海市上海市浦东新区祖冲之路970号阳光花园6栋3单元201室", "970", "Zuchongzhi Rd", false},
		{"Yangguang Garden, Bldg 6-3-202, 970 Zuchongzhi Rd, Pudong New Area", "Shanghai",
			"上海市上海市浦东新区祖冲之路970号阳光花园6栋3单元201室", "970", "Zuchongzhi Rd", true},
	} {
		latin := LatinAddress("", c.line, "", c.locality, "", "")
		if latin.Number != c.number || latin.Street != c.street || latin.Detail == "" {
			t.Errorf("%s read as %+v, want number %s, street %s and the flat", c.line, latin, c.number, c.street)
			continue
		}
		got := AddressPartLevel(PartDetail, latin, ParseChineseAddress(c.han))
		if c.apart && !got.Kind.Differs() || !c.apart && got.Kind != Dwelling {
			t.Errorf("%s ~ %s: detail %v (%s), want two homes %v", c.line, c.han, got.Kind, got.Why, c.apart)
		}
	}
	if isRomanChinese([]string{"Unit 4-12", "88 King St W"}) {
		t.Error("a Toronto unit's line read as a Chinese address in English")
	}
	for _, seg := range []string{"Unit 4-12", "Apt 3-2", "Bldg 12", "Bldg 3-2"} {
		if buildingRun(seg) {
			t.Errorf("%s read as a Chinese flat run", seg)
		}
	}
}

// TestRoomWordedInAnEnglishForm: 肇嘉浜路459弄46号503 leaves the room as a number after
// the house number; the English form writes Room 503, No. 46. One room of one house
// number; another house number's Room 503 is not it, and two English details with a
// bare number are left to the storefront rules (a number alone says nothing there).
func TestRoomWordedInAnEnglishForm(t *testing.T) {
	han := ParseChineseAddress("上海市上海市徐汇区肇嘉浜路459弄46号503")
	// The English first line of each, and whether it is the Han form's room.
	lines := map[string]bool{
		"Room 503, No. 46, Lane 459, Zhaojiabang Rd, Xuhui District": true,
		"Rm 503, No. 46, Lane 459, Zhaojiabang Rd, Xuhui District":   true,
		"Room 504, No. 46, Lane 459, Zhaojiabang Rd, Xuhui District": false,
		"Room 503, No. 48, Lane 459, Zhaojiabang Rd, Xuhui District": false,
	}
	for line, same := range lines {
		latin := LatinAddress("", line, "", "Shanghai", "200030", "")
		ab, ba := AddressPartLevel(PartDetail, han, latin), AddressPartLevel(PartDetail, latin, han)
		if (ab.Kind == Dwelling) != same || ab.Kind != ba.Kind {
			t.Errorf("%s: detail %v (%s) one way, %v the other; want the room: %v", line, ab.Kind, ab.Why, ba.Kind, same)
		}
	}
	us := LatinAddress("", "12 Main St", "503", "Springfield", "62704", "IL")
	apt := LatinAddress("", "12 Main St", "Apt 503", "Springfield", "62704", "IL")
	if got := AddressPartLevel(PartDetail, us, apt); got.Kind == Dwelling || got.Kind == Exact {
		t.Errorf("503 ~ Apt 503 in Springfield: %v (%s), want the storefront rules' verdict, not the Chinese room's", got.Kind, got.Why)
	}
	for _, c := range [][2]string{{"503", "Room 503"}, {"Flat 1203", "1203"}, {"５０３", "Rm 503"}} {
		if !roomWorded(c[0], c[1]) {
			t.Errorf("%s ~ %s: not one room", c[0], c[1])
		}
	}
	for _, c := range [][2]string{{"50", "Room 50"}, {"503", "Room 503, Building 4"}, {"503", "504"}, {"503", "Room 504"}} {
		if roomWorded(c[0], c[1]) {
			t.Errorf("%s ~ %s: read as one room", c[0], c[1])
		}
	}
}
