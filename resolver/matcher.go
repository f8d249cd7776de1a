package resolver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"sort"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/productmatch"
	"github.com/seamhub/seam/resolver/refscan"
)

// Evidence explains one decision: which keys matched, what each field contributed, and
// the rule or threshold that decided.
type Evidence struct {
	Rule      string       `json:"rule"`
	Keys      []string     `json:"keys,omitempty"`
	Score     float64      `json:"score"`
	Threshold float64      `json:"threshold,omitempty"`
	Fields    []FieldScore `json:"fields,omitempty"`
	Note      string       `json:"note,omitempty"`
}

// FieldScore is one field's contribution to a match score (a log-likelihood weight).
type FieldScore struct {
	Field  string  `json:"field"`
	Weight float64 `json:"weight"`
	Values string  `json:"values,omitempty"`
}

// Canon turns a source's names for products and locations into canonical ones, and
// knows the recipes of products made to order.
type Canon interface {
	Location(tenant string, ref *ontology.LocationRef) string
	SKU(tenant, system string, l ontology.Line) string
	// Alias returns the product a configured alias names for the line, if any.
	Alias(tenant, system string, l ontology.Line) (string, bool)
	Recipe(tenant, sku string) []inventory.Ingredient
	// NoteFields names the note fields searched for other systems' identifiers in a
	// source's documents; restricted is false when every field is (the default).
	NoteFields(tenant, system, typ string) (fields []string, restricted bool)
}

// tenantRecipes narrows a Canon's recipes to one tenant for the ledger.
type tenantRecipes struct {
	canon  Canon
	tenant string
}

func (r tenantRecipes) Recipe(sku string) []inventory.Ingredient {
	return r.canon.Recipe(r.tenant, sku)
}

// Matcher links pending documents to business events. It is safe for concurrent use;
// the store's tenant lock serialises the work of one tenant.
type Matcher struct {
	store   Store
	canon   Canon
	weights Weights
	// partyWeights score parties that no shared key links.
	partyWeights PartyWeights
	// productWeights score lines that name their product only in words.
	productWeights productmatch.Weights
	log            *slog.Logger
	// Now is the clock, replaceable in tests.
	Now func() time.Time
}

// NewMatcher builds a Matcher.
func NewMatcher(store Store, canon Canon, log *slog.Logger) *Matcher {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Matcher{store: store, canon: canon, weights: DefaultWeights(), partyWeights: DefaultPartyWeights(),
		productWeights: productmatch.DefaultWeights(), log: log, Now: time.Now}
}

// SetWeights replaces the content-matching weights and thresholds.
func (m *Matcher) SetWeights(w Weights) { m.weights = w }

// SetPartyWeights replaces the party-matching weights and thresholds (for instance with
// a FitPartyWeights estimate).
func (m *Matcher) SetPartyWeights(w PartyWeights) { m.partyWeights = w }

// Stats counts what one Process call did.
type Stats struct {
	Documents int
	Created   int
	Joined    int
	Merged    int
	// SetAside counts documents whose resolution failed on their own and that were set
	// aside with the reason, so that the documents behind them go on.
	SetAside  int
	Movements []ontology.Movement
}

// add folds another batch's counts into st.
func (st *Stats) add(o Stats) {
	st.Documents += o.Documents
	st.Created += o.Created
	st.Joined += o.Joined
	st.Merged += o.Merged
	st.SetAside += o.SetAside
	st.Movements = append(st.Movements, o.Movements...)
}

// selection says which pending documents one resolution transaction takes: the oldest
// limit of them, or exactly the listed ones (when a failed batch is being split).
type selection struct {
	limit int
	uids  []string
}

// resolveBatch resolves the selected pending documents of tenant in one transaction. It
// returns the uids it loaded even when it fails, so that a failed batch can be split,
// and turns a panic in resolution into an error: a document that crashes the resolver
// must fail its own transaction, never the process.
func (m *Matcher) resolveBatch(ctx context.Context, tenant string, sel selection) (Stats, []string, error) {
	var st Stats
	var uids []string
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) (err error) {
		st, uids = Stats{}, nil // fn may be retried
		defer func() {
			if r := recover(); r != nil {
				err = &PanicError{Value: r, Stack: debug.Stack()}
			}
		}()
		var docs []PendingDoc
		if sel.uids != nil {
			docs, err = tx.PendingOf(ctx, sel.uids)
		} else {
			docs, err = tx.Pending(ctx, sel.limit)
		}
		if err != nil {
			return fmt.Errorf("loading pending documents: %w", err)
		}
		if len(docs) == 0 {
			return nil
		}
		for _, d := range docs {
			uids = append(uids, d.UID)
		}
		// A stored document that cannot even be read is set aside at once; the rest of
		// the batch is resolved without it.
		var unreadable []SetAside
		readable := docs[:0:0]
		for _, d := range docs {
			if d.Problem != "" {
				unreadable = append(unreadable, SetAside{DocUID: d.UID, Reason: d.Problem})
				continue
			}
			readable = append(readable, d)
		}
		docs = readable
		b := newBatch(m, tx, tenant)
		if err := b.load(ctx, docs); err != nil {
			return err
		}
		if err := b.loadParties(ctx, docs); err != nil {
			return err
		}
		for i := range docs {
			b.resolve(&docs[i], &st)
		}
		ch := b.finish()
		ch.SetAside = unreadable
		if err := tx.Apply(ctx, ch); err != nil {
			return fmt.Errorf("writing resolution: %w", err)
		}
		st.Documents = len(docs) + len(unreadable)
		st.SetAside = len(unreadable)
		st.Movements = ch.Movements
		return nil
	})
	if err != nil {
		return Stats{}, uids, fmt.Errorf("resolving tenant %s: %w", tenant, err)
	}
	return st, uids, nil
}

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
	rejected      map[string]map[string]bool
	products      *productBook
	parties       *partyBook
	changes       Changes
}

func newBatch(m *Matcher, tx Tx, tenant string) *batch {
	return &batch{tenant: tenant, m: m, tx: tx, events: map[string]*EventState{},
		keyEvents: map[string][]string{}, blockEvents: map[string][]string{}, rejected: map[string]map[string]bool{},
		mentionEvents: map[string][]string{}, noted: map[string][]refscan.Candidate{},
		products: newProductBook(),
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
	var err error
	if b.keyEvents, err = b.tx.EventsByKeys(ctx, keys, fanOutCap); err != nil {
		return fmt.Errorf("looking up candidate events: %w", err)
	}
	if b.blockEvents, err = b.tx.EventsByBlocks(ctx, blocks, fanOutCap); err != nil {
		return fmt.Errorf("looking up content candidates: %w", err)
	}
	for _, m := range []map[string][]string{b.keyEvents, b.blockEvents} {
		for _, evs := range m {
			for _, id := range evs {
				ids[id] = true
			}
		}
	}
	noted, err := b.loadNotes(ctx, docs)
	if err != nil {
		return err
	}
	for id := range noted {
		ids[id] = true
	}
	if err := b.loadEvents(ctx, ids); err != nil {
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

// resolve links one document.
func (b *batch) resolve(p *PendingDoc, st *Stats) {
	d := &p.Doc
	for _, r := range d.Refs {
		b.changes.Keys = append(b.changes.Keys, KeyLink{DocUID: p.UID, KeyUID: b.keyUID(r), Kind: string(r.Kind),
			Value: r.Value, Identity: identifies(d, r)})
	}
	storeBlocks, _ := b.blocks(d)
	for _, k := range storeBlocks {
		b.changes.Keys = append(b.changes.Keys, KeyLink{DocUID: p.UID, KeyUID: k, Kind: "block", Value: k, Block: true})
	}
	b.noteKeys(p.UID, d)
	b.unresolvedLines(p.UID, d)
	b.changes.Resolved = append(b.changes.Resolved, p.UID)
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

	candidates, matched := b.candidates(p.UID, d)
	rule := "shared-key"
	var noteEvidence string
	if ev, e, ok := b.notedEvent(p.UID, d); ok {
		if !slices.Contains(candidates, ev) {
			candidates = append(candidates, ev)
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
		into := candidates[0]
		e := Evidence{Rule: rule, Keys: matched, Score: 1, Note: noteEvidence}
		for _, other := range candidates[1:] {
			if c := clash(into, other); c != "" || b.rejectedAcross(into, other) {
				// Two orders, or two POS sales, are never one action: keep both events and
				// say why the document joined the older one only.
				e.Note = appendNote(e.Note, fmt.Sprintf("also shares a key with %s; not merged (each holds a %s, or a person kept them apart)", other.ID, c))
				continue
			}
			b.merge(other, into, matched)
			st.Merged++
		}
		b.join(into, p.UID, d, e, "rule:"+rule)
		st.Joined++
		b.remember(d, into)
		b.sameCustomer(p.UID, into)
		return
	}
	if ev, e, ok := b.contentMatch(p.UID, d); ok {
		b.join(ev, p.UID, d, e, "rule:content")
		st.Joined++
		b.remember(d, ev)
		b.sameCustomer(p.UID, ev)
		return
	}
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
}

// fanOutCap is the most events one key or block is read for. A business action has a
// handful of documents; a key that names this many events names no action in
// particular (a pickup number that repeats every day, a mapping that put a constant
// in a ref), so it is not followed, and a block this full is too ambiguous to match
// on. Either way the cost of a document stays bounded whatever the data's size.
const fanOutCap = 64

// candidates returns the live events that share an identifying key with d and that d
// may join: none a person rejected it from, none where its role is already taken.
func (b *batch) candidates(uid string, d *ontology.Document) ([]*EventState, []string) {
	seen := map[string]bool{}
	var out []*EventState
	var matched []string
	for _, r := range d.Refs {
		if !identifies(d, r) {
			continue
		}
		evs := b.keyEvents[b.keyUID(r)]
		if len(evs) >= fanOutCap {
			b.m.log.Debug("key too common to identify an action", "key", r.ID(), "events", len(evs))
			continue
		}
		for _, id := range evs {
			ev := b.live(id)
			if ev == nil || !b.fits(ev, uid, d) {
				continue
			}
			matched = appendUnique(matched, r.ID())
			if !seen[ev.ID] {
				seen[ev.ID] = true
				out = append(out, ev)
			}
		}
	}
	return out, matched
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

// uniqueRoles are the roles an event holds at most one document of: a sale has one
// order (one buyer's request) and one POS ring-up. This is what keeps chains of weak
// links from snowballing many actions into one.
var uniqueRoles = []ontology.Role{ontology.RoleOrder, ontology.RolePOS}

// fits reports whether the document may join the event.
func (b *batch) fits(ev *EventState, uid string, d *ontology.Document) bool {
	rej := b.rejected[uid]
	for _, m := range ev.Members {
		if m.UID == uid {
			continue
		}
		if rej[m.UID] {
			return false
		}
		for _, r := range uniqueRoles {
			if d.Role == r && m.Doc.Role == r {
				return false
			}
		}
	}
	return true
}

// rejectedAcross reports whether a person kept a document of a apart from one of b.
func (b *batch) rejectedAcross(x, y *EventState) bool {
	for _, m := range x.Members {
		for _, n := range y.Members {
			if b.rejected[m.UID][n.UID] || b.rejected[n.UID][m.UID] {
				return true
			}
		}
	}
	return false
}

// clash names a unique role both events hold, or "" when they may merge.
func clash(a, b *EventState) string {
	for _, r := range uniqueRoles {
		if memberWithRole(a, r) != nil && memberWithRole(b, r) != nil {
			return string(r)
		}
	}
	return ""
}

func memberWithRole(ev *EventState, r ontology.Role) *Member {
	for i := range ev.Members {
		if ev.Members[i].Doc.Role == r {
			return &ev.Members[i]
		}
	}
	return nil
}

func appendNote(note, more string) string {
	if note == "" {
		return more
	}
	return note + "; " + more
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

// EventID derives a new event's id from the document that founded it, so that replaying
// the same feed into an empty store gives the same ids.
func EventID(founderUID string) string {
	sum := sha256.Sum256([]byte(founderUID))
	return "ev_" + hex.EncodeToString(sum[:12])
}

func (b *batch) newEvent(uid string, d *ontology.Document) *EventState {
	ev := &EventState{ID: EventID(uid), OccurredAt: d.OccurredAt, Done: inventory.Effect{}, created: true}
	b.events[ev.ID] = ev
	return ev
}

func (b *batch) join(ev *EventState, uid string, d *ontology.Document, e Evidence, decidedBy string) {
	replaceMember(ev, Member{UID: uid, Doc: *d, DecidedBy: decidedBy, Score: e.Score})
	ev.touched = true
	b.changes.Links = append(b.changes.Links, Link{
		DocUID: uid, EventID: ev.ID, Role: d.Role, Score: e.Score, DecidedBy: decidedBy, Evidence: mustJSON(e),
	})
}

// merge moves every member of from into into and leaves from as an alias.
func (b *batch) merge(from, into *EventState, keys []string) {
	e := Evidence{Rule: "late-document-links-events", Keys: keys, Score: 1,
		Note: fmt.Sprintf("a document shares keys with both %s and %s", from.ID, into.ID)}
	for _, mem := range from.Members {
		b.changes.Unlinks = append(b.changes.Unlinks, Unlink{DocUID: mem.UID, EventID: from.ID})
		replaceMember(into, Member{UID: mem.UID, Doc: mem.Doc, DecidedBy: "merge", Score: 1})
		b.changes.Links = append(b.changes.Links, Link{
			DocUID: mem.UID, EventID: into.ID, Role: mem.Doc.Role, Score: 1, DecidedBy: "merge", Evidence: mustJSON(e),
		})
	}
	from.Members = nil
	from.MergedInto = into.ID
	from.touched = true
	into.touched = true
	b.changes.Merges = append(b.changes.Merges, Merge{From: from.ID, Into: into.ID, Evidence: mustJSON(e)})
}

// finish plans every touched event and collects the changes.
func (b *batch) finish() *Changes {
	now := b.m.Now().UTC()
	ids := make([]string, 0, len(b.events))
	for id, ev := range b.events {
		if ev.touched {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		ev := b.events[id]
		members := make([]inventory.Member, 0, len(ev.Members))
		for _, mem := range ev.Members {
			members = append(members, b.ledgerMember(mem))
		}
		want, discrepancies := inventory.Plan(members, tenantRecipes{b.m.canon, b.tenant})
		if ev.MergedInto != "" {
			want = inventory.Effect{}
		}
		moves := inventory.Reconcile(b.tenant, ev.ID, ev.Done, want, ev.Seq, now)
		ev.Seq += int64(len(moves))
		b.changes.Movements = append(b.changes.Movements, moves...)
		w := EventWrite{ID: ev.ID, Created: ev.created, Discrepancies: mustJSON(discrepancies)}
		if ev.MergedInto != "" {
			w.Kind, w.Status, w.OccurredAt = ev.Kind, "merged", ev.OccurredAt
		} else {
			w.Kind = inventory.Kind(members)
			w.Status, w.OccurredAt, w.Location = status(ev.Members), earliest(ev.Members), location(members)
		}
		b.changes.Events = append(b.changes.Events, w)
	}
	b.changes.Tenant = b.tenant
	b.changes.Links = lastLinks(b.changes.Links)
	b.changes.ProductAliases = b.products.added
	b.changes.PartyAliases = b.parties.aliases
	b.changes.PartyLinks = b.parties.links
	return &b.changes
}

func (b *batch) ledgerMember(mem Member) inventory.Member {
	d := mem.Doc
	lm := inventory.Member{
		UID: mem.UID, System: d.Key.System, Type: d.Key.Type, Role: d.Role, Verb: d.Verb, Direction: d.Direction,
		OccurredAt: d.OccurredAt, Location: b.m.canon.Location(b.tenant, d.Location),
	}
	for _, l := range d.Lines {
		sku := b.sku(d.Key.System, l)
		if sku == "" {
			continue // an unresolved product waits; it moves no stock until identified
		}
		lm.Lines = append(lm.Lines, inventory.Line{SKU: sku, Lot: l.Lot, Qty: l.Qty, ExpectedQty: l.ExpectedQty})
	}
	return lm
}

// lastLinks keeps each document's last link of the batch: a document that joined an
// event which a later document of the same batch merged away ends in the survivor only.
func lastLinks(links []Link) []Link {
	last := map[string]int{}
	for i, l := range links {
		last[l.DocUID] = i
	}
	out := links[:0:0]
	for i, l := range links {
		if last[l.DocUID] == i {
			out = append(out, l)
		}
	}
	return out
}

func replaceMember(ev *EventState, mem Member) {
	for i := range ev.Members {
		if ev.Members[i].UID == mem.UID {
			ev.Members[i] = mem
			return
		}
	}
	ev.Members = append(ev.Members, mem)
}

// status is the most advanced verb among the members, in lifecycle order, with
// cancellation winning only when every goods document says so.
func status(ms []Member) string {
	best := -1
	for _, m := range ms {
		for i, v := range ontology.Verbs {
			if v == m.Doc.Verb && v != ontology.VerbCancelled && v != ontology.VerbObserved && i > best {
				best = i
			}
		}
	}
	if best < 0 {
		if len(ms) > 0 {
			return string(ms[0].Doc.Verb)
		}
		return ""
	}
	return string(ontology.Verbs[best])
}

func earliest(ms []Member) time.Time {
	var t time.Time
	for _, m := range ms {
		if t.IsZero() || m.Doc.OccurredAt.Before(t) {
			t = m.Doc.OccurredAt
		}
	}
	return t
}

func location(ms []inventory.Member) string {
	for _, r := range []ontology.Role{ontology.RolePOS, ontology.RoleReceipt, ontology.RoleOrder} {
		for _, m := range ms {
			if m.Role == r && m.Location != "" {
				return m.Location
			}
		}
	}
	for _, m := range ms {
		if m.Location != "" {
			return m.Location
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

// identifies reports whether a reference names the document's own business action. On
// top of identifying's rule by kind, a money document that names several invoices or
// orders of one kind settles a batch of sales (a payout booked against many invoices):
// each of those references points at another action, and following them as identity
// would merge every sale of the batch into one.
func identifies(d *ontology.Document, r ontology.Ref) bool {
	if !identifying(d.Role, r.Kind) {
		return false
	}
	batchable := r.Kind == ontology.RefInvoice || r.Kind == ontology.RefOrderNumber || r.Kind == ontology.RefOrderID
	switch d.Role {
	case ontology.RolePayment, ontology.RolePayout, ontology.RoleSettlement:
		for _, o := range d.Refs {
			if !batchable {
				break
			}
			if o.Kind == r.Kind && o.Value != r.Value && o.Scope == r.Scope {
				return false
			}
		}
	}
	return true
}

// identifying reports whether a reference of this kind on a document of this role names
// the document's own business action, rather than another action it merely points at.
// A balance transaction names the payout that includes it, a payout names many
// charges, a container carries goods of many declarations: following those as identity
// would chain unrelated actions into one.
func identifying(role ontology.Role, k ontology.RefKind) bool {
	switch k {
	case ontology.RefContainer:
		return false
	case ontology.RefPayout:
		// The payout itself, and the ERP's payment entry that books it, are the payout.
		return role == ontology.RolePayout || role == ontology.RolePayment
	case ontology.RefBalanceTxn:
		return role == ontology.RoleSettlement
	}
	if role == ontology.RolePayout {
		return k == ontology.RefPayout
	}
	return true
}
