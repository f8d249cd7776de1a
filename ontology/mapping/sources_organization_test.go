package mapping_test

import "testing"

// TestStorefrontBuyersOrganizationIsTheBillingCompany: a Shopify or WooCommerce buyer's
// organization is the billing address's company, the firm the buyer orders for; a
// gift's shipping company is the recipient's and is not read.
func TestStorefrontBuyersOrganizationIsTheBillingCompany(t *testing.T) {
	const shopify, woo = "../../../connectors/webhook/testdata/shopify/orders_create.json", "../../../connectors/webhook/testdata/woocommerce/order.json"
	parcel := map[string]any{"first_name": "Ann", "last_name": "Clarke", "address1": "3 Mill Lane",
		"city": "Bath", "zip": "BA1 1AA", "country_code": "GB", "company": "Bath Library"}
	for _, tt := range []struct {
		what, system, payload string
		edit                  func(o map[string]any)
		want                  string
	}{
		{"Shopify, billed to a company", "shopify", shopify, func(o map[string]any) {
			o["billing_address"] = map[string]any{"first_name": "Simon", "last_name": "Clarke", "address1": "227 The Crescent",
				"city": "Bristol", "zip": "BS6 3TZ", "country_code": "GB", "company": "Clarke Hair Salon Ltd"}
			o["shipping_address"] = parcel
		}, "Clarke Hair Salon Ltd"},
		{"Shopify, only the parcel's company", "shopify", shopify, func(o map[string]any) { o["shipping_address"] = parcel }, ""},
		{"WooCommerce, billed to a company", "woocommerce", woo, func(o map[string]any) {
			o["billing"].(map[string]any)["company"] = "Murray Accounting"
			o["shipping"].(map[string]any)["company"] = "Elsewhere Ltd"
		}, "Murray Accounting"},
	} {
		d, ps := mapEdited(t, tt.system, "order", tt.payload, tt.edit)
		if d == nil || len(d.Parties) == 0 {
			t.Fatalf("%s: not mapped: %v", tt.what, ps)
		}
		if got := d.Parties[0].Organization; got != tt.want {
			t.Errorf("%s: the buyer's organization is %q, want %q", tt.what, got, tt.want)
		}
	}
}
