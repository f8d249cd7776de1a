package resolver

import (
	"runtime"
	"runtime/debug"
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
//
// A panic in fn is raised again on the caller's goroutine, as a *PanicError with the
// worker's stack, once every worker has stopped: resolution recovers a panic of its
// batch and sets the document aside, which it could not do for one on a goroutine of
// its own, where the panic would end the process (and the document, still pending,
// end it again at the next start).
func eachIndexed(n, minPer int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/minPer))
	per := (n + workers - 1) / workers
	var (
		wg     sync.WaitGroup
		once   sync.Once
		caught *PanicError
	)
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { caught = &PanicError{Value: r, Stack: debug.Stack()} })
				}
			}()
			for i := lo; i < hi; i++ {
				fn(i)
			}
		})
	}
	wg.Wait()
	if caught != nil {
		panic(caught)
	}
}
