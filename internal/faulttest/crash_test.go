package faulttest

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

const secret = "fault-secret"

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// sharedEnv runs seam against the shared Neo4j and Redis, resolving only this test's
// tenants, without a broker.
func sharedEnv(t *testing.T) Env {
	neo4jtest.Open(t) // skips under -short; fails with a hint when Neo4j is down
	redistest.Open(t)
	return Env{Neo4jURI: neo4jtest.URI(), RedisAddr: redistest.Addr(), TenantPrefix: neo4jtest.TenantPrefix(t),
		WebhookSecret: secret, Extra: passEnv("SEAM_NEO4J_USER", "SEAM_NEO4J_PASSWORD", "SEAM_NEO4J_DATABASE", "SEAM_REDIS_PASSWORD")}
}

func passEnv(names ...string) []string {
	var out []string
	for _, n := range names {
		if v, ok := os.LookupEnv(n); ok {
			out = append(out, n+"="+v)
		}
	}
	return out
}

// waitFor polls cond every 20 ms until it holds, failing the test after within.
func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeKilledUnderWebhookLoad: `seam serve` is killed with SIGKILL while eight
// senders post 600 orders, and started again on the same port. The senders retry what
// was not answered; in the end every order is one document, one event and one movement,
// the ledger's reserved stock is the orders' sum, and the cache equals the ledger.
func TestServeKilledUnderWebhookLoad(t *testing.T) {
	env := sharedEnv(t)
	tenant := neo4jtest.Tenant(t)
	srv := Serve(t, env)
	srv.WaitReadyz(http.StatusOK, time.Minute)
	orders := Orders(0, 600, 20)
	sender := NewSender(srv.Base(), tenant, secret)
	var answered atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- sender.DeliverAll(ctx, orders, 8, func(int) { answered.Add(1) }) }()

	waitFor(t, time.Minute, "a third of the orders answered", func() bool { return answered.Load() >= 200 })
	srv.Kill()
	atKill := answered.Load()
	time.Sleep(300 * time.Millisecond) // senders meet a closed port meanwhile
	srv.Start()
	if err := <-done; err != nil {
		t.Fatalf("%v; %s", err, sender.Summary())
	}
	if atKill >= int64(len(orders)) || sender.Count(0) == 0 {
		t.Fatalf("the kill came after %d of %d orders with %d refused tries; the test needs it mid-load", atKill, len(orders), sender.Count(0))
	}
	if len(sender.Other) > 0 || sender.Statuses["accepted"]+sender.Statuses["duplicate"] != len(orders) {
		t.Fatalf("answers: %s", sender.Summary())
	}
	out := Settled(t, OpenStore(t, env.Neo4jURI, false), tenant, orders, time.Minute)
	CacheVerify(t, env, tenant)
	t.Logf("killed after %d answered; %s; %s", atKill, out, sender.Summary())
}

// TestIngestKilledOnALargeFolder: `seam ingest` of 2,000 files is killed with SIGKILL
// midway and run again: every file is one document, one event and one movement, the
// rerun counts the stored ones as duplicates, and the cache equals the ledger.
func TestIngestKilledOnALargeFolder(t *testing.T) {
	env := sharedEnv(t)
	tenant := neo4jtest.Tenant(t)
	store := OpenStore(t, env.Neo4jURI, false)
	dir := t.TempDir()
	orders := Orders(0, 2000, 25)
	for i, o := range orders {
		if err := os.WriteFile(filepath.Join(dir, "order-"+strconv.Itoa(i)+".json"), o.Body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"ingest", "--tenant", tenant, "--system", "shopify", "--type", "order", "--batch", "50", "--quiet", dir}
	p := Start(t, t.TempDir(), "seam-ingest", append(env.List(), "SEAM_LOG_LEVEL=warn"), Binary(t), args...)
	var stored int64
	waitFor(t, 2*time.Minute, "some documents stored", func() bool {
		st, err := store.Stats(context.Background(), tenant)
		stored = st.Documents
		return err == nil && st.Documents >= 300 || !p.Running()
	})
	p.Kill(t)
	// A transaction whose commit left the client before the kill is still committed by
	// the server: count once the count stops moving.
	var mid neo4jstore.TenantStats
	for i := 0; ; i++ {
		now, err := store.Stats(context.Background(), tenant)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && now.Documents == mid.Documents || i == 40 {
			mid = now
			break
		}
		mid = now
		time.Sleep(500 * time.Millisecond)
	}
	if mid.Documents == 0 || mid.Documents >= int64(len(orders)) {
		t.Fatalf("the kill came at %d of %d documents; the test needs it midway\n%s", mid.Documents, len(orders), p.Tail(2000))
	}
	out, errOut, err := Run(t, env, 3*time.Minute, args...)
	if err != nil {
		t.Fatalf("ingest again: %v\n%s", err, tail(errOut, 2000))
	}
	want := fmt.Sprintf("%d accepted, 0 updated, %d duplicates", int64(len(orders))-mid.Documents, mid.Documents)
	if !strings.Contains(out, want) {
		t.Fatalf("the rerun's summary %q; killed at %d documents", out, mid.Documents)
	}
	got := Settled(t, store, tenant, orders, time.Minute)
	CacheVerify(t, env, tenant)
	t.Logf("killed at %d (seen %d) of %d; %s", mid.Documents, stored, len(orders), got)
}

// TestWebhookFloodBeyondCapacity: 48 senders at once against a server that admits 2
// webhooks at a time. Those turned away get 429 with Retry-After and retry; no request
// goes unanswered, and every order is stored exactly once.
func TestWebhookFloodBeyondCapacity(t *testing.T) {
	env := sharedEnv(t)
	env.Extra = append(env.Extra, "SEAM_WEBHOOK_MAX_INFLIGHT=2")
	tenant := neo4jtest.Tenant(t)
	srv := Serve(t, env)
	srv.WaitReadyz(http.StatusOK, time.Minute)
	orders := Orders(0, 480, 12)
	sender := NewSender(srv.Base(), tenant, secret)
	sender.MaxWait = 50 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := sender.DeliverAll(ctx, orders, 48, nil); err != nil {
		t.Fatalf("%v; %s", err, sender.Summary())
	}
	if sender.Count(http.StatusTooManyRequests) == 0 || sender.NoRetryAfter != 0 {
		t.Fatalf("a flood of 48 senders against 2 slots was never turned away with 429 and Retry-After: %s", sender.Summary())
	}
	if sender.Count(0) != 0 || len(sender.Other) != 0 || sender.Statuses["accepted"] != len(orders) {
		t.Fatalf("a request went unanswered or was answered oddly: %s", sender.Summary())
	}
	out := Settled(t, OpenStore(t, env.Neo4jURI, false), tenant, orders, time.Minute)
	CacheVerify(t, env, tenant)
	t.Logf("%s; %s", out, sender.Summary())
}
