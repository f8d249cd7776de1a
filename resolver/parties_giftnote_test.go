package resolver_test

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// TestGiftNotedByTheBuyer: 李燕's Douyin account is first seen on a parcel for her
// father 李海涛, at his flat with his phone, and she writes 送人的，不要放发票 (it is to
// give away: no invoice) in the order's note; he orders on Pinduoduo himself. Nothing
// else on the order tells it from his own, and read as his it joined her account, and
// all her own orders to come, to him. Her note says the receiver is not the buyer.
func TestGiftNotedByTheBuyer(t *testing.T) {
	const his = "广东省深圳市南山区深南大道1695号锦绣江南12栋3单元2901"
	const hers = "广东省广州市天河区天河北路233号中信广场公寓15栋808"
	gift := shopOrder{0, "douyin", wangjingHome("1@#LIYAN", "李海涛", "18029201133", his)}
	father := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李海涛", Phone: "18029201133", Address: his}}
	own := shopOrder{0, "douyin", wangjingHome("1@#LIYAN", "李燕", "13722018846", hers)}
	for i, seq := range [][]shopOrder{{father, gift, own}, {gift, father, own}} {
		f := newFixture(t)
		var docs []ontology.Document
		var people []mention
		for j, o := range seq {
			d := f.doc(o.system, "order", "o"+string(rune('0'+j)), ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(j)*time.Hour), "online", nil, line("A", 1))
			d.Parties = []ontology.PartyRef{o.ref}
			if o.ref.Name == "李海涛" && o.system == "douyin" {
				d.Notes = []ontology.Note{{Field: "buyer", Text: "送人的，不要放发票"}}
			}
			f.save(d)
			for n := 0; f.process().Documents > 0; n++ {
				if n > 10 {
					t.Fatalf("order %d: the queue does not empty", j)
				}
			}
			docs, people = append(docs, d), append(people, mention{o.person, o.ref})
		}
		if got := partition(t, f, docs, people); got != "0 0 | 1" {
			t.Errorf("order %d gave clusters %q, want her gift with her own order and her father apart", i, got)
		}
	}
}
