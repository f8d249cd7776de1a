package main

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestPercentileIsTheNearestRank(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- { // out of order on purpose
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    int
		want time.Duration
	}{{50, 50 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {1, time.Millisecond}} {
		if got := percentile(d, c.p); got != c.want {
			t.Errorf("p%d = %s, want %s", c.p, got, c.want)
		}
	}
	if d[0] != 100*time.Millisecond {
		t.Error("percentile sorted its input")
	}
}

// Interleaved reads take turns, one of each kind per round, warm up for a tenth of the
// rounds without keeping those latencies, and stop at the first error with its kind.
func TestInterleavedTakesTurns(t *testing.T) {
	var calls []string
	kind := func(name string) readKind {
		return readKind{what: name, fn: func(i int) error {
			calls = append(calls, fmt.Sprint(name, i))
			return nil
		}}
	}
	took, err := interleaved(10, []readKind{kind("a"), kind("b")})
	if err != nil {
		t.Fatal(err)
	}
	if len(took) != 2 || len(took[0]) != 10 || len(took[1]) != 10 {
		t.Fatalf("latencies per kind: %d", len(took))
	}
	if want := "a0 b0 a1 b1 a2"; strings.Join(calls[:5], " ") != want || len(calls) != 22 {
		t.Fatalf("calls %v, want them in turns starting %q, 22 in all", calls, want)
	}
	_, err = interleaved(10, []readKind{kind("a"), {what: "broken", fn: func(int) error { return errors.New("no") }}})
	if err == nil || !strings.Contains(err.Error(), "broken: no") {
		t.Fatalf("error %v, want the kind named", err)
	}
}
