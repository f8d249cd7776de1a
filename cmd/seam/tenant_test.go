package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestTenantDeleteRemovesEverythingOfOneTenant ingests orders into two tenants, gives one
// an API key, deletes it with `seam tenant delete`: its documents, events, movements,
// keys and Redis state are gone, the other tenant's are untouched, and a delete whose
// confirmation does not repeat the name deletes nothing.
func TestTenantDeleteRemovesEverythingOfOneTenant(t *testing.T) {
	store := neo4jtest.Open(t)
	rdb := redistest.Open(t)
	ctx := context.Background()
	gone, kept := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	cfg := testConfig(t)
	for _, tenant := range []string{gone, kept} {
		dir := t.TempDir()
		writeOrders(t, dir, 20)
		if err := runIngest(ctx, cfg, slog.New(slog.DiscardHandler),
			[]string{"--tenant", tenant, "--system", "shopify", "--type", "order", "--quiet", dir}, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	mintKey(t, gone, "reader")
	stats := func(tenant string) neo4jstore.TenantStats {
		t.Helper()
		st, err := store.Stats(ctx, tenant)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	before := stats(kept)
	if st := stats(gone); st.Documents != 20 || st.Events != 20 || st.Movements == 0 {
		t.Fatalf("before the delete: %+v", st)
	}
	redisKeys := func(tenant string) []string {
		return redistest.Keys(t, rdb, "seam:{"+tenant+"}:*")
	}
	if len(redisKeys(gone)) == 0 {
		t.Fatal("the tenant has no redis keys to delete: the test proves nothing")
	}

	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := Run(ctx, append([]string{"tenant", "delete"}, args...), os.Getenv, &out, io.Discard)
		return out.String(), err
	}
	if _, err := run("--tenant", gone, "--confirm", kept); err == nil || exitCode(err) != 2 {
		t.Fatalf("a mistyped confirmation = %v, want a usage error", err)
	}
	if st := stats(gone); st.Documents != 20 {
		t.Fatalf("a refused delete deleted something: %+v", st)
	}
	out, err := run("--tenant", gone, "--confirm", gone)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "tenant "+gone+" deleted") {
		t.Fatalf("output %q", out)
	}
	if st := stats(gone); st != (neo4jstore.TenantStats{}) {
		t.Fatalf("after the delete: %+v", st)
	}
	if left := redisKeys(gone); len(left) != 0 {
		t.Fatalf("redis keys left: %v", left)
	}
	var keys bytes.Buffer
	if err := Run(ctx, []string{"keys", "list", "--tenant", gone}, os.Getenv, &keys, io.Discard); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(keys.String(), "reader") {
		t.Fatalf("the tenant's API key survived:\n%s", keys.String())
	}
	if after := stats(kept); after != before {
		t.Fatalf("the other tenant changed: %+v, was %+v", after, before)
	}
	if len(redisKeys(kept)) == 0 {
		t.Fatal("the other tenant's redis keys went too")
	}
}

// A name that cannot name a tenant is refused before anything is stored or deleted:
// tenants prefix the ids of what Seam stores, and "acme/eu" would overlap "acme", so
// deleting "acme" would take acme/eu's products and parties with it.
func TestTenantNamesThatOverlapAreRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeOrders(t, dir, 1)
	for _, args := range [][]string{
		{"tenant", "delete", "--tenant", "acme/eu", "--confirm", "acme/eu"},
		{"tenant", "delete", "--tenant", "Acme", "--confirm", "Acme"},
		{"ingest", "--tenant", "acme/eu", "--system", "shopify", "--type", "order", "--quiet", dir},
		{"ingest", "--tenant", "-acme", "--system", "shopify", "--type", "order", "--quiet", dir},
	} {
		// No services are reached: the configuration points nowhere.
		getenv := func(k string) string {
			switch k {
			case "SEAM_NEO4J_URI":
				return "bolt://127.0.0.1:1"
			case "SEAM_REDIS_ADDR":
				return "127.0.0.1:1"
			}
			return ""
		}
		err := Run(ctx, args, getenv, io.Discard, io.Discard)
		if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), "cannot name a tenant") {
			t.Errorf("seam %s = %v, want a usage error naming the rule", strings.Join(args, " "), err)
		}
	}
	a := &App{cfg: Config{Pull: []PullConfig{{Name: "shop", Tenant: "acme/eu", System: "shopify", Type: "order", API: "shopify", BaseURL: "https://shop.example"}}}}
	if _, err := a.pollers(); err == nil || !strings.Contains(err.Error(), "cannot name a tenant") {
		t.Errorf("a poller for tenant acme/eu = %v, want it refused", err)
	}
}
