package neo4jstore

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestUniqueLookupsNameTheirIndex reads the package's statements and requires every
// MATCH that finds a node by a property a constraint keeps unique to name that index
// by a hint (USING INDEX SEEK v:Label(prop)), and such a node to have a name to hint by.
//
// Neo4j plans a statement on the statistics of the moment and keeps the plan: on a
// young database, whose statistics count none of the nodes yet, it chose to scan
// Key(uid) for each listed key, or to start from SourceDocument(tenant) or
// BusinessEvent(tenant) and filter by uid, because an index over no nodes looked
// free. Those plans read every key or document of the tenant once per row, and FEBRL
// 4's resolution on a new database took 157-309 s instead of 13 s. A populated
// database plans the same statements well, so no test on one can see the difference;
// the hint makes the plan the same on both. It must say SEEK: with USING INDEX alone,
// Neo4j kept to the hint by scanning the whole index, for each row, on a new database.
func TestUniqueLookupsNameTheirIndex(t *testing.T) {
	schema, err := os.ReadFile("schema.go")
	if err != nil {
		t.Fatal(err)
	}
	unique := map[string]bool{}
	for _, m := range regexp.MustCompile(`FOR \(\w+:(\w+)\) REQUIRE \w+\.(\w+) IS UNIQUE`).FindAllStringSubmatch(string(schema), -1) {
		unique[m[1]+"("+m[2]+")"] = true
	}
	if len(unique) < 10 {
		t.Fatalf("read %d unique constraints from schema.go; the pattern no longer matches how they are written", len(unique))
	}
	named := regexp.MustCompile(`MATCH \((\w*):(\w+) \{(\w+): `)
	checked := 0
	for _, file := range storeSources(t) {
		f, src := file.name, file.src
		for _, loc := range named.FindAllStringSubmatchIndex(src, -1) {
			v, label, prop := src[loc[2]:loc[3]], src[loc[4]:loc[5]], src[loc[6]:loc[7]]
			if !unique[label+"("+prop+")"] {
				continue
			}
			line := strings.Count(src[:loc[0]], "\n") + 1
			if v == "" {
				t.Errorf("%s:%d: a %s found by %s has no name, so no hint can name its index", f, line, label, prop)
				continue
			}
			// The clause runs to the next MATCH or MERGE, the end of the Go string that holds
			// it, or at most a few lines.
			rest := src[loc[1]:]
			end := min(len(rest), 400)
			for _, stop := range []string{"MATCH ", "MERGE ", "`,", "`)", "`\n"} {
				if i := strings.Index(rest[:end], stop); i >= 0 {
					end = i
				}
			}
			if hint := "USING INDEX SEEK " + v + ":" + label + "(" + prop + ")"; !strings.Contains(rest[:end], hint) {
				t.Errorf("%s:%d: MATCH (%s:%s {%s: ...}) has no %s", f, line, v, label, prop, hint)
			}
			checked++
		}
	}
	if checked < 40 {
		t.Fatalf("checked %d lookups; the pattern no longer finds the package's statements", checked)
	}
}
