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
	type order struct {
		person int
		system string
		ref    ontology.PartyRef
	}
	sonAccount := order{1, "douyin", wangjingHome("1@#SON", "陈阳健", "18028908647", home)}
	sonSecond := order{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈阳健", Phone: "13912342468", Address: home}}
	masked := order{0, "douyin", wangjingHome("1@#FATHER", "陈**", "139****2468", "北京市北京市朝阳区望京街道阜通东大街***")}
	father := order{0, "douyin", wangjingHome("1@#FATHER", "陈诚明", "15845498571", home)}
	for i, seq := range [][]order{
		{sonAccount, sonSecond, masked, father},
		{sonAccount, sonSecond, father, masked},
	} {
		f := newFixture(t)
		var docs []ontology.Document
		var people []mention
		for j, o := range seq {
			d := f.doc(o.system, "order", fmt.Sprintf("o%d", j), ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(j)*time.Hour), "online", nil, line("A", 1))
			d.Parties = []ontology.PartyRef{o.ref}
			f.save(d)
			f.process()
			docs = append(docs, d)
			people = append(people, mention{o.person, o.ref})
		}
		if got := partition(t, f, docs, people); got != "0 0 | 1 1" {
			t.Errorf("order %d gave clusters %q, want the father's account apart from the son's", i, got)
		}
	}
}
