package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/simulate"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestThirtySimulatedDaysIngestCleanly: a month of the simulated business at default
// settings goes through the real intake into Neo4j; only the records corrupted on purpose
// end in quarantine, each with a reason, and every other document is stored once.
func TestThirtySimulatedDaysIngestCleanly(t *testing.T) {
	neo4jtest.Open(t)
	sc := simulate.DefaultConfig()
	sc.Tenant = neo4jtest.Tenant(t)
	dir := t.TempDir()
	truth, err := simulate.Generate(sc, dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	app, err := openReady(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(context.Background())
	// The test only stores; left pending, seven thousand documents would be resolved by
	// the workers of every later test's server, slowing them past their deadlines.
	defer func() { // before app.Close: deferred calls run last first
		if _, err := app.store.DeleteTenant(context.Background(), sc.Tenant); err != nil {
			t.Errorf("removing the test's tenant: %v", err)
		}
	}()
	files, err := dataFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	var res connectors.Result
	for _, f := range files {
		raw, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := app.intake.Accept(context.Background(), []connectors.Payload{{Tenant: sc.Tenant, System: f.system, Type: f.typ,
			Raw: raw, Format: f.format, Via: "file"}})
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(f.path), err)
		}
		res.Add(r)
	}
	sound := map[string]bool{}
	for _, a := range truth.Actions {
		for _, d := range a.Documents {
			if d.Corrupt == "" {
				sound[d.System+"/"+d.Type+"/"+d.ExternalID] = true
			}
		}
	}
	if res.Quarantined != truth.Corrupted || res.Accepted != len(sound) || res.Updated != 0 {
		t.Fatalf("accepted %d of %d sound documents, %d updated, quarantined %d of %d corrupted (%d duplicates)",
			res.Accepted, len(sound), res.Updated, res.Quarantined, truth.Corrupted, res.Duplicates)
	}
	items, err := app.store.QuarantineList(context.Background(), ontology.QuarantineFilter{Tenant: sc.Tenant, First: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != truth.Corrupted {
		t.Fatalf("%d quarantine items, want %d", len(items), truth.Corrupted)
	}
	for _, q := range items {
		if len(q.Problems) == 0 || q.Problems[0].Message == "" || len(q.Raw) == 0 {
			t.Fatalf("quarantined without a reason or its bytes: %+v", q)
		}
	}
	t.Logf("%d documents stored, %d duplicates ignored, %d corrupted records quarantined", res.Accepted, res.Duplicates, res.Quarantined)
}
