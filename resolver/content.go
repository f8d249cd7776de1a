package resolver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Content matching links documents that share no key but describe the same sale: a
// marketplace delivery order rung up again at the store's POS without the marketplace
// order number. Candidates come from a block key (same store, same basket, same hour),
// stored on each document like its reference keys, so the lookup is an index seek and
// never a scan. Candidates are then scored Fellegi-Sunter style: each compared field
// adds its log2(m/u) weight, where m is how often the field agrees for true matches and
// u for non-matches.

// Weights are the log-likelihood weights and thresholds of content matching.
type Weights struct {
	// Basket: same store, same items and quantities, same hour (every candidate has it,
	// from its block key; u is how often unrelated sales share a basket in an hour).
	Basket float64
	// DelayMean is the mean delay, in seconds, between a marketplace order and its POS
	// ring-up (m: exponential); unrelated sales fall anywhere in Window seconds (u:
	// uniform). The time weight is log2(m(dt)/u(dt)); EstimateDelay fits DelayMean to
	// observed delays.
	DelayMean, Window float64
	// Totals in the same currency agree, or differ.
	TotalEqual, TotalDiffers float64
	// The POS reference holds the marketplace order number (or its tail).
	RefHint float64
	// The POS sale was tendered the way delivery ring-ups are, or as a counter sale.
	DeliveryTender, CounterTender float64
	// Accept links at or above Accept; scores between Review and Accept go to the review
	// queue; below Review nothing happens.
	Accept, Review float64
	// Ambiguity: when the second-best candidate scores within this many bits of the
	// best, the match goes to review instead of being guessed.
	Margin float64
}

// DefaultWeights are the weights used unless configured otherwise, fitted on the
// simulator's data (`seam bench resolve` prints the fit of each run): ring-ups follow
// their marketplace order by about two and a half minutes on average, and about one
// unrelated sale in twenty at the same store and hour has the same basket.
func DefaultWeights() Weights {
	return Weights{
		Basket: 4.3, DelayMean: 150, Window: 3600,
		TotalEqual: 1.0, TotalDiffers: -0.5,
		RefHint: 8, DeliveryTender: 1, CounterTender: -8,
		Accept: 6, Review: 2.5, Margin: 1.5,
	}
}

// blockKeys returns the block key a document is stored under and the keys to look up
// for it: the complementary role's blocks (an order looks for POS ring-ups and a POS
// sale for orders) in its own hour and the neighbouring ones, so a sale at 10:59 finds
// 11:01. Keying blocks by role keeps a busy storefront's thousands of orders out of
// each other's candidate lists.
func blockKeys(tenant, location string, d *ontology.Document, canonSKU func(ontology.Line) string) (store []string, lookup []string) {
	want := complement(d.Role)
	if location == "" || len(d.Lines) == 0 || want == "" {
		return nil, nil
	}
	sig := basketSignature(d.Lines, canonSKU)
	h := d.OccurredAt.UTC().Truncate(time.Hour)
	key := func(r ontology.Role, t time.Time) string {
		return tenant + "/block:" + string(r) + ":" + location + ":" + sig + ":" + t.Format("2006010215")
	}
	return []string{key(d.Role, h)}, []string{key(want, h.Add(-time.Hour)), key(want, h), key(want, h.Add(time.Hour))}
}

// basketSignature is a hash of the sorted canonical SKUs and quantities of the lines.
func basketSignature(lines []ontology.Line, canonSKU func(ontology.Line) string) string {
	qty := map[string]ontology.Qty{}
	for _, l := range lines {
		qty[canonSKU(l)] += l.Qty
	}
	parts := make([]string, 0, len(qty))
	for sku, q := range qty {
		parts = append(parts, sku+"\x1f"+q.String())
	}
	sort.Strings(parts)
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x1e")))
	return hex.EncodeToString(sum[:8])
}

// complement is the role a content match pairs a document with.
func complement(r ontology.Role) ontology.Role {
	switch r {
	case ontology.RolePOS:
		return ontology.RoleOrder
	case ontology.RoleOrder:
		return ontology.RolePOS
	}
	return ""
}

// scoreContent compares document d with the complementary member of a candidate event.
func scoreContent(w Weights, d *ontology.Document, other *ontology.Document) Evidence {
	e := Evidence{Rule: "content", Threshold: w.Accept}
	add := func(field string, weight float64, values string) {
		e.Fields = append(e.Fields, FieldScore{Field: field, Weight: weight, Values: values})
		e.Score += weight
	}
	add("basket", w.Basket, "same store, same items and quantities within the hour")
	dt := d.OccurredAt.Sub(other.OccurredAt)
	if dt < 0 {
		dt = -dt
	}
	add("time", timeWeight(w, dt.Seconds()), dt.Round(time.Second).String())
	if d.Total != nil && other.Total != nil && d.Total.Currency == other.Total.Currency {
		if d.Total.Amount.Equal(other.Total.Amount) {
			add("total", w.TotalEqual, d.Total.String())
		} else {
			add("total", w.TotalDiffers, d.Total.String()+" vs "+other.Total.String())
		}
	}
	pos := d
	if other.Role == ontology.RolePOS {
		pos = other
	}
	switch pos.Channel {
	case "delivery":
		add("channel", w.DeliveryTender, "the POS sale was tendered as a delivery order")
	case "counter":
		add("channel", w.CounterTender, "the POS sale was paid at the counter")
	}
	if hint := refHint(d, other); hint != "" {
		add("reference", w.RefHint, hint)
	}
	e.Score = math.Round(e.Score*100) / 100
	return e
}

// refHint finds a reference of one document written inside a free reference field of
// the other (a POS reference_id "MT-0318741" holding the tail of a Meituan order number).
func refHint(a, b *ontology.Document) string {
	for _, x := range a.Refs {
		for _, y := range b.Refs {
			if x.Kind == y.Kind && x.Value == y.Value {
				continue // an exact shared key is the key rule's business
			}
			long, short := digitsOf(x.Value), digitsOf(y.Value)
			if len(short) > len(long) {
				long, short = short, long
			}
			if len(short) >= 6 && strings.HasSuffix(long, short) {
				return fmt.Sprintf("%s %q ends in the digits of %s %q", x.Kind, x.Value, y.Kind, y.Value)
			}
		}
	}
	return ""
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// timeWeight is log2 of how much likelier a delay of dt seconds is for a true ring-up
// (exponential with mean DelayMean) than for an unrelated sale (uniform over Window).
func timeWeight(w Weights, dt float64) float64 {
	m := math.Exp(-dt/w.DelayMean) / w.DelayMean
	u := 1 / w.Window
	return math.Log2(m / u)
}

// EstimateDelay fits the delay model to observed delays (seconds) between candidate
// pairs, with expectation-maximisation over a mixture of true ring-ups (exponential,
// mean mu) and unrelated sales (uniform over window), as Fellegi-Sunter models are
// fitted without labels. It returns mu and the share of true pairs.
func EstimateDelay(dts []float64, window float64) (mu, share float64) {
	mu, share = window/20, 0.5
	if len(dts) == 0 {
		return mu, 0
	}
	for iter := 0; iter < 200; iter++ {
		var sumR, sumRD float64
		for _, dt := range dts {
			m := share * math.Exp(-dt/mu) / mu
			u := (1 - share) / window
			r := m / (m + u)
			sumR += r
			sumRD += r * dt
		}
		if sumR == 0 {
			return mu, 0
		}
		newMu, newShare := sumRD/sumR, sumR/float64(len(dts))
		if math.Abs(newMu-mu) < 1e-6 && math.Abs(newShare-share) < 1e-9 {
			break
		}
		mu, share = max(newMu, 1), newShare
	}
	return mu, share
}

// contentMatch scores the events found through d's block keys and returns the best one
// when it clears the accept threshold unambiguously. A best match between the review and
// accept thresholds (or an ambiguous one) is queued for a person instead.
func (b *batch) contentMatch(uid string, d *ontology.Document) (*EventState, Evidence, bool) {
	want := complement(d.Role)
	if want == "" {
		return nil, Evidence{}, false
	}
	_, lookup := b.blocks(d)
	type scored struct {
		ev *EventState
		e  Evidence
	}
	var all []scored
	seen := map[string]bool{}
	for _, k := range lookup {
		if len(b.blockEvents[k]) >= fanOutCap {
			continue // too many look alike to tell which one it is
		}
		for _, id := range b.blockEvents[k] {
			ev := b.live(id)
			if ev == nil || seen[ev.ID] || !b.fits(ev, uid, d) {
				continue
			}
			seen[ev.ID] = true
			other := memberWithRole(ev, want)
			if other == nil {
				continue
			}
			all = append(all, scored{ev, scoreContent(b.m.weights, d, &other.Doc)})
		}
	}
	if len(all) == 0 {
		return nil, Evidence{}, false
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].e.Score != all[j].e.Score {
			return all[i].e.Score > all[j].e.Score
		}
		return older(all[i].ev, all[j].ev)
	})
	best := all[0]
	w := b.m.weights
	ambiguous := len(all) > 1 && best.e.Score-all[1].e.Score < w.Margin
	if best.e.Score >= w.Accept {
		// Candidates of one block have the same store and basket, so whichever of two
		// near-equal candidates is taken, stock comes out the same; the closest in time
		// is the likelier, and the evidence says the choice was close.
		if ambiguous {
			best.e.Note = fmt.Sprintf("close call: %s scores %.2f", all[1].ev.ID, all[1].e.Score)
		}
		return best.ev, best.e, true
	}
	if best.e.Score >= w.Review {
		best.e.Note = "score between the review and accept thresholds"
		b.changes.Reviews = append(b.changes.Reviews, ReviewItem{DocUID: uid, EventID: best.ev.ID, Score: best.e.Score, Evidence: mustJSON(best.e)})
	}
	return nil, Evidence{}, false
}
