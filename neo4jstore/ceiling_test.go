package neo4jstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestWritePlainStoresWithoutQueueing: the benchmark's ceiling writes each document
// once, as a new document's properties, and queues nothing for resolution.
func TestWritePlainStoresWithoutQueueing(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = s.DeleteTenant(context.Background(), tenant) })
	env := func(id, raw string) ontology.Envelope {
		return ontology.Envelope{Raw: []byte(raw), Doc: ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: id},
			Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		}}
	}
	// A repeated delivery is written again onto the same node, as plainly.
	if err := s.WritePlain(ctx, []ontology.Envelope{env("1", "a"), env("2", "b"), env("1", "a")}); err != nil {
		t.Fatal(err)
	}
	for id, raw := range map[string]string{"1": "a", "2": "b"} {
		d, err := s.Document(ctx, ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: id})
		if err != nil || d == nil {
			t.Fatalf("document %s: %+v %v", id, d, err)
		}
		if string(d.Raw) != raw || d.Role != string(ontology.RoleOrder) || d.Canonical == "" || d.Pending {
			t.Errorf("document %s holds raw %q role %q canonical %q pending %v", id, d.Raw, d.Role, d.Canonical, d.Pending)
		}
	}
	var pending int
	err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		docs, err := tx.Pending(ctx, 10)
		pending = len(docs)
		return err
	})
	if err != nil || pending != 0 {
		t.Fatalf("%d documents queued for resolution (%v), want none", pending, err)
	}
}
