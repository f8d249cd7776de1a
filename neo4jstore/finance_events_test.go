package neo4jstore_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// financeFixture stores canonical documents and resolves them, as the worker would.
type financeFixture struct {
	t      *testing.T
	ctx    context.Context
	s      *neo4jstore.Store
	tenant string
}

func newFinanceFixture(t *testing.T) *financeFixture {
	return &financeFixture{t: t, ctx: context.Background(), s: neo4jtest.Open(t), tenant: neo4jtest.Tenant(t)}
}

func (f *financeFixture) resolve(docs ...ontology.Document) {
	f.t.Helper()
	envs := make([]ontology.Envelope, len(docs))
	for i, d := range docs {
		d.Key.Tenant = f.tenant
		raw, _ := json.Marshal(d)
		envs[i] = ontology.Envelope{Doc: d, Raw: raw, Format: "json", Via: "test"}
	}
	if _, err := f.s.SaveDocuments(f.ctx, envs); err != nil {
		f.t.Fatal(err)
	}
	m := resolver.NewMatcher(f.s, resolver.NewRegistry(nil, nil), nil)
	if _, err := m.Process(f.ctx, f.tenant, 500); err != nil {
		f.t.Fatal(err)
	}
}

func eurs(s string) *ontology.Money {
	return &ontology.Money{Amount: decimal.RequireFromString(s), Currency: "EUR"}
}

func fdoc(system, typ, id string, role ontology.Role, verb ontology.Verb, at time.Time, total *ontology.Money, refs ...ontology.Ref) ontology.Document {
	return ontology.Document{Key: ontology.DocKey{System: system, Type: typ, ExternalID: id}, Role: role, Verb: verb,
		OccurredAt: at, Total: total, Refs: refs}
}

func TestFinanceEventsStreamAPeriod(t *testing.T) {
	f := newFinanceFixture(t)
	t0 := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	var docs []ontology.Document
	// Five sales, each an order with its charge; one payout pays out the first two.
	for i := 0; i < 5; i++ {
		at := t0.Add(time.Duration(i) * time.Hour)
		num := string(rune('1' + i))
		ord := fdoc("shopify", "order", "100"+num, ontology.RoleOrder, ontology.VerbPaid, at, eurs("48.00"),
			ontology.Ref{Kind: ontology.RefOrderNumber, Value: "100" + num})
		ord.Channel = "online"
		// Resolution names the product by its SKU, whatever the spelling.
		ord.Lines = []ontology.Line{{SKU: "tea_ool_250g", Qty: ontology.Units(2)}}
		ch := fdoc("stripe", "charge", "ch_"+num, ontology.RolePayment, ontology.VerbPaid, at.Add(time.Minute), eurs("48.00"),
			ontology.Ref{Kind: ontology.RefPayment, Value: "ch_" + num}, ontology.Ref{Kind: ontology.RefOrderNumber, Value: "100" + num},
			ontology.Ref{Kind: ontology.RefBalanceTxn, Value: "txn_" + num})
		docs = append(docs, ord, ch)
		if i < 2 {
			bt := fdoc("stripe", "balance_transaction", "txn_"+num, ontology.RoleSettlement, ontology.VerbSettled, at.Add(time.Minute),
				eurs("46.36"), ontology.Ref{Kind: ontology.RefBalanceTxn, Value: "txn_" + num},
				ontology.Ref{Kind: ontology.RefPayment, Value: "ch_" + num}, ontology.Ref{Kind: ontology.RefPayout, Value: "po_1"})
			bt.Fee, bt.Status = eurs("1.64"), "charge"
			docs = append(docs, bt)
		}
	}
	docs = append(docs, fdoc("stripe", "payout", "po_1", ontology.RolePayout, ontology.VerbSettled, t0.Add(30*time.Hour), eurs("92.72"),
		ontology.Ref{Kind: ontology.RefPayout, Value: "po_1"}))
	f.resolve(docs...)

	var pages [][]finance.Event
	err := f.s.Events(f.ctx, f.tenant, t0, t0.AddDate(0, 0, 2), finance.Cursor{}, 2, func(evs []finance.Event) error {
		pages = append(pages, evs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Six events (five sales, one payout) in pages of two, in time order.
	var got []string
	for _, p := range pages {
		if len(p) > 2 {
			t.Fatalf("page of %d", len(p))
		}
		for _, ev := range p {
			got = append(got, ev.OccurredAt.Format("15:04")+"/"+string(ev.Kind)+"/"+strconv.Itoa(len(ev.Docs))+"/"+strconv.Itoa(len(ev.Related)))
		}
	}
	want := "10:00/sale/3/0 11:00/sale/3/0 12:00/sale/2/0 13:00/sale/2/0 14:00/sale/2/0 16:00/payment/1/2"
	if strings.Join(got, " ") != want {
		t.Fatalf("events:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	first := pages[0][0]
	for _, d := range first.Docs {
		if d.ReceivedAt.IsZero() {
			t.Errorf("%s has no arrival", d.Key)
		}
		if d.Role == ontology.RoleOrder && (len(d.Products) != 1 || d.Products[0] != "TEA-OOL-250G") {
			t.Errorf("order products %q", d.Products)
		}
	}
	// The payout's balance transactions come with it, and it reconciles.
	res, ok := finance.Reconcile(pages[2][1], finance.DefaultConfig(), t0.AddDate(0, 1, 0))
	if !ok || res.Status != finance.Matched {
		t.Errorf("payout: %+v", res)
	}
	// A cursor resumes after an event; another tenant sees nothing.
	var after []string
	_ = f.s.Events(f.ctx, f.tenant, t0, t0.AddDate(0, 0, 2), finance.Cursor{At: pages[1][1].OccurredAt, ID: pages[1][1].ID}, 10,
		func(evs []finance.Event) error {
			for _, ev := range evs {
				after = append(after, ev.OccurredAt.Format("15:04"))
			}
			return nil
		})
	if strings.Join(after, " ") != "14:00 16:00" {
		t.Errorf("after the cursor: %v", after)
	}
	n := 0
	_ = f.s.Events(f.ctx, neo4jtest.Tenant(t), t0, t0.AddDate(0, 0, 2), finance.Cursor{}, 10, func(evs []finance.Event) error {
		n += len(evs)
		return nil
	})
	if n != 0 {
		t.Errorf("another tenant read %d events", n)
	}
	clock, err := f.s.LatestArrival(f.ctx, f.tenant)
	if err != nil || clock.IsZero() || time.Since(clock) > time.Minute {
		t.Errorf("data clock %s %v", clock, err)
	}
}

func TestReconciliationRunsRememberTheirWatermark(t *testing.T) {
	f := newFinanceFixture(t)
	from, to := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	if _, ok, err := f.s.PreviousRun(f.ctx, f.tenant, from, to); ok || err != nil {
		t.Fatalf("a run before the first: %v %v", ok, err)
	}
	w := time.Date(2025, 4, 2, 8, 0, 0, 0, time.UTC)
	for _, mark := range []time.Time{w, w.Add(-time.Hour)} {
		if err := f.s.RecordRun(f.ctx, finance.Summary{Tenant: f.tenant, From: from, To: to, Watermark: mark, Events: 3}); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := f.s.PreviousRun(f.ctx, f.tenant, from, to)
	if err != nil || !ok || !got.Equal(w) {
		t.Errorf("watermark %s %v %v, want %s", got, ok, err, w)
	}
	if _, ok, _ := f.s.PreviousRun(f.ctx, neo4jtest.Tenant(t), from, to); ok {
		t.Error("another tenant sees the run")
	}
}
