package webhook

import (
	"net/http"
	"testing"
)

// TestEventCatalogues: every event each provider documents for the scopes Seam subscribes
// to is routed to a mapping, a fetch, a ping, or kept as a notification with a reason;
// none is left for the caller to refuse.
func TestEventCatalogues(t *testing.T) {
	s := Schemes()
	shopify := map[string]string{
		"orders/create": "order", "orders/updated": "order", "orders/paid": "order", "orders/cancelled": "order",
		"orders/fulfilled": "order", "orders/partially_fulfilled": "order", "orders/edited": "",
		"orders/delete": "", "fulfillments/create": "fulfillment", "fulfillments/update": "fulfillment",
		"refunds/create": "refund", "inventory_levels/update": "", "inventory_levels/connect": "",
		"inventory_items/update": "", "products/create": "", "products/update": "", "products/delete": "",
		"app/uninstalled": "", "customers/create": "", "checkouts/create": "", "shop/update": "",
		// Notes about an order whose body is not the Order: mapped as one, each was
		// quarantined for lacking the order's id, status and lines.
		"orders/risk_assessment_changed": "", "orders/shopify_protect_eligibility_changed": "",
		"orders/link_requested": "", "order_transactions/create": "",
	}
	for topic, want := range shopify {
		h := http.Header{}
		h.Set("X-Shopify-Topic", topic)
		checkRoute(t, "shopify "+topic, s["shopify"].Route(h, []byte(`{}`)), want)
	}
	woo := map[string]string{
		"order.created": "order", "order.updated": "order", "order.restored": "order",
		"product.created": "", "product.updated": "", "product.deleted": "", "product.restored": "",
		"customer.created": "", "customer.updated": "", "customer.deleted": "", "coupon.created": "",
	}
	for topic, want := range woo {
		h := http.Header{}
		h.Set("X-WC-Webhook-Topic", topic)
		h.Set("X-WC-Webhook-Signature", "x")
		checkRoute(t, "woocommerce "+topic, s["woocommerce"].Route(h, []byte(`{"id": 1}`)), want)
	}
	// order.deleted ({"id": 743}, as WooCommerce sends it on trash and on deletion): the
	// order's last version is stored again, trashed. Without an id, a notification.
	h := http.Header{}
	h.Set("X-WC-Webhook-Topic", "order.deleted")
	if r := s["woocommerce"].Route(h, []byte(`{"id":743}`)); r.Fetch == nil || *r.Fetch != (Fetch{Type: "order", ID: "743", Trashed: true}) {
		t.Errorf("woocommerce order.deleted = %+v", r)
	}
	checkRoute(t, "woocommerce order.deleted without an id", s["woocommerce"].Route(h, []byte(`{}`)), "")
	if r := s["woocommerce"].Route(http.Header{}, []byte("webhook_id=42")); !r.Ping {
		t.Errorf("woocommerce ping = %+v, want a ping", r)
	}
	if r := s["woocommerce"].Route(http.Header{"X-Wc-Webhook-Signature": {"x"}}, []byte("webhook_id=42")); r.Ping {
		t.Error("a signed body is never taken for the unsigned ping")
	}
	square := map[string]string{
		"payment.created": "payment", "payment.updated": "payment", "refund.created": "refund", "refund.updated": "refund",
		"inventory.count.updated": "", "catalog.version.updated": "", "customer.created": "", "dispute.created": "",
	}
	for typ, want := range square {
		checkRoute(t, "square "+typ, s["square"].Route(nil, []byte(`{"type":"`+typ+`","data":{"id":"x","object":{}}}`)), want)
	}
	for _, typ := range []string{"order.created", "order.updated", "order.fulfillment.updated"} {
		r := s["square"].Route(nil, []byte(`{"type":"`+typ+`","data":{"id":"x","object":{"o":{"order_id":"ORD1","version":3}}}}`))
		if r.Fetch == nil || r.Fetch.ID != "ORD1" || r.Fetch.Type != "order" || r.Ignore == "" {
			t.Errorf("square %s = %+v, want a fetch of order ORD1 with a reason to keep it otherwise", typ, r)
		}
	}
	stripe := map[string]string{
		"charge": "charge", "payout": "payout", "balance_transaction": "balance_transaction", "refund": "",
		"dispute": "", "payment_intent": "", "balance": "", "customer": "", "invoice": "", "mystery_object": "",
	}
	for object, want := range stripe {
		body := []byte(`{"id":"evt_1","object":"event","type":"x.y","data":{"object":{"object":"` + object + `"}}}`)
		checkRoute(t, "stripe "+object, s["stripe"].Route(nil, body), want)
	}
	if r := s["stripe"].Route(nil, []byte(`{"id":"ch_1","object":"charge"}`)); r.Type != "" || r.Ignore != "" {
		t.Errorf("a bare stripe object is not an event: %+v", r)
	}
	if r := s["aftership"].Route(nil, []byte(`{"event":"tracking_update"}`)); r.Type != "tracking" {
		t.Errorf("aftership = %+v", r)
	}
}

func checkRoute(t *testing.T, name string, r Route, want string) {
	t.Helper()
	switch {
	case want != "" && r.Type != want:
		t.Errorf("%s: type %q, want %q (%+v)", name, r.Type, want, r)
	case want == "" && (r.Type != "" || r.Ignore == ""):
		t.Errorf("%s: %+v, want a notification kept with a reason", name, r)
	}
}

// TestFrappeRoutesByDoctype: Frappe sends no topic header; its body is the document, and
// the document names its doctype. Before, a body without ?type= was quarantined.
func TestFrappeRoutesByDoctype(t *testing.T) {
	r := Schemes()["erpnext"].Route
	for doctype, want := range map[string]string{
		"Purchase Receipt": "receipt", "Sales Invoice": "invoice", "Payment Entry": "payment",
		"Purchase Invoice": "purchase_invoice", "Purchase Order": "purchase_order",
		"Delivery Note": "delivery_note", "Stock Entry": "stock_entry",
		// No built-in mapping: the type a partner's mapping would have (else quarantined).
		"Sales Order": "sales_order",
	} {
		if got := r(nil, []byte(`{"name": "X-1", "doctype": "`+doctype+`", "docstatus": 1}`)); got.Type != want || got.Topic != doctype {
			t.Errorf("%s: %+v, want type %s", doctype, got, want)
		}
		// A REST answer posted as it came.
		if got := r(nil, []byte(`{"data": {"name": "X-1", "doctype": "`+doctype+`"}}`)); got.Type != want {
			t.Errorf("%s in data: %+v, want type %s", doctype, got, want)
		}
	}
	// A draft delivery note or stock entry books nothing in ERPNext: a notification.
	for _, dt := range []string{"Delivery Note", "Stock Entry"} {
		checkRoute(t, dt+" draft", r(nil, []byte(`{"name": "X-1", "doctype": "`+dt+`", "docstatus": 0}`)), "")
	}
	// A POS Invoice is booked by the Sales Invoice it is consolidated into.
	checkRoute(t, "POS Invoice", r(nil, []byte(`{"name": "ACC-PSINV-1", "doctype": "POS Invoice", "docstatus": 1}`)), "")
	// A Serial and Batch Bundle names the lots of another document's line. A purchase
	// receipt's is a document of its own, which joins the receipt (before, it was kept as
	// a notification only); another document's is kept, not quarantined as a doctype
	// nothing reads.
	checkRoute(t, "Serial and Batch Bundle", r(nil, []byte(`{"name": "SABB-00000191", "doctype": "Serial and Batch Bundle",
		"voucher_type": "Purchase Receipt", "voucher_no": "MAT-PRE-2026-00019", "docstatus": 1,
		"entries": [{"batch_no": "RV19-B2611", "qty": 24.0}]}`)), "serial_and_batch_bundle")
	checkRoute(t, "Serial and Batch Bundle of a delivery note", r(nil, []byte(`{"name": "SABB-00000201", "doctype": "Serial and Batch Bundle",
		"voucher_type": "Delivery Note", "voucher_no": "MAT-DN-2026-00007", "docstatus": 1,
		"entries": [{"batch_no": "RV19-B2611", "qty": -10.0}]}`)), "")
	checkRoute(t, "Purchase Receipt draft", r(nil, []byte(`{"name": "X-1", "doctype": "Purchase Receipt", "docstatus": 0}`)), "receipt")
	// A webhook sending chosen fields only, without doctype: ?type= must say.
	if got := r(nil, []byte(`{"name": "X-1"}`)); got.Type != "" || got.Ignore != "" {
		t.Errorf("no doctype: %+v", got)
	}
}
