package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestShortFormOfBeatrizInAnyOrder: Beatriz Ramos Ruiz checks out once as Bea, the short
// form Spanish speakers go by, with her own mailbox, phone and flat. Bea was in the
// table for Beatrice only, so the shared mailbox and phone read as a household's under
// two given names and kept the order apart in every arrival order (review35 en-7,
// P0236).
func TestShortFormOfBeatrizInAnyOrder(t *testing.T) {
	bea := func(given, phone, street, line2 string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: "Ramos Ruiz", Name: given + " Ramos Ruiz",
			Email: "beatriz.ramos@gmail.com", Phone: phone, Country: "US",
			Place: &ontology.AddressPart{Street: street, Line2: line2, Locality: "Miami", Region: "FL", Postcode: "33117"}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{{
		bea("Bea", "786-776-8766", "819 Franklin Blvd. Unit 16C", ""),
		bea("Beatriz", "(786) 776-8766", "819 Franklin Blvd", "#16C"),
		bea("Beatriz", "(786) 776-8766", "819 franklin boulevard unit 16c", ""),
	}}, "0 0 0")
}
