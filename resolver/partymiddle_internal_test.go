package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestMiddleWordsApart: siblings who differ in the middle name only are two people;
// one person's middle name left out, abbreviated, misspelt or moved between the fields
// is one.
func TestMiddleWordsApart(t *testing.T) {
	n := func(given, family string) compare.Name { return compare.Name{Given: given, Family: family} }
	for _, c := range []struct {
		a, b compare.Name
		vn   bool
		want bool
	}{
		{n("Thu Lan", "Mai"), n("Lan", "Mai Thanh"), true, true},
		{n("Thu Lan", "Mai"), n("Lan", "Mai Thanh"), false, false},
		{n("Mary Ann", "Smith"), n("Mary Beth", "Smith"), false, true},
		{n("José", "García López"), n("José", "García Pérez"), false, true},
		{n("Barbara Henry", "Aguilar"), n("Barbara H", "Aguilar"), false, false},
		{n("Barbara Henry", "Aguilar"), n("Barbara", "Aguilar"), false, false},
		{n("Aiden Meagan", "Marsh"), n("Aiden Megan", "Marsh"), false, false},
		{n("Pepe", "García López"), n("José", "García López"), false, false},
		{n("Jan", "van der Berg"), n("Jan", "vd Berg"), false, false},
		{n("Joseph", "Crawford Jr."), n("Joseph", "Crawford Sr."), false, false},
		{n("Abril Victoria", "Alemán"), n("Abril", "Aleman Padron"), false, false},
		{compare.Name{Full: "Mary Ann Smith"}, n("Mary Beth", "Smith"), false, false},
		{n("Yen", "Trari Thi"), n("Yen", "Tran Thi"), true, false},
		{n("Miguel Ángel", "Bustamante"), n("Miguel", "Bustamante Sisneros"), false, false},
		{n("C.J.", "de Wit"), n("Cornelis", "de Wit"), false, false},
		{n("Modesto", "Alva Munoz hijo"), n("Modesto", "Alva Reyna"), false, true},
		{n("Tai Man", "Chan"), n("Tai Ming", "Chan"), false, false},
		{n("Nick Kenneth", "West"), n("Nicholas K.", "West"), false, false},
	} {
		if got := middleWordsApart(c.a, c.b, c.vn); got != c.want {
			t.Errorf("middleWordsApart(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestSiblingsOfOneMiddleNameApartInScores: Mai Thu Lan and Mai Thanh Lan, sisters at
// one address in Ho Chi Minh City (the Vietnamese address tells their names are
// Vietnamese though written without marks), differ in the name, not only in part.
func TestSiblingsOfOneMiddleNameApartInScores(t *testing.T) {
	a := PartyProfile{Given: "Thu Lan", Family: "Mai", Country: "VN"}
	b := PartyProfile{Given: "Lan", Family: "Mai Thanh", Country: "VN"}
	c := CompareParties(a, b)
	if c[fieldGiven].Kind != compare.Different && c[fieldName].Kind != compare.Different {
		t.Errorf("Thu Lan / Mai against Lan / Mai Thanh: given %v, name %v, want one Different", c[fieldGiven], c[fieldName])
	}
	if !namesContradict(compare.Name{Given: "Mary Ann", Family: "Smith"}, compare.Name{Given: "Mary Beth", Family: "Smith"}) {
		t.Errorf("Mary Ann and Mary Beth Smith do not contradict")
	}
}
