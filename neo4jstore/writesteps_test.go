package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestWriteStepsKeepOrderAcrossGroups: the writes of a transaction that go to Neo4j as
// one statement run in their order, each seeing what the ones before it wrote, and a
// write too large for one statement runs between the groups before and after it. A
// step without rows sends nothing (its statement here is not even Cypher).
func TestWriteStepsKeepOrderAcrossGroups(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	const label = "WriteStepProbe"
	t.Cleanup(func() { _ = neo4jstore.DeleteLabelled(context.Background(), s, label, tenant) })
	one := []map[string]any{{"id": "a"}}
	many := make([]map[string]any, 501) // more than one UNWIND batch
	for i := range many {
		many[i] = map[string]any{"i": i}
	}
	probe := "MATCH (p:" + label + " {tenant: $tenant, id: 'a'}) "
	cyphers := []string{
		"UNWIND $rows AS r CREATE (:" + label + " {tenant: $tenant, id: r.id, n: 0})",
		"UNWIND $rows AS r " + probe + "SET p.n = p.n + 10",
		"THIS IS NOT CYPHER",
		"UNWIND $rows AS r " + probe + "SET p.n = p.n + 1",
		"UNWIND $rows AS r " + probe + "SET p.seen = p.n",
		"UNWIND $rows AS r " + probe + "SET p.after = p.seen + 1",
	}
	rows := [][]map[string]any{one, one, nil, many, one, one}
	if err := neo4jstore.WriteSteps(ctx, s, tenant, cyphers, rows); err != nil {
		t.Fatal(err)
	}
	got, err := neo4jstore.ReadProps(ctx, s, label, tenant)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("want one probe, got %v", got)
	}
	p := got[0]
	if p["n"] != int64(511) || p["seen"] != int64(511) || p["after"] != int64(512) {
		t.Errorf("want n 511, seen 511, after 512 (each write after the one before it), got %v", p)
	}
}
