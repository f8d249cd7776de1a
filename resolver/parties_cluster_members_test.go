package resolver_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestMaskedOrderMeetsTheMemberWithoutTheAccount: 陈阳健 orders from his Douyin account
// with his own phone, and on Pinduoduo from a second phone at the same flat, which
// joins his party by its description as a member of its own. His father 陈诚明 orders
// from his own Douyin account, once masked with the son's second phone (陈**,
// 139****2468). The masked order's blocks return the member holding that phone, not the
// one holding the son's account: only a batch that loads the son's whole party sees
// that it holds another account of the shop (accountsApart), and keeps the father's
// order apart from it.
func TestMaskedOrderMeetsTheMemberWithoutTheAccount(t *testing.T) {
	const home = "北京市北京市朝阳区望京街道阜通东大街505号招商一品2栋2单元601室"
	sonAccount := shopOrder{1, "douyin", wangjingHome("1@#SON", "陈阳健", "18028908647", home)}
	sonSecond := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈阳健", Phone: "13912342468", Address: home}}
	masked := shopOrder{0, "douyin", wangjingHome("1@#FATHER", "陈**", "139****2468", "北京市北京市朝阳区望京街道阜通东大街***")}
	father := shopOrder{0, "douyin", wangjingHome("1@#FATHER", "陈诚明", "15845498571", home)}
	for i, seq := range [][]shopOrder{
		{sonAccount, sonSecond, masked, father},
		{sonAccount, sonSecond, father, masked},
	} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 | 1 1" {
			t.Errorf("order %d gave clusters %q, want the father's account apart from the son's", i, got)
		}
	}
}

// TestMaskedOrderMeetsAnAccountKnownByItsKeyOnly: 陆龙 orders on Pinduoduo, then from
// his Douyin account with the same phone, which files the Douyin order under the
// Pinduoduo order's party by the phone: the account names that party as a key only,
// no profile of it holds the account. His son orders from his own Douyin account, once
// masked with his father's number (陆**, 132****9023). The party holds another
// account of the shop, as its keys say, and the digits must not join the son's order
// to it.
func TestMaskedOrderMeetsAnAccountKnownByItsKeyOnly(t *testing.T) {
	const home = "浙江省杭州市滨江区长河街道滨盛路1268号桂花苑2栋1302室"
	seq := []shopOrder{
		{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陆龙", Phone: "13237509023", Address: home}},
		{0, "douyin", wangjingHome("1@#FATHER", "陆龙", "13237509023", home)},
		{1, "douyin", wangjingHome("1@#SON", "陆**", "132****9023", "浙江省杭州市滨江区长河街道 滨盛路***")},
	}
	f := newFixture(t)
	if got := deliverOrders(t, f, seq); got != "0 0 | 1" {
		t.Errorf("clusters %q, want the son's masked order apart from his father's account", got)
	}
}

// shopOrder is one order of a person (by index) on a system, with its customer.
type shopOrder struct {
	person int
	system string
	ref    ontology.PartyRef
}

// doc is the order as the j-th of a sequence: its id, an hour after the one before,
// sold through shop, with o's party.
func (o shopOrder) doc(f *fixture, j int, shop string) ontology.Document {
	d := f.doc(o.system, "order", fmt.Sprintf("o%d", j), ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(j)*time.Hour), shop, nil, line("A", 1))
	d.Parties = []ontology.PartyRef{o.ref}
	return d
}

// deliverOrders saves and resolves the orders one batch each, in the order given, and
// returns the clusters as partition renders them.
func deliverOrders(t *testing.T, f *fixture, seq []shopOrder) string {
	t.Helper()
	docs, people := deliverEach(t, f, seq)
	return partition(t, f, docs, people)
}

// deliverEach saves the orders one at a time, in the order given, and resolves after
// each until the queue is empty, as a worker does (a batch may put documents back in
// the queue: see partyholder.go); it returns the documents and their people. Each
// order is sold through the shop (location) shops gives it, "online" where none.
func deliverEach(t *testing.T, f *fixture, seq []shopOrder, shops ...string) ([]ontology.Document, []mention) {
	t.Helper()
	return deliverDocs(t, f, len(seq), func(j int) (ontology.Document, mention) {
		shop := "online"
		if j < len(shops) {
			shop = shops[j]
		}
		return seq[j].doc(f, j, shop), mention{seq[j].person, seq[j].ref}
	})
}

// deliverDocs saves the n documents next gives, one at a time, and resolves after each
// until the queue is empty; it returns the documents and their people.
func deliverDocs(t *testing.T, f *fixture, n int, next func(j int) (ontology.Document, mention)) ([]ontology.Document, []mention) {
	t.Helper()
	var docs []ontology.Document
	var people []mention
	for j := range n {
		d, m := next(j)
		f.save(d)
		for k := 0; f.process().Documents > 0; k++ {
			if k > 10 {
				t.Fatalf("order %d: the queue does not empty", j)
			}
		}
		docs, people = append(docs, d), append(people, m)
	}
	return docs, people
}
