package webhook

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// Route says what one delivery is, from the provider's own topic header or envelope: a
// document of a type Seam maps, a notification Seam acknowledges and keeps without making
// a document of it (Ignore says why), a summary whose whole object must be fetched from
// the provider's API (Fetch), or a ping that carries nothing to keep.
//
// Every event a provider sends in the scopes Seam subscribes to gets a Route. An event
// that no route names is acknowledged as ignored, never refused: a provider retries a
// 4xx for hours and then disables the endpoint, and one unknown topic would cut the
// shop off.
type Route struct {
	// Topic is the provider's name of the event (orders/create, charge.succeeded).
	Topic string
	// Type is the document type to map; empty for notifications, fetches and pings.
	Type string
	// Ignore is why the event is kept as a notification without a document.
	Ignore string
	// Fetch names the object to fetch when the event carries only a summary.
	Fetch *Fetch
	// Ping is a provider's test delivery, answered 200 with nothing stored.
	Ping bool
	// Alert marks events an operator must hear of (the app uninstalled from a shop).
	Alert bool
}

// Fetch is an object a summary notification names, to be read whole from the provider.
type Fetch struct {
	Type string // the document type the fetched object is (order)
	ID   string // the provider's id of the object
	// Trashed says the notice tells of the object's deletion and carries nothing else
	// (WooCommerce order.deleted: {"id": N}): the fetcher answers the object's last
	// stored version as the provider shows a trashed one, so that it is superseded
	// like any change. No stored version, no document: the notice is kept.
	Trashed bool
}

// The reasons given for notifications kept without a document. They are part of each
// answer, so a partner reading the webhook log knows why a delivery made no document.
const (
	whyNotUsed        = "event not used by Seam; kept as a notification"
	whyCatalogue      = "catalogue data: products are resolved from the documents' lines; kept as a notification"
	whyStockLevel     = "the provider's own count of its stock; Seam's stock comes from its ledger; kept as a notification"
	whyOrderEdit      = "an order edit: the orders/updated that follows carries the edited order"
	whyOrderNote      = "a note about an order (risk, eligibility), not the order: the orders/updated that follows carries any change"
	whyDeleted        = "a deletion notice carries only the id; the document and its stock stay as the last version said"
	whyTrashedUnknown = "a deletion notice of a document Seam does not hold: nothing to withdraw; kept as a notification"
	whySummary        = "summary only (no line items); the order is fetched through the Orders API, or by the poller when no access token is configured"
	whyUninstalled    = "the app was uninstalled from the shop: no further deliveries will come until it is installed again"
	whyMoneyOnly      = "money movement Seam does not map yet; kept for reconciliation"
	whyCustomer       = "customer record: parties are resolved from the documents that name them; kept as a notification"
	whyBalance        = "the account's balance: a figure, not a business action"
	whyPaymentIntent  = "a payment intent: the charge it creates is the payment Seam maps (charge.*)"
)

// orderBodies are the orders/* topics whose body is the Order itself.
var orderBodies = map[string]bool{"create": true, "updated": true, "paid": true, "cancelled": true,
	"fulfilled": true, "partially_fulfilled": true}

// shopifyRoute routes by the X-Shopify-Topic header.
func shopifyRoute(h http.Header, _ []byte) Route {
	topic := h.Get("X-Shopify-Topic")
	r := Route{Topic: topic}
	resource, event, _ := strings.Cut(topic, "/")
	switch {
	case topic == "":
		// Not a real Shopify delivery (it always names its topic): the caller may still
		// say the type with ?type=.
	case resource == "orders" && event == "edited":
		r.Ignore = whyOrderEdit
	case resource == "orders" && event == "delete":
		r.Ignore = whyDeleted
	case resource == "orders" && orderBodies[event]:
		r.Type = "order"
	case resource == "orders":
		// orders/risk_assessment_changed, orders/shopify_protect_eligibility_changed,
		// orders/link_requested: a note about an order ({order_id, ...}), not the Order.
		r.Ignore = whyOrderNote
	case resource == "fulfillments":
		// create, update: the shipment of one order's goods, never a new order.
		r.Type = "fulfillment"
	case resource == "refunds":
		r.Type = "refund"
	case resource == "inventory_levels" || resource == "inventory_items":
		r.Ignore = whyStockLevel
	case resource == "products" || resource == "collections" || resource == "product_listings" || resource == "variants":
		r.Ignore = whyCatalogue
	case resource == "customers" || resource == "customer_groups":
		r.Ignore = whyCustomer
	case topic == "app/uninstalled":
		r.Ignore, r.Alert = whyUninstalled, true
	default:
		r.Ignore = whyNotUsed
	}
	return r
}

// wooRoute routes by X-WC-Webhook-Topic (order.created), or the resource and event
// headers that carry the same.
func wooRoute(h http.Header, body []byte) Route {
	topic := h.Get("X-WC-Webhook-Topic")
	if topic == "" && h.Get("X-WC-Webhook-Resource") != "" {
		topic = h.Get("X-WC-Webhook-Resource") + "." + h.Get("X-WC-Webhook-Event")
	}
	r := Route{Topic: topic}
	if wooPing(h, body) {
		r.Ping = true
		return r
	}
	resource, event, _ := strings.Cut(topic, ".")
	switch {
	case topic == "":
	case resource == "order" && event == "deleted":
		// {"id": N}, when the order is trashed (or deleted for good): its last version,
		// trashed, is stored again, and an order that never shipped reserves nothing
		// more. order.restored brings the order back as a newer version.
		var del struct {
			ID json.Number `json:"id"`
		}
		if json.Unmarshal(body, &del) == nil && del.ID != "" {
			r.Fetch = &Fetch{Type: "order", ID: del.ID.String(), Trashed: true}
		} else {
			r.Ignore = whyDeleted
		}
	case resource == "order":
		// created, updated, restored (from the trash): the Order.
		r.Type = "order"
	case resource == "product":
		r.Ignore = whyCatalogue
	case resource == "customer":
		r.Ignore = whyCustomer
	default:
		r.Ignore = whyNotUsed
	}
	return r
}

// wooPing reports WooCommerce's test delivery, sent unsigned when a webhook is saved:
// a form body webhook_id=N and no signature header.
func wooPing(h http.Header, body []byte) bool {
	if h.Get("X-WC-Webhook-Signature") != "" || len(body) > 200 {
		return false
	}
	v, err := url.ParseQuery(string(bytes.TrimSpace(body)))
	return err == nil && len(v) == 1 && v.Get("webhook_id") != ""
}

// squareRoute routes by the envelope's type. Order events carry only a summary.
func squareRoute(_ http.Header, body []byte) Route {
	var env struct {
		Type string `json:"type"`
		Data struct {
			ID     string                     `json:"id"`
			Object map[string]json.RawMessage `json:"object"`
		} `json:"data"`
	}
	_ = json.Unmarshal(body, &env)
	r := Route{Topic: env.Type}
	resource, _, _ := strings.Cut(env.Type, ".")
	switch {
	case env.Type == "":
	case resource == "order":
		// order.created, order.updated, order.fulfillment.updated: {order_id, version,
		// state} under order_created / order_updated / order_fulfillment_updated.
		id := env.Data.ID
		for _, raw := range env.Data.Object {
			var s struct {
				OrderID string `json:"order_id"`
			}
			if json.Unmarshal(raw, &s) == nil && s.OrderID != "" {
				id = s.OrderID
			}
		}
		r.Ignore = whySummary
		if id != "" {
			r.Fetch = &Fetch{Type: "order", ID: id}
		}
	case resource == "payment":
		r.Type = "payment"
	case resource == "refund":
		// refund.created, refund.updated: the PaymentRefund (data.object.refund).
		r.Type = "refund"
	case resource == "dispute" || resource == "payout":
		r.Ignore = whyMoneyOnly
	case resource == "inventory":
		r.Ignore = whyStockLevel
	case resource == "catalog":
		r.Ignore = whyCatalogue
	case resource == "customer":
		r.Ignore = whyCustomer
	default:
		r.Ignore = whyNotUsed
	}
	return r
}

// stripeRoute routes an Event by the kind of object it carries (data.object.object), so
// that charge.refund.updated (a refund) and charge.dispute.created (a dispute) are not
// taken for charges.
func stripeRoute(_ http.Header, body []byte) Route {
	var env struct {
		Object string `json:"object"`
		Type   string `json:"type"`
		Data   struct {
			Object struct {
				Object string `json:"object"`
			} `json:"object"`
		} `json:"data"`
	}
	_ = json.Unmarshal(body, &env)
	r := Route{Topic: env.Type}
	switch env.Data.Object.Object {
	case "":
		if env.Object != "event" {
			r.Topic = "" // a bare object, not an event: ?type= must say
		} else {
			r.Ignore = whyNotUsed
		}
	case "charge":
		r.Type = "charge"
	case "payout":
		r.Type = "payout"
	case "balance_transaction":
		r.Type = "balance_transaction"
	case "refund", "dispute", "application_fee", "transfer", "topup", "fee_refund":
		r.Ignore = whyMoneyOnly
	case "payment_intent", "setup_intent", "payment_method":
		r.Ignore = whyPaymentIntent
	case "balance":
		r.Ignore = whyBalance
	case "customer", "subscription", "invoice", "tax_id":
		r.Ignore = whyCustomer
	default:
		r.Ignore = whyNotUsed
	}
	return r
}

// aftershipRoute: every AfterShip tracking event (every tag and subtag) is the Tracking.
func aftershipRoute(_ http.Header, body []byte) Route {
	return Route{Topic: jsonField("event")(nil, body), Type: "tracking"}
}

// frappeDoctypes are the ERPNext doctypes whose built-in mapping has a type of another
// name than the doctype's own; every other doctype is its name in snake case
// ("Delivery Note" is delivery_note, "Stock Entry" stock_entry).
var frappeDoctypes = map[string]string{
	"Purchase Receipt": "receipt",
	"Sales Invoice":    "invoice",
	"Payment Entry":    "payment",
}

// frappeRoute routes a Frappe webhook by the document's own doctype. Frappe sends no
// topic header: its body is the document (doc.as_dict), or what the webhook's JSON
// template makes of it, so a body without "doctype" (a webhook sending chosen fields
// only) is told by ?type=. A REST answer ({"data": {...}}) posted as it came reads the
// same. A doctype no mapping reads is quarantined with that said, where a person sees it.
//
// A draft (docstatus 0) of a doctype that only moves stock (a delivery note, a stock
// entry) is kept as a notification: ERPNext books nothing until it is submitted, and a
// draft deleted later (on_trash posts the draft again) must not leave goods reserved.
func frappeRoute(_ http.Header, body []byte) Route {
	type doc struct {
		Doctype     string      `json:"doctype"`
		Docstatus   json.Number `json:"docstatus"`
		VoucherType string      `json:"voucher_type"`
	}
	var env struct {
		doc
		Data doc `json:"data"`
	}
	_ = json.Unmarshal(body, &env)
	d := env.doc
	if strings.TrimSpace(d.Doctype) == "" {
		d = env.Data
	}
	dt := strings.TrimSpace(d.Doctype)
	if dt == "" {
		return Route{}
	}
	if d.Docstatus == "0" && frappeStockOnly[dt] {
		return Route{Topic: dt, Ignore: whyDraft}
	}
	switch dt {
	case "POS Invoice":
		return Route{Topic: dt, Ignore: whyPOSInvoice}
	case "Serial and Batch Bundle":
		if d.VoucherType != "Purchase Receipt" {
			return Route{Topic: dt, Ignore: whyBundle}
		}
	}
	typ, ok := frappeDoctypes[dt]
	if !ok {
		typ = strings.ToLower(strings.Join(strings.Fields(dt), "_"))
	}
	return Route{Topic: dt, Type: typ}
}

// frappeStockOnly are the doctypes whose documents do nothing but move stock.
var frappeStockOnly = map[string]bool{"Delivery Note": true, "Stock Entry": true}

// whyPOSInvoice is why an ERPNext POS Invoice makes no document: POS Closing
// consolidates a session's POS Invoices into Sales Invoices that book the stock and the
// money (update_stock 1), which Seam maps; mapped too, every sale would count twice.
const whyPOSInvoice = "an ERPNext POS Invoice: the Sales Invoice that POS Closing consolidates it into books its goods and money; kept as a notification"

// whyBundle is why an ERPNext Serial and Batch Bundle of another document than a
// purchase receipt, posted on its own, makes no document: it names the lots of a line of
// that document (voucher_no), and Seam reads them only where that document carries the
// bundle expanded into its line. A purchase receipt's bundle is a document of its own
// (erpnext-serial_and_batch_bundle.yaml) that joins the receipt.
const whyBundle = "an ERPNext Serial and Batch Bundle of a delivery note, stock entry or invoice on its own: its lots are read where that document carries it expanded into its line (a purchase receipt's bundle is read on its own); kept as a notification"

// whyDraft is the reason an ERPNext draft of such a doctype makes no document.
const whyDraft = "an ERPNext draft (docstatus 0): nothing is booked in stock until it is submitted; kept as a notification"
