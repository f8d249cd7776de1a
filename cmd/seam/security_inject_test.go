package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// injections are strings that would change a query if any were spliced into Cypher.
var injections = []string{
	`"}) DETACH DELETE n //`,
	`' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //`,
	"`) MATCH (n) DETACH DELETE n //",
	`\"}) RETURN 1 UNION MATCH (n) DETACH DELETE n //`,
	`$tenant} ) CALL { MATCH (m) DETACH DELETE m } //`,
}

type typeRef struct {
	Kind, Name string
	OfType     *typeRef
}

// named is the type under NON_NULL and LIST wrappers.
func (t *typeRef) named() *typeRef {
	for t.OfType != nil {
		t = t.OfType
	}
	return t
}

type schemaType struct {
	Name, Kind string
	Fields     []struct {
		Name string
		Args []struct {
			Name string
			Type typeRef
		}
		Type typeRef
	}
	InputFields []struct {
		Name string
		Type typeRef
	}
	EnumValues []struct{ Name string }
}

const schemaQuery = `fragment R on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
{ __schema { queryType { name } mutationType { name }
  types { name kind fields { name args { name type { ...R } } type { ...R } }
          inputFields { name type { ...R } } enumValues { name } } } }`

// argValue builds a value of type t: every string is s, other scalars a valid sample.
func argValue(types map[string]schemaType, t *typeRef, s string, depth int) any {
	switch t.Kind {
	case "NON_NULL":
		return argValue(types, t.OfType, s, depth)
	case "LIST":
		return []any{argValue(types, t.OfType, s, depth)}
	case "ENUM":
		return types[t.Name].EnumValues[0].Name
	case "INPUT_OBJECT":
		obj := map[string]any{}
		if depth > 3 {
			return obj
		}
		for _, f := range types[t.Name].InputFields {
			obj[f.Name] = argValue(types, &f.Type, s, depth+1)
		}
		return obj
	}
	switch t.Name {
	case "Int":
		return 1
	case "Float":
		return 1.5
	case "Boolean":
		return false
	case "Decimal":
		return "1"
	case "Time":
		return "2025-03-04T10:15:22Z"
	}
	return s // String, ID and any other scalar read from text
}

// typeText writes a type reference in GraphQL syntax.
func typeText(t *typeRef) string {
	switch t.Kind {
	case "NON_NULL":
		return typeText(t.OfType) + "!"
	case "LIST":
		return "[" + typeText(t.OfType) + "]"
	}
	return t.Name
}

// TestInjectionThroughEveryStringInput: every query and mutation of the schema (read by
// introspection, so a field added later is covered too) is called with each injection
// in every String and ID argument and input field. No call fails with an internal error
// (a spliced string would be a Cypher syntax error), and neither the caller's tenant nor
// another tenant loses a document, an event or a movement. A webhook whose every string
// holds an injection is stored and read back byte for byte.
func TestInjectionThroughEveryStringInput(t *testing.T) {
	cfg := testConfig(t)
	ta, tb := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	ctx := context.Background()

	// The webhook: every string field of the order holds an injection.
	order := fmt.Sprintf(`{"id": 4400000000001, "name": %q, "order_number": 1, "email": %q,
 "created_at": "2025-03-04T10:15:22+08:00", "currency": "EUR", "financial_status": "paid", "total_price": "10.00",
 "note": %q, "customer": {"id": 1, "first_name": %q, "last_name": %q},
 "line_items": [{"id": 1, "sku": %q, "title": %q, "quantity": 1, "price": "10.00"}]}`,
		injections[0], injections[1], injections[2], injections[3], injections[4], injections[0], injections[1])
	for _, tenant := range []string{ta, tb} {
		body := []byte(order)
		if code, r := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, injections[2])); code != http.StatusOK || r.Status != "accepted" {
			t.Fatalf("webhook of %s: %d %+v", tenant, code, r)
		}
		if _, err := s.App.worker.Drain(ctx, tenant); err != nil {
			t.Fatal(err)
		}
	}
	var doc struct{ Document struct{ Raw string } }
	if r := graphQL(t, base, ta, `{ document(system: "shopify", type: "order", externalId: "4400000000001") { raw } }`, nil, &doc); len(r.Errors) > 0 || doc.Document.Raw != order {
		t.Fatalf("the order read back: %+v, verbatim %v", r.Errors, doc.Document.Raw == order)
	}
	rows := waitStock(t, base, ta, injections[0], func(rs []stockRow) bool { return len(rs) == 1 })
	if rows[0].Reserved != "1" {
		t.Fatalf("stock of the injected sku: %+v", rows)
	}
	before := map[string]neo4jstore.TenantStats{}
	for _, tenant := range []string{ta, tb} {
		st, err := s.App.store.Stats(ctx, tenant)
		if err != nil || st.Documents != 1 || st.Events != 1 || st.Movements != 1 {
			t.Fatalf("%s before: %+v %v", tenant, st, err)
		}
		before[tenant] = st
	}

	var schema struct {
		Schema struct {
			QueryType, MutationType struct{ Name string }
			Types                   []schemaType
		} `json:"__schema"`
	}
	if r := graphQL(t, base, ta, schemaQuery, nil, &schema); len(r.Errors) > 0 {
		t.Fatalf("introspection: %+v", r.Errors)
	}
	types := map[string]schemaType{}
	for _, ty := range schema.Schema.Types {
		types[ty.Name] = ty
	}
	key := adminKey(t, ta)
	calls := 0
	for _, op := range []struct{ kind, root string }{{"query", schema.Schema.QueryType.Name}, {"mutation", schema.Schema.MutationType.Name}} {
		for _, f := range types[op.root].Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			var decl, pass []string
			for _, a := range f.Args {
				decl = append(decl, "$"+a.Name+": "+typeText(&a.Type))
				pass = append(pass, a.Name+": $"+a.Name)
			}
			q := op.kind
			if len(decl) > 0 {
				q += "(" + strings.Join(decl, ", ") + ")"
			}
			q += " { " + f.Name
			if len(pass) > 0 {
				q += "(" + strings.Join(pass, ", ") + ")"
			}
			if k := f.Type.named().Kind; k == "OBJECT" || k == "INTERFACE" || k == "UNION" {
				q += " { __typename }"
			}
			q += " }"
			for _, inj := range injections {
				vars := map[string]any{}
				for _, a := range f.Args {
					vars[a.Name] = argValue(types, &a.Type, inj, 0)
				}
				r, code := graphQLWith(t, base, key, nil, q, vars, nil)
				calls++
				for _, e := range r.Errors {
					if e.Extensions["code"] == "INTERNAL" || code >= 500 {
						b, _ := json.Marshal(vars)
						t.Errorf("%s %s with %s: HTTP %d, internal error %q", op.kind, f.Name, b, code, e.Message)
					}
				}
			}
		}
	}
	if calls < 50 {
		t.Fatalf("only %d calls: the schema walk found too few fields", calls)
	}
	// The calling tenant's mutations may add what they are for (a count books an
	// adjustment event, a reservation holds stock, under the injected SKU stored as
	// written); nothing may be removed, and the other tenant must not change at all.
	for _, tenant := range []string{ta, tb} {
		st, err := s.App.store.Stats(ctx, tenant)
		b := before[tenant]
		switch {
		case err != nil:
			t.Fatal(err)
		case tenant == tb && st != b:
			t.Fatalf("the other tenant changed after %d injected calls: %+v (before %+v)", calls, st, b)
		case st.Documents < b.Documents || st.Events < b.Events || st.Movements < b.Movements:
			t.Fatalf("%s lost data after %d injected calls: %+v (before %+v)", tenant, calls, st, b)
		}
	}
	if r := graphQL(t, base, tb, `{ document(system: "shopify", type: "order", externalId: "4400000000001") { raw } }`, nil, &doc); len(r.Errors) > 0 || doc.Document.Raw != order {
		t.Fatalf("the other tenant's order after the calls: %+v", r.Errors)
	}
	t.Logf("%d calls with injected strings", calls)
}
