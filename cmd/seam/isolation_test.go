package main

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// TestTenantIsolation: tenants A and B hold documents with the same keys (same order
// numbers, same store codes) and different values. A's admin key, the strongest a
// tenant has, asks every query and mutation with B's ids, guessed or learnt, and never
// reads or changes anything of B's.
func TestTenantIsolation(t *testing.T) {
	cfg := testConfig(t)
	ta, tb := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	seedConfig(&cfg, ta, tb)
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	a := seedTenant(t, s, ta, 1, false)
	b := seedTenant(t, s, tb, 5, true)
	if a.orderEvent == b.orderEvent || a.reviewEvent == b.reviewEvent {
		t.Fatalf("the tenants share event ids: %+v %+v", a, b)
	}
	keyA := adminKey(t, ta)
	ask := func(tenant, query string, vars map[string]any, out any) gqlResponse {
		t.Helper()
		return graphQL(t, base, tenant, query, vars, out)
	}
	// bEvent reads B's event through B's own key, to prove it unchanged.
	bEvent := func(id string) string {
		t.Helper()
		var out struct {
			InventoryEvent *struct {
				ID        string
				Sources   []struct{ Document struct{ ExternalID string } }
				Movements []struct{ Qty string }
			}
		}
		if r := ask(tb, `query($id: ID!) { inventoryEvent(id: $id) { id sources { document { externalId } } movements { qty } } }`,
			map[string]any{"id": id}, &out); len(r.Errors) > 0 || out.InventoryEvent == nil {
			t.Fatalf("B reading its event %s: %+v", id, r.Errors)
		}
		e := out.InventoryEvent
		var docs, qty []string
		for _, s := range e.Sources {
			docs = append(docs, s.Document.ExternalID)
		}
		for _, m := range e.Movements {
			qty = append(qty, m.Qty)
		}
		return e.ID + " " + strings.Join(docs, ",") + " " + strings.Join(qty, ",")
	}
	bOrder, bReview := bEvent(b.orderEvent), bEvent(b.reviewEvent)

	t.Run("stock", func(t *testing.T) {
		rows := waitStock(t, base, ta, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 })
		if rows[0].Reserved != "1" {
			t.Fatalf("A's stock = %+v, want A's 1 reserved (B has 5)", rows)
		}
	})

	t.Run("document", func(t *testing.T) {
		var out struct {
			Document *struct {
				Raw   string
				Event struct{ ID string }
			}
			Other *struct{ ExternalID string }
		}
		r := ask(ta, `{ document(system: "shopify", type: "order", externalId: "9820193847261123") { raw event { id } }
			other: document(system: "meituan", type: "order", externalId: "M-2") { externalId } }`, nil, &out)
		if len(r.Errors) > 0 || out.Document == nil {
			t.Fatalf("A's document: %+v", r.Errors)
		}
		if !strings.Contains(out.Document.Raw, ta) || strings.Contains(out.Document.Raw, tb) || out.Document.Event.ID != a.orderEvent {
			t.Fatalf("A read %q in event %s", out.Document.Raw, out.Document.Event.ID)
		}
		if out.Other != nil {
			t.Fatalf("A read B's document M-2: %+v", out.Other)
		}
	})

	t.Run("document parties", func(t *testing.T) {
		type parties struct {
			Document struct {
				Parties []struct {
					PartyID string
					SameAs  []struct{ Party string }
					Related []struct{ Party string }
				}
			}
		}
		q := `{ document(system: "shopify", type: "order", externalId: "9820193847261123") { parties { partyId sameAs { party } related { party } } } }`
		var pa, pb parties
		if r := ask(ta, q, nil, &pa); len(r.Errors) > 0 || len(pa.Document.Parties) != 1 {
			t.Fatalf("A's parties: %+v %+v", r.Errors, pa)
		}
		if r := ask(tb, q, nil, &pb); len(r.Errors) > 0 || len(pb.Document.Parties) != 1 {
			t.Fatalf("B's parties: %+v %+v", r.Errors, pb)
		}
		p := pa.Document.Parties[0]
		if p.PartyID == pb.Document.Parties[0].PartyID || len(p.SameAs)+len(p.Related) != 0 {
			t.Fatalf("A's customer %+v, B's %+v", p, pb.Document.Parties[0])
		}
	})

	t.Run("inventoryEvent", func(t *testing.T) {
		for _, id := range []string{b.orderEvent, b.reviewEvent} {
			var out struct{ InventoryEvent *struct{ ID string } }
			r := ask(ta, `query($id: ID!) { inventoryEvent(id: $id) { id } }`, map[string]any{"id": id}, &out)
			if len(r.Errors) > 0 || out.InventoryEvent != nil {
				t.Fatalf("A asked for B's event %s: %+v %+v", id, r.Errors, out.InventoryEvent)
			}
		}
		var out struct {
			InventoryEvent struct {
				Sources []struct{ Document struct{ Raw string } }
			}
		}
		ask(ta, `query($id: ID!) { inventoryEvent(id: $id) { sources { document { raw } } } }`, map[string]any{"id": a.orderEvent}, &out)
		if len(out.InventoryEvent.Sources) != 1 || !strings.Contains(out.InventoryEvent.Sources[0].Document.Raw, ta) {
			t.Fatalf("A's own event: %+v", out)
		}
	})

	t.Run("quarantine", func(t *testing.T) {
		var out struct {
			Quarantine struct{ Items []struct{ ID, Raw string } }
		}
		r := ask(ta, `{ quarantine { items { id raw } } }`, nil, &out)
		if len(r.Errors) > 0 || len(out.Quarantine.Items) != 1 || !strings.Contains(out.Quarantine.Items[0].Raw, ta) {
			t.Fatalf("A's quarantine: %+v %+v", r.Errors, out)
		}
		// Paging from B's item id does not reach into B's list.
		var bq struct {
			Quarantine struct{ Items []struct{ ID string } }
		}
		ask(tb, `{ quarantine { items { id } } }`, nil, &bq)
		r = ask(ta, `query($after: String) { quarantine(after: $after) { items { id raw } } }`, map[string]any{"after": bq.Quarantine.Items[0].ID}, &out)
		for _, it := range out.Quarantine.Items {
			if strings.Contains(it.Raw, tb) {
				t.Fatalf("A paged into B's quarantine: %+v", out)
			}
		}
	})

	t.Run("reviewQueue", func(t *testing.T) {
		var out struct {
			ReviewQueue struct {
				Items []struct {
					Event    struct{ ID string }
					Document struct{ Raw string }
				}
			}
		}
		r := ask(ta, `{ reviewQueue { items { event { id } document { raw } } } }`, nil, &out)
		if len(r.Errors) > 0 || len(out.ReviewQueue.Items) != 1 {
			t.Fatalf("A's review queue: %+v %+v", r.Errors, out)
		}
		it := out.ReviewQueue.Items[0]
		if it.Event.ID != a.reviewEvent || !strings.Contains(it.Document.Raw, ta) {
			t.Fatalf("A's review item: %+v", it)
		}
	})

	// B declares an alias; A must not see it.
	if r := ask(tb, `mutation { setLocationAlias(system: "square", code: "B-ONLY", location: "B-STORE") { location } }`, nil, nil); len(r.Errors) > 0 {
		t.Fatalf("B's alias: %+v", r.Errors)
	}
	locations := func(tenant string) []string {
		t.Helper()
		var out struct {
			Locations []struct{ System, Code, Location string }
		}
		if r := ask(tenant, `{ locations { system code location } }`, nil, &out); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var l []string
		for _, x := range out.Locations {
			l = append(l, x.System+"/"+x.Code+"="+x.Location)
		}
		return l
	}
	suggestions := func(tenant string) []string {
		t.Helper()
		var out struct {
			LocationSuggestions []struct{ Code, Location string }
		}
		if r := ask(tenant, `{ locationSuggestions { code location } }`, nil, &out); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var l []string
		for _, x := range out.LocationSuggestions {
			l = append(l, x.Code+"="+x.Location)
		}
		return l
	}

	t.Run("locations", func(t *testing.T) {
		if l := locations(ta); slices.Contains(l, "square/B-ONLY=B-STORE") || len(l) != 3 {
			t.Fatalf("A's locations: %v", l)
		}
		if l := locations(tb); !slices.Contains(l, "square/B-ONLY=B-STORE") {
			t.Fatalf("B's locations: %v", l)
		}
	})

	t.Run("locationSuggestions", func(t *testing.T) {
		if l := suggestions(ta); len(l) != 0 {
			t.Fatalf("A got suggestions from B's documents: %v", l)
		}
		if l := suggestions(tb); !slices.Equal(l, []string{"SH-PD-003-NEW=STORE-SH-01"}) {
			t.Fatalf("B's suggestions: %v", l)
		}
	})

	decide := func(mutation, system, id, event string) gqlResponse {
		t.Helper()
		return ask(ta, `mutation($s: String!, $id: String!, $ev: ID!) { `+mutation+`(document: {system: $s, type: "order", externalId: $id}, event: $ev) { event { id } } }`,
			map[string]any{"s": system, "id": id, "ev": event}, nil)
	}
	refused := func(t *testing.T, r gqlResponse) {
		t.Helper()
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "not found") {
			t.Fatalf("want not found, got %+v", r.Errors)
		}
	}

	t.Run("confirmMatch", func(t *testing.T) {
		refused(t, decide("confirmMatch", "square", a.reviewDoc, b.reviewEvent)) // A's document into B's event
		refused(t, decide("confirmMatch", "meituan", "M-2", b.orderEvent))       // a document only B has
		refused(t, decide("confirmMatch", "shopify", "9820193847261123", b.orderEvent))
		if got := bEvent(b.reviewEvent); got != bReview {
			t.Fatalf("B's event changed: %s -> %s", bReview, got)
		}
	})

	t.Run("rejectMatch", func(t *testing.T) {
		refused(t, decide("rejectMatch", "shopify", "9820193847261123", b.orderEvent))
		refused(t, decide("rejectMatch", "meituan", "M-1", b.reviewEvent))
		if got := bEvent(b.orderEvent); got != bOrder {
			t.Fatalf("B's event changed: %s -> %s", bOrder, got)
		}
		rows := waitStock(t, base, tb, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 })
		if rows[0].Reserved != "5" {
			t.Fatalf("B's stock changed: %+v", rows)
		}
	})

	t.Run("setLocationAlias", func(t *testing.T) {
		if r := ask(ta, `mutation { setLocationAlias(system: "meituan", code: "SH-PD-003-NEW", location: "A-STORE") { location } }`, nil, nil); len(r.Errors) > 0 {
			t.Fatalf("A's alias: %+v", r.Errors)
		}
		if _, err := s.App.worker.Drain(context.Background(), tb); err != nil {
			t.Fatal(err)
		}
		if l := locations(tb); slices.ContainsFunc(l, func(x string) bool { return strings.Contains(x, "A-STORE") }) {
			t.Fatalf("A's alias reached B: %v", l)
		}
		if l := suggestions(tb); !slices.Equal(l, []string{"SH-PD-003-NEW=STORE-SH-01"}) {
			t.Fatalf("B's suggestions after A's alias: %v", l)
		}
		rows := waitStock(t, base, tb, "MUG", func(rs []stockRow) bool { return len(rs) == 1 })
		if rows[0].Location != "meituan:SH-PD-003-NEW" {
			t.Fatalf("A's alias moved B's stock: %+v", rows)
		}
	})

	t.Run("setAside and retrySetAside", func(t *testing.T) {
		// One of B's documents set aside, under the same key A's own order has.
		bDoc := docKey(tb, "shopify", "order", "9820193847261123").UID()
		neo4jtest.Exec(t, `MATCH (d:SourceDocument {uid: $uid}) SET d:SetAside, d.setAsideReason = 'test', d.setAsideAt = datetime()`,
			map[string]any{"uid": bDoc})
		var out struct {
			SetAside struct{ Items []struct{ ExternalID string } }
		}
		if r := ask(ta, `{ setAside { items { externalId } } }`, nil, &out); len(r.Errors) > 0 || len(out.SetAside.Items) != 0 {
			t.Fatalf("A sees B's set-aside document: %+v %+v", out, r.Errors)
		}
		var n struct{ RetrySetAside int }
		for _, q := range []string{`mutation { retrySetAside }`,
			`mutation { retrySetAside(document: {system: "shopify", type: "order", externalId: "9820193847261123"}) }`} {
			if r := ask(ta, q, nil, &n); len(r.Errors) > 0 || n.RetrySetAside != 0 {
				t.Fatalf("%s as A: %+v %+v", q, n, r.Errors)
			}
		}
		docs, err := s.App.store.SetAsideDocuments(context.Background(), tb, "", 10, nil)
		if err != nil || len(docs) != 1 {
			t.Fatalf("B's set-aside document after A's retries: %+v %v", docs, err)
		}
	})

	t.Run("subscription stockChanged", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		w := subscribe(t, ctx, s.Addr, keyA, `subscription { stockChanged(sku: "TEA-OOL-250G") { reserved } }`)
		// B's change is published (its stock moved) before A's happens: a subscription
		// that leaked would see B's first.
		more := func(tenant, id string) {
			body := []byte(strings.Replace(shopifyOrder, "9820193847261123", id, 1))
			if code, r := postWebhook(t, base, tenant, "shopify", body, signedShopify(body, "more-"+id)); code != http.StatusOK {
				t.Fatalf("webhook: %d %+v", code, r)
			}
		}
		more(tb, "9820193847261124")
		waitStock(t, base, tb, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Reserved == "7" })
		more(ta, "9820193847261125")
		m := w.next()
		if m.Type != "next" || !strings.Contains(string(m.Payload), `"reserved":"3"`) {
			t.Fatalf("A's subscription got %s %s, want A's reserved 3", m.Type, m.Payload)
		}
	})

	t.Run("X-Seam-Tenant naming another tenant is refused", func(t *testing.T) {
		r, code := graphQLWith(t, base, keyA, http.Header{"X-Seam-Tenant": {tb}}, `{ stock(sku: "TEA-OOL-250G") { reserved } }`, nil, nil)
		if code != http.StatusForbidden || len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "FORBIDDEN" || len(r.Data) > 0 && string(r.Data) != "null" {
			t.Fatalf("A's key naming B: %d %+v %s", code, r.Errors, r.Data)
		}
		if _, code := graphQLWith(t, base, keyA, http.Header{"X-Seam-Tenant": {ta}}, `{ stock(sku: "TEA-OOL-250G") { reserved } }`, nil, nil); code != http.StatusOK {
			t.Fatalf("A's key naming A: %d", code)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, ack := dialGraphQL(t, ctx, s.Addr, map[string]any{"Authorization": "Bearer " + keyA, "X-Seam-Tenant": tb})
		if ack.Type == "connection_ack" {
			t.Fatal("a websocket with A's key naming B was accepted")
		}
	})
}
