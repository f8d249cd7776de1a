package neo4jstore_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
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

// A webhook delivery stored before is a duplicate when its id comes again, whatever its
// bytes (the handler no longer asks first), and SeenDelivery still knows it; a new
// delivery id with new bytes is a new version as before.
func TestSaveDocumentsTellsARedelivery(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	env := func(raw, delivery string) ontology.Envelope {
		return ontology.Envelope{Raw: []byte(raw), DeliveryID: delivery, Doc: ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: "1"},
			Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		}}
	}
	for i, c := range []struct {
		raw, delivery string
		want          string
	}{
		{"a", "d1", "new"},
		{"a", "d1", "duplicate"},        // the sender's retry
		{"a-edited", "d1", "duplicate"}, // one delivery is stored once
		{"a-edited", "d2", "updated"},
		{"a-edited", "", "duplicate"}, // bytes kept already
	} {
		got, err := s.SaveDocuments(ctx, []ontology.Envelope{env(c.raw, c.delivery)})
		if err != nil {
			t.Fatal(err)
		}
		if got[0] != c.want {
			t.Fatalf("save %d (%q, delivery %q) = %s, want %s", i, c.raw, c.delivery, got[0], c.want)
		}
	}
	if seen, err := s.SeenDelivery(ctx, tenant, "shopify", "d1"); err != nil || !seen {
		t.Fatalf("seen d1 = %v, %v", seen, err)
	}
	if seen, err := s.SeenDelivery(ctx, tenant, "shopify", "d3"); err != nil || seen {
		t.Fatalf("seen d3 = %v, %v", seen, err)
	}
}

// One delivery that maps to several documents is stored whole, even when a repeated
// document splits it over several transactions: the later ones find the Delivery node
// the first wrote, which is this delivery and not a retry. Sent again, all of it is a
// duplicate.
func TestADeliverySplitOverChunksIsStoredWhole(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	env := genericOrder(tenant)
	if _, err := s.SaveDocuments(ctx, []ontology.Envelope{env("2", "two v1", "d0")}); err != nil {
		t.Fatal(err)
	}
	delivery := []ontology.Envelope{env("1", "one v1", "d1"), env("1", "one v2", "d1"), env("2", "two v2", "d1")}
	got, err := s.SaveDocuments(ctx, delivery)
	if err != nil {
		t.Fatal(err)
	}
	if want := []neo4jstore.Outcome{neo4jstore.OutcomeNew, neo4jstore.OutcomeUpdated, neo4jstore.OutcomeUpdated}; !slices.Equal(got, want) {
		t.Fatalf("the delivery's documents were %v, want %v", got, want)
	}
	for id, raw := range map[string]string{"1": "one v2", "2": "two v2"} {
		d, err := s.Document(ctx, ontology.DocKey{Tenant: tenant, System: "generic", Type: "order", ExternalID: id})
		if err != nil || d == nil || string(d.Raw) != raw {
			t.Fatalf("document %s holds %+v (%v), want %q", id, d, err, raw)
		}
	}
	again, err := s.SaveDocuments(ctx, delivery)
	if err != nil {
		t.Fatal(err)
	}
	if want := []neo4jstore.Outcome{neo4jstore.OutcomeDuplicate, neo4jstore.OutcomeDuplicate, neo4jstore.OutcomeDuplicate}; !slices.Equal(again, want) {
		t.Fatalf("the delivery sent again was %v, want %v", again, want)
	}
}

// TestADeliveryOfNewAndStoredDocumentsInOneChunk: a new document is written by the
// statement that locks the chunk's documents, a stored one after it; the delivery both
// bring is new to both, so the stored one's new bytes are its new version, not a retry's.
func TestADeliveryOfNewAndStoredDocumentsInOneChunk(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	env := genericOrder(tenant)
	if _, err := s.SaveDocuments(ctx, []ontology.Envelope{env("b", "b v1", "d0")}); err != nil {
		t.Fatal(err)
	}
	// "a" sorts before "b": the new document's delivery is written before the stored
	// one's row is decided, in the order the statement locks them.
	delivery := []ontology.Envelope{env("b", "b v2", "d1"), env("a", "a v1", "d1"), env("c", "c v1", "")}
	got, err := s.SaveDocuments(ctx, delivery)
	if err != nil {
		t.Fatal(err)
	}
	if want := []neo4jstore.Outcome{neo4jstore.OutcomeUpdated, neo4jstore.OutcomeNew, neo4jstore.OutcomeNew}; !slices.Equal(got, want) {
		t.Fatalf("the delivery's documents were %v, want %v", got, want)
	}
	for id, want := range map[string]struct {
		raw     string
		version int64
	}{"a": {"a v1", 1}, "b": {"b v2", 2}, "c": {"c v1", 1}} {
		d, err := s.Document(ctx, ontology.DocKey{Tenant: tenant, System: "generic", Type: "order", ExternalID: id})
		if err != nil || d == nil || string(d.Raw) != want.raw || d.Version != want.version || !d.Pending {
			t.Fatalf("document %s holds %+v (%v), want %q, version %d, pending", id, d, err, want.raw, want.version)
		}
	}
	if seen, err := s.SeenDelivery(ctx, tenant, "generic", "d1"); err != nil || !seen {
		t.Fatalf("delivery d1 seen: %v %v", seen, err)
	}
	again, err := s.SaveDocuments(ctx, delivery)
	if err != nil {
		t.Fatal(err)
	}
	if want := []neo4jstore.Outcome{neo4jstore.OutcomeDuplicate, neo4jstore.OutcomeDuplicate, neo4jstore.OutcomeDuplicate}; !slices.Equal(again, want) {
		t.Fatalf("the delivery sent again was %v, want %v", again, want)
	}
}

// genericOrder makes envelopes of a tenant's generic orders: id, bytes and delivery.
func genericOrder(tenant string) func(id, raw, delivery string) ontology.Envelope {
	return func(id, raw, delivery string) ontology.Envelope {
		return ontology.Envelope{Raw: []byte(raw), DeliveryID: delivery, Doc: ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "generic", Type: "order", ExternalID: id},
			Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		}}
	}
}

func TestDeleteTenantLeavesOtherTenants(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	gone, kept := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	for _, tenant := range []string{gone, kept} {
		env := ontology.Envelope{Raw: []byte("{}"), Doc: ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: "1"},
			Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		}}
		if _, err := s.SaveDocuments(ctx, []ontology.Envelope{env}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.DeleteTenant(ctx, gone)
	if err != nil || n == 0 {
		t.Fatalf("deleted %d nodes: %v", n, err)
	}
	if d, err := s.Document(ctx, ontology.DocKey{Tenant: gone, System: "shopify", Type: "order", ExternalID: "1"}); err != nil || d != nil {
		t.Errorf("the deleted tenant's document is still there: %+v %v", d, err)
	}
	if d, err := s.Document(ctx, ontology.DocKey{Tenant: kept, System: "shopify", Type: "order", ExternalID: "1"}); err != nil || d == nil {
		t.Errorf("another tenant's document went too: %v", err)
	}
	if _, err := s.DeleteTenant(ctx, ""); err == nil {
		t.Error("an empty tenant name deleted something")
	}
}

// TestNewVersionSavedDuringResolutionStaysPending: a save takes the document's lock, not
// the tenant's, so a new version can commit while a resolution batch that read the old
// one runs. The batch must not clear the new version's Pending mark: it would never be
// resolved, and its stock never planned (an order's fulfilled version was lost so
// under load). The next batch reads the new version.
func TestNewVersionSavedDuringResolutionStaysPending(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	env := func(raw string, verb ontology.Verb) ontology.Envelope {
		return ontology.Envelope{Raw: []byte(raw), Doc: ontology.Document{
			Key:  ontology.DocKey{Tenant: tenant, System: "shopify", Type: "order", ExternalID: "1"},
			Role: ontology.RoleOrder, Verb: verb, OccurredAt: time.Now().UTC(),
		}}
	}
	if _, err := s.SaveDocuments(ctx, []ontology.Envelope{env("v1", ontology.VerbPaid)}); err != nil {
		t.Fatal(err)
	}
	pending := func() []resolver.PendingDoc {
		t.Helper()
		var docs []resolver.PendingDoc
		if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) (err error) {
			docs, err = tx.Pending(ctx, 10)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return docs
	}
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		docs, err := tx.Pending(ctx, 10)
		if err != nil || len(docs) != 1 || docs[0].Doc.Verb != ontology.VerbPaid {
			t.Fatalf("the batch read %+v, %v", docs, err)
		}
		// The fulfilled version arrives while the batch runs.
		if got, err := s.SaveDocuments(ctx, []ontology.Envelope{env("v2", ontology.VerbFulfilled)}); err != nil || got[0] != "updated" {
			t.Fatalf("saving the new version: %v, %v", got, err)
		}
		return tx.Apply(ctx, &resolver.Changes{Tenant: tenant, Resolved: []string{docs[0].UID},
			ResolvedVersions: map[string]int64{docs[0].UID: docs[0].Version}})
	}); err != nil {
		t.Fatal(err)
	}
	docs := pending()
	if len(docs) != 1 || docs[0].Doc.Verb != ontology.VerbFulfilled {
		t.Fatalf("after the batch, pending %+v; want the fulfilled version", docs)
	}
	// Resolving the version read clears the mark.
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error {
		return tx.Apply(ctx, &resolver.Changes{Tenant: tenant, Resolved: []string{docs[0].UID},
			ResolvedVersions: map[string]int64{docs[0].UID: docs[0].Version}})
	}); err != nil {
		t.Fatal(err)
	}
	if docs := pending(); len(docs) != 0 {
		t.Fatalf("pending after resolving the version read: %+v", docs)
	}
}
