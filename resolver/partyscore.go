package resolver

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/normalize"
)

// Probabilistic party matching. Strong keys (tax id, e-mail, a system's customer id, a
// customer's phone, a company's name key) link most mentions. What they miss are the
// mentions whose keys are all new but whose description is the same party's: a Meituan
// customer with a privacy phone and the same customer on a Douyin order with a masked
// one, both with the same name and delivery address; a company name with a typo. Those
// are found in blocks (same normalised name, or same normalised address) and scored
// Fellegi-Sunter style: each compared field adds log2(m/u) for the level at which it
// agrees, where m is the chance of that level for two mentions of one party and u for
// two different parties. FitPartyWeights estimates m and u from the data by EM, as
// Splink does; `seam bench resolve` prints the fit next to the weights in use.

// PartyProfile is what party matching compares: a party's normalised attributes.
type PartyProfile struct {
	ID      string // the party's id ("" for a mention not yet placed)
	Company bool
	Name    string // normalize.PersonName, or normalize.CompanyName(...).Key
	Email   string
	Phone   string // E.164
	Address string // normalize.Address key
	Country string
	TaxID   string
}

// ProfileOf normalises a party mention into a profile.
func ProfileOf(p ontology.PartyRef) PartyProfile {
	pr := PartyProfile{Company: companyRole(p.Role), Email: normalize.Email(p.Email), TaxID: normTaxID(p.TaxID),
		Country: strings.ToUpper(strings.TrimSpace(p.Country))}
	if pr.Company {
		pr.Name = normalize.CompanyName(p.Name).Key
	} else {
		pr.Name = normalize.PersonName(p.Name)
	}
	if ph, ok := normalize.Phone(p.Phone, p.Country); ok {
		pr.Phone = ph
	}
	pr.Address, _ = normalize.Address(p.Address)
	return pr
}

// Blocks returns the block keys a profile is found under: its name and its address,
// each within persons or companies. A short name or address blocks nothing: "Li" or
// "Room 1" would put unrelated parties in one block.
func (p PartyProfile) Blocks() (name, address string) {
	kind := "person"
	if p.Company {
		kind = "company"
	}
	if len([]rune(p.Name)) >= 2 && len(p.Name) >= 4 {
		name = kind + ":" + p.Name
	}
	if a := compact(p.Address); len([]rune(a)) >= 8 {
		address = kind + ":" + a
	}
	return name, address
}

// The compared fields and their levels. Level 0 is always "missing on either side",
// which weighs nothing.
const (
	fieldName = iota
	fieldEmail
	fieldPhone
	fieldAddress
	fieldCountry
	partyFields
)

var fieldNames = [partyFields]string{"name", "email", "phone", "address", "country"}

// levelNames name each field's levels, for weights and evidence.
var levelNames = [partyFields][]string{
	{"missing", "exact", "close", "differs"},
	{"missing", "agrees", "differs"},
	{"missing", "agrees", "differs"},
	{"missing", "exact", "similar", "differs"},
	{"missing", "agrees", "differs"},
}

// Comparison is the level at which each field of two profiles agrees.
type Comparison [partyFields]uint8

// CompareParties compares two profiles field by field.
func CompareParties(a, b PartyProfile) Comparison {
	var c Comparison
	switch {
	case a.Name == "" || b.Name == "":
	case a.Name == b.Name:
		c[fieldName] = 1
	case normalize.JaroWinkler(a.Name, b.Name) >= 0.92:
		c[fieldName] = 2
	default:
		c[fieldName] = 3
	}
	c[fieldEmail] = agree(a.Email, b.Email)
	c[fieldPhone] = agree(a.Phone, b.Phone)
	switch {
	case a.Address == "" || b.Address == "":
	case compact(a.Address) == compact(b.Address):
		c[fieldAddress] = 1
	case normalize.Jaccard(bigrams(compact(a.Address)), bigrams(compact(b.Address))) >= 0.6:
		c[fieldAddress] = 2
	default:
		c[fieldAddress] = 3
	}
	c[fieldCountry] = agree(a.Country, b.Country)
	return c
}

// compact drops the spaces of a normalised address: sources split Chinese addresses
// (and post codes) at different places, "100号 12楼" and "100号12楼".
func compact(s string) string { return strings.ReplaceAll(s, " ", "") }

// bigrams are the overlapping pairs of runes of s: a similarity of Chinese and Latin
// addresses alike that needs no word boundaries.
func bigrams(s string) []string {
	r := []rune(s)
	out := make([]string, 0, len(r))
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	return out
}

func agree(a, b string) uint8 {
	switch {
	case a == "" || b == "":
		return 0
	case a == b:
		return 1
	}
	return 2
}

// PartyWeights are the m and u probabilities of each field's levels (index 0, missing,
// is unused) and the thresholds on the summed log2(m/u) weight.
type PartyWeights struct {
	M, U [partyFields][]float64
	// Accept links two parties SAME_AS at or above this weight; Review records them as
	// RELATED ("possibly the same party") between Review and Accept.
	Accept, Review float64
}

// DefaultPartyWeights are the weights used unless configured otherwise: priors for data
// where a postal address belongs to a household, chosen so that a name alone, however
// rare, never links two parties, while a name with an address does. Where a value is
// shared by many parties the Frequency adjustment lowers its weight at run time. On the
// simulator's data, where every Meituan order names one address, the fit that `seam
// bench resolve` prints gives the address far less weight than this prior does.
func DefaultPartyWeights() PartyWeights {
	return PartyWeights{
		M: [partyFields][]float64{
			{0, 0.85, 0.10, 0.05},
			{0, 0.90, 0.10},
			{0, 0.85, 0.15},
			{0, 0.60, 0.30, 0.10},
			{0, 0.98, 0.02},
		},
		U: [partyFields][]float64{
			{0, 0.002, 0.01, 0.988},
			{0, 0.0001, 0.9999},
			{0, 0.0005, 0.9995},
			{0, 0.001, 0.01, 0.989},
			{0, 0.5, 0.5},
		},
		Accept: 12, Review: 10,
	}
}

// Weight returns log2(m/u) of one field at one level (0 for missing).
func (w PartyWeights) Weight(field int, level uint8) float64 {
	if level == 0 || int(level) >= len(w.M[field]) {
		return 0
	}
	return math.Log2(w.M[field][level] / w.U[field][level])
}

// Frequency is how many parties already hold the exact name and the exact address being
// compared. An exact agreement on a value many parties share says less than on a rare
// one (a chain store's address, "Wang Wei"): its u is taken as Frequency times the u of
// a value held by one party, the term-frequency adjustment of record linkage. Zero or
// one means no adjustment.
type Frequency struct {
	Name, Address int
}

// fieldWeights returns each field's weight in a comparison, adjusted for frequency.
func (w PartyWeights) fieldWeights(c Comparison, fr Frequency) [partyFields]float64 {
	var out [partyFields]float64
	for f := range partyFields {
		out[f] = w.Weight(f, c[f])
	}
	if c[fieldName] == 1 && fr.Name > 1 {
		out[fieldName] -= math.Log2(float64(fr.Name))
	}
	if c[fieldAddress] == 1 && fr.Address > 1 {
		out[fieldAddress] -= math.Log2(float64(fr.Address))
	}
	return out
}

// Score sums the field weights of a comparison.
func (w PartyWeights) Score(c Comparison, fr Frequency) float64 {
	var s float64
	for _, x := range w.fieldWeights(c, fr) {
		s += x
	}
	return s
}

// Explain renders a comparison's evidence: each compared field's level and weight.
func (w PartyWeights) Explain(c Comparison, fr Frequency) string {
	ws := w.fieldWeights(c, fr)
	var parts []string
	var total float64
	for f := range partyFields {
		if c[f] == 0 {
			continue
		}
		total += ws[f]
		shared := ""
		if n := []int{fieldName: fr.Name, fieldAddress: fr.Address}; f < len(n) && c[f] == 1 && n[f] > 1 {
			shared = fmt.Sprintf(" (%d parties share it)", n[f])
		}
		parts = append(parts, fmt.Sprintf("%s %s%s %+.1f", fieldNames[f], levelNames[f][c[f]], shared, ws[f]))
	}
	return fmt.Sprintf("score %.1f (%s)", total, strings.Join(parts, ", "))
}

// String renders the weights of every level, for logs and benchmark output.
func (w PartyWeights) String() string {
	var parts []string
	for f := range partyFields {
		var lv []string
		for l := 1; l < len(w.M[f]); l++ {
			lv = append(lv, fmt.Sprintf("%s %+.1f", levelNames[f][l], w.Weight(f, uint8(l))))
		}
		parts = append(parts, fieldNames[f]+": "+strings.Join(lv, ", "))
	}
	return strings.Join(parts, "; ")
}

// BlockedPair is a candidate pair's comparison and the field its block agreed on
// (fieldName or fieldAddress, see PartyProfile.Blocks). Within a block that field agrees
// by construction, so it says nothing there and is left out of the fit for that pair.
type BlockedPair struct {
	C  Comparison
	On int
}

// BlockedOnName and BlockedOnAddress name the field a pair's block agreed on.
const (
	BlockedOnName    = fieldName
	BlockedOnAddress = fieldAddress
)

// EstimatePartyU estimates u, the chance of each level for two different parties, from
// random pairs of profiles: almost every random pair is two different parties. This is
// how Splink estimates u, and unlike EM it cannot mistake a value everybody shares (one
// warehouse address on every order) for evidence.
func EstimatePartyU(profiles []PartyProfile, pairs int, seed uint64, start PartyWeights) PartyWeights {
	w := clonePartyWeights(start)
	if len(profiles) < 2 {
		return w
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var counts [partyFields][]float64
	var totals [partyFields]float64
	for f := range partyFields {
		counts[f] = make([]float64, len(w.U[f]))
	}
	for range pairs {
		i, j := rng.IntN(len(profiles)), rng.IntN(len(profiles))
		if i == j {
			continue
		}
		c := CompareParties(profiles[i], profiles[j])
		for f := range partyFields {
			if l := c[f]; l != 0 {
				counts[f][l]++
				totals[f]++
			}
		}
	}
	for f := range partyFields {
		if totals[f] < 100 {
			continue // too few comparisons of this field to move its prior
		}
		for l := 1; l < len(w.U[f]); l++ {
			w.U[f][l] = clamp(counts[f][l] / totals[f])
		}
	}
	return w
}

// FitPartyWeights estimates m and the share of true matches from blocked candidate
// pairs by expectation-maximisation, with u held at start's (see EstimatePartyU), under
// the usual assumption that fields agree independently given match status. It keeps
// start's thresholds, and returns start unchanged when there are too few pairs to say
// anything. Probabilities are kept away from 0 and 1, so no level becomes infinitely
// decisive on a small sample.
func FitPartyWeights(pairs []BlockedPair, start PartyWeights, iterations int) (PartyWeights, float64) {
	lambda := 0.1
	if len(pairs) < 20 {
		return start, lambda
	}
	w := clonePartyWeights(start)
	post := make([]float64, len(pairs))
	for range iterations {
		// E: the probability that each pair is a match.
		var sum float64
		for i, p := range pairs {
			pm, pu := lambda, 1-lambda
			for f := range partyFields {
				if l := p.C[f]; l != 0 && f != p.On {
					pm *= w.M[f][l]
					pu *= w.U[f][l]
				}
			}
			post[i] = pm / (pm + pu)
			sum += post[i]
		}
		lambda = clamp(sum / float64(len(pairs)))
		// M: each level's share among matches, where compared.
		for f := range partyFields {
			n := len(w.M[f])
			mc := make([]float64, n)
			var mt float64
			for i, p := range pairs {
				if l := p.C[f]; l != 0 && f != p.On {
					mc[l] += post[i]
					mt += post[i]
				}
			}
			if mt < 1 {
				continue
			}
			for l := 1; l < n; l++ {
				w.M[f][l] = clamp(mc[l] / mt)
			}
		}
	}
	return w, lambda
}

// clamp keeps a probability away from 0 and 1.
func clamp(p float64) float64 {
	const floor = 1e-4
	return math.Min(math.Max(p, floor), 1-floor)
}

func clonePartyWeights(w PartyWeights) PartyWeights {
	out := w
	for f := range partyFields {
		out.M[f] = append([]float64(nil), w.M[f]...)
		out.U[f] = append([]float64(nil), w.U[f]...)
	}
	return out
}
