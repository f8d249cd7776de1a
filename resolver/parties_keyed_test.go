package resolver_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// kang is one customer written three ways. The Han name with a phone and a pinyin
// address; the pinyin name with only an e-mail and the Chinese address; the pinyin name
// with the phone, another e-mail and the Chinese address. The third bridges the other
// two: by its phone to the first, by its description to the second. The first two alone
// do not match (another script in both name and address).
func kang() []mention {
	cn := func(ref ontology.PartyRef, street, detail, postcode string) ontology.PartyRef {
		ref.Role, ref.Country = ontology.PartyCustomer, "CN"
		ref.Place = &ontology.AddressPart{Street: street, Line2: detail, Locality: "成都", Region: "四川省", Postcode: postcode}
		return ref
	}
	return []mention{
		{0, cn(ontology.PartyRef{GivenName: "Guiying", FamilyName: "Kang", Email: "1155954014@foxmail.com"},
			"青羊区春熙路1669号", "中海国际社区20号楼2805室", "610526")},
		{0, cn(ontology.PartyRef{Name: "康桂英", Phone: "+86 177 1513 9953"}, "1669 Chunxi Road", "Rm 2805, Bldg 20, Zhonghai Guoji Shequ", "610000")},
		{0, cn(ontology.PartyRef{GivenName: "Guiying", FamilyName: "Kang", Phone: "17715139953", Email: "kangguiying66@126.com"},
			"青羊区春熙路1669号", "中海国际社区２０号楼２８０５室", "")},
	}
}

// kangOrder is the order of mention k of kang, n-th version of it (1 first).
func (f *fixture) kangOrder(k, version int, at time.Time) ontology.Document {
	d := f.doc("shopify", "order", fmt.Sprintf("kang-%d", k), ontology.RoleOrder, ontology.VerbPaid, at, "online", nil, line("A", int64(version)))
	d.Parties = []ontology.PartyRef{kang()[k].ref}
	return d
}

// TestKeyedMentionsJoinWhateverTheOrder: the three mentions of kang are one party in
// every arrival order, one document per batch or all in one. Before, a mention a key
// placed was never scored nor filed, so the order in which they came decided.
func TestKeyedMentionsJoinWhateverTheOrder(t *testing.T) {
	for _, order := range [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		for _, together := range []bool{false, true} {
			f := newFixture(t)
			var docs []ontology.Document
			var ms []mention
			for i, k := range order {
				d := f.kangOrder(k, 1, t0.Add(time.Duration(i)*time.Hour))
				docs, ms = append(docs, d), append(ms, kang()[k])
				if !together {
					f.save(d)
					f.process()
				}
			}
			if together {
				f.save(docs...)
				f.process()
			}
			if got := partition(t, f, docs, ms); got != "0 0 0" {
				t.Errorf("arrival order %v (one batch: %v): clusters %q, want one party", order, together, got)
			}
			// Every document sent again, changed, in the same order.
			for i, k := range order {
				docs[i] = f.kangOrder(k, 2, t0.Add(time.Duration(10+i)*time.Hour))
				f.save(docs[i])
				f.process()
			}
			if got := partition(t, f, docs, ms); got != "0 0 0" {
				t.Errorf("arrival order %v (one batch: %v), resent: clusters %q, want one party", order, together, got)
			}
		}
	}
}

// TestKeyedMentionUnderANewDescriptionHoldsDecisions: the phone's mention under another
// description is filed once, as one party for every order written so and every resend;
// its match with the e-mail's party carries the evidence of a description match; a
// person who rejects that match is not overruled by a resend or a next order.
func TestKeyedMentionUnderANewDescriptionHoldsDecisions(t *testing.T) {
	f := newFixture(t)
	for i, k := range []int{1, 2, 0} { // the Han name, the bridge, the e-mail alone
		f.save(f.kangOrder(k, 1, t0.Add(time.Duration(i)*time.Hour)))
		f.process()
	}
	han, bridge, mail := f.partyOf("kang-1"), f.partyOf("kang-2"), f.partyOf("kang-0")
	if han.PartyID != bridge.PartyID || bridge.PartyID != mail.PartyID {
		t.Fatalf("not one party: %s %s %s", han.PartyID, bridge.PartyID, mail.PartyID)
	}
	if bridge.MentionedID == han.MentionedID {
		t.Fatalf("the bridge's description was not filed apart from the phone's party %s", han.MentionedID)
	}
	why := fmt.Sprint(bridge.SameAs, mail.SameAs)
	if !strings.Contains(why, "carries this party's phone") || !strings.Contains(why, "same description: score") {
		t.Errorf("the links do not say why: %s", why)
	}

	// The same customer orders again, written as the bridge: the same party, not a new one.
	again := f.doc("shopify", "order", "kang-again", ontology.RoleOrder, ontology.VerbPaid, t0.Add(5*time.Hour), "online", nil, line("B", 1))
	again.Parties = []ontology.PartyRef{kang()[2].ref}
	f.save(again)
	f.process()
	if a := f.partyOf("kang-again"); a.MentionedID != bridge.MentionedID {
		t.Errorf("a next order written as the bridge is party %s, the bridge's is %s", a.MentionedID, bridge.MentionedID)
	}

	// A person says the e-mail's customer is not the bridge's.
	if _, err := f.m.RejectParties(f.ctx, f.tenant, mail.MentionedID, bridge.MentionedID, "ops@example.com"); err != nil {
		t.Fatal(err)
	}
	apart := func(when string) {
		t.Helper()
		m, b, h := f.partyOf("kang-0"), f.partyOf("kang-2"), f.partyOf("kang-1")
		if m.PartyID == b.PartyID || m.PartyID == h.PartyID {
			t.Errorf("%s: the rejected pair is one party again (%s)", when, m.PartyID)
		}
		if b.PartyID != h.PartyID {
			t.Errorf("%s: the phone's mentions came apart: %s %s", when, b.PartyID, h.PartyID)
		}
		if b.MentionedID != bridge.MentionedID {
			t.Errorf("%s: the bridge now mentions %s, before %s", when, b.MentionedID, bridge.MentionedID)
		}
	}
	apart("after the rejection")
	// Every document is sent again, changed; then a next order.
	for i, k := range []int{0, 2, 1} {
		f.save(f.kangOrder(k, 2, t0.Add(time.Duration(10+i)*time.Hour)))
		f.process()
	}
	apart("after the resend")
	next := f.doc("shopify", "order", "kang-next", ontology.RoleOrder, ontology.VerbPaid, t0.Add(20*time.Hour), "online", nil, line("B", 1))
	next.Parties = []ontology.PartyRef{kang()[2].ref}
	f.save(next)
	f.process()
	apart("after a next order")
}

// TestKeyedMentionsKeepRejections: what a person kept apart stays apart when the bridge
// comes after the decision, and when the person cut the bridge from the phone's party
// itself (a household's phone) and every document is sent again.
func TestKeyedMentionsKeepRejections(t *testing.T) {
	t.Run("rejected before the bridge", func(t *testing.T) {
		f := newFixture(t)
		f.save(f.kangOrder(0, 1, t0))
		f.process()
		f.save(f.kangOrder(1, 1, t0.Add(time.Hour)))
		f.process()
		mail, han := f.partyOf("kang-0"), f.partyOf("kang-1")
		if _, err := f.m.RejectParties(f.ctx, f.tenant, mail.MentionedID, han.MentionedID, "ops@example.com"); err != nil {
			t.Fatal(err)
		}
		for v := 1; v <= 2; v++ { // the bridge, and the bridge sent again
			f.save(f.kangOrder(2, v, t0.Add(time.Duration(1+v)*time.Hour)))
			f.process()
			m, b, h := f.partyOf("kang-0"), f.partyOf("kang-2"), f.partyOf("kang-1")
			if m.PartyID == h.PartyID || m.PartyID == b.PartyID || b.PartyID != h.PartyID {
				t.Errorf("version %d of the bridge: e-mail %s, bridge %s, phone %s; want the e-mail's party apart", v, m.PartyID, b.PartyID, h.PartyID)
			}
		}
	})
	t.Run("the bridge cut from the phone", func(t *testing.T) {
		f := newFixture(t)
		for i, k := range []int{1, 2, 0} {
			f.save(f.kangOrder(k, 1, t0.Add(time.Duration(i)*time.Hour)))
			f.process()
		}
		bridge, han := f.partyOf("kang-2"), f.partyOf("kang-1")
		if _, err := f.m.RejectParties(f.ctx, f.tenant, bridge.MentionedID, han.MentionedID, "ops@example.com"); err != nil {
			t.Fatal(err)
		}
		for i, k := range []int{0, 2, 1} {
			f.save(f.kangOrder(k, 2, t0.Add(time.Duration(10+i)*time.Hour)))
			f.process()
		}
		b, h := f.partyOf("kang-2"), f.partyOf("kang-1")
		if b.PartyID == h.PartyID {
			t.Errorf("the resend joined what the person cut: %s", b.PartyID)
		}
		if b.MentionedID != bridge.MentionedID || len(b.Related)+len(h.Related) == 0 {
			t.Errorf("the resent bridge mentions %s (before %s), related %v %v; want the same party, related to the phone's",
				b.MentionedID, bridge.MentionedID, b.Related, h.Related)
		}
	})
}

// TestResentDocumentMentionsItsPartiesNow: a new version of an order that names another
// customer mentions that customer only, not the one its first version named.
func TestResentDocumentMentionsItsPartiesNow(t *testing.T) {
	f := newFixture(t)
	f.orderBy("o1", 0, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Wang Fang", Email: "wf@example.com"})
	first := f.partyOf("o1")
	f.orderBy("o1", 1, ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Li Na", Email: "lina@example.com"})
	if now := f.partyOf("o1"); now.MentionedID == first.MentionedID {
		t.Errorf("the corrected order still mentions its first customer %s", first.MentionedID)
	}
}
