package mapping_test

import "testing"

// TestStorefrontOrderWithoutBillingNamesItsCustomer: an order without a billing address
// (a Shopify checkout that asks for none, a WooCommerce shop that asks for the name
// alone) says who bought in the customer record (Shopify's customer, with its default
// address) or in the billing name; the shipping address is the parcel's, the
// recipient's on a gift. Abbie Carter's order from her account, shipped to Ron Carter
// at his flat, is hers, at her home; only an order that names nobody else reads the
// parcel's.
func TestStorefrontOrderWithoutBillingNamesItsCustomer(t *testing.T) {
	d, ps := mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", func(o map[string]any) {
		delete(o, "billing_address")
		o["customer"] = map[string]any{"id": 7001, "email": "carters@example.com", "first_name": "Abbie", "last_name": "Carter",
			"default_address": map[string]any{"first_name": "Abbie", "last_name": "Carter", "address1": "14 Elm Street",
				"city": "Dayton", "zip": "45402", "country_code": "US", "phone": "937-555-0101"}}
		o["shipping_address"] = map[string]any{"first_name": "Ron", "last_name": "Carter", "address1": "9 Lake Road",
			"city": "Akron", "zip": "44301", "country_code": "US", "phone": "330-555-0199"}
	})
	if d == nil || len(d.Parties) == 0 {
		t.Fatalf("not mapped: %v", ps)
	}
	p := d.Parties[0]
	if p.Name != "Abbie Carter" || p.GivenName != "Abbie" || p.FamilyName != "Carter" {
		t.Errorf("Shopify order without billing address: name %q (%q / %q), want the customer record's Abbie Carter", p.Name, p.GivenName, p.FamilyName)
	}
	if p.Address != "14 Elm Street, 45402, Dayton" || p.Place == nil || p.Place.Postcode != "45402" || p.Phone == "" || p.Phone == "330-555-0199" {
		t.Errorf("Shopify order without billing address: address %q place %+v phone %q, want the customer's default address and not the parcel's phone",
			p.Address, p.Place, p.Phone)
	}

	d, ps = mapEdited(t, "woocommerce", "order", "../../../connectors/webhook/testdata/woocommerce/order.json", func(o map[string]any) {
		b := o["billing"].(map[string]any)
		b["first_name"], b["last_name"], b["address_1"], b["postcode"], b["city"] = "Abbie", "Carter", "", "", ""
		s := o["shipping"].(map[string]any)
		s["first_name"], s["last_name"] = "Ron", "Carter"
	})
	if d == nil || len(d.Parties) == 0 {
		t.Fatalf("not mapped: %v", ps)
	}
	if p := d.Parties[0]; p.Name != "Abbie Carter" || p.GivenName != "Abbie" || p.FamilyName != "Carter" {
		t.Errorf("WooCommerce order with a billing name and no billing address: name %q (%q / %q), want Abbie Carter", p.Name, p.GivenName, p.FamilyName)
	}

	// Nobody named but the parcel's receiver: the shipping address is all there is.
	d, ps = mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", func(o map[string]any) {
		o["customer"] = map[string]any{"id": 7002, "email": "x@example.com"}
	})
	if d == nil || len(d.Parties) == 0 {
		t.Fatalf("not mapped: %v", ps)
	}
	if p := d.Parties[0]; p.GivenName != "Ana" || p.Address != "Keizersgracht 12, 1015 CS, Amsterdam" {
		t.Errorf("Shopify order naming only its parcel: given %q address %q, want the shipping address's", p.GivenName, p.Address)
	}
}
