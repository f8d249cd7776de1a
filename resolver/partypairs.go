package resolver

import (
	"runtime"
	"sync"
)

// compareIndexed compares the profiles of each index pair, spread over the machine's
// cores. Training compares tens of thousands of pairs and nothing else runs meanwhile;
// each comparison is pure, and each lands at its pair's own index, so the result is
// the one a single loop gives.
func compareIndexed(profiles []PartyProfile, idx [][2]int) []Comparison {
	out := make([]Comparison, len(idx))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(idx)/256))
	per := (len(idx) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(idx); lo += per {
		hi := min(lo+per, len(idx))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				out[i] = CompareParties(profiles[idx[i][0]], profiles[idx[i][1]])
			}
		})
	}
	wg.Wait()
	return out
}
