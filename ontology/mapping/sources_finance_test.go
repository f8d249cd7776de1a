package mapping_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// Golden tests of what reconciliation reads beyond totals: a balance transaction's fee
// and exchange rate, an invoice's due date, purchase orders and supplier invoices.

func TestStripeBalanceTransactionFeeAndRate(t *testing.T) {
	d := one(t, "stripe", "balance_transaction", "json", "stripe/balance_transaction.json")
	// 10350 gross - 330 fee = 10020 net, in cents.
	if d.Total.String() != "100.2 USD" || d.Fee == nil || d.Fee.String() != "3.3 USD" || d.ExchangeRate != nil {
		t.Fatalf("total %v fee %v rate %v", d.Total, d.Fee, d.ExchangeRate)
	}
	jpy := one(t, "stripe", "balance_transaction", "json", "stripe/balance_transaction_pending_jpy.json")
	if jpy.Fee.String() != "162 JPY" {
		t.Errorf("yen fee = %v", jpy.Fee)
	}
	// A euro charge settled in dollars: 103.50 EUR x 1.06029 = 109.74 USD gross.
	fx := one(t, "stripe", "balance_transaction", "json", "stripe/balance_transaction_fx.json")
	if fx.Total.String() != "106.26 USD" || fx.Fee.String() != "3.48 USD" || fx.ExchangeRate == nil ||
		fx.ExchangeRate.String() != "1.06029" {
		t.Fatalf("total %v fee %v rate %v", fx.Total, fx.Fee, fx.ExchangeRate)
	}
	wantExactRefs(t, fx, "balance_txn:txn_3QxFxEu2eZvKYlo2C0fXr8t5u", "payment:ch_3QxFxEu2eZvKYlo2C0aEuR001")
}

func TestStripeBalanceTransactionBadRate(t *testing.T) {
	raw := []byte(`{"id": "txn_1", "object": "balance_transaction", "amount": 100, "fee": 3, "net": 97,
 "currency": "usd", "created": 1741054600, "status": "available", "type": "charge", "exchange_rate": "about one"}`)
	ps := mapProblems(t, "stripe", "balance_transaction", "json", raw)
	if len(ps) != 1 || ps[0].Field != "exchangeRate" || ps[0].Rule != "decimal" || ps[0].Value != "about one" {
		t.Fatalf("problems = %v", ps)
	}
}

func TestERPNextInvoiceDueDate(t *testing.T) {
	b2b := one(t, "erpnext", "invoice", "json", "erpnext/sales_invoice_b2b.json")
	if b2b.DueAt == nil {
		t.Fatal("no due date")
	}
	// 5 April on the Amsterdam site's clock (CEST) is 4 April 22:00 UTC.
	wantTime(t, "dueAt", *b2b.DueAt, "2025-04-04T22:00:00Z")
}

func TestERPNextPurchaseOrder(t *testing.T) {
	d := one(t, "erpnext", "purchase_order", "json", "erpnext/purchase_order.json")
	if d.Key.ExternalID != "PUR-ORD-2025-00381" || d.Role != ontology.RolePurchase || d.Verb != ontology.VerbOrdered ||
		d.Status != "To Receive and Bill" || d.Total.String() != "1128 EUR" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-02-23T23:00:00Z")
	wantLocation(t, d, "erpnext:Stores - NLW")
	wantParties(t, d, "supplier:SUP-0007:Example GmbH:")
	wantLines(t, d, "TEA-OOL-250G qty=480 unit=Nos price=2.35EUR")
	// The number the receipt's purchase_order quotes.
	wantExactRefs(t, d, "po:PUR-ORD-2025-00381")

	// A bare draft, in yuan: not approved yet, ordered all the same.
	draft := one(t, "erpnext", "purchase_order", "json", "erpnext/purchase_order_draft_cny.json")
	if draft.Verb != ontology.VerbOrdered || draft.Status != "Draft" || draft.Total.String() != "3600 CNY" {
		t.Fatalf("%+v", draft)
	}
	wantParties(t, draft, "supplier:SUP-0012:杭州示例茶业有限公司:")
	wantLocation(t, draft, "erpnext:Stores - SHW")
}

func TestERPNextPurchaseOrderVerbs(t *testing.T) {
	for status, want := range map[string]ontology.Verb{
		"Draft": ontology.VerbOrdered, "To Receive and Bill": ontology.VerbOrdered, "To Bill": ontology.VerbReceived,
		"Completed": ontology.VerbReceived, "Cancelled": ontology.VerbCancelled, "Something New": ontology.VerbOrdered,
	} {
		d, probs := mapEdited(t, "erpnext", "purchase_order", "erpnext/purchase_order.json", func(o map[string]any) {
			inner(o, "data")["status"] = status
		})
		if d == nil || d.Verb != want {
			t.Errorf("%s: %v (problems %v), want %s", status, d, probs, want)
		}
	}
}

func TestERPNextPurchaseInvoice(t *testing.T) {
	d := one(t, "erpnext", "purchase_invoice", "json", "erpnext/purchase_invoice.json")
	if d.Key.ExternalID != "ACC-PINV-2025-00019" || d.Role != ontology.RoleInvoice || d.Verb != ontology.VerbSettled ||
		d.Total.String() != "1175.2 EUR" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-22T09:12:40Z")
	wantTime(t, "dueAt", *d.DueAt, "2025-05-20T22:00:00Z")
	wantParties(t, d, "supplier:SUP-0007:Example GmbH:DE811234567")
	wantLines(t, d, "TEA-OOL-250G qty=472 unit=Nos lot=B250112 price=2.35EUR")
	// Its name (which the supplier's Payment Entry names) and its purchase order.
	wantExactRefs(t, d, "invoice:ACC-PINV-2025-00019", "po:PUR-ORD-2025-00381")
}

// FuzzMapERPNextPurchasing feeds mutations of the purchasing samples to their mappings.
func FuzzMapERPNextPurchasing(f *testing.F) {
	for _, file := range []string{"purchase_order.json", "purchase_order_draft_cny.json", "purchase_invoice.json"} {
		f.Add(readSample(f, "erpnext/"+file))
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, typ := range []string{"purchase_order", "purchase_invoice"} {
			fuzzOne(t, reg, "erpnext", typ, "json", raw)
		}
	})
}
