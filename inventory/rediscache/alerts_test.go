package rediscache_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestSensorStateKeepsTheExcursionStart: the latest reading wins, an older one changes
// nothing, and a run of readings outside the zone keeps the time of its first.
func TestSensorStateKeepsTheExcursionStart(t *testing.T) {
	c := rediscache.New(redistest.Open(t))
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t0 := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	temp := func(min int, v string, out bool) {
		t.Helper()
		if err := c.RecordSensor(ctx, tenant, "P1", inventory.MetricTemperature, t0.Add(time.Duration(min)*time.Minute), decimal.RequireFromString(v), out); err != nil {
			t.Fatal(err)
		}
	}
	state := func() inventory.SensorState {
		t.Helper()
		got, err := c.SensorStates(ctx, tenant, []string{"P1", "P2"})
		if err != nil {
			t.Fatal(err)
		}
		if got["P2"].Weight != nil || got["P2"].Temperature != nil || got["P1"].Weight != nil {
			t.Fatalf("state of what was never read: %+v", got)
		}
		return *got["P1"].Temperature
	}
	for _, step := range []struct {
		min       int
		v         string
		out       bool
		wantAt    int
		wantValue string
		wantSince int // -1: in the zone
	}{
		{0, "5", false, 0, "5", -1},
		{2, "9.5", true, 2, "9.5", 2},
		{5, "11", true, 5, "11", 2},
		{4, "12", true, 5, "11", 2}, // late: older than the kept one
		{5, "13", true, 5, "11", 2}, // the same instant again: a redelivery
		{7, "-0.5", true, 7, "-0.5", 2},
		{9, "4", false, 9, "4", -1},
		{11, "10", true, 11, "10", 11},
	} {
		temp(step.min, step.v, step.out)
		got := state()
		since := time.Time{}
		if step.wantSince >= 0 {
			since = t0.Add(time.Duration(step.wantSince) * time.Minute)
		}
		if !got.At.Equal(t0.Add(time.Duration(step.wantAt)*time.Minute)) || got.Value.String() != step.wantValue || !got.OutSince.Equal(since) {
			t.Fatalf("after %+v: state %+v", step, got)
		}
	}
	if err := c.RecordSensor(ctx, tenant, "P1", inventory.MetricWeight, t0, decimal.RequireFromString("130.25"), false); err != nil {
		t.Fatal(err)
	}
	got, _ := c.SensorStates(ctx, tenant, []string{"P1"})
	if w := got["P1"].Weight; w == nil || w.Value.String() != "130.25" || !w.OutSince.IsZero() {
		t.Fatalf("weight = %+v", w)
	}
}

// TestAlertsAndStockChangesReachSubscribers: a published alert reaches its tenant's
// subscribers only; a stock change reaches the every-tenant subscription with its tenant.
func TestAlertsAndStockChangesReachSubscribers(t *testing.T) {
	rdb := redistest.Open(t)
	c := rediscache.New(rdb)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tenant, other := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	mine, err := c.SubscribeAlerts(ctx, tenant)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := c.SubscribeAlerts(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	all, err := c.SubscribeAllStock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a := inventory.Alert{ID: "al_1", Tenant: tenant, Rule: inventory.RuleColdChain, Status: inventory.AlertOpen,
		Cell: ontology.Cell{SKU: "MILK", Location: "WH", Lot: "L1"}, Evidence: []inventory.Figure{{Name: "temperatureC", Value: "11"}}}
	if err := c.PublishAlert(ctx, tenant, a); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-mine:
		if got.ID != "al_1" || got.Cell != a.Cell || got.Evidence[0].Value != "11" {
			t.Fatalf("received %+v", got)
		}
	case <-ctx.Done():
		t.Fatal("alert not delivered")
	}
	if _, err := c.Apply(ctx, tenant, []ontology.Movement{mv(tenant+"-ev:1", "MILK", "WH", ontology.BucketOnHand, 3)}); err != nil {
		t.Fatal(err)
	}
	for {
		select {
		case got := <-all:
			if got.Tenant != tenant {
				continue // other tests' tenants move stock meanwhile
			}
			if got.SKU != "MILK" || got.Location != "WH" {
				t.Fatalf("stock change = %+v", got)
			}
		case <-ctx.Done():
			t.Fatal("stock change not delivered to the every-tenant subscription")
		}
		break
	}
	select {
	case got := <-theirs:
		t.Fatalf("another tenant received %+v", got)
	case <-time.After(100 * time.Millisecond):
	}
}
