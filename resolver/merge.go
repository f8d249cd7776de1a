package resolver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// EventID derives a new event's id from the document that founded it, so that replaying
// the same feed into an empty store gives the same ids.
func EventID(founderUID string) string {
	sum := sha256.Sum256([]byte(founderUID))
	return "ev_" + hex.EncodeToString(sum[:12])
}

func (b *batch) newEvent(uid string, d *ontology.Document) *EventState {
	ev := &EventState{ID: EventID(uid), OccurredAt: d.OccurredAt, Done: inventory.Effect{}, created: true}
	b.events[ev.ID] = ev
	return ev
}

func (b *batch) join(ev *EventState, uid string, d *ontology.Document, e Evidence, decidedBy string) {
	replaceMember(ev, Member{UID: uid, Doc: *d, DecidedBy: decidedBy, Score: e.Score})
	ev.touched = true
	b.changes.Links = append(b.changes.Links, Link{
		DocUID: uid, EventID: ev.ID, Role: d.Role, Score: e.Score, DecidedBy: decidedBy, Evidence: mustJSON(e),
	})
}

// merge moves every member of from into into and leaves from as an alias.
func (b *batch) merge(from, into *EventState, keys []string) {
	e := Evidence{Rule: "late-document-links-events", Keys: keys, Score: 1,
		Note: fmt.Sprintf("a document shares keys with both %s and %s", from.ID, into.ID)}
	for _, mem := range from.Members {
		b.changes.Unlinks = append(b.changes.Unlinks, Unlink{DocUID: mem.UID, EventID: from.ID})
		replaceMember(into, Member{UID: mem.UID, Doc: mem.Doc, DecidedBy: "merge", Score: 1})
		b.changes.Links = append(b.changes.Links, Link{
			DocUID: mem.UID, EventID: into.ID, Role: mem.Doc.Role, Score: 1, DecidedBy: "merge", Evidence: mustJSON(e),
		})
	}
	from.Members = nil
	from.MergedInto = into.ID
	from.touched = true
	into.touched = true
	b.changes.Merges = append(b.changes.Merges, Merge{From: from.ID, Into: into.ID, Evidence: mustJSON(e)})
}

// lastLinks keeps each document's last link of the batch: a document that joined an
// event which a later document of the same batch merged away ends in the survivor only.
func lastLinks(links []Link) []Link {
	last := map[string]int{}
	for i, l := range links {
		last[l.DocUID] = i
	}
	out := links[:0:0]
	for i, l := range links {
		if last[l.DocUID] == i {
			out = append(out, l)
		}
	}
	return out
}

func replaceMember(ev *EventState, mem Member) {
	for i := range ev.Members {
		if ev.Members[i].UID == mem.UID {
			ev.Members[i] = mem
			return
		}
	}
	ev.Members = append(ev.Members, mem)
}
