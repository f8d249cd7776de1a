package neo4jstore

import (
	"slices"
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestMovementRowsGroupByProductAndPlace(t *testing.T) {
	mv := func(id, sku, loc string) ontology.Movement {
		return ontology.Movement{ID: id, EventID: "ev-" + id, SKU: sku, Location: loc, Bucket: ontology.BucketOnHand, Qty: 1}
	}
	for _, c := range []struct {
		name string
		ms   []ontology.Movement
		want [][]string // per group: sku, location, then the movement ids
	}{
		{"none", nil, nil},
		{"one", []ontology.Movement{mv("a", "MILK", "S1")}, [][]string{{"MILK", "S1", "a"}}},
		{"same cell", []ontology.Movement{mv("a", "MILK", "S1"), mv("b", "MILK", "S1")}, [][]string{{"MILK", "S1", "a", "b"}}},
		{"interleaved", []ontology.Movement{mv("a", "MILK", "S1"), mv("b", "MILK", "S2"), mv("c", "EGGS", "S1"), mv("d", "MILK", "S1")},
			[][]string{{"MILK", "S1", "a", "d"}, {"MILK", "S2", "b"}, {"EGGS", "S1", "c"}}},
	} {
		rows := movementRows(c.ms)
		var got [][]string
		for _, r := range rows {
			g := []string{r["sku"].(string), r["location"].(string)}
			for _, m := range r["moves"].([]map[string]any) {
				if m["event"] != "ev-"+m["id"].(string) {
					t.Errorf("%s: movement %v lost its event", c.name, m["id"])
				}
				g = append(g, m["id"].(string))
			}
			got = append(got, g)
		}
		if !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("%s: groups %v, want %v", c.name, got, c.want)
		}
	}
}
