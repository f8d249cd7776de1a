// Package neo4jtest gives tests a real Neo4j store and a fresh tenant of their own, so
// that packages run their tests in parallel against one database without seeing each
// other's data.
package neo4jtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
)

// URI is the Neo4j the tests use: SEAM_NEO4J_URI or the loopback default.
func URI() string {
	if u := os.Getenv("SEAM_NEO4J_URI"); u != "" {
		return u
	}
	return "bolt://127.0.0.1:7687"
}

var migrateOnce sync.Once
var migrateErr error

// Open returns a store connected to the test Neo4j with the schema created. Under
// `go test -short` it skips the test (pure-logic runs need no services); otherwise an
// unreachable Neo4j fails the test with the command that starts one.
func Open(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	if testing.Short() {
		tb.Skip("needs Neo4j; runs without -short (make test starts the services)")
	}
	s, err := neo4jstore.Open(neo4jstore.Config{
		URI:      URI(),
		User:     os.Getenv("SEAM_NEO4J_USER"),
		Password: neo4jstore.Secret(os.Getenv("SEAM_NEO4J_PASSWORD")),
		Database: os.Getenv("SEAM_NEO4J_DATABASE"),
	}, nil)
	if err != nil {
		tb.Fatalf("opening neo4j: %v", err)
	}
	tb.Cleanup(func() { s.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := s.WaitReady(ctx); err != nil {
		tb.Fatalf("neo4j at %s is not reachable (start it with `make services-up`): %v", URI(), err)
	}
	migrateOnce.Do(func() { migrateErr = s.Migrate(ctx) })
	if migrateErr != nil {
		tb.Fatalf("creating schema: %v", migrateErr)
	}
	return s
}

// Tenant returns a tenant name no other test uses: TenantPrefix(tb), "-" and random hex.
func Tenant(tb testing.TB) string {
	tb.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		tb.Fatal(err)
	}
	return TenantPrefix(tb) + "-" + hex.EncodeToString(b[:])
}

// TenantPrefix is what every tenant of a test (and of its subtests) starts with: "t-" and
// the test's name in lower-case letters and digits, cut at 20. A test server that sweeps
// only tenants with it never resolves another test's pending documents.
func TenantPrefix(tb testing.TB) string {
	name := strings.ToLower(tb.Name())
	if top, _, ok := strings.Cut(name, "/"); ok {
		name = top // a subtest's tenants belong to its test
	}
	clean := make([]byte, 0, 20)
	for i := 0; i < len(name) && len(clean) < 20; i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			clean = append(clean, c)
		}
	}
	return "t-" + string(clean)
}
