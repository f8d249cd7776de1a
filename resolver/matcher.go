package resolver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/productmatch"
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
	// ConfiguredSKU names the product whose SKU, as configured, reduces to key (a SKU's
	// letters and digits, upper case), if the configuration declares one.
	ConfiguredSKU(tenant, key string) (string, bool)
}

// Matcher links pending documents to business events. It is safe for concurrent use;
// the store's tenant lock serialises the work of one tenant.
type Matcher struct {
	store   Store
	canon   Canon
	weights Weights
	// partyModel scores parties that no shared key links, for tenants without a model
	// of their own; models holds the tenants' stored models.
	partyModel PartyModel
	models     *partyModels
	oneToOne   map[string]bool
	// productWeights score lines that name their product only in words.
	productWeights productmatch.Weights
	// planner decides what each event's documents do to stock.
	planner Planner
	// reservations hands channels' reservations over to their orders; nil for none.
	reservations ReservationConsumer
	// marks lends resolution the projected movements' marks waiting to be cleared; nil
	// for none.
	marks HeldMarks
	log   *slog.Logger
	// Now is the clock, replaceable in tests.
	Now func() time.Time
}

// NewMatcher builds a Matcher.
func NewMatcher(store Store, canon Canon, log *slog.Logger) *Matcher {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Matcher{store: store, canon: canon, weights: DefaultWeights(), partyModel: DefaultPartyModel(),
		productWeights: productmatch.DefaultWeights(), planner: LedgerPlanner{Recipes: canon.Recipe}, log: log, Now: time.Now}
}

// SetPlanner replaces what decides an event's effect on stock.
func (m *Matcher) SetPlanner(p Planner) { m.planner = p }

// SetWeights replaces the content-matching weights and thresholds.
func (m *Matcher) SetWeights(w Weights) { m.weights = w }

// SetPartyModel replaces the party-matching model (a tenant's trained one, see Train).
func (m *Matcher) SetPartyModel(pm PartyModel) { m.partyModel = pm }

// SetPartyOneToOne makes party matching one-to-one for the listed tenants ("*" for all):
// a storefront account is one customer, so a cluster never takes a second account of
// the same system by description, and a mention matching several clusters joins the
// best-scoring one only (the others get a RELATED "possibly" link). Shared keys still
// merge as always: one e-mail on two accounts is one person. Use it where every account
// is a person (linkage of clean customer lists); leave it off where people open several
// accounts (guest checkouts), which is the default.
func (m *Matcher) SetPartyOneToOne(tenants []string) {
	m.oneToOne = map[string]bool{}
	for _, t := range tenants {
		m.oneToOne[t] = true
	}
}

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
	// Moved counts movements Drain wrote and projected without keeping them: a
	// backlog's movements, held until it returns, would make its memory grow with the
	// backlog (a million documents' held over a GiB).
	Moved int
	// UnmovedExpiries counts lot expiries the batch's documents gave for lots none of
	// its movements moved: the store may have queued them for the projection
	// (Projector.CatchUp copies them), where a moved lot's expiry goes with its movements.
	UnmovedExpiries int
	// Kinds counts the documents resolved by source system and type ("meituan/order"),
	// so that a benchmark can tell what each kind of document costs. A document set
	// aside unread counts as "unreadable"; one set aside alone after its batch failed
	// is not counted.
	Kinds map[string]int
}

// add folds another batch's counts into st.
func (st *Stats) add(o Stats) {
	st.Documents += o.Documents
	st.Created += o.Created
	st.Joined += o.Joined
	st.Merged += o.Merged
	st.SetAside += o.SetAside
	st.Moved += o.Moved
	st.UnmovedExpiries += o.UnmovedExpiries
	st.Movements = append(st.Movements, o.Movements...)
	for k, n := range o.Kinds {
		if st.Kinds == nil {
			st.Kinds = map[string]int{}
		}
		st.Kinds[k] += n
	}
}

// kindsOf counts a batch's documents by system and type; a document set aside unread
// counts as "unreadable", its kind unknown.
func kindsOf(docs []PendingDoc, unreadable []SetAside) map[string]int {
	out := make(map[string]int, 4)
	for i := range docs {
		out[docs[i].Doc.Key.System+"/"+docs[i].Doc.Key.Type]++
	}
	if len(unreadable) > 0 {
		out["unreadable"] += len(unreadable)
	}
	return out
}

// selection says which pending documents one resolution transaction takes: the oldest
// limit of them, or exactly the listed ones (when a failed batch is being split).
type selection struct {
	limit int
	uids  []string
	// save, when set, stores documents first in the same transaction and returns their
	// uids, which are then the selection (ProcessSaved).
	save SaveFunc
}

// SaveFunc stores documents inside a resolution's transaction and returns the uids of
// those it stored, which that transaction then resolves. It may run more than once (a
// transaction the store retries), each time in a fresh transaction.
type SaveFunc func(ctx context.Context, tx Tx) ([]string, error)

// ErrNotInline is what ProcessSaved answers, before it touches the store, when the
// documents must take the ordinary way (stored, then resolved by the worker): the
// tenant holds channel reservations, which are handed over to orders before the
// resolution's transaction begins.
var ErrNotInline = errors.New("resolution cannot run in the store's transaction")

// ProcessSaved stores documents with save and resolves them in one transaction: one
// commit for what a stored-then-resolved document takes two, on a live webhook's path
// to its subscribers. Documents of the tenant stored before stay pending for the
// worker, whose batch takes them up as ever; resolution does not depend on the order
// documents are resolved in. On any error nothing is stored, and the caller stores the
// documents the ordinary way.
func (m *Matcher) ProcessSaved(ctx context.Context, tenant string, save SaveFunc) (Stats, error) {
	if m.reservations != nil {
		holding, err := m.reservations.Holding(ctx, tenant)
		if err != nil || holding {
			return Stats{}, ErrNotInline
		}
	}
	// The model is read (and kept for the worker's batches too) whatever becomes of the
	// request: a sender hanging up must not leave the default model cached.
	st, _, err := m.resolveSelected(ctx, tenant, selection{save: save}, m.partyModelOf(context.WithoutCancel(ctx), tenant))
	return st, err
}

// resolveBatch resolves the selected pending documents of tenant in one transaction. It
// returns the uids it loaded even when it fails, so that a failed batch can be split,
// and turns a panic in resolution into an error: a document that crashes the resolver
// must fail its own transaction, never the process.
func (m *Matcher) resolveBatch(ctx context.Context, tenant string, sel selection) (Stats, []string, error) {
	pm := m.partyModelOf(ctx, tenant)
	for try := 1; ; try++ {
		picked, err := m.consumeReservations(ctx, tenant, sel, try <= peekTries)
		if err != nil {
			return Stats{}, nil, fmt.Errorf("resolving tenant %s: %w", tenant, err)
		}
		st, uids, err := m.resolveSelected(ctx, tenant, picked, pm)
		// Documents read without the lock that all turned out resolved were another
		// process's batch: the queue may hold more, which an empty answer would hide
		// from the worker and from Drain. The last try reads under the lock.
		if err == nil && st.Documents == 0 && sel.uids == nil && len(picked.uids) > 0 && try <= peekTries {
			continue
		}
		return st, uids, err
	}
}

// resolveSelected is resolveBatch's transaction, over the documents sel names.
func (m *Matcher) resolveSelected(ctx context.Context, tenant string, sel selection, pm PartyModel) (Stats, []string, error) {
	var st Stats
	var uids []string
	held := m.takeMarks(tenant)
	wrote := false // the write that clears held ran
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) (err error) {
		st, uids, wrote = Stats{}, nil, false // fn may be retried
		defer func() {
			if r := recover(); r != nil {
				pe, ok := r.(*PanicError) // raised again from a worker, with its stack
				if !ok {
					pe = &PanicError{Value: r, Stack: debug.Stack()}
				}
				err = pe
			}
		}()
		var docs []PendingDoc
		picked := sel.uids
		if sel.save != nil {
			if picked, err = sel.save(ctx, tx); err != nil {
				return fmt.Errorf("storing documents: %w", err)
			}
			if picked == nil {
				picked = []string{}
			}
		}
		if picked != nil {
			docs, err = tx.PendingOf(ctx, picked)
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
		b.partyModel = pm
		if err := b.load(ctx, docs); err != nil {
			return err
		}
		if err := b.loadParties(ctx, docs); err != nil {
			return err
		}
		for i := range docs {
			b.resolve(&docs[i], &st)
		}
		if err := b.attachReservations(ctx, docs); err != nil {
			return err
		}
		ch, err := b.finish(ctx)
		if err != nil {
			return err
		}
		ch.SetAside = unreadable
		st.UnmovedExpiries = ch.markUnmovedLots()
		ch.Projected = held
		if err := tx.Apply(ctx, ch); err != nil {
			return fmt.Errorf("writing resolution: %w", err)
		}
		wrote = true
		st.Documents = len(docs) + len(unreadable)
		st.SetAside = len(unreadable)
		st.Kinds = kindsOf(docs, unreadable)
		st.Movements = ch.Movements
		return nil
	})
	if err != nil || !wrote {
		// Not committed, or nothing to write: the marks wait for their own flush.
		m.returnMarks(ctx, tenant, held)
	} else {
		m.marksCleared(ctx, tenant, held)
	}
	if err != nil {
		return Stats{}, uids, fmt.Errorf("resolving tenant %s: %w", tenant, err)
	}
	return st, uids, nil
}
