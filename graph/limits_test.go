package graph

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/99designs/gqlgen/graphql/handler/extension"
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

// limitsExecutor is an executor with the server's limits, over a schema whose resolvers
// are never run: the limits refuse in CreateOperationContext.
func limitsExecutor() (*executor.Executor, graphql.ExecutableSchema) {
	cfg := generated.Config{Resolvers: &Resolver{}}
	cfg.Directives.HasRole = hasRole
	costs(&cfg.Complexity)
	es := generated.NewExecutableSchema(cfg)
	exec := executor.New(es)
	exec.Use(extension.Introspection{})
	useLimits(exec)
	return exec, es
}

// limitCode is the code of the error CreateOperationContext refuses query with, "" when
// it passes.
func limitCode(t *testing.T, exec *executor.Executor, query string, vars map[string]any) string {
	t.Helper()
	ctx := graphql.StartOperationTrace(context.Background())
	_, errs := exec.CreateOperationContext(ctx, &graphql.RawParams{Query: query, Variables: vars})
	if len(errs) == 0 {
		return ""
	}
	code, _ := errs[0].Extensions["code"].(string)
	if code == "" {
		t.Fatalf("%.80s: refused without a code: %v", query, errs)
	}
	return code
}

// aliases is field n times, under the aliases prefix0, prefix1, ...
func aliases(prefix, field string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " %s%d: %s", prefix, i, field)
	}
	return b.String()
}

// Every root field of Query reads the store, and so costs at least readCost whatever it
// asks for: a field added without a price would cost gqlgen's default of 1, and a query
// could repeat it thousands of times under aliases.
func TestEveryRootQueryFieldIsPriced(t *testing.T) {
	_, es := limitsExecutor()
	// Required arguments get a value of their type; the rest keep their defaults.
	values := map[string]any{"String": "x", "ID": "x", "Time": "2025-03-01T00:00:00Z", "Int": 1}
	for _, f := range es.Schema().Query.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		args := map[string]any{}
		for _, a := range f.Arguments {
			switch {
			case a.DefaultValue != nil:
				v, err := a.DefaultValue.Value(nil)
				if err != nil {
					t.Fatal(err)
				}
				args[a.Name] = v
			case a.Type.NonNull && a.Type.Elem != nil:
				args[a.Name] = []any{}
			case a.Type.NonNull:
				args[a.Name] = values[a.Type.NamedType]
			}
		}
		cost, ok := es.Complexity(context.Background(), "Query", f.Name, 0, args)
		if !ok {
			t.Errorf("Query.%s has no price (graph/limits.go costs)", f.Name)
		} else if cost < readCost {
			t.Errorf("Query.%s costs %d before its fields, less than a read (%d)", f.Name, cost, readCost)
		}
	}
}

// Aliases pay for their reads: the reviewer's query, thousands of aliases of a root
// field without a price, is refused, a list root field costs its first, and a query
// of as many aliases as the root field limit lets through still pays for each read.
func TestAliasesPayForTheirReads(t *testing.T) {
	exec, _ := limitsExecutor()
	for _, field := range []string{
		`productSuggestions(first: 500) { code }`,
		`setAside(first: 500) { items { system } }`,
		`maturity(from: "2000-01-01", to: "2030-01-01") { __typename }`,
		`reconciliationSummary(from: "2000-01-01", to: "2030-01-01") { events }`,
		`breakers { supplier }`,
		`forecastAccuracy(first: 500) { seriesCount series { sku } }`,
		`partyNetwork(partyId: "x", depth: 4) { root }`,
	} {
		if code := limitCode(t, exec, "{"+aliases("a", field, 2500)+" }", nil); code != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("2,500 aliases of %s: %q, want COMPLEXITY_LIMIT_EXCEEDED", field, code)
		}
		if code := limitCode(t, exec, "{"+aliases("a", field, maxRootFields)+" }", nil); code != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("%d aliases of %s: %q, want COMPLEXITY_LIMIT_EXCEEDED", maxRootFields, field, code)
		}
		if code := limitCode(t, exec, "{ "+field+" }", nil); code != "" {
			t.Errorf("one %s: refused %s", field, code)
		}
	}
	_, es := limitsExecutor()
	cost := func(query string) int {
		t.Helper()
		doc, errs := gqlparser.LoadQuery(es.Schema(), query)
		if errs != nil {
			t.Fatal(errs)
		}
		return complexity.Calculate(context.Background(), es, doc.Operations[0], nil)
	}
	for _, q := range []string{`productSuggestions(first: %d) { code title }`, `setAside(first: %d) { items { system reason } }`} {
		small, large := cost("{ "+fmt.Sprintf(q, 10)+" }"), cost("{ "+fmt.Sprintf(q, 100)+" }")
		if large-small != 90*(large-readCost)/100 || large < 100*2 {
			t.Errorf("%s: first 10 costs %d, first 100 %d: not priced by first", q, small, large)
		}
	}
}

// An operation may have at most maxRootFields root fields, counted as the executor
// collects them: each alias, through fragments, without those @skip drops or a repeated
// response key merges, without introspection; mutations too.
func TestRootFieldLimit(t *testing.T) {
	exec, _ := limitsExecutor()
	doc := `document(system: "s", type: "t", externalId: "x") { receivedAt }`
	skipped := `document(system: "s", type: "t", externalId: "x") @skip(if: $no) { receivedAt }`
	half := maxRootFields/2 + 1
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		want        string
	}{
		{"at the limit", "{" + aliases("a", doc, maxRootFields) + " }", nil, ""},
		{"one more", "{" + aliases("a", doc, maxRootFields+1) + " }", nil, "ROOT_FIELD_LIMIT_EXCEEDED"},
		{"through fragments", "{ ...A ... on Query {" + aliases("b", doc, half) + " } } fragment A on Query {" + aliases("a", doc, half) + " }",
			nil, "ROOT_FIELD_LIMIT_EXCEEDED"},
		{"one response key is one field", "{" + aliases("a", doc, maxRootFields-1) + aliases("b", doc, 1) + aliases("b", doc, 1) + aliases("b", doc, 1) + " }", nil, ""},
		{"skipped fields do not count", `query($no: Boolean!) {` + aliases("a", skipped, 5) + aliases("b", doc, maxRootFields) + " }",
			map[string]any{"no": true}, ""},
		{"included ones do", `query($no: Boolean!) {` + aliases("a", skipped, 5) + aliases("b", doc, maxRootFields) + " }",
			map[string]any{"no": false}, "ROOT_FIELD_LIMIT_EXCEEDED"},
		{"introspection does not count", `{ __typename t: __typename __schema { queryType { name } }` + aliases("a", doc, maxRootFields) + " }", nil, ""},
		{"mutations count", "mutation {" + aliases("a", `acknowledgeAlert(id: "x") { id }`, maxRootFields+1) + " }", nil, "ROOT_FIELD_LIMIT_EXCEEDED"},
	} {
		if got := limitCode(t, exec, tc.query, tc.vars); got != tc.want {
			t.Errorf("%s: %q, want %q\n%s", tc.name, got, tc.want, tc.query)
		}
	}
	ctx := graphql.StartOperationTrace(context.Background())
	_, errs := exec.CreateOperationContext(ctx, &graphql.RawParams{Query: "{" + aliases("a", doc, 30) + " }"})
	if len(errs) != 1 || errs[0].Message != "the operation asks for 30 root fields (aliases counted); at most 20 are allowed: send several requests" ||
		errs[0].Extensions["fields"] != 30 || errs[0].Extensions["limit"] != maxRootFields {
		t.Errorf("30 aliases: %+v", errs)
	}
}

// The queries README.md shows, and the dashboard's heaviest, pass the limits: each line
// of a graphql block that does not start with a space begins an operation, indented
// lines continue it.
func TestDocumentedQueriesPassTheLimits(t *testing.T) {
	exec, _ := limitsExecutor()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	in := false
	for line := range strings.SplitSeq(string(readme), "\n") {
		switch {
		case strings.HasPrefix(line, "```graphql"):
			in = true
		case strings.HasPrefix(line, "```"):
			in = false
		case !in || strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, " ") && len(ops) > 0:
			ops[len(ops)-1] += "\n" + line
		default:
			ops = append(ops, line)
		}
	}
	if len(ops) < 20 {
		t.Fatalf("found %d queries in README.md; the blocks moved?", len(ops))
	}
	// From web/src (review.js, forecast.js, suggestions.js), their constants filled in.
	const doc = "system type externalId role verb status occurredAt receivedAt via"
	const metrics = "wape mase bias days actual"
	ops = append(ops,
		`query { reviewQueue(first: 20) { items { id score createdAt document { `+doc+` }
			event { id kind status occurredAt location sources { role document { system type externalId verb status } }
			movements { sku location lot bucket qty } }
			evidence { document decidedBy rule score threshold keys fields { field weight values } note } } } }`,
		`query { forecastAccuracy(first: 50, runs: 10) { total { `+metrics+` } baseline { `+metrics+` } seriesCount beatingBaseline
			series { sku location model version origins horizon beatsBaseline chosen { `+metrics+` } baseline { `+metrics+` } }
			runs { id at version series failed proposals censoredDays total { wape mase bias } baseline { wape mase bias } } } }`,
		`query { productSuggestions(first: 50) { system code title hsCode model documents reason candidates { sku score fields { field weight } } } }`,
		`query($p: ID!) { partyNetwork(partyId: $p, depth: 2) { root truncated parties { id name kind taxId depth merged } links { from to reason score } } }`,
	)
	for _, op := range ops {
		if code := limitCode(t, exec, op, map[string]any{"p": "pt_1"}); code != "" {
			t.Errorf("refused %s:\n%s", code, op)
		}
	}
}
