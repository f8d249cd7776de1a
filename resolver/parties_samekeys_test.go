package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestSameKeysWrittenOtherwiseHouseholdApart: one person's orders under the same keys
// written another way are one party; her relatives on the family's mailbox or its
// landline, under their own names and with mobiles of their own, stay apart.
//
// Amy Mak orders from the family's mailbox with her mobile, then as Kwokfong Mak (her
// Cantonese given name, run together) with the same mailbox and mobile: one woman. Her
// sister Kaman Mak orders from the same mailbox with her own mobile, and their brother
// Wai Kit Mak with the flat's landline and a mailbox of his own: two more people.
// 許建興, on an order whose family-name field holds his whole name beside the given
// name 建興, is 建興 / 許 on the same mailbox; his brother 建華 / 許 on that mailbox with
// his own mobile is not.
func TestSameKeysWrittenOtherwiseHouseholdApart(t *testing.T) {
	f := newFixture(t)
	hk := func(ref ontology.PartyRef) ontology.PartyRef {
		ref.Role, ref.Country = ontology.PartyCustomer, "HK"
		ref.Place = &ontology.AddressPart{Street: "563 Castle Peak Road", Line2: "Flat B, 31/F", Locality: "Tsuen Wan", Region: "New Territories"}
		return ref
	}
	f.orderBy("amy", 0, hk(ontology.PartyRef{Name: "Amy Mak", GivenName: "Amy", FamilyName: "Mak",
		Email: "mak.home@netvigator.com", Phone: "+852 5469 9082", ExternalID: "7452650157"}))
	f.orderBy("amy-landline", 1, hk(ontology.PartyRef{Name: "Amy Mak", GivenName: "Amy", FamilyName: "Mak",
		Email: "mak.home@netvigator.com", Phone: "852-28235402", ExternalID: "7452650157"}))
	f.orderBy("kwokfong", 2, hk(ontology.PartyRef{Name: "Kwokfong Mak", GivenName: "Kwokfong", FamilyName: "Mak",
		Email: "Mak.Home@netvigator.com", Phone: "+85254699082", ExternalID: "7452650157"}))
	f.orderBy("kaman", 3, hk(ontology.PartyRef{Name: "Kaman Mak", GivenName: "Kaman", FamilyName: "Mak",
		Email: "mak.home@netvigator.com", Phone: "+852 6123 4471"}))
	f.orderBy("waikit", 4, hk(ontology.PartyRef{Name: "Wai Kit Mak", GivenName: "Wai Kit", FamilyName: "Mak",
		Email: "waikit.mak@gmail.com", Phone: "2823 5402"}))
	amy := f.partyOf("amy").PartyID
	if got := f.partyOf("kwokfong").PartyID; got != amy {
		t.Errorf("Kwokfong Mak is party %s, Amy Mak %s: want one (one mailbox, mobile and account)", got, amy)
	}
	for _, other := range []string{"kaman", "waikit"} {
		if got := f.partyOf(other).PartyID; got == amy {
			t.Errorf("%s joined Amy Mak's party %s through the family's mailbox or landline", other, amy)
		}
	}

	tw := func(ref ontology.PartyRef) ontology.PartyRef {
		ref.Role, ref.Country = ontology.PartyCustomer, "TW"
		ref.Place = &ontology.AddressPart{Street: "新店區中山北路一段82號8樓", Locality: "新北市", Postcode: "231"}
		return ref
	}
	f.orderBy("hsu-whole", 5, tw(ontology.PartyRef{Name: "許建興", FamilyName: "許建興",
		Email: "chsu@hotmail.com", Phone: "+886 222 446 352", ExternalID: "7459900859"}))
	f.orderBy("hsu-mixed", 6, tw(ontology.PartyRef{Name: "許建興", GivenName: "建興", FamilyName: "許建興",
		Email: "chsu@hotmail.com", Phone: "+886 968 734 163", ExternalID: "7459900859"}))
	f.orderBy("hsu-brother", 7, tw(ontology.PartyRef{Name: "建華 許", GivenName: "建華", FamilyName: "許",
		Email: "chsu@hotmail.com", Phone: "+886 912 345 678"}))
	hsu := f.partyOf("hsu-whole").PartyID
	if got := f.partyOf("hsu-mixed").PartyID; got != hsu {
		t.Errorf("許建興 written 建興 / 許建興 is party %s, 許建興 %s: want one", got, hsu)
	}
	if got := f.partyOf("hsu-brother").PartyID; got == hsu {
		t.Errorf("建華 許 on the family's mailbox with his own mobile joined 許建興's party %s", hsu)
	}
}
