package neo4jstore

import (
	"maps"
	"slices"
	"testing"

	"github.com/seamhub/seam/resolver"
)

// TestPartyLookupParamsOfOneType: the party lookup's parameters have the same types
// whatever rules a batch's block keys fall under. Neo4j plans a statement anew for
// each combination of its parameters' types, and an empty list's is not a list of
// strings': with a top-level list for each rule, a batch whose mentions filled another
// set of rules waited for the fourteen-branch lookup to be planned (7-10 s at load 20,
// against 5-30 ms planned). The lists go in one map, whose type does not depend on them.
func TestPartyLookupParamsOfOneType(t *testing.T) {
	one := partyCandidatesParams("t", []string{resolver.BlockName + "=p:li na"})
	var all []string
	for _, rule := range resolver.BlockRules {
		all = append(all, rule+"=x")
	}
	every := partyCandidatesParams("t", all)
	none := partyCandidatesParams("t", nil)
	for _, p := range []map[string]any{one, every, none} {
		if !slices.Equal(slices.Sorted(maps.Keys(p)), slices.Sorted(maps.Keys(every))) {
			t.Fatalf("parameters %v and %v differ in their names", slices.Sorted(maps.Keys(p)), slices.Sorted(maps.Keys(every)))
		}
		for name, v := range p {
			if _, list := v.([]string); list {
				t.Errorf("parameter %s is a list, whose type depends on whether it is empty", name)
			}
		}
	}
	lists := 0
	for _, v := range one {
		if m, ok := v.(map[string]any); ok {
			lists += len(m)
		}
	}
	if lists != len(resolver.BlockRules) {
		t.Errorf("the parameters' maps hold %d lists, want one for each of the %d rules", lists, len(resolver.BlockRules))
	}
}
