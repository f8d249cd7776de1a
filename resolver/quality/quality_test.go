package quality

import (
	"math"
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestPairwise(t *testing.T) {
	truth := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "3"}
	tests := []struct {
		name      string
		predicted map[string]string
		p, r, f1  float64
	}{
		{"perfect", map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"}, 1, 1, 1},
		{"all apart", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}, 1, 0, 0},
		// {a,b} right, c apart: 1 of 3 true pairs, no false pair.
		{"split", map[string]string{"a": "x", "b": "x", "c": "w", "d": "y", "e": "z"}, 1, 1.0 / 3, 0.5},
		// {a,b,c,d} together: 3 true of 6 predicted pairs.
		{"over-merged", map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "z"}, 0.5, 1, 2.0 / 3},
	}
	for _, tt := range tests {
		s := Pairwise(truth, tt.predicted)
		if math.Abs(s.Precision-tt.p) > 1e-9 || math.Abs(s.Recall-tt.r) > 1e-9 || math.Abs(s.F1-tt.f1) > 1e-9 {
			t.Errorf("%s: %s, want P %.3f R %.3f F1 %.3f", tt.name, s, tt.p, tt.r, tt.f1)
		}
	}
}

func TestCompareStock(t *testing.T) {
	c := func(sku string) ontology.Cell { return ontology.Cell{SKU: sku, Location: "WH"} }
	truth := map[ontology.Cell]ontology.Qty{c("A"): 5, c("B"): 0, c("C"): 2}
	got := map[ontology.Cell]ontology.Qty{c("A"): 5, c("C"): 3, c("D"): 1}
	e := CompareStock(truth, got)
	if e.Cells != 3 || e.Differ != 2 || len(e.Examples) != 2 {
		t.Fatalf("%+v", e)
	}
}
