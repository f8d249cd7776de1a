package neo4jstore

import (
	"fmt"
	"slices"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestUniqueChunksKeepEachDocumentsOrderInFewChunks: no chunk holds a document twice,
// each document's envelopes come in their order, every envelope is stored once, and a
// few updates among many new documents do not cut the call into a chunk per update.
func TestUniqueChunksKeepEachDocumentsOrderInFewChunks(t *testing.T) {
	env := func(id string) ontology.Envelope {
		return ontology.Envelope{Doc: ontology.Document{Key: ontology.DocKey{Tenant: "t", System: "s", Type: "order", ExternalID: id}}}
	}
	var envs []ontology.Envelope
	for i := range 1000 {
		envs = append(envs, env(fmt.Sprint(i)))
		if i%100 == 99 { // an update of a document a few lines back
			envs = append(envs, env(fmt.Sprint(i-3)))
		}
	}
	envs = append(envs, env("96"), env("5")) // a third version, and a second
	chunks := uniqueChunks(envs, 500)
	if len(chunks) != 4 {
		t.Errorf("%d chunks of %d envelopes, want 4 (1,000 first versions in two, their updates, one third version)", len(chunks), len(envs))
	}
	var stored []int
	last := map[string]int{} // document -> the chunk of its last version so far
	for n, c := range chunks {
		if len(c) == 0 || len(c) > 500 {
			t.Fatalf("chunk %d holds %d envelopes", n, len(c))
		}
		in := map[string]bool{}
		for _, i := range c {
			uid := envs[i].Doc.Key.UID()
			if in[uid] {
				t.Fatalf("chunk %d holds %s twice", n, uid)
			}
			in[uid] = true
			if c, ok := last[uid]; ok && c >= n {
				t.Fatalf("a later version of %s in chunk %d, not after chunk %d", uid, n, c)
			}
			last[uid] = n
			stored = append(stored, i)
		}
	}
	slices.Sort(stored)
	for i, x := range stored {
		if x != i {
			t.Fatalf("envelope %d stored %v", i, stored)
		}
	}
	if len(stored) != len(envs) {
		t.Fatalf("%d of %d envelopes stored", len(stored), len(envs))
	}
	// Versions of one document within a chunk's reach keep their order among each other.
	for uid, want := range map[string][]int{"t/s/order/96": {96, 100, 1010}} {
		var got []int
		for _, c := range chunks {
			for _, i := range c {
				if envs[i].Doc.Key.UID() == uid {
					got = append(got, i)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s stored as envelopes %v, want %v", uid, got, want)
		}
	}
}
