package signals

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// FuzzParse feeds every format arbitrary bytes: a parser may refuse them, never panic,
// and what it accepts is a series the validator takes.
func FuzzParse(f *testing.F) {
	for _, s := range []string{googleTrends, openMeteo, tmallCalendar, "周,奶茶\n2025/06/01,1200\n",
		`[{"name":"618","start":"2025-06-17","end":"2025-06-18"}]`, `[{"daily":{"time":["2025-06-01"],"t":[1]}}]`} {
		for _, typ := range Types {
			f.Add(typ, []byte(s))
		}
	}
	v := ontology.NewValidator()
	f.Fuzz(func(t *testing.T, typ string, raw []byte) {
		sigs, err := Parse(typ, raw)
		if err != nil {
			return
		}
		for _, s := range sigs {
			if err := v.Document(Document("acme", typ, s)); err != nil {
				t.Fatalf("accepted a series the validator refuses: %v", err)
			}
		}
	})
}
