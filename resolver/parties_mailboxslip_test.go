package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestGoogleDomainMistypedInAnyOrder: Srini Gill orders twice as srinivas.gill59@gmail.com
// and once, as "Srini G" with his phone, from srinivas.gill59@gmail.co, Google's domain
// with a letter dropped. Google's mailboxes are compared without their dots, which
// normalize.Email could not fold for a domain it did not know as Google's; before, the
// two read as two personal mailboxes and kept the third order apart in every arrival
// order (review35 en-6, P0071).
func TestGoogleDomainMistypedInAnyOrder(t *testing.T) {
	srini := func(family, email, phone, street, postcode string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Srini", FamilyName: family, Name: "Srini " + family,
			Email: email, Phone: phone, Country: "US",
			Place: &ontology.AddressPart{Number: "495", Street: street, Locality: "San Jose", Region: "CA", Postcode: postcode}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{{
		srini("Gill", "srinivas.gill59@gmail.com", "", "ELM CT", "95182-7232"),
		srini("G", "srinivas.gill59@gmail.co", "(669) 381-6300", "Elm Ct", "95182"),
		srini("Gill", "srinivas.gill59@gmail.com", "", "Elm Court", "95182"),
	}}, "0 0 0")
}

// TestProviderMistypedIsNoSecondMailbox: Christopher Richardson's order from
// christopher_richardson03@yahoo.co, with the number his partner Sarah MacLeod once
// gave for a gift, beside his orders from the same mailbox at yahoo.com and his own
// number. Scored, the two are one mailbox with its provider mistyped; but the rule that
// keeps a father and his son of one name apart (two mailboxes and two phones:
// contactsApart) compared mailboxes letter for letter and took the slip for a second
// mailbox, so the order stayed a party of its own in every arrival order (review35
// en-7, P0355). Sarah's orders stay hers.
func TestProviderMistypedIsNoSecondMailbox(t *testing.T) {
	at := func(given, family, email, phone, street, postcode string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Name: given + " " + family,
			Email: email, Phone: phone, Country: "US",
			Place: &ontology.AddressPart{Number: "9328", Street: street, Locality: "Houston", Region: "TX", Postcode: postcode}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{{
		at("Christopher", "Richardson", "christopher_richardson03@yahoo.co", "+17136038018", "Bellaire Court", "77041"),
		at("Christopher", "Richardson", "christopher_richardson03@yahoo.com", "+17133413737", "Bellaire Court", "77041-2468"),
		at("Christopher", "Richardson", "christopher_richardson03@yahoo.com", "+1 713-341-3737", "Bellaire Ct", "77041"),
	}, {
		at("Sarah", "MacLeod", "sarahmacleod@gmial.com", "(832) 345-0535", "Bellaire Ct", "77041"),
		at("sarah", "macleod", "sarahmacleod@gmail.com", "(832) 345-0535", "Bellaire Court", "77041-2468"),
		at("Sarah", "MacLeod", "sarahmacleod@gmail.com", "(713) 603-8018", "Bellaire Ct", "77041"),
		at("sarah", "macleod", "sarahmacleod@gmail.com", "832-345-0535", "Bellaire Court", "77041"),
	}}, "0 0 0 | 1 1 1 1")
}

// TestFatherAndSonAtTwoDomainsALetterApart: Giorgio Lupo and his son of the same name
// at one address, each with his own phone, at Telecom Italia's two mail domains, a
// letter apart (tin.it and tim.it), under the name alone: that is two mailboxes, not
// one mistyped (localIsName), and the two stay apart.
func TestFatherAndSonAtTwoDomainsALetterApart(t *testing.T) {
	lupo := func(email, phone string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "Giorgio", FamilyName: "Lupo", Name: "Giorgio Lupo",
			Email: email, Phone: phone, Country: "IT",
			Place: &ontology.AddressPart{Number: "148", Street: "Via Ioppi", Locality: "Firenze", Postcode: "50126"}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{lupo("giorgio.lupo@tin.it", "+39 347 112 9087"), lupo("giorgio.lupo@tin.it", "+39 347 112 9087")},
		{lupo("giorgio.lupo@tim.it", "+39 333 870 4412"), lupo("giorgio.lupo@tim.it", "+39 333 870 4412")},
	}, "0 0 | 1 1")
}
