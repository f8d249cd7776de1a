package finance

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestSummaryCountsEachFeeOnce: a balance transaction's fee is what the processor kept
// once, though both the sale it books and the payout that pays it out show it; and a
// payout is money already counted in its sales: the summary shows it apart.
func TestSummaryCountsEachFeeOnce(t *testing.T) {
	bt := settlement("ch_1", eur("46.90"), eur("1.10"), ref(ontology.RefPayout, "po_1"))
	sold := sale(order(), tracking(), charge("ch_1", eur("48.00")), invoice(eur("48.00")), bt)
	po := doc("stripe", "payout", ontology.RolePayout, ontology.VerbSettled, "po_1", t0.Add(48*time.Hour), total(eur("46.90")),
		ref(ontology.RefPayout, "po_1"))
	paidOut := Event{ID: "ev_po", Kind: ontology.KindPayment, OccurredAt: t0.Add(48 * time.Hour), Docs: []Doc{po}, Related: []Doc{bt}}
	// A dispute's fee booked on its own: no sale of the period reconciles it, its fee is
	// still kept.
	dispute := doc("stripe", "balance_transaction", ontology.RoleSettlement, ontology.VerbSettled, "txn_du_1", t0.Add(time.Hour),
		total(eur("-15.00")), fee(eur("15.00")), status("adjustment"), ref(ontology.RefPayment, "du_1"))
	disputed := Event{ID: "ev_du", Kind: ontology.KindPayment, OccurredAt: t0.Add(time.Hour), Docs: []Doc{dispute}}

	q := Query{Tenant: "t", From: t0.Add(-time.Hour), To: t0.AddDate(0, 0, 5), AsOf: asOf}
	s, err := Run(context.Background(), memSource{sold, disputed, paidOut}, q, DefaultConfig(), func(r Result) error {
		// Each event still shows its own view: the payout its transactions' fees.
		if got := amountsText(r); r.Event == "ev_po" && strings.Join(got, " ") != "EUR gross=48.00 fees=1.10 paidOut=46.90" {
			t.Errorf("payout amounts %v", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Fees) != 1 || s.Fees[0] != (CurrencyAmount{"EUR", "16.10"}) {
		t.Errorf("fees %+v, want 1.10 + 15.00 EUR once each", s.Fees)
	}
	m := s.ByStatus[0]
	if m.Status != Matched || m.Events != 2 || len(m.Amounts) != 1 || m.Amounts[0] != (CurrencyAmount{"EUR", "48.00"}) ||
		len(m.PaidOut) != 1 || m.PaidOut[0] != (CurrencyAmount{"EUR", "46.90"}) {
		t.Errorf("matched %+v, want 2 events worth 48.00 EUR, 46.90 EUR of it paid out", m)
	}
	var out bytes.Buffer
	if err := WriteSummary(&out, s, CSV); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"amount,matched,EUR,,48.00\n", "paidOut,matched,EUR,,46.90\n", "fees,,EUR,,16.10\n"} {
		if !strings.Contains(out.String(), row) {
			t.Errorf("csv lacks %q:\n%s", row, out.String())
		}
	}
}

// TestSummaryKeepsBatchPaymentsApart: one transfer paying two invoices that their own
// sales hold is money those sales already count; the summary shows it apart, not added
// to them.
func TestSummaryKeepsBatchPaymentsApart(t *testing.T) {
	inv := func(id string) Doc {
		return doc("erpnext", "invoice", ontology.RoleInvoice, ontology.VerbInvoiced, id, t0, total(eur("48.00")))
	}
	a, b := inv("INV-A"), inv("INV-B")
	pay := doc("erpnext", "payment", ontology.RolePayment, ontology.VerbSettled, "PAY-1", t0.Add(48*time.Hour), total(eur("96.00")),
		ref(ontology.RefInvoice, "INV-A"), ref(ontology.RefInvoice, "INV-B"))
	paid := Event{ID: "ev_pay", Kind: ontology.KindPayment, OccurredAt: t0.Add(48 * time.Hour), Docs: []Doc{pay}, Related: []Doc{a, b}}
	q := Query{Tenant: "t", From: t0.Add(-time.Hour), To: t0.AddDate(0, 0, 5), AsOf: asOf}
	s, err := Run(context.Background(), memSource{paid}, q, DefaultConfig(), func(r Result) error {
		if r.Status != Matched {
			t.Errorf("the batch payment: %s", summary(r))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := s.ByStatus[0]
	if m.Status != Matched || m.Events != 1 || len(m.Amounts) != 0 || len(m.Settlements) != 1 || m.Settlements[0] != (CurrencyAmount{"EUR", "96.00"}) {
		t.Errorf("matched %+v, want the 96.00 EUR payment apart from the amounts", m)
	}
	var out bytes.Buffer
	if err := WriteSummary(&out, s, CSV); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "settlements,matched,EUR,,96.00\n") {
		t.Errorf("csv lacks the settlement:\n%s", out.String())
	}
}
