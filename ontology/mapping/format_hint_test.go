package mapping_test

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology/mapping"
)

// TestSpreadsheetExportGivenToAnAPIMapping: Shopify's own CSV order export (Orders >
// Export: one row per line item, columns Name, Email, Financial Status, Lineitem sku ...)
// ingested as shopify/order is quarantined, and the first problem says why: the mapping
// reads the API's JSON answers, not an export from the admin. Before, the only reason
// given was "no value for the document's id".
func TestSpreadsheetExportGivenToAnAPIMapping(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "shopify", "order", "csv", readSample(t, "shopify/orders_export.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Doc != nil || len(res[0].Problems) == 0 {
		t.Fatalf("results %+v, want one record quarantined", res)
	}
	first := res[0].Problems[0]
	if first.Rule != "format" || !strings.Contains(first.Message, "shopify/order reads json") ||
		!strings.Contains(first.Message, "save the API's answers") {
		t.Errorf("first problem %+v, want it to say the mapping reads the API's JSON answers", first)
	}
	// The same order as JSON has no such problem.
	res, err = reg.MapPayload("acme", "shopify", "order", "json", []byte(`{"id": 1}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res[0].Problems {
		if p.Rule == "format" {
			t.Errorf("a JSON payload told it is of the wrong format: %+v", p)
		}
	}
}
