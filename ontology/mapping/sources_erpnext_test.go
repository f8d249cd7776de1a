package mapping_test

import (
	"bytes"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

func TestERPNextPurchaseReceipt(t *testing.T) {
	d := one(t, "erpnext", "receipt", "json", "erpnext/purchase_receipt.json")
	if d.Key.ExternalID != "MAT-PRE-2025-00042" || d.Role != ontology.RoleReceipt || d.Verb != ontology.VerbReceived || d.Status != "To Bill" {
		t.Fatalf("%+v", d)
	}
	// 14:05 on the site's clock in Amsterdam (CET in March), microseconds as ERPNext sends them.
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-21T13:05:00.412345Z")
	// The receipt's default warehouse, not the first line's bin.
	wantLocation(t, d, "erpnext:Stores - NLW")
	wantLines(t, d,
		// Accepted, not received (480 = 472 accepted + 8 rejected).
		"TEA-OOL-250G gtin=09501101530003 qty=472 rejected=8 unit=Nos lot=B250112 price=2.35EUR",
		// 4 boxes of 12 bought are 48 on the shelf, at the price of one.
		"FILTER-102 gtin=8712345678906 qty=48 rejected=0 unit=Nos price=1.375EUR")
	wantParties(t, d, "supplier:SUP-0007:Example GmbH:")
	// lr_no is not a tracking number: ERPNext labels it the vehicle number, which every
	// delivery by the same truck shares. A batch is not a ref either.
	wantExactRefs(t, d, "po:PUR-ORD-2025-00381", "po:PUR-ORD-2025-00382", "asn:ASN-88213")
}

func TestERPNextStockFieldsNotComputed(t *testing.T) {
	// Zeros where ERPNext has not computed the stock-unit fields yet fall back to the
	// purchase-unit ones, rather than making a line of nothing at no price.
	raw := readSample(t, "erpnext/purchase_receipt.json")
	raw = bytes.Replace(raw, []byte(`"stock_qty": 48.0`), []byte(`"stock_qty": 0.0`), 1)
	raw = bytes.Replace(raw, []byte(`"stock_uom_rate": 1.375`), []byte(`"stock_uom_rate": 0`), 1)
	d := mapOne(t, "erpnext", "receipt", "json", raw)
	if l := d.Lines[1]; l.Qty.String() != "4" || l.UnitPrice.String() != "16.5 EUR" {
		t.Errorf("line = %s", lineText(l))
	}
}

func TestERPNextDraftReceiptAcrossDST(t *testing.T) {
	d := one(t, "erpnext", "receipt", "json", "erpnext/purchase_receipt_draft.json")
	if d.Verb != ontology.VerbDeclared || d.Status != "Draft" {
		t.Fatalf("%+v", d)
	}
	// 30 March 2025 is the day Amsterdam moves to summer time: 09:15 is 07:15 UTC.
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-30T07:15:00Z")
	// No default warehouse: the first line's.
	wantLocation(t, d, "erpnext:Stores - SHW")
	wantLines(t, d, "TEA-GRN-100G gtin=6951234567897 qty=200 rejected=0 unit=Nos lot=LJ2503-07 price=18CNY")
	wantParties(t, d, "supplier:SUP-0012:杭州示例茶业有限公司:")
	// An empty supplier_delivery_note is no ASN.
	wantExactRefs(t, d, "po:PUR-ORD-2025-00390")
}

func TestERPNextPurchaseReturnIsRefused(t *testing.T) {
	// A return to the supplier has negative quantities, which no canonical line takes:
	// refused with the line and value named, never booked as incoming stock.
	ps := mapProblems(t, "erpnext", "receipt", "json", readSample(t, "erpnext/purchase_receipt_return.json"))
	if len(ps) != 1 || ps[0].Field != "lines[0].qty" || ps[0].Value != "-8" {
		t.Fatalf("problems = %v", ps)
	}
}

func TestERPNextReceiptVerbs(t *testing.T) {
	raw := readSample(t, "erpnext/purchase_receipt.json")
	for status, want := range map[string]ontology.Verb{
		"Draft": ontology.VerbDeclared, "To Bill": ontology.VerbReceived, "Partly Billed": ontology.VerbReceived,
		"Completed": ontology.VerbReceived, "Closed": ontology.VerbReceived, "Return Issued": ontology.VerbReceived,
		"Cancelled": ontology.VerbCancelled,
	} {
		d := mapOne(t, "erpnext", "receipt", "json", bytes.Replace(raw, []byte(`"To Bill"`), []byte(`"`+status+`"`), 1))
		if d.Verb != want {
			t.Errorf("%s = %s, want %s", status, d.Verb, want)
		}
	}
	// docstatus 2 is cancelled whatever the status word still says.
	d := mapOne(t, "erpnext", "receipt", "json", bytes.Replace(raw, []byte(`"docstatus": 1`), []byte(`"docstatus": 2`), 1))
	if d.Verb != ontology.VerbCancelled {
		t.Errorf("docstatus 2 = %s", d.Verb)
	}
}

func TestERPNextSalesInvoice(t *testing.T) {
	d := one(t, "erpnext", "invoice", "json", "erpnext/sales_invoice.json")
	if d.Key.ExternalID != "ACC-SINV-2025-00127" || d.Role != ontology.RoleInvoice || d.Verb != ontology.VerbSettled ||
		d.Total.String() != "103.5 EUR" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-04T09:20:00Z")
	wantParties(t, d, "customer:CUST-00981:Mei Lin:NL812345678B01")
	wantLines(t, d, "TEA-OOL-250G qty=2 price=24EUR")
	// "#1047" is shop order 1047.
	wantExactRefs(t, d, "invoice:ACC-SINV-2025-00127", "order_number:1047")

	b2b := one(t, "erpnext", "invoice", "json", "erpnext/sales_invoice_b2b.json")
	if b2b.Verb != ontology.VerbInvoiced || b2b.Status != "Unpaid" || b2b.Total.String() != "718.74 EUR" {
		t.Fatalf("%+v", b2b)
	}
	wantTime(t, "occurredAt", b2b.OccurredAt, "2025-03-06T15:45:10.000221Z")
	// A Chinese customer's USCC, checked by the validator.
	wantParties(t, b2b, "customer:CUST-01002:上海示例餐饮管理有限公司:91310115MA1H7Q4R28")
	wantLines(t, b2b,
		"TEA-OOL-250G qty=24 unit=Nos lot=B250112 price=18EUR",
		"MUG-BLU-350 gtin=9501101530010 qty=12 unit=Nos price=13.5EUR")
	// The customer's own PO-7781 is not shop order 7781.
	wantExactRefs(t, b2b, "invoice:ACC-SINV-2025-00131")
}

func TestERPNextPaymentEntry(t *testing.T) {
	d := one(t, "erpnext", "payment", "json", "erpnext/payment_entry.json")
	if d.Key.ExternalID != "ACC-PAY-2025-00311" || d.Role != ontology.RolePayment || d.Verb != ontology.VerbSettled ||
		d.Status != "Submitted" || d.Total.String() != "100.2 USD" {
		t.Fatalf("%+v", d)
	}
	// A date alone is the start of that day on the site's clock.
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-06T23:00:00Z")
	wantParties(t, d, "customer:CUST-00981:Mei Lin:")
	// A Stripe payout is a payout, and not also a payment.
	wantExactRefs(t, d, "payout:po_1QxAbC2eZvKYlo2C", "invoice:ACC-SINV-2025-00127")

	bank := one(t, "erpnext", "payment", "json", "erpnext/payment_entry_bank.json")
	if bank.Total.String() != "1175.2 EUR" || bank.Verb != ontology.VerbSettled {
		t.Fatalf("%+v", bank)
	}
	// Paid to a supplier: the party is a supplier, the bank reference a payment, and only
	// the invoice among the references (not the journal entry).
	wantParties(t, bank, "supplier:SUP-0007:Example GmbH:")
	// The supplier's Bank Account record, which relates suppliers paid into one account.
	if got := bank.Parties[0].BankAccount; got != "Example GmbH - Deutsche Bank" {
		t.Errorf("bank account %q", got)
	}
	if got := d.Parties[0].BankAccount; got != "" {
		t.Errorf("a payment naming no bank account gave %q", got)
	}
	wantExactRefs(t, bank, "payment:NL-SEPA-20250328-0042", "invoice:ACC-PINV-2025-00019")
}

func TestERPNextPaymentParties(t *testing.T) {
	raw := readSample(t, "erpnext/payment_entry.json")
	for partyType, want := range map[string]string{
		"Customer":    "customer:CUST-00981:Mei Lin:",
		"Supplier":    "supplier:CUST-00981:Mei Lin:",
		"Employee":    "",
		"Shareholder": "",
	} {
		d := mapOne(t, "erpnext", "payment", "json", bytes.Replace(raw, []byte(`"Customer"`), []byte(`"`+partyType+`"`), 1))
		got := ""
		if len(d.Parties) > 1 {
			t.Errorf("%s: %d parties", partyType, len(d.Parties))
		} else if len(d.Parties) == 1 {
			got = partyText(d.Parties[0])
		}
		if got != want {
			t.Errorf("%s: party %q, want %q", partyType, got, want)
		}
	}
}

// FuzzMapERPNext feeds mutations of every ERPNext sample to all three ERPNext mappings.
func FuzzMapERPNext(f *testing.F) {
	for _, file := range []string{"purchase_receipt.json", "purchase_receipt_draft.json", "purchase_receipt_return.json",
		"sales_invoice.json", "sales_invoice_b2b.json", "payment_entry.json", "payment_entry_bank.json"} {
		f.Add(readSample(f, "erpnext/"+file))
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, typ := range []string{"receipt", "invoice", "payment"} {
			fuzzOne(t, reg, "erpnext", typ, "json", raw)
		}
	})
}
