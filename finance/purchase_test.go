package finance

import "testing"

// TestSupplierInvoiceWithoutTotal: an invoice that states no total cannot be compared
// with its payment, and says so, rather than reading as invoices in several currencies.
func TestSupplierInvoiceWithoutTotal(t *testing.T) {
	inv := supplierInvoice("0")
	inv.Total = nil
	r, _ := Reconcile(purchase(purchaseOrder(), receipt(), inv, supplierPayment("1128.00", t0.AddDate(0, 0, 20))), DefaultConfig(), asOf)
	if got, want := summary(r), "partial amount_mismatch(the invoice's total|none)"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if len(r.Reasons) == 1 && r.Reasons[0].Note != "invoice has no total" {
		t.Errorf("note %q", r.Reasons[0].Note)
	}
	// Beside an invoice that has one, the other is still paid by the payment's amount.
	second := supplierInvoice("1128.00")
	second.Key.ExternalID = "ACC-PINV-2025-00020"
	r, _ = Reconcile(purchase(purchaseOrder(), receipt(), inv, second, supplierPayment("1128.00", t0.AddDate(0, 0, 20))), DefaultConfig(), asOf)
	if got, want := summary(r), "partial amount_mismatch(the invoice's total|none)"; got != want {
		t.Errorf("beside a whole invoice:\n got %s\nwant %s", got, want)
	}
}
