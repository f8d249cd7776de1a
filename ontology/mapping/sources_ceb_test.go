package mapping_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

func TestChinaCustomsCEB311ImportOrder(t *testing.T) {
	d := one(t, "china-customs", "order", "xml", "china-customs/ceb311-order.xml")
	// orderNo is unique within its platform only: the platform code is part of the id.
	if d.Key.ExternalID != "4403961ABC:6925012345678901234" || d.Role != ontology.RoleDeclaration ||
		d.Verb != ontology.VerbDeclared || d.Direction != "inbound" || d.Status != "2" || d.Channel != "online" {
		t.Fatalf("%+v", d)
	}
	// appTime is Beijing time.
	wantTime(t, "occurredAt", d.OccurredAt, "2025-04-12T01:30:15Z")
	if d.Total == nil || d.Total.String() != "183.29 CNY" {
		t.Errorf("total = %v, want acturalPaid 183.29 CNY", d.Total)
	}
	wantLines(t, d,
		"BEANS-DE-1KG gtin=4006381333931 hs=0901210000 qty=1 unit=pcs price=128CNY",
		// An empty barCode is no GTIN; the trailing blank of the item code goes.
		"FILTER-V60-02 hs=4823200000 qty=2 unit=pcs price=25CNY")
	// The buyer's national id number is not kept.
	wantParties(t, d,
		"customer:dy_58201934:林美::CN",
		"seller:4403960ABC:深圳市示例贸易有限公司:",
		"carrier:4403980SF1:顺丰速运有限公司:")
	if js, err := json.Marshal(d); err != nil || strings.Contains(string(js), "440301199001011234") {
		t.Error("the buyer's id number reached the canonical document")
	}
	// 三单对碰: the platform's order number, the waybill (tracking) and the payment serial
	// are the keys that join this copy to the platform order, the parcel and the payment.
	wantExactRefs(t, d, "order_number:6925012345678901234", "tracking:SF123456789012",
		"payment:2025041222001429501412345678")
}

func TestChinaCustomsCEB303ExportOrderJSON(t *testing.T) {
	d := one(t, "china-customs", "order", "json", "china-customs/ceb303-order.json")
	if d.Key.ExternalID != "4403961XYZ:SO-1047" || d.Direction != "outbound" || d.Verb != ontology.VerbDeclared {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-04-15T10:05:00Z")
	// A single OrderList is an object, not a list; its currency is the customs code 502.
	wantLines(t, d, "TEA-OOL-250G gtin=09501101530003 qty=3 unit=kg price=14USD")
	// "SO-1047" links like Shopify's "#1047".
	wantExactRefs(t, d, "order_number:1047")
}

func TestChinaCustomsCEBOrderShapesAgree(t *testing.T) {
	xml := one(t, "china-customs", "order", "xml", "china-customs/ceb311-order.xml")
	for name, raw := range map[string]string{
		"bare":     `{"OrderHead": {"appType": "1", "appTime": "20250412093015", "orderType": "I", "orderNo": "6925012345678901234", "ebpCode": "4403961ABC", "currency": "142", "acturalPaid": "183.29"}, "OrderList": [{"itemNo": "BEANS-DE-1KG", "qty": "1", "price": "128.00", "currency": "142"}]}`,
		"in Order": `{"Order": {"OrderHead": {"appType": "1", "appTime": "20250412093015", "orderType": "I", "orderNo": "6925012345678901234", "ebpCode": "4403961ABC", "currency": "142", "acturalPaid": "183.29"}, "OrderList": [{"itemNo": "BEANS-DE-1KG", "qty": "1", "price": "128.00", "currency": "142"}]}}`,
	} {
		reg, err := mapping.NewRegistry()
		if err != nil {
			t.Fatal(err)
		}
		res, err := reg.MapPayload("acme", "china-customs", "order", "json", []byte(raw))
		if err != nil || len(res) != 1 || res[0].Doc == nil {
			t.Fatalf("%s: %v %+v", name, err, res)
		}
		d := res[0].Doc
		if d.Key != xml.Key || !d.OccurredAt.Equal(xml.OccurredAt) || d.Total.String() != xml.Total.String() || len(d.Lines) != 1 {
			t.Errorf("%s: %+v differs from the XML message", name, d)
		}
	}
}

func TestChinaCustomsCEBOrderRefusals(t *testing.T) {
	sample := string(readSample(t, "china-customs/ceb311-order.xml"))
	cases := []struct {
		name, from, to, field string
	}{
		{"unknown appType", "<ceb:appType>1</ceb:appType>", "<ceb:appType>7</ceb:appType>", "verb"},
		{"no order number", "<ceb:orderNo>6925012345678901234</ceb:orderNo>", "<ceb:orderNo/>", "key.externalId"},
		{"unknown currency", "<ceb:currency>142</ceb:currency>", "<ceb:currency>999</ceb:currency>", "total"},
		{"bad time", "<ceb:appTime>20250412093015</ceb:appTime>", "<ceb:appTime>2025-13-45</ceb:appTime>", "occurredAt"},
		{"bad GTIN", "<ceb:barCode>4006381333931</ceb:barCode>", "<ceb:barCode>4006381333932</ceb:barCode>", "lines[0].gtin"},
		{"quantity", "<ceb:qty>2</ceb:qty>", "<ceb:qty>two</ceb:qty>", "lines[1].qty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := strings.Replace(sample, c.from, c.to, 1)
			if raw == sample {
				t.Fatalf("%q is not in the sample", c.from)
			}
			ps := mapProblems(t, "china-customs", "order", "xml", []byte(raw))
			for _, p := range ps {
				if p.Field == c.field {
					return
				}
			}
			t.Errorf("want a problem at %s, got %v", c.field, ps)
		})
	}
	// Two orders in one message: which one the id names is unclear, so it is refused.
	two := strings.Replace(sample, "</ceb:Order>", "</ceb:Order><ceb:Order><ceb:OrderHead><ceb:orderNo>X</ceb:orderNo></ceb:OrderHead></ceb:Order>", 1)
	if ps := mapProblems(t, "china-customs", "order", "xml", []byte(two)); len(ps) == 0 {
		t.Error("a message with two orders was mapped")
	}
}

// FuzzMapCEBOrder feeds mutations of the CEB order samples to the mapping as XML and as
// JSON: it must never panic, and what it maps must be a whole document.
func FuzzMapCEBOrder(f *testing.F) {
	for _, file := range []string{"ceb311-order.xml", "ceb303-order.json"} {
		f.Add(readSample(f, "china-customs/"+file))
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, format := range []string{"xml", "json"} {
			fuzzOne(t, reg, "china-customs", "order", format, raw)
		}
	})
}
