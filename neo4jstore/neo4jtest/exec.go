package neo4jtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Exec runs one write statement against the test Neo4j, outside the store's API. It is
// for tests that must put the database in a state the store never writes itself (a
// stored document damaged on purpose) to prove what Seam does with it.
func Exec(tb testing.TB, cypher string, params map[string]any) {
	tb.Helper()
	auth := neo4j.NoAuth()
	if u := os.Getenv("SEAM_NEO4J_USER"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("SEAM_NEO4J_PASSWORD"), "")
	}
	drv, err := neo4j.NewDriverWithContext(URI(), auth)
	if err != nil {
		tb.Fatalf("opening neo4j driver: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	defer drv.Close(ctx)
	_, err = neo4j.ExecuteQuery(ctx, drv, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(os.Getenv("SEAM_NEO4J_DATABASE")))
	if err != nil {
		tb.Fatalf("running %q: %v", cypher, err)
	}
}
