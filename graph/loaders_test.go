package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
	"github.com/seamhub/seam/resolver"
)

// counting passes every read to the real store and counts the batched ones.
type counting struct {
	*neo4jstore.Store
	events, docs, parties atomic.Int32
}

func (c *counting) EventDetails(ctx context.Context, tenant string, ids []string) (map[string]*resolver.EventDetail, error) {
	c.events.Add(1)
	return c.Store.EventDetails(ctx, tenant, ids)
}

func (c *counting) Documents(ctx context.Context, tenant string, keys []ontology.DocKey) (map[string]*ontology.StoredDocument, error) {
	c.docs.Add(1)
	return c.Store.Documents(ctx, tenant, keys)
}

func (c *counting) DocumentsParties(ctx context.Context, tenant string, keys []ontology.DocKey) (map[string][]resolver.DocumentParty, error) {
	c.parties.Add(1)
	return c.Store.DocumentsParties(ctx, tenant, keys)
}

// reviews serves the review queue from the store; this test makes no decisions.
type reviews struct{ *neo4jstore.Store }

func (reviews) Confirm(context.Context, string, ontology.DocKey, string, string) (resolver.Decided, error) {
	return resolver.Decided{}, fmt.Errorf("not in this test")
}

func (reviews) Reject(context.Context, string, ontology.DocKey, string, string) (resolver.Decided, error) {
	return resolver.Decided{}, fmt.Errorf("not in this test")
}

// TestLoadersBatchEachLevel: three review items, each with a document, its event, the
// proposed event and that event's sources with their events and parties, load in one
// query per level (items' documents; every event; every source document; parties), not
// one per object.
func TestLoadersBatchEachLevel(t *testing.T) {
	store := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	t0 := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	var envs []ontology.Envelope
	for i, sku := range []string{"LATTE", "TEA", "MUG"} {
		at := t0.Add(time.Duration(i) * 3 * time.Hour)
		for _, d := range []ontology.Document{
			{Key: ontology.DocKey{Tenant: tenant, System: "meituan", Type: "order", ExternalID: fmt.Sprintf("M-%d", i)},
				Role: ontology.RoleOrder, Verb: ontology.VerbPaid, OccurredAt: at, Location: &ontology.LocationRef{System: "x", Code: "S1"},
				Lines:   []ontology.Line{{SKU: sku, Qty: ontology.Units(1)}},
				Parties: []ontology.PartyRef{{Role: ontology.PartyCustomer, Name: fmt.Sprintf("Customer %d", i), Phone: fmt.Sprintf("+8613800000%03d", i)}}},
			{Key: ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: fmt.Sprintf("P-%d", i)},
				Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: at.Add(8 * time.Minute), Location: &ontology.LocationRef{System: "x", Code: "S1"},
				Lines: []ontology.Line{{SKU: sku, Qty: ontology.Units(1)}}},
		} {
			envs = append(envs, ontology.Envelope{Doc: d, Raw: []byte(`{}`), Via: "file"})
		}
	}
	if _, err := store.SaveDocuments(ctx, envs); err != nil {
		t.Fatal(err)
	}
	if _, err := resolver.NewMatcher(store, resolver.NewRegistry(nil, nil), nil).Process(ctx, tenant, 100); err != nil {
		t.Fatal(err)
	}
	secret := apikey.NewSecret()
	if err := store.CreateKey(ctx, apikey.Key{ID: apikey.NewID(), Tenant: tenant, Role: apikey.Reader, CreatedAt: t0}, apikey.Hash(secret)); err != nil {
		t.Fatal(err)
	}
	c := &counting{Store: store}
	srv := httptest.NewServer(NewHandler(Services{Documents: c, Events: c, Parties: c, Decisions: reviews{store}}, apikey.NewChecker(store, 0)))
	defer srv.Close()

	body, _ := json.Marshal(map[string]string{"query": `{ reviewQueue(first: 10) { items {
		document { externalId event { id } parties { role partyId } }
		event { id sources { document { externalId event { id } parties { role partyId } } } } } } }`})
	req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	type doc struct {
		ExternalID string
		Event      struct{ ID string }
		Parties    []struct{ Role, PartyID string }
	}
	var out struct {
		Data struct {
			ReviewQueue struct {
				Items []struct {
					Document doc
					Event    struct {
						ID      string
						Sources []struct{ Document doc }
					}
				}
			}
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		t.Fatalf("answer: %v %+v", err, out.Errors)
	}
	items := out.Data.ReviewQueue.Items
	if len(items) != 3 {
		t.Fatalf("review items: %+v", items)
	}
	for _, it := range items {
		src := it.Event.Sources
		if len(src) != 1 || src[0].Document.ExternalID != "M-"+it.Document.ExternalID[2:] || src[0].Document.Event.ID != it.Event.ID ||
			it.Document.Event.ID == "" || it.Document.Event.ID == it.Event.ID || len(it.Document.Parties) != 0 ||
			len(src[0].Document.Parties) != 1 || src[0].Document.Parties[0].Role != "customer" || src[0].Document.Parties[0].PartyID == "" {
			t.Fatalf("item %+v", it)
		}
	}
	if e, d := c.events.Load(), c.docs.Load(); e != 1 || d != 2 {
		t.Fatalf("%d event queries and %d document queries; want 1 and 2 (one per level)", e, d)
	}
	// The items' documents' parties may be asked before or after the sources are loaded.
	if p := c.parties.Load(); p < 1 || p > 2 {
		t.Fatalf("%d party queries for six documents; want one per level of documents", p)
	}
}
