package neo4jstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/neo4jstore/neo4jtest"
)

func TestSaveDocumentsTellsNewDuplicateAndUpdated(t *testing.T) {
	s := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	doc := func(id, raw string) ontology.Envelope {
		return ontology.Envelope{Raw: []byte(raw), Doc: ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: id},
			Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		}}
	}
	// Copies of one document inside one batch: the second is a duplicate, not a version.
	got, err := s.SaveDocuments(context.Background(), []ontology.Envelope{doc("1", "a"), doc("2", "b"), doc("1", "a"), doc("1", "a2")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"new", "new", "duplicate", "updated"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("outcomes = %v, want %v", got, want)
		}
	}
	d, _ := s.Document(context.Background(), ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: "1"})
	if d.Version != 2 || string(d.Raw) != "a2" {
		t.Fatalf("stored version %d raw %q", d.Version, d.Raw)
	}
}
