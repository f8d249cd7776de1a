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

// TestParamsWriteOnlyWhatChanges: lockHeads writes a new document, and a duplicate
// without a delivery changes nothing, so neither is a row of saveVersions: a chunk of
// new documents, or of repeats, is one statement.
func TestParamsWriteOnlyWhatChanges(t *testing.T) {
	row := versionRow{uid: "t/s/order/1", hash: "h2", props: map[string]any{"hash": "h2"}, history: map[string]any{"hash": "h2"}}
	delivered := row
	delivered.delivery = "t/s/d1"
	stored := head{stored: true, hash: "h1"}
	for _, c := range []struct {
		name string
		row  versionRow
		o    Outcome
		want bool
	}{
		{"new", row, OutcomeNew, false},
		{"new with a delivery", delivered, OutcomeNew, false},
		{"duplicate", row, OutcomeDuplicate, false},
		{"duplicate with a delivery", delivered, OutcomeDuplicate, true},
		{"updated", row, OutcomeUpdated, true},
		{"stale", row, OutcomeStale, true},
	} {
		p, ok := c.row.params(c.o, stored)
		if ok != c.want {
			t.Errorf("%s: a row of saveVersions %v, want %v", c.name, ok, c.want)
		}
		if ok && p["action"] != c.o {
			t.Errorf("%s: action %v", c.name, p["action"])
		}
	}
}
