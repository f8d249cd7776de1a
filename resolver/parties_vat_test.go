package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestVATNumberOnAStorefrontBuyersOrdersInAnyOrder: Eoin Murray orders for his firm
// from the firm's mailbox and its Dublin line, billed to the firm with a VAT number on
// each WooCommerce order (a checkout field: the business billed), and once from his own
// mailbox. The VAT number
// is the firm's, not his: orders whose numbers differ are still his, found by his
// mailbox and the office's phone (before, each was refused as "another tax id"), and a
// colleague who gives the firm's number from her own mailbox and phone is not joined to
// him by it.
func TestVATNumberOnAStorefrontBuyersOrdersInAnyOrder(t *testing.T) {
	office := func(given, family, email, phone, vat string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IE", GivenName: given, FamilyName: family,
			Name: given + " " + family, Email: email, Phone: phone, TaxID: vat, Organization: "Murray Accounting",
			Place: &ontology.AddressPart{Number: "143", Street: "Oakwood Drive", Locality: "Dublin", Postcode: "D09 021T"}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{office("eoin", "murray", "eoin.murray@murrayaccounting.com", "019 166 5032", "IE1642095E"),
			office("Eoin", "Murray", "eoin.murray@murrayaccounting.com", "019 166 5032", "IE8861742E"),
			office("Eoin", "Murray", "eoin.murray96@gmail.com", "00353 191665032", "IE8095375G")},
		{office("Siobhan", "Walsh", "siobhan.walsh@murrayaccounting.com", "+353 87 442 1093", "IE1642095E")},
	}, "0 0 0 | 1")
}
