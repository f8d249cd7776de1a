package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors/webhook"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// outsideDir holds documents written the way the providers send them (their webhook
// envelopes and REST answers, ids and amounts our own): webhook/ is posted in name order,
// signed, the way each provider delivers; files/<system>/<type>/ goes through `seam ingest`.
const outsideDir = "testdata/finance_outside"

// webhookRoute reads a delivery's system and topic from its file name:
// 13_e_shopify_refunds_create.json is Shopify's refunds/create, 20_woocommerce_order.created.json
// WooCommerce's order.created; Stripe names its event inside the body.
func webhookRoute(name string) (system, topic string) {
	parts := strings.Split(strings.TrimSuffix(name, ".json"), "_")
	for len(parts) > 0 && (len(parts[0]) <= 2) {
		parts = parts[1:] // the sequence number and the step letter
	}
	if len(parts) == 0 {
		return "", ""
	}
	system, rest := parts[0], parts[1:]
	switch system {
	case "shopify":
		topic = strings.Join(rest, "/")
	case "woocommerce":
		topic = strings.Join(rest, "_")
	}
	return system, topic
}

// postOutsideWebhooks delivers every webhook of the folder, signed as its provider signs,
// and fails on any answer but 200 accepted.
func postOutsideWebhooks(t *testing.T, base, tenant, dir string) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no webhooks in %s: %v", dir, err)
	}
	slices.Sort(names)
	for _, path := range names {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		system, topic := webhookRoute(name)
		url := base + "/webhooks/" + tenant + "/" + system
		h := webhook.Sign(system, body, []byte(testSecret), url, time.Now())
		h.Set("Content-Type", "application/json")
		switch system {
		case "shopify":
			h.Set("X-Shopify-Topic", topic)
			h.Set("X-Shopify-Webhook-Id", "outside-"+name)
			h.Set("X-Shopify-Shop-Domain", "theehuis-nl.myshopify.com")
			h.Set("X-Shopify-API-Version", "2025-01")
		case "woocommerce":
			h.Set("X-WC-Webhook-Topic", topic)
			h.Set("X-WC-Webhook-Resource", "order")
			h.Set("X-WC-Webhook-Event", strings.TrimPrefix(topic, "order."))
			h.Set("X-WC-Webhook-Delivery-ID", "outside-"+name)
			h.Set("X-WC-Webhook-Source", "https://theehuis.example.nl/")
		}
		code, r := postWebhook(t, base, tenant, system, body, h)
		if code != http.StatusOK || r.Status != "accepted" {
			t.Fatalf("%s: answered %d %+v", name, code, r)
		}
	}
}

// copyTree copies the ingest folders into dir (ingestAll removes what it ingested).
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, raw, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// outsideResult is an event as an outside checker reads `seam reconcile --format json`.
type outsideResult struct {
	Event   string `json:"event"`
	Status  string `json:"status"`
	Reasons []struct {
		Code      string `json:"code"`
		Expected  string `json:"expected"`
		Actual    string `json:"actual"`
		SKU       string `json:"sku"`
		Documents []struct {
			System, Type, ExternalID string
		} `json:"documents"`
	} `json:"reasons"`
	Documents []struct {
		System     string `json:"system"`
		Type       string `json:"type"`
		ExternalID string `json:"externalId"`
	} `json:"documents"`
}

func (r outsideResult) holds(system, typ, id string) bool {
	return slices.ContainsFunc(r.Documents, func(d struct {
		System     string `json:"system"`
		Type       string `json:"type"`
		ExternalID string `json:"externalId"`
	}) bool {
		return d.System == system && d.Type == typ && d.ExternalID == id
	})
}

func (r outsideResult) verdict() string {
	var cs []string
	for _, x := range r.Reasons {
		cs = append(cs, x.Code)
	}
	return r.Status + " " + strings.Join(cs, ",")
}

// TestReconcileOutsideDocuments reconciles order lives written from the providers' own
// examples, delivered the way partners deliver them: Shopify, WooCommerce and Stripe as
// signed webhooks, Stripe's balance transactions, ERPNext, customs and ShipBob as files.
// Each life is either entirely in order (it must come out matched: a false exception
// costs a person as much as a missed one) or carries one discrepancy, which must come
// out with its code and nothing else.
func TestReconcileOutsideDocuments(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	postOutsideWebhooks(t, "http://"+s.Addr, tenant, filepath.Join(outsideDir, "webhook"))
	dir := t.TempDir()
	copyTree(t, filepath.Join(outsideDir, "files"), dir)
	ingestAll(t, tenant, dir)

	// The supplier invoices in yuan, customs took the value in dollars: finance
	// configures the rate it books at.
	conf := filepath.Join(t.TempDir(), "seam.yaml")
	if err := os.WriteFile(conf, []byte("finance:\n  rates: [ { from: USD, to: CNY, rate: \"7.10\" } ]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	getenv := func(k string) string {
		if k == "SEAM_CONFIG" {
			return conf
		}
		return os.Getenv(k)
	}
	var out, errOut bytes.Buffer
	args := []string{"reconcile", "--tenant", tenant, "--from", "2025-03-01", "--to", "2025-04-30", "--format", "json", "--no-record"}
	if err := Run(context.Background(), args, getenv, &out, &errOut); err != nil {
		t.Fatalf("seam reconcile: %v\n%s", err, errOut.String())
	}
	var evs []outsideResult
	if err := json.Unmarshal(out.Bytes(), &evs); err != nil {
		t.Fatalf("reconcile --format json: %v\n%s", err, out.String())
	}
	want := []struct {
		system, typ, id string
		verdict         string
		why             string
	}{
		{"shopify", "order", "6410193803101", "matched ", "taxes and shipping, paid by Stripe named only by the checkout token, fulfilled, invoiced"},
		{"shopify", "order", "6410193803102", "matched ", "USD order, Stripe balance in EUR at the transaction's rate, linked by the payment intent"},
		{"shopify", "order", "641019383103", "matched ", "one of two units refunded and restocked"},
		{"shopify", "order", "641019383104", "partial refund_without_return", "one unit refunded, nothing restocked"},
		{"woocommerce", "order", "5120", "matched ", "WooCommerce order paid by its Stripe charge, completed"},
		{"erpnext", "invoice", "ACC-SINV-2025-00610", "matched ", "Sales Invoice paid by two Payment Entries"},
		{"erpnext", "invoice", "ACC-SINV-2025-00620", "matched ", "CNY Sales Invoice with a rounding adjustment, paid its rounded total"},
		{"stripe", "payout", "po_1RBoutsideA", "matched ", "payout of five charges (one converted) less two refunds"},
		{"erpnext", "purchase_order", "PUR-ORD-2025-00710", "partial quantity_mismatch", "two-line PO, mugs received 236 of 240"},
		{"erpnext", "purchase_order", "PUR-ORD-2025-00720", "matched_within_tolerance ", "CNY PO and invoice, export declared in USD"},
	}
	seen := map[string]bool{}
	for _, w := range want {
		i := slices.IndexFunc(evs, func(e outsideResult) bool { return e.holds(w.system, w.typ, w.id) })
		if i < 0 {
			t.Errorf("%s/%s/%s (%s): in no reconciled event", w.system, w.typ, w.id, w.why)
			continue
		}
		e := evs[i]
		seen[e.Event] = true
		if got := e.verdict(); got != w.verdict {
			t.Errorf("%s/%s/%s (%s): got %q, want %q\n%+v\ndocuments %+v", w.system, w.typ, w.id, w.why, got, w.verdict, e.Reasons, e.Documents)
		}
	}
	for _, e := range evs {
		if !seen[e.Event] && len(e.Reasons) > 0 {
			t.Errorf("an exception nobody made: %s %+v documents %+v", e.verdict(), e.Reasons, e.Documents)
		}
	}
	if t.Failed() {
		return
	}
	short := evs[slices.IndexFunc(evs, func(e outsideResult) bool { return e.holds("erpnext", "purchase_order", "PUR-ORD-2025-00710") })]
	if r := short.Reasons[0]; r.SKU != "MUG-BLU-350" || r.Expected != "240" || r.Actual != "236" {
		t.Errorf("short receipt: %+v", r)
	}
	kept := evs[slices.IndexFunc(evs, func(e outsideResult) bool { return e.holds("shopify", "order", "641019383104") })]
	if !kept.holds("shopify", "refund", "99008818603104") || !kept.holds("stripe", "charge", "ch_3RA3outside3104") {
		t.Errorf("the kept goods' event does not hold its refund and charge: %+v", kept.Documents)
	}
}
