package main

import (
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestReplenishments: receipts at two locations come back newest first, one location's
// alone when asked; a sale is no replenishment, and first bounds the list.
func TestReplenishments(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, alertsConfig(t, tenant))
	base := "http://" + s.Addr
	key := adminKey(t, tenant)
	book(t, s, receipt(tenant, "r-1", "WH1", "OAT-1L", "L1", 10))
	waitStock(t, base, tenant, "OAT-1L", func(rs []stockRow) bool { return len(rs) == 1 })
	book(t, s, receipt(tenant, "r-2", "ST1", "OAT-1L", "L1", 5))
	waitStock(t, base, tenant, "OAT-1L", func(rs []stockRow) bool { return len(rs) == 2 })
	book(t, s, receipt(tenant, "r-3", "WH1", "OAT-1L", "L2", 20))
	book(t, s, posSale(tenant, "sale-1", "OAT-1L", "L1", 2))
	waitStock(t, base, tenant, "OAT-1L", func(rs []stockRow) bool {
		n := 0
		for _, r := range rs {
			if (r.Lot == "L2" && r.OnHand == "20") || (r.Location == "STORE-1" && r.OnHand == "3") {
				n++
			}
		}
		return n == 2
	})

	type repl struct{ EventID, Kind, Location, Lot, Qty, At string }
	ask := func(vars map[string]any) []repl {
		t.Helper()
		var out struct{ Replenishments []repl }
		r, _ := graphQLWith(t, base, key, nil, `query($sku: String!, $loc: String, $first: Int) {
			replenishments(sku: $sku, location: $loc, first: $first) { eventId kind location lot qty at } }`, vars, &out)
		if len(r.Errors) > 0 {
			t.Fatalf("replenishments %v: %+v", vars, r.Errors)
		}
		return out.Replenishments
	}
	got := ask(map[string]any{"sku": "OAT-1L", "first": 10})
	want := []repl{{Kind: "receipt", Location: "WH-1", Lot: "L2", Qty: "20"}, {Kind: "receipt", Location: "STORE-1", Lot: "L1", Qty: "5"},
		{Kind: "receipt", Location: "WH-1", Lot: "L1", Qty: "10"}}
	if len(got) != len(want) {
		t.Fatalf("replenishments = %+v, want %+v", got, want)
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.Kind || g.Location != w.Location || g.Lot != w.Lot || g.Qty != w.Qty || g.EventID == "" || g.At == "" {
			t.Errorf("replenishment %d = %+v, want %+v", i, g, w)
		}
	}
	if got := ask(map[string]any{"sku": "OAT-1L", "loc": "WH-1"}); len(got) != 2 || got[0].Lot != "L2" || got[1].Lot != "L1" {
		t.Errorf("at WH-1: %+v", got)
	}
	if got := ask(map[string]any{"sku": "OAT-1L", "first": 1}); len(got) != 1 || got[0].Qty != "20" {
		t.Errorf("first 1: %+v", got)
	}
	var out struct{ Replenishments []repl }
	if r, _ := graphQLWith(t, base, key, nil, `{ replenishments(sku: "OAT-1L", first: 0) { eventId } }`, nil, &out); len(r.Errors) == 0 {
		t.Error("first: 0 was accepted")
	}
}
