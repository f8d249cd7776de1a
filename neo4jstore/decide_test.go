package neo4jstore

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

func TestDecide(t *testing.T) {
	t1 := time.Date(2025, 3, 4, 2, 15, 22, 0, time.UTC)
	at := func(d time.Duration) ontology.SourceClock { return ontology.SourceClock{Time: t1.Add(d)} }
	row := versionRow{hash: "h2", clock: at(0)}
	for _, c := range []struct {
		name string
		head head
		want Outcome
	}{
		{"nothing stored", head{}, OutcomeNew},
		{"the current bytes", head{stored: true, hash: "h2", clock: at(time.Hour)}, OutcomeDuplicate},
		{"bytes kept as history", head{stored: true, hash: "h1", clock: at(time.Hour), known: true}, OutcomeDuplicate},
		{"older current", head{stored: true, hash: "h1", clock: at(-time.Hour)}, OutcomeUpdated},
		{"newer current", head{stored: true, hash: "h1", clock: at(time.Hour)}, OutcomeStale},
		{"current without clock", head{stored: true, hash: "h1"}, OutcomeUpdated},
	} {
		if got := decide(c.head, row); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
