package neo4jstore

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every label the store creates nodes of is one DeleteTenant removes, but for the
// schema's own version record, which belongs to no tenant: a label added to the store
// and not to tenantNodes would outlive a deleted tenant (PartyDecision did, and a tenant
// created again under the same name inherited its verdicts).
func TestDeleteTenantKnowsEveryLabel(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	deleted := map[string]bool{"SchemaVersion": true}
	for _, k := range tenantNodes {
		deleted[k.label] = true
	}
	created := regexp.MustCompile(`(?:MERGE|CREATE)\s*\(\w*:(\w+)`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range created.FindAllStringSubmatch(string(src), -1) {
			seen++
			if !deleted[m[1]] {
				t.Errorf("%s creates %s nodes, which DeleteTenant leaves behind", f, m[1])
			}
		}
	}
	if seen < 30 {
		t.Fatalf("found %d node creations in the store's statements; the pattern no longer reads them", seen)
	}
}
