package mapping_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// Golden tests of the storefront and POS mappings (SOURCES.md §1 and §2): each sample in
// its real format, mapped and validated, with its key fields stated in full.

func TestShopifyOrderWebhook(t *testing.T) {
	d := sfOne(t, "shopify", "order", "", "shopify/orders_create.json")
	if d.Key != (ontology.DocKey{Tenant: "acme", System: "shopify", Type: "order", ExternalID: "5820193847261"}) ||
		d.Role != ontology.RoleOrder || d.Verb != ontology.VerbPaid || d.Status != "paid" || d.Channel != "online" {
		t.Fatalf("header = %+v", d)
	}
	// +08:00 is the shop's offset; the instant is kept in UTC.
	sfTime(t, "occurredAt", d.OccurredAt, "2025-03-04T02:15:22Z")
	// The body does not name the shop (only the X-Shopify-Shop-Domain header does): the
	// mapping names the location "online", the tenant's web shop.
	sfLocation(t, d, "shopify:online")
	if d.Total == nil || d.Total.String() != "103.5 USD" {
		t.Errorf("total = %v", d.Total)
	}
	// The SKU is trimmed; the variant id is the line's own id; the price is the unit price.
	sfLines(t, d,
		"TEA-OOL-250G ext=43988120551 qty=3 price=24USD",
		"MUG-BLU-350 ext=43988120552 qty=2 price=12USD")
	sfParties(t, d, "customer:7391002211:Mei Lin::NL:Coolsingel 42, 3011 AD, Rotterdam")
	if p := d.Parties[0]; p.Email != "mei.lin@example.com" || p.Phone != "+8613900001111" {
		t.Errorf("customer contact = %+v", p)
	}
	// order_number and "#1047" are one ref; erp_ref is read from note_attributes by name.
	sfRefs(t, d, "order_number:1047", "order_id:shopify:5820193847261", "hub_ref:SO-7781",
		"payment:shopify:c1f0e6b2a9d84c3f8e7a6b5c4d3e2f10")
}

func TestShopifyOrderRESTWrappedAndFulfilled(t *testing.T) {
	d := sfOne(t, "shopify", "order", "json", "shopify/order_rest.json")
	if d.Key.ExternalID != "5820193847261" || d.Verb != ontology.VerbFulfilled {
		t.Fatalf("REST order = %s %s", d.Key.ExternalID, d.Verb)
	}
	sfTime(t, "occurredAt", d.OccurredAt, "2025-03-04T02:15:22Z")
	// "12 3456 7890" from DHL: tracking numbers are compared upper case without spaces.
	sfRefs(t, d, "order_number:1047", "order_id:shopify:5820193847261", "hub_ref:SO-7781",
		"tracking:1234567890", "payment:shopify:c1f0e6b2a9d84c3f8e7a6b5c4d3e2f10")
	// Unwrapped, the REST answer maps to the same lines and parties as the webhook body.
	hook := sfOne(t, "shopify", "order", "", "shopify/orders_create.json")
	if !reflect.DeepEqual(d.Lines, hook.Lines) || !reflect.DeepEqual(d.Parties, hook.Parties) {
		t.Errorf("REST and webhook differ:\n%+v\n%+v", d.Lines, hook.Lines)
	}
}

func TestShopifyVerbs(t *testing.T) {
	raw := sfSample(t, "shopify/orders_create.json")
	for _, c := range []struct {
		from, to string
		want     ontology.Verb
	}{
		{`"financial_status": "paid"`, `"financial_status": "pending"`, ontology.VerbOrdered},
		{`"financial_status": "paid"`, `"financial_status": "authorized"`, ontology.VerbOrdered},
		{`"financial_status": "paid"`, `"financial_status": "refunded"`, ontology.VerbRefunded},
		{`"financial_status": "paid"`, `"financial_status": "voided"`, ontology.VerbCancelled},
		{`"financial_status": "paid"`, `"financial_status": "partially_refunded"`, ontology.VerbPaid},
		{`"fulfillment_status": null`, `"fulfillment_status": "fulfilled"`, ontology.VerbFulfilled},
		// Partial: goods remain to ship; the shipments' own lines say how many left.
		{`"fulfillment_status": null`, `"fulfillment_status": "partial"`, ontology.VerbPaid},
		// cancelled_at wins over every status.
		{`"cancelled_at": null`, `"cancelled_at": "2025-03-04T12:00:00+08:00", "fulfillment_status": "fulfilled"`, ontology.VerbCancelled},
	} {
		b := bytes.Replace(raw, []byte(c.from), []byte(c.to), 1)
		if bytes.Equal(b, raw) {
			t.Fatalf("%s is not in the sample", c.from)
		}
		if d := sfMap(t, "shopify", "order", "json", b); d.Verb != c.want {
			t.Errorf("%s: verb %s, want %s", c.to, d.Verb, c.want)
		}
	}
}

// An id above 2^53 keeps every digit: it is never a float64 on its way.
func TestShopifyIDAboveFloatPrecision(t *testing.T) {
	raw := bytes.Replace(sfSample(t, "shopify/orders_create.json"), []byte(`"id": 5820193847261`), []byte(`"id": 9007199254740993`), 1)
	d := sfMap(t, "shopify", "order", "json", raw)
	if d.Key.ExternalID != "9007199254740993" || d.RefsOf(ontology.RefOrderID)[0] != "9007199254740993" {
		t.Errorf("id = %s, refs %v", d.Key.ExternalID, d.Refs)
	}
}

func TestWooCommerceOrder(t *testing.T) {
	d := sfOne(t, "woocommerce", "order", "", "woocommerce/order.json")
	if d.Key.ExternalID != "4812" || d.Verb != ontology.VerbPaid || d.Status != "processing" || d.Role != ontology.RoleOrder {
		t.Fatalf("header = %+v", d)
	}
	// date_created_gmt is UTC written without an offset; date_created (11:15, Amsterdam)
	// would give the same instant only by luck of the mapping's zone.
	sfTime(t, "occurredAt", d.OccurredAt, "2025-03-04T10:15:22Z")
	sfLocation(t, d, "woocommerce:online")
	if d.Total.String() != "59.65 EUR" {
		t.Errorf("total = %s", d.Total)
	}
	// price arrives as the number 12.5 on one line and the string "9.90" on the other;
	// both are read exactly. A simple product's variation_id 0 is no id: product_id is.
	sfLines(t, d,
		"MUG-BLU-350 ext=902 qty=2 price=12.5EUR",
		"TEA-GRN-100G ext=9051 qty=3 price=9.9EUR")
	// A guest (customer_id 0) has no customer id; the billing details name the party.
	sfParties(t, d, "customer::Jan de Vries:NL123456789B01:NL:Keizersgracht 123, 1015 CJ, Amsterdam")
	if p := d.Parties[0]; p.Email != "jan.devries@example.nl" || p.Phone != "+31 20 123 4567" {
		t.Errorf("billing contact = %+v", p)
	}
	// transaction_id is the Stripe payment intent: unscoped, as Stripe's charge says it.
	sfRefs(t, d, "order_number:4812", "order_id:woocommerce:4812", "payment:pi_3QxWoo2eZvKYlo2C1a2b3c4d")
}

func TestWooCommerceStatuses(t *testing.T) {
	raw := sfSample(t, "woocommerce/order.json")
	for status, want := range map[string]ontology.Verb{
		"pending": ontology.VerbOrdered, "on-hold": ontology.VerbOrdered, "processing": ontology.VerbPaid,
		"completed": ontology.VerbShipped, "cancelled": ontology.VerbCancelled, "refunded": ontology.VerbRefunded,
		"failed": ontology.VerbCancelled, "trash": ontology.VerbCancelled, "checkout-draft": ontology.VerbOrdered,
	} {
		b := bytes.Replace(raw, []byte(`"status": "processing"`), []byte(`"status": "`+status+`"`), 1)
		if d := sfMap(t, "woocommerce", "order", "json", b); d.Verb != want || d.Status != status {
			t.Errorf("%s: verb %s status %s, want %s", status, d.Verb, d.Status, want)
		}
	}
	// A plugin's own status is not guessed: the problem names it and where it was read.
	ps := sfProblems(t, "woocommerce", "order", "json", bytes.Replace(raw, []byte(`"processing"`), []byte(`"wc-awaiting-shipment"`), 1))
	if len(ps) != 1 || ps[0].Field != "verb" || ps[0].Rule != "map" || ps[0].Value != "wc-awaiting-shipment" ||
		!strings.Contains(ps[0].Message, "source status") {
		t.Errorf("unknown status: %+v", ps)
	}
}

func TestSquareOrder(t *testing.T) {
	d := sfOne(t, "square", "order", "", "square/order.json")
	if d.Key.ExternalID != "q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY" || d.Role != ontology.RolePOS || d.Verb != ontology.VerbPaid ||
		d.Status != "COMPLETED" || d.Channel != "counter" {
		t.Fatalf("header = %+v", d)
	}
	sfTime(t, "occurredAt", d.OccurredAt, "2025-03-04T02:16:05.12Z")
	sfLocation(t, d, "square:L2K8D0QWERT7Y")
	// Money in cents: 6340 is 63.40 USD; "1.70000" kg is exactly 1.7.
	if d.Total.String() != "63.4 USD" {
		t.Errorf("total = %s", d.Total)
	}
	sfLines(t, d,
		" ext=W62UWFY35CWMYGVWK6TWJDNI qty=2 price=4.5USD",
		" ext=BQXHKM5R3V7JQ2TFOZ4GHE6N qty=1.7 price=32USD")
	if d.Lines[0].Title != "Flat White / Oat milk, large" {
		t.Errorf("title = %q", d.Lines[0].Title)
	}
	sfParties(t, d, "customer:JDKYHBWT1D4F8MFH63DBMEN8Y4::")
	sfRefs(t, d, "order_id:square:q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY", "hub_ref:POS-SH-20250304-0112",
		"payment:square:bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY")
}

func TestSquareOrderWrappedByRetrieveOrder(t *testing.T) {
	bare := sfOne(t, "square", "order", "", "square/order.json")
	wrapped := sfOne(t, "square", "order", "", "square/retrieve_order.json")
	if !reflect.DeepEqual(bare, wrapped) {
		t.Errorf("RetrieveOrder's {\"order\": ...} maps differently:\n%+v\n%+v", bare, wrapped)
	}
}

// A zero-decimal currency's minor unit is the unit: 450 yen is 450 yen, not 4.50.
func TestSquareZeroDecimalCurrency(t *testing.T) {
	raw := bytes.ReplaceAll(sfSample(t, "square/order.json"), []byte(`"USD"`), []byte(`"JPY"`))
	d := sfMap(t, "square", "order", "json", raw)
	if d.Total.String() != "6340 JPY" || d.Lines[0].UnitPrice.String() != "450 JPY" {
		t.Errorf("JPY: total %s, unit %s", d.Total, d.Lines[0].UnitPrice)
	}
}

func TestSquarePaymentLinksToItsOrder(t *testing.T) {
	p := sfOne(t, "square", "payment", "", "square/payment_updated.json")
	if p.Key.ExternalID != "bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY" || p.Role != ontology.RolePayment || p.Verb != ontology.VerbPaid ||
		p.Total.String() != "63.4 USD" {
		t.Fatalf("payment = %+v", p)
	}
	sfTime(t, "occurredAt", p.OccurredAt, "2025-03-04T02:16:05.093Z")
	sfLocation(t, p, "square:L2K8D0QWERT7Y")
	sfRefs(t, p, "payment:square:bP9mAsEMYPUGjjGNaNO5ZDVyLhSZY", "order_id:square:q7Lm3XwPz9TgY2sKAb4HcReUVq9ZY",
		"hub_ref:POS-SH-20250304-0112", "receipt_number:square:bP9m")
	// The payment and the order share refs: resolution links them on these.
	o := sfOne(t, "square", "order", "", "square/order.json")
	shared := 0
	for _, a := range p.Refs {
		for _, b := range o.Refs {
			if a.ID() == b.ID() {
				shared++
			}
		}
	}
	if shared != 3 {
		t.Errorf("payment and order share %d refs, want 3 (payment id, order id, hub ref)", shared)
	}
}

// The helpers below render documents as short text, so that a test states the whole
// expected value of a field and a missing or extra part fails it.

func sfSample(t testing.TB, file string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// sfResults maps a payload and validates every document.
func sfResults(t *testing.T, system, typ, format string, raw []byte) ([]*ontology.Document, []ontology.Problem) {
	t.Helper()
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", system, typ, format, raw)
	if err != nil {
		t.Fatalf("%s/%s: %v", system, typ, err)
	}
	var docs []*ontology.Document
	var ps []ontology.Problem
	for _, r := range res {
		ps = append(ps, r.Problems...)
		if r.Doc == nil {
			continue
		}
		if err := ontology.NewValidator().Document(r.Doc); err != nil {
			ps = append(ps, ontology.ProblemsOf(err)...)
			continue
		}
		docs = append(docs, r.Doc)
	}
	return docs, ps
}

// sfMap maps a payload that must give one document of type typ; the documents of other
// types its mapping names in also: (an order's refunds) are left to their own tests.
func sfMap(t *testing.T, system, typ, format string, raw []byte) *ontology.Document {
	t.Helper()
	all, ps := sfResults(t, system, typ, format, raw)
	var docs []*ontology.Document
	for _, d := range all {
		if d.Key.Type == typ {
			docs = append(docs, d)
		}
	}
	if len(ps) > 0 || len(docs) != 1 {
		t.Fatalf("%s/%s: %d documents, problems %v", system, typ, len(docs), ps)
	}
	return docs[0]
}

func sfOne(t *testing.T, system, typ, format, file string) *ontology.Document {
	t.Helper()
	return sfMap(t, system, typ, format, sfSample(t, file))
}

func sfProblems(t *testing.T, system, typ, format string, raw []byte) []ontology.Problem {
	t.Helper()
	_, ps := sfResults(t, system, typ, format, raw)
	return ps
}

func sfTime(t *testing.T, what string, got time.Time, want string) {
	t.Helper()
	w, err := time.Parse(time.RFC3339Nano, want)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(w) || got.Location() != time.UTC {
		t.Errorf("%s = %s, want %s in UTC", what, got.Format(time.RFC3339Nano), want)
	}
}

func sfLocation(t *testing.T, d *ontology.Document, want string) {
	t.Helper()
	got := ""
	if d.Location != nil {
		got = d.Location.System + ":" + d.Location.Code
	}
	if got != want {
		t.Errorf("location = %q, want %q", got, want)
	}
}

func sfLines(t *testing.T, d *ontology.Document, want ...string) {
	t.Helper()
	var got []string
	for _, l := range d.Lines {
		s := fmt.Sprintf("%s ext=%s qty=%s", l.SKU, l.ExternalID, l.Qty)
		if l.UnitPrice != nil {
			s += " price=" + l.UnitPrice.Amount.String() + l.UnitPrice.Currency
		}
		got = append(got, s)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines:\n got %q\nwant %q", got, want)
	}
}

// sfParties renders parties as role:externalId:name:taxId[:country[:address]].
func sfParties(t *testing.T, d *ontology.Document, want ...string) {
	t.Helper()
	var got []string
	for _, p := range d.Parties {
		s := fmt.Sprintf("%s:%s:%s:%s", p.Role, p.ExternalID, p.Name, p.TaxID)
		if p.Country != "" || p.Address != "" {
			s += ":" + p.Country
		}
		if p.Address != "" {
			s += ":" + p.Address
		}
		got = append(got, s)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parties:\n got %q\nwant %q", got, want)
	}
}

// sfRefs asserts the document's refs, in order, and nothing else.
func sfRefs(t *testing.T, d *ontology.Document, want ...string) {
	t.Helper()
	var got []string
	for _, r := range d.Refs {
		got = append(got, r.ID())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("refs:\n got %q\nwant %q", got, want)
	}
}

// TestShopifyRefundSaysWhatHappenedToTheGoods: a refund's status tells finance whether
// goods that had left should come back (no_restock, return) or none were involved
// (cancel: never shipped; money_only: shipping or an adjustment refunded).
func TestShopifyRefundSaysWhatHappenedToTheGoods(t *testing.T) {
	const refundTxn = `{"id": 389404469, "order_id": 5820193803001, "kind": "refund", "status": "success", "amount": "5.90", "currency": "EUR"}`
	refundWith := func(lines, shipping, adjustments, transactions string) []byte {
		return []byte(`{"id": 890088186047892, "order_id": 5820193803001, "created_at": "2025-03-09T10:12:31-05:00",
  "processed_at": "2025-03-09T10:12:31-05:00", "note": "", "restock": false,
  "refund_line_items": [` + lines + `],
  "refund_shipping_lines": [` + shipping + `],
  "order_adjustments": [` + adjustments + `],
  "transactions": [` + transactions + `]}`)
	}
	refund := func(lines, shipping, adjustments string) []byte {
		return refundWith(lines, shipping, adjustments, refundTxn)
	}
	line := func(id int, restock string) string {
		return fmt.Sprintf(`{"id": %d, "line_item_id": 866550311, "quantity": 1, "restock_type": %q, "subtotal": 24.0,
  "line_item": {"id": 866550311, "variant_id": 808950810, "sku": "TEA-OOL-250G", "title": "Oolong 250 g", "quantity": 2, "price": "24.00"}}`, id, restock)
	}
	shipping := `{"id": 7101, "shipping_line_id": 4, "subtotal_amount_set": {"shop_money": {"amount": "5.90", "currency_code": "EUR"}}}`
	adjustment := func(kind string) string {
		return `{"id": 7201, "order_id": 5820193803001, "refund_id": 890088186047892, "amount": "-5.90", "tax_amount": "0.00", "kind": "` + kind + `", "reason": "Shipping refund"}`
	}
	for _, tc := range []struct{ lines, shipping, adjustments, want string }{
		{"", "", "", "money_only"},
		{"", shipping, "", "shipping"},
		{"", "", adjustment("shipping_refund"), "shipping"},
		{"", "", adjustment("refund_discrepancy"), "money_only"},
		{line(1, "cancel"), shipping, "", "cancel"},
		{line(1, "return"), "", "", "return"},
		{line(1, "no_restock"), shipping, "", "no_restock"},
		{line(1, "cancel") + "," + line(2, "no_restock"), "", "", "no_restock"},
	} {
		d := mapOne(t, "shopify", "refund", "json", refund(tc.lines, tc.shipping, tc.adjustments))
		if d.Status != tc.want {
			t.Errorf("refund lines [%s] shipping [%s] adjustments [%s]: status %q, want %q", tc.lines, tc.shipping, tc.adjustments, d.Status, tc.want)
		}
	}
	// A refund that shows nothing this mapping knows (a restock type from a newer API, no
	// refund transaction) says nothing, which finance reads as goods expected back; it is
	// never taken for a shipping refund, which would hide goods that did not return.
	for _, tc := range []struct{ lines, transactions string }{
		{line(1, "exchange_restock"), ""},
		{"", `{"id": 389404470, "order_id": 5820193803001, "kind": "void", "status": "success", "amount": "5.90", "currency": "EUR"}`},
	} {
		d := mapOne(t, "shopify", "refund", "json", refundWith(tc.lines, "", "", tc.transactions))
		if d.Status != "" {
			t.Errorf("unclassifiable refund lines [%s] transactions [%s]: status %q, want none", tc.lines, tc.transactions, d.Status)
		}
	}
}

// The refunds a WooCommerce order lists (refunds[], REST API v3 Order, each total
// negative) are money given back: one refund document of the order, their sum, beside
// the order itself. Before, they were read by nothing and reconciliation never saw them.
func TestWooCommerceOrderRefunds(t *testing.T) {
	// The order was paid by bank transfer and marked paid: its payment is a document too
	// (TestWooCommerceBankTransferMarkedPaid).
	docs, ps := sfResults(t, "woocommerce", "order", "", sfSample(t, "woocommerce/order_rest_custom_line.json"))
	if len(ps) > 0 || len(docs) != 3 {
		t.Fatalf("%d documents, problems %v", len(docs), ps)
	}
	r := docs[1]
	if r.Key.Type != "order_refunds" || r.Key.ExternalID != "10482" || r.Role != ontology.RoleRefund ||
		r.Verb != ontology.VerbRefunded || r.Total == nil || r.Total.String() != "4 EUR" || len(r.Lines) != 0 {
		t.Fatalf("refunds = %+v total %v", r, r.Total)
	}
	sfRefs(t, r, "order_number:WC-10482", "order_id:woocommerce:10482")
	// Two refunds add up; an order without refunds gives no refund document.
	two := bytes.Replace(sfSample(t, "woocommerce/order_rest_custom_line.json"), []byte(`"total": "-4.00"}`),
		[]byte(`"total": "-10.00"}, {"id": 10491, "reason": "", "total": "-9.00"}`), 1)
	if d := sfMap(t, "woocommerce", "order_refunds", "", two); d.Total.String() != "19 EUR" {
		t.Errorf("two refunds = %v", d.Total)
	}
	if docs, _ := sfResults(t, "woocommerce", "order", "", sfSample(t, "woocommerce/order.json")); len(docs) != 1 {
		t.Errorf("an order without refunds gave %d documents", len(docs))
	}
}

// A WooCommerce order refunded after it was completed keeps its date_completed: its goods
// had left, and stay gone (verb shipped; the refund is its own document). Refunded
// without ever being completed, nothing shipped: verb refunded.
func TestWooCommerceRefundedAfterCompletion(t *testing.T) {
	raw := bytes.Replace(sfSample(t, "woocommerce/order.json"), []byte(`"status": "processing"`), []byte(`"status": "refunded"`), 1)
	if d := sfMap(t, "woocommerce", "order", "", raw); d.Verb != ontology.VerbRefunded {
		t.Errorf("refunded, never completed: %s", d.Verb)
	}
	done := bytes.Replace(raw, []byte(`"date_completed_gmt": null`), []byte(`"date_completed_gmt": "2025-03-05T10:00:00"`), 1)
	if d := sfMap(t, "woocommerce", "order", "", done); d.Verb != ontology.VerbShipped || d.Status != "refunded" {
		t.Errorf("refunded after completion: %s %s", d.Verb, d.Status)
	}
	// Trashed (order.deleted) likewise: withdrawn before it was completed, gone after.
	trash := bytes.Replace(raw, []byte(`"status": "refunded"`), []byte(`"status": "trash"`), 1)
	if d := sfMap(t, "woocommerce", "order", "", trash); d.Verb != ontology.VerbCancelled {
		t.Errorf("trashed, never completed: %s", d.Verb)
	}
	trash = bytes.Replace(done, []byte(`"status": "refunded"`), []byte(`"status": "trash"`), 1)
	if d := sfMap(t, "woocommerce", "order", "", trash); d.Verb != ontology.VerbShipped || d.Status != "trash" {
		t.Errorf("trashed after completion: %s %s", d.Verb, d.Status)
	}
}
