package mapping_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestMeituanRefundPush: Meituan's refund pushes, in the form parameters the open
// platform documents (推送部分退款信息, 推送全额退款信息), are refund documents of their
// order, whether posted as a refund or to the order's URL: the partial refund with its
// food list as goods the buyer kept and money as its amount; the full refund, which
// names no amount and no goods, as the refund of the order.
func TestMeituanRefundPush(t *testing.T) {
	cases := []sourceCase{{
		file: "meituan/refund_part.form", id: "61190002871", verb: ontology.VerbRefunded, status: "agree",
		at: "2025-03-04T02:53:20Z", total: "19.5 CNY",
		lines: []string{"LATTE-M qty=1 price=18.5CNY ext=LATTE"},
		refs:  []string{"order_id:meituan:27061900338318741"},
	}, {
		file: "meituan/refund_full.form", id: "61190002990", verb: ontology.VerbRefunded, status: "agree",
		at:   "2025-03-04T04:11:40Z",
		refs: []string{"order_id:meituan:27061900338318741"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			d := checkSource(t, "meituan", "refund", c)
			if d.Role != ontology.RoleRefund {
				t.Errorf("role = %s", d.Role)
			}
			for _, l := range d.Lines {
				if l.Outcome != ontology.OutcomeKept {
					t.Errorf("line %s outcome = %q, want kept: delivered food stays with the buyer", l.SKU, l.Outcome)
				}
			}
			// Posted to the order's URL (the only type the webhook knew), the push is
			// the same refund and no order.
			docs := mapSample(t, "meituan", "order", "", c.file)
			if len(docs) != 1 || docs[0].Key.Type != "refund" || docs[0].Key.ExternalID != c.id {
				t.Fatalf("as an order: %d documents %+v", len(docs), docs)
			}
		})
	}
}
