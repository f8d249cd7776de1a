package neo4jstore_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// TestMentionWritesTheProfileOnly: a party a mention founds is described by its
// profile, whole, and its block keys; the five fields parties kept before profiles
// (nameKey, email, phone, address, country) repeated the profile in every resolution's
// largest write, read by nothing. A party stored with them keeps them, and its next
// mention gives it a profile, by which it is read from then on.
func TestMentionWritesTheProfileOnly(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := pendingBacklog(t, s, 2)
	neo4jtest.Exec(t, `CREATE (:Party {uid: $tenant + '/old', id: 'old', tenant: $tenant, kind: 'person',
  nameKey: 'li na', email: 'li@example.com', bName: 'p:li na'})`, map[string]any{"tenant": tenant})
	prof := resolver.PartyProfile{Name: "li na", FullName: "li na", Email: "li@example.com", Phone: "+8613800000000",
		Address: "1 kent street", Country: "CN"}
	mention := func(i int, party string) resolver.PartyMention {
		return resolver.PartyMention{DocUID: tenant + "/shopify/order/0000" + string(rune('0'+i)), PartyID: party,
			Role: ontology.PartyCustomer, Name: "Li Na", Profile: prof}
	}
	ch := &resolver.Changes{Tenant: tenant, Mentions: []resolver.PartyMention{mention(0, "new"), mention(1, "old")}}
	if err := s.WithTenantLock(ctx, tenant, func(ctx context.Context, tx resolver.Tx) error { return tx.Apply(ctx, ch) }); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(prof)
	props, err := neo4jstore.StoredPartyProps(ctx, s, tenant, "new")
	if err != nil {
		t.Fatal(err)
	}
	if props["profile"] != string(want) || props["bName"] != "p:li na" || props["name"] != "Li Na" {
		t.Errorf("new party %v, want its profile %s, its name and its block keys", props, want)
	}
	for _, old := range []string{"nameKey", "email", "phone", "address", "country"} {
		if v, ok := props[old]; ok {
			t.Errorf("new party holds %s = %v, which its profile holds already", old, v)
		}
	}
	props, err = neo4jstore.StoredPartyProps(ctx, s, tenant, "old")
	if err != nil {
		t.Fatal(err)
	}
	if props["profile"] != string(want) || props["nameKey"] != "li na" || props["email"] != "li@example.com" {
		t.Errorf("party stored before profiles %v, want its fields kept and a profile", props)
	}
}
