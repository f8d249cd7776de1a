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
	eachIndexed(len(idx), 256, func(i int) { out[i] = CompareParties(profiles[idx[i][0]], profiles[idx[i][1]]) })
	return out
}

// eachIndexed calls fn for every index below n, spread over the machine's cores in
// ranges of at least minPer: fn must be pure but for writing its own index's result.
func eachIndexed(n, minPer int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/minPer))
	per := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				fn(i)
			}
		})
	}
	wg.Wait()
}
