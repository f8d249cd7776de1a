package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

const reconciliationPage = `query($after: String) {
  reconciliation(from: "2025-02-01", to: "2025-05-31", status: [partial, unmatched], first: 5, after: $after) {
    items { event status reasons { code expected actual documents { system type externalId document { receivedAt } } }
            documents { system type externalId } amounts { currency ordered paid fees net } detail { id kind sources { role } } }
    endCursor hasNextPage } }`

type reconciliationAnswer struct {
	Reconciliation struct {
		Items []struct {
			Event, Status string
			Reasons       []struct {
				Code, Expected, Actual string
				Documents              []struct {
					System, Type, ExternalID string
					Document                 *struct{ ReceivedAt string }
				}
			}
			Detail *struct {
				ID, Kind string
				Sources  []struct{ Role string }
			}
		}
		EndCursor   *string
		HasNextPage bool
	}
}

// TestReconciliationOverGraphQL: finance and admin keys page through a period's
// exceptions and drill down to documents and events; other keys are refused.
func TestReconciliationOverGraphQL(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	injectedDiscrepancies(&financeDocs{t: t, dir: dir})
	ingestAll(t, tenant, dir)

	finance := mintKey(t, tenant, "finance")
	var codes []string
	var after any
	pages := 0
	for {
		var out reconciliationAnswer
		r, _ := graphQLWith(t, base, finance, nil, reconciliationPage, map[string]any{"after": after}, &out)
		if len(r.Errors) > 0 {
			t.Fatalf("%+v", r.Errors)
		}
		pages++
		for _, it := range out.Reconciliation.Items {
			if it.Detail == nil || it.Detail.ID != it.Event || len(it.Detail.Sources) == 0 {
				t.Errorf("%s: no drill-down to its event: %+v", it.Event, it.Detail)
			}
			for _, x := range it.Reasons {
				codes = append(codes, x.Code)
				if len(x.Documents) == 0 || x.Documents[0].Document == nil || x.Documents[0].Document.ReceivedAt == "" {
					t.Errorf("%s %s: no drill-down to its documents: %+v", it.Event, x.Code, x.Documents)
				}
			}
		}
		if !out.Reconciliation.HasNextPage {
			break
		}
		after = *out.Reconciliation.EndCursor
	}
	if pages != 3 || len(codes) != 11 {
		t.Errorf("%d pages, codes %v", pages, codes)
	}
	var sum struct {
		ReconciliationSummary struct {
			Events, AutoReconciled int
			AutoReconciledRate     string
			Exceptions             []struct {
				Code   string
				Events int
			}
		}
	}
	r, _ := graphQLWith(t, base, finance, nil, `{ reconciliationSummary(from: "2025-02-01", to: "2025-05-31") {
  events autoReconciled autoReconciledRate exceptions { code events } } }`, nil, &sum)
	if len(r.Errors) > 0 || sum.ReconciliationSummary.Events != 14 || sum.ReconciliationSummary.AutoReconciled != 3 ||
		sum.ReconciliationSummary.AutoReconciledRate != "0.2143" || len(sum.ReconciliationSummary.Exceptions) != 11 {
		t.Errorf("summary %+v %+v", sum, r.Errors)
	}
	var mat struct {
		Maturity struct {
			Level   int
			Next    string
			Figures []struct {
				Name, Value string
				Level       int
				Met         bool
				Evidence    []string
			}
		}
	}
	r, _ = graphQLWith(t, base, finance, nil, `{ maturity(from: "2025-02-01", to: "2025-05-31") { level next figures { name value level met evidence } } }`, nil, &mat)
	if len(r.Errors) > 0 || len(mat.Maturity.Figures) != 6 {
		t.Fatalf("maturity %+v %+v", r.Errors, mat)
	}
	// Four receipts of one product each, one of them short: 75% accurate, level 0.
	if f := mat.Maturity.Figures[0]; f.Name != "stock accuracy" || f.Value != "75.00%" || f.Met || mat.Maturity.Level != 0 || len(f.Evidence) < 2 {
		t.Errorf("stock accuracy %+v, level %d", f, mat.Maturity.Level)
	}
	// Only finance and admin keys read reconciliation.
	for role, key := range map[string]string{
		"reader": mintKey(t, tenant, "reader"), "partner": mintKey(t, tenant, "partner", "--systems", "shopify"),
	} {
		var out reconciliationAnswer
		r, _ := graphQLWith(t, base, key, nil, reconciliationPage, nil, &out)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "FORBIDDEN" || len(out.Reconciliation.Items) != 0 {
			t.Errorf("a %s key read reconciliation: %+v %+v", role, r.Errors, out)
		}
	}
	var out reconciliationAnswer
	if r := graphQL(t, base, tenant, reconciliationPage, nil, &out); len(r.Errors) > 0 || len(out.Reconciliation.Items) != 5 {
		t.Errorf("admin: %+v", r.Errors)
	}
	// Another tenant's key sees nothing of this tenant.
	if r := graphQL(t, base, neo4jtest.Tenant(t), reconciliationPage, nil, &out); len(r.Errors) > 0 || len(out.Reconciliation.Items) != 0 {
		t.Errorf("another tenant: %+v %d items", r.Errors, len(out.Reconciliation.Items))
	}
	if r := graphQL(t, base, tenant, `{ reconciliation(from: "March", to: "2025-05-31") { hasNextPage } }`, nil, nil); len(r.Errors) == 0 ||
		r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("a bad date: %+v", r.Errors)
	}
}

// TestBreakerFreezesAndLiftsOverGraphQL: a supplier paid 22.6 days past its 60-day terms
// over its last three invoices: approving its purchase order is refused with the rule
// and the figures, until a finance key lifts the breaker; the history keeps it all.
func TestBreakerFreezesAndLiftsOverGraphQL(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	f := &financeDocs{t: t, dir: dir}
	f.purchaseOrder("PUR-ORD-2025-00601")
	for i, p := range []struct{ posted, paid string }{{"2025-01-06", "2025-03-27"}, {"2025-01-13", "2025-04-08"}, {"2025-01-20", "2025-04-14"}} {
		inv := fmt.Sprintf("ACC-PINV-2025-0061%d", i)
		f.purchaseInvoice(inv, fmt.Sprintf("PUR-ORD-2025-0059%d", i), p.posted, p.posted, "1128.00")
		f.supplierPayment(fmt.Sprintf("ACC-PAY-2025-0061%d", i), inv, p.paid, "1128.00")
	}
	ingestAll(t, tenant, dir)
	finance := mintKey(t, tenant, "finance")
	reader := mintKey(t, tenant, "reader")
	ask := func(key, query string, out any) gqlResponse {
		r, _ := graphQLWith(t, base, key, nil, query, nil, out)
		return r
	}
	const approve = `mutation { approvePurchaseOrder(po: "PUR-ORD-2025-00601") { po supplier total { amount currency } by } }`
	// Before any terms are agreed there is nothing to judge: approved.
	var ok struct {
		ApprovePurchaseOrder struct {
			Po, Supplier, By string
			Total            struct{ Amount, Currency string }
		}
	}
	if r := ask(finance, approve, &ok); len(r.Errors) > 0 || ok.ApprovePurchaseOrder.Supplier != "erpnext:SUP-0007" ||
		ok.ApprovePurchaseOrder.Total.Amount != "1128.00" {
		t.Fatalf("%+v %+v", r.Errors, ok)
	}
	if r := ask(reader, `mutation { setPaymentTerms(supplier: "erpnext:SUP-0007", days: 60) { supplier } }`, nil); len(r.Errors) == 0 ||
		r.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("a reader set terms: %+v", r.Errors)
	}
	var terms struct {
		SetPaymentTerms struct {
			AgreedTermsDays int
			Breakers        []struct {
				Rule              string
				Tripped, Breached bool
				Figures           string
			}
		}
	}
	if r := ask(finance, `mutation { setPaymentTerms(supplier: "erpnext:SUP-0007", days: 60) { agreedTermsDays breakers { rule tripped breached figures } } }`,
		&terms); len(r.Errors) > 0 || terms.SetPaymentTerms.AgreedTermsDays != 60 || !terms.SetPaymentTerms.Breakers[0].Tripped {
		t.Fatalf("%+v %+v", r.Errors, terms)
	}
	// Frozen: the refusal reaches the client with its code, the rule and the figures.
	r := ask(finance, approve, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BREAKER_TRIPPED" ||
		!strings.Contains(r.Errors[0].Message, "payment_terms") ||
		!strings.Contains(r.Errors[0].Message, "agreed 60 days, observed 82.6 days from invoice to payment") {
		t.Fatalf("refusal: %+v", r.Errors)
	}
	if r := ask(reader, `mutation { liftBreaker(supplier: "erpnext:SUP-0007", rule: payment_terms, reason: "x") { tripped } }`, nil); len(r.Errors) == 0 ||
		r.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Errorf("a reader lifted the breaker: %+v", r.Errors)
	}
	var lifted struct{ LiftBreaker struct{ Tripped bool } }
	if r := ask(finance, `mutation { liftBreaker(supplier: "erpnext:SUP-0007", rule: payment_terms, reason: "terms renegotiated to 90 days") { tripped liftedBy liftReason } }`,
		&lifted); len(r.Errors) > 0 || lifted.LiftBreaker.Tripped {
		t.Fatalf("lift: %+v %+v", r.Errors, lifted)
	}
	if r := ask(finance, approve, &ok); len(r.Errors) > 0 || ok.ApprovePurchaseOrder.Po != "PUR-ORD-2025-00601" {
		t.Fatalf("after the lift: %+v", r.Errors)
	}
	if r := ask(finance, `mutation { liftBreaker(supplier: "erpnext:SUP-0007", rule: payment_terms, reason: "again") { tripped } }`, nil); len(r.Errors) == 0 ||
		r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("lifting a lifted breaker: %+v", r.Errors)
	}
	var hist struct {
		Breakers []struct {
			Supplier string
			History  []struct{ Rule, Action, By string }
		}
	}
	if r := ask(finance, `{ breakers(supplier: "erpnext:SUP-0007") { supplier history { rule action by } } }`, &hist); len(r.Errors) > 0 || len(hist.Breakers) != 1 {
		t.Fatalf("%+v", r.Errors)
	}
	var actions []string
	for _, h := range hist.Breakers[0].History {
		actions = append(actions, h.Action)
	}
	if strings.Join(actions, " ") != "tripped refused lifted" {
		t.Errorf("history %v", actions)
	}
}

// TestReconcileCommandReportsArrivals: the same period gives the same report until
// documents arrive, and the report names what arrived since the previous run.
func TestReconcileCommandReportsArrivals(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	f := &financeDocs{t: t, dir: dir}
	f.shopifyOrder(3005, 2)
	f.charge("ch_3005", 3005, 4800, "eur")
	f.salesInvoice(3005, 2, "24.00")
	ingestAll(t, tenant, dir)
	run := func(flags ...string) (string, string) {
		var out, errOut bytes.Buffer
		args := append([]string{"reconcile", "--tenant", tenant, "--from", "2025-03-01", "--to", "2025-03-31"}, flags...)
		if err := Run(context.Background(), args, os.Getenv, &out, &errOut); err != nil {
			t.Fatalf("%v\n%s", err, errOut.String())
		}
		return out.String(), errOut.String()
	}
	first, log1 := run()
	second, log2 := run()
	if first != second || !strings.Contains(first, `"missing_shipment"`) {
		t.Errorf("not stable:\n%s\n%s", first, second)
	}
	if !strings.Contains(log1, "first recorded run") || !strings.Contains(log2, "0 documents arrived since the previous run") {
		t.Errorf("logs:\n%s\n%s", log1, log2)
	}
	f.tracking(3005)
	ingestAll(t, tenant, dir)
	summary := filepath.Join(t.TempDir(), "summary.json")
	third, log3 := run("--summary", summary)
	if !strings.Contains(log3, "1 documents arrived since the previous run") || strings.Contains(third, "missing_shipment") {
		t.Errorf("after the tracking arrived:\n%s\n%s", third, log3)
	}
	var s struct {
		Arrived          int
		ArrivedDocuments []struct{ System, Type, ExternalID string }
		Rate             string `json:"autoReconciledRate"`
	}
	b, _ := os.ReadFile(summary)
	if err := json.Unmarshal(b, &s); err != nil || s.Arrived != 1 || s.ArrivedDocuments[0].ExternalID != "trk3005" || s.Rate != "1.0000" {
		t.Errorf("summary %s: %v", b, err)
	}
	// CSV: one row per reason, under a header; --exceptions keeps only those.
	out, _ := run("--format", "csv", "--no-record")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][0] != "event" || rows[1][3] != "matched" || rows[1][4] != "" {
		t.Errorf("csv %q %v", rows, err)
	}
	if out, _ := run("--format", "csv", "--exceptions", "--no-record"); strings.Count(out, "\n") != 1 {
		t.Errorf("exceptions only: %q", out)
	}
	if err := Run(context.Background(), []string{"reconcile", "--tenant", tenant, "--from", "2025-03-31", "--to", "2025-03-01"},
		os.Getenv, io.Discard, io.Discard); err == nil || exitCode(err) != 2 {
		t.Errorf("an empty period: %v", err)
	}
}

func TestFinanceConfigFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seam.yaml")
	yaml := `finance:
  amount: { pct: "0.5" }
  qty: { abs: 1 }
  customerTermsDays: 14
  rates: [ { from: USD, to: CNY, rate: "7.10" } ]
  terms: { acme: { "erpnext:SUP-0007": 60 } }
  breaker: { termsBoundDays: 5 }
`
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(func(k string) string {
		if k == "SEAM_CONFIG" {
			return path
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	f := cfg.Finance.forTenant("acme")
	// Unset figures keep their defaults.
	if f.Amount.Minor.String() != "1" || !f.Amount.Abs.IsZero() || f.Amount.Pct.String() != "0.5" || f.Qty.Abs.String() != "1" || f.CustomerTermsDays != 14 ||
		f.Terms["erpnext:SUP-0007"] != 60 || f.Rates[0].Rate.String() != "7.1" || cfg.Finance.Breaker.TermsBoundDays != 5 ||
		cfg.Finance.Breaker.TermsInvoices != 3 || len(f.CollectedBy) != 4 {
		t.Errorf("%+v %+v", f, cfg.Finance.Breaker)
	}
	if len(cfg.Finance.forTenant("other").Terms) != 0 {
		t.Error("another tenant got acme's terms")
	}
	if err := os.WriteFile(path, []byte("finance:\n  amount: { abs: \"-1\" }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadConfig(func(k string) string {
		if k == "SEAM_CONFIG" {
			return path
		}
		return ""
	}); err == nil || !strings.Contains(err.Error(), "finance tolerance amount") {
		t.Errorf("a negative tolerance: %v", err)
	}
}
