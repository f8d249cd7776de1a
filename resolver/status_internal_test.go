package resolver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
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

// A Stripe payout that failed (payout.failed: status failed, failure_code
// account_closed) with its own balance transaction (type payout, available) and the one
// that put the money back (type payout_failure, failure_balance_transaction): before, the
// event read settled, from its balance transactions, as if the money had reached the
// bank. Now it reads cancelled; a payout paid reads settled as before.
func TestStatusOfAFailedPayout(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	mapped := func(typ, file string, edit func(string) string) Member {
		raw, err := os.ReadFile(filepath.Join("..", "ontology", "mapping", "testdata", "stripe", file))
		if err != nil {
			t.Fatal(err)
		}
		res, err := reg.MapPayload("t", "stripe", typ, "", []byte(edit(string(raw))))
		if err != nil || len(res) != 1 || res[0].Doc == nil {
			t.Fatalf("%s: %v %+v", file, err, res)
		}
		return Member{Doc: *res[0].Doc}
	}
	same := func(s string) string { return s }
	payoutEntry := func(s string) string {
		return strings.NewReplacer("txn_1QxPayOutBT2eZvKYlo2C0aaa", "txn_1QzFaIlBT2eZvKYlo2C0bbb",
			"po_1QxAbC2eZvKYlo2CpAyOuT01", "po_1QzFaIl2eZvKYlo2CpAyOuT07", "-10020", "-55300", `"usd"`, `"eur"`).Replace(s)
	}
	failureEntry := func(s string) string {
		return strings.NewReplacer("txn_1QzFaIlBT2eZvKYlo2C0bbb", "txn_1QzFaIlRv2eZvKYlo2C0ccc", "-55300", "55300",
			`"type": "payout"`, `"type": "payout_failure"`, `"reporting_category": "payout"`, `"reporting_category": "payout_reversal"`).Replace(payoutEntry(s))
	}
	failed := mapped("payout", "payout_failed_event.json", same)
	entry := mapped("balance_transaction", "balance_transaction_payout.json", payoutEntry)
	back := mapped("balance_transaction", "balance_transaction_payout.json", failureEntry)
	if back.Doc.Status != "payout_failure" || back.Doc.Verb != ontology.VerbSettled {
		t.Fatalf("failure entry = %s %s", back.Doc.Status, back.Doc.Verb)
	}
	if got := status([]Member{failed, entry, back}); got != string(ontology.VerbCancelled) {
		t.Errorf("failed payout: %s, want cancelled", got)
	}
	paid := mapped("payout", "payout_failed_event.json", func(s string) string {
		return strings.Replace(s, `"status": "failed"`, `"status": "paid"`, 1)
	})
	if got := status([]Member{paid, entry}); got != string(ontology.VerbSettled) {
		t.Errorf("paid payout: %s, want settled", got)
	}
}

// A Meituan order paid, then withdrawn by its cancellation push (an order-role document
// of the same system and id): the event reads cancelled, not paid; the order alone reads
// paid, and a cancellation of another order withdraws nothing.
func TestStatusOfAnOrderItsCancellationWithdrew(t *testing.T) {
	m := func(typ, id string, role ontology.Role, verb ontology.Verb) Member {
		return Member{Doc: ontology.Document{Key: ontology.DocKey{Tenant: "acme", System: "meituan", Type: typ, ExternalID: id}, Role: role, Verb: verb}}
	}
	order := m("order", "27061900338318741", ontology.RoleOrder, ontology.VerbPaid)
	for _, c := range []struct {
		name string
		ms   []Member
		want string
	}{
		{"paid", []Member{order}, "paid"},
		{"cancelled by its push", []Member{order, m("cancellation", "27061900338318741", ontology.RoleOrder, ontology.VerbCancelled)}, "cancelled"},
		{"another order's cancellation", []Member{order, m("cancellation", "27061900338319010", ontology.RoleOrder, ontology.VerbCancelled)}, "paid"},
	} {
		if got := status(c.ms); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
