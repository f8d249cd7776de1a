package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// Amazon's answers (SP-API Fulfillment Inbound v0) for one shipment of three SKUs:
// getShipments, then getShipmentItemsByShipmentId in two pages (the first with a
// NextToken), as review23 s6 saved them.
const (
	fbaShipmentReceiving = `{"payload": {"ShipmentData": [{"ShipmentId": "FBA15DJ9SVVD", "ShipmentName": "FBA (12/1/26) - 1",
 "ShipFromAddress": {"Name": "r23", "AddressLine1": "501 Fairview Ave N", "City": "Seattle", "StateOrProvinceCode": "WA",
 "CountryCode": "US", "PostalCode": "98109"}, "DestinationFulfillmentCenterId": "MKC6", "ShipmentStatus": "RECEIVING",
 "LabelPrepType": "SELLER_LABEL", "BoxContentsSource": "INTERACTIVE"}]}}`
	fbaItemsPage1 = `{"payload": {"ItemData": [
 {"ShipmentId": "FBA15DJ9SVVD", "SellerSKU": "MUG-A", "FulfillmentNetworkSKU": "X00R23AAAA", "QuantityShipped": 10, "QuantityReceived": 10, "QuantityInCase": 0, "PrepDetailsList": []},
 {"ShipmentId": "FBA15DJ9SVVD", "SellerSKU": "MUG-B", "FulfillmentNetworkSKU": "X00R23BBBB", "QuantityShipped": 10, "QuantityReceived": 10, "QuantityInCase": 0, "PrepDetailsList": []}],
 "NextToken": "AAAAAAAAAABtqoY6CcWi1L8m"}}`
	fbaItemsPage2 = `{"payload": {"ItemData": [
 {"ShipmentId": "FBA15DJ9SVVD", "SellerSKU": "MUG-C", "FulfillmentNetworkSKU": "X00R23CCCC", "QuantityShipped": 10, "QuantityReceived": 10, "QuantityInCase": 0, "PrepDetailsList": []}]}}`
)

// TestAmazonItemsInPagesAddUp: the items of one shipment's items answer, whatever page
// they came in, are documents side by side, so every SKU of the shipment is on hand at
// its fulfilment centre; a page sent again is a duplicate; a later poll's page with new
// counts supersedes its own items only. Before, both pages were one document keyed by the ShipmentId: page 2 replaced
// page 1 and only its SKU was on hand.
func TestAmazonItemsInPagesAddUp(t *testing.T) {
	s := startServer(t, testConfig(t))
	base := "http://" + s.Addr
	tenant := neo4jtest.Tenant(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ingest := func(files ...string) string {
		return seam(t, append([]string{"ingest", "--tenant", tenant, "--system", "amazon-fba", "--type", "shipment", "--quiet"}, files...)...)
	}
	out := ingest(write("1_getShipments.json", fbaShipmentReceiving), write("2_items_page1.json", fbaItemsPage1),
		write("3_items_page2.json", fbaItemsPage2))
	// The shipment and its three items, one document each.
	if !strings.Contains(out, "4 accepted") {
		t.Errorf("ingest: %s, want 4 accepted", out)
	}
	const fc = "amazon-fba:MKC6"
	for _, sku := range []string{"MUG-A", "MUG-B", "MUG-C"} {
		waitStock(t, base, tenant, sku, func(rs []stockRow) bool {
			return len(rs) == 1 && rs[0].Location == fc && rs[0].OnHand == "10" && rs[0].Incoming == "0"
		})
	}
	if out := ingest(write("4_items_page1_again.json", fbaItemsPage1)); !strings.Contains(out, "0 accepted") {
		t.Errorf("page 1 sent again: %s, want nothing accepted", out)
	}
	// The next poll: Amazon counted two more of MUG-A.
	recount := strings.Replace(fbaItemsPage1, `"QuantityShipped": 10, "QuantityReceived": 10`, `"QuantityShipped": 10, "QuantityReceived": 12`, 1)
	ingest(write("5_items_page1_recounted.json", recount))
	waitStock(t, base, tenant, "MUG-A", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].OnHand == "12" })
	for _, sku := range []string{"MUG-B", "MUG-C"} {
		waitStock(t, base, tenant, sku, func(rs []stockRow) bool { return len(rs) == 1 && rs[0].OnHand == "10" })
	}
}
