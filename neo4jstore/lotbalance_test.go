package neo4jstore

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestLotBalanceRowsNetEachBalance(t *testing.T) {
	mv := func(loc, lot string, b ontology.Bucket, q int64) ontology.Movement {
		return ontology.Movement{SKU: "MILK", Location: loc, Lot: lot, Bucket: b, Qty: ontology.Qty(q)}
	}
	for _, c := range []struct {
		name string
		ms   []ontology.Movement
		want map[string]int64 // balance uid -> delta
	}{
		{"none", nil, map[string]int64{}},
		{"one lot", []ontology.Movement{mv("S1", "L1", ontology.BucketOnHand, 5)},
			map[string]int64{lotBalanceUID("t", "MILK", "S1", "L1"): 5}},
		{"one lot many times", []ontology.Movement{mv("S1", "L1", ontology.BucketOnHand, 5),
			mv("S1", "L1", ontology.BucketOnHand, -2), mv("S1", "L1", ontology.BucketOnHand, -1)},
			map[string]int64{lotBalanceUID("t", "MILK", "S1", "L1"): 2}},
		{"cancelling out", []ontology.Movement{mv("S1", "L1", ontology.BucketOnHand, 3), mv("S1", "L1", ontology.BucketOnHand, -3)},
			map[string]int64{}},
		{"places and lots apart", []ontology.Movement{mv("S1", "L1", ontology.BucketOnHand, 1),
			mv("S2", "L1", ontology.BucketOnHand, 2), mv("S1", "L2", ontology.BucketOnHand, 3)},
			map[string]int64{lotBalanceUID("t", "MILK", "S1", "L1"): 1, lotBalanceUID("t", "MILK", "S2", "L1"): 2,
				lotBalanceUID("t", "MILK", "S1", "L2"): 3}},
		{"no lot, not on hand", []ontology.Movement{mv("S1", "", ontology.BucketOnHand, 4), mv("S1", "L1", ontology.BucketReserved, 4)},
			map[string]int64{}},
	} {
		rows := lotBalanceRows("t", c.ms)
		got := map[string]int64{}
		for _, r := range rows {
			uid := r["uid"].(string)
			if _, dup := got[uid]; dup {
				t.Errorf("%s: balance %q has two rows", c.name, uid)
			}
			got[uid] = r["qty"].(int64)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: rows %v, want %v", c.name, got, c.want)
			continue
		}
		for uid, q := range c.want {
			if got[uid] != q {
				t.Errorf("%s: %q moves %d, want %d", c.name, uid, got[uid], q)
			}
		}
	}
}
