package mapping_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// TestDouyinShippedWithSomePackages: a Douyin order shipped (order_status 3) whose
// packages (logistics_info[].product_info[]) list only the oolong's SKU order: the oolong
// left with the carrier, and the red tea, in no package, stays reserved until a package
// names it, or its SKU order is cancelled (order_status 4), which moves no stock.
func TestDouyinShippedWithSomePackages(t *testing.T) {
	const file = "douyin/order_shipped_some_packages.json"
	docs := mapSample(t, "douyin", "order", "", file)
	if len(docs) != 2 || docs[0].Verb != ontology.VerbShipped || docs[1].Key.Type != "shipment" {
		t.Fatalf("documents %+v", docs)
	}
	wantLines(t, docs[1], "RV19-DY-OOL ext=1780001 qty=1")
	cell := func(sku string, b ontology.Bucket) inventory.Key {
		return inventory.Key{Cell: ontology.Cell{SKU: sku, Location: "douyin:192837"}, Bucket: b}
	}
	eff, _ := inventory.Plan([]inventory.Member{planMember(docs[0]), planMember(docs[1])}, nil)
	want := inventory.Effect{cell("RV19-DY-OOL", ontology.BucketOnHand): ontology.Units(-1),
		cell("RV19-DY-OOL", ontology.BucketInTransit): ontology.Units(1), cell("RV19-DY-RED", ontology.BucketReserved): ontology.Units(1)}
	if !reflect.DeepEqual(eff, want) {
		t.Errorf("plan %v, want %v", eff, want)
	}

	// The red tea's SKU order cancelled on its own: it stays on the order for its
	// money, and nothing of it is reserved.
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "douyin", "order", "", bytes.Replace(srcSample(t, file),
		[]byte(`"order_status": 2,`), []byte(`"order_status": 4,`), 1))
	if err != nil || len(res) != 2 || res[0].Doc == nil || res[1].Doc == nil {
		t.Fatalf("cancelled SKU order: %v %+v", err, res)
	}
	if l := res[0].Doc.Lines[1]; l.SKU != "RV19-DY-RED" || !l.NotStock {
		t.Errorf("cancelled SKU order line = %+v, want no stock", l)
	}
	eff, _ = inventory.Plan([]inventory.Member{planMember(res[0].Doc), planMember(res[1].Doc)}, nil)
	delete(want, cell("RV19-DY-RED", ontology.BucketReserved))
	if !reflect.DeepEqual(eff, want) {
		t.Errorf("cancelled SKU order: plan %v, want %v", eff, want)
	}
}

// The SKU orders whose after-sale refund succeeded are one refund document of the order:
// their pay_amount added up, each a line whose goods come back (return and refund),
// stay with the buyer (refund only after shipping) or never left (refund before
// shipping), as after_sale_type says. Found by an outside review (review23): Douyin's
// after-sale refunds booked no money, and a returned SKU never came back.
func TestDouyinAfterSaleRefunds(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	afterSale := func(types ...int) []byte {
		t.Helper()
		root := map[string]any{}
		dec := json.NewDecoder(bytes.NewReader(srcSample(t, "douyin/order.json")))
		dec.UseNumber()
		if err := dec.Decode(&root); err != nil {
			t.Fatal(err)
		}
		o := inner(root, "data.shop_order_detail")
		for i, sku := range o["sku_order_list"].([]any) {
			if i < len(types) && types[i] >= 0 {
				sku.(map[string]any)["after_sale_info"] = map[string]any{"after_sale_status": json.Number("12"),
					"after_sale_type": json.Number(fmt.Sprint(types[i])), "refund_status": json.Number("3")}
			}
		}
		b, err := json.Marshal(root)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	refundOf := func(raw []byte) *ontology.Document {
		t.Helper()
		res, err := reg.MapPayload("acme", "douyin", "order", "json", raw)
		if err != nil {
			t.Fatal(err)
		}
		var out *ontology.Document
		for _, r := range res {
			if len(r.Problems) > 0 {
				t.Fatalf("problems: %v", r.Problems)
			}
			if r.Doc != nil && r.Doc.Key.Type == "order_refunds" {
				out = r.Doc
			}
		}
		return out
	}
	if d := refundOf(afterSale()); d != nil {
		t.Fatalf("no after-sale refund, yet a refund document %+v", d)
	}
	// The mug returned and refunded, the tea not touched.
	d := refundOf(afterSale(-1, 0))
	if d == nil || d.Role != ontology.RoleRefund || d.Verb != ontology.VerbRefunded || d.Total.String() != "39 CNY" || !d.SaleKeepsReturns {
		t.Fatalf("one SKU returned: %+v", d)
	}
	if len(d.Lines) != 1 || d.Lines[0].SKU != "MUG-BLU-350" || d.Lines[0].Qty.String() != "1" || !d.Lines[0].ComesBack() {
		t.Errorf("lines %+v, want the mug coming back", d.Lines)
	}
	// Refund only after shipping, both: the whole amount, the buyer keeps the goods.
	d = refundOf(afterSale(1, 1))
	if d == nil || d.Total.String() != "163 CNY" || len(d.Lines) != 2 || d.Lines[0].ComesBack() || d.Lines[0].Outcome != ontology.OutcomeKept {
		t.Fatalf("refund only: %+v", d)
	}
	// Refund before shipping: the goods never left.
	if d = refundOf(afterSale(2)); d == nil || d.Lines[0].Outcome != ontology.OutcomeUnshipped {
		t.Fatalf("refund before shipping: %+v", d)
	}
}

// TestDouyinShippedOneOfTwoSKUOrdersOfOneSKU: a Douyin order shipped (order_status 3)
// with two SKU orders of the same SKU (the oolong bought twice, each its own SKU order),
// whose package lists only the first (product_info[].sku_order_id): one oolong left with
// the carrier, and the other, in no package and still preparing (备货中), stays
// reserved. Before, the product named by a package counted as shipped in full: the
// second unit was neither taken nor reserved.
func TestDouyinShippedOneOfTwoSKUOrdersOfOneSKU(t *testing.T) {
	// The sample's second SKU order, the red tea, made a second oolong.
	var sample map[string]any
	dec := json.NewDecoder(bytes.NewReader(srcSample(t, "douyin/order_shipped_some_packages.json")))
	dec.UseNumber()
	if err := dec.Decode(&sample); err != nil {
		t.Fatal(err)
	}
	skus := sample["data"].(map[string]any)["shop_order_detail"].(map[string]any)["sku_order_list"].([]any)
	second := skus[1].(map[string]any)
	for _, k := range []string{"product_id", "product_name", "sku_id", "out_sku_id", "code"} {
		second[k] = skus[0].(map[string]any)[k]
	}
	raw, err := json.Marshal(sample)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", "douyin", "order", "", raw)
	if err != nil || len(res) != 2 || res[0].Doc == nil || res[1].Doc == nil {
		t.Fatalf("%v %+v", err, res)
	}
	order, shipment := res[0].Doc, res[1].Doc
	wantLines(t, shipment, "RV19-DY-OOL ext=1780001 qty=1")
	if order.Verb != ontology.VerbShipped || len(order.Lines) != 2 || order.Lines[1].SKU != "RV19-DY-OOL" {
		t.Fatalf("order %s with lines %+v", order.Verb, order.Lines)
	}
	cell := func(b ontology.Bucket) inventory.Key {
		return inventory.Key{Cell: ontology.Cell{SKU: "RV19-DY-OOL", Location: "douyin:192837"}, Bucket: b}
	}
	eff, _ := inventory.Plan([]inventory.Member{planMember(order), planMember(shipment)}, nil)
	want := inventory.Effect{cell(ontology.BucketOnHand): ontology.Units(-1), cell(ontology.BucketInTransit): ontology.Units(1),
		cell(ontology.BucketReserved): ontology.Units(1)}
	if !reflect.DeepEqual(eff, want) {
		t.Errorf("plan %v, want %v", eff, want)
	}
}

// TestDouyinFlowerOrderNotes: a flower order carries its greeting card (greet_words) and
// the orderer's masked number (mask_pay_tel) beside the receiver's; both become notes
// the resolver reads to tell a gift from the buyer's own parcel, and the orderer's
// encrypted number (encrypt_pay_tel) is read as nothing.
func TestDouyinFlowerOrderNotes(t *testing.T) {
	docs := mapSample(t, "douyin", "order", "", "douyin/order_flowers.json")
	if len(docs) == 0 {
		t.Fatal("no document")
	}
	got := map[string]string{}
	for _, n := range docs[0].Notes {
		got[n.Field] = n.Text
	}
	want := map[string]string{"card": "妈妈生日快乐，永远年轻！", "payer_phone": "1********36"}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("note %s = %q, want %q (notes %+v)", f, got[f], w, docs[0].Notes)
		}
	}
	if _, ok := got["buyer"]; ok {
		t.Errorf("an empty buyer_words made a note: %+v", docs[0].Notes)
	}
	for _, n := range docs[0].Notes {
		if strings.Contains(n.Text, "pcS3I1UOqlJ72") {
			t.Errorf("the encrypted number became a note: %+v", n)
		}
	}
}
