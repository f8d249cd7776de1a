package main

import (
	"strconv"

	"github.com/seamhub/seam/resolver/quality"
)

// scoredRecord is one record as the pairwise scorer sees it: the source it came from,
// the person it truly is, and the cluster a system put it in ("" when the system lost
// it, which then counts as a cluster of its own).
type scoredRecord struct {
	Source, Truth, Predicted string
}

// pairwiseScores scores a system's clusters against the truth, pair by pair: a pair of
// records is predicted when the system put both in one cluster and true when they are
// one person. For deduplication every pair counts; for linkage (crossOnly) only pairs
// of records from different sources do, so a system that also merges records within one
// file is judged only on the links it was asked for, and a cluster that chains two of
// file A's records to one of B's counts both A-B pairs. Seam and Splink are scored by
// this one function.
func pairwiseScores(recs []scoredRecord, crossOnly bool) quality.Scores {
	type counts struct {
		n        int64
		bySource map[string]int64
	}
	add := func(m map[string]*counts, label, source string) {
		c := m[label]
		if c == nil {
			c = &counts{bySource: map[string]int64{}}
			m[label] = c
		}
		c.n++
		c.bySource[source]++
	}
	truth, pred, both := map[string]*counts{}, map[string]*counts{}, map[string]*counts{}
	for i, r := range recs {
		p := r.Predicted
		if p == "" {
			p = "\x00lost:" + strconv.Itoa(i) // unique: a cluster of one
		}
		add(truth, r.Truth, r.Source)
		add(pred, p, r.Source)
		add(both, r.Truth+"\x00"+p, r.Source)
	}
	pairsIn := func(m map[string]*counts) int64 {
		var sum int64
		for _, c := range m {
			sum += c.n * (c.n - 1) / 2
			if crossOnly {
				for _, k := range c.bySource {
					sum -= k * (k - 1) / 2
				}
			}
		}
		return sum
	}
	s := quality.Scores{Items: len(recs), TruePairs: pairsIn(truth), PredictedPairs: pairsIn(pred), CommonPairs: pairsIn(both)}
	s.Rates()
	return s
}
