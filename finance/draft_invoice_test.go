package finance

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestDraftAndCancelledInvoicesAreNotInvoiced: an ERPNext Sales Invoice still a draft
// (docstatus 0, mapped as ordered) or cancelled (docstatus 2) is owed by no one. Before,
// a draft beside its order counted as invoiced (718.74 EUR invoiced against 48 ordered,
// an amount_mismatch), and a draft alone was a missing_payment past its due date.
func TestDraftAndCancelledInvoicesAreNotInvoiced(t *testing.T) {
	invoice := func(verb ontology.Verb) Doc {
		return doc("erpnext", "invoice", ontology.RoleInvoice, verb, "ACC-SINV-2025-00131", t0.Add(time.Hour),
			total(eur("718.74")), line("TEA-OOL-250G", 24, "18.00", "EUR"))
	}
	for _, verb := range []ontology.Verb{ontology.VerbOrdered, ontology.VerbCancelled} {
		r, _ := Reconcile(sale(order(), invoice(verb)), DefaultConfig(), asOf)
		for _, a := range r.Amounts {
			if a.Invoiced != "" {
				t.Errorf("%s invoice beside its order: invoiced %s", verb, a.Invoiced)
			}
		}
		for _, x := range r.Reasons {
			if x.Code == AmountMismatch {
				t.Errorf("%s invoice compared with its order: %+v", verb, x)
			}
		}
		if alone, ok := Reconcile(sale(invoice(verb)), DefaultConfig(), asOf); ok {
			t.Errorf("%s invoice alone is finance's: %s %+v", verb, alone.Status, alone.Amounts)
		}
	}
	// Submitted, it is invoiced.
	r, _ := Reconcile(sale(order(), invoice(ontology.VerbInvoiced)), DefaultConfig(), asOf)
	if len(r.Amounts) != 1 || r.Amounts[0].Invoiced != "718.74" {
		t.Errorf("a submitted invoice: %+v", r.Amounts)
	}
}

// TestPaymentSettlingInvoicesElsewhereSkipsDrafts: a payment for an invoice held in
// another event is compared with the invoices found there. A credit note still a draft
// (docstatus 0, return_against the invoice) carries the invoice's number and is found
// with it; before, its 48.00 was added to what is owed (96.00 against the 48.00 paid).
func TestPaymentSettlingInvoicesElsewhereSkipsDrafts(t *testing.T) {
	inv := doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbInvoiced, "ACC-SINV-2025-00131", t0,
		total(eur("48.00")), ref(ontology.RefInvoice, "ACC-SINV-2025-00131"))
	draftReturn := doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbOrdered, "ACC-SINV-2025-00140", t0.Add(24*time.Hour),
		total(eur("48.00")), ref(ontology.RefInvoice, "ACC-SINV-2025-00140"), ref(ontology.RefInvoice, "ACC-SINV-2025-00131"))
	pay := doc("erpnext", "payment", ontology.RolePayment, ontology.VerbSettled, "ACC-PAY-2025-00031", t0.Add(48*time.Hour),
		total(eur("48.00")), ref(ontology.RefInvoice, "ACC-SINV-2025-00131"))
	ev := Event{ID: "ev_pay", Kind: ontology.KindPayment, OccurredAt: t0.Add(48 * time.Hour), Docs: []Doc{pay}, Related: []Doc{inv, draftReturn}}
	if r, _ := Reconcile(ev, DefaultConfig(), asOf); r.Status != Matched {
		t.Errorf("the payment beside its invoice and a draft credit note: %s", summary(r))
	}
}
