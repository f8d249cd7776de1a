package neo4jstore

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/resolver"
)

// TestEveryBlockRuleIsStoredAndIndexed: a block rule resolution looks parties up by
// must be a Party property the mention statement writes and a migration indexes;
// otherwise its lookups find nothing, silently.
func TestEveryBlockRuleIsStoredAndIndexed(t *testing.T) {
	var indexes strings.Builder
	for _, m := range migrations {
		for _, st := range m.statements {
			indexes.WriteString(st + "\n")
		}
	}
	for _, rule := range resolver.BlockRules {
		prop, ok := blockProps[rule]
		if !ok {
			t.Errorf("block rule %s has no Party property", rule)
			continue
		}
		if !strings.Contains(partyBlockSets, "p."+prop+" = coalesce(p."+prop+", r."+prop+")") {
			t.Errorf("block rule %s (%s) is not written with a party: %s", rule, prop, partyBlockSets)
		}
		if !strings.Contains(partyBlockCreates, "p."+prop+" = r."+prop) {
			t.Errorf("block rule %s (%s) is not written with a new party: %s", rule, prop, partyBlockCreates)
		}
		if !strings.Contains(indexes.String(), "ON (p.tenant, p."+prop+")") {
			t.Errorf("block rule %s (%s) has no index with the tenant", rule, prop)
		}
	}
}
