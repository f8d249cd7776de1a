package rediscache_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

func mv(id, sku, loc string, b ontology.Bucket, n int64) ontology.Movement {
	return ontology.Movement{ID: id, SKU: sku, Location: loc, Bucket: b, Qty: ontology.Units(n)}
}

func TestApplyCountsEachMovementOnce(t *testing.T) {
	c := rediscache.New(redistest.Open(t))
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	ms := []ontology.Movement{
		mv("ev1:1", "TEA", "WH", ontology.BucketOnHand, 10),
		mv("ev1:2", "TEA", "WH", ontology.BucketReserved, 2),
		mv("ev2:1", "TEA", "STORE", ontology.BucketOnHand, -1),
	}
	n, err := c.Apply(ctx, tenant, ms)
	if err != nil || n != 3 {
		t.Fatalf("first apply = %d, %v", n, err)
	}
	// A retry, a second replica, a restart between Redis and the ledger's mark.
	n, err = c.Apply(ctx, tenant, ms)
	if err != nil || n != 0 {
		t.Fatalf("repeat apply = %d, %v", n, err)
	}
	rows, err := c.Stock(ctx, tenant, "TEA", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Location != "STORE" || rows[0].OnHand != ontology.Units(-1) ||
		rows[1].OnHand != ontology.Units(10) || rows[1].Reserved != ontology.Units(2) || rows[1].Available() != ontology.Units(8) {
		t.Fatalf("stock = %+v", rows)
	}
	only, err := c.Stock(ctx, tenant, "TEA", "WH")
	if err != nil || len(only) != 1 {
		t.Fatalf("stock at WH = %+v, %v", only, err)
	}
	other, err := c.Stock(ctx, neo4jtest.Tenant(t), "TEA", "")
	if err != nil || len(other) != 0 {
		t.Fatalf("another tenant sees %+v", other)
	}
}

func TestSubscribeSeesChanges(t *testing.T) {
	c := rediscache.New(redistest.Open(t))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tenant := neo4jtest.Tenant(t)
	ch, err := c.Subscribe(ctx, tenant)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Apply(ctx, tenant, []ontology.Movement{mv("e:1", "MUG", "WH", ontology.BucketOnHand, 1)}); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-ch:
		if got != (ontology.Cell{SKU: "MUG", Location: "WH"}) {
			t.Fatalf("change = %+v", got)
		}
	case <-ctx.Done():
		t.Fatal("no change announced")
	}
}

func TestReplaceDropsCellsTheLedgerLacks(t *testing.T) {
	c := rediscache.New(redistest.Open(t))
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	c.Apply(ctx, tenant, []ontology.Movement{mv("a:1", "OLD", "WH", ontology.BucketOnHand, 5)})
	err := c.Replace(ctx, tenant, []inventory.Stock{{Cell: ontology.Cell{SKU: "NEW", Location: "WH"}, OnHand: ontology.Units(7)}})
	if err != nil {
		t.Fatal(err)
	}
	skus, _ := c.SKUs(ctx, tenant)
	if len(skus) != 1 || skus[0] != "NEW" {
		t.Fatalf("skus after replace = %v", skus)
	}
	if rows, _ := c.Stock(ctx, tenant, "OLD", ""); len(rows) != 0 {
		t.Fatalf("old cell survived: %+v", rows)
	}
}

// A product stocked at many locations and lots reads back every cell once, with each of
// its buckets, past the point where Stock indexes its cells.
func TestStockReadsManyCells(t *testing.T) {
	c := rediscache.New(redistest.Open(t))
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	var ms []ontology.Movement
	for i := range 40 {
		loc := fmt.Sprintf("S%02d", i)
		for _, lot := range []string{"", "A"} {
			m := mv(fmt.Sprintf("r%d%s:1", i, lot), "TEA", loc, ontology.BucketOnHand, int64(i+1))
			m.Lot = lot
			r := mv(fmt.Sprintf("r%d%s:2", i, lot), "TEA", loc, ontology.BucketReserved, 1)
			r.Lot = lot
			ms = append(ms, m, r)
		}
	}
	if _, err := c.Apply(ctx, tenant, ms); err != nil {
		t.Fatal(err)
	}
	rows, err := c.Stock(ctx, tenant, "TEA", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 80 {
		t.Fatalf("%d cells, want 80", len(rows))
	}
	for k, r := range rows {
		i := k / 2
		if want := fmt.Sprintf("S%02d", i); r.Location != want || r.Lot != []string{"", "A"}[k%2] ||
			r.OnHand != ontology.Units(int64(i+1)) || r.Reserved != ontology.Units(1) || r.UpdatedAt.IsZero() {
			t.Fatalf("cell %d = %+v, want %s lot %q with %d on hand, 1 reserved", k, r, want, []string{"", "A"}[k%2], i+1)
		}
	}
	at, err := c.Stock(ctx, tenant, "TEA", "S07")
	if err != nil || len(at) != 2 || at[0].OnHand != ontology.Units(8) {
		t.Fatalf("stock at S07 = %+v, %v", at, err)
	}
}

// TestSettleShortensTheMemoryOfMarkedMovements: a movement the ledger marked projected is
// remembered for an hour, not a week, and is still applied only once meanwhile; a
// movement not settled keeps its week (a crash before the mark relies on it).
func TestSettleShortensTheMemoryOfMarkedMovements(t *testing.T) {
	rdb := redistest.Open(t)
	c := rediscache.New(rdb)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	ms := []ontology.Movement{
		mv("ev1:1", "TEA", "WH", ontology.BucketOnHand, 10),
		mv("ev2:1", "TEA", "WH", ontology.BucketOnHand, -1),
	}
	if _, err := c.Apply(ctx, tenant, ms); err != nil {
		t.Fatal(err)
	}
	if err := c.Settle(ctx, tenant, []string{"ev1:1", "never-applied"}); err != nil {
		t.Fatal(err)
	}
	ttl := func(id string) time.Duration {
		t.Helper()
		d, err := rdb.TTL(ctx, "seam:{"+tenant+"}:applied:"+id).Result()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := ttl("ev1:1"); d <= 0 || d > time.Hour {
		t.Fatalf("settled movement's guard lives %v, want at most an hour", d)
	}
	if d := ttl("ev2:1"); d <= 24*time.Hour {
		t.Fatalf("unsettled movement's guard lives %v, want its week", d)
	}
	if d := ttl("never-applied"); d != -2 {
		t.Fatalf("settling a movement never applied left a key (TTL %v)", d)
	}
	// Settling again keeps the hour, and the settled movement still counts once.
	if err := c.Settle(ctx, tenant, []string{"ev1:1"}); err != nil {
		t.Fatal(err)
	}
	if d := ttl("ev1:1"); d <= 0 || d > time.Hour {
		t.Fatalf("a second settle left the guard at %v", d)
	}
	if n, err := c.Apply(ctx, tenant, ms); err != nil || n != 0 {
		t.Fatalf("repeat apply after settle = %d, %v", n, err)
	}
}

// TestDropTenantRemovesEveryKeyOfItsTenantOnly: stock, names and guards of the tenant go;
// a tenant whose name the first one's would match as a glob stays.
func TestDropTenantRemovesEveryKeyOfItsTenantOnly(t *testing.T) {
	rdb := redistest.Open(t)
	c := rediscache.New(rdb)
	ctx := context.Background()
	base := neo4jtest.Tenant(t)
	gone, kept := base+"*", base+"-kept"
	for _, tenant := range []string{gone, kept} {
		if _, err := c.Apply(ctx, tenant, []ontology.Movement{mv("ev1:1", "TEA", "WH", ontology.BucketOnHand, 4)}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := c.DropTenant(ctx, gone)
	if err != nil {
		t.Fatal(err)
	}
	if n < 3 { // stock hash, SKU set, applied guard
		t.Fatalf("dropped %d keys, want at least 3", n)
	}
	if left := redistest.Keys(t, rdb, "seam:{"+base+"\\*}:*"); len(left) != 0 {
		t.Fatalf("keys left behind: %v", left)
	}
	rows, err := c.Stock(ctx, kept, "TEA", "")
	if err != nil || len(rows) != 1 || rows[0].OnHand != ontology.Units(4) {
		t.Fatalf("the other tenant's stock = %+v, %v", rows, err)
	}
	if _, err := c.DropTenant(ctx, ""); err == nil {
		t.Fatal("dropping the empty tenant name succeeded")
	}
}

// TestSetExpiriesReachEveryCellOfTheirLots: one call names cells of two products; each
// named cell gets its lot's expiry, and so does every other cell of the same lot (a
// place the lot was received at before), while another lot of the same product and a
// same-named lot of another product keep theirs.
func TestSetExpiriesReachEveryCellOfTheirLots(t *testing.T) {
	c := rediscache.New(redistest.Open(t))
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	lot := func(m ontology.Movement, l string) ontology.Movement { m.Lot = l; return m }
	if _, err := c.Apply(ctx, tenant, []ontology.Movement{
		lot(mv("r1:1", "TEA", "WH", ontology.BucketOnHand, 10), "L1"),
		lot(mv("r1:2", "TEA", "STORE", ontology.BucketOnHand, 3), "L1"),
		lot(mv("r1:3", "TEA", "WH", ontology.BucketOnHand, 4), "L2"),
		lot(mv("r2:1", "MILK", "WH", ontology.BucketOnHand, 5), "L1"),
		lot(mv("r3:1", "COCOA", "WH", ontology.BucketOnHand, 5), "L1"),
	}); err != nil {
		t.Fatal(err)
	}
	tea := time.Date(2027, 1, 31, 15, 59, 59, 999e6, time.UTC)
	milk := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	err := c.SetExpiries(ctx, tenant, map[ontology.Cell]time.Time{
		{SKU: "TEA", Location: "CUSTOMS", Lot: "L1"}: tea, // the declaration's place, no cell yet
		{SKU: "MILK", Location: "WH", Lot: "L1"}:     milk,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]time.Time{
		"TEA CUSTOMS L1": tea, "TEA STORE L1": tea, "TEA WH L1": tea, "TEA WH L2": {},
		"MILK WH L1": milk, "COCOA WH L1": {},
	}
	for _, sku := range []string{"TEA", "MILK", "COCOA"} {
		rows, err := c.Stock(ctx, tenant, sku, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			k := sku + " " + r.Location + " " + r.Lot
			w, ok := want[k]
			if !ok {
				t.Errorf("unexpected cell %s", k)
				continue
			}
			delete(want, k)
			if !r.ExpiresAt.Equal(w) {
				t.Errorf("%s expires %v, want %v", k, r.ExpiresAt, w)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("cells missing: %v", want)
	}
}
