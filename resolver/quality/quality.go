// Package quality scores entity resolution against a ground truth: pairwise precision,
// recall and F1 of clusterings (same business action, same party, same product), and the
// share of stock cells that differ from the truth.
//
// Pairwise scores count pairs of items: a true positive is a pair the truth puts in one
// cluster and the prediction does too. They are computed from cluster intersections, in
// time linear in the number of items, so they scale to millions of documents.
package quality

import (
	"fmt"
	"sort"

	"github.com/seamhub/seam/ontology"
)

// Scores are pairwise precision, recall and F1.
type Scores struct {
	Precision, Recall, F1                  float64
	TruePairs, PredictedPairs, CommonPairs int64
	Items                                  int
}

func (s Scores) String() string {
	return fmt.Sprintf("precision %.4f  recall %.4f  F1 %.4f  (%d items, %d true pairs, %d predicted, %d common)",
		s.Precision, s.Recall, s.F1, s.Items, s.TruePairs, s.PredictedPairs, s.CommonPairs)
}

func pairs(n int64) int64 { return n * (n - 1) / 2 }

// Pairwise scores a predicted clustering against the truth. Both map an item to its
// cluster label; only items present in both count (an item the prediction lost is
// scored by the caller as a singleton, if it wants).
func Pairwise(truth, predicted map[string]string) Scores {
	tSize := map[string]int64{}
	pSize := map[string]int64{}
	both := map[[2]string]int64{}
	n := 0
	for item, t := range truth {
		p, ok := predicted[item]
		if !ok {
			continue
		}
		n++
		tSize[t]++
		pSize[p]++
		both[[2]string{t, p}]++
	}
	var s Scores
	s.Items = n
	for _, c := range tSize {
		s.TruePairs += pairs(c)
	}
	for _, c := range pSize {
		s.PredictedPairs += pairs(c)
	}
	for _, c := range both {
		s.CommonPairs += pairs(c)
	}
	s.Rates()
	return s
}

// Rates sets Precision, Recall and F1 from the pair counts. Nothing predicted is a
// precision of 1 and nothing to find a recall of 1, so an empty case scores 1, not NaN.
func (s *Scores) Rates() {
	s.Precision, s.Recall = 1, 1
	if s.PredictedPairs > 0 {
		s.Precision = float64(s.CommonPairs) / float64(s.PredictedPairs)
	}
	if s.TruePairs > 0 {
		s.Recall = float64(s.CommonPairs) / float64(s.TruePairs)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// StockError is the share of stock cells whose quantity differs from the truth.
type StockError struct {
	Cells, Differ int
	Examples      []string // a few differing cells, for people
}

// Rate is Differ / Cells.
func (e StockError) Rate() float64 {
	if e.Cells == 0 {
		return 0
	}
	return float64(e.Differ) / float64(e.Cells)
}

func (e StockError) String() string {
	return fmt.Sprintf("%d of %d cells differ (%.3f%%)", e.Differ, e.Cells, 100*e.Rate())
}

// CompareStock compares cells (product x location x lot) of a result with the truth.
// A cell missing on one side counts as zero there; cells zero on both sides do not count.
func CompareStock(truth, got map[ontology.Cell]ontology.Qty) StockError {
	keys := map[ontology.Cell]bool{}
	for c, q := range truth {
		if q != 0 {
			keys[c] = true
		}
	}
	for c, q := range got {
		if q != 0 {
			keys[c] = true
		}
	}
	sorted := make([]ontology.Cell, 0, len(keys))
	for c := range keys {
		sorted = append(sorted, c)
	}
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.SKU != b.SKU {
			return a.SKU < b.SKU
		}
		if a.Location != b.Location {
			return a.Location < b.Location
		}
		return a.Lot < b.Lot
	})
	var e StockError
	for _, c := range sorted {
		e.Cells++
		if truth[c] != got[c] {
			e.Differ++
			if len(e.Examples) < 5 {
				e.Examples = append(e.Examples, fmt.Sprintf("%s@%s lot %q: truth %s, got %s", c.SKU, c.Location, c.Lot, truth[c], got[c]))
			}
		}
	}
	return e
}
