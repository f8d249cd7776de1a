package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestPartNameWithOwnContactsIsTwoPeople: Xu Zhang (a father, his own mobile and
// mailbox) and 张雪, Jessica Xue Zhang (his daughter, hers) at one Chengdu flat agree
// on the family name and, read in pinyin, on a syllable's first letters only (given
// Partial, as a party's profile filled from both writings compares): the description
// must not link them, however much the flat agrees (it scored 20.3 and joined them).
// The same name agreeing whole, or one contact agreeing, is left to the weights, and so
// is a name written whole in one field (Changjiang Xu 徐長江), whose parts agree in part.
func TestPartNameWithOwnContactsIsTwoPeople(t *testing.T) {
	father := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Country: "CN", GivenName: "Xu", FamilyName: "Zhang",
		Name: "Xu Zhang", Phone: "+8613635951805", Email: "zhang.xu@foxmail.com"})
	lv := func(k compare.Kind) compare.Level { return compare.Level{Kind: k} }
	flat := func(given, phone, email compare.Kind) Comparison {
		var c Comparison
		c[fieldGiven], c[fieldFamily], c[fieldEmail], c[fieldPhone] = lv(given), lv(compare.Transliterated), lv(email), lv(phone)
		c[fieldNumber], c[fieldStreet], c[fieldDetail] = lv(compare.Exact), lv(compare.Exact), lv(compare.Dwelling)
		c[fieldLocality], c[fieldPostcode], c[fieldCountry] = lv(compare.Exact), lv(compare.Exact), lv(compare.Exact)
		return c
	}
	pm := DefaultPartyModel()
	c := flat(compare.Partial, compare.Different, compare.Different)
	if pm.Score(c, father, nil) < pm.Accept {
		t.Fatalf("the flat alone should reach accept here: %s", pm.Explain(c, father, nil))
	}
	if d, s := pm.Decide(c, father, nil); d == Same {
		t.Errorf("a name agreeing in part, each side with its own phone and mailbox: linked, score %.1f: %s", s, pm.Explain(c, father, nil))
	}
	both := flat(compare.Partial, compare.Different, compare.Different)
	both[fieldFamily] = lv(compare.Partial) // Changjiang Xu against Changjiang Xu 徐長江 in the given-name field
	for _, c := range []Comparison{
		both,
		flat(compare.Transliterated, compare.Different, compare.Different), // his own name, a new phone and a work mailbox
		flat(compare.Partial, compare.Exact, compare.Different),            // his phone, another mailbox
		flat(compare.Partial, compare.Different, compare.Null),             // no mailbox on one side
	} {
		if partNameContactsApart(c, father) {
			t.Errorf("two people by their contacts where one agrees or the name does: %s", pm.Explain(c, father, nil))
		}
	}
}
