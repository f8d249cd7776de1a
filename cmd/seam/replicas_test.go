package main

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestStockChangesReachEveryReplica: two `seam serve` replicas share Neo4j and Redis; a
// client subscribed on one sees every change made through the other, in order, because
// changes fan out through Redis pub/sub rather than inside a process.
func TestStockChangesReachEveryReplica(t *testing.T) {
	cfg := testConfig(t)
	a := startServer(t, cfg)
	cfg.MQTT.ClientID += "-b"
	b := startServer(t, cfg)
	tenant := neo4jtest.Tenant(t)
	receiveAt(t, a.App, tenant, "BOWL", 30)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	w := subscribe(t, ctx, b.Addr, adminKey(t, tenant), `subscription { stockChanged(sku: "bowl") { sku location reserved available } }`)

	partner := mintKey(t, tenant, "partner", "--systems", "shopify")
	const n = 20
	for i := range n {
		var r reserveAnswer
		if res := graphQLAs(t, "http://"+a.Addr, partner, reserveMutation, reserveVars("BOWL", "1", fmt.Sprintf("k%d", i)), &r); len(res.Errors) > 0 || !r.Reserve.OK {
			t.Fatalf("reserve %d on replica a: %+v, %+v", i, r, res.Errors)
		}
	}
	last := 0
	for i := range n {
		m := w.next()
		if m.Type != "next" {
			t.Fatalf("change %d: subscription on replica b sent %+v", i, m)
		}
		var p struct {
			Data struct {
				StockChanged struct{ SKU, Location, Reserved, Available string }
			}
		}
		if err := json.Unmarshal(m.Payload, &p); err != nil {
			t.Fatal(err)
		}
		var reserved int
		fmt.Sscan(p.Data.StockChanged.Reserved, &reserved)
		if p.Data.StockChanged.SKU != "BOWL" || reserved < last || reserved > n {
			t.Fatalf("change %d = %+v after reserved %d", i, p.Data.StockChanged, last)
		}
		last = reserved
	}
	if last != n {
		t.Fatalf("the last change replica b pushed shows %d reserved; want %d", last, n)
	}
	// Replica b answers stock for any spelling from Redis and its own memory.
	rows := waitStock(t, "http://"+b.Addr, tenant, "Bowl", func(rs []stockRow) bool { return len(rs) == 1 })
	if rows[0].Reserved != "20" || rows[0].Available != "10" {
		t.Fatalf("stock on replica b = %+v", rows)
	}
}
