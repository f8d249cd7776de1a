package neo4jstore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestWriteStepsKeepOrderAcrossGroups: the writes of a transaction that go to Neo4j as
// one statement run in their order, each seeing what the ones before it wrote, and a
// write too large for one statement runs over several sends, after the steps before it
// and before the steps after it. A step without rows writes nothing, though its
// subquery is sent.
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
		"UNWIND $rows AS r " + probe + "SET p.n = p.n + 1000",
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

// TestResolutionSendsOneStatementText: whatever kinds a resolution transaction writes, it
// sends one statement of the same text, so that Neo4j plans it once; a new combination
// of kinds planned on a live webhook's path took 0.1-0.8 s. Nothing to write sends
// nothing.
func TestResolutionSendsOneStatementText(t *testing.T) {
	order := &resolver.Changes{Tenant: "t", Events: make([]resolver.EventWrite, 1), Links: make([]resolver.Link, 1),
		Keys: []resolver.KeyLink{{}, {Block: true}}, Movements: []ontology.Movement{{SKU: "A", Qty: -1}}, Resolved: []string{"d1"},
		Mentions: make([]resolver.PartyMention, 1), PartyAliases: make([]resolver.PartyAlias, 1)}
	merge := &resolver.Changes{Tenant: "t", Links: make([]resolver.Link, 2), Merges: make([]resolver.Merge, 1),
		Reviews: make([]resolver.ReviewItem, 1), ProductAliases: make([]resolver.ProductAlias, 1), Resolved: []string{"d2"},
		Lots: make([]resolver.LotFact, 1)}
	a, b := neo4jstore.ResolutionStatements(order), neo4jstore.ResolutionStatements(merge)
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("want one statement each, got %d and %d", len(a), len(b))
	}
	if a[0] != b[0] {
		t.Errorf("two transactions writing different kinds sent different statements:\n%s\n---\n%s", a[0], b[0])
	}
	// Every subquery reads its own rows first, from the one map parameter whose type
	// does not depend on which lists are empty (Neo4j plans again for parameters of other
	// types): one without rows writes and reads nothing.
	for _, sub := range strings.Split(a[0], "CALL () {\n")[1:] {
		if !strings.HasPrefix(sub, "UNWIND $steps.rows") {
			t.Errorf("a subquery does not begin with its rows: %.80q", sub)
		}
	}
	// More movements than one UNWIND batch go over several sends of that same text: the
	// steps around them used to go as statements of texts of their own, each planned on
	// first sight.
	big := &resolver.Changes{Tenant: "t", Events: make([]resolver.EventWrite, 1), Movements: make([]ontology.Movement, 1201),
		Resolved: []string{"d3"}}
	for i := range big.Movements {
		big.Movements[i] = ontology.Movement{SKU: fmt.Sprintf("S%d", i), Qty: -1}
	}
	c := neo4jstore.ResolutionStatements(big)
	if len(c) != 3 {
		t.Errorf("1,201 movements of as many products: want 3 sends of 500 at most, got %d", len(c))
	}
	for i, st := range c {
		if st != a[0] {
			t.Errorf("send %d of a large transaction is not resolution's one statement", i)
		}
	}
	if got := neo4jstore.ResolutionStatements(&resolver.Changes{Tenant: "t"}); len(got) != 0 {
		t.Errorf("nothing to write sent %d statements", len(got))
	}
	// A server plans the statement as it starts: the same text, valid without rows;
	// and the party lookup.
	if w := neo4jstore.WarmStatements(); len(w) != 2 || w[0] != a[0] || w[1] != neo4jstore.PartyLookupStatement() {
		t.Errorf("WarmResolution sends %d statements, not resolution's and the party lookup", len(w))
	}
	s := neo4jtest.Open(t)
	if err := s.WarmResolution(context.Background()); err != nil {
		t.Fatal(err)
	}
}
