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

// TestMailboxOfAnotherMemberOnHouseholdPhone: 張輝 orders with the household's phone;
// an order to Amy Zhang comes with the same phone and the mailbox fengying.zhang@126.com.
// An English given name beside a Chinese one is one person's as often as not, so the
// phone had placed her in his party, and scored, the phone and the flat outweighed
// the names. Her mailbox spells another member of his family, 张凤英: she is his wife
// or daughter, her own party. Tony Zhang on the same phone, whose mailbox spells 张辉,
// is still him.
func TestMailboxOfAnotherMemberOnHouseholdPhone(t *testing.T) {
	f := newFixture(t)
	flat := func(ref ontology.PartyRef) ontology.PartyRef {
		ref.Role, ref.Country, ref.Phone = ontology.PartyCustomer, "CN", "18897780677"
		ref.Address = "广东广州越秀区佟和大道1227号金色家园14-5-3004"
		return ref
	}
	f.orderBy("him", 0, flat(ontology.PartyRef{Name: "張輝"}))
	f.orderBy("amy", 1, flat(ontology.PartyRef{GivenName: "Amy", FamilyName: "Zhang", Email: "fengying.zhang@126.com"}))
	f.orderBy("tony", 2, flat(ontology.PartyRef{GivenName: "Tony", FamilyName: "Zhang", Email: "zhanghui88@126.com"}))
	him := f.partyOf("him").PartyID
	if got := f.partyOf("amy").PartyID; got == him {
		t.Errorf("Amy Zhang with 张凤英's mailbox joined 張輝's party %s through the household's phone", him)
	}
	if got := f.partyOf("tony").PartyID; got != him {
		t.Errorf("Tony Zhang on 張輝's phone is party %s, 張輝 %s; want one", got, him)
	}
}
