package mapping_test

import "testing"

// TestShopifyOrderNamesItsBuyerNotTheCustomerRecord: Shopify files a guest checkout
// under the customer record of its mailbox, which keeps the name of the mailbox's first
// order. Alina Panicucci orders from the family's mailbox that her husband Gustavo
// ordered from first: the order's customer object says Gustavo, its billing address
// Alina, who bought it. The party is named as the order's billing address names it.
func TestShopifyOrderNamesItsBuyerNotTheCustomerRecord(t *testing.T) {
	d, ps := mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", func(o map[string]any) {
		c := o["customer"].(map[string]any)
		c["first_name"], c["last_name"] = "Gustavo", "Panicucci"
		o["billing_address"] = map[string]any{"first_name": "Alina", "last_name": "Panicucci", "address1": "Viale Ferrara 146",
			"city": "Roma", "zip": "00180", "country_code": "IT"}
	})
	if d == nil {
		t.Fatalf("not mapped: %v", ps)
	}
	if len(d.Parties) == 0 {
		t.Fatal("no party")
	}
	p := d.Parties[0]
	if p.GivenName != "Alina" || p.FamilyName != "Panicucci" || p.Name != "Alina Panicucci" {
		t.Errorf("the buyer is %q / %q / %q, want Alina Panicucci as billed", p.Name, p.GivenName, p.FamilyName)
	}
}

// TestShopifyOrderPhoneIsTheBuyers: a checkout that asks for the phone once keeps it in
// billing_address.phone; the shipping address of a gift carries its recipient's. Wanda
// Hill's order with her mobile on the billing address only, and her niece's number on the
// shipping address, is Wanda's mobile, read in the country it bills to when it ships
// nowhere.
func TestShopifyOrderPhoneIsTheBuyers(t *testing.T) {
	d, ps := mapEdited(t, "shopify", "order", "../../../connectors/webhook/testdata/shopify/orders_create.json", func(o map[string]any) {
		o["phone"] = nil
		c := o["customer"].(map[string]any)
		c["phone"] = nil
		o["billing_address"] = map[string]any{"first_name": "Wanda", "last_name": "Hill", "address1": "441 James Forges",
			"city": "Port Angelaville", "zip": "27160", "country_code": "US", "phone": "617-608-7411"}
		o["shipping_address"] = map[string]any{"first_name": "Kim", "last_name": "Hill", "address1": "9 Elm St",
			"city": "Lake Larry", "zip": "10001", "phone": "212-555-0134"}
	})
	if d == nil {
		t.Fatalf("not mapped: %v", ps)
	}
	if len(d.Parties) == 0 {
		t.Fatal("no party")
	}
	p := d.Parties[0]
	if p.Phone != "617-608-7411" || p.Country != "US" {
		t.Errorf("the buyer's phone is %q in %q, want 617-608-7411 in US (the billing address's)", p.Phone, p.Country)
	}
}
