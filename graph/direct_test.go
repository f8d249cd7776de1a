package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/seamhub/seam/graph/generated"
	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/inventory/rediscache"
	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
)

type zoneMap map[string]string

func (z zoneMap) Zone(_, location string) string { return z[location] }

// The direct stock path answers byte for byte as gqlgen's executor answers the same
// operation (once encoding/json's HTML escaping is applied, as gqlgen's POST transport
// writes it), over live rows in the real Redis: every field, aliases, variables, a null
// location, __typename, nulls, escapes and no rows. Operations it must not answer
// (fragments, directives, another root field, a refused role) fall back.
func TestDirectStockAnswersAsGqlgen(t *testing.T) {
	ctx := context.Background()
	cache := rediscache.New(redistest.Open(t))
	tenant := neo4jtest.Tenant(t)
	sku := "TE\tA \"<&>\" 中" // escapes inside: stock(sku:) trims the ends
	mv := func(id, loc, lot string, b ontology.Bucket, n int64) ontology.Movement {
		return ontology.Movement{ID: id, SKU: sku, Location: loc, Lot: lot, Bucket: b, Qty: ontology.Units(n)}
	}
	if _, err := cache.Apply(ctx, tenant, []ontology.Movement{
		mv("e1:1", "WH", "L1", ontology.BucketOnHand, 10),
		mv("e1:2", "WH", "L1", ontology.BucketReserved, 3),
		mv("e2:1", "WH", "L2", ontology.BucketIncoming, 7),
		mv("e3:1", "STORE\t1", "", ontology.BucketOnHand, -2),
		mv("e3:2", "STORE\t1", "", ontology.BucketInTransit, 4),
		mv("e3:3", "STORE\t1", "", ontology.BucketOnHold, 1),
	}); err != nil {
		t.Fatal(err)
	}
	exp := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	if err := cache.SetExpiries(ctx, tenant, map[ontology.Cell]time.Time{{SKU: sku, Location: "WH", Lot: "L1"}: exp}); err != nil {
		t.Fatal(err)
	}
	r := &Resolver{svc: Services{Stock: cache, Zones: zoneMap{"WH": "chilled"}}}
	cfg := generated.Config{Resolvers: r}
	cfg.Directives.HasRole = hasRole
	es := generated.NewExecutableSchema(cfg)
	exec := executor.New(es)
	exec.Use(extension.Introspection{})
	useLimits(exec)
	d := newDirectStock(es.Schema(), r.Query().Stock)
	if d == nil {
		t.Fatal("no direct path for Query.stock")
	}
	vars := map[string]any{"s": sku, "l": "WH"}
	all := "__typename sku location lot onHand reserved available incoming inTransit onHold expiresAt zone updatedAt"
	for i, c := range []struct {
		query  string
		role   apikey.Role
		direct bool
		rows   int
	}{
		{`query($s: String!) { stock(sku: $s) { ` + all + ` } }`, apikey.Reader, true, 3},
		{`query($s: String!, $l: String) { rows: stock(sku: $s, location: $l) { z: zone sku q: available expiresAt } }`, apikey.Finance, true, 2},
		{`query($s: String!) { stock(sku: $s, location: null) { lot onHand } }`, apikey.Admin, true, 3},
		{`{ stock(sku: "nothing here") { sku } }`, apikey.Operator, true, 0},
		{`query($s: String!) { stock(sku: $s) { sku ...F } } fragment F on StockRow { lot }`, apikey.Reader, false, 0},
		{`query($s: String!) { stock(sku: $s) { sku lot @include(if: true) } }`, apikey.Reader, false, 0},
		{`query($s: String!) { stock(sku: $s) { sku sku } }`, apikey.Reader, false, 0},
		{`query($s: String!) { stock(sku: $s) { sku } __typename }`, apikey.Reader, false, 0},
		{`query($s: String!) { stock(sku: $s) { sku } }`, apikey.Partner, false, 0}, // refused: the executor says why
	} {
		kctx := graphql.StartOperationTrace(withKey(ctx, apikey.Key{Tenant: tenant, Role: c.role}))
		rc, errs := exec.CreateOperationContext(kctx, &graphql.RawParams{Query: c.query, Variables: vars})
		if errs != nil {
			t.Fatalf("%s: %v", c.query, errs)
		}
		body, _ := json.Marshal(map[string]any{"query": c.query, "variables": vars, "case": i})
		rec := httptest.NewRecorder()
		if served := d.serve(kctx, rec, rc, body); served != c.direct {
			t.Fatalf("%s as %s: served directly = %v, want %v", c.query, c.role, served, c.direct)
		}
		// The same body again is answered from its plan, the same bytes; a body the
		// direct path declined has no plan.
		again := httptest.NewRecorder()
		if served := d.servePlanned(kctx, again, body); served != c.direct || again.Body.String() != rec.Body.String() {
			t.Errorf("%s as %s: planned = %v %q, want %v %q", c.query, c.role, served, again.Body, c.direct, rec.Body)
		}
		resp, rctx := exec.DispatchOperation(kctx, rc)
		want, err := json.Marshal(resp(rctx))
		if err != nil {
			t.Fatal(err)
		}
		if !c.direct {
			if rec.Body.Len() != 0 {
				t.Errorf("%s: a declined operation wrote %q", c.query, rec.Body)
			}
			continue
		}
		var got bytes.Buffer
		json.HTMLEscape(&got, rec.Body.Bytes())
		if got.String() != string(want) {
			t.Errorf("%s:\n direct %s\n gqlgen %s", c.query, got.String(), want)
		}
		if n := bytes.Count(want, []byte("{")) - 2; n != c.rows {
			t.Errorf("%s: %d rows, want %d: %s", c.query, n, c.rows, want)
		}
	}
}

// Every field of StockRow in the schema is one the direct path writes, so that a field
// added to the schema without it is noticed here rather than by a slower stock read.
func TestDirectStockKnowsEveryRowField(t *testing.T) {
	es := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}})
	def := es.Schema().Types["StockRow"]
	if def == nil || len(def.Fields) == 0 {
		t.Fatal("no StockRow in the schema")
	}
	names := map[string]bool{"__typename": true}
	for _, f := range def.Fields {
		names[f.Name] = true
		if _, ok := appendStockField(nil, &model.StockRow{}, f.Name); !ok || !stockFields[f.Name] {
			t.Errorf("StockRow.%s is not written by the direct path (graph/direct.go)", f.Name)
		}
	}
	for name := range stockFields {
		if !names[name] {
			t.Errorf("the direct path knows %q, which StockRow does not have", name)
		}
	}
}

// A directive on a field of StockRow (a role on one of its figures, say) turns the direct
// path off, since it would answer without it; on the schema as it is, the path is on.
func TestDirectStockStepsAsideForRowDirectives(t *testing.T) {
	es := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}})
	schema := es.Schema()
	if newDirectStock(schema, nil) == nil {
		t.Fatal("no direct path on the schema as it is")
	}
	row := *schema.Types["StockRow"]
	row.Fields = slices.Clone(row.Fields)
	guarded := *row.Fields[0]
	guarded.Directives = ast.DirectiveList{{Name: "hasRole"}}
	row.Fields[0] = &guarded
	changed := *schema
	changed.Types = maps.Clone(schema.Types)
	changed.Types["StockRow"] = &row
	if newDirectStock(&changed, nil) != nil {
		t.Fatalf("the direct path stays on with a directive on StockRow.%s", guarded.Name)
	}
	if newDirectStock(schema, nil) == nil {
		t.Fatal("changing a copy changed the schema")
	}
}

func TestAppendJSONStringAsGqlgen(t *testing.T) {
	for _, s := range []string{"", "plain", "q\"b\\s", "\x00\x01\x1f\t\r\n", "中文 ünï", "bad \xff\xfe utf8", "<&>"} {
		var want bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		if got := appendJSONString(nil, s); string(got) != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("TE\tA \"<&>\" 中")
	f.Add("bad \xff utf8 \x00")
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		if got := appendJSONString(nil, s); string(got) != want.String() {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	})
}

// A planned body holds the operation, never an answer: each request's key decides the
// tenant and the role, and the rows are read on each request. Another tenant's key with
// the same body reads its own stock, a refused role is the executor's to refuse, and a
// change of stock is in the next answer.
func TestPlannedStockReadsAskEachTime(t *testing.T) {
	ctx := context.Background()
	cache := rediscache.New(redistest.Open(t))
	ta, tb := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	add := func(tenant, id string, n int64) {
		t.Helper()
		if _, err := cache.Apply(ctx, tenant, []ontology.Movement{{ID: id, SKU: "TEA", Location: "WH", Lot: "L1",
			Bucket: ontology.BucketOnHand, Qty: ontology.Units(n)}}); err != nil {
			t.Fatal(err)
		}
	}
	add(ta, "a1", 5)
	add(tb, "b1", 9)
	es := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{svc: Services{Stock: cache}}})
	r := &Resolver{svc: Services{Stock: cache}}
	d := newDirectStock(es.Schema(), r.Query().Stock)
	cfg := generated.Config{Resolvers: r}
	cfg.Directives.HasRole = hasRole
	exec := executor.New(generated.NewExecutableSchema(cfg))
	const query = `{ stock(sku: "TEA") { onHand } }`
	body := []byte(`{"query":"{ stock(sku: \"TEA\") { onHand } }"}`)
	read := func(tenant string, role apikey.Role) (string, bool) {
		kctx := graphql.StartOperationTrace(withKey(ctx, apikey.Key{Tenant: tenant, Role: role}))
		w := httptest.NewRecorder()
		if d.servePlanned(kctx, w, body) {
			return w.Body.String(), true
		}
		rc, errs := exec.CreateOperationContext(kctx, &graphql.RawParams{Query: query})
		if errs != nil {
			t.Fatal(errs)
		}
		if d.serve(kctx, w, rc, body) {
			return w.Body.String(), false
		}
		resp, rctx := exec.DispatchOperation(kctx, rc)
		b, _ := json.Marshal(resp(rctx))
		return string(b), false
	}
	for _, c := range []struct {
		tenant  string
		role    apikey.Role
		want    string
		planned bool
	}{
		{ta, apikey.Reader, `{"data":{"stock":[{"onHand":"5"}]}}`, false},
		{ta, apikey.Reader, `{"data":{"stock":[{"onHand":"5"}]}}`, true},
		{tb, apikey.Finance, `{"data":{"stock":[{"onHand":"9"}]}}`, true},
		{ta, apikey.Partner, `"a partner key may not read or change Query.stock"`, false},
		{"", apikey.Admin, `"no valid API key`, false},
	} {
		got, planned := read(c.tenant, c.role)
		if planned != c.planned || !strings.Contains(got, c.want) {
			t.Errorf("tenant %q as %s: planned %v %s, want planned %v %s", c.tenant, c.role, planned, got, c.planned, c.want)
		}
	}
	add(ta, "a2", 2)
	if got, planned := read(ta, apikey.Reader); !planned || got != `{"data":{"stock":[{"onHand":"7"}]}}` {
		t.Errorf("after a change: planned %v %s, want onHand 7", planned, got)
	}
}

// The server's direct path still answers a plain stock read, and plans it, while a body
// the limits refuse is answered with the limit's error and never planned: plans skip
// the limits for a body already answered, so only a body that passed them may have one.
func TestDirectStockPlansOnlyWhatPassesTheLimits(t *testing.T) {
	ctx := context.Background()
	cache := rediscache.New(redistest.Open(t))
	tenant := neo4jtest.Tenant(t)
	if _, err := cache.Apply(ctx, tenant, []ontology.Movement{{ID: "m1", SKU: "TEA", Location: "WH", Lot: "L1",
		Bucket: ontology.BucketOnHand, Qty: ontology.Units(4)}}); err != nil {
		t.Fatal(err)
	}
	srv, direct := newServer(Services{Stock: cache}, nil)
	if direct == nil {
		t.Fatal("no direct path")
	}
	post := func(query string) (*httptest.ResponseRecorder, []byte) {
		body, _ := json.Marshal(map[string]any{"query": query})
		r := httptest.NewRequestWithContext(withKey(ctx, apikey.Key{Tenant: tenant, Role: apikey.Reader}), "POST", "/graphql", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		return w, body
	}
	w, body := post(`{ stock(sku: "TEA") { location onHand } }`)
	if w.Body.String() != `{"data":{"stock":[{"location":"WH","onHand":"4"}]}}` || direct.plans.get(body) == nil {
		t.Fatalf("a plain stock read: %s, planned %v", w.Body, direct.plans.get(body) != nil)
	}
	for _, c := range []struct{ query, code string }{
		{"{" + aliases("a", `stock(sku: "TEA") { onHand }`, maxRootFields+1) + " }", "ROOT_FIELD_LIMIT_EXCEEDED"},
		{"{" + aliases("a", `stock(sku: "TEA") { onHand }`, 100) + " }", "COMPLEXITY_LIMIT_EXCEEDED"},
		{`{ stock(sku: "TEA") { onHand } document(system: "s", type: "t", externalId: "x") { event { sources { document { event { sources {
			document { event { sources { document { event { id } } } } } } } } } } } }`, "DEPTH_LIMIT_EXCEEDED"},
	} {
		for range 2 {
			w, body := post(c.query)
			if !strings.Contains(w.Body.String(), `"code":"`+c.code+`"`) || strings.Contains(w.Body.String(), `"onHand"`) {
				t.Fatalf("%.60s: %s", c.query, w.Body)
			}
			if direct.plans.get(body) != nil {
				t.Fatalf("%.60s: refused by the limits, yet planned", c.query)
			}
		}
	}
}
