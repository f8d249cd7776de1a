package resolver

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestProfileOf(t *testing.T) {
	p := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "LIN, Mei", Email: " Mei.Lin@Example.COM",
		Phone: "13812345678_1234", Country: "cn", Address: "广东省深圳市南山区科技园南路８８号"})
	if p.Company || p.Name != "lin mei" || p.Email != "mei.lin@example.com" || p.Phone != "" || p.Country != "CN" {
		t.Errorf("%+v", p)
	}
	if !strings.Contains(p.Address, "88") {
		t.Errorf("full-width digits not folded: %q", p.Address)
	}
	c := ProfileOf(ontology.PartyRef{Role: ontology.PartySupplier, Name: "深圳市示例贸易有限公司", TaxID: "91440300-MA5F3K2W13"})
	if !c.Company || c.Name != "示例贸易" || c.TaxID != "91440300MA5F3K2W13" {
		t.Errorf("%+v", c)
	}
	if n, a := c.Blocks(); n != "company:示例贸易" || a != "" {
		t.Errorf("blocks %q %q", n, a)
	}
}

func TestPartyDecisions(t *testing.T) {
	w := DefaultPartyWeights()
	person := func(name, email, phone, addr string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Email: email, Phone: phone, Address: addr, Country: "NL"})
	}
	base := person("Anna de Vries", "", "", "Keizersgracht 12, 1015 CS Amsterdam")
	for _, c := range []struct {
		name  string
		other PartyProfile
		want  string // accept, review, none
	}{
		{"same name and address, written differently", person("ANNA DE VRIES", "", "", "keizersgracht 12 1015CS amsterdam"), "accept"},
		{"same name and address, new phone", person("Anna de Vries", "", "06-12345678", "Keizersgracht 12, 1015 CS Amsterdam"), "accept"},
		{"typo in the name, same address", person("Anna de Vreis", "", "", "Keizersgracht 12, 1015 CS Amsterdam"), "accept"},
		{"same name elsewhere", person("Anna de Vries", "", "", "Hoofdstraat 3, 9711 AA Groningen"), "none"},
		{"same name, nothing else", person("Anna de Vries", "", "", ""), "none"},
		{"someone else at the address", person("Pieter Bakker", "", "", "Keizersgracht 12, 1015 CS Amsterdam"), "none"},
	} {
		s := w.Score(CompareParties(base, c.other), Frequency{})
		got := "none"
		switch {
		case s >= w.Accept:
			got = "accept"
		case s >= w.Review:
			got = "review"
		}
		if got != c.want {
			t.Errorf("%s: %s, want %s (%s)", c.name, got, c.want, w.Explain(CompareParties(base, c.other), Frequency{}))
		}
	}
}

func TestExplainNamesEachField(t *testing.T) {
	w := DefaultPartyWeights()
	a := PartyProfile{Name: "lin mei", Address: "nanshan rd 88", Country: "CN"}
	b := PartyProfile{Name: "lin mei", Address: "nanshan rd 88", Country: "CN", Phone: "+8613900001111"}
	got := w.Explain(CompareParties(a, b), Frequency{})
	for _, want := range []string{"name exact +8.7", "address exact +9.2", "country agrees +1.0", "score 18.9"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "phone") {
		t.Errorf("%q weighs a field missing on one side", got)
	}
}

// A name and an address that many parties share weigh less: the same name at a chain
// store's pick-up point is not the same person.
func TestFrequencyAdjustment(t *testing.T) {
	w := DefaultPartyWeights()
	a := PartyProfile{Name: "wang wei", Address: "pickuppoint1shanghai", Country: "CN"}
	c := CompareParties(a, a)
	if s := w.Score(c, Frequency{Name: 1, Address: 1}); s < w.Accept {
		t.Fatalf("rare name and address: %.1f", s)
	}
	if s := w.Score(c, Frequency{Name: 40, Address: 300}); s >= w.Review {
		t.Errorf("common name at a shared address still links: %s", w.Explain(c, Frequency{Name: 40, Address: 300}))
	}
	if got := w.Explain(c, Frequency{Name: 40}); !strings.Contains(got, "name exact (40 parties share it) +3.4") {
		t.Errorf("%q", got)
	}
}

// u comes from random pairs: a value every profile shares has u near 1, and a name that
// a quarter of the profiles hold has u near a quarter.
func TestEstimatePartyU(t *testing.T) {
	var ps []PartyProfile
	for i := range 400 {
		ps = append(ps, PartyProfile{Name: []string{"a a", "b b", "c c", "d d"}[i%4], Address: "same warehouse 1", Country: "NL"})
	}
	w := EstimatePartyU(ps, 20000, 1, DefaultPartyWeights())
	if u := w.U[fieldName][1]; math.Abs(u-0.25) > 0.02 {
		t.Errorf("u(name exact) = %.3f, want about 0.25", u)
	}
	if wt := w.Weight(fieldAddress, 1); wt > 0 {
		t.Errorf("an address everybody shares weighs %+.1f", wt)
	}
	if w.U[fieldEmail][1] != DefaultPartyWeights().U[fieldEmail][1] {
		t.Error("a field never compared moved")
	}
}

// EM recovers m and the match share that generated the comparisons, with u known (as
// EstimatePartyU gives it) and starting from the defaults, which differ; the field a
// pair was blocked on is left out.
func TestFitPartyWeightsRecoversTheModel(t *testing.T) {
	truth := DefaultPartyWeights()
	truth.M[fieldName] = []float64{0, 0.7, 0.2, 0.1}
	truth.U[fieldName] = []float64{0, 0.05, 0.05, 0.9}
	truth.M[fieldAddress] = []float64{0, 0.5, 0.3, 0.2}
	truth.U[fieldAddress] = []float64{0, 0.02, 0.08, 0.9}
	truth.M[fieldEmail] = []float64{0, 0.6, 0.4}
	truth.U[fieldEmail] = []float64{0, 0.01, 0.99}
	const lambda = 0.3
	rng := rand.New(rand.NewPCG(1, 2))
	draw := func(p []float64) uint8 {
		x := rng.Float64()
		for l := 1; l < len(p); l++ {
			if x -= p[l]; x < 0 {
				return uint8(l)
			}
		}
		return uint8(len(p) - 1)
	}
	var pairs []BlockedPair
	for i := range 20000 {
		match := rng.Float64() < lambda
		var c Comparison
		for f := range partyFields {
			if rng.Float64() < 0.2 {
				continue // missing on one side
			}
			if match {
				c[f] = draw(truth.M[f])
			} else {
				c[f] = draw(truth.U[f])
			}
		}
		on := BlockedOnName
		if i%2 == 1 {
			on = BlockedOnAddress
		}
		c[on] = 1 // the block agreed on it, whatever the pair is
		pairs = append(pairs, BlockedPair{C: c, On: on})
	}
	start := DefaultPartyWeights()
	start.U = truth.U
	got, lam := FitPartyWeights(pairs, start, 200)
	if math.Abs(lam-lambda) > 0.03 {
		t.Errorf("lambda = %.3f, want %.2f", lam, lambda)
	}
	for _, f := range []int{fieldName, fieldAddress, fieldEmail} {
		for l := 1; l < len(truth.M[f]); l++ {
			if d := math.Abs(got.M[f][l] - truth.M[f][l]); d > 0.03 {
				t.Errorf("m(%s %s) = %.3f, want %.2f", fieldNames[f], levelNames[f][l], got.M[f][l], truth.M[f][l])
			}
		}
	}
	if got.Accept != DefaultPartyWeights().Accept {
		t.Error("the fit changed the thresholds")
	}
	if same, _ := FitPartyWeights(pairs[:5], DefaultPartyWeights(), 10); same.Weight(fieldName, 1) != DefaultPartyWeights().Weight(fieldName, 1) {
		t.Error("five pairs moved the weights")
	}
}
