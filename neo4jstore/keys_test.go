package neo4jstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology/apikey"
)

func newKey(t *testing.T, s *neo4jstore.Store, tenant string, role apikey.Role) (apikey.Key, string) {
	t.Helper()
	secret := apikey.NewSecret()
	k := apikey.Key{ID: apikey.NewID(), Tenant: tenant, Role: role, Name: "ops", Systems: []string{"shopify"},
		CreatedAt: time.Now().UTC().Truncate(time.Millisecond)}
	if err := s.CreateKey(context.Background(), k, apikey.Hash(secret)); err != nil {
		t.Fatal(err)
	}
	return k, secret
}

func TestKeysAreStoredOnlyAsHashes(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	k, secret := newKey(t, s, tenant, apikey.Partner)
	props, err := neo4jstore.StoredKeyProps(ctx, s, k.ID)
	if err != nil || props == nil {
		t.Fatalf("stored key: %v %v", props, err)
	}
	random := strings.TrimPrefix(secret, "seam_")
	for name, v := range props {
		if strings.Contains(strings.ToLower(fmt.Sprint(v)), random[:16]) {
			t.Errorf("property %s holds the key in clear: %v", name, v)
		}
	}
	if props["hash"] != apikey.Hash(secret) || props["tenant"] != tenant || props["role"] != "partner" {
		t.Fatalf("stored key = %v", props)
	}
	got, err := s.KeyByHash(ctx, apikey.Hash(secret))
	if err != nil || got == nil || got.ID != k.ID || got.Tenant != tenant || got.Role != apikey.Partner ||
		len(got.Systems) != 1 || got.Systems[0] != "shopify" || !got.CreatedAt.Equal(k.CreatedAt) || !got.Active() {
		t.Fatalf("KeyByHash = %+v, %v", got, err)
	}
	if got, err := s.KeyByHash(ctx, apikey.Hash(apikey.NewSecret())); err != nil || got != nil {
		t.Fatalf("an unknown secret found %+v, %v", got, err)
	}
	// The same secret twice is refused by the unique hash.
	dup := apikey.Key{ID: apikey.NewID(), Tenant: tenant, Role: apikey.Admin, CreatedAt: time.Now()}
	if err := s.CreateKey(ctx, dup, apikey.Hash(secret)); err == nil {
		t.Fatal("a second key with the same hash was stored")
	}
}

func TestKeysListedPerTenantAndDeletedWithIt(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	a, b := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	ka, _ := newKey(t, s, a, apikey.Reader)
	newKey(t, s, b, apikey.Admin)
	list, err := s.Keys(ctx, a)
	if err != nil || len(list) != 1 || list[0].ID != ka.ID {
		t.Fatalf("keys of %s = %+v, %v", a, list, err)
	}
	if _, err := s.DeleteTenant(ctx, a); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Keys(ctx, a); len(list) != 0 {
		t.Fatalf("keys outlived their tenant: %+v", list)
	}
	if list, _ := s.Keys(ctx, b); len(list) != 1 {
		t.Fatalf("deleting %s took %s's keys: %+v", a, b, list)
	}
}

func TestCheckerRemembersForTTLAndForgetsOnRevoke(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	tenant := neo4jtest.Tenant(t)
	now := time.Now()
	c := apikey.NewChecker(s, 10*time.Second)
	c.Now = func() time.Time { return now }

	if _, err := c.Check(ctx, apikey.NewSecret()); !errors.Is(err, apikey.ErrUnknown) {
		t.Fatalf("unknown secret: %v", err)
	}
	if _, err := c.Check(ctx, "seam_guess"); !errors.Is(err, apikey.ErrUnknown) {
		t.Fatalf("malformed secret: %v", err)
	}

	// Revoked by another process (straight in the store): trusted until the TTL ends.
	k, secret := newKey(t, s, tenant, apikey.Reader)
	if got, err := c.Check(ctx, secret); err != nil || got.ID != k.ID || got.Tenant != tenant {
		t.Fatalf("Check = %+v, %v", got, err)
	}
	if _, err := s.RevokeKey(ctx, k.ID, now); err != nil {
		t.Fatal(err)
	}
	now = now.Add(9 * time.Second)
	if _, err := c.Check(ctx, secret); err != nil {
		t.Fatalf("within the TTL the remembered key should still pass: %v", err)
	}
	now = now.Add(2 * time.Second)
	if _, err := c.Check(ctx, secret); !errors.Is(err, apikey.ErrRevoked) {
		t.Fatalf("after the TTL a revoked key passed: %v", err)
	}

	// Revoked through this checker: refused at once.
	k2, secret2 := newKey(t, s, tenant, apikey.Admin)
	if _, err := c.Check(ctx, secret2); err != nil {
		t.Fatal(err)
	}
	got, err := c.Revoke(ctx, k2.ID)
	if err != nil || got.RevokedAt.IsZero() {
		t.Fatalf("Revoke = %+v, %v", got, err)
	}
	if _, err := c.Check(ctx, secret2); !errors.Is(err, apikey.ErrRevoked) {
		t.Fatalf("a key revoked here still passed: %v", err)
	}
	if _, err := c.Revoke(ctx, "key_nope"); !errors.Is(err, apikey.ErrNotFound) {
		t.Fatalf("revoking an unknown id: %v", err)
	}
}
