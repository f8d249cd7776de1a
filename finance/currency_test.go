package finance

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestInvoicesInSeveralCurrencies: invoices that add up in no single currency are a
// currency_mismatch, as payments in several currencies are, never skipped as agreed.
func TestInvoicesInSeveralCurrencies(t *testing.T) {
	cfg := DefaultConfig()
	usd := doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbSettled, "ACC-SINV-2025-00128", t0.Add(3*time.Hour),
		total(cash("10.00", "USD")))
	r, _ := Reconcile(sale(order(), tracking(), charge("ch_1", eur("48.00")), invoice(eur("48.00")), usd), cfg, asOf)
	if got, want := summary(r), "partial currency_mismatch(48.00 EUR|48.00 EUR + 10.00 USD)"; got != want {
		t.Errorf("sale:\n got %s\nwant %s", got, want)
	}

	pay := doc("erpnext", "payment", ontology.RolePayment, ontology.VerbSettled, "PAY-1", t0.Add(48*time.Hour), total(eur("100.00")),
		ref(ontology.RefInvoice, "INV-A"), ref(ontology.RefInvoice, "INV-B"))
	a := doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbInvoiced, "INV-A", t0, total(eur("100.00")))
	b := doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbInvoiced, "INV-B", t0, total(cash("50.00", "USD")))
	r, _ = Reconcile(Event{ID: "ev_pay", Kind: ontology.KindPayment, OccurredAt: t0, Docs: []Doc{pay}, Related: []Doc{a, b}}, cfg, asOf)
	if got, want := summary(r), "partial currency_mismatch(100.00 EUR + 50.00 USD|100.00 EUR)"; got != want {
		t.Errorf("one payment for invoices in two currencies:\n got %s\nwant %s", got, want)
	}
	// The same payment for invoices in its own currency still agrees.
	b.Total = eur("0.00")
	r, _ = Reconcile(Event{ID: "ev_pay", Kind: ontology.KindPayment, OccurredAt: t0, Docs: []Doc{pay}, Related: []Doc{a, b}}, cfg, asOf)
	if r.Status != Matched {
		t.Errorf("one currency: %s", summary(r))
	}
}
