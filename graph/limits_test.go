package graph

import (
	"testing"

	"github.com/99designs/gqlgen/graphql/introspection"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/seamhub/seam/graph/generated"
)

func TestDepth(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, tc := range []struct {
		name, query string
		want        int
	}{
		{"one field", `{ stock(sku: "A") { sku } }`, 2},
		{"typename adds nothing", `{ stock(sku: "A") { __typename sku } }`, 2},
		{"document event sources", `{ document(system: "s", type: "t", externalId: "x") { event { sources { document { externalId } } } } }`, 5},
		{"the deepest sibling counts", `{ stock(sku: "A") { sku } document(system: "s", type: "t", externalId: "x") { event { id } } }`, 3},
		{"fragments add no level", `query { document(system: "s", type: "t", externalId: "x") { ...D } }
			fragment D on SourceDocument { event { ... on InventoryEvent { sources { role } } } }`, 4},
		{"a cycle through the schema", `{ document(system: "s", type: "t", externalId: "x") { event { sources { document { event { sources {
			document { event { sources { document { event { id } } } } } } } } } } } }`, 12},
		{"introspection is not counted", introspection.Query, 0},
	} {
		doc, err := gqlparser.LoadQuery(schema, tc.query)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := depth(doc.Operations[0].SelectionSet, map[*ast.FragmentDefinition]bool{}); got != tc.want {
			t.Errorf("%s: depth %d, want %d", tc.name, got, tc.want)
		}
	}
}
