package neo4jstore

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// storeSource is one of the package's own Go files, with its text.
type storeSource struct{ name, src string }

// storeSources reads the package's Go files other than tests: the statements the store
// runs, for the tests that check them as written.
func storeSources(t *testing.T) []storeSource {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []storeSource
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, storeSource{f, string(b)})
	}
	return out
}

// Every label the store creates nodes of is one DeleteTenant removes, but for the
// schema's own version record, which belongs to no tenant: a label added to the store
// and not to tenantNodes would outlive a deleted tenant (PartyDecision did, and a tenant
// created again under the same name inherited its verdicts).
func TestDeleteTenantKnowsEveryLabel(t *testing.T) {
	deleted := map[string]bool{"SchemaVersion": true}
	for _, k := range tenantNodes {
		deleted[k.label] = true
	}
	created := regexp.MustCompile(`(?:MERGE|CREATE)\s*\(\w*:(\w+)`)
	seen := 0
	for _, f := range storeSources(t) {
		for _, m := range created.FindAllStringSubmatch(f.src, -1) {
			seen++
			if !deleted[m[1]] {
				t.Errorf("%s creates %s nodes, which DeleteTenant leaves behind", f.name, m[1])
			}
		}
	}
	if seen < 30 {
		t.Fatalf("found %d node creations in the store's statements; the pattern no longer reads them", seen)
	}
}
