package resolver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
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
	Recipe(tenant, sku string) []inventory.Ingredient
}

// tenantRecipes narrows a Canon's recipes to one tenant for the ledger.
type tenantRecipes struct {
	canon  Canon
	tenant string
}

func (r tenantRecipes) Recipe(sku string) []inventory.Ingredient { return r.canon.Recipe(r.tenant, sku) }

// Matcher links pending documents to business events. It is safe for concurrent use;
// the store's tenant lock serialises the work of one tenant.
type Matcher struct {
	store Store
	canon Canon
	log   *slog.Logger
	// Now is the clock, replaceable in tests.
	Now func() time.Time
}

// NewMatcher builds a Matcher.
func NewMatcher(store Store, canon Canon, log *slog.Logger) *Matcher {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Matcher{store: store, canon: canon, log: log, Now: time.Now}
}

// Stats counts what one Process call did.
type Stats struct {
	Documents int
	Created   int
	Joined    int
	Merged    int
	Movements []ontology.Movement
}

// Process resolves up to limit pending documents of tenant and returns what it did,
// including the movements it appended (for the live-stock projection). It returns zero
// Documents when nothing is pending.
func (m *Matcher) Process(ctx context.Context, tenant string, limit int) (Stats, error) {
	var st Stats
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
		st = Stats{} // fn may be retried
		docs, err := tx.Pending(ctx, limit)
		if err != nil {
			return fmt.Errorf("loading pending documents: %w", err)
		}
		if len(docs) == 0 {
			return nil
		}
		b := &batch{tenant: tenant, m: m, tx: tx, events: map[string]*EventState{}, keyEvents: map[string][]string{}}
		if err := b.load(ctx, docs); err != nil {
			return err
		}
		for i := range docs {
			b.resolve(&docs[i], &st)
		}
		ch := b.finish()
		if err := tx.Apply(ctx, ch); err != nil {
			return fmt.Errorf("writing resolution: %w", err)
		}
		st.Documents = len(docs)
		st.Movements = ch.Movements
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("resolving tenant %s: %w", tenant, err)
	}
	return st, nil
}

// batch is the in-memory view of one resolution transaction: the candidate events loaded
// from the store plus everything decided so far, so that documents of one batch can link
// to each other.
type batch struct {
	tenant    string
	m         *Matcher
	tx        Tx
	events    map[string]*EventState
	keyEvents map[string][]string // key uid -> event ids
	changes   Changes
}

func (b *batch) load(ctx context.Context, docs []PendingDoc) error {
	var keys []string
	ids := map[string]bool{}
	for _, d := range docs {
		for _, r := range d.Doc.Refs {
			keys = append(keys, b.keyUID(r))
		}
		if d.EventID != "" {
			ids[d.EventID] = true
		}
	}
	ke, err := b.tx.EventsByKeys(ctx, keys)
	if err != nil {
		return fmt.Errorf("looking up candidate events: %w", err)
	}
	b.keyEvents = ke
	for _, evs := range ke {
		for _, id := range evs {
			ids[id] = true
		}
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	evs, err := b.tx.Events(ctx, list)
	if err != nil {
		return fmt.Errorf("loading candidate events: %w", err)
	}
	b.events = evs
	return nil
}

func (b *batch) keyUID(r ontology.Ref) string { return b.tenant + "/" + r.ID() }

// resolve links one document.
func (b *batch) resolve(p *PendingDoc, st *Stats) {
	d := &p.Doc
	for _, r := range d.Refs {
		b.changes.Keys = append(b.changes.Keys, KeyLink{DocUID: p.UID, KeyUID: b.keyUID(r), Kind: string(r.Kind),
			Value: r.Value, Identity: identifying(d.Role, r.Kind)})
	}
	b.changes.Resolved = append(b.changes.Resolved, p.UID)

	// A new version of a document stays in its event; the event is replanned.
	if p.EventID != "" {
		if ev := b.live(p.EventID); ev != nil {
			replaceMember(ev, Member{UID: p.UID, Doc: *d, DecidedBy: "version", Score: 1})
			ev.touched = true
			return
		}
	}

	candidates, matched := b.candidates(d)
	switch len(candidates) {
	case 0:
		ev := b.newEvent(p.UID, d)
		b.join(ev, p.UID, d, Evidence{Rule: "new-event", Score: 1, Note: "no candidate event shares an identifying key"}, "rule:new-event")
		st.Created++
	default:
		// The oldest event survives a merge, so ids that users have seen stay valid.
		sort.Slice(candidates, func(i, j int) bool { return older(candidates[i], candidates[j]) })
		into := candidates[0]
		for _, other := range candidates[1:] {
			b.merge(other, into, matched)
			st.Merged++
		}
		b.join(into, p.UID, d, Evidence{Rule: "shared-key", Keys: matched, Score: 1}, "rule:shared-key")
		st.Joined++
	}
	for _, r := range d.Refs {
		if identifying(d.Role, r.Kind) {
			k := b.keyUID(r)
			b.keyEvents[k] = appendUnique(b.keyEvents[k], b.eventOf(p.UID))
		}
	}
}

// candidates returns the live events that share an identifying key with d.
func (b *batch) candidates(d *ontology.Document) ([]*EventState, []string) {
	seen := map[string]bool{}
	var out []*EventState
	var matched []string
	for _, r := range d.Refs {
		if !identifying(d.Role, r.Kind) {
			continue
		}
		for _, id := range b.keyEvents[b.keyUID(r)] {
			ev := b.live(id)
			if ev == nil {
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
	return &b.changes
}

func (b *batch) ledgerMember(mem Member) inventory.Member {
	d := mem.Doc
	lm := inventory.Member{
		UID: mem.UID, System: d.Key.System, Role: d.Role, Verb: d.Verb, Direction: d.Direction,
		OccurredAt: d.OccurredAt, Location: b.m.canon.Location(b.tenant, d.Location),
	}
	for _, l := range d.Lines {
		lm.Lines = append(lm.Lines, inventory.Line{
			SKU: b.m.canon.SKU(b.tenant, d.Key.System, l), Lot: l.Lot, Qty: l.Qty, ExpectedQty: l.ExpectedQty,
		})
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
		return role == ontology.RolePayout
	case ontology.RefBalanceTxn:
		return role == ontology.RoleSettlement
	}
	if role == ontology.RolePayout {
		return k == ontology.RefPayout
	}
	return true
}
