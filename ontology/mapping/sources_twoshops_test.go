package mapping_test

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology/mapping"
)

// TestAfterShipTrackingNamesItsShopsOrder: AfterShip's shop integrations send the shop's
// own id of the order with its admin page; read in that shop's scope, the id tells a
// WooCommerce order from the Shopify order of the same number (both shops number from
// 1001). A page of neither shop adds nothing.
func TestAfterShipTrackingNamesItsShopsOrder(t *testing.T) {
	d := one(t, "aftership", "tracking", "", "aftership/webhook_woocommerce.json")
	if got, want := refs(d), "tracking:1Z999AA10123456784 order_number:1001 order_number:4812 order_id:woocommerce:4812"; got != want {
		t.Errorf("refs = %s, want %s", got, want)
	}
	body := strings.Replace(string(srcSample(t, "aftership/webhook_woocommerce.json")),
		"https://shop.example/wp-admin/post.php?post=4812&action=edit", "https://erp.example/orders/4812", 1)
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "aftership", "tracking", "", []byte(body))
	if err != nil || len(res) != 1 || res[0].Doc == nil {
		t.Fatalf("a page of no known shop: %+v, %v", res, err)
	}
	if got := refs(res[0].Doc); strings.Contains(got, "order_id:") {
		t.Errorf("a page of no known shop: refs %s", got)
	}
}
