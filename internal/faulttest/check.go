package faulttest

import (
	"context"
	"fmt"
	"maps"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
)

// OpenStore connects to the Neo4j at uri, for a test to count what Seam stored there.
// The user and password, if any, are those the tests use (SEAM_NEO4J_USER and
// SEAM_NEO4J_PASSWORD) unless the server is a private one without authentication.
func OpenStore(tb testing.TB, uri string, private bool) *neo4jstore.Store {
	tb.Helper()
	cfg := neo4jstore.Config{URI: uri, Database: os.Getenv("SEAM_NEO4J_DATABASE")}
	if !private {
		cfg.User, cfg.Password = os.Getenv("SEAM_NEO4J_USER"), neo4jstore.Secret(os.Getenv("SEAM_NEO4J_PASSWORD"))
	} else {
		cfg.Database = ""
	}
	s, err := neo4jstore.Open(cfg, nil)
	if err != nil {
		tb.Fatalf("opening neo4j at %s: %v", uri, err)
	}
	tb.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// Outcome is what a fault test found once Seam settled.
type Outcome struct {
	Stats neo4jstore.TenantStats
	// Reserved is the ledger's reserved stock by product, summed over locations.
	Reserved map[string]int
	// Took is how long settling took.
	Took time.Duration
}

// Settled waits up to within until the tenant holds exactly the orders, each once: one
// document, one event and one movement per order, nothing pending, quarantined or
// waiting for the projection, and the ledger's reserved stock equal to the orders' sum
// by product. It fails the test with what differs when the time runs out.
func Settled(tb testing.TB, store *neo4jstore.Store, tenant string, orders []Order, within time.Duration) Outcome {
	tb.Helper()
	start := time.Now()
	want := Want(orders)
	n := int64(len(orders))
	var last Outcome
	var lastErr error
	for {
		last, lastErr = outcome(store, tenant)
		st := last.Stats
		if lastErr == nil && st.Documents == n && st.Events == n && st.Movements == n && st.Pending == 0 &&
			st.Unprojected == 0 && st.Quarantined == 0 && maps.Equal(last.Reserved, want) {
			last.Took = time.Since(start)
			return last
		}
		// More than the orders can never settle back: fail at once.
		if lastErr == nil && (st.Documents > n || st.Events > n || st.Movements > n) {
			break
		}
		if time.Since(start) > within {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	tb.Fatalf("tenant %s did not settle to %d orders within %s: %+v, reserved %v (want %v), err %v",
		tenant, n, within, last.Stats, last.Reserved, want, lastErr)
	return last
}

func outcome(store *neo4jstore.Store, tenant string) (Outcome, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := store.Stats(ctx, tenant)
	if err != nil {
		return Outcome{}, err
	}
	totals, err := store.Totals(ctx, tenant)
	if err != nil {
		return Outcome{Stats: st}, err
	}
	res := map[string]int{}
	for _, t := range totals {
		if t.Reserved != 0 {
			res[t.SKU] += int(t.Reserved / ontology.Units(1))
		}
	}
	return Outcome{Stats: st, Reserved: res}, nil
}

// CacheVerify runs `seam cache verify --tenant` and fails the test unless it says the
// cache equals the ledger.
func CacheVerify(tb testing.TB, env Env, tenant string) {
	tb.Helper()
	out, errOut, err := Run(tb, env, 2*time.Minute, "cache", "verify", "--tenant", tenant)
	if err != nil || !strings.Contains(out, tenant+": cache equals the ledger") {
		tb.Fatalf("seam cache verify: %v\nstdout: %s\nstderr: %s", err, out, tail(errOut, 2000))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// String describes an outcome for logs.
func (o Outcome) String() string {
	return fmt.Sprintf("%d documents, %d events, %d movements, settled in %s",
		o.Stats.Documents, o.Stats.Events, o.Stats.Movements, o.Took.Round(100*time.Millisecond))
}
