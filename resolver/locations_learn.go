package resolver

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Locations learned, not only configured. A new tenant has not told Seam that Meituan's
// store POI-77 is the shop whose Square location is SQ-LOC-9; its documents say so. Each
// time one business action joins documents at two locations of which at least one no
// alias names (a marketplace order and its ring-up linked by a reference, or the content
// of a sale, same basket in the same hour, seen from both systems), resolution records the
// pair with its evidence. Once a pair has enough such links (LocationLearning.MinLinks)
// the alias is proposed in locationSuggestions, with the count and the evidence. Nothing
// is applied by itself: until a person (setLocationAlias) or the configuration confirms
// it, stock stays where the documents say.

// LocationLearning tunes how many links propose an alias.
type LocationLearning struct {
	// MinLinks is how many business actions must join the two codes before the alias is
	// proposed (default 3).
	MinLinks int `yaml:"minLinks"`
}

// DefaultLocationLearning proposes an alias after three linked actions: one link may be a
// clerk's mistake, three in different hours are a habit.
func DefaultLocationLearning() LocationLearning { return LocationLearning{MinLinks: 3} }

// LocationPair is evidence that two location codes are one place: one business action
// whose documents name both.
type LocationPair struct {
	// System and Code are the side no alias names.
	System, Code string
	// Other is the other side: a canonical location, or "system:code" when it is not
	// aliased either.
	Other string
	// Pair identifies the two documents, so that resolving them again counts once.
	Pair     string
	Rule     string // shared-key, text-reference, content
	Evidence string
}

// LearnedLocation is a location alias the documents propose.
type LearnedLocation struct {
	System, Code string
	Location     string
	Links        int64 // business actions that joined the two
	Needed       int   // how many propose the alias
	Examples     []string
	LastAt       time.Time
}

// learnLocations records, for a document that just joined ev, the pairs of its location
// and the other members' locations where one side is not aliased.
func (b *batch) learnLocations(uid string, d *ontology.Document, ev *EventState, rule string) {
	if d.Location == nil || d.Location.Code == "" {
		return
	}
	mine := b.m.canon.Location(b.tenant, d.Location)
	mineOpen := mine == d.Location.System+":"+d.Location.Code
	for _, m := range ev.Members {
		o := m.Doc.Location
		if m.UID == uid || o == nil || o.Code == "" || o.System == d.Location.System {
			continue
		}
		theirs := b.m.canon.Location(b.tenant, o)
		theirsOpen := theirs == o.System+":"+o.Code
		if theirs == mine || (!mineOpen && !theirsOpen) {
			continue
		}
		pair := pairID(uid, m.UID)
		why := fmt.Sprintf("%s %s/%s and %s/%s are one action (%s)", rule, d.Key.System, d.Key.ExternalID,
			m.Doc.Key.System, m.Doc.Key.ExternalID, ev.ID)
		if mineOpen {
			b.changes.LocationPairs = append(b.changes.LocationPairs, LocationPair{System: d.Location.System,
				Code: d.Location.Code, Other: theirs, Pair: pair, Rule: rule, Evidence: why})
		}
		if theirsOpen {
			b.changes.LocationPairs = append(b.changes.LocationPairs, LocationPair{System: o.System,
				Code: o.Code, Other: mine, Pair: pair, Rule: rule, Evidence: why})
		}
	}
}

func pairID(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "|" + b
}

// crossBlocks are the content blocks of a sale without its location: the same basket in
// the same hour, wherever the documents say it was. They find the two sides of a sale
// whose stores no alias joins yet, for learning the alias only: a content match across
// locations never links documents (a basket in an hour is not enough without the store).
//
// A block says whether its document's location was aliased (open: no alias names it), and
// a document at an aliased location looks up only the open ones. Two aliased locations
// have nothing to learn from each other (learnLocations skips such a pair), yet a chain's
// popular basket in an hour is one sale at every store: without the split, each sale of a
// tenant with many stores read a sale of every other store (up to fanOutCap a block) only
// to discard them, and the cost of a document grew with the number of stores (seam bench
// backlog: the 300k run's batches read 2,080 such events each, the 10k run's 116).
//
// The neighbouring hours are looked up only when they hold instants within reach of the
// document (see contentReach): a sale at 10:50 looks up 10:00 and 11:00, not 09:00,
// whose sales are fifty minutes and more away and could not be learned from, yet came
// with its block, one from every store that sold the same basket in that hour.
func crossBlocks(tenant string, open bool, d *ontology.Document, canonSKU func(ontology.Line) string, reach time.Duration) (store, lookup []string) {
	want := complement(d.Role)
	if d.Location == nil || len(d.Lines) == 0 || want == "" {
		return nil, nil
	}
	sig := basketSignature(d.Lines, canonSKU)
	at := d.OccurredAt.UTC()
	h := at.Truncate(time.Hour)
	key := func(r ontology.Role, t time.Time, open bool) string {
		side := "known"
		if open {
			side = "open"
		}
		return tenant + "/xblock:" + side + ":" + string(r) + ":" + sig + ":" + t.Format("2006010215")
	}
	hours := []time.Time{h}
	// A sale of the hour before is earlier than h, of the hour after no earlier than
	// h+1h: both are farther than reach when their nearest instant is.
	if at.Sub(h) < reach {
		hours = append(hours, h.Add(-time.Hour))
	}
	if h.Add(time.Hour).Sub(at) <= reach {
		hours = append(hours, h.Add(time.Hour))
	}
	for _, t := range hours {
		lookup = append(lookup, key(want, t, true))
		if open {
			lookup = append(lookup, key(want, t, false))
		}
	}
	return []string{key(d.Role, h, open)}, lookup
}

// contentReach is how far apart in time a sale found through the cross-location blocks
// may be and still decide what learnFromContent learns; an hour and more when nothing
// bounds it. learnFromContent learns from the best candidate when it scores Accept and
// leads the next by Margin, so a candidate scoring below Accept-Margin changes nothing
// whichever others there are: if it is the next best, the best one leads it by more
// than Margin or scores below Accept itself. A candidate's score is at most every
// field's largest weight plus the time's, and the time's falls with the delay, so past
// some delay no candidate can score Accept-Margin. A margin of zero or less leaves the
// choice among equals to their order, so nothing is bounded then.
func contentReach(w Weights) time.Duration {
	if w.Margin <= 0 || w.DelayMean <= 0 || w.Window <= 0 {
		return 24 * time.Hour
	}
	most := w.Basket + max(w.TotalEqual, w.TotalDiffers, 0) + max(w.DeliveryTender, w.CounterTender, 0) + max(w.RefHint, 0)
	// timeWeight(dt) = log2(Window/DelayMean) - dt/(DelayMean ln 2); scores are rounded
	// to hundredths, hence the slack.
	const slack = 0.01
	dt := w.DelayMean * math.Ln2 * (math.Log2(w.Window/w.DelayMean) + most - (w.Accept - w.Margin) + slack)
	if dt <= 0 {
		return 0
	}
	return min(time.Duration(dt*float64(time.Second)), 24*time.Hour)
}

// crossBlocksOf is crossBlocks for a document of the batch, open when no alias names its
// location.
func (b *batch) crossBlocksOf(d *ontology.Document) (store, lookup []string) {
	open := d.Location != nil && b.m.canon.Location(b.tenant, d.Location) == d.Location.System+":"+d.Location.Code
	return crossBlocks(b.tenant, open, d, func(l ontology.Line) string { return b.sku(d.Key.System, l) }, contentReach(b.m.weights))
}

// learnFromContent scores the sales found through d's cross-location blocks that stand at
// another location, and records a pair for the best one that clears the accept
// threshold with a margin over the next.
func (b *batch) learnFromContent(uid string, d *ontology.Document) {
	if d.Location == nil {
		return
	}
	_, lookup := b.crossBlocksOf(d)
	want := complement(d.Role)
	mine := b.m.canon.Location(b.tenant, d.Location)
	type scored struct {
		ev    *EventState
		other *Member
		e     Evidence
	}
	var all []scored
	seen := map[string]bool{}
	for _, k := range lookup {
		if len(b.xblockEvents[k]) >= fanOutCap {
			continue
		}
		for _, id := range b.xblockEvents[k] {
			ev := b.seenEvent(id)
			if ev == nil || seen[ev.ID] {
				continue
			}
			seen[ev.ID] = true
			other := memberWithRole(ev, want)
			if other == nil || other.Doc.Location == nil || b.m.canon.Location(b.tenant, other.Doc.Location) == mine {
				continue
			}
			all = append(all, scored{ev, other, scoreContent(b.m.weights, d, &other.Doc)})
		}
	}
	if len(all) == 0 {
		return
	}
	sort.Slice(all, func(i, j int) bool { return all[i].e.Score > all[j].e.Score })
	w := b.m.weights
	if all[0].e.Score < w.Accept || len(all) > 1 && all[0].e.Score-all[1].e.Score < w.Margin {
		return
	}
	probe := &EventState{ID: all[0].ev.ID, Members: []Member{*all[0].other}}
	b.learnLocations(uid, d, probe, fmt.Sprintf("content (score %.1f)", all[0].e.Score))
}

// LearnedSuggestions turns learned pairs into suggestions: the pairs with enough links,
// for codes no alias names yet, strongest first.
func LearnedSuggestions(learned []LearnedLocation, cfg LocationLearning) []LocationSuggestion {
	var out []LocationSuggestion
	for _, l := range learned {
		if l.Links < int64(cfg.MinLinks) {
			continue
		}
		out = append(out, LocationSuggestion{
			LocationCode: LocationCode{System: l.System, Code: l.Code, Documents: l.Links},
			Location:     l.Location,
			Score:        1 - 1/float64(l.Links+1),
			Reason: fmt.Sprintf("%d business actions joined %s/%s with %s (%d propose an alias); e.g. %s",
				l.Links, l.System, l.Code, l.Location, cfg.MinLinks, strings.Join(l.Examples, "; ")),
		})
	}
	return out
}
