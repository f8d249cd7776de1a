package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/introspection"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestQueryLimits: a query nested too deep, fanning out too far or asking for too many
// root fields is refused with a clear error and no data; GraphiQL's introspection still
// passes.
func TestQueryLimits(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	key := adminKey(t, tenant)
	for _, tc := range []struct {
		name, query, code string
	}{
		{"too deep", `{ document(system: "s", type: "t", externalId: "x") { event { sources { document { event { sources {
			document { event { sources { document { event { id } } } } } } } } } } } }`, "DEPTH_LIMIT_EXCEEDED"},
		{"too costly", `{ reviewQueue(first: 500) { items { event { sources { document { externalId } } movements { qty } } } } }`,
			"COMPLEXITY_LIMIT_EXCEEDED"},
		// Each root field pays for its read: thousands of aliases of a cheap-looking
		// one would start thousands of Neo4j reads at once.
		{"aliases of reads", "{" + strings.Join(numbered(`productSuggestions(first: 500) { code }`, 2500), "") + " }", "COMPLEXITY_LIMIT_EXCEEDED"},
		{"too many root fields", "{" + strings.Join(numbered(`document(system: "s", type: "t", externalId: "x") { receivedAt }`, 21), "") + " }",
			"ROOT_FIELD_LIMIT_EXCEEDED"},
	} {
		r, code := graphQLWith(t, base, key, nil, tc.query, nil, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tc.code || len(r.Data) > 0 && string(r.Data) != "null" {
			t.Errorf("%s: HTTP %d %+v %s", tc.name, code, r.Errors, r.Data)
		}
		if tc.code == "DEPTH_LIMIT_EXCEEDED" && !strings.Contains(r.Errors[0].Message, "nests 12 levels deep; at most 10") {
			t.Errorf("%s: message %q", tc.name, r.Errors[0].Message)
		}
	}
	var schema struct {
		Schema struct{ Types []struct{ Name string } } `json:"__schema"`
	}
	r, code := graphQLWith(t, base, key, nil, introspection.Query, nil, &schema)
	if code != http.StatusOK || len(r.Errors) > 0 || len(schema.Schema.Types) < 20 {
		t.Fatalf("introspection: HTTP %d %+v, %d types", code, r.Errors, len(schema.Schema.Types))
	}
	// The default page of review items with their events' sources stays within bounds.
	if r, _ := graphQLWith(t, base, key, nil, `{ reviewQueue { items { document { externalId event { id } }
		event { sources { role document { externalId raw } } movements { qty } evidence { rule } } } } }`, nil, nil); len(r.Errors) > 0 {
		t.Fatalf("a default page: %+v", r.Errors)
	}
}

// numbered is field under the aliases f0, f1, ..., each with a leading space.
func numbered(field string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(" f%d: %s", i, field)
	}
	return out
}
