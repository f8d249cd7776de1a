package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory/rediscache/redistest"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// bakeryHistory books twelve weeks of a store's bread and milk through the ledger's own
// path. Bread is received weekly at 0.80 EUR: 70, but only 10 four weeks ago (it runs
// out for days) and 150 last week; it is wanted 8 a day and 13 at weekends, and sold as
// long as there is some. Milk sells 3 a day but is never received, so the ledger does
// not know its stock. It returns the store's canonical location.
func bakeryHistory(t *testing.T, s *Server, tenant string) string {
	t.Helper()
	loc := &ontology.LocationRef{System: "x", Code: "S1"}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	first := today.AddDate(0, 0, -days)
	price := &ontology.Money{Amount: decimal.RequireFromString("0.80"), Currency: "EUR"}
	var envs []ontology.Envelope
	add := func(d ontology.Document) {
		raw, _ := json.Marshal(d)
		envs = append(envs, ontology.Envelope{Doc: d, Raw: raw, Via: "test"})
	}
	stock := int64(0)
	for i := range days {
		day := first.AddDate(0, 0, i)
		if i%7 == 0 {
			n := map[int]int64{days - 28: 10, days - 7: 150}[i]
			if n == 0 {
				n = 70
			}
			stock += n
			add(ontology.Document{Key: ontology.DocKey{Tenant: tenant, System: "erp", Type: "receipt", ExternalID: fmt.Sprintf("R-%d", i)},
				Role: ontology.RoleReceipt, Verb: ontology.VerbReceived, OccurredAt: day.Add(6 * time.Hour), Location: loc,
				Lines: []ontology.Line{{SKU: "BREAD", Qty: ontology.Units(n), UnitPrice: price}}})
		}
		want := int64(8)
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			want = 13
		}
		lines := []ontology.Line{{SKU: "MILK", Qty: ontology.Units(3)}}
		if sold := min(want, stock); sold > 0 {
			stock -= sold
			lines = append(lines, ontology.Line{SKU: "BREAD", Qty: ontology.Units(sold)})
		}
		add(ontology.Document{Key: ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: fmt.Sprintf("P-%d", i)},
			Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: day.Add(10 * time.Hour), Location: loc, Lines: lines})
	}
	// The tenant may hold other events already (the dashboard's test adds these to its own).
	before, err := s.App.store.Stats(context.Background(), tenant)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.App.store.SaveDocuments(context.Background(), envs); err != nil {
		t.Fatal(err)
	}
	s.App.worker.Notify(tenant)
	deadline := time.Now().Add(60 * time.Second)
	for {
		st, err := s.App.store.Stats(context.Background(), tenant)
		if err != nil {
			t.Fatal(err)
		}
		// In a fresh tenant each document is an event of its own. Beside other data one
		// may join an event there; the documents were stored before this loop, so none
		// pending and every movement projected is done. Either way the projector clears
		// its marks a little after it applies them (it defers them), so done means no
		// movement still marked: a test that fingerprints the tenant must not see them go.
		fresh := before.Documents == 0
		if st.Pending == 0 && st.Unprojected == 0 && (!fresh || st.Events == int64(len(envs))) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("resolution did not finish: %+v (before: %+v), want %d documents resolved", st, before, len(envs))
		}
		time.Sleep(100 * time.Millisecond)
	}
	return "x:S1"
}

// days is how far back bakeryHistory goes.
const days = 84

func seam(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := Run(context.Background(), args, os.Getenv, &out, io.Discard); err != nil {
		t.Fatalf("seam %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

type proposalRow struct {
	ID, Sku, Location, Qty, Status, HistoricalMean, SafetyStock, AtArrival string
	Executable                                                             bool
	Reasons                                                                []string
	Capital                                                                *struct{ Amount, Currency string }
	CostSource                                                             *string
	ApprovedBy                                                             *string
}

const proposalFields = `id sku location qty status executable reasons historicalMean safetyStock atArrival
	capital { amount currency } costSource approvedBy`

// TestForecastsProposalsAndTheBreaker is issue 15's acceptance through the binary:
// `seam forecast` forecasts from resolved sales with stock-out days left out, stores
// forecasts and proposals in Neo4j, GraphQL serves them with the credibility board, and
// the breaker holds the extreme proposal (milk, whose stock the ledger does not know)
// until an operator approves it; a refresh keeps the approval.
func TestForecastsProposalsAndTheBreaker(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	loc := bakeryHistory(t, s, tenant)

	out := seam(t, "forecast", "--tenant", tenant)
	t.Logf("seam forecast --tenant %s:\n%s", tenant, out)
	if !strings.Contains(out, "2 series, 0 failed") || !strings.Contains(out, "order proposals: 2, 1 held") {
		t.Fatalf("seam forecast said:\n%s", out)
	}

	var f struct {
		Forecast struct {
			Model   string
			Version int
			Daily   []struct{ Demand float64 }
			Weekly  []struct{ Days int }
			Inputs  struct {
				CensoredDays, ObservedDays int
			}
			Accuracy struct {
				Origins int
				Chosen  struct{ Wape *float64 }
			}
		}
	}
	r := graphQL(t, base, tenant, `query($l: String!) { forecast(sku: "BREAD", location: $l) {
		model version daily { demand } weekly { days } inputs { censoredDays observedDays } accuracy { origins chosen { wape } } } }`,
		map[string]any{"l": loc}, &f)
	if len(r.Errors) > 0 {
		t.Fatalf("forecast: %+v", r.Errors)
	}
	fc := f.Forecast
	if fc.Model == "" || fc.Version < 1 || len(fc.Daily) != 28 || len(fc.Weekly) < 4 || fc.Accuracy.Origins == 0 || fc.Accuracy.Chosen.Wape == nil {
		t.Fatalf("bread forecast %+v", fc)
	}
	// The short week left bread out of stock for days: those are missing, not zero.
	if fc.Inputs.CensoredDays < 2 || fc.Inputs.ObservedDays+fc.Inputs.CensoredDays != days {
		t.Errorf("inputs %+v: want the stock-out days censored out of 56", fc.Inputs)
	}
	for _, d := range fc.Daily {
		if d.Demand < 5 || d.Demand > 16 {
			t.Errorf("bread forecast %v a day, sold 8 to 13", d.Demand)
			break
		}
	}

	var board struct {
		ForecastAccuracy struct {
			SeriesCount int
			Total       struct{ Wape *float64 }
			Baseline    struct{ Wape *float64 }
			Series      []struct{ Sku string }
			Runs        []struct{ Series, Proposals int }
		}
	}
	if r := graphQL(t, base, tenant, `{ forecastAccuracy { seriesCount total { wape } baseline { wape } series { sku } runs { series proposals } } }`,
		nil, &board); len(r.Errors) > 0 {
		t.Fatalf("forecastAccuracy: %+v", r.Errors)
	}
	b := board.ForecastAccuracy
	if b.SeriesCount != 2 || len(b.Series) != 2 || b.Total.Wape == nil || b.Baseline.Wape == nil || len(b.Runs) != 1 || b.Runs[0].Proposals != 2 {
		t.Errorf("credibility board %+v", b)
	}

	var ps struct{ OrderProposals []proposalRow }
	if r := graphQL(t, base, tenant, `{ orderProposals { `+proposalFields+` } }`, nil, &ps); len(r.Errors) > 0 {
		t.Fatalf("orderProposals: %+v", r.Errors)
	}
	props := map[string]proposalRow{}
	for _, p := range ps.OrderProposals {
		props[p.Sku] = p
	}
	bread, milk := props["BREAD"], props["MILK"]
	if bread.Status != "PROPOSED" || !bread.Executable || bread.Capital == nil || bread.Capital.Currency != "EUR" ||
		bread.CostSource == nil || !strings.Contains(*bread.CostSource, "purchase price on "+tenant+"/erp/receipt/") {
		t.Errorf("bread proposal %+v: want an executable one costed from the receipts", bread)
	}
	if q, _ := decimal.NewFromString(bread.Qty); bread.Capital != nil && !q.Mul(decimal.RequireFromString("0.8")).Equal(decimal.RequireFromString(bread.Capital.Amount)) {
		t.Errorf("bread capital %s for %s units at 0.80", bread.Capital.Amount, bread.Qty)
	}
	// Milk sold 3 a day and was never received: the ledger holds −252 on hand, and
	// the proposal that makes up for it is far above what 14 days of history sold.
	if milk.Status != "HELD" || milk.Executable || milk.Capital != nil || len(milk.Reasons) == 0 ||
		!strings.Contains(strings.Join(milk.Reasons, " "), "historical mean") {
		t.Fatalf("milk proposal %+v: want it held by the breaker, saying why", milk)
	}

	// A reader may not approve; an operator may.
	reader, operator := mintKey(t, tenant, "reader"), mintKey(t, tenant, "operator")
	approve := `mutation($id: ID!) { approveProposal(id: $id) { ` + proposalFields + ` } }`
	if r, _ := graphQLWith(t, base, reader, nil, approve, map[string]any{"id": milk.ID}, nil); len(r.Errors) == 0 {
		t.Error("a reader approved a proposal")
	}
	var held struct{ OrderProposals []proposalRow }
	graphQLWith(t, base, reader, nil, `{ orderProposals(status: HELD) { id executable } }`, nil, &held)
	if len(held.OrderProposals) != 1 || held.OrderProposals[0].ID != milk.ID || held.OrderProposals[0].Executable {
		t.Fatalf("held proposals after a refused approval: %+v", held.OrderProposals)
	}
	var ap struct{ ApproveProposal proposalRow }
	if r, _ := graphQLWith(t, base, operator, nil, approve, map[string]any{"id": milk.ID}, &ap); len(r.Errors) > 0 {
		t.Fatalf("approveProposal: %+v", r.Errors)
	}
	if a := ap.ApproveProposal; a.Status != "APPROVED" || !a.Executable || a.ApprovedBy == nil || a.Qty != milk.Qty {
		t.Errorf("approved proposal %+v", a)
	}
	if r, _ := graphQLWith(t, base, operator, nil, approve, map[string]any{"id": "op-nothing"}, nil); len(r.Errors) == 0 ||
		!strings.Contains(r.Errors[0].Message, "no such order proposal") {
		t.Errorf("approving an unknown proposal: %+v", r.Errors)
	}

	// The same history proposes the same orders: the approval stands.
	seam(t, "forecast", "--tenant", tenant)
	var again struct{ OrderProposals []proposalRow }
	graphQL(t, base, tenant, `{ orderProposals { `+proposalFields+` } }`, nil, &again)
	for _, p := range again.OrderProposals {
		if p.Sku == "MILK" && (p.ID != milk.ID || p.Status != "APPROVED") {
			t.Errorf("after a refresh milk's proposal is %+v, want %s still approved", p, milk.ID)
		}
	}
}

// TestSandboxReplaysWithoutTouchingProduction: `seam sandbox` and the sandbox query
// replay the same period under another safety stock, give the same report every time,
// and leave every node, relationship and Redis key of the tenant as it was.
func TestSandboxReplaysWithoutTouchingProduction(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	bakeryHistory(t, s, tenant)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	from, to := today.AddDate(0, 0, -28).Format(time.DateOnly), today.AddDate(0, 0, -1).Format(time.DateOnly)

	adminKey(t, tenant) // minted now: a key is a node of the tenant
	before := fingerprint(t, tenant)
	args := []string{"sandbox", "--tenant", tenant, "--from", from, "--to", to, "--set", "safetyStock.BREAD=48h", "--set", "leadTime=1d", "--set", "reviewPeriod=1d"}
	first := seam(t, args...)
	t.Logf("seam %s:\n%s", strings.Join(args, " "), first)
	if second := seam(t, args...); second != first {
		t.Errorf("two sandbox runs differ:\n%s\n%s", first, second)
	}
	for _, want := range []string{"sandbox of " + tenant + ", " + from + " to " + to, "safetyStock.BREAD=48h", "lost sales",
		"not replayed (no receipt ever, so the ledger does not know their stock): MILK@x:S1"} {
		if !strings.Contains(first, want) {
			t.Errorf("sandbox report lacks %q:\n%s", want, first)
		}
	}
	var js struct {
		Actual, Replay struct{ Lost, Demand ontology.Qty }
	}
	if err := json.Unmarshal([]byte(seam(t, append(args, "--json")...)), &js); err != nil {
		t.Fatal(err)
	}
	// As it happened bread ran out in the short week; ordering daily with two days of
	// safety stock it would not have.
	if js.Actual.Lost <= 0 || js.Replay.Lost != 0 || js.Actual.Demand != js.Replay.Demand {
		t.Errorf("lost sales %d as it happened and %d with the policy (demand %d / %d)", js.Actual.Lost, js.Replay.Lost,
			js.Actual.Demand, js.Replay.Demand)
	}

	var g struct {
		Sandbox struct {
			Settings       []string
			Actual, Replay struct {
				LostSales      string
				AverageCapital []struct{ Amount, Currency string }
			}
			Untracked []string
		}
	}
	q := `query($f: Time!, $t: Time!, $s: [String!]!) { sandbox(from: $f, to: $t, set: $s) {
		settings actual { lostSales averageCapital { amount currency } } replay { lostSales averageCapital { amount currency } } untracked } }`
	vars := map[string]any{"f": from + "T00:00:00Z", "t": to + "T00:00:00Z", "s": []string{"safetyStock.BREAD=48h", "leadTime=1d", "reviewPeriod=1d"}}
	if r := graphQL(t, base, tenant, q, vars, &g); len(r.Errors) > 0 {
		t.Fatalf("sandbox: %+v", r.Errors)
	}
	if g.Sandbox.Replay.LostSales != "0" || g.Sandbox.Actual.LostSales == "0" || len(g.Sandbox.Replay.AverageCapital) != 1 ||
		g.Sandbox.Replay.AverageCapital[0].Currency != "EUR" || len(g.Sandbox.Untracked) != 1 {
		t.Errorf("sandbox over GraphQL: %+v", g.Sandbox)
	}
	vars["s"] = []string{"safetyStock.BREAD=soon"}
	if r := graphQL(t, base, tenant, q, vars, nil); len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "invalid policy setting") {
		t.Errorf("a bad setting: %+v", r.Errors)
	}
	if diff := fingerprintDiff(before, fingerprint(t, tenant)); diff != "" {
		t.Errorf("the sandbox changed production:\n%s", diff)
	}
}

// fingerprint is every node of the tenant with its labels and properties, its
// relationships, and its Redis keys with their values, one sorted row each.
func fingerprint(t *testing.T, tenant string) []string {
	t.Helper()
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(neo4jtest.URI(), neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, drv, `
MATCH (n) WHERE n.tenant = $t OR n.uid STARTS WITH $p
OPTIONAL MATCH (n)-[r]->()
WITH n, count(r) AS rels
RETURN labels(n) AS labels, properties(n) AS props, rels`, map[string]any{"t": tenant, "p": tenant + "/"},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(os.Getenv("SEAM_NEO4J_DATABASE")))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, rec := range res.Records {
		rows = append(rows, fmt.Sprint(rec.Values...))
	}
	rdb := redistest.Open(t)
	for _, k := range redistest.Keys(t, rdb, "seam:{"+tenant+"}:*") {
		v, _ := rdb.Dump(ctx, k).Result()
		rows = append(rows, k+"="+v)
	}
	sort.Strings(rows)
	return rows
}

// fingerprintDiff names the rows only one of two fingerprints holds (at most ten
// each way), so a failure says what changed; "" when they are equal.
func fingerprintDiff(before, after []string) string {
	in := func(rows []string) map[string]bool {
		m := make(map[string]bool, len(rows))
		for _, r := range rows {
			m[r] = true
		}
		return m
	}
	had, has := in(before), in(after)
	var b strings.Builder
	if len(before) != len(after) {
		fmt.Fprintf(&b, "%d rows before, %d after\n", len(before), len(after))
	}
	for _, side := range []struct {
		label string
		rows  []string
		other map[string]bool
	}{{"gone:", before, has}, {"new: ", after, had}} {
		n := 0
		for _, r := range side.rows {
			if !side.other[r] {
				if n++; n <= 10 {
					fmt.Fprintf(&b, "%s %s\n", side.label, r)
				}
			}
		}
		if n > 10 {
			fmt.Fprintf(&b, "%s … and %d more\n", side.label, n-10)
		}
	}
	return b.String()
}

// TestForecastPoliciesInConfig: the config's policies are checked at start, naming the
// tenant and the setting.
func TestForecastPoliciesInConfig(t *testing.T) {
	for _, c := range []struct {
		settings []string
		every    time.Duration
		err      string
	}{
		{settings: []string{"leadTime.*=3d", "safetyStock.BREAD=48h", "unitCost.BREAD=0.80 EUR"}},
		{settings: []string{"safetyStock.BREAD=lots"}, err: `forecasts of tenant acme: invalid policy setting "safetyStock.BREAD=lots"`},
		{settings: []string{"colour.BREAD=red"}, err: `unknown field "colour"`},
		{every: -time.Minute, err: "forecastEvery -1m0s"},
	} {
		cfg := DefaultConfig()
		cfg.Forecasts = map[string][]string{"acme": c.settings}
		cfg.ForecastEvery = c.every
		err := cfg.Validate()
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%q every %s: error %v, want %q", c.settings, c.every, err, c.err)
		}
	}
	cfg := DefaultConfig()
	cfg.Forecasts = map[string][]string{"acme": {"lotSize.BREAD=12"}}
	if got := cfg.policies("acme").For("BREAD").LotSize; got != ontology.Units(12) {
		t.Errorf("acme's bread lot size %s, want 12", got)
	}
	if got := cfg.policies("other").For("BREAD").LotSize; got != 0 {
		t.Errorf("another tenant's lot size %s, want the default", got)
	}
}
