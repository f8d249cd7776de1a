package neo4jstore_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestIsTransient: a store nothing answers at fails with an outage, which passes by
// itself; a statement Neo4j refuses fails with an error asking again cannot change.
func TestIsTransient(t *testing.T) {
	neo4jtest.Open(t) // skips under -short
	dead, err := neo4jstore.Open(neo4jstore.Config{URI: "bolt://127.0.0.1:1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dead.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = dead.Quarantine(ctx, []ontology.Quarantined{{ID: "q_transient", Tenant: neo4jtest.Tenant(t), Raw: []byte("x")}})
	if err == nil || !neo4jstore.IsTransient(err) || !errors.Is(err, neo4jstore.ErrUnavailable) {
		t.Fatalf("writing to a store nothing answers at: %v; IsTransient %v, unavailable %v", err,
			neo4jstore.IsTransient(err), errors.Is(err, neo4jstore.ErrUnavailable))
	}

	auth := neo4j.NoAuth()
	if u := os.Getenv("SEAM_NEO4J_USER"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("SEAM_NEO4J_PASSWORD"), "")
	}
	drv, err := neo4j.NewDriverWithContext(neo4jtest.URI(), auth)
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	_, err = neo4j.ExecuteQuery(ctx, drv, "RETURN 1/0 AS x", nil, neo4j.EagerResultTransformer)
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) || neo4jstore.IsTransient(err) {
		t.Fatalf("a statement Neo4j refuses: %v; IsTransient %v", err, neo4jstore.IsTransient(err))
	}
}
