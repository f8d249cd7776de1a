package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// tenantData is what seedTenant stored for one tenant, as its own admin reads it back.
type tenantData struct {
	tenant string
	qty    int
	// orderEvent is the event of the Shopify order (webhook), reviewEvent the one a
	// review item proposes for the POS ring-up.
	orderEvent, reviewEvent string
	reviewDoc               string // externalId of the document under review
}

var storeAddress = struct{ name, address string }{"Seam Coffee 浦东店", "上海市浦东新区示例路88号"}

// seedConfig gives each tenant the same location registry, so that two tenants hold
// documents with the same keys and differ only in their values.
func seedConfig(cfg *Config, tenants ...string) {
	for _, t := range tenants {
		cfg.Locations = append(cfg.Locations,
			resolver.LocationAlias{Tenant: t, System: "shopify", Code: "online", Location: "WH-NL1"},
			resolver.LocationAlias{Tenant: t, System: "meituan", Code: "SH-PD-003", Location: "STORE-SH-01"},
			resolver.LocationAlias{Tenant: t, System: "square", Code: "L2K8", Location: "STORE-SH-01"})
	}
}

// seedTenant stores, for one tenant: a Shopify order by webhook (qty of TEA-OOL-250G,
// the customer named after the tenant), a body quarantined by the same route, and a
// Meituan order and a POS ring-up 8 minutes apart that wait in the review queue. With
// extra it also stores a Meituan order under a code no alias covers yet (a location
// suggestion). Every raw payload names the tenant, so an answer shows whose it is.
func seedTenant(t *testing.T, s *Server, tenant string, qty int, extra bool) tenantData {
	t.Helper()
	ctx := context.Background()
	base := "http://" + s.Addr
	order := strings.Replace(shopifyOrder, `"quantity": 2`, `"quantity": `+strconv.Itoa(qty), 1)
	order = strings.Replace(order, `"first_name": "Mei"`, `"first_name": "`+tenant+`"`, 1)
	order = strings.ReplaceAll(order, "mei.lin@example.com", tenant+"@example.com")
	if code, r := postWebhook(t, base, tenant, "shopify", []byte(order), signedShopify([]byte(order), "seed-order")); code != http.StatusOK {
		t.Fatalf("seeding %s: webhook %d %+v", tenant, code, r)
	}
	bad := []byte(`{"id": 1, "note": "` + tenant + `", "line_items": [`)
	if code, r := postWebhook(t, base, tenant, "shopify", bad, signedShopify(bad, "seed-bad")); code != http.StatusOK || r.Status != "quarantined" {
		t.Fatalf("seeding %s: malformed webhook %d %+v", tenant, code, r)
	}
	t0 := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	loc := func(system, code string) *ontology.LocationRef {
		return &ontology.LocationRef{System: system, Code: code, Name: storeAddress.name, Address: storeAddress.address}
	}
	doc := func(system, id string, role ontology.Role, at time.Time, l *ontology.LocationRef, sku string) ontology.Envelope {
		d := ontology.Document{Key: ontology.DocKey{Tenant: tenant, System: system, Type: "order", ExternalID: id},
			Role: role, Verb: ontology.VerbPaid, OccurredAt: at, Location: l,
			Lines: []ontology.Line{{SKU: sku, Qty: ontology.Units(1)}}}
		raw, _ := json.Marshal(map[string]any{"tenant": tenant, "id": id})
		return ontology.Envelope{Doc: d, Raw: raw, Format: "json", Via: "file"}
	}
	envs := []ontology.Envelope{
		doc("meituan", "M-1", ontology.RoleOrder, t0, loc("meituan", "SH-PD-003"), "LATTE"),
		doc("square", "P-1", ontology.RolePOS, t0.Add(8*time.Minute), loc("square", "L2K8"), "LATTE"),
	}
	if extra {
		envs = append(envs, doc("meituan", "M-2", ontology.RoleOrder, t0.Add(3*time.Hour), loc("meituan", "SH-PD-003-NEW"), "MUG"))
	}
	if _, err := s.App.store.SaveDocuments(ctx, envs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.App.worker.Drain(ctx, tenant); err != nil {
		t.Fatal(err)
	}
	d := tenantData{tenant: tenant, qty: qty}
	waitStock(t, base, tenant, "TEA-OOL-250G", func(rs []stockRow) bool { return len(rs) == 1 && rs[0].Reserved == strconv.Itoa(qty) })
	var out struct {
		Document    struct{ Event struct{ ID string } }
		ReviewQueue struct {
			Items []struct {
				Document struct{ ExternalID string }
				Event    struct{ ID string }
			}
		}
	}
	r := graphQL(t, base, tenant, `{ document(system: "shopify", type: "order", externalId: "9820193847261123") { event { id } }
		reviewQueue { items { document { externalId } event { id } } } }`, nil, &out)
	if len(r.Errors) > 0 || out.Document.Event.ID == "" || len(out.ReviewQueue.Items) != 1 {
		t.Fatalf("seeding %s: %+v %+v", tenant, r.Errors, out)
	}
	d.orderEvent = out.Document.Event.ID
	d.reviewEvent = out.ReviewQueue.Items[0].Event.ID
	d.reviewDoc = out.ReviewQueue.Items[0].Document.ExternalID
	if d.reviewEvent == "" || d.reviewDoc == "" {
		t.Fatalf("seeding %s: review item %+v", tenant, out.ReviewQueue.Items[0])
	}
	return d
}
