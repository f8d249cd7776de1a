package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

const countMutation = `mutation($lot: String, $n: Decimal!, $by: String!, $at: Time) {
  recordCount(sku: "tea", location: "shipbob:1", lot: $lot, counted: $n, countedBy: $by, countedAt: $at) {
    id counted ledger difference countedBy recordedBy event { id }
  }
}`

type countAnswer struct {
	RecordCount struct {
		ID, Counted, Ledger, Difference, CountedBy, RecordedBy string
		Event                                                  struct{ ID string }
	}
}

// TestCountsBookTheDifferenceAndScoreAccuracy: a count books what it differs from the
// ledger as an adjustment whose evidence is the count; counting again books nothing more;
// the same count sent twice books once; stock accuracy takes each cell's latest count.
func TestCountsBookTheDifferenceAndScoreAccuracy(t *testing.T) {
	cfg := testConfig(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, s.App, tenant, "TEA", 10)

	count := func(lot any, n, by string, at any) countAnswer {
		t.Helper()
		var a countAnswer
		if r := graphQL(t, base, tenant, countMutation, map[string]any{"lot": lot, "n": n, "by": by, "at": at}, &a); len(r.Errors) > 0 {
			t.Fatalf("recordCount %s: %+v", n, r.Errors)
		}
		return a
	}
	first := count(nil, "8", "ann (PDA 7)", nil).RecordCount
	if first.Ledger != "10" || first.Difference != "-2" || first.Counted != "8" || first.RecordedBy == "" || first.Event.ID != first.ID {
		t.Fatalf("first count = %+v", first)
	}
	if rows := waitStock(t, base, tenant, "TEA", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].OnHand == "8" }); rows[0].Available != "8" {
		t.Fatalf("stock after the count = %+v", rows)
	}
	var ev struct {
		InventoryEvent struct {
			Kind      string
			Movements []struct{ Bucket, Qty, Reason string }
			Count     struct{ Counted, Ledger, CountedBy string }
		}
	}
	graphQL(t, base, tenant, `query($id: ID!) { inventoryEvent(id: $id) { kind movements { bucket qty reason } count { counted ledger countedBy } } }`,
		map[string]any{"id": first.Event.ID}, &ev)
	e := ev.InventoryEvent
	if e.Kind != "adjustment" || len(e.Movements) != 1 || e.Movements[0].Qty != "-2" || e.Movements[0].Reason != "count" ||
		e.Movements[0].Bucket != "onHand" || e.Count.Counted != "8" || e.Count.Ledger != "10" || e.Count.CountedBy != "ann (PDA 7)" {
		t.Fatalf("the count's event = %+v", e)
	}

	if again := count(nil, "8", "ann (PDA 7)", nil).RecordCount; again.Difference != "0" || again.Ledger != "8" || again.ID == first.ID {
		t.Fatalf("counting again = %+v", again)
	}
	at := time.Now().UTC().Add(-time.Minute).Format(time.RFC3339)
	lotted := count("L1", "3", "bo", at).RecordCount
	if replay := count("L1", "3", "bo", at).RecordCount; replay != lotted || lotted.Difference != "3" {
		t.Fatalf("the same count twice = %+v then %+v", lotted, replay)
	}
	rows := waitStock(t, base, tenant, "TEA", func(rs []stockRow) bool { return len(rs) == 2 })
	if rows[0].Lot != "" || rows[0].OnHand != "8" || rows[1].Lot != "L1" || rows[1].OnHand != "3" {
		t.Fatalf("stock after the lot count = %+v", rows)
	}

	accuracy := func(tolerance string) (cells, matched int, share *float64) {
		var a struct {
			StockAccuracy struct {
				Cells, Matched int
				Accuracy       *float64
				Counts         []struct{ Lot, Difference string }
			}
		}
		if r := graphQL(t, base, tenant, `query($tol: Decimal) { stockAccuracy(location: "shipbob:1", tolerance: $tol) {
		  cells matched accuracy counts { lot difference } } }`, map[string]any{"tol": tolerance}, &a); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		return a.StockAccuracy.Cells, a.StockAccuracy.Matched, a.StockAccuracy.Accuracy
	}
	if cells, matched, share := accuracy("0"); cells != 2 || matched != 1 || share == nil || *share != 0.5 {
		t.Fatalf("accuracy exact = %d cells, %d matched, %v", cells, matched, share)
	}
	if cells, matched, share := accuracy("3"); cells != 2 || matched != 2 || *share != 1 {
		t.Fatalf("accuracy within 3 = %d cells, %d matched, %v", cells, matched, *share)
	}

	if r := graphQL(t, base, tenant, countMutation, map[string]any{"n": "1", "by": " "}, nil); code(r) != "BAD_USER_INPUT" {
		t.Errorf("a count by nobody answered %+v", r.Errors)
	}
	future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	if r := graphQL(t, base, tenant, countMutation, map[string]any{"n": "1", "by": "ann", "at": future}, nil); code(r) != "BAD_USER_INPUT" {
		t.Errorf("a count in the future answered %+v", r.Errors)
	}
	if r := graphQLAs(t, base, mintKey(t, tenant, "reader"), countMutation, map[string]any{"n": "1", "by": "ann"}, nil); code(r) != "FORBIDDEN" {
		t.Errorf("a reader's count answered %+v", r.Errors)
	}
	var op countAnswer
	if r := graphQLAs(t, base, mintKey(t, tenant, "operator"), countMutation, map[string]any{"n": "8", "by": "night shift"}, &op); len(r.Errors) > 0 ||
		op.RecordCount.Difference != "0" {
		t.Errorf("an operator's count answered %+v, %+v", op, r.Errors)
	}
	var out bytes.Buffer
	if err := runCache(context.Background(), cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil {
		t.Fatalf("seam cache verify = %q, %v", out.String(), err)
	}
}

// TestACountSyncedLateComparesWithTheLedgerThen: a count sent after goods moved (a PDA
// offline for a shift) books its difference from the ledger as it stood when the goods
// were counted, not from today's; a count from before the cell's latest count is refused,
// since that one already set the stock.
func TestACountSyncedLateComparesWithTheLedgerThen(t *testing.T) {
	cfg := testConfig(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	now := time.Now().UTC().Truncate(time.Second)
	receive := func(id string, n int64, at time.Time) {
		t.Helper()
		d := ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "shipbob", Type: "receipt", ExternalID: id},
			Role: ontology.RoleReceipt, Verb: ontology.VerbReceived, OccurredAt: at,
			Location: &ontology.LocationRef{System: "shipbob", Code: "1"},
			Lines:    []ontology.Line{{SKU: "TEA", Qty: ontology.Units(n)}},
		}
		raw, _ := json.Marshal(d)
		if _, err := s.App.store.SaveDocuments(context.Background(), []ontology.Envelope{{Doc: d, Raw: raw}}); err != nil {
			t.Fatal(err)
		}
		st, err := s.App.matcher.Process(context.Background(), tenant, 10)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.App.projector.Project(context.Background(), tenant, st.Movements); err != nil {
			t.Fatal(err)
		}
	}
	receive("r-1", 100, now.Add(-3*time.Hour))
	receive("r-2", 5, now.Add(-time.Hour))
	count := func(n string, at time.Time) (countAnswer, gqlResponse) {
		var a countAnswer
		r := graphQL(t, base, tenant, countMutation, map[string]any{"n": n, "by": "ann (PDA 7)", "at": at.Format(time.RFC3339)}, &a)
		return a, r
	}
	late, r := count("98", now.Add(-2*time.Hour))
	if len(r.Errors) > 0 || late.RecordCount.Ledger != "100" || late.RecordCount.Difference != "-2" {
		t.Fatalf("a count two hours back, sent now: %+v %+v; want the ledger then (100), difference -2", late.RecordCount, r.Errors)
	}
	if rows := waitStock(t, base, tenant, "TEA", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].OnHand == "103" }); len(rows) != 1 {
		t.Fatalf("stock after the late count = %+v", rows)
	}
	if c, r := count("103", now.Add(-30*time.Minute)); len(r.Errors) > 0 || c.RecordCount.Ledger != "103" || c.RecordCount.Difference != "0" {
		t.Fatalf("a count after both receipts: %+v %+v", c.RecordCount, r.Errors)
	}
	_, r = count("5", now.Add(-90*time.Minute))
	if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "a later count of this cell") {
		t.Fatalf("a count from before the latest one answered %+v", r.Errors)
	}
	var out bytes.Buffer
	if err := runCache(context.Background(), cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil {
		t.Fatalf("seam cache verify = %q, %v", out.String(), err)
	}
}
