package neo4jstore_test

import (
	"context"
	"errors"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

func coldChain(sku, lot, temp string) inventory.Condition {
	return inventory.Condition{Rule: inventory.RuleColdChain, Cell: ontology.Cell{SKU: sku, Location: "WH", Lot: lot},
		Severity: inventory.SeverityCritical, Message: "too warm", Evidence: []inventory.Figure{{Name: "temperatureC", Value: temp}}}
}

func stockout(sku string, qty int64) inventory.Condition {
	return inventory.Condition{Rule: inventory.RuleStockout, Cell: ontology.Cell{SKU: sku, Location: "STORE"},
		Severity: inventory.SeverityWarning, Message: "running out",
		Proposal: &inventory.TransferProposal{SKU: sku, From: "WH", To: "STORE", Qty: ontology.Units(qty),
			Lines: []inventory.TransferLine{{Lot: "L1", Qty: ontology.Units(qty)}}}}
}

// TestSyncAlertsRaisesOncePerCondition: a condition raises one alert while it lasts,
// however often and from however many replicas it is evaluated; its figures follow the
// latest evaluation; once it is gone the alert is resolved, and it coming back is a new
// alert.
func TestSyncAlertsRaisesOncePerCondition(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	now := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)

	// Eight replicas evaluate the same change at once.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var raised []inventory.Alert
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := s.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{coldChain("MILK", "L1", "11"), stockout("MILK", 5)}, now)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			raised = append(raised, got...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if len(raised) != 2 {
		t.Fatalf("8 concurrent evaluations raised %d alerts, want 2: %+v", len(raised), raised)
	}
	first := map[inventory.AlertRule]inventory.Alert{}
	for _, a := range raised {
		first[a.Rule] = a
	}
	if p := first[inventory.RuleStockout].Proposal; p == nil || p.Qty != ontology.Units(5) || p.Lines[0].Lot != "L1" {
		t.Fatalf("stored proposal = %+v", p)
	}

	// Still true, warmer: nothing raised, the figures follow.
	if got, err := s.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{coldChain("MILK", "L1", "12.5"), stockout("MILK", 5)}, now.Add(time.Minute)); err != nil || len(got) != 0 {
		t.Fatalf("same conditions again raised %+v, %v", got, err)
	}
	cc, err := s.Alert(ctx, tenant, first[inventory.RuleColdChain].ID)
	if err != nil || cc == nil || cc.Evidence[0].Value != "12.5" || !cc.RaisedAt.Equal(now) || cc.Status != inventory.AlertOpen ||
		!cc.UpdatedAt.Equal(now.Add(time.Minute)) {
		t.Fatalf("cold chain alert = %+v, %v", cc, err)
	}
	// The same figures again write nothing.
	if got, err := s.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{coldChain("MILK", "L1", "12.5"), stockout("MILK", 5)}, now.Add(90*time.Second)); err != nil || len(got) != 0 {
		t.Fatalf("identical conditions raised %+v, %v", got, err)
	}
	if again, _ := s.Alert(ctx, tenant, cc.ID); !again.UpdatedAt.Equal(now.Add(time.Minute)) {
		t.Fatalf("identical conditions touched the alert: %+v", again)
	}

	// Acknowledged: still holds its key.
	ack, err := s.AcknowledgeAlert(ctx, tenant, cc.ID, "person:night shift", now.Add(2*time.Minute))
	if err != nil || ack.Status != inventory.AlertAcknowledged || ack.AckedBy != "person:night shift" {
		t.Fatalf("acknowledge = %+v, %v", ack, err)
	}
	if got, _ := s.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{coldChain("MILK", "L1", "12"), stockout("MILK", 5)}, now.Add(3*time.Minute)); len(got) != 0 {
		t.Fatalf("an acknowledged condition raised again: %+v", got)
	}

	// The cold chain recovers: resolved. The stock-out holds.
	if _, err := s.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{stockout("MILK", 5)}, now.Add(4*time.Minute)); err != nil {
		t.Fatal(err)
	}
	resolved, _ := s.Alert(ctx, tenant, cc.ID)
	if resolved.Status != inventory.AlertResolved || !resolved.ResolvedAt.Equal(now.Add(4*time.Minute)) {
		t.Fatalf("recovered alert = %+v", resolved)
	}
	if _, err := s.AcknowledgeAlert(ctx, tenant, cc.ID, "x", now); !errors.Is(err, inventory.ErrAlertResolved) {
		t.Fatalf("acknowledging a resolved alert: %v", err)
	}
	open, _ := s.Alerts(ctx, tenant, inventory.AlertOpen, 10)
	if len(open) != 1 || open[0].Rule != inventory.RuleStockout {
		t.Fatalf("open alerts = %+v", open)
	}

	// Warm again: a new alert.
	again, err := s.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{coldChain("MILK", "L1", "10"), stockout("MILK", 5)}, now.Add(5*time.Minute))
	if err != nil || len(again) != 1 || again[0].ID == cc.ID {
		t.Fatalf("a new excursion raised %+v, %v", again, err)
	}
	all, _ := s.Alerts(ctx, tenant, "", 10)
	if len(all) != 3 {
		t.Fatalf("alerts = %d, want 3 (one resolved, two open)", len(all))
	}
	// Another product's evaluation resolves nothing of this one.
	if _, err := s.SyncAlerts(ctx, tenant, "BEANS", nil, now.Add(6*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if open, _ := s.Alerts(ctx, tenant, inventory.AlertOpen, 10); len(open) != 2 {
		t.Fatalf("open alerts after another product's evaluation = %+v", open)
	}
	products, err := s.OpenAlertProducts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range products {
		found = found || p.Tenant == tenant && p.SKU == "MILK"
	}
	if !found {
		t.Fatalf("open alert products %+v lack %s/MILK", products, tenant)
	}
}

// TestSyncAlertsAcrossReplicas: each replica remembers what it last stored, and that
// memory never outvotes the store: what another replica changed meanwhile is seen.
func TestSyncAlertsAcrossReplicas(t *testing.T) {
	a, b := neo4jtest.Open(t), neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	now := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	warm := []inventory.Condition{coldChain("MILK", "L1", "11")}
	open := func() []inventory.Alert {
		t.Helper()
		as, err := a.Alerts(ctx, tenant, inventory.AlertOpen, 10)
		if err != nil {
			t.Fatal(err)
		}
		return as
	}

	first, err := a.SyncAlerts(ctx, tenant, "MILK", warm, now)
	if err != nil || len(first) != 1 {
		t.Fatalf("replica a raised %+v, %v", first, err)
	}
	// Replica b sees the condition gone and resolves it; a, which last stored it, sees it
	// again with the same figures: a new alert, not "nothing changed".
	if _, err := b.SyncAlerts(ctx, tenant, "MILK", nil, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n := len(open()); n != 0 {
		t.Fatalf("%d open after b resolved", n)
	}
	again, err := a.SyncAlerts(ctx, tenant, "MILK", warm, now.Add(2*time.Minute))
	if err != nil || len(again) != 1 || again[0].ID == first[0].ID {
		t.Fatalf("replica a after b resolved raised %+v, %v", again, err)
	}
	// b moves the figures; a's same old figures put them back.
	if _, err := b.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{coldChain("MILK", "L1", "14")}, now.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got, err := a.SyncAlerts(ctx, tenant, "MILK", warm, now.Add(4*time.Minute)); err != nil || len(got) != 0 {
		t.Fatalf("a's figures again raised %+v, %v", got, err)
	}
	if as := open(); len(as) != 1 || as[0].ID != again[0].ID || as[0].Evidence[0].Value != "11" {
		t.Fatalf("open after a synced its figures = %+v, want alert %s at 11", as, again[0].ID)
	}
	// a resolves what it raised though b last wrote it.
	if _, err := a.SyncAlerts(ctx, tenant, "MILK", nil, now.Add(5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n := len(open()); n != 0 {
		t.Fatalf("%d open after a resolved", n)
	}
}

// TestBookTransfer: one transfer per alert, its movements awaiting projection, and no
// other tenant can see or act on the alert.
func TestBookTransfer(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant, other := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	now := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	raised, err := s.SyncAlerts(ctx, tenant, "MILK", []inventory.Condition{stockout("MILK", 5)}, now)
	if err != nil || len(raised) != 1 {
		t.Fatalf("raise = %+v, %v", raised, err)
	}
	a := raised[0]
	tr := inventory.Transfer{EventID: inventory.TransferEventID(tenant, a.ID), AlertID: a.ID, Proposal: *a.Proposal,
		By: "person:ops", At: now.Add(time.Minute)}
	tr.Movements = inventory.TransferMovements(tenant, tr.EventID, tr.Proposal, tr.At)

	if got, _ := s.Alert(ctx, other, a.ID); got != nil {
		t.Fatalf("another tenant reads the alert: %+v", got)
	}
	if _, err := s.AcknowledgeAlert(ctx, other, a.ID, "x", now); !errors.Is(err, inventory.ErrAlertNotFound) {
		t.Fatalf("another tenant acknowledges: %v", err)
	}
	if err := s.BookTransfer(ctx, other, tr); !errors.Is(err, inventory.ErrAlertNotFound) {
		t.Fatalf("another tenant books: %v", err)
	}

	if err := s.BookTransfer(ctx, tenant, tr); err != nil {
		t.Fatal(err)
	}
	if err := s.BookTransfer(ctx, tenant, tr); !errors.Is(err, inventory.ErrTransferBooked) {
		t.Fatalf("second booking: %v", err)
	}
	un, err := s.Unprojected(ctx, tenant, 10)
	if err != nil || len(un) != 2 || un[0].Qty+un[1].Qty != 0 || un[0].EventID != tr.EventID {
		t.Fatalf("unprojected = %+v, %v", un, err)
	}
	// Planning sees the lot where it went, once: the second booking added nothing.
	_, lots, err := neo4jstore.LotStockPlan(ctx, s, tenant, []inventory.Place{{SKU: "MILK", Location: "STORE"}, {SKU: "MILK", Location: "WH"}})
	if want := map[string]int64{"MILK/STORE/L1": int64(ontology.Units(5))}; err != nil || !maps.Equal(lots, want) {
		t.Fatalf("lots on hand after the transfer = %v, %v; want %v", lots, err, want)
	}
	got, _ := s.Alert(ctx, tenant, a.ID)
	if got.TransferID != tr.EventID {
		t.Fatalf("alert after booking = %+v", got)
	}
	ev, err := s.EventDetail(ctx, tenant, tr.EventID)
	if err != nil || ev == nil || ev.Event.Kind != ontology.KindTransfer || len(ev.Movements) != 2 || ev.Event.Location != "STORE" {
		t.Fatalf("transfer event = %+v, %v", ev, err)
	}
	// A transfer is not consumption.
	if c, err := s.Consumption(ctx, tenant, "MILK", now.Add(-time.Hour)); err != nil || len(c) != 0 {
		t.Fatalf("consumption = %v, %v", c, err)
	}
	if n, err := s.DeleteTenant(ctx, tenant); err != nil || n == 0 {
		t.Fatalf("delete tenant = %d, %v", n, err)
	}
	if all, _ := s.Alerts(ctx, tenant, "", 10); len(all) != 0 {
		t.Fatalf("alerts survive the tenant: %+v", all)
	}
}
