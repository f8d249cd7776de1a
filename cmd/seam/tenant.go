package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/seamhub/seam/ontology/apikey"
)

const tenantUsage = "usage: seam tenant delete --tenant T --confirm T"

// invalidTenant says why name cannot name a tenant. Tenant names prefix the ids of what
// Seam stores ("acme/..."), so a '/' in one would make it overlap another tenant.
func invalidTenant(name string) string {
	return fmt.Sprintf("%q cannot name a tenant: lower-case letters, digits, '-' and '_', at most 63, starting with a letter or digit", name)
}

// runTenant administers whole tenants. Its one subcommand, delete, removes everything
// Seam holds for a tenant: every node in Neo4j (documents with their raw bytes, events,
// movements, parties, alerts, reservations, API keys) and every Redis key (live stock,
// reservations, sensor states). It is for a customer who leaves and for a test tenant
// set up by hand; the tenant's name is given twice so that a slip of the shell's history
// cannot delete a tenant. Deleting is not undone: export first what must be kept.
func runTenant(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "delete" {
		return usageError{tenantUsage}
	}
	fs := newFlags("tenant delete", stdout)
	tenant := fs.String("tenant", "", "the tenant to delete (required)")
	confirm := fs.String("confirm", "", "the tenant's name again (required)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	switch {
	case *tenant == "":
		return usageError{tenantUsage + ": --tenant is required"}
	case *confirm != *tenant:
		return usageError{fmt.Sprintf("%s: --confirm must repeat the tenant's name (%q), got %q", tenantUsage, *tenant, *confirm)}
	case fs.NArg() > 0:
		return usageError{fmt.Sprintf("%s: unexpected argument %q", tenantUsage, fs.Arg(0))}
	case !apikey.ValidTenant(*tenant):
		// A tenant's nodes are found by the "tenant/" prefix of their ids: a name with a
		// '/' would take another tenant's ("acme" and "acme/eu").
		return usageError{fmt.Sprintf("%s: %s", tenantUsage, invalidTenant(*tenant))}
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	start := time.Now()
	// Neo4j first: it is the truth. Were Redis then to fail, the keys left are a
	// projection of nothing, which the command run again removes.
	nodes, err := app.store.DeleteTenant(ctx, *tenant)
	if err != nil {
		return fmt.Errorf("deleting tenant %s from neo4j (%d nodes deleted so far; run the command again to finish): %w", *tenant, nodes, err)
	}
	keys, err := app.cache.DropTenant(ctx, *tenant)
	if err != nil {
		return fmt.Errorf("deleting tenant %s from redis (its %d neo4j nodes are deleted; run the command again to finish): %w", *tenant, nodes, err)
	}
	log.Info("tenant deleted", "tenant", *tenant, "nodes", nodes, "redisKeys", keys)
	fmt.Fprintf(stdout, "tenant %s deleted: %d nodes in neo4j, %d keys in redis, in %s\n",
		*tenant, nodes, keys, time.Since(start).Round(time.Millisecond))
	return nil
}
