package finance

import (
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// reportRow is a row of Stripe's itemized payout reconciliation report: the balance
// transaction of a charge, naming the payout that paid it out.
func reportRow(chargeID, net, fees, payout string) Doc {
	return doc("stripe", TypePayoutReport, ontology.RoleSettlement, ontology.VerbSettled, "txn_"+chargeID, t0.Add(time.Minute),
		total(eur(net)), fee(eur(fees)), status("charge"), ref(ontology.RefBalanceTxn, "txn_"+chargeID),
		ref(ontology.RefPayment, chargeID), ref(ontology.RefPayout, payout))
}

func TestPayoutReportRows(t *testing.T) {
	cfg := DefaultConfig()
	po := doc("stripe", "payout", ontology.RolePayout, ontology.VerbSettled, "po_9", t0.AddDate(0, 0, 2), total(eur("92.72")),
		ref(ontology.RefPayout, "po_9"))
	payout := func(related ...Doc) string {
		r, _ := Reconcile(Event{ID: "ev_po", Kind: ontology.KindPayment, Docs: []Doc{po}, Related: related}, cfg, asOf)
		return summary(r)
	}
	if got, want := payout(reportRow("ch_a", "46.36", "1.64", "po_9"), reportRow("ch_b", "46.36", "1.64", "po_9")), "matched"; got != want {
		t.Errorf("two report rows summing to the payout: %s, want %s", got, want)
	}
	if got, want := payout(reportRow("ch_a", "46.36", "1.64", "po_9")), "unmatched payout_mismatch(46.36 EUR|92.72 EUR)"; got != want {
		t.Errorf("one row missing: %s, want %s", got, want)
	}
	// The same entry as the API object (naming the payout too) and as the report's row:
	// counted once.
	api := settlement("ch_a", eur("46.36"), eur("1.64"), ref(ontology.RefBalanceTxn, "txn_ch_a"), ref(ontology.RefPayout, "po_9"))
	if got, want := payout(api, reportRow("ch_a", "46.36", "1.64", "po_9"), reportRow("ch_b", "46.36", "1.64", "po_9")), "matched"; got != want {
		t.Errorf("an entry as both API object and report row: %s, want %s", got, want)
	}

	// The API object without the payout and its report row with it, in one event with
	// the payout: the row's payout carries over to the object kept.
	bare := settlement("ch_a", eur("46.36"), eur("1.64"), ref(ontology.RefBalanceTxn, "txn_ch_a"))
	if r, _ := Reconcile(Event{ID: "ev_po", Kind: ontology.KindPayment, Docs: []Doc{po, bare, reportRow("ch_a", "46.36", "1.64", "po_9")},
		Related: []Doc{reportRow("ch_b", "46.36", "1.64", "po_9")}}, cfg, asOf); summary(r) != "matched" {
		t.Errorf("the API object kept without the report row's payout: %s", summary(r))
	}

	// In the sale's event: the charge, its API balance transaction and its report row
	// are one charge settled once, fees counted once.
	r, _ := Reconcile(sale(order(), tracking(), charge("ch_a", eur("48.00")),
		settlement("ch_a", eur("46.36"), eur("1.64"), ref(ontology.RefBalanceTxn, "txn_ch_a")),
		reportRow("ch_a", "46.36", "1.64", "po_9")), cfg, asOf)
	if summary(r) != "matched" || len(r.Amounts) != 1 || r.Amounts[0].Fees != "1.64" || r.Amounts[0].Net != "46.36" {
		t.Errorf("a charge with its API transaction and its report row: %s, amounts %+v", summary(r), r.Amounts)
	}
	// A refund's row names the charge it refunds: it is not that charge's settlement.
	refund := reportRow("ch_a", "-20.00", "0.00", "po_9")
	refund.Key.ExternalID, refund.Status = "txn_re_a", "refund"
	refund.Refs = append(refund.Refs, ontology.Ref{Kind: ontology.RefBalanceTxn, Value: "txn_re_a"})
	refund.Refs = slices.DeleteFunc(refund.Refs, func(r ontology.Ref) bool { return r.Kind == ontology.RefBalanceTxn && r.Value == "txn_ch_a" })
	r, _ = Reconcile(sale(order(), tracking(), charge("ch_a", eur("48.00")), reportRow("ch_a", "46.36", "1.64", "po_9"), refund), cfg, asOf)
	for _, x := range r.Reasons {
		if x.Code == AmountMismatch {
			t.Errorf("a refund's report row compared with the charge it refunds: %s", summary(r))
		}
	}
	// A report row in another currency than its charge states no rate: not compared,
	// never a made-up currency_mismatch.
	r, _ = Reconcile(sale(order(total(cash("52.00", "USD"))), tracking(), charge("ch_u", cash("52.00", "USD")),
		reportRow("ch_u", "46.36", "1.64", "po_9")), cfg, asOf)
	if summary(r) != "matched" {
		t.Errorf("a converted charge settled by a report row: %s", summary(r))
	}
}
