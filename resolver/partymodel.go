package resolver

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/compare"
)

// PartyModel is a fitted Fellegi-Sunter model of party matching: for each compared field
// and level, m (the chance of that level for two mentions of one party) and u (for two
// different parties), term frequencies of the values that weigh less when many share
// them, and the thresholds. It is stored per tenant with a version (`seam parties train`)
// and named in the evidence of every link it makes.
type PartyModel struct {
	Version string                                 `json:"version"`
	M       [partyFields][compare.NumKinds]float64 `json:"m"`
	U       [partyFields][compare.NumKinds]float64 `json:"u"`
	// TF holds, per field, the share of parties holding each common value (given and
	// family names, postcodes): an exact agreement on a value held by a share f of the
	// parties weighs log2(m/f) instead of log2(m/u).
	TF map[string]map[string]float64 `json:"tf,omitempty"`
	// Lambda is the share of matching pairs among blocked pairs, from the fit.
	Lambda float64 `json:"lambda,omitempty"`
	// Accept links two parties SAME_AS at or above this weight; Review records them
	// RELATED ("possibly the same party") between Review and Accept.
	Accept float64 `json:"accept"`
	Review float64 `json:"review"`
	// Trained says how the model was made: "prior", or the fit's figures.
	Trained string `json:"trained,omitempty"`
}

// levels sets m and u of a field's kinds from pairs.
func (pm *PartyModel) levels(field int, mu map[compare.Kind][2]float64) {
	for k, v := range mu {
		pm.M[field][k], pm.U[field][k] = v[0], v[1]
	}
}

// DefaultPartyModel is the prior used until a tenant's model is trained: m and u chosen
// by reasoning about how people and shops write, so that a name alone, however rare,
// never links two parties (it is at most 14 bits, the accept threshold 16), a name with
// an address or a date of birth does, and a typo in one field is outweighed by
// agreement in the others. Training replaces u with what random pairs of the tenant's
// own data show, and m with the EM fit.
func DefaultPartyModel() PartyModel {
	var pm PartyModel
	pm.Version = "prior-3"
	pm.Trained = "prior"
	k := func(m, u float64) [2]float64 { return [2]float64{m, u} }
	// A name that agrees in its family name alone (赵女士 against 赵冬梅, 张** against
	// 张伟) is rarer among strangers than it looks: one side must carry a title or a
	// mask (a few orders in a hundred) and the family names agree (a few pairs in a
	// hundred), while one person's orders carry one as often as their shop writes it.
	// It weighs a little, and a link resting on it holds only as the mention's one such
	// match (see partLinks).
	// A Han name whose given name is written with other characters of the same sound
	// (梁树临 for 梁树林) tells what a romanisation of it does, the name's sound and
	// not its characters, and weighs as one: an input method's slip, where two people
	// whose names only sound alike are no more common than a namesake written in
	// pinyin.
	names := map[compare.Kind][2]float64{
		compare.Exact: k(0.80, 0.004), compare.Transliterated: k(0.03, 0.0005), compare.Homophone: k(0.03, 0.0005), compare.Nickname: k(0.02, 0.001),
		compare.Typo: k(0.06, 0.002), compare.Phonetic: k(0.03, 0.004), compare.Similar: k(0.03, 0.01),
		compare.Initials: k(0.005, 0.005), compare.Partial: k(0.03, 0.003), compare.MaskedCompatible: k(0.02, 0.005),
		compare.Different: k(0.02, 0.96),
	}
	pm.levels(fieldName, names)
	pm.levels(fieldGiven, names)
	pm.levels(fieldFamily, names)
	pm.levels(fieldBirth, map[compare.Kind][2]float64{
		compare.Exact: k(0.85, 0.0002), compare.Transposed: k(0.03, 0.0001), compare.Typo: k(0.07, 0.002),
		compare.YearOff: k(0.02, 0.001), compare.Different: k(0.03, 0.9967),
	})
	pm.levels(fieldNationalID, map[compare.Kind][2]float64{
		compare.Exact: k(0.90, 0.00001), compare.Typo: k(0.07, 0.0001), compare.Different: k(0.03, 0.99989),
	})
	// An address one character off is as often a namesake's (anna.smit1@, anna.smit2@)
	// as a typo: weak evidence, never enough with a name to link.
	// Many people keep one address per shop (a QQ mail here, a work address there): a
	// different e-mail is weak evidence against, an equal one strong evidence for.
	pm.levels(fieldEmail, map[compare.Kind][2]float64{
		compare.Exact: k(0.75, 0.0001), compare.Partial: k(0.03, 0.004), compare.Typo: k(0.03, 0.004),
		compare.MaskedCompatible: k(0.02, 0.01), compare.Different: k(0.17, 0.9988),
	})
	// Seven digits a mask shows of a mobile number (185****8209) are shared by chance
	// about once in two hundred thousand pairs, as rarely as a whole number is: they
	// weigh nearly as much, and Decide asks for a name and a place beside them.
	// One order in ten gives another number of the same person (a second SIM, a work
	// phone, a new number): a different phone is evidence against, not a veto on a
	// name and a flat that agree.
	// The last four digits of a number, as a privacy waybill prints them after the
	// name (王丽7496), are shared by chance once in ten thousand pairs: Partial.
	// A number one digit off is a slip of its owner's far more often than a stranger's
	// number: strangers are one digit apart about once in ten million pairs, and what
	// makes an equal number common among strangers (a household's or an office's shared
	// line) makes no slips. Consecutive numbers of one family plan or one office's lines
	// are what it leaves, rarer than a shared number.
	pm.levels(fieldPhone, map[compare.Kind][2]float64{
		compare.Exact: k(0.82, 0.0001), compare.Typo: k(0.04, 0.00003), compare.Partial: k(0.02, 0.0002), compare.MaskedDigits: k(0.03, 0.000004),
		compare.MaskedCompatible: k(0.01, 0.005), compare.Different: k(0.10, 0.9797),
	})
	// The parts of one address are not independent (a move changes them all at once, a
	// household shares them all): their priors are set so that a whole address that
	// agrees weighs about as much as one address field would (+10), and a whole address
	// that differs about -10, not the sum of four independent pieces of evidence.
	pm.levels(fieldNumber, map[compare.Kind][2]float64{
		compare.Exact: k(0.80, 0.12), compare.Typo: k(0.04, 0.02), compare.Partial: k(0.03, 0.02),
		compare.MaskedCompatible: k(0.01, 0.01), compare.Different: k(0.12, 0.83),
	})
	pm.levels(fieldStreet, map[compare.Kind][2]float64{
		compare.Exact: k(0.70, 0.05), compare.Typo: k(0.06, 0.01), compare.Similar: k(0.04, 0.02),
		compare.Partial: k(0.02, 0.02), compare.MaskedCompatible: k(0.01, 0.01), compare.Different: k(0.17, 0.89),
	})
	// A flat, a building, a second line: what tells one household of a street from the
	// next where a source has it; many omit it, so its difference weighs little.
	pm.levels(fieldDetail, map[compare.Kind][2]float64{
		compare.Exact: k(0.28, 0.0055), compare.Dwelling: k(0.27, 0.0032), compare.Typo: k(0.05, 0.002), compare.Similar: k(0.05, 0.01),
		compare.Partial: k(0.06, 0.0009), compare.MaskedCompatible: k(0.01, 0.01), compare.Different: k(0.24, 0.45),
		compare.OtherHome: k(0.04, 0.40),
		// A parcel locker numbered by the home's building (鲁能星城中通快递超市(24号柜)
		// against 鲁能星城24栋405): a stranger of the city shares the compound about
		// once in a thousand pairs (Partial), its building a few dozen times less often.
		compare.Building: k(0.02, 0.00005),
	})
	pm.levels(fieldLocality, map[compare.Kind][2]float64{
		compare.Exact: k(0.80, 0.28), compare.Typo: k(0.05, 0.02), compare.Similar: k(0.02, 0.02),
		compare.Partial: k(0.02, 0.03), compare.MaskedCompatible: k(0.01, 0.02), compare.Different: k(0.10, 0.63),
	})
	pm.levels(fieldPostcode, map[compare.Kind][2]float64{
		compare.Exact: k(0.80, 0.28), compare.Typo: k(0.05, 0.02), compare.Partial: k(0.05, 0.07),
		compare.Different: k(0.10, 0.63),
	})
	// A masked address shows its province, city and district (上海市上海市浦东新区****):
	// the district of a shop's customer is shared by a few in a hundred others.
	pm.levels(fieldAddress, map[compare.Kind][2]float64{
		compare.Exact: k(0.60, 0.001), compare.Similar: k(0.30, 0.01), compare.MaskedCompatible: k(0.05, 0.0125),
		compare.Different: k(0.05, 0.939),
	})
	pm.levels(fieldCountry, map[compare.Kind][2]float64{compare.Exact: k(0.98, 0.5), compare.Different: k(0.02, 0.5)})
	pm.Accept, pm.Review = 16, 10
	return pm
}

// Weight returns log2(m/u) of one field at one level (0 for null or unknown).
func (pm *PartyModel) Weight(field int, k compare.Kind) float64 {
	if k == compare.Null || int(k) >= compare.NumKinds {
		return 0
	}
	if k == compare.Dwelling && (pm.M[field][k] == 0 || pm.U[field][k] == 0) {
		k = compare.Exact // a model stored before the level: what it fitted for the same numbers
	}
	if k == compare.OtherHome && (pm.M[field][k] == 0 || pm.U[field][k] == 0) {
		k = compare.Different // likewise: what it fitted for other numbers
	}
	if k == compare.Building && (pm.M[field][k] == 0 || pm.U[field][k] == 0) {
		k = compare.Partial // likewise: what it fitted for the compound alone
	}
	if k == compare.Homophone && (pm.M[field][k] == 0 || pm.U[field][k] == 0) {
		k = compare.Phonetic // likewise: what it fitted for these names before
	}
	return kindWeight(pm.M[field][k], pm.U[field][k])
}

// tfFields are the fields whose exact values have term frequencies, with the profile
// value each uses.
var tfFields = map[int]func(PartyProfile) string{
	fieldGiven:    func(p PartyProfile) string { return strings.ToLower(strings.TrimSpace(p.Given)) },
	fieldFamily:   func(p PartyProfile) string { return strings.ToLower(strings.TrimSpace(p.Family)) },
	fieldName:     func(p PartyProfile) string { return p.Name },
	fieldPostcode: func(p PartyProfile) string { return compact(strings.ToUpper(p.Place.Postcode)) },
	fieldLocality: func(p PartyProfile) string { return strings.ToLower(strings.TrimSpace(p.Place.Locality)) },
}

// fieldWeights returns each field's weight in a comparison of a with another profile:
// an exact agreement on a value in the model's term frequencies weighs log2(m/f); one
// the caller counted many holders of (fr) weighs log2(count) less.
func (pm *PartyModel) fieldWeights(c Comparison, a PartyProfile, fr Frequency) [partyFields]float64 {
	var out [partyFields]float64
	for f := range partyFields {
		out[f] = pm.Weight(f, c[f].Kind)
		if f == fieldName && pm.Trained == "prior" && soundsAlike(c[f].Kind) && longChineseName(a) {
			out[f] += longHanNameBonus // a long name's sound has as few namesakes as its writing
		}
		if c[f].Kind != compare.Exact {
			continue
		}
		counted := false
		if get, ok := tfFields[f]; ok && pm.TF != nil {
			if share, ok := pm.TF[fieldNames[f]][get(a)]; ok && share > pm.U[f][compare.Exact] {
				out[f] = kindWeight(pm.M[f][compare.Exact], share)
				counted = true
			}
		}
		if f == fieldName && !counted && pm.Trained == "prior" && longHanName(a) {
			out[f] += longHanNameBonus
		}
		n := fr.of(f)
		if f == fieldStreet {
			n = fr.of(fieldAddress) // an address compared in parts: its street carries the count
		}
		if n > 1 {
			out[f] -= math.Log2(float64(n))
		}
	}
	return out
}

// Score sums the field weights of a comparison.
func (pm *PartyModel) Score(c Comparison, a PartyProfile, fr Frequency) float64 {
	var s float64
	for _, x := range pm.fieldWeights(c, a, fr) {
		s += x
	}
	return s
}

// PartyVerdict is what the model says of two profiles: same party, possibly the same (for
// a person to look at), or nothing.
type PartyVerdict int

// The verdicts.
const (
	Apart PartyVerdict = iota
	Possibly
	Same
)

// Decide scores a comparison and decides. Two rules come before the weights: masked
// values as the only agreement never link (two buyers in one district share 李** and
// 138****5678 as easily as one does), and a pair must agree on something besides its name
// (a name alone, however rare, is not a person).
func (pm *PartyModel) Decide(c Comparison, a PartyProfile, fr Frequency) (PartyVerdict, float64) {
	s := pm.Score(c, a, fr)
	levels := make([]compare.Level, 0, partyFields)
	for f := range partyFields {
		if f != fieldCountry {
			levels = append(levels, c[f])
		}
	}
	if compare.MaskedOnly(levels...) {
		return Apart, s
	}
	beyondName := false
	for _, f := range identityFields {
		k := c[f].Kind
		beyondName = beyondName || (k.Agrees() && k != compare.MaskedCompatible)
	}
	// Another name and another phone at one address are two people of a household or
	// a building, however much the address agrees: a person to look at, never a merge.
	// A number one digit off under another name is another phone too: a family plan's
	// or an office's consecutive numbers, not one person's slip and another name at once.
	twoPeople := (c[fieldPhone].Kind == compare.Different || c[fieldPhone].Kind == compare.Typo) &&
		(c[fieldName].Kind == compare.Different || c[fieldGiven].Kind == compare.Different || c[fieldFamily].Kind == compare.Different) ||
		ownContactsApart(c, a) || partNameContactsApart(c, a) || givenNamesApart(c, a)
	switch {
	case !beyondName:
		// Namesakes are not a lead: a name alone, however it agrees, asks no person to
		// look either.
		return Apart, s
	case s >= pm.Accept && !twoPeople && !pm.maskedPhoneAlone(c, a, fr):
		return Same, s
	case s >= pm.Review:
		return Possibly, s
	}
	return Apart, s
}

// givenNamesApart reports whether two Latin names agree in the family name and give two
// given names (Thomas and Anna Green), with no national id in common, where the mention
// gives no home but its town, or gives a home and each side its own mailbox and no
// phone in common (Emma and Olivia Walsh at 14 Park Lane, emma.walsh@ and livvy.w@):
// twins of one birthday agree on everything a description holds but the given name and
// their contacts, and outweighed them (-5.6 and -3.2 against an equal date of birth,
// family name and town or street address); another given name is another person
// however the rest agrees, so the pair is one for a person to look at, never a merge. A
// given name mistyped is a typo, a sound or a nickname of the other, not Different
// (twinNamesAlike makes two names people are given, Ella and Emma, Different in a
// family). At a home without mailboxes it stays a limit: FEBRL's duplicates replace the
// given name (and the social security number) wholesale beside the same street, date of
// birth and postcode, and the benchmark counts them one, where a storefront's twins
// order each from a mailbox of her own. One mobile under two given names (Tony and Huy
// Ngo, an English name beside a Vietnamese one) is left to the household rules. Han and
// Chinese names are left to their own rules (an English given name beside a Chinese one
// is the same person's as often as not).
func givenNamesApart(c Comparison, a PartyProfile) bool {
	if a.Company || c[fieldGiven].Kind != compare.Different || !wholePart(c[fieldFamily].Kind) || c[fieldNationalID].Kind.Agrees() {
		return false
	}
	if (a.Place.Street != "" || a.Place.Detail != "" || a.Place.Number != "") && (!c[fieldEmail].Kind.Differs() || c[fieldPhone].Kind.Agrees()) {
		return false // a phone of one person's under two names is the household rules' to read
	}
	return !compare.HasHan(a.FullName+a.Given+a.Family) && !compare.ReadsChinese(nameOf(a))
}

// Explain renders a comparison's evidence: each compared field's level and weight, and
// the model's version.
func (pm *PartyModel) Explain(c Comparison, a PartyProfile, fr Frequency) string {
	ws := pm.fieldWeights(c, a, fr)
	var parts []string
	var total float64
	for f := range partyFields {
		if c[f].Kind == compare.Null {
			continue
		}
		total += ws[f]
		parts = append(parts, fmt.Sprintf("%s %s %+.1f", fieldNames[f], c[f].Kind, ws[f]))
	}
	return fmt.Sprintf("score %.1f (%s; model %s)", total, strings.Join(parts, ", "), pm.Version)
}

// String renders the model's weights for logs and benchmark output.
func (pm *PartyModel) String() string {
	var parts []string
	for f := range partyFields {
		var lv []string
		for k := 1; k < compare.NumKinds; k++ {
			if pm.M[f][k] > 0 && pm.U[f][k] > 0 {
				lv = append(lv, fmt.Sprintf("%s %+.1f", compare.Kind(k), pm.Weight(f, compare.Kind(k))))
			}
		}
		parts = append(parts, fieldNames[f]+": "+strings.Join(lv, ", "))
	}
	return fmt.Sprintf("model %s (accept %.1f, review %.1f): %s", pm.Version, pm.Accept, pm.Review, strings.Join(parts, "; "))
}

// PartyPair is a blocked candidate pair's comparison and the rule that blocked it:
// within a block the rule's fields agree by construction, so they say nothing there and
// are left out of the fit for that pair.
type PartyPair struct {
	C    Comparison
	Rule string
}

// ruleFields are the fields each block rule makes agree.
var ruleFields = map[string][]int{
	BlockName: {fieldName, fieldGiven, fieldFamily}, BlockAddress: {fieldAddress, fieldStreet, fieldNumber, fieldDetail},
	BlockFamilyPost: {fieldFamily, fieldPostcode}, BlockBirthDate: {fieldBirth},
	BlockGivenLocale: {fieldGiven, fieldLocality}, BlockNationalID: {fieldNationalID},
}

// Train fits a model to profiles (one per mention) as Splink does: u from random pairs
// (almost all are different parties), m by expectation-maximisation over the pairs the
// block rules find, each pair leaving out the fields its rule made agree; term
// frequencies of names, postcodes and localities; the thresholds from the fit, so that a
// link needs a posterior of 0.99 among blocked pairs and review 0.8. It starts from
// start's m and keeps start's levels where there are too few comparisons to move them.
func Train(profiles []PartyProfile, pairs []PartyPair, randomPairs int, seed uint64, start PartyModel) PartyModel {
	pm := start
	pm.TF = termFrequencies(profiles)
	var fitted [partyFields]bool // the fields whose u the random pairs gave
	var randomCs []Comparison
	if len(profiles) >= 2 {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		var counts [partyFields][compare.NumKinds]float64
		var totals [partyFields]float64
		idx := make([][2]int, 0, randomPairs)
		for range randomPairs {
			i, j := rng.IntN(len(profiles)), rng.IntN(len(profiles))
			if i == j || profiles[i].Company != profiles[j].Company {
				continue
			}
			idx = append(idx, [2]int{i, j})
		}
		randomCs = compareIndexed(profiles, idx)
		for _, c := range randomCs {
			for f := range partyFields {
				if k := c[f].Kind; k != compare.Null {
					counts[f][k]++
					totals[f]++
				}
			}
		}
		for f := range partyFields {
			if totals[f] < 200 {
				continue // too few comparisons of this field to move its prior
			}
			fitted[f] = true
			for k := 1; k < compare.NumKinds; k++ {
				// Add-one smoothing over the prior's levels: a level random pairs never
				// reach keeps a small u instead of an infinite weight.
				if start.U[f][k] > 0 || counts[f][k] > 0 {
					pm.U[f][k] = clamp((counts[f][k] + 0.5) / (totals[f] + 0.5*float64(compare.NumKinds)))
				}
			}
		}
	}
	pm, lambda := fitM(pairs, pm, 40)
	if withoutMatches(&pm, fitted, randomCs, lambda, len(pairs), len(profiles)) {
		pm, lambda = fitM(pairs, pm, 40)
	}
	pm.Lambda = lambda
	pm.shrinkTowards(start, trainedWeightCap)
	// Thresholds from the fit: the weight at which the posterior among blocked pairs
	// reaches 0.99 to link and 0.8 to review, never below the prior's floor (a name
	// alone must stay below Accept).
	prior := math.Log2(lambda / (1 - lambda))
	pm.Accept = math.Max(start.Accept, math.Log2(0.99/0.01)-prior)
	pm.Review = math.Max(start.Review, math.Log2(0.8/0.2)-prior)
	if pm.Review >= pm.Accept {
		pm.Review = pm.Accept - 3
	}
	pm.Trained = fmt.Sprintf("u from %d random pairs, m by EM over %d blocked pairs (share of matches %.4f)", randomPairs, len(pairs), lambda)
	return pm
}

// withoutMatches re-estimates u without the matching pairs among the random pairs it
// was counted on, and reports whether it did. Random pairs of a shop's orders are not
// all two people: a customer who orders four times makes six pairs of herself, and on
// Splink's fake_1000 (four records a person) one random pair in 120 is one person, so
// an equal date of birth showed in 0.7% of "different" pairs and weighed 6.7 bits, where
// two strangers share a birthday about once in twenty thousand pairs. With m as the fit
// over blocked pairs gives it, EM over the random pairs' comparisons weighs each pair by
// the chance that it is two people and counts u over those weights, the share of
// matches among them starting from what the blocks found (lambda of the blocked pairs,
// among all pairs) and fitted with u. Only the fields whose u the random pairs gave
// (fitted) are read and moved; a prior's u is a stranger's already. Where matches are
// few among all pairs (a shop of one-off buyers, FEBRL's one duplicate a person), the
// weights are all but one and u barely moves; shrinkTowards still caps every weight at
// trainedWeightCap bits above the prior's.
func withoutMatches(pm *PartyModel, fitted [partyFields]bool, cs []Comparison, lambda float64, blocked, profiles int) bool {
	if profiles < 2 || blocked < 20 || len(cs) == 0 {
		return false
	}
	n := float64(profiles)
	share := clamp(lambda * float64(blocked) / (n * (n - 1) / 2))
	m := pm.M
	for range 20 {
		var counts [partyFields][compare.NumKinds]float64
		var totals [partyFields]float64
		var sum float64
		for _, c := range cs {
			lm, lu := math.Log(share), math.Log(1-share)
			for f := range partyFields {
				k := c[f].Kind
				if !fitted[f] || k == compare.Null || m[f][k] <= 0 || pm.U[f][k] <= 0 {
					continue
				}
				lm += math.Log(m[f][k])
				lu += math.Log(pm.U[f][k])
			}
			p := 1 / (1 + math.Exp(lu-lm))
			sum += p
			for f := range partyFields {
				if k := c[f].Kind; fitted[f] && k != compare.Null {
					counts[f][k] += 1 - p
					totals[f] += 1 - p
				}
			}
		}
		share = clamp(sum / float64(len(cs)))
		for f := range partyFields {
			if !fitted[f] {
				continue
			}
			for k := 1; k < compare.NumKinds; k++ {
				if pm.U[f][k] > 0 || counts[f][k] > 0 {
					pm.U[f][k] = clamp((counts[f][k] + 0.5) / (totals[f] + 0.5*float64(compare.NumKinds)))
				}
			}
		}
	}
	return true
}

// trainedWeightCap is how many bits above the prior a fitted level may weigh. EM
// assumes fields agree independently given match status; people break that (namesakes
// live in one district, a household shares its street and number), so on a tenant whose
// customers share names a fit lifts a name and a district to +10 and +5 bits where the
// prior gives them +7.6 and +1.5, and two namesakes of one district link on nothing
// else. A level may still fall as far as the data says.
const trainedWeightCap = 1.5

// shrinkTowards keeps each fitted level's weight within cap bits above start's where
// start's agrees, and at most start's where it disagrees, by raising its u: the
// tenant's data can strengthen agreement, not without bound, and weaken nothing less
// than the data says.
func (pm *PartyModel) shrinkTowards(start PartyModel, cap float64) {
	for f := range partyFields {
		for k := 1; k < compare.NumKinds; k++ {
			m, u := pm.M[f][k], pm.U[f][k]
			if m <= 0 || u <= 0 || start.M[f][k] <= 0 || start.U[f][k] <= 0 {
				continue
			}
			limit := kindWeight(start.M[f][k], start.U[f][k])
			if limit > 0 {
				// Agreement may grow by cap. Disagreement may not weaken at all: the
				// namesakes EM counts among matches (name and place agree) are what make
				// another flat or another number look common among them.
				limit += cap
			}
			if kindWeight(m, u) > limit {
				pm.U[f][k] = m / math.Exp2(limit)
			}
		}
	}
}

// fitM estimates m and the share of matches by EM, u held fixed, fields assumed to agree
// independently given match status; probabilities are kept away from 0 and 1 so no level
// becomes infinitely decisive on a small sample.
//
// What a pair contributes is worked out once: the fields it compares (not null, not
// made to agree by its rule) and their levels, in field order. Each iteration takes the
// logarithms of m and u once per level rather than once per pair and field, and adds
// them up for each pair in the same order as before, so the fit is the same to the last
// bit; the logarithms were most of training's time outside the comparisons.
func fitM(pairs []PartyPair, pm PartyModel, iterations int) (PartyModel, float64) {
	lambda := 0.1
	if len(pairs) < 20 {
		return pm, lambda
	}
	var skipField [partyFields]bool
	terms := make([]fitTerm, 0, len(pairs)*partyFields)
	ends := make([]int, len(pairs))
	for i, p := range pairs {
		skipField = [partyFields]bool{}
		for _, f := range ruleFields[p.Rule] {
			skipField[f] = true
		}
		for f := range partyFields {
			if k := p.C[f].Kind; k != compare.Null && !skipField[f] {
				terms = append(terms, fitTerm{field: f, kind: k})
			}
		}
		ends[i] = len(terms)
	}
	post := make([]float64, len(pairs))
	var logM, logU [partyFields][compare.NumKinds]float64
	var usable [partyFields][compare.NumKinds]bool
	for range iterations {
		for f := range partyFields {
			for k := range compare.NumKinds {
				m, u := pm.M[f][k], pm.U[f][k]
				usable[f][k] = m > 0 && u > 0
				if usable[f][k] {
					logM[f][k], logU[f][k] = math.Log(m), math.Log(u)
				}
			}
		}
		var sum float64
		la, lb := math.Log(lambda), math.Log(1-lambda)
		from := 0
		for i := range pairs {
			lm, lu := la, lb
			for _, t := range terms[from:ends[i]] {
				if usable[t.field][t.kind] {
					lm += logM[t.field][t.kind]
					lu += logU[t.field][t.kind]
				}
			}
			from = ends[i]
			post[i] = 1 / (1 + math.Exp(lu-lm))
			sum += post[i]
		}
		lambda = clamp(sum / float64(len(pairs)))
		var mc [partyFields][compare.NumKinds]float64
		var mt [partyFields]float64
		from = 0
		for i := range pairs {
			for _, t := range terms[from:ends[i]] {
				mc[t.field][t.kind] += post[i]
				mt[t.field] += post[i]
			}
			from = ends[i]
		}
		for f := range partyFields {
			if mt[f] < 5 {
				continue
			}
			for k := 1; k < compare.NumKinds; k++ {
				if pm.M[f][k] > 0 || mc[f][k] > 0 {
					pm.M[f][k] = clamp((mc[f][k] + 0.01) / (mt[f] + 0.01*float64(compare.NumKinds)))
				}
			}
		}
	}
	return pm, lambda
}

// fitTerm is one field a pair compares in the fit, and its level.
type fitTerm struct {
	field int
	kind  compare.Kind
}

// termFrequencies counts, per TF field, the share of profiles holding each value held by
// more than one (rare values keep the model's u).
func termFrequencies(profiles []PartyProfile) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	if len(profiles) < 50 {
		return out
	}
	for f, get := range tfFields {
		counts := map[string]int{}
		n := 0
		for _, p := range profiles {
			if v := get(p); v != "" {
				counts[v]++
				n++
			}
		}
		if n == 0 {
			continue
		}
		// Keep the 5,000 most common values: enough for the names and postcodes that
		// weigh less, bounded for a model stored in one property.
		type vc struct {
			v string
			c int
		}
		var list []vc
		for v, c := range counts {
			if c > 1 {
				list = append(list, vc{v, c})
			}
		}
		sort.Slice(list, func(i, j int) bool { return list[i].c > list[j].c || list[i].c == list[j].c && list[i].v < list[j].v })
		if len(list) > 5000 {
			list = list[:5000]
		}
		m := make(map[string]float64, len(list))
		for _, x := range list {
			m[x.v] = float64(x.c) / float64(n)
		}
		out[fieldNames[f]] = m
	}
	return out
}

// clamp keeps a probability away from 0 and 1.
func clamp(p float64) float64 {
	const floor = 1e-6
	return math.Min(math.Max(p, floor), 1-floor)
}

// BlockedPairs returns the comparisons of profiles that share a block key under any
// rule: the unlabelled pairs m is fitted on. A block is capped at perBlock profiles, as
// the resolver caps its candidates, so a common name adds pairs linearly, not
// quadratically; a pair two rules find is counted under the first.
func BlockedPairs(profiles []PartyProfile, perBlock int) []PartyPair {
	type block struct {
		rule    string
		members []int
	}
	blocks := map[string]*block{}
	var order []string
	// Each profile's blocks are worked out on every core, then filed in profile order.
	of := make([]map[string]string, len(profiles))
	eachIndexed(len(profiles), 256, func(i int) { of[i] = profiles[i].Blocks() })
	for i, bs := range of {
		for _, rule := range BlockRules {
			v := bs[rule]
			if v == "" {
				continue
			}
			k := rule + "=" + v
			b := blocks[k]
			if b == nil {
				b = &block{rule: rule}
				blocks[k] = b
				order = append(order, k)
			}
			if len(b.members) < perBlock {
				b.members = append(b.members, i)
			}
		}
	}
	seen := map[[2]int]bool{}
	var idx [][2]int
	var rules []string
	for _, k := range order {
		b := blocks[k]
		for x := range b.members {
			for y := x + 1; y < len(b.members); y++ {
				i, j := b.members[x], b.members[y]
				if seen[[2]int{i, j}] || profiles[i].Company != profiles[j].Company {
					continue
				}
				seen[[2]int{i, j}] = true
				idx = append(idx, [2]int{i, j})
				rules = append(rules, b.rule)
			}
		}
	}
	out := make([]PartyPair, len(idx))
	for n, c := range compareIndexed(profiles, idx) {
		out[n] = PartyPair{C: c, Rule: rules[n]}
	}
	return out
}

// longHanNameBonus is what an exact agreement on a Chinese name of three or four
// characters weighs beyond the model's: the prior's u for an exact name blends names of
// two characters (a family name and one given: 张伟, 王静, 李强, the ones shared by
// hundreds of thousands each, every one of China's most common full names among them)
// with names of three, whose two given characters are chosen from far more
// combinations, so that a namesake is several times rarer. One bit (half as many
// namesakes as the blend) is a cautious share of that: a namesake in one compound
// still needs more than the name to link. Where the tenant's term frequencies count
// the name, they say how common it is instead; a trained model's u is fitted to the
// tenant's own names (on the blind seeds the bonus on top of it cost precision), so
// only the prior adds it.
const longHanNameBonus = 1.0

// soundsAlike reports whether a name level agrees on the name's sound rather than its
// characters: a romanisation (郑凯华, Zheng Kaihua) or a homophone typed for it.
func soundsAlike(k compare.Kind) bool { return k == compare.Transliterated || k == compare.Homophone }

// longChineseName reports whether a profile's name is a Chinese name of three or four
// syllables, in Han characters (longHanName) or in pinyin (Zheng Kaihua, Kai-hua
// Zheng). Where a name agrees with another by its sound alone, the one side's count is
// the other's: namesakes by sound are as much rarer among names of three syllables as
// namesakes by writing are among names of three characters.
func longChineseName(p PartyProfile) bool {
	if longHanName(p) {
		return true
	}
	n := strings.TrimSpace(p.FullName)
	if n == "" {
		n = strings.TrimSpace(p.Given + " " + p.Family)
	}
	k := compare.PinyinSyllables(n)
	return k == 3 || k == 4
}

// longHanName reports whether a profile's name is a Chinese name of three or four Han
// characters (the Han form where the name is written in both scripts), not masked.
func longHanName(p PartyProfile) bool {
	n := compare.HanWriting(p.Name)
	if n == "" {
		n = p.Name
	}
	n = strings.ReplaceAll(n, " ", "")
	if compare.IsMasked(n) || !compare.IsHanText(n) {
		return false
	}
	k := utf8.RuneCountInString(n)
	return k == 3 || k == 4
}
