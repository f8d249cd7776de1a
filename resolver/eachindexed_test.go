package resolver

import (
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// A panic in one of eachIndexed's workers reaches the caller's goroutine, where
// resolution's recovery can set the document aside, with the worker's own stack; the
// other workers have stopped by then.
func TestEachIndexedRaisesAWorkersPanicOnTheCaller(t *testing.T) {
	var running, done atomic.Int64
	caught := func() (r any) {
		defer func() { r = recover() }()
		eachIndexed(10_000, 64, func(i int) {
			running.Add(1)
			defer running.Add(-1)
			if i == 7_777 {
				panicsInAWorker(i)
			}
			done.Add(1)
		})
		return nil
	}()
	pe, ok := caught.(*PanicError)
	if !ok {
		t.Fatalf("recovered %#v, want a *PanicError", caught)
	}
	if pe.Value != "index 7777 breaks" || !strings.Contains(string(pe.Stack), "panicsInAWorker") {
		t.Fatalf("panic %v with stack\n%s\nwant the worker's value and its own stack", pe.Value, pe.Stack)
	}
	if n := running.Load(); n != 0 {
		t.Fatalf("%d calls still running after the panic was raised", n)
	}
	if done.Load() == 0 {
		t.Fatal("no other index was done: the test did not run workers beside the panicking one")
	}
	// Without a panic every index is done once.
	var seen [1000]atomic.Int32
	eachIndexed(len(seen), 64, func(i int) { seen[i].Add(1) })
	for i := range seen {
		if seen[i].Load() != 1 {
			t.Fatalf("index %d done %d times", i, seen[i].Load())
		}
	}
}

func panicsInAWorker(i int) {
	panic("index " + strconv.Itoa(i) + " breaks")
}
