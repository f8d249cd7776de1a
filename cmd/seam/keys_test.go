package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
)

// adminKeys holds one admin key per tenant for the test binary's run. Every test has
// tenants of its own, so this only spares minting a key for every query.
var adminKeys sync.Map // tenant -> secret

func adminKey(t *testing.T, tenant string) string {
	t.Helper()
	if k, ok := adminKeys.Load(tenant); ok {
		return k.(string)
	}
	k := mintKey(t, tenant, "admin")
	adminKeys.Store(tenant, k)
	return k
}

// mintKey runs `seam keys create` and returns the key from the last line of its output.
func mintKey(t *testing.T, tenant, role string, flags ...string) string {
	t.Helper()
	var out bytes.Buffer
	args := append([]string{"keys", "create", "--tenant", tenant, "--role", role}, flags...)
	if err := Run(context.Background(), args, os.Getenv, &out, io.Discard); err != nil {
		t.Fatalf("seam %s: %v", strings.Join(args, " "), err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	return lines[len(lines)-1]
}

// keyID finds the id of the tenant's only key of a role through `seam keys list`.
func keyID(t *testing.T, tenant, role string) string {
	t.Helper()
	var out bytes.Buffer
	if err := Run(context.Background(), []string{"keys", "list", "--tenant", tenant}, os.Getenv, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		if len(f) > 3 && f[2] == role && f[len(f)-1] == "-" {
			if id != "" {
				t.Fatalf("two active %s keys of %s:\n%s", role, tenant, out.String())
			}
			id = f[0]
		}
	}
	if id == "" {
		t.Fatalf("no active %s key of %s:\n%s", role, tenant, out.String())
	}
	return id
}

// TestKeysCommand: the key is alone on the last line of `seam keys create`, and listed
// keys never show it.
func TestKeysCommand(t *testing.T) {
	neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := Run(ctx, []string{"keys", "create", "--tenant", tenant, "--role", "partner", "--systems", "shopify, square", "--name", "acme connector"},
		os.Getenv, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	secret := lines[len(lines)-1]
	if !strings.HasPrefix(secret, "seam_") || strings.Contains(secret, " ") || !strings.Contains(out.String(), "role:    partner") ||
		!strings.Contains(out.String(), "systems: shopify,square") {
		t.Fatalf("create printed:\n%s", out.String())
	}
	out.Reset()
	if err := Run(ctx, []string{"keys", "list", "--tenant", tenant}, os.Getenv, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), secret[5:]) || !strings.Contains(out.String(), "acme connector") || !strings.Contains(out.String(), "1 keys") {
		t.Fatalf("list printed:\n%s", out.String())
	}
	for _, bad := range [][]string{
		{"keys", "create", "--tenant", tenant, "--role", "root"},
		{"keys", "create", "--tenant", "Not/A/Tenant", "--role", "admin"},
		{"keys", "create", "--tenant", tenant, "--role", "partner"},
		{"keys", "create", "--tenant", tenant, "--role", "reader", "--systems", "shopify"},
		{"keys", "revoke"},
		{"keys", "rotate"},
	} {
		if err := Run(ctx, bad, os.Getenv, io.Discard, io.Discard); exitCode(err) != 2 {
			t.Errorf("seam %s: %v (exit %d), want a usage error", strings.Join(bad, " "), err, exitCode(err))
		}
	}
	if err := Run(ctx, []string{"keys", "revoke", "key_nope"}, os.Getenv, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "no API key") {
		t.Errorf("revoking an unknown id: %v", err)
	}
}
