package mapping_test

import "testing"

// TestStorefrontGiftIsItsBuyersAddress: Sole Marini pays for an order shipped to
// Annibale Marini, at his home with his phone. The order's customer is its buyer, and
// her address and phone are the billing address's: read from the parcel's, the buyer's
// party took the recipient's home and number and joined his own orders. An order
// without a billing address still gives the shipping address.
func TestStorefrontGiftIsItsBuyersAddress(t *testing.T) {
	gift := func(o map[string]any) {
		o["billing_address"] = map[string]any{"first_name": "Sole", "last_name": "Marini", "address1": "Via Allegra 191",
			"city": "Vigo Rendena", "zip": "62017", "country_code": "IT", "phone": "+39 359 4325215"}
		o["shipping_address"] = map[string]any{"first_name": "Annibale", "last_name": "Marini", "address1": "Incrocio Simonetta 3",
			"city": "Vigo Rendena", "zip": "34145", "country_code": "IT", "phone": "+39 342 3451778"}
	}
	d, ps := mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", gift)
	if d == nil || len(d.Parties) == 0 {
		t.Fatalf("not mapped: %v", ps)
	}
	p := d.Parties[0]
	if p.Address != "Via Allegra 191, 62017, Vigo Rendena" || p.Phone != "+39 359 4325215" || p.Place == nil || p.Place.Postcode != "62017" {
		t.Errorf("Shopify gift's buyer: address %q phone %q place %+v, want her billing address and phone", p.Address, p.Phone, p.Place)
	}

	d, ps = mapEdited(t, "woocommerce", "order", "../../../connectors/webhook/testdata/woocommerce/order.json", func(o map[string]any) {
		o["billing"].(map[string]any)["address_1"] = "Via Allegra 191"
		o["billing"].(map[string]any)["postcode"] = "62017"
		s := o["shipping"].(map[string]any)
		s["first_name"], s["address_1"], s["postcode"], s["phone"] = "Annibale", "Incrocio Simonetta 3", "34145", "+39 342 3451778"
	})
	if d == nil || len(d.Parties) == 0 {
		t.Fatalf("not mapped: %v", ps)
	}
	if p := d.Parties[0]; p.Address != "Via Allegra 191, 62017, Amsterdam" || p.Place == nil || p.Place.Street != "Via Allegra 191" {
		t.Errorf("WooCommerce gift's buyer: address %q place %+v, want the billing address", p.Address, p.Place)
	}

	// No billing address: the parcel's address is all the order says.
	d, ps = mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", func(map[string]any) {})
	if d == nil || len(d.Parties) == 0 {
		t.Fatalf("not mapped: %v", ps)
	}
	if p := d.Parties[0]; p.Address != "Keizersgracht 12, 1015 CS, Amsterdam" {
		t.Errorf("Shopify order without billing address: address %q, want the shipping address", p.Address)
	}
}

// TestShopifyOrderNotesTheParcelAndTheRecord: a Shopify order notes, beside its
// customer, who the parcel is for and where (ship_to, ship_to_home), the billing
// address as written (bill_to_home), the customer
// record's holder and default address (account_name, account_home) and the order's own
// phone (buyer_phone): what tells a gift whose checkout copied the parcel into the
// billing address from the buyer's own order (resolver/partystorefront.go).
func TestShopifyOrderNotesTheParcelAndTheRecord(t *testing.T) {
	d, ps := mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", func(o map[string]any) {
		o["phone"] = "+31612345678"
		o["billing_address"] = map[string]any{"first_name": "Annibale", "last_name": "Marini", "address1": "Incrocio Simonetta 3",
			"city": "Vigo Rendena", "country_code": "IT"}
		o["shipping_address"] = map[string]any{"first_name": "Annibale", "last_name": "Marini", "address1": "Incrocio Simonetta 3",
			"city": "Vigo Rendena", "zip": "34145", "country_code": "IT"}
	})
	if d == nil {
		t.Fatalf("not mapped: %v", ps)
	}
	got := map[string]string{}
	for _, n := range d.Notes {
		got[n.Field] = n.Text
	}
	want := map[string]string{"ship_to": "Annibale Marini", "ship_to_home": "Incrocio Simonetta 3, 34145, Vigo Rendena",
		"bill_to_home": "Incrocio Simonetta 3, Vigo Rendena",
		"account_name": "Ana Souza", "buyer_phone": "+31612345678"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("note %s = %q, want %q (notes %v)", k, got[k], v, got)
		}
	}
}
