package mapping_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// meituanPaid is the sample order as Meituan pushes it once the store confirmed it
// (status 4): paid, not yet handed to a rider.
func meituanPaid(t *testing.T) *ontology.Document {
	t.Helper()
	raw := bytes.Replace(srcSample(t, "meituan/order.json"), []byte(`"status": 8,`), []byte(`"status": 4,`), 1)
	d, probs := mapRaw(t, "meituan", "order", "", raw)
	if d == nil || d.Verb != ontology.VerbPaid {
		t.Fatalf("paid order: %+v %v", d, probs)
	}
	return d
}

// meituanCell is a cell of the sample order's store.
func meituanCell(sku string, b ontology.Bucket) inventory.Key {
	return inventory.Key{Cell: ontology.Cell{SKU: sku, Location: "meituan:SH-PD-003"}, Bucket: b}
}

// TestMeituanCancellationPush: Meituan's cancellation push (推送用户或客服取消订单: order_id,
// reason_code, reason, deal_op_type), quarantined before as an order without lines, is
// the order's cancellation, whether posted as one or to the order's URL. With its order
// it releases what the order reserved; a point of sale that rang the order up at the
// store still took the goods; finance counts the order for nothing.
func TestMeituanCancellationPush(t *testing.T) {
	d := checkSource(t, "meituan", "cancellation", sourceCase{
		file: "meituan/cancellation.form", id: "27061900338318741", verb: ontology.VerbCancelled, status: "2009",
		at:   "2025-03-04T03:33:20Z",
		refs: []string{"order_id:meituan:27061900338318741"},
	})
	if d.Role != ontology.RoleOrder || len(d.Lines) != 0 || d.Total != nil {
		t.Errorf("cancellation = role %s, %d lines, total %v", d.Role, len(d.Lines), d.Total)
	}
	docs := mapSample(t, "meituan", "order", "", "meituan/cancellation.form")
	if len(docs) != 1 || docs[0].Key.Type != "cancellation" || !reflect.DeepEqual(docs[0], d) {
		t.Fatalf("posted to the order's URL: %+v", docs)
	}

	order := meituanPaid(t)
	eff, _ := inventory.Plan([]inventory.Member{planMember(order)}, nil)
	held := inventory.Effect{meituanCell("LATTE-M", ontology.BucketReserved): ontology.Units(2),
		meituanCell("TEA-OOL-250G", ontology.BucketReserved): ontology.Units(1)}
	if !reflect.DeepEqual(eff, held) {
		t.Fatalf("paid order: plan %v, want %v", eff, held)
	}
	for _, ms := range [][]inventory.Member{{planMember(order), planMember(d)}, {planMember(d), planMember(order)}} {
		if eff, _ := inventory.Plan(ms, nil); len(eff) != 0 {
			t.Errorf("cancelled: plan %v, want nothing reserved or taken", eff)
		}
	}

	// The store rang the order up at its till before Meituan cancelled it: the till's
	// sale stands.
	pos := inventory.Member{UID: "acme/square/order/q7Lm3X", System: "square", Type: "order", Role: ontology.RolePOS,
		Verb: ontology.VerbPaid, OccurredAt: order.OccurredAt, Location: "meituan:SH-PD-003",
		Lines: []inventory.Line{{SKU: "LATTE-M", Qty: ontology.Units(2)}, {SKU: "TEA-OOL-250G", Qty: ontology.Units(1)}}}
	eff, _ = inventory.Plan([]inventory.Member{planMember(order), pos, planMember(d)}, nil)
	taken := inventory.Effect{meituanCell("LATTE-M", ontology.BucketOnHand): ontology.Units(-2),
		meituanCell("TEA-OOL-250G", ontology.BucketOnHand): ontology.Units(-1)}
	if !reflect.DeepEqual(eff, taken) {
		t.Errorf("rung up, then cancelled: plan %v, want the till's sale %v", eff, taken)
	}

	// Finance: the cancelled order owes nothing and awaits no payment.
	r := reconcileSale(order.OccurredAt, order, d)
	for _, a := range r.Amounts {
		if a.Ordered != "" {
			t.Errorf("cancelled: amounts %+v, want nothing ordered", r.Amounts)
		}
	}
	if len(r.Reasons) != 0 {
		t.Errorf("cancelled: reasons %+v, want none", r.Reasons)
	}
}

// TestMeituanDeliveryStatusPush: Meituan's delivery status push (推送美配/企客订单配送状态:
// order_id, logistics_status, time, the rider), quarantined before as an order without
// lines, is the tracking of the order's delivery. The goods leave the store when the
// rider picks them up (20) and are with the buyer once delivered (40); before the pickup
// (0 to 15) or with the delivery called off (100) they stay reserved.
func TestMeituanDeliveryStatusPush(t *testing.T) {
	d := checkSource(t, "meituan", "delivery", sourceCase{
		file: "meituan/delivery.form", id: "27061900338318741", verb: ontology.VerbShipped, status: "20",
		at:   "2025-03-04T02:30:00Z",
		refs: []string{"order_id:meituan:27061900338318741", "order_number:27061900338318741"},
	})
	if d.Role != ontology.RoleTracking || !d.SourceTime.Equal(d.OccurredAt) {
		t.Errorf("delivery = role %s, source time %v", d.Role, d.SourceTime)
	}
	docs := mapSample(t, "meituan", "order", "", "meituan/delivery.form")
	if len(docs) != 1 || docs[0].Key.Type != "delivery" || !reflect.DeepEqual(docs[0], d) {
		t.Fatalf("posted to the order's URL: %+v", docs)
	}

	order := meituanPaid(t)
	held := inventory.Effect{meituanCell("LATTE-M", ontology.BucketReserved): ontology.Units(2),
		meituanCell("TEA-OOL-250G", ontology.BucketReserved): ontology.Units(1)}
	gone := inventory.Effect{meituanCell("LATTE-M", ontology.BucketOnHand): ontology.Units(-2),
		meituanCell("TEA-OOL-250G", ontology.BucketOnHand): ontology.Units(-1)}
	riding := inventory.Effect{}
	for k, q := range gone {
		riding[k] = q
		riding[inventory.Key{Cell: k.Cell, Bucket: ontology.BucketInTransit}] = -q
	}
	for _, c := range []struct {
		status string
		verb   ontology.Verb
		want   inventory.Effect
	}{
		{"0", ontology.VerbOrdered, held},
		{"10", ontology.VerbOrdered, held},
		{"15", ontology.VerbOrdered, held},
		{"20", ontology.VerbShipped, riding},
		{"40", ontology.VerbDelivered, gone},
		{"100", ontology.VerbCancelled, held},
	} {
		raw := bytes.Replace(srcSample(t, "meituan/delivery.form"), []byte("logistics_status=20"), []byte("logistics_status="+c.status), 1)
		st, probs := mapRaw(t, "meituan", "delivery", "", raw)
		if st == nil || st.Verb != c.verb {
			t.Errorf("status %s: %+v %v, want %s", c.status, st, probs, c.verb)
			continue
		}
		if eff, _ := inventory.Plan([]inventory.Member{planMember(order), planMember(st)}, nil); !reflect.DeepEqual(eff, c.want) {
			t.Errorf("status %s: plan %v, want %v", c.status, eff, c.want)
		}
	}
	// A status Meituan does not document is quarantined, naming it.
	raw := bytes.Replace(srcSample(t, "meituan/delivery.form"), []byte("logistics_status=20"), []byte("logistics_status=77"), 1)
	if st, probs := mapRaw(t, "meituan", "delivery", "", raw); st != nil || len(probs) == 0 || probs[0].Field != "verb" {
		t.Errorf("unknown status: %+v %v", st, probs)
	}
}
