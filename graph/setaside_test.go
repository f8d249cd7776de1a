package graph

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"

	"github.com/seamhub/seam/graph/generated"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
)

// setAside reads the set-aside documents of the key's systems, as quarantine does: a
// finance key every system's, a partner key its own systems', and a partner key without
// systems none (not every system's).
func TestSetAsideFollowsThePartnerKeysSystems(t *testing.T) {
	ctx := context.Background()
	store := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	t.Cleanup(func() { _, _ = store.DeleteTenant(context.Background(), tenant) })
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var envs []ontology.Envelope
	for _, system := range []string{"shopify", "square"} {
		envs = append(envs, ontology.Envelope{Raw: []byte(`{"id":1}`), ReceivedAt: at, Doc: ontology.Document{
			Key: ontology.DocKey{Tenant: tenant, System: system, Type: "order", ExternalID: "1"}, Role: ontology.RoleOrder,
			Verb: ontology.VerbPaid, OccurredAt: at,
		}})
	}
	if _, err := store.SaveDocuments(ctx, envs); err != nil {
		t.Fatal(err)
	}
	neo4jtest.Exec(t, `MATCH (d:SourceDocument {tenant: $tenant}) REMOVE d:Pending
SET d:SetAside, d.setAsideReason = 'a bug', d.setAsideAt = datetime(), d.setAsideCount = 1`, map[string]any{"tenant": tenant})
	cfg := generated.Config{Resolvers: &Resolver{svc: Services{SetAside: store}}}
	cfg.Directives.HasRole = hasRole
	exec := executor.New(generated.NewExecutableSchema(cfg))
	for _, c := range []struct {
		key  apikey.Key
		want []string
	}{
		{apikey.Key{Tenant: tenant, Role: apikey.Finance}, []string{"shopify", "square"}},
		{apikey.Key{Tenant: tenant, Role: apikey.Partner, Systems: []string{"square"}}, []string{"square"}},
		{apikey.Key{Tenant: tenant, Role: apikey.Partner, Systems: []string{"amazon"}}, nil},
		{apikey.Key{Tenant: tenant, Role: apikey.Partner}, nil},
	} {
		kctx := graphql.StartOperationTrace(withKey(ctx, c.key))
		rc, errs := exec.CreateOperationContext(kctx, &graphql.RawParams{Query: `{ setAside { items { system } } }`})
		if errs != nil {
			t.Fatal(errs)
		}
		resp, rctx := exec.DispatchOperation(kctx, rc)
		r := resp(rctx)
		var data struct {
			SetAside struct{ Items []struct{ System string } }
		}
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &data) != nil {
			t.Fatalf("%s key %v: %v %s", c.key.Role, c.key.Systems, r.Errors, r.Data)
		}
		var got []string
		for _, it := range data.SetAside.Items {
			got = append(got, it.System)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s key %v: %v, want %v", c.key.Role, c.key.Systems, got, c.want)
		}
	}
}
