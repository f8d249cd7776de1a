package simulate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"time"

	"github.com/seamhub/seam/ontology"
)

// DocRef names a document by its key.
type DocRef struct {
	System     string `json:"system"`
	Type       string `json:"type"`
	ExternalID string `json:"externalId"`
	Role       string `json:"role"`
	// Corrupt names the fault injected into it ("" for a sound document); a corrupt
	// document cannot be read and belongs in quarantine. RawSHA256 identifies its bytes,
	// which may no longer hold its id.
	Corrupt   string `json:"corrupt,omitempty"`
	RawSHA256 string `json:"rawSha256,omitempty"`
}

// Action is one real business action and the documents that describe it.
type Action struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"` // sale, receipt, payment, observation
	At        time.Time `json:"at"`
	Documents []DocRef  `json:"documents"`
}

// Mention is one record that names a party.
type Mention struct {
	Party string `json:"party"`
	DocRef
}

// ProductTruth is a product and every code systems know it by.
type ProductTruth struct {
	SKU     string      `json:"sku"`
	GTIN    string      `json:"gtin,omitempty"`
	Title   string      `json:"title"`
	Aliases [][2]string `json:"aliases"` // (system, code)
}

// Discrepancy is a difference injected on purpose between documents of one action.
type Discrepancy struct {
	Action   string `json:"action"`
	SKU      string `json:"sku"`
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	Why      string `json:"why"`
}

// StockRow is the true stock of a cell at a day's close.
type StockRow struct {
	Day string
	ontology.Cell
	Book     ontology.Qty
	Physical ontology.Qty
}

// Truth is everything the simulator knows that Seam must find out.
type Truth struct {
	Actions       []Action
	Mentions      []Mention
	Products      []ProductTruth
	Discrepancies []Discrepancy
	Daily         []StockRow
	Final         []StockRow
	// Noise lists the documents that carry the noise kinds modelled on observed practice.
	Noise []NoiseMark
	// Counts are documents per "system/type", duplicates included.
	Counts    map[string]int
	Corrupted int

	world *world
}

// truth builds the Truth while the simulation runs.
type truth struct {
	cfg     Config
	w       *world
	actions []*action
	byTxn   map[string]*settlement
	out     Truth
	recipes map[string][]ingredientQty
	stock   map[ontology.Cell]ontology.Qty // book stock applied so far
	pending []effect                       // effects to apply at the close of their day
	booked  int                            // actions whose effects are pending or applied
	lost    map[ontology.Cell]ontology.Qty // shrinkage: physical only
	// moved is physical stock booked elsewhere: a sale under an unlisted store code is
	// booked under "system:code", while the goods left the store.
	moved   map[ontology.Cell]ontology.Qty
	aliases map[string][][2]string // sku -> (system, code) spellings
}

// alias records that a system spells a product its own way.
func (t *truth) alias(p *product, system, code string) {
	for _, a := range t.aliases[p.SKU] {
		if a == [2]string{system, code} {
			return
		}
	}
	t.aliases[p.SKU] = append(t.aliases[p.SKU], [2]string{system, code})
}

type ingredientQty struct {
	sku string
	qty ontology.Qty
}

type action struct {
	Action
	kind     string
	location string
	lot      string
	lines    []line
	left     bool // goods left at once (store sale, shipped marketplace order)
	receipt  bool
	// booked is where a perfect integration books the stock when the documents name the
	// store by a code seam.yaml lacks ("square:L…"); "" when it is location.
	booked string
}

type settlement struct {
	action    *action
	charge    string
	at        time.Time
	amount    int64
	payout    string
	payoutAt  time.Time
	generator *generator
}

type effect struct {
	at   time.Time
	cell ontology.Cell // where the books have it
	real string        // the location the goods really are at, when not cell's
	qty  ontology.Qty
}

func newTruth(cfg Config, w *world) *truth {
	t := &truth{cfg: cfg, w: w, byTxn: map[string]*settlement{}, recipes: map[string][]ingredientQty{},
		stock: map[ontology.Cell]ontology.Qty{}, lost: map[ontology.Cell]ontology.Qty{}, moved: map[ontology.Cell]ontology.Qty{}, out: Truth{Counts: map[string]int{}}, aliases: map[string][][2]string{}}
	for _, d := range drinks {
		for _, in := range d.recipe {
			q, _ := ontology.ParseQty(in[1])
			t.recipes[d.sku] = append(t.recipes[d.sku], ingredientQty{in[0], q})
		}
	}
	return t
}

func (t *truth) action(kind string, at time.Time) *action {
	a := &action{Action: Action{ID: fmt.Sprintf("A%07d", len(t.actions)+1), Kind: kind, At: at}, kind: kind}
	t.actions = append(t.actions, a)
	return a
}

func (t *truth) document(a *action, role string, d Doc) {
	t.out.Counts[d.System+"/"+d.Type]++
	if d.Corrupt != "" {
		t.out.Corrupted++
	}
	ref := DocRef{System: d.System, Type: d.Type, ExternalID: d.ExternalID, Role: role, Corrupt: d.Corrupt}
	if d.Corrupt != "" {
		sum := sha256.Sum256(bytes.TrimSpace(d.Raw)) // as a reader of the line sees it
		ref.RawSHA256 = hex.EncodeToString(sum[:])
	}
	a.Documents = append(a.Documents, ref)
}

// sale records what a sale takes; left says whether the goods leave without a further
// document (a store sale) or only once tracking shows they shipped.
func (t *truth) sale(a *action, location string, lines []line, left bool) {
	a.location, a.lines, a.left = location, lines, left
}

func (t *truth) receipt(a *action, location, lot string, lines []line) {
	a.location, a.lot, a.lines, a.receipt = location, lot, lines, true
}

func (t *truth) mention(p *party, system, typ, id, role string) {
	t.out.Mentions = append(t.out.Mentions, Mention{Party: p.ID, DocRef: DocRef{System: system, Type: typ, ExternalID: id, Role: role}})
}

// shrink records stock lost without a document: only physical stock sees it.
func (t *truth) shrink(location string, p *product, qty int64, at time.Time) {
	t.lost[ontology.Cell{SKU: p.SKU, Location: location}] += ontology.Units(qty)
	t.out.Discrepancies = append(t.out.Discrepancies, Discrepancy{Action: "", SKU: p.SKU, Expected: "0",
		Actual: fmt.Sprint(-qty), Why: "shrinkage at " + location + " on " + at.Format("2006-01-02") + ": no document"})
}

func (t *truth) discrepancy(a *action, sku string, expected, actual int64, why string) {
	t.out.Discrepancies = append(t.out.Discrepancies, Discrepancy{Action: a.ID, SKU: sku,
		Expected: fmt.Sprint(expected), Actual: fmt.Sprint(actual), Why: why})
}

// pendingSettlement and settle make the Stripe balance transaction of a charge part of
// the sale, emitted when its payout happens.
func (t *truth) pendingSettlement(a *action, txn, charge string, at time.Time, amount int64) {
	t.byTxn[txn] = &settlement{action: a, charge: charge, at: at, amount: amount}
}

func (t *truth) settle(txn, payout string, at time.Time, g *generator) {
	s := t.byTxn[txn]
	delete(t.byTxn, txn)
	g.emit(s.action, "settlement", Doc{System: "stripe", Type: "balance_transaction", ExternalID: txn, At: at},
		stripeBalanceTxn(txn, s.charge, payout, s.at, s.amount))
}

// valid reports whether an action has a sound document in one of the roles.
func (a *action) valid(roles ...string) (DocRef, bool) {
	for _, d := range a.Documents {
		if d.Corrupt != "" {
			continue
		}
		for _, r := range roles {
			if d.Role == r {
				return d, true
			}
		}
	}
	return DocRef{}, false
}

// effects are what an action's sound documents do to book stock, with the same rules as
// Seam's ledger: a store sale takes its lines (drinks: their recipe) at once; an e-shop
// order takes them when a tracking shows they shipped; a receipt adds what arrived.
func (t *truth) effects(a *action) []effect {
	var out []effect
	switch {
	case a.kind == "sale":
		if _, ok := a.valid("order", "pos"); !ok {
			return nil
		}
		if !a.left {
			if _, ok := a.valid("tracking"); !ok {
				return nil
			}
		}
		loc, real := a.location, ""
		if a.booked != "" {
			loc, real = a.booked, a.location
		}
		for _, l := range a.lines {
			if rec := t.recipes[l.p.SKU]; rec != nil {
				for _, in := range rec {
					out = append(out, effect{a.At, ontology.Cell{SKU: in.sku, Location: loc}, real, -in.qty.Mul(ontology.Units(l.qty))})
				}
				continue
			}
			out = append(out, effect{a.At, ontology.Cell{SKU: l.p.SKU, Location: loc}, real, -ontology.Units(l.qty)})
		}
	case a.receipt:
		if _, ok := a.valid("receipt"); !ok {
			return nil
		}
		for _, l := range a.lines {
			out = append(out, effect{a.At, ontology.Cell{SKU: l.p.SKU, Location: a.location, Lot: a.lot}, "", ontology.Units(l.qty)})
		}
	}
	return out
}

// closeDay books the day's actions and records the stock at its close.
func (t *truth) closeDay(day int, date time.Time) {
	end := date.Add(24 * time.Hour)
	for _, a := range t.actions[t.booked:] {
		t.pending = append(t.pending, t.effects(a)...)
	}
	t.booked = len(t.actions)
	rest := t.pending[:0]
	for _, e := range t.pending {
		if e.at.Before(end) {
			t.apply(e)
		} else {
			rest = append(rest, e)
		}
	}
	t.pending = rest
	t.out.Daily = append(t.out.Daily, t.rows(date.Format("2006-01-02"))...)
}

// apply books an effect; goods booked away from where they are move physical stock back.
func (t *truth) apply(e effect) {
	t.stock[e.cell] += e.qty
	if e.real != "" {
		t.moved[e.cell] -= e.qty
		t.moved[ontology.Cell{SKU: e.cell.SKU, Location: e.real, Lot: e.cell.Lot}] += e.qty
	}
}

func (t *truth) rows(day string) []StockRow {
	seen := map[ontology.Cell]bool{}
	cells := make([]ontology.Cell, 0, len(t.stock))
	for _, m := range []map[ontology.Cell]ontology.Qty{t.stock, t.lost, t.moved} {
		for c := range m {
			if !seen[c] && (t.stock[c] != 0 || t.lost[c] != 0 || t.moved[c] != 0) {
				seen[c] = true
				cells = append(cells, c)
			}
		}
	}
	sort.Slice(cells, func(i, j int) bool {
		a, b := cells[i], cells[j]
		if a.SKU != b.SKU {
			return a.SKU < b.SKU
		}
		if a.Location != b.Location {
			return a.Location < b.Location
		}
		return a.Lot < b.Lot
	})
	out := make([]StockRow, len(cells))
	for i, c := range cells {
		out[i] = StockRow{Day: day, Cell: c, Book: t.stock[c], Physical: t.stock[c] - t.lost[c] + t.moved[c]}
	}
	return out
}

func (t *truth) finish() *Truth {
	for _, e := range t.pending {
		t.apply(e)
	}
	t.pending = nil
	t.out.Final = t.rows("final")
	t.out.world = t.w
	for _, a := range t.actions {
		if len(a.Documents) > 0 {
			t.out.Actions = append(t.out.Actions, a.Action)
		}
	}
	for _, p := range t.w.products {
		pt := ProductTruth{SKU: p.SKU, GTIN: p.GTIN, Title: p.Title, Aliases: append([][2]string{{"square", p.SquareID}}, t.aliases[p.SKU]...)}
		t.out.Products = append(t.out.Products, pt)
	}
	return &t.out
}
