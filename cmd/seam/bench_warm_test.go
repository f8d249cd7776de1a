package main

import (
	"fmt"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestWarmSampleKeepsEveryKind: the warm-up sends a fiftieth of each kind of document,
// at least one of a rare kind, and about warmMax in all when that is more, and the same documents
// whatever order they were read in.
func TestWarmSampleKeepsEveryKind(t *testing.T) {
	var envs []ontology.Envelope
	add := func(system, typ string, n int) {
		for i := range n {
			envs = append(envs, ontology.Envelope{Doc: ontology.Document{Key: ontology.DocKey{
				Tenant: "t", System: system, Type: typ, ExternalID: fmt.Sprintf("%06d", (i*7919)%n)}}})
		}
	}
	add("square", "order", 5000)
	add("shopify", "order", 400)
	add("china-customs", "declaration", 3)
	got := warmSample(envs)
	count := map[string]int{}
	for _, e := range got {
		count[e.Doc.Key.System]++
		if e.Doc.Key.Tenant != "t" {
			t.Fatalf("the sample changed a tenant: %+v", e.Doc.Key)
		}
	}
	if count["square"] != 100 || count["shopify"] != 8 || count["china-customs"] != 1 {
		t.Errorf("sample per system %v, want square 100, shopify 8, china-customs 1", count)
	}
	if got[len(got)-1].Doc.Key.System != "square" || got[len(got)-1].Doc.Key.ExternalID != "000099" {
		t.Errorf("the sample is not each kind's first documents by id: last %+v", got[len(got)-1].Doc.Key)
	}
	for i, j := 0, len(envs)-1; i < j; i, j = i+1, j-1 {
		envs[i], envs[j] = envs[j], envs[i]
	}
	again := warmSample(envs)
	for i := range got {
		if got[i].Doc.Key != again[i].Doc.Key {
			t.Fatalf("read in another order, the sample's document %d is %+v, was %+v", i, again[i].Doc.Key, got[i].Doc.Key)
		}
	}
	add("stripe", "charge", 60000)
	if n := len(warmSample(envs)); n > warmMax || n < warmMax*9/10 {
		t.Errorf("a large run's sample holds %d documents, want about %d and no more", n, warmMax)
	}
	kinds := map[string]bool{}
	for _, e := range warmSample(envs) {
		kinds[e.Doc.Key.System] = true
	}
	if len(kinds) != 4 {
		t.Errorf("the thinned sample holds kinds %v, want all four", kinds)
	}
}
