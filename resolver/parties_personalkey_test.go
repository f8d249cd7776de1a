package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestMailboxOverHouseholdPhone: 李刚 orders with the family's phone; his daughter 李欢
// with her own mailbox and her own number; then an order written Vivian Li, her English
// name, carries her mailbox and the family's phone. Neither name contradicts Vivian
// Li, so both keys named a party, and the order made father and daughter one. The
// mailbox is hers alone, the phone the household's: the order is hers, and her father
// stays his own party.
func TestMailboxOverHouseholdPhone(t *testing.T) {
	f := newFixture(t)
	flat := func(ref ontology.PartyRef) ontology.PartyRef {
		ref.Role, ref.Country = ontology.PartyCustomer, "CN"
		ref.Place = &ontology.AddressPart{Street: "林安街1011号", Line2: "绿地公寓21-1-1103", Locality: "滨江区", Region: "杭州市"}
		return ref
	}
	f.orderBy("father", 0, flat(ontology.PartyRef{Name: "李刚", Phone: "13337616761"}))
	f.orderBy("daughter", 1, flat(ontology.PartyRef{Name: "李欢", Phone: "15060897084", Email: "huan.li@outlook.com"}))
	father, daughter := f.partyOf("father").PartyID, f.partyOf("daughter").PartyID
	if father == daughter {
		t.Fatalf("李刚 and 李欢 are one party %s before the order with both keys", father)
	}
	f.orderBy("vivian", 2, flat(ontology.PartyRef{GivenName: "Vivian", FamilyName: "Li", Phone: "+86 133 3761 6761",
		Email: "huan.li@outlook.com"}))
	if got := f.partyOf("vivian").PartyID; got != daughter {
		t.Errorf("Vivian Li with 李欢's mailbox is party %s, 李欢 %s; want hers", got, daughter)
	}
	if got := f.partyOf("father").PartyID; got == f.partyOf("daughter").PartyID {
		t.Errorf("the order with the household's phone joined 李刚 and 李欢 as party %s", got)
	}
}
