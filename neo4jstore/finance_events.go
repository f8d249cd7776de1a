package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

var _ finance.Source = (*Store)(nil)

// financeEventsCypher reads one page of a period's events, with their documents, in
// the order the (tenant, occurredAt) index gives; the id breaks ties, so a page
// boundary between two events of the same instant loses neither. The seek is one range
// from the cursor on, and the order names the tenant first: so the planner reads the
// index in its own order and stops at the page's end (PartialTop), where a cursor
// written as a disjunction, or an order without the tenant, sorted the whole rest of
// the period for every page (44,000 events read in 4.7 s instead of 0.6 s).
const financeEventsCypher = `
MATCH (e:BusinessEvent {tenant: $tenant})
WHERE e.occurredAt >= $afterAt AND e.occurredAt < $to
WITH e WHERE e.status <> 'merged' AND (e.occurredAt > $afterAt OR e.id > $afterId)
WITH e ORDER BY e.tenant, e.occurredAt, e.id LIMIT $limit
CALL (e) {
  MATCH (d:SourceDocument)-[:EVIDENCES]->(e)
  RETURN collect([d.uid, d.canonical, d.receivedAt]) AS docs
}
RETURN e.id AS id, e.kind AS kind, e.occurredAt AS at, e.discrepancies AS discrepancies, docs`

// financeRelatedCypher finds, for documents of a page, the documents of other events
// they point at: the balance transactions naming a payout, the payments naming an
// invoice from elsewhere (one payment settling several), the invoices a payment names.
// Only those directions are followed: a balance transaction's payout key would lead to
// every other transaction of the same payout.
const financeRelatedCypher = `
UNWIND $uids AS uid
MATCH (d:SourceDocument {uid: uid})-[:HAS_KEY]->(k)<-[:HAS_KEY]-(o) USING INDEX SEEK d:SourceDocument(uid)
WHERE o.tenant = $tenant AND o <> d AND (
     (d.role = 'payout' AND k.kind = 'payout' AND o.role = 'settlement')
  OR (d.role = 'invoice' AND k.kind = 'invoice' AND o.role = 'payment')
  OR (d.role = 'payment' AND k.kind = 'invoice' AND o.role = 'invoice'))
  AND NOT EXISTS { (d)-[:EVIDENCES]->(:BusinessEvent)<-[:EVIDENCES]-(o) }
RETURN uid, collect(DISTINCT o.uid) AS related`

const financeDocsCypher = `
UNWIND $uids AS uid
MATCH (d:SourceDocument {uid: uid}) USING INDEX SEEK d:SourceDocument(uid) WHERE d.tenant = $tenant
RETURN d.uid AS uid, d.canonical AS canonical, d.receivedAt AS receivedAt`

// productCacheSize bounds the product keys one walk remembers: a catalogue's keys
// repeat on every page, but a walk must not grow with the data it reads.
const productCacheSize = 200_000

// Events implements finance.Source: a period's events in pages, each with its documents
// (canonical form, arrival, the canonical product of each line), the goods differences
// resolution recorded, and the documents of other events it points at.
//
// Four stages run at once, each a page ahead of the next: Neo4j reads a page; its
// documents are decoded; what they point at, and their lines' products, are read; fn
// works on it. Neo4j and the decoding share the two cores instead of taking turns (on
// a million documents, about 20 s where taking turns took 62 s), and at most four
// pages are held.
func (s *Store) Events(ctx context.Context, tenant string, from, to time.Time, after finance.Cursor, page int, fn func([]finance.Event) error) error {
	w := &eventWalk{s: s, tenant: tenant, products: map[string]string{}}
	at, id := from.UTC(), ""
	if after.At.After(at) || after.At.Equal(at) && after.ID != "" {
		at, id = after.At.UTC(), after.ID
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	fetched := make(chan walkPage, 1)
	go func() {
		defer close(fetched)
		for {
			recs, err := w.fetch(ctx, to.UTC(), at, id, page)
			if !sendPage(ctx, fetched, walkPage{recs: recs, err: err}) || err != nil || len(recs) < page {
				return
			}
			last := recs[len(recs)-1]
			v, _ := last.Get("at")
			at, id = timeOf(v), get[string](last, "id")
		}
	}()
	decoded := stage(ctx, fetched, func(p walkPage) walkPage {
		p.evs, p.linking, p.err = decodePage(p.recs)
		p.recs = nil
		return p
	})
	ready := stage(ctx, decoded, func(p walkPage) walkPage {
		p.err = w.enrich(ctx, p.evs, p.linking)
		return p
	})
	for p := range ready {
		if p.err != nil {
			return fmt.Errorf("reading events of %s: %w", tenant, p.err)
		}
		if len(p.evs) == 0 {
			return nil
		}
		if err := fn(p.evs); err != nil {
			if errors.Is(err, finance.ErrStop) {
				return nil
			}
			return err
		}
	}
	return ctx.Err()
}

// walkPage is one page on its way through the stages of Events.
type walkPage struct {
	recs    []*neo4j.Record
	evs     []finance.Event
	linking []string // documents whose pointers into other events are to be read
	err     error
}

// sendPage hands a page to the next stage unless the walk ended.
func sendPage(ctx context.Context, ch chan<- walkPage, p walkPage) bool {
	select {
	case ch <- p:
		return true
	case <-ctx.Done():
		return false
	}
}

// stage runs f on every page from in, in order, in a goroutine of its own; a page
// with an error goes on untouched and ends the stage.
func stage(ctx context.Context, in <-chan walkPage, f func(walkPage) walkPage) <-chan walkPage {
	out := make(chan walkPage, 1)
	go func() {
		defer close(out)
		for p := range in {
			if p.err == nil {
				p = f(p)
			}
			if !sendPage(ctx, out, p) || p.err != nil {
				return
			}
		}
	}()
	return out
}

// eventWalk is one walk over a period: what it has learnt of product keys so far.
type eventWalk struct {
	s        *Store
	tenant   string
	products map[string]string // product key -> canonical SKU ("" when no alias names it)
}

// fetch reads one page of events with their documents, undecoded.
func (w *eventWalk) fetch(ctx context.Context, to, afterAt time.Time, afterID string, limit int) ([]*neo4j.Record, error) {
	return read(ctx, w.s, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
		return run(ctx, tx, financeEventsCypher, map[string]any{"tenant": w.tenant, "to": to,
			"afterAt": afterAt, "afterId": afterID, "limit": limit})
	})
}

// decodePage turns a fetched page into events, and names the documents whose pointers
// into other events are to be read.
func decodePage(recs []*neo4j.Record) ([]finance.Event, []string, error) {
	evs := make([]finance.Event, 0, len(recs))
	var linking []string
	for _, rec := range recs {
		ev := finance.Event{ID: get[string](rec, "id"), Kind: ontology.EventKind(get[string](rec, "kind"))}
		at, _ := rec.Get("at")
		ev.OccurredAt = timeOf(at)
		if err := decodeDiscrepancies(get[string](rec, "discrepancies"), &ev); err != nil {
			return nil, nil, err
		}
		raw, _ := rec.Get("docs")
		for _, x := range raw.([]any) {
			d, err := financeDoc(x.([]any))
			if err != nil {
				return nil, nil, fmt.Errorf("event %s: %w", ev.ID, err)
			}
			ev.Docs = append(ev.Docs, d)
		}
		linking = append(linking, pointing(ev)...)
		evs = append(evs, ev)
	}
	return evs, linking, nil
}

// enrich reads, in one transaction, the documents of other events a page's documents
// point at and the canonical products of their lines.
func (w *eventWalk) enrich(ctx context.Context, evs []finance.Event, linking []string) error {
	if len(evs) == 0 {
		return nil
	}
	_, err := read(ctx, w.s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		for i := range evs {
			evs[i].Related = nil
		}
		if err := w.related(ctx, tx, evs, linking); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, w.resolveProducts(ctx, tx, evs)
	})
	return err
}

// pointing returns the documents of an event whose pointers into other events
// reconciliation needs: a payout's (its balance transactions), an invoice's when its
// event holds no payment (one payment may settle it with others), a payment's when it
// names an invoice its event does not hold. An e-shop sale, its charge naming its own
// invoice, looks nowhere else: the common case costs no query.
func pointing(ev finance.Event) []string {
	held := map[string]bool{}
	paid := false
	for _, d := range ev.Docs {
		switch {
		case d.Role == ontology.RoleInvoice:
			for _, id := range d.RefsOf(ontology.RefInvoice) {
				held[id] = true
			}
		case d.Role == ontology.RolePayment && d.Verb != ontology.VerbCancelled && d.Verb != ontology.VerbOrdered:
			paid = true
		}
	}
	var out []string
	for _, d := range ev.Docs {
		switch d.Role {
		case ontology.RolePayout:
			out = append(out, d.Key.UID())
		case ontology.RoleInvoice:
			if !paid {
				out = append(out, d.Key.UID())
			}
		case ontology.RolePayment:
			for _, id := range d.RefsOf(ontology.RefInvoice) {
				if !held[id] {
					out = append(out, d.Key.UID())
					break
				}
			}
		}
	}
	return out
}

// financeDoc decodes a [uid, canonical, receivedAt] row.
func financeDoc(row []any) (finance.Doc, error) {
	var d finance.Doc
	uid, _ := row[0].(string)
	canonical, _ := row[1].(string)
	if err := json.Unmarshal([]byte(canonical), &d.Document); err != nil {
		return d, fmt.Errorf("decoding document %s: %w", uid, err)
	}
	d.ReceivedAt = timeOf(row[2])
	return d, nil
}

// discrepancyRow is inventory.Discrepancy as the event stores it.
type discrepancyRow struct {
	SKU      string       `json:"sku"`
	Lot      string       `json:"lot"`
	Expected ontology.Qty `json:"expected"`
	Actual   ontology.Qty `json:"actual"`
	Source   string       `json:"source"`
}

func decodeDiscrepancies(s string, ev *finance.Event) error {
	if s == "" || s == "null" {
		return nil
	}
	var rows []discrepancyRow
	if err := json.Unmarshal([]byte(s), &rows); err != nil {
		return fmt.Errorf("decoding discrepancies of %s: %w", ev.ID, err)
	}
	for _, r := range rows {
		ev.Discrepancies = append(ev.Discrepancies, finance.Discrepancy(r))
	}
	return nil
}

// related attaches to each event the documents of other events its documents point
// at. A document several events point at (the payment entry booking a whole payout) is
// read once per page.
func (w *eventWalk) related(ctx context.Context, tx neo4j.ManagedTransaction, evs []finance.Event, uids []string) error {
	if len(uids) == 0 {
		return nil
	}
	recs, err := run(ctx, tx, financeRelatedCypher, map[string]any{"uids": uids, "tenant": w.tenant})
	if err != nil {
		return err
	}
	links := map[string][]string{}
	var wanted []string
	seen := map[string]bool{}
	for _, rec := range recs {
		raw, _ := rec.Get("related")
		for _, x := range raw.([]any) {
			o := x.(string)
			links[get[string](rec, "uid")] = append(links[get[string](rec, "uid")], o)
			if !seen[o] {
				seen[o] = true
				wanted = append(wanted, o)
			}
		}
	}
	if len(wanted) == 0 {
		return nil
	}
	docs := map[string]finance.Doc{}
	for _, c := range chunks(len(wanted), batchSize) {
		recs, err := run(ctx, tx, financeDocsCypher, map[string]any{"uids": wanted[c[0]:c[1]], "tenant": w.tenant})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			uid, _ := rec.Get("uid")
			canonical, _ := rec.Get("canonical")
			received, _ := rec.Get("receivedAt")
			d, err := financeDoc([]any{uid, canonical, received})
			if err != nil {
				return err
			}
			docs[uid.(string)] = d
		}
	}
	for i := range evs {
		added := map[string]bool{}
		for _, d := range evs[i].Docs {
			for _, o := range links[d.Key.UID()] {
				if r, ok := docs[o]; ok && !added[o] {
					added[o] = true
					evs[i].Related = append(evs[i].Related, r)
				}
			}
		}
	}
	return nil
}

// resolveProducts names the canonical product of every line of the page through the
// product aliases resolution stored, asking only for keys the walk has not seen.
func (w *eventWalk) resolveProducts(ctx context.Context, tx neo4j.ManagedTransaction, evs []finance.Event) error {
	var ask []string
	asked := map[string]bool{}
	for _, ev := range evs {
		for _, d := range ev.Docs {
			for _, l := range d.Lines {
				for _, k := range resolver.ProductKeys(d.Key.System, l) {
					if _, known := w.products[k]; !known && !asked[k] {
						asked[k] = true
						ask = append(ask, k)
					}
				}
			}
		}
	}
	if len(ask) > 0 {
		uids := make([]string, len(ask))
		for i, k := range ask {
			uids[i] = w.tenant + "/product/" + k
		}
		recs, err := run(ctx, tx, `
UNWIND $uids AS u
MATCH (al:Alias {uid: u}) USING INDEX SEEK al:Alias(uid) WHERE al.tenant = $tenant
RETURN al.code AS code, al.target AS sku`, map[string]any{"uids": uids, "tenant": w.tenant})
		if err != nil {
			return err
		}
		// The cache learns only once the answer is in: the transaction may be retried.
		if len(w.products)+len(ask) > productCacheSize {
			clear(w.products)
		}
		for _, k := range ask {
			w.products[k] = ""
		}
		for _, rec := range recs {
			w.products[get[string](rec, "code")] = get[string](rec, "sku")
		}
	}
	for i := range evs {
		for j := range evs[i].Docs {
			d := &evs[i].Docs[j]
			d.Products = make([]string, len(d.Lines))
			for n, l := range d.Lines {
				for _, k := range resolver.ProductKeys(d.Key.System, l) {
					if sku := w.products[k]; sku != "" {
						d.Products[n] = sku
						break
					}
				}
			}
		}
	}
	return nil
}

// LatestArrival is a tenant's data clock: when its newest document arrived, or the zero
// time when it has none.
func (s *Store) LatestArrival(ctx context.Context, tenant string) (time.Time, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (time.Time, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SourceDocument {tenant: $tenant}) WHERE d.receivedAt IS NOT NULL
RETURN d.receivedAt AS at ORDER BY d.receivedAt DESC LIMIT 1`, map[string]any{"tenant": tenant})
		if err != nil || len(recs) == 0 {
			return time.Time{}, err
		}
		at, _ := recs[0].Get("at")
		return timeOf(at), nil
	})
}
