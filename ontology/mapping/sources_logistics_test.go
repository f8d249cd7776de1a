package mapping_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// Golden tests of the AfterShip tracking mapping (SOURCES.md §6).

func TestAfterShipTracking(t *testing.T) {
	cases := []sourceCase{{
		// A webhook: {"event_id", "msg": <tracking>}. Delivered. The time is created_at,
		// not a checkpoint's carrier-local time without an offset.
		file: "aftership/webhook.json", id: "b1f3e5c0a9d84e7c9a1f2b3c4d5e6f70", verb: ontology.VerbDelivered,
		status: "Delivered", at: "2025-03-05T07:40:00Z",
		parties: []string{"carrier name=ups", "customer name=Mei Lin email=mei.lin@example.com"},
		// "1z999aa1 0123456784" is compared upper case without spaces; "#1047" is order 1047;
		// order_id (here a Shopify id) is an order number too, and with order_id_path
		// naming the Shopify admin, the order's id in Shopify's scope.
		refs: []string{"tracking:1Z999AA10123456784", "order_number:1047", "order_number:5820193847261",
			"order_id:shopify:5820193847261", "hub_ref:SHP-55120"},
	}, {
		// GET /v4/trackings/:id: {"meta", "data": {"tracking": ...}}. A label, no scan yet.
		file: "aftership/tracking_v4.json", id: "c7d9e1f3a5b74c6d8e0f1a2b3c4d5e6f", verb: ontology.VerbShipped,
		status: "InfoReceived", at: "2025-03-06T02:31:45Z",
		parties: []string{"carrier name=sf-express"},
		refs: []string{"tracking:SF1420012345678", "order_number:6921384750012345678", "hub_ref:SHP-55188",
			"po:PO-2025-0042"},
	}, {
		// Returned to sender (Exception_011): an exception, and the goods are back with
		// the merchant.
		file: "aftership/webhook_exception.json", id: "e2a4c6e8f0b14d3f5a7c9e1b3d5f7a9c", verb: ontology.VerbReturned,
		status: "Exception", at: "2025-03-10T09:12:30Z",
		parties: []string{"carrier name=yunexpress", "customer name=Jan de Vries email=jan.devries@example.nl"},
		// A marketplace order number that is not all digits is kept whole.
		refs: []string{"tracking:YT7512345678901", "order_number:250304-183746529301234"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			d := checkSource(t, "aftership", "tracking", c)
			if d.Role != ontology.RoleTracking || len(d.Lines) != 0 {
				t.Errorf("role %s, %d lines", d.Role, len(d.Lines))
			}
		})
	}
}

// The newer API answers {"data": <tracking>}, and a tracking may come bare: both read
// like the v4 answer.
func TestAfterShipEnvelopes(t *testing.T) {
	want := one(t, "aftership", "tracking", "", "aftership/tracking_v4.json")
	var v4 struct {
		Data struct {
			Tracking json.RawMessage `json:"tracking"`
		} `json:"data"`
	}
	if err := json.Unmarshal(srcSample(t, "aftership/tracking_v4.json"), &v4); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{`{"meta": {"code": 200}, "data": ` + string(v4.Data.Tracking) + `}`, string(v4.Data.Tracking)} {
		d, probs := mapRaw(t, "aftership", "tracking", "", []byte(body))
		if d == nil || d.Key != want.Key || d.Verb != want.Verb || refs(d) != refs(want) || !d.OccurredAt.Equal(want.OccurredAt) {
			t.Errorf("%.40s...: %+v %v", body, d, probs)
		}
	}
}

func TestAfterShipTags(t *testing.T) {
	for tag, want := range map[string]ontology.Verb{
		"Pending": ontology.VerbShipped, "InfoReceived": ontology.VerbShipped, "InTransit": ontology.VerbShipped,
		"OutForDelivery": ontology.VerbShipped, "AvailableForPickup": ontology.VerbShipped, "AttemptFail": ontology.VerbShipped,
		"Exception": ontology.VerbShipped, "Expired": ontology.VerbShipped, "Delivered": ontology.VerbDelivered,
		"LostInSpace": "",
	} {
		d, probs := mapEdited(t, "aftership", "tracking", "aftership/webhook.json", func(o map[string]any) {
			inner(o, "msg")["tag"] = tag
		})
		switch {
		case want == "" && (d != nil || len(probs) == 0 || probs[0].Field != "verb" || probs[0].Value != tag):
			t.Errorf("tag %s: %+v %v, want refused", tag, d, probs)
		case want != "" && (d == nil || d.Verb != want || d.Status != tag):
			t.Errorf("tag %s: %+v %v, want %s", tag, d, probs, want)
		}
	}
}

// TestAfterShipReturnToSender: per AfterShip's tracking model, return_to_sender is set
// once a checkpoint says the parcel is returning (Exception_010) or returned
// (Exception_011) to the sender. Its last tag Delivered is then the delivery back to
// the merchant, not to the customer: verb returned; on its way back it is still out,
// never delivered. Either way the tracking is an exception.
func TestAfterShipReturnToSender(t *testing.T) {
	for _, c := range []struct {
		tag, subtag string
		rts         bool
		verb        ontology.Verb
		status      string
	}{
		{"Delivered", "Delivered_001", true, ontology.VerbReturned, "Exception"},
		{"Exception", "Exception_011", true, ontology.VerbReturned, "Exception"},
		{"Exception", "Exception_010", true, ontology.VerbShipped, "Exception"},
		{"InTransit", "InTransit_002", true, ontology.VerbShipped, "Exception"},
		{"Delivered", "Delivered_001", false, ontology.VerbDelivered, "Delivered"},
	} {
		d, probs := mapEdited(t, "aftership", "tracking", "aftership/webhook.json", func(o map[string]any) {
			m := inner(o, "msg")
			m["tag"], m["subtag"], m["return_to_sender"] = c.tag, c.subtag, c.rts
		})
		if d == nil || d.Verb != c.verb || d.Status != c.status {
			t.Errorf("%s %s return_to_sender=%v: %+v %v, want %s %s", c.tag, c.subtag, c.rts, d, probs, c.verb, c.status)
			continue
		}
		exception := false
		for _, n := range d.Notes {
			exception = exception || n.Field == "exception" && strings.Contains(n.Text, "returned to sender")
		}
		if exception != c.rts {
			t.Errorf("%s %s return_to_sender=%v: notes %+v", c.tag, c.subtag, c.rts, d.Notes)
		}
	}
}

// A tracking without created_at has no time that can be placed on the time line: the
// carrier-local checkpoint times are not read, and the record is refused.
func TestAfterShipWithoutCreatedAt(t *testing.T) {
	d, probs := mapEdited(t, "aftership", "tracking", "aftership/webhook.json", func(o map[string]any) {
		delete(inner(o, "msg"), "created_at")
	})
	if d != nil || len(probs) != 1 || probs[0].Field != "occurredAt" || probs[0].Rule != "required" {
		t.Errorf("%+v %v", d, probs)
	}
}

// The keys the linking relies on (SOURCES.md §9.2, order → shipment → tracking): a
// marketplace order and its AfterShip tracking carry equal tracking and order refs.
func TestMarketplaceOrdersShareKeysWithTheirTracking(t *testing.T) {
	pairs := []struct {
		system, order, tracking string
		shared                  []string
	}{
		{"douyin", "douyin/order.json", "aftership/tracking_v4.json",
			[]string{"tracking:SF1420012345678", "order_number:6921384750012345678"}},
		{"pinduoduo", "pinduoduo/order.json", "aftership/webhook_exception.json",
			[]string{"tracking:YT7512345678901", "order_number:250304-183746529301234"}},
	}
	for _, p := range pairs {
		o := one(t, p.system, "order", "", p.order)
		tr := one(t, "aftership", "tracking", "", p.tracking)
		for _, k := range p.shared {
			if !strings.Contains(" "+refs(o)+" ", " "+k+" ") || !strings.Contains(" "+refs(tr)+" ", " "+k+" ") {
				t.Errorf("%s and %s do not both carry %s:\n%s\n%s", p.order, p.tracking, k, refs(o), refs(tr))
			}
		}
	}
}

// FuzzMapAfterShip is FuzzMapMeituan for AfterShip trackings.
func FuzzMapAfterShip(f *testing.F) {
	fuzzSource(f, "aftership", []string{"tracking"}, map[string]string{"aftership/webhook.json": "", "aftership/tracking_v4.json": "",
		"aftership/webhook_exception.json": ""})
}
