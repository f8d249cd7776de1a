package resolver_test

import (
	"errors"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// partyOf is the surviving party the document's only party mention reads.
func (f *fixture) partyOf(id string) resolver.DocumentParty {
	f.t.Helper()
	ps, err := f.store.DocumentParties(f.ctx, ontology.DocKey{Tenant: f.tenant, System: "shopify", Type: "order", ExternalID: id})
	if err != nil || len(ps) != 1 {
		f.t.Fatalf("parties of %s: %+v %v", id, ps, err)
	}
	return ps[0]
}

func (f *fixture) orderBy(id string, hour int, p ontology.PartyRef) {
	f.t.Helper()
	d := f.doc("shopify", "order", id, ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(hour)*time.Hour), "online", nil, line("A", 1))
	d.Parties = []ontology.PartyRef{p}
	f.save(d)
	f.process()
}

// TestRejectPartyMatchSplitsAndHolds: resolution merged two people by their description;
// a person says they are two. The link goes, each side keeps its id, and neither a
// third mention matching both nor a shared key brings them together again. A
// confirmation of the same pair later merges them once more.
func TestRejectPartyMatchSplitsAndHolds(t *testing.T) {
	f := newFixture(t)
	f.orderBy("o1", 0, cust("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163"))
	f.orderBy("o2", 1, cust("sara", "mitchell", "1981-06-02", "12 wallaby pl", "cleveland", "4163"))
	a, b := f.partyOf("o1"), f.partyOf("o2")
	if a.PartyID != b.PartyID || len(b.SameAs)+len(a.SameAs) != 1 {
		t.Fatalf("the two mentions were not merged by description: %+v %+v", a, b)
	}
	// The party o2 mentions is the merged one; o1's is the survivor.
	merged := b.SameAs
	if len(merged) == 0 {
		merged = a.SameAs
	}
	if merged[0].Score <= 0 {
		t.Fatalf("a description match carries its weight: %+v", merged[0])
	}

	mentioned := func(id string) string {
		t.Helper()
		return f.partyOf(id).MentionedID
	}
	p1, p2 := mentioned("o1"), mentioned("o2")
	d, err := f.m.RejectParties(f.ctx, f.tenant, p1, p2, "ops@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if d.Cut == nil || d.Party == d.Other || d.Party != p1 && d.Party != p2 {
		t.Fatalf("reject: %+v", d)
	}
	if a, b := f.partyOf("o1"), f.partyOf("o2"); a.PartyID != p1 || b.PartyID != p2 {
		t.Fatalf("after the split each side keeps its own id: o1 %s (want %s), o2 %s (want %s)", a.PartyID, p1, b.PartyID, p2)
	}

	// A third mention matching both by description joins one of them, never both.
	f.orderBy("o3", 2, cust("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163"))
	if a, b := f.partyOf("o1"), f.partyOf("o2"); a.PartyID == b.PartyID {
		t.Fatalf("a new mention matching both merged a rejected pair: %s", a.PartyID)
	}
	// A mention whose keys name both (o1's e-mail was unknown; give both an e-mail
	// first, then one mention carrying keys of both) relates them, never merges.
	f.orderBy("o4", 3, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Sarah Mitchell", Email: "sarah@example.com"})
	f.orderBy("o5", 4, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Sara Mitchell", Phone: "+61 412 345 678", Country: "AU"})
	e4, e5 := mentioned("o4"), mentioned("o5")
	if _, err := f.m.RejectParties(f.ctx, f.tenant, e4, e5, "ops@example.com"); err != nil {
		t.Fatal(err)
	}
	f.orderBy("o6", 5, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Sarah Mitchell", Email: "sarah@example.com", Phone: "+61 412 345 678", Country: "AU"})
	if a, b := f.partyOf("o4"), f.partyOf("o5"); a.PartyID == b.PartyID {
		t.Fatalf("shared keys merged a rejected pair: %s", a.PartyID)
	} else if len(b.Related)+len(a.Related) == 0 {
		t.Errorf("a mention carrying keys of both leaves no RELATED edge: %+v %+v", a, b)
	}

	// The person changes their mind: confirmed, the pair is one again.
	c, err := f.m.ConfirmParties(f.ctx, f.tenant, p1, p2, "lead@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if c.Party != c.Other || c.Linked == nil {
		t.Fatalf("confirm: %+v", c)
	}
	if a, b := f.partyOf("o1"), f.partyOf("o2"); a.PartyID != b.PartyID {
		t.Fatalf("confirmed pair still two: %s %s", a.PartyID, b.PartyID)
	}
	ds, err := f.store.PartyDecisions(f.ctx, f.tenant, 10)
	if err != nil || len(ds) != 2 {
		t.Fatalf("decisions: %+v %v", ds, err)
	}
	if ds[0].Verdict != "same" && ds[1].Verdict != "same" {
		t.Errorf("the confirmation did not replace the rejection of its pair: %+v", ds)
	}
}

// TestConfirmPartyMatchRules: confirming two legal entities (two tax ids) is refused;
// unknown parties are not found; two strangers confirmed are one party for every
// document that mentions either.
func TestConfirmPartyMatchRules(t *testing.T) {
	f := newFixture(t)
	sup := func(id, name, tax string) {
		d := f.doc("china-customs", "declaration", id, ontology.RoleDeclaration, ontology.VerbDeclared, t0, "", nil, line("A", 5))
		d.Parties = []ontology.PartyRef{{Role: ontology.PartySupplier, Name: name, TaxID: tax, Country: "CN"}}
		f.save(d)
	}
	sup("531620251000000001", "深圳市示例贸易有限公司", "91440300MA5F3K2W13")
	sup("531620251000000002", "深圳市样本科技有限公司", "91440300MA5F3K2X06")
	f.process()
	of := func(id string) string {
		ps, err := f.store.DocumentParties(f.ctx, ontology.DocKey{Tenant: f.tenant, System: "china-customs", Type: "declaration", ExternalID: id})
		if err != nil || len(ps) != 1 {
			t.Fatalf("party of %s: %v %v", id, ps, err)
		}
		return ps[0].MentionedID
	}
	x, y := of("531620251000000001"), of("531620251000000002")
	if _, err := f.m.ConfirmParties(f.ctx, f.tenant, x, y, "ops"); !errors.Is(err, resolver.ErrConflict) {
		t.Errorf("two tax ids confirmed as one: %v", err)
	}
	if _, err := f.m.ConfirmParties(f.ctx, f.tenant, x, "pt_nosuchparty", "ops"); !errors.Is(err, resolver.ErrNotFound) {
		t.Errorf("unknown party: %v", err)
	}
	if _, err := f.m.RejectParties(f.ctx, f.tenant, x, x, "ops"); err == nil {
		t.Error("a party rejected against itself")
	}

	f.orderBy("c1", 0, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Wang Fang", Email: "wf@example.com"})
	f.orderBy("c2", 1, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王芳", Phone: "13900001111", Country: "CN"})
	p1, p2 := f.partyOf("c1").PartyID, f.partyOf("c2").PartyID
	if p1 == p2 {
		t.Fatal("an e-mail and a phone with nothing in common were merged")
	}
	if _, err := f.m.ConfirmParties(f.ctx, f.tenant, p2, p1, "ops"); err != nil {
		t.Fatal(err)
	}
	// A later order by phone reads the same party as the one by e-mail.
	f.orderBy("c3", 2, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王芳", Phone: "+86 139 0000 1111", Country: "CN"})
	if a, c := f.partyOf("c1").PartyID, f.partyOf("c3").PartyID; a != c || a != min(p1, p2) {
		t.Fatalf("after confirmation: c1 %s c3 %s (want %s)", a, c, min(p1, p2))
	}
}

// TestPartyOneToOne: with one-to-one on, two accounts of one storefront with the same
// description stay two customers, and a mention from another storefront matching both
// joins the better match only. Off (the default), description alone merges all three.
func TestPartyOneToOne(t *testing.T) {
	for _, on := range []bool{true, false} {
		f := newFixture(t)
		if on {
			f.m.SetPartyOneToOne([]string{f.tenant})
		}
		order := func(system, id string, hour int, p ontology.PartyRef) {
			d := f.doc(system, "order", id, ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(hour)*time.Hour), "online", nil, line("A", 1))
			d.Parties = []ontology.PartyRef{p}
			f.save(d)
			f.process()
		}
		acct := func(p ontology.PartyRef, id string) ontology.PartyRef { p.ExternalID = id; return p }
		order("shopify", "s1", 0, acct(cust("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163"), "1001"))
		order("shopify", "s2", 1, acct(cust("sara", "mitchell", "1981-06-02", "12 wallaby pl", "cleveland", "4163"), "1002"))
		order("woocommerce", "w1", 2, acct(cust("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163"), "77"))
		of := func(system, id string) string {
			ps, err := f.store.DocumentParties(f.ctx, ontology.DocKey{Tenant: f.tenant, System: system, Type: "order", ExternalID: id})
			if err != nil || len(ps) != 1 {
				t.Fatalf("parties of %s: %+v %v", id, ps, err)
			}
			return ps[0].PartyID
		}
		s1, s2, w1 := of("shopify", "s1"), of("shopify", "s2"), of("woocommerce", "w1")
		if on {
			if s1 == s2 {
				t.Error("one-to-one: two accounts of one storefront merged by description")
			}
			if w1 != s1 {
				t.Errorf("one-to-one: the exact match (s1 %s) not joined, w1 is %s (s2 %s)", s1, w1, s2)
			}
		} else if s1 != s2 || s2 != w1 {
			t.Errorf("default: one description, three parties: %s %s %s", s1, s2, w1)
		}
	}
}
