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
