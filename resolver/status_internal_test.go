package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// A sale whose charge Stripe marked refunded (refunded true after charge.refunded) reads
// refunded, though its balance transaction settled: before, it read settled as if
// nothing had happened. A refund of part of it (a refund document) does not.
func TestStatusOfASaleRefundedInFull(t *testing.T) {
	m := func(role ontology.Role, verb ontology.Verb) Member {
		return Member{Doc: ontology.Document{Role: role, Verb: verb}}
	}
	order, bt := m(ontology.RoleOrder, ontology.VerbPaid), m(ontology.RoleSettlement, ontology.VerbSettled)
	for _, c := range []struct {
		name string
		ms   []Member
		want string
	}{
		{"paid and settled", []Member{order, m(ontology.RolePayment, ontology.VerbPaid), bt}, "settled"},
		{"charge refunded in full", []Member{order, m(ontology.RolePayment, ontology.VerbRefunded), bt}, "refunded"},
		{"order refunded in full", []Member{m(ontology.RoleOrder, ontology.VerbRefunded), bt}, "refunded"},
		{"part refunded", []Member{order, m(ontology.RolePayment, ontology.VerbPaid), m(ontology.RoleRefund, ontology.VerbRefunded), bt}, "settled"},
	} {
		if got := status(c.ms); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
