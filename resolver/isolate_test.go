package resolver_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// explodingCanon is the registry with one location code whose resolution panics: a
// stand-in for a bug that only one document's data reaches.
type explodingCanon struct {
	*resolver.Registry
	code string
}

func (c explodingCanon) Location(tenant string, ref *ontology.LocationRef) string {
	if ref != nil && ref.Code == c.code {
		panic("location code " + c.code + " breaks the resolver")
	}
	return c.Registry.Location(tenant, ref)
}

func TestPoisonDocumentIsSetAsideAndTheBatchGoesOn(t *testing.T) {
	f := newFixture(t)
	f.m = resolver.NewMatcher(f.store, explodingCanon{resolver.NewRegistry(nil, nil), "BOOM"}, nil)
	var docs []ontology.Document
	for i, loc := range []string{"S1", "S1", "BOOM", "S1", "S1", "S1", "S1"} {
		id := "sale-" + string(rune('a'+i))
		docs = append(docs, f.doc("square", "order", id, ontology.RolePOS, ontology.VerbPaid,
			t0.Add(time.Duration(i)*time.Minute), loc, []ontology.Ref{ref(ontology.RefOrderID, id)}, line("TEA", 1)))
	}
	f.save(docs...)
	st := f.process()
	if st.Documents != 7 || st.SetAside != 1 || st.Created != 6 {
		t.Fatalf("stats %+v, want 7 documents: 6 new events and 1 set aside", st)
	}
	for i, d := range docs {
		ev := f.eventOf("square", "order", d.Key.ExternalID)
		if (i == 2) != (ev == "") {
			t.Errorf("%s: event %q (only the BOOM sale must stay without one)", d.Key.ExternalID, ev)
		}
	}
	aside, err := f.store.SetAsideDocuments(f.ctx, f.tenant, "", 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 1 || aside[0].Key.ExternalID != "sale-c" || !strings.Contains(aside[0].Reason, "breaks the resolver") {
		t.Fatalf("set aside: %+v", aside)
	}
	if got := f.stock(); len(got) != 1 || got["TEA@square:S1/onHand"] != "-6" {
		t.Errorf("stock %v, want TEA@square:S1 onHand -6 (the six good sales)", got)
	}
	// Nothing is pending any more: the worker does not spin on the bad document.
	if st := f.process(); st.Documents != 0 {
		t.Fatalf("second pass resolved %+v; the set-aside document must stay out of the queue", st)
	}

	// Once fixed (here: the canon no longer panics), a retry resolves it.
	f.m = resolver.NewMatcher(f.store, resolver.NewRegistry(nil, nil), nil)
	n, err := f.store.RetrySetAside(f.ctx, f.tenant, nil)
	if err != nil || n != 1 {
		t.Fatalf("retry: %d, %v", n, err)
	}
	if st := f.process(); st.Documents != 1 || st.Created != 1 {
		t.Fatalf("after retry: %+v", st)
	}
	if f.eventOf("square", "order", "sale-c") == "" {
		t.Fatal("the retried document has no event")
	}
}

func TestUnreadableStoredDocumentIsSetAside(t *testing.T) {
	f := newFixture(t)
	a := f.doc("square", "order", "ok-1", ontology.RolePOS, ontology.VerbPaid, t0, "S1",
		[]ontology.Ref{ref(ontology.RefOrderID, "ok-1")}, line("TEA", 1))
	bad := f.doc("square", "order", "bad-1", ontology.RolePOS, ontology.VerbPaid, t0.Add(time.Minute), "S1",
		[]ontology.Ref{ref(ontology.RefOrderID, "bad-1")}, line("TEA", 1))
	f.save(a, bad)
	neo4jtest.Exec(t, "MATCH (d:SourceDocument {uid: $uid}) SET d.canonical = '{\"key\": '", map[string]any{"uid": bad.Key.UID()})
	st := f.process()
	if st.Documents != 2 || st.SetAside != 1 || st.Created != 1 {
		t.Fatalf("stats %+v", st)
	}
	aside, err := f.store.SetAsideDocuments(f.ctx, f.tenant, "", 10, nil)
	if err != nil || len(aside) != 1 || !strings.Contains(aside[0].Reason, "does not decode") {
		t.Fatalf("set aside: %+v, %v", aside, err)
	}
}
