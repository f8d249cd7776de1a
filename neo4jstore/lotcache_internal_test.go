package neo4jstore

import (
	"strconv"
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// TestLotKeeperHandsOverOnlyToTheNextHolder: kept balances go to the transaction that
// took the lock right after the one that left them, under the same epoch, and to no
// other; a tenant's balances past keptLotsMax are not kept.
func TestLotKeeperHandsOverOnlyToTheNextHolder(t *testing.T) {
	p := inventory.Place{SKU: "MILK", Location: "S1"}
	leave := func(k *lotKeeper, epoch string, seq int64) {
		kept := k.take("t", epoch, seq)
		kept.read(p, map[string]ontology.Qty{"L1": 5})
		k.put("t", kept)
	}
	for _, c := range []struct {
		name  string
		epoch string
		seq   int64
		want  bool
	}{
		{"the next holder", "e1", 8, true},
		{"a holder after another", "e1", 9, false},
		{"the same seq again", "e1", 7, false},
		{"another epoch", "e2", 8, false},
	} {
		k := newLotKeeper()
		leave(k, "e1", 7)
		if got := k.take("t", c.epoch, c.seq).has(p); got != c.want {
			t.Errorf("%s: balances handed over = %v, want %v", c.name, got, c.want)
		}
		if got := k.take("t", c.epoch, c.seq+1).has(p); got {
			t.Errorf("%s: balances handed over twice", c.name)
		}
	}

	k := newLotKeeper()
	kept := k.take("t", "e1", 1)
	for i := range keptLotsMax + 1 {
		kept.read(inventory.Place{SKU: "MILK", Location: strconv.Itoa(i)}, nil)
	}
	k.put("t", kept)
	if k.take("t", "e1", 2).has(inventory.Place{SKU: "MILK", Location: "0"}) {
		t.Errorf("%d places kept, past the bound of %d", keptLotsMax+1, keptLotsMax)
	}
}

// TestKeptLotsApplyAsTheStatementsDo: movements and lot facts change what is kept as
// lotBalanceCypher and lotFactsCypher change the database.
func TestKeptLotsApplyAsTheStatementsDo(t *testing.T) {
	k := newLotKeeper()
	kept := k.take("t", "e1", 1)
	s1 := inventory.Place{SKU: "MILK", Location: "S1"}
	kept.read(s1, map[string]ontology.Qty{"L1": 5, "L2": 2})
	ms := []ontology.Movement{
		{SKU: "MILK", Location: "S1", Lot: "L1", Bucket: ontology.BucketOnHand, Qty: -5},
		{SKU: "MILK", Location: "S1", Lot: "L2", Bucket: ontology.BucketOnHand, Qty: 3},
		{SKU: "MILK", Location: "S1", Lot: "L3", Bucket: ontology.BucketOnHand, Qty: -1},
		{SKU: "MILK", Location: "S1", Lot: "L2", Bucket: ontology.BucketReserved, Qty: 9}, // not on hand
		{SKU: "MILK", Location: "S2", Lot: "L2", Bucket: ontology.BucketOnHand, Qty: 4},   // not kept: read later
	}
	kept.apply(lotBalanceRows("t", ms), nil)
	want := map[string]ontology.Qty{"L2": 5, "L3": -1}
	if got := kept.places[s1]; len(got) != len(want) || got["L2"] != 5 || got["L3"] != -1 {
		t.Errorf("kept at S1 = %v, want %v", got, want)
	}
	if kept.has(inventory.Place{SKU: "MILK", Location: "S2"}) {
		t.Error("a place never read is kept")
	}
}
