package resolver

import (
	"slices"
	"testing"
)

// Tenants take turns; a tenant the process was told about goes first, once.
func TestRoundRobinTurns(t *testing.T) {
	var r roundRobin
	for _, tn := range []string{"a", "b", "c", "a"} {
		r.add(tn)
	}
	r.first("c")
	r.first("d")
	var got []string
	for {
		tn, ok := r.next()
		if !ok {
			break
		}
		got = append(got, tn)
		if tn == "b" && !slices.Contains(got[:len(got)-1], "again") {
			r.add("b") // b has more work: back of the queue
			got = append(got, "again")
		}
	}
	want := []string{"d", "c", "a", "b", "again", "b"}
	if !slices.Equal(got, want) {
		t.Fatalf("turns = %v, want %v", got, want)
	}
}
