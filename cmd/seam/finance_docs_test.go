package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// financeDocs writes source documents in their real formats (the providers' field names
// and shapes, ids and amounts made up) into dir/<system>/<type>/, for `seam ingest`.
type financeDocs struct {
	t   *testing.T
	dir string
	n   int
}

func (f *financeDocs) put(system, typ, ext, body string) {
	f.t.Helper()
	f.n++
	d := filepath.Join(f.dir, system, typ)
	if err := os.MkdirAll(d, 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, fmt.Sprintf("%04d.%s", f.n, ext)), []byte(body), 0o600); err != nil {
		f.t.Fatal(err)
	}
}

var financeT0 = time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)

// shopifyOrder is an orders/create body: qty units of TEA-OOL-250G at 24.00 EUR.
func (f *financeDocs) shopifyOrder(num, qty int) {
	f.put("shopify", "order", "json", fmt.Sprintf(`{"id": %d, "name": "#%d", "order_number": %d,
 "created_at": %q, "updated_at": %q, "currency": "EUR", "financial_status": "paid", "fulfillment_status": null,
 "total_price": "%d.00", "email": "mei.lin@example.com",
 "customer": {"id": 7391002211, "email": "mei.lin@example.com", "first_name": "Mei", "last_name": "Lin"},
 "line_items": [{"id": %d, "variant_id": 43988120551, "sku": "TEA-OOL-250G", "title": "Oolong 250 g",
   "quantity": %d, "current_quantity": %d, "price": "24.00"}]}`,
		5820193800000+num, num, num, at(num, 0), at(num, 0), 24*qty, 14550211000000+num, qty, qty))
}

// at is a document's time: each order its own hour, plus minutes.
func at(num int, minutes int) string {
	return financeT0.Add(time.Duration(num%100)*time.Hour + time.Duration(minutes)*time.Minute).Format(time.RFC3339)
}

func unix(num int, minutes int) int64 {
	return financeT0.Add(time.Duration(num%100)*time.Hour + time.Duration(minutes)*time.Minute).Unix()
}

func (f *financeDocs) tracking(num int) {
	f.put("aftership", "tracking", "json", fmt.Sprintf(`{"event": "tracking_update", "msg": {"id": "trk%d",
 "tracking_number": "1Z999AA1%08d", "slug": "ups", "tag": "InTransit", "order_number": "#%d",
 "created_at": %q, "updated_at": %q, "customer_name": "Mei Lin", "emails": ["mei.lin@example.com"]}}`,
		num, num, num, at(num, 20*60), at(num, 20*60)))
}

// charge is a Stripe charge.succeeded Event naming the order and the ERPNext invoice.
func (f *financeDocs) charge(id string, num int, cents int, currency string) {
	f.put("stripe", "charge", "json", fmt.Sprintf(`{"id": "evt_%s", "object": "event", "type": "charge.succeeded", "created": %d,
 "data": {"object": {"id": %q, "object": "charge", "amount": %d, "amount_captured": %d, "amount_refunded": 0,
  "currency": %q, "status": "succeeded", "paid": true, "captured": true, "refunded": false, "created": %d,
  "payment_intent": "pi_%s", "balance_transaction": "txn_%s", "description": "Order #%d",
  "metadata": {"order_number": "#%d", "erp_invoice": "ACC-SINV-2025-%05d"},
  "billing_details": {"name": "Mei Lin", "email": "mei.lin@example.com"}}}}`,
		id, unix(num, 1), id, cents, cents, currency, unix(num, 1), id, id, num, num, num))
}

// balanceTxn is the charge's balance transaction, paid out by payout.
func (f *financeDocs) balanceTxn(chargeID string, num, cents, fee int, payout string) {
	f.put("stripe", "balance_transaction", "json", fmt.Sprintf(`{"id": "txn_%s", "object": "balance_transaction",
 "amount": %d, "fee": %d, "net": %d, "currency": "eur", "type": "charge", "reporting_category": "charge",
 "source": %q, "status": "available", "created": %d, "exchange_rate": null, "payout": %q,
 "fee_details": [{"amount": %d, "currency": "eur", "type": "stripe_fee"}]}`,
		chargeID, cents, fee, cents-fee, chargeID, unix(num, 1), payout, fee))
}

func (f *financeDocs) payout(id string, num, cents int) {
	f.put("stripe", "payout", "json", fmt.Sprintf(`{"id": %q, "object": "payout", "amount": %d, "currency": "eur",
 "arrival_date": %d, "created": %d, "status": "paid", "automatic": true, "method": "standard", "type": "bank_account"}`,
		id, cents, unix(num, 48*60), unix(num, 24*60)))
}

// salesInvoice is an ERPNext Sales Invoice for the order, of qty units at rate.
func (f *financeDocs) salesInvoice(num, qty int, rate string) {
	f.put("erpnext", "invoice", "json", fmt.Sprintf(`{"data": {"name": "ACC-SINV-2025-%05d", "docstatus": 1,
 "customer": "CUST-00981", "customer_name": "Mei Lin", "posting_date": "2025-03-04", "posting_time": "20:00:00",
 "due_date": "2025-03-04", "modified": "2025-03-04 20:00:01.000000", "po_no": "#%d", "currency": "EUR", "status": "Paid",
 "grand_total": %s, "items": [{"item_code": "TEA-OOL-250G", "item_name": "Oolong 250 g", "qty": %d, "uom": "Nos", "rate": %s}]}}`,
		num, num, mul(qty, rate), qty, rate))
}

func mul(qty int, rate string) string {
	return decimal.RequireFromString(rate).Mul(decimal.NewFromInt(int64(qty))).StringFixed(2)
}

// refund is a Shopify refunds/create body giving money back with no goods restocked.
func (f *financeDocs) refund(num int, amount string) {
	f.put("shopify", "refund", "json", fmt.Sprintf(`{"id": %d, "order_id": %d, "created_at": %q, "processed_at": %q,
 "note": "damaged in transit", "restock": false, "refund_line_items": [],
 "transactions": [{"id": %d, "kind": "refund", "status": "success", "amount": %q, "currency": "EUR", "gateway": "stripe"}]}`,
		9920000+num, 5820193800000+num, at(num, 3*24*60), at(num, 3*24*60), 8830000+num, amount))
}

// purchaseOrder is an ERPNext Purchase Order of 480 oolong at 2.35 EUR from SUP-0007.
func (f *financeDocs) purchaseOrder(po string) {
	f.put("erpnext", "purchase_order", "json", fmt.Sprintf(`{"data": {"name": %q, "docstatus": 1,
 "supplier": "SUP-0007", "supplier_name": "Example GmbH", "transaction_date": "2025-02-20",
 "modified": "2025-02-20 10:00:00.000000", "currency": "EUR", "grand_total": 1128.0, "status": "To Receive and Bill",
 "set_warehouse": "Stores - NLW",
 "items": [{"item_code": "TEA-OOL-250G", "item_name": "Oolong 250 g", "qty": 480.0, "stock_qty": 480.0, "uom": "Nos",
   "stock_uom": "Nos", "rate": 2.35, "amount": 1128.0}]}}`, po))
}

// declaration is a China customs import declaration of qty units at price EUR.
func (f *financeDocs) declaration(entry, po string, qty int, price string) {
	f.put("china-customs", "declaration", "json", fmt.Sprintf(`{"DecMessage": {"DecHead": {"EntryId": %q, "IEFlag": "I",
 "IEDate": "20250301", "DDate": "20250228", "TradeCoScc": "91440300MA5F3K2W13", "TradeName": "深圳市示例贸易有限公司",
 "OverseasConsignorCode": "DE811907980", "OverseasConsignorEname": "EXAMPLE GMBH", "TradeMode": "0110", "ContrNo": %q},
 "DecLists": {"DecList": {"GNo": "1", "CodeTS": "0902.30.10.00", "GName": "乌龙茶", "GQty": "%d", "GUnit": "007",
  "DeclPrice": %q, "TradeCurr": "EUR", "ExgNo": "TEA-OOL-250G"}}}}`, entry, po, qty, price))
}

// wro is a ShipBob receiving order for the PO: expected, received.
func (f *financeDocs) wro(id int, po string, expected, received int) {
	f.put("shipbob", "receipt", "json", fmt.Sprintf(`{"id": %d, "purchase_order_number": %q, "status": "Completed",
 "insert_date": "2025-03-01T09:00:00+00:00", "last_updated_date": "2025-03-06T08:00:00+00:00",
 "fulfillment_center": {"id": 10, "name": "Venlo (NL)"},
 "status_history": [{"id": 1, "status": "Completed", "timestamp": "2025-03-06T08:00:00+00:00"}],
 "inventory_quantities": [{"inventory_id": 1234567, "sku": "TEA-OOL-250G", "expected_quantity": %d,
   "received_quantity": %d, "stowed_quantity": %d}]}`, id, po, expected, received, received))
}

// purchaseInvoice is an ERPNext Purchase Invoice from SUP-0007 for the PO.
func (f *financeDocs) purchaseInvoice(name, po, posting, due, total string) {
	f.put("erpnext", "purchase_invoice", "json", fmt.Sprintf(`{"data": {"name": %q, "docstatus": 1,
 "supplier": "SUP-0007", "supplier_name": "Example GmbH", "bill_no": "RE-%s", "posting_date": %q, "posting_time": "10:00:00",
 "due_date": %q, "modified": "%s 10:00:00.000000", "currency": "EUR", "grand_total": %s, "status": "Unpaid",
 "items": [{"item_code": "TEA-OOL-250G", "item_name": "Oolong 250 g", "qty": 480.0, "uom": "Nos", "rate": 2.35,
   "purchase_order": %q}]}}`, name, name, posting, due, posting, total, po))
}

// supplierPayment is an ERPNext Payment Entry paying a purchase invoice.
func (f *financeDocs) supplierPayment(name, invoice, posting, amount string) {
	f.put("erpnext", "payment", "json", fmt.Sprintf(`{"data": {"name": %q, "docstatus": 1, "payment_type": "Pay",
 "posting_date": %q, "modified": "%s 12:00:00.000000", "party_type": "Supplier", "party": "SUP-0007",
 "party_name": "Example GmbH", "paid_from_account_currency": "EUR", "paid_to_account_currency": "EUR",
 "paid_amount": %s, "received_amount": %s, "reference_no": "SEPA-%s", "status": "Submitted",
 "references": [{"reference_doctype": "Purchase Invoice", "reference_name": %q, "allocated_amount": %s}]}}`,
		name, posting, posting, amount, amount, name, invoice, amount))
}
