package resolver

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/refscan"
)

// batch is the in-memory view of one resolution transaction: the candidate events loaded
// from the store plus everything decided so far, so that documents of one batch can link
// to each other.
type batch struct {
	tenant      string
	m           *Matcher
	tx          Tx
	events      map[string]*EventState
	keyEvents   map[string][]string // identity key uid -> event ids
	blockEvents map[string][]string // block key uid -> event ids
	// mentionEvents: key uid -> events whose documents' notes name the key.
	mentionEvents map[string][]string
	noted         map[string][]refscan.Candidate // document uid -> what its notes name
	// xblockEvents: cross-location content block -> events (for learning locations).
	xblockEvents map[string][]string
	// seen: the events found only through xblockEvents, without their movements (loadSeen).
	seen map[string]*EventState
	// partyModel scores this tenant's parties.
	partyModel PartyModel
	// oneToOne: a mention joins its best description match only, and never a cluster
	// that holds another account of its own system (see Matcher.SetPartyOneToOne).
	oneToOne bool
	rejected map[string]map[string]bool
	products *productBook
	parties  *partyBook
	changes  Changes
}

func newBatch(m *Matcher, tx Tx, tenant string) *batch {
	return &batch{tenant: tenant, m: m, tx: tx, events: map[string]*EventState{},
		keyEvents: map[string][]string{}, blockEvents: map[string][]string{}, rejected: map[string]map[string]bool{},
		mentionEvents: map[string][]string{}, noted: map[string][]refscan.Candidate{}, xblockEvents: map[string][]string{},
		partyModel: m.partyModel,
		oneToOne:   m.oneToOne[tenant] || m.oneToOne["*"],
		products:   newProductBook(),
		parties: &partyBook{known: map[string]string{}, info: map[string]PartyInfo{}, seen: map[[2]string]bool{},
			customers: map[string][]string{}}}
}

func (b *batch) load(ctx context.Context, docs []PendingDoc) error {
	pending := make([]ontology.Document, len(docs))
	for i := range docs {
		pending[i] = docs[i].Doc
	}
	// Block keys hold canonical SKUs, so products resolve first.
	if err := b.loadCatalogue(ctx, docs); err != nil {
		return err
	}
	if err := b.loadProducts(ctx, pending); err != nil {
		return err
	}
	var keys, blocks, uids []string
	ids := map[string]bool{}
	for i := range docs {
		d := &docs[i]
		uids = append(uids, d.UID)
		for _, r := range d.Doc.Refs {
			if identifies(&d.Doc, r) {
				keys = append(keys, b.keyUID(r))
			}
		}
		_, look := b.blocks(&d.Doc)
		blocks = append(blocks, look...)
		if d.EventID != "" {
			ids[d.EventID] = true
		}
	}
	named := b.notedKeys(docs)
	var xlookup []string
	latest := map[string]time.Time{} // cross-location block -> the latest document looking it up
	for i := range docs {
		d := &docs[i].Doc
		_, look := b.crossBlocksOf(d)
		xlookup = append(xlookup, look...)
		for _, k := range look {
			if d.OccurredAt.After(latest[k]) {
				latest[k] = d.OccurredAt
			}
		}
	}
	// The documents' own identifiers, those their notes name, the notes that name the
	// documents' identifiers, their content blocks and the blocks of sales across
	// locations are looked up in one round trip; each key's events are found on their
	// own (the limit is per key), so the answer for one list does not depend on
	// another's keys.
	var found map[string][]string
	var at map[string]time.Time
	var err error
	if b.keyEvents, b.mentionEvents, found, at, err = b.tx.Candidates(ctx, append(slices.Clip(keys), named...), keys,
		append(slices.Clip(blocks), xlookup...), fanOutCap); err != nil {
		return fmt.Errorf("looking up candidate events by identifiers, notes and content: %w", err)
	}
	b.blockEvents, b.xblockEvents = pick(found, blocks), pick(found, xlookup)
	for _, m := range []map[string][]string{b.keyEvents, b.blockEvents} {
		for _, evs := range m {
			for _, id := range evs {
				ids[id] = true
			}
		}
	}
	for id := range b.noteEventIDs(named) {
		ids[id] = true
	}
	if err := b.loadEvents(ctx, ids); err != nil {
		return err
	}
	if err := b.loadSeen(ctx, at, latest); err != nil {
		return err
	}
	if err := b.loadProducts(ctx, pending); err != nil { // now with the candidates' members
		return err
	}
	// Decisions of people about any document in play: the pending ones and the members
	// of every candidate event.
	for _, ev := range b.events {
		for _, m := range ev.Members {
			uids = append(uids, m.UID)
		}
	}
	if b.rejected, err = b.tx.Rejections(ctx, uids); err != nil {
		return fmt.Errorf("loading decisions: %w", err)
	}
	return nil
}

// loadSeen loads the events found only through the cross-location blocks. Such an
// event is scored against a document to learn a location alias (learnFromContent) and
// is never joined, merged or replanned by the batch: nothing else looks it up, and
// every event a batch changes came from the other lookups or the batch itself. With
// one sale of a common basket an hour in every store, a batch finds as many of them
// as the tenant has stores (up to fanOutCap a block), so they are read without their
// movements, which planning alone needs, and people's decisions on their documents,
// which only events a document may join are checked against, nor their documents'
// customers, which only a joined event's are compared with (sameCustomer). Their members
// still count among the documents whose products the batch loads: scoring compares
// their baskets. An event that a loaded one was merged into leads there (live) and may
// be joined: it is loaded in full.
//
// Of the rest, only those that can still be scored are read (see scorable): at 300k
// documents a block holds a sale of every store, many of them too late for any document
// of the batch, or in a block too full to be scored at all. latest is, for each block,
// the latest document of the batch that looks it up; a document looks up the same
// blocks when it is resolved, as its basket's products are decided once a batch.
func (b *batch) loadSeen(ctx context.Context, at map[string]time.Time, latest map[string]time.Time) error {
	named, ids := map[string]bool{}, map[string]bool{}
	reach := contentReach(b.m.weights)
	for k, evs := range b.xblockEvents {
		for _, id := range evs {
			if _, ok := b.events[id]; ok {
				continue
			}
			named[id] = true
			if scorable(len(evs), at[id], latest[k], reach) {
				ids[id] = true
			}
		}
	}
	into := map[string]bool{}
	for _, ev := range b.events {
		if named[ev.MergedInto] {
			into[ev.MergedInto] = true
			delete(ids, ev.MergedInto)
		}
	}
	if err := b.loadEvents(ctx, into); err != nil {
		return err
	}
	list := slices.Sorted(maps.Keys(ids))
	evs, err := b.tx.EventMembers(ctx, list)
	if err != nil {
		return fmt.Errorf("loading the events of sales across locations: %w", err)
	}
	b.seen = evs
	return nil
}

// scorable reports whether an event of a cross-location block of n events, which says it
// occurred at (its earliest document's time; zero when unknown), may be scored against
// a document of the batch that looks the block up, the latest of which occurred at
// latest. A full block is never scored (learnFromContent), whatever the batch adds to
// it. Nor is a sale more than reach after every document looking it up: its side of the
// sale is no earlier than its event, and contentReach is how far apart a sale can be
// and still change what is learned. The bound is one-sided, as the event's time is the
// earliest of its documents': a sale long before the documents is still read.
func scorable(n int, at, latest time.Time, reach time.Duration) bool {
	if n >= fanOutCap {
		return false
	}
	return at.IsZero() || latest.IsZero() || !at.After(latest.Add(reach))
}

// seenEvent is the live event of id among the batch's events, or else among the
// events seen through the cross-location blocks.
func (b *batch) seenEvent(id string) *EventState {
	if ev := b.live(id); ev != nil {
		return ev
	}
	return b.seen[id]
}

func (b *batch) loadEvents(ctx context.Context, ids map[string]bool) error {
	list := make([]string, 0, len(ids))
	for id := range ids {
		if _, ok := b.events[id]; !ok {
			list = append(list, id)
		}
	}
	sort.Strings(list)
	evs, err := b.tx.Events(ctx, list)
	if err != nil {
		return fmt.Errorf("loading candidate events: %w", err)
	}
	for id, ev := range evs {
		b.events[id] = ev
	}
	return nil
}

func (b *batch) keyUID(r ontology.Ref) string { return b.tenant + "/" + r.ID() }

// blocks returns the content block keys a document is stored under and looked up by.
func (b *batch) blocks(d *ontology.Document) (store, lookup []string) {
	loc := b.m.canon.Location(b.tenant, d.Location)
	return blockKeys(b.tenant, loc, d, func(l ontology.Line) string { return b.sku(d.Key.System, l) })
}

// linePlaces are the location codes a document's lines name apart from its own, once
// each: where an alias for one of them is set, the document is resolved again.
func linePlaces(uid string, d *ontology.Document) []PlaceLink {
	var out []PlaceLink
	for _, l := range d.Lines {
		for _, ref := range []*ontology.LocationRef{l.Location, l.RejectedLocation} {
			if ref == nil || ref.Code == "" || d.Location != nil && d.Location.System == ref.System && d.Location.Code == ref.Code {
				continue
			}
			p := PlaceLink{DocUID: uid, System: ref.System, Code: ref.Code}
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// resolve links one document.
func (b *batch) resolve(p *PendingDoc, st *Stats) {
	d := &p.Doc
	// Products are named in document order: a code that two documents of the batch use
	// for different products (a ShipBob inventory_id reused for another SKU) names the
	// first one's. Receipts were otherwise named only when their events were planned, in
	// the order of a Go map.
	for _, l := range d.Lines {
		b.sku(d.Key.System, l)
	}
	for _, r := range d.Refs {
		b.changes.Keys = append(b.changes.Keys, KeyLink{DocUID: p.UID, KeyUID: b.keyUID(r), Kind: string(r.Kind),
			Value: r.Value, Identity: identifies(d, r)})
	}
	b.changes.Places = append(b.changes.Places, linePlaces(p.UID, d)...)
	storeBlocks, _ := b.blocks(d)
	for _, k := range storeBlocks {
		b.changes.Keys = append(b.changes.Keys, KeyLink{DocUID: p.UID, KeyUID: k, Kind: "block", Value: k, Block: true})
	}
	xstore, _ := b.crossBlocksOf(d)
	for _, k := range xstore {
		b.changes.Keys = append(b.changes.Keys, KeyLink{DocUID: p.UID, KeyUID: k, Kind: "xblock", Value: k, Block: true})
	}
	b.noteKeys(p.UID, d)
	b.unresolvedLines(p.UID, d)
	b.noteLots(d)
	b.changes.Resolved = append(b.changes.Resolved, p.UID)
	if b.changes.ResolvedVersions == nil {
		b.changes.ResolvedVersions = map[string]int64{}
	}
	b.changes.ResolvedVersions[p.UID] = p.Version
	b.resolveParties(p.UID, d)

	// A new version of a document stays in its event; the event is replanned.
	if p.EventID != "" {
		if ev := b.live(p.EventID); ev != nil {
			replaceMember(ev, Member{UID: p.UID, Doc: *d, DecidedBy: "version", Score: 1})
			ev.touched = true
			b.remember(d, ev)
			return
		}
	}

	candidates, matched, shared := b.candidates(p.UID, d)
	rule := "shared-key"
	var noteEvidence string
	if evs, e, ok := b.notedEvents(p.UID, d); ok {
		for _, ev := range evs {
			if !slices.Contains(candidates, ev) {
				candidates = append(candidates, ev)
			}
		}
		if len(matched) == 0 {
			rule = e.Rule
		}
		matched = append(matched, e.Keys...)
		noteEvidence = e.Note
	}
	if len(candidates) > 0 {
		// The oldest event survives a merge, so ids that users have seen stay valid.
		sort.Slice(candidates, func(i, j int) bool { return older(candidates[i], candidates[j]) })
		// Of events that cannot be one (two orders, two POS sales), the document joins
		// the one it shares the most keys with: a tracking that names a number both of a
		// tenant's shops use, and the WooCommerce id of the order, ships that order, not
		// the older Shopify order of the same number.
		best := candidates[0]
		for _, c := range candidates[1:] {
			if shared[c.ID] > shared[best.ID] {
				best = c
			}
		}
		into := best
		for _, c := range candidates {
			if c == best || clash(best, c) == "" && !b.rejectedAcross(best, c) {
				into = c // the oldest of the events that may merge with best
				break
			}
		}
		e := Evidence{Rule: rule, Keys: matched, Score: 1, Note: noteEvidence}
		var tied []string
		for _, other := range candidates {
			if other == into {
				continue
			}
			c := clash(into, other)
			if c == "" && b.rejectedAcross(into, other) {
				c = "person's decision"
			}
			if c == "" && other != best {
				if c = clash(best, other); c == "" && b.rejectedAcross(best, other) {
					c = "person's decision"
				}
			}
			if c != "" {
				// Two orders, or two POS sales, are never one action: keep both events and
				// say why the document joined the one it did.
				e.Note = appendNote(e.Note, fmt.Sprintf("also shares a key with %s; not merged (each holds a %s, or a person kept them apart)", other.ID, c))
				if shared[other.ID] == shared[best.ID] {
					tied = append(tied, other.ID)
				}
				continue
			}
			b.merge(other, into, matched)
			st.Merged++
		}
		b.join(into, p.UID, d, e, "rule:"+rule)
		st.Joined++
		if len(tied) > 0 {
			// As many keys lead to another event it cannot share: the oldest was taken,
			// and a person is asked, who may move the document to the other.
			why := e
			why.Score = 0.5
			why.Note = appendNote(why.Note, fmt.Sprintf("as many of its keys name %s: a person decides", strings.Join(tied, ", ")))
			b.changes.Reviews = append(b.changes.Reviews, ReviewItem{DocUID: p.UID, EventID: into.ID, Score: why.Score, Evidence: mustJSON(why)})
		}
		b.remember(d, into)
		b.learnLocations(p.UID, d, into, rule)
		b.sameCustomer(p.UID, into)
		return
	}
	if ev, e, ok := b.contentMatch(p.UID, d); ok {
		b.join(ev, p.UID, d, e, "rule:content")
		st.Joined++
		b.remember(d, ev)
		b.learnLocations(p.UID, d, ev, "content")
		b.sameCustomer(p.UID, ev)
		return
	}
	b.learnFromContent(p.UID, d)
	ev := b.newEvent(p.UID, d)
	b.join(ev, p.UID, d, Evidence{Rule: "new-event", Score: 1, Note: "no candidate event shares an identifying key or its content"}, "rule:new-event")
	st.Created++
	b.remember(d, ev)
}

// remember indexes a linked document's keys, blocks and notes for the rest of the batch.
func (b *batch) remember(d *ontology.Document, ev *EventState) {
	b.rememberNotes(d, ev)
	for _, r := range d.Refs {
		if identifies(d, r) {
			k := b.keyUID(r)
			b.keyEvents[k] = appendUnique(b.keyEvents[k], ev.ID)
		}
	}
	store, _ := b.blocks(d)
	for _, k := range store {
		b.blockEvents[k] = appendUnique(b.blockEvents[k], ev.ID)
	}
	xstore, _ := b.crossBlocksOf(d)
	for _, k := range xstore {
		b.xblockEvents[k] = appendUnique(b.xblockEvents[k], ev.ID)
	}
}

// live follows merges to the surviving event.
func (b *batch) live(id string) *EventState {
	for i := 0; i < 32; i++ {
		ev := b.events[id]
		if ev == nil {
			return nil
		}
		if ev.MergedInto == "" {
			return ev
		}
		id = ev.MergedInto
	}
	return nil
}

func (b *batch) eventOf(docUID string) string {
	for i := len(b.changes.Links) - 1; i >= 0; i-- {
		if b.changes.Links[i].DocUID == docUID {
			return b.changes.Links[i].EventID
		}
	}
	return ""
}

func older(a, b *EventState) bool {
	if !a.OccurredAt.Equal(b.OccurredAt) {
		return a.OccurredAt.Before(b.OccurredAt)
	}
	return a.ID < b.ID
}

func appendUnique(s []string, v string) []string {
	if v == "" {
		return s
	}
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Only plain structs of strings and numbers are encoded here.
		panic(fmt.Sprintf("encoding %T: %v", v, err))
	}
	return string(b)
}

// pick returns the entries of m whose keys are among keys.
func pick(m map[string][]string, keys []string) map[string][]string {
	out := make(map[string][]string, min(len(m), len(keys)))
	for _, k := range keys {
		if evs, ok := m[k]; ok {
			out[k] = evs
		}
	}
	return out
}
