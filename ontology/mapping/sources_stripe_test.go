package mapping_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// Golden tests of the Stripe mappings (SOURCES.md §7a-c): charges, balance transactions
// and payouts, bare and inside Events.

func TestStripeCharge(t *testing.T) {
	cases := []sourceCase{{
		// A charge.succeeded Event; the charge is at data.object. 10350 cents.
		file: "stripe/charge_event.json", id: "ch_3QxAbC2eZvKYlo2C0k1m2n3o", verb: ontology.VerbPaid, status: "succeeded",
		at: "2025-03-04T02:15:22Z", total: "103.5 USD",
		parties: []string{"customer ext=cus_RkXyZ123AbCdEf name=Mei Lin email=mei.lin@example.com phone=+31 6 12345678 country=NL"},
		refs: []string{"payment:ch_3QxAbC2eZvKYlo2C0k1m2n3o", "payment:pi_3QxAbC2eZvKYlo2C0p9q8r7s",
			"balance_txn:txn_3QxAbC2eZvKYlo2C0z1y2x3w", "order_number:1047", "invoice:ACC-SINV-2025-00127"},
	}, {
		// Yen have no minor unit: 4500 is 4,500 JPY, not 45. Fully refunded.
		file: "stripe/charge_jpy.json", id: "ch_3QyJPY2eZvKYlo2C1h2i3j4k", verb: ontology.VerbRefunded, status: "succeeded",
		at: "2025-03-04T02:15:22Z", total: "4500 JPY",
		parties: []string{"customer name=Sato Haruto email=haruto.sato@example.jp country=JP"},
		// metadata.order_number "SO-2001" wins over the description.
		refs: []string{"payment:ch_3QyJPY2eZvKYlo2C1h2i3j4k", "payment:pi_3QyJPY2eZvKYlo2C1p2q3r4s",
			"balance_txn:txn_3QyJPY2eZvKYlo2C1t2u3v4w", "order_number:2001"},
	}, {
		// Declined: no balance transaction; the order number only in the description.
		file: "stripe/charge_failed.json", id: "ch_3QzFaiL2eZvKYlo2C0d9e8f7g", verb: ontology.VerbCancelled, status: "failed",
		at: "2025-03-05T08:05:00Z", total: "24.5 EUR",
		parties: []string{"customer name=Jan de Vries email=Jan.deVries@Example.nl country=NL"},
		refs:    []string{"payment:ch_3QzFaiL2eZvKYlo2C0d9e8f7g", "payment:pi_3QzFaiL2eZvKYlo2C0q1w2e3r", "order_number:1050"},
	}, {
		// A SEPA debit waiting for the bank; "Subscription update" is no order number.
		file: "stripe/charge_pending.json", id: "py_3R0SePa2eZvKYlo2C1a2s3d4f", verb: ontology.VerbOrdered, status: "pending",
		at: "2025-03-06T08:00:00Z", total: "89.9 EUR",
		parties: []string{"customer name=Lotte Jansen email=lotte.jansen@example.nl country=NL"},
		refs: []string{"payment:py_3R0SePa2eZvKYlo2C1a2s3d4f", "payment:pi_3R0SePa2eZvKYlo2C1z2x3c4v",
			"balance_txn:txn_3R0SePa2eZvKYlo2C1b2n3m4k", "order_number:1052", "hub_ref:SEAM-7Q2K"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			if d := checkSource(t, "stripe", "charge", c); d.Role != ontology.RolePayment {
				t.Errorf("role = %s", d.Role)
			}
		})
	}
}

// The description gives an order number only when it names one.
func TestStripeChargeOrderNumberFromDescription(t *testing.T) {
	for desc, want := range map[string]string{
		"Order #1047":         "order_number:1047",
		"Order 1047":          "order_number:1047",
		"Order SO-1047":       "order_number:1047",
		"Subscription update": "",
		"order #1047":         "", // not the "Order " the rule looks for
		"":                    "",
	} {
		d, probs := mapEdited(t, "stripe", "charge", "stripe/charge_failed.json", func(o map[string]any) {
			inner(o, "data.object")["description"] = desc
		})
		if d == nil {
			t.Fatalf("%q: %v", desc, probs)
		}
		got := ""
		for _, r := range d.Refs {
			if r.Kind == ontology.RefOrderNumber {
				got = r.ID()
			}
		}
		if got != want {
			t.Errorf("description %q gave %q, want %q", desc, got, want)
		}
	}
}

func TestStripeBalanceTransaction(t *testing.T) {
	cases := []sourceCase{{
		// As Seam's connector lists them per payout, with the payout's id added. The total
		// is the net: 10350 - 330 cents.
		file: "stripe/balance_transaction.json", id: "txn_3QxAbC2eZvKYlo2C0z1y2x3w", verb: ontology.VerbSettled,
		status: "charge", at: "2025-03-04T02:15:22Z", total: "100.2 USD",
		refs: []string{"balance_txn:txn_3QxAbC2eZvKYlo2C0z1y2x3w", "payment:ch_3QxAbC2eZvKYlo2C0k1m2n3o",
			"payout:po_1QxAbC2eZvKYlo2CpAyOuT01"},
	}, {
		// Not yet available; yen stay whole: 4500 - 162.
		file: "stripe/balance_transaction_pending_jpy.json", id: "txn_3QyJPY2eZvKYlo2C1t2u3v4w", verb: ontology.VerbOrdered,
		status: "charge", at: "2025-03-04T02:15:22Z", total: "4338 JPY",
		refs: []string{"balance_txn:txn_3QyJPY2eZvKYlo2C1t2u3v4w", "payment:ch_3QyJPY2eZvKYlo2C1h2i3j4k"},
	}, {
		// The payout's own entry: its source is the payout, not a payment.
		file: "stripe/balance_transaction_payout.json", id: "txn_1QxPayOutBT2eZvKYlo2C0aaa", verb: ontology.VerbSettled,
		status: "payout", at: "2025-03-06T02:16:40Z", total: "-100.2 USD",
		refs: []string{"balance_txn:txn_1QxPayOutBT2eZvKYlo2C0aaa", "payout:po_1QxAbC2eZvKYlo2CpAyOuT01"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			if d := checkSource(t, "stripe", "balance_transaction", c); d.Role != ontology.RoleSettlement {
				t.Errorf("role = %s", d.Role)
			}
		})
	}
}

func TestStripePayout(t *testing.T) {
	cases := []sourceCase{{
		// Paid: the money reached the bank on arrival_date.
		file: "stripe/payout.json", id: "po_1QxAbC2eZvKYlo2CpAyOuT01", verb: ontology.VerbSettled, status: "paid",
		at: "2025-03-07T00:00:00Z", total: "100.2 USD",
		refs: []string{"payout:po_1QxAbC2eZvKYlo2CpAyOuT01", "balance_txn:txn_1QxPayOutBT2eZvKYlo2C0aaa"},
	}, {
		// A payout.failed Event: the bank account was closed.
		file: "stripe/payout_failed_event.json", id: "po_1QzFaIl2eZvKYlo2CpAyOuT07", verb: ontology.VerbCancelled,
		status: "failed", at: "2025-03-10T00:00:00Z", total: "553 EUR",
		refs: []string{"payout:po_1QzFaIl2eZvKYlo2CpAyOuT07", "balance_txn:txn_1QzFaIlBT2eZvKYlo2C0bbb", "balance_txn:txn_1QzFaIlRv2eZvKYlo2C0ccc"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			if d := checkSource(t, "stripe", "payout", c); d.Role != ontology.RolePayout {
				t.Errorf("role = %s", d.Role)
			}
		})
	}
	for status, want := range map[string]ontology.Verb{"paid": ontology.VerbSettled, "pending": ontology.VerbOrdered,
		"in_transit": ontology.VerbOrdered, "canceled": ontology.VerbCancelled, "failed": ontology.VerbCancelled} {
		d, probs := mapEdited(t, "stripe", "payout", "stripe/payout.json", func(o map[string]any) { o["status"] = status })
		if d == nil || d.Verb != want {
			t.Errorf("status %s: %+v %v, want %s", status, d, probs, want)
		}
	}
}

// The cash chain of SOURCES.md §9.2: charge → balance transaction → payout, each naming
// the next with the same ref.
func TestStripeCashChain(t *testing.T) {
	ch := one(t, "stripe", "charge", "", "stripe/charge_event.json")
	bt := one(t, "stripe", "balance_transaction", "", "stripe/balance_transaction.json")
	po := one(t, "stripe", "payout", "", "stripe/payout.json")
	pbt := one(t, "stripe", "balance_transaction", "", "stripe/balance_transaction_payout.json")
	has := func(d *ontology.Document, kind ontology.RefKind, v string) bool {
		for _, x := range d.RefsOf(kind) {
			if x == v {
				return true
			}
		}
		return false
	}
	if !has(bt, ontology.RefBalanceTxn, ch.RefsOf(ontology.RefBalanceTxn)[0]) || !has(bt, ontology.RefPayment, ch.Key.ExternalID) {
		t.Errorf("charge %s and its balance transaction %s do not link: %s / %s", ch.Key, bt.Key, refs(ch), refs(bt))
	}
	if !has(bt, ontology.RefPayout, po.Key.ExternalID) || !has(pbt, ontology.RefPayout, po.Key.ExternalID) ||
		!has(po, ontology.RefBalanceTxn, pbt.Key.ExternalID) {
		t.Errorf("payout %s does not link: %s / %s / %s", po.Key, refs(bt), refs(pbt), refs(po))
	}
	// The payout pays out the net of the charge.
	if !po.Total.Equal(*bt.Total) {
		t.Errorf("payout %s, net %s", po.Total, bt.Total)
	}
}

// FuzzMapStripe is FuzzMapMeituan for Stripe charges, balance transactions and payouts:
// every input is mapped as each of the three.
func FuzzMapStripe(f *testing.F) {
	samples := map[string]string{}
	for _, file := range []string{"charge_event.json", "charge_jpy.json", "charge_failed.json", "charge_pending.json",
		"balance_transaction.json", "balance_transaction_pending_jpy.json", "balance_transaction_payout.json",
		"payout.json", "payout_failed_event.json"} {
		samples["stripe/"+file] = ""
	}
	fuzzSource(f, "stripe", []string{"charge", "balance_transaction", "payout"}, samples)
}

// TestStripePayoutReconciliationReport: the itemized payout reconciliation report's rows
// are settlements that name their payout, with decimals in major units; a refund's row
// names the charge it refunds.
func TestStripePayoutReconciliationReport(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "stripe", "payout_reconciliation_itemized.csv"))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "stripe", "payout_reconciliation", "csv", raw)
	if err != nil || len(res) != 2 {
		t.Fatalf("%d results, %v", len(res), err)
	}
	want := []struct{ id, status, total, fee string }{
		{"txn_3QxAbC2eZvKYlo2C0z1y2x3w", "charge", "100.2 EUR", "3.3 EUR"},
		{"txn_3QxAbC2eZvKYlo2C0r9s8t7u", "refund", "-20 EUR", "0 EUR"},
	}
	for i, r := range res {
		d := r.Doc
		if len(r.Problems) > 0 || d == nil {
			t.Fatalf("row %d: %v", i, r.Problems)
		}
		w := want[i]
		if d.Key.ExternalID != w.id || d.Role != ontology.RoleSettlement || d.Status != w.status || d.Total.String() != w.total || d.Fee.String() != w.fee {
			t.Errorf("row %d: %s %s %s total %s fee %s, want %+v", i, d.Key.ExternalID, d.Role, d.Status, d.Total, d.Fee, w)
		}
		if !slices.Contains(d.RefsOf(ontology.RefPayout), "po_1QzK8a2eZvKYlo2C9nRt3aBc") || !slices.Contains(d.RefsOf(ontology.RefBalanceTxn), w.id) ||
			!slices.Contains(d.RefsOf(ontology.RefPayment), "ch_3QxAbC2eZvKYlo2C1a2b3c4d") {
			t.Errorf("row %d refs %+v", i, d.Refs)
		}
	}
}

// TestStripeAmountsInStripesMinorUnits: Stripe counts amounts by its own currency lists,
// not ISO 4217's: ISK in hundredths (ISO: none), MGA in whole ariary (ISO: two places).
func TestStripeAmountsInStripesMinorUnits(t *testing.T) {
	for _, c := range []struct{ currency, amount, want string }{
		{"isk", "500", "5 ISK"},
		{"mga", "5000", "5000 MGA"},
		{"jpy", "4500", "4500 JPY"},
		{"kwd", "12340", "12.34 KWD"},
		{"usd", "4800", "48 USD"},
		{"huf", "150000", "1500 HUF"},
	} {
		d, probs := mapEdited(t, "stripe", "charge", "stripe/charge_failed.json", func(o map[string]any) {
			obj := inner(o, "data.object")
			obj["amount"], obj["currency"] = json.Number(c.amount), c.currency
		})
		if d == nil || d.Total == nil {
			t.Fatalf("%s %s: %+v %v", c.amount, c.currency, d, probs)
		}
		if got := d.Total.Amount.String() + " " + d.Total.Currency; got != c.want {
			t.Errorf("amount %s %s read as %s, want %s", c.amount, c.currency, got, c.want)
		}
	}
}

// A charge partly refunded (charge.refunded with amount_refunded 1000 of 2935 and
// refunded false, stripe-mock's charge and refund objects) stays paid, and the money that
// went back is a refund document of the charge: its amount, and the refund and its
// balance transaction as refs, so the refund's own balance transaction (source re_...)
// joins the charge's event. Before, nothing showed the 10.00.
func TestStripeChargePartlyRefunded(t *testing.T) {
	docs := mapSample(t, "stripe", "charge", "", "stripe/charge_refunded_partial_event.json")
	if len(docs) != 2 {
		t.Fatalf("%d documents, want the charge and its refunds", len(docs))
	}
	ch, r := docs[0], docs[1]
	if ch.Verb != ontology.VerbPaid || ch.Total.String() != "29.35 USD" {
		t.Errorf("charge = %s %s", ch.Verb, ch.Total)
	}
	if r.Key.Type != "charge_refunds" || r.Key.ExternalID != "ch_3RV19aaWooOrder751" || r.Role != ontology.RoleRefund ||
		r.Verb != ontology.VerbRefunded || r.Total.String() != "10 USD" {
		t.Fatalf("refunds = %+v %s", r.Key, r.Total)
	}
	if got, want := refs(r), "payment:ch_3RV19aaWooOrder751 payment:pi_3RV19aaWooOrder751 payment:re_3RV19aaRefP751 balance_txn:txn_3RV19aaRefP751"; got != want {
		t.Errorf("refs = %s, want %s", got, want)
	}
	// A charge refunded in full gives its refunds too; one with nothing refunded none.
	if d := ofType(mapSample(t, "stripe", "charge", "", "stripe/charge_jpy.json"), "charge_refunds"); len(d) != 1 || d[0].Total.String() != "4500 JPY" {
		t.Errorf("refunded in full: %+v", d)
	}
	if d := mapSample(t, "stripe", "charge", "", "stripe/charge_event.json"); len(d) != 1 {
		t.Errorf("nothing refunded gave %d documents", len(d))
	}
	// An authorization released without capture gave nothing back: its refunds are
	// cancelled, as the charge is.
	raw := srcSample(t, "stripe/charge_authorized_event.json")
	released := bytes.Replace(bytes.Replace(raw, []byte(`"amount_refunded": 0`), []byte(`"amount_refunded": 8950`), 1),
		[]byte(`"refunded": false`), []byte(`"refunded": true`), 1)
	if bytes.Equal(released, raw) {
		t.Fatal("the authorized charge sample changed")
	}
	docs, ps := sfResults(t, "stripe", "charge", "", released)
	if len(ps) > 0 || len(docs) != 2 || docs[0].Verb != ontology.VerbCancelled || docs[1].Verb != ontology.VerbCancelled {
		t.Errorf("released authorization: %d documents %v", len(docs), ps)
	}
}

// TestStripeChargePayerAddress: a charge's billing_details carry the card holder's
// address where the checkout collected it, the named payer's home that resolution
// compares with the same buyer's storefront orders. A payment form that asks for the
// postcode alone gives its parts, but no whole address to compare with a street.
func TestStripeChargePayerAddress(t *testing.T) {
	raw := []byte(`{"id": "ch_3s0Ojok8Z3ujcHkRyzFVTx", "object": "charge", "amount": 11200, "amount_captured": 11200,
		"amount_refunded": 0, "captured": true, "created": 1776862260, "currency": "usd", "paid": true, "refunded": false,
		"status": "succeeded", "customer": null,
		"billing_details": {"name": "Janice Thornton", "email": "janice.thornton62@example.com", "phone": "(518) 469-9460",
			"address": {"line1": "3409 River Street #28", "line2": "Building B", "city": "Raleigh", "state": "NC",
				"postal_code": "27613-6810", "country": "US"}}}`)
	d := mapOne(t, "stripe", "charge", "", raw)
	if len(d.Parties) != 1 || d.Parties[0].Place == nil {
		t.Fatalf("parties = %+v, want the payer with an address", d.Parties)
	}
	p := d.Parties[0]
	want := ontology.AddressPart{Street: "3409 River Street #28", Line2: "Building B", Locality: "Raleigh", Region: "NC", Postcode: "27613-6810"}
	if *p.Place != want || p.Address != "3409 River Street #28, 27613-6810, Raleigh" {
		t.Errorf("address = %q, place = %+v; want %+v", p.Address, *p.Place, want)
	}
	d = one(t, "stripe", "charge", "", "stripe/charge_event.json")
	if p := d.Parties[0]; p.Address != "" || p.Place == nil || p.Place.Postcode != "1012 AB" || p.Place.Street != "" {
		t.Errorf("postcode-only payer: address = %q, place = %+v; want the postcode and no whole address", p.Address, p.Place)
	}
}
