package resolver

import (
	"fmt"
	"math"
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

// TestWithoutMatches: each fitted level's u loses the matches' share at its m, never
// below a 64th of itself; the prior's u of a field the random pairs did not reach stays.
func TestWithoutMatches(t *testing.T) {
	pm := DefaultPartyModel()
	pm.M[fieldBirth][compare.Exact], pm.U[fieldBirth][compare.Exact] = 0.8, 0.01
	pm.M[fieldBirth][compare.Typo], pm.U[fieldBirth][compare.Typo] = 0.1, 0.0005
	prior := pm.U[fieldPhone][compare.Exact]
	var fitted [partyFields]bool
	fitted[fieldBirth] = true
	// 100 profiles, 990 blocked pairs of which half match: 495 of 4,950 pairs, s 0.1.
	if !withoutMatches(&pm, fitted, 0.5, 990, 100) {
		t.Fatal("nothing changed")
	}
	if u, want := pm.U[fieldBirth][compare.Exact], (0.01-0.1*0.8)/(0.9); math.Abs(u-math.Max(want, 0.01/64)) > 1e-12 {
		t.Errorf("u exact %.6f, want %.6f", u, math.Max(want, 0.01/64))
	}
	if u := pm.U[fieldBirth][compare.Typo]; math.Abs(u-0.0005/64) > 1e-12 {
		t.Errorf("u typo %.8f, want the floor %.8f", u, 0.0005/64)
	}
	if pm.U[fieldPhone][compare.Exact] != prior {
		t.Errorf("the prior's u of a field not fitted moved: %v -> %v", prior, pm.U[fieldPhone][compare.Exact])
	}
	if withoutMatches(&pm, fitted, 0.5, 10, 100) {
		t.Error("fewer than 20 blocked pairs changed u")
	}
}
