package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestGiftNotedByTheBuyer: 李东's Douyin account is first seen on a parcel for his
// mother 王利, at her flat with her phone, and he writes 送人的，不要放发票 (it is to give
// away: no invoice) in the order's note; she orders on Pinduoduo herself. Nothing else
// on the order tells it from her own, and read as hers it joined his account, and his
// own order to come, to her. His note says the receiver is not the buyer.
//
// A Douyin flower order says the same by other fields: a greeting card goes with the
// parcel (greet_words), or the orderer's masked number (mask_pay_tel: 1********36, his
// own, which ends as his does) is not the receiver's 13280811208.
func TestGiftNotedByTheBuyer(t *testing.T) {
	own, _, _, gift, mother, _ := liDongAndHisMother()
	for _, note := range []ontology.Note{
		{Field: "buyer", Text: "送人的，不要放发票"},
		{Field: "card", Text: "妈妈生日快乐，永远年轻！"},
		{Field: "payer_phone", Text: "1********36"},
	} {
		t.Run(note.Field, func(t *testing.T) { giftNotedInOrders(t, own, gift, mother, note) })
	}
}

// giftNotedInOrders delivers the buyer's own order, his gift to his mother (carrying
// note) and her own order, in two arrival orders, and checks that the gift stays with
// his own order and his mother apart.
func giftNotedInOrders(t *testing.T, own, gift, mother shopOrder, note ontology.Note) {
	t.Helper()
	for i, seq := range [][]shopOrder{{mother, gift, own}, {gift, mother, own}} {
		f := newFixture(t)
		var docs []ontology.Document
		var people []mention
		for j, o := range seq {
			d := o.doc(f, j, "online")
			if o == gift {
				d.Notes = []ontology.Note{note}
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
			t.Errorf("order %d gave clusters %q, want his gift with his own order and his mother apart", i, got)
		}
	}
}
