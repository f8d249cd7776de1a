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
