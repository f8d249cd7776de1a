package mapping_test

import (
	"bytes"
	"reflect"
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
