package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"strings"
	"testing"

	"github.com/seamhub/seam/connectors/simulate"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestBenchIngestPrintsRatiosAsJSON: on a folder `seam simulate --out` wrote, the
// benchmark measures the ceiling and end to end in one run and prints, on its last
// line, one JSON object with the contract's fields.
func TestBenchIngestPrintsRatiosAsJSON(t *testing.T) {
	neo4jtest.Open(t)
	redistest.Open(t)
	sc := simulate.DefaultConfig()
	sc.Days, sc.OrdersPerDay = 2, 10
	dir := t.TempDir()
	if _, err := simulate.Generate(sc, dir); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := runBench(context.Background(), testConfig(t), slog.New(slog.NewTextHandler(io.Discard, nil)),
		[]string{"ingest", "--data", dir, "--json"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var fig map[string]float64
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &fig); err != nil {
		t.Fatalf("last line is not a JSON object of figures: %v\n%s", err, out.String())
	}
	for _, k := range []string{"documents", "ceilingDocsPerSec", "endToEndDocsPerSec", "ratio", "stored", "resolved", "movements"} {
		if fig[k] <= 0 {
			t.Errorf("%s = %v, want > 0", k, fig[k])
		}
	}
	if fig["documents"] != fig["stored"]+fig["duplicates"] {
		t.Errorf("%v documents, but %v stored and %v duplicates", fig["documents"], fig["stored"], fig["duplicates"])
	}
	if fig["resolved"] > fig["stored"] {
		t.Errorf("%v resolved of %v stored", fig["resolved"], fig["stored"])
	}
	if r := fig["endToEndDocsPerSec"] / fig["ceilingDocsPerSec"]; math.Abs(r-fig["ratio"]) > 1e-9 {
		t.Errorf("ratio %v, but end to end over ceiling is %v", fig["ratio"], r)
	}
	if fig["warmDocuments"] <= 0 || fig["warmDocuments"] >= fig["documents"] {
		t.Errorf("warm-up sent %v of %v documents, want some and fewer than all", fig["warmDocuments"], fig["documents"])
	}
	if !strings.Contains(out.String(), "ratio end-to-end / ceiling") {
		t.Errorf("the human-readable figures lack the ratio:\n%s", out.String())
	}
}
