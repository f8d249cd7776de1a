package main

import (
	"fmt"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// payoutReport is Stripe's itemized payout reconciliation report (CSV): one row per
// balance transaction, naming its automatic payout. Amounts are decimals in major units.
func (f *financeDocs) payoutReport(rows ...[5]string) {
	body := "automatic_payout_id,automatic_payout_effective_at,balance_transaction_id,created_utc,available_on_utc,currency," +
		"gross,fee,net,reporting_category,source_id,description,customer_facing_amount,customer_facing_currency,charge_id,payment_intent_id\n"
	for _, r := range rows { // payout, charge id, gross, fee, net
		body += fmt.Sprintf("%s,2025-03-08 00:00:00,txn_%s,2025-03-04 10:12:31,2025-03-06 00:00:00,eur,%s,%s,%s,charge,%s,Order,%s,eur,%s,pi_%s\n",
			r[0], r[1], r[2], r[3], r[4], r[1], r[2], r[1], r[1])
	}
	f.put("stripe", "payout_reconciliation", "csv", body)
}

// TestPayoutsCheckedAgainstTheReport: payouts whose balance transactions are named only
// by Stripe's itemized payout reconciliation report, ingested as a CSV file: the one
// paying out exactly their net is matched, the one paying out more is a payout_mismatch.
func TestPayoutsCheckedAgainstTheReport(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	f := &financeDocs{t: t, dir: t.TempDir()}
	f.charge("ch_3R1", 7001, 4800, "eur")
	f.charge("ch_3R2", 7002, 2400, "eur")
	f.charge("ch_3S1", 7003, 4800, "eur")
	f.payout("po_R", 7002, 4800-164+2400-100)
	f.payout("po_S", 7003, 5000)
	f.payoutReport(
		[5]string{"po_R", "ch_3R1", "48.00", "1.64", "46.36"},
		[5]string{"po_R", "ch_3R2", "24.00", "1.00", "23.00"},
		[5]string{"po_S", "ch_3S1", "48.00", "1.64", "46.36"},
	)
	ingestAll(t, tenant, f.dir)
	evs, _ := reconcile(t, tenant)
	for id, want := range map[string]string{"po_R": "matched ", "po_S": "unmatched payout_mismatch"} {
		e := holding(evs, "stripe", "payout", id)
		if e == nil {
			t.Errorf("payout %s: in no reconciled event", id)
			continue
		}
		if got := codes(e); got != want {
			t.Errorf("payout %s: %q, want %q (%+v)", id, got, want, e.Reasons)
		}
	}
}
