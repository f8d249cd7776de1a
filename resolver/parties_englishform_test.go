package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// englishFormOrder is a storefront order written in English by a mainland buyer: the
// name in pinyin, given name first, a mailbox and no phone, the flat in the first line.
func englishFormOrder(id, given, family, email, line, city, postcode string) shopOrder {
	return shopOrder{0, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: id, Name: given + " " + family,
		GivenName: given, FamilyName: family, Email: email, Country: "CN",
		Place: &ontology.AddressPart{Street: line, Locality: city, Region: city, Postcode: postcode}}}
}

// TestPinyinAtTheFlatOfAnEnglishForm: 周梓涵 orders on Douyin to 华润城16栋4单元402室 and
// on the Hong Kong storefront as Zihan Zhou, her flat written "China Resources City,
// Bldg 16-4-402, 707 Wangjing St"; 黄玉兰 orders to 肇嘉浜路459弄46号503 and as Huang
// Yulan to "Room 503, No. 46, Lane 459, Zhaojiabang Rd". A whole name and its reading at
// one flat are one buyer (readingAtTheFlat), and the English forms name that flat: they
// were read as a place (the compound taken for a city) and as another room (503 against
// Room 503), so each buyer was two parties. In either arrival order; the English form
// of another room, or of room 503 in house number 48, stays apart.
func TestPinyinAtTheFlatOfAnEnglishForm(t *testing.T) {
	zhou := shopOrder{0, "douyin", wangjingHome("1@#ZHOUZH", "周梓涵", "18326858827", "北京市北京市朝阳区建外街道望京街707号华润城16栋4单元402室")}
	huang := shopOrder{0, "douyin", wangjingHome("1@#HUANGYL", "黄玉兰", "18019553961", "上海市上海市徐汇区肇嘉浜路459弄46号503")}
	for i, c := range []struct {
		han     shopOrder
		english shopOrder
		want    string
	}{
		{zhou, englishFormOrder("7391002313121", "Zihan", "Zhou", "zhouzihan81@hotmail.com",
			"China Resources City, Bldg 16-4-402, 707 Wangjing St, Chaoyang District", "Beijing", "100020"), "0 0"},
		{huang, englishFormOrder("7391002677335", "Yulan", "Huang", "huangyulan@sina.com",
			"Room 503, No. 46, Lane 459, Zhaojiabang Rd, Xuhui District", "Shanghai", "200030"), "0 0"},
		{zhou, englishFormOrder("7391002313122", "Zihan", "Zhou", "zhouzihan81@hotmail.com",
			"China Resources City, Bldg 16-4-602, 707 Wangjing St, Chaoyang District", "Beijing", "100020"), "0 | 0"},
		{huang, englishFormOrder("7391002677336", "Yulan", "Huang", "huangyulan@sina.com",
			"Room 503, No. 48, Lane 459, Zhaojiabang Rd, Xuhui District", "Shanghai", "200030"), "0 | 0"},
	} {
		for _, seq := range [][]shopOrder{{c.han, c.english}, {c.english, c.han}} {
			f := newFixture(t)
			if got := deliverOrders(t, f, seq); got != c.want {
				t.Errorf("case %d (%s, then %s): clusters %q, want %q", i, seq[0].ref.Name, seq[1].ref.Name, got, c.want)
			}
		}
	}
}
