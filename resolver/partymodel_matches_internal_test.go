package resolver

import (
	"fmt"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestTrainTakesMatchesOutOfU: a shop whose customers order four times each (as
// Splink's fake_1000 has four records a person) makes one random pair in about 160 a
// pair of one customer, whose date of birth agrees; counted as strangers, those made an
// equal birthday weigh 7 bits. Taken out, it weighs what strangers sharing a birthday
// say, and more than before.
func TestTrainTakesMatchesOutOfU(t *testing.T) {
	var profiles []PartyProfile
	for p := range 160 {
		for range 4 {
			profiles = append(profiles, ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer,
				GivenName: fmt.Sprintf("Given%c%c", 'a'+p%26, 'a'+p/26), FamilyName: fmt.Sprintf("Family%c%c", 'a'+p/26, 'a'+p%26),
				BirthDate: fmt.Sprintf("19%02d-%02d-%02d", 40+p%50, 1+p%12, 1+p%28), Email: fmt.Sprintf("c%d@example.com", p)}))
		}
	}
	pm := Train(profiles, BlockedPairs(profiles, 50), 40_000, 1, DefaultPartyModel())
	// Among the random pairs, 3/639 are one customer: u of an equal date of birth
	// counted over them is about 0.0047 (7.5 bits beside m 0.85).
	if u := pm.U[fieldBirth][compare.Exact]; u > 0.002 {
		t.Errorf("u of an exact date of birth %.4f, want the customers' own pairs taken out (< 0.002)", u)
	}
	if w := pm.Weight(fieldBirth, compare.Exact); w < 9 {
		t.Errorf("an exact date of birth weighs %.1f bits, want 9 or more", w)
	}
}

// TestWithoutMatches: among 10,000 random pairs of a shop, 100 are one customer's (the
// date of birth and the mailbox agree) and 5 are two strangers born the same day. u of
// an equal date of birth counted over all is 0.0105; without the customer's own pairs it
// is about the strangers' 0.0005. The prior's u of a field the random pairs did not
// reach stays, and fewer than 20 blocked pairs change nothing.
func TestWithoutMatches(t *testing.T) {
	pm := DefaultPartyModel()
	var cs []Comparison
	pair := func(dob, email compare.Kind) Comparison {
		var c Comparison
		c[fieldBirth], c[fieldEmail] = compare.Level{Kind: dob}, compare.Level{Kind: email}
		return c
	}
	for i := range 10_000 {
		switch {
		case i < 100:
			cs = append(cs, pair(compare.Exact, compare.Exact))
		case i < 105:
			cs = append(cs, pair(compare.Exact, compare.Different))
		default:
			cs = append(cs, pair(compare.Different, compare.Different))
		}
	}
	// u as Train counts it, over every random pair.
	pm.U[fieldBirth][compare.Exact], pm.U[fieldBirth][compare.Different] = 0.0105, 0.9895
	pm.U[fieldEmail][compare.Exact], pm.U[fieldEmail][compare.Different] = 0.01, 0.99
	prior := pm.U[fieldPhone][compare.Exact]
	var fitted [partyFields]bool
	fitted[fieldBirth], fitted[fieldEmail] = true, true
	// 1,000 profiles, 1,000 blocked pairs of which a third match: s starts at 0.0007.
	if !withoutMatches(&pm, fitted, cs, 0.33, 1000, 1000) {
		t.Fatal("nothing changed")
	}
	if u := pm.U[fieldBirth][compare.Exact]; u > 0.001 {
		t.Errorf("u of an exact date of birth %.5f, want the strangers' share, about 0.0005", u)
	}
	if pm.U[fieldPhone][compare.Exact] != prior {
		t.Errorf("the prior's u of a field not fitted moved: %v -> %v", prior, pm.U[fieldPhone][compare.Exact])
	}
	if withoutMatches(&pm, fitted, cs, 0.33, 10, 1000) {
		t.Error("fewer than 20 blocked pairs changed u")
	}
}
