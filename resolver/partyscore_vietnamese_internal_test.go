package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestVietnameseGivenNames: a Vietnamese given name is one syllable of a closed set, and
// siblings get syllables that sound alike. Hoàng and Hưng (HNK to Double Metaphone) and
// Hồng and Hưng (one marked letter apart) are two names; Hng for Hưng is a slip, and
// Hung for Hùng one name without its marks.
func TestVietnameseGivenNames(t *testing.T) {
	p := func(given, family string) PartyProfile {
		return PartyProfile{Given: given, Family: family, Country: "VN"}
	}
	for _, c := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{p("Hoàng", "Trần"), p("Hưng", "Trần"), compare.Different},
		{p("Hoang", "Tran"), p("Hung", "Tran"), compare.Different},
		{p("Hồng", "Bùi"), p("Hưng", "Bùi"), compare.Different},
		{p("Hng", "Bùi"), p("Hưng", "Bùi"), compare.Typo},
		{p("Hung", "Bui"), p("Hùng", "Bùi"), compare.Exact},
	} {
		if l := CompareParties(c.a, c.b)[fieldGiven]; l.Kind != c.want {
			t.Errorf("%s / %s against %s / %s: given %v (%s), want %v", c.a.Given, c.a.Family, c.b.Given, c.b.Family, l.Kind, l.Why, c.want)
		}
	}
}

// TestGivensApartInOneFamily: two given names of one family name are two persons, so
// that a family's mailbox or landline under the other name is the household's, not the
// person's: Ian Mast and Noortje van der Mast (the particles written by one of them
// only, so that the whole names share a word and were Partial), in her fields or
// typed into each other's, Hoàng Trần Thanh and
// Hưng Trần, Hồng and Hưng Bùi. One person's name in Vietnamese order, a slip, or a
// middle name moved between the fields is not.
func TestGivensApartInOneFamily(t *testing.T) {
	n := func(given, family string) compare.Name {
		return compare.Name{Full: given + " " + family, Given: given, Family: family}
	}
	for _, c := range []struct {
		a, b compare.Name
		want bool
	}{
		{n("Ian", "Mast"), n("Noortje", "van der Mast"), true},
		{n("Ian", "Mast"), n("Van Der Mast", "Noortje"), true},
		{n("Mast", "Ian"), n("Ian", "van der Mast"), false},
		{n("Hoàng", "Trần Thanh"), n("Hưng", "Trần"), true},
		{n("Hồng", "Bùi"), n("Hưng", "Bùi"), true},
		{n("Phạm Văn", "Hưng"), n("Hưng", "Phạm Văn"), false},
		{n("Hng", "Bùi"), n("Hưng", "Bùi"), false},
		{n("Hùng", "Nguyễn Văn"), n("Văn Hùng", "Nguyễn"), false},
		{n("Noortje", "Mast"), n("Noortje", "van der Mast"), false},
		{n("Giuseppe", "Rossi Bianchi"), n("Beppe", "Rossi"), false},
		// A card's holder name, one string, against a form's parts (eu-2901).
		{n("Ian", "Mast"), compare.Name{Full: "Noortje van der Mast"}, true},
		{compare.Name{Full: "NOORTJE VAN DER MAST"}, n("Ian", "Mast"), true},
		{n("Noortje", "Mast"), compare.Name{Full: "Noortje van der Mast"}, false},
		{n("Ian", "Mast"), compare.Name{Full: "I. van der Mast"}, false},
		{n("Lan", "Trần Thị"), compare.Name{Full: "Trần Thị Lan"}, false},
		{n("Ann", "Smith"), compare.Name{Full: "Mary Ann Smith"}, false},
		{compare.Name{Full: "Martyn Morris"}, n("M", "Morris"), false},
		{n("Martyn", "Morris"), n("M", "Morris"), false},
	} {
		if got := namesContradict(c.a, c.b); got != c.want {
			t.Errorf("namesContradict(%s / %s, %s / %s) = %v, want %v", c.a.Given, c.a.Family, c.b.Given, c.b.Family, got, c.want)
		}
	}
}

// TestNeighbourhoodInDetail: Vietnam's, Mexico's and Brazil's checkouts take the ward
// and district, the colonia or the bairro in the second line. Two Nguyễn Văn Hùng of
// Đà Nẵng on two streets of Thanh Khê share the district, not a flat; a flat (Apto
// 154) still counts, and so does the Kooyong of a country that writes flats there.
func TestNeighbourhoodInDetail(t *testing.T) {
	at := func(country, number, street, detail, city string) PartyProfile {
		return PartyProfile{Given: "Hùng", Family: "Nguyễn Văn", Country: country,
			Place: compare.LatinAddress(number, street, detail, city, "", "")}
	}
	for _, c := range []struct {
		a, b PartyProfile
		want compare.Kind
	}{
		{at("VN", "", "Số 176 Ngõ 163 Lê Duẩn", "Thanh Khê", "Đà Nẵng"), at("VN", "", "174 Nguyen Thi Minh Khai", "Thanh Khe", "Da Nang"), compare.Null},
		{at("VN", "", "24 Điện Biên Phủ", "Q. 7", "TP.HCM"), at("VN", "", "24 Điện Biên Phủ", "Q. 7", "TP.HCM"), compare.Null},
		{at("MX", "", "Viaducto 72", "Col. Narvarte", "CDMX"), at("MX", "", "Viaducto 72", "Col. Narvarte", "CDMX"), compare.Null},
		{at("BR", "", "Rua Augusta 125", "Apto 154 - Vila Mariana", "São Paulo"), at("BR", "", "Rua Augusta 125", "Apto 154", "São Paulo"), compare.Exact},
		{at("ES", "7", "Calle Granada", "Residencial Kooyong", "Málaga"), at("ES", "7", "Calle Granada", "Residencial Kooyong", "Málaga"), compare.Exact},
		{at("VN", "", "Số 176 Ngõ 163 Lê Duẩn", "Thanh Khê", "Đà Nẵng"), at("VN", "", "Số 176 Ngõ 163 Lê Duẩn", "Hải Châu", "Đà Nẵng"), compare.Different},
	} {
		if l := CompareParties(c.a, c.b)[fieldDetail]; l.Kind != c.want {
			t.Errorf("%s against %s: detail %v (%s), want %v", c.a.Place.Detail, c.b.Place.Detail, l.Kind, l.Why, c.want)
		}
	}
}
