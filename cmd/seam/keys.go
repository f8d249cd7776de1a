package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/seamhub/seam/ontology/apikey"
)

const keysUsage = "usage: seam keys create --tenant T --role reader|partner|finance|operator|admin [--name N] [--systems s1,s2]\n" +
	"       seam keys list [--tenant T]\n" +
	"       seam keys revoke ID"

// keyStore is what the keys command needs of the store.
type keyStore interface {
	CreateKey(ctx context.Context, k apikey.Key, hash string) error
	Keys(ctx context.Context, tenant string) ([]apikey.Key, error)
}

// openKeys opens the app for commands that need only Neo4j (with its schema).
func openKeys(ctx context.Context, cfg Config, log *slog.Logger) (*App, error) {
	app, err := Open(cfg, log)
	if err != nil {
		return nil, err
	}
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	err = app.store.WaitReady(wctx)
	if err == nil {
		err = app.Migrate(wctx)
	}
	if err != nil {
		app.Close(ctx)
		return nil, err
	}
	return app, nil
}

func runKeys(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError{keysUsage}
	}
	fs := newFlags("keys "+args[0], stdout)
	tenant := fs.String("tenant", "", "tenant the key belongs to (create: required; list: only this tenant)")
	role := fs.String("role", "", "reader, partner, finance or admin (create)")
	name := fs.String("name", "", "whose key it is; decisions made with it are recorded under this name (create)")
	systems := fs.String("systems", "", "comma-separated source systems a partner key may read (create)")
	switch args[0] {
	case "create", "list", "revoke":
	default:
		return usageError{keysUsage}
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	var req keyRequest
	switch args[0] {
	case "create":
		var err error
		if req, err = parseKeyRequest(*tenant, *role, *name, *systems); err != nil {
			return err
		}
	case "revoke":
		if fs.NArg() != 1 {
			return usageError{keysUsage}
		}
	}
	app, err := openKeys(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	switch args[0] {
	case "create":
		k, secret, err := createKey(ctx, app.store, req, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "id:      %s\ntenant:  %s\nrole:    %s\n", k.ID, k.Tenant, k.Role)
		if k.Name != "" {
			fmt.Fprintf(stdout, "name:    %s\n", k.Name)
		}
		if len(k.Systems) > 0 {
			fmt.Fprintf(stdout, "systems: %s\n", strings.Join(k.Systems, ","))
		}
		fmt.Fprintln(stdout, "Keep the key below now: Seam stores only its hash and cannot show it again.")
		fmt.Fprintln(stdout, secret)
		return nil
	case "list":
		return listKeys(ctx, app.store, *tenant, stdout)
	}
	k, err := app.keys.Revoke(ctx, fs.Arg(0))
	if errors.Is(err, apikey.ErrNotFound) {
		return fmt.Errorf("no API key has id %q (see seam keys list)", fs.Arg(0))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "revoked %s (tenant %s, role %s) at %s; running servers refuse it within %s\n",
		k.ID, k.Tenant, k.Role, k.RevokedAt.Format(time.RFC3339), keyCacheTTL(cfg))
	return nil
}

func keyCacheTTL(cfg Config) time.Duration {
	if cfg.KeyCacheTTL > 0 {
		return cfg.KeyCacheTTL
	}
	return apikey.DefaultTTL
}

// keyRequest is a checked `seam keys create`.
type keyRequest struct {
	tenant  string
	role    apikey.Role
	name    string
	systems []string
}

func parseKeyRequest(tenant, role, name, systems string) (keyRequest, error) {
	if !apikey.ValidTenant(tenant) {
		return keyRequest{}, usageError{fmt.Sprintf("--tenant %q: lower-case letters, digits, - and _ (at most 63)\n%s", tenant, keysUsage)}
	}
	r, err := apikey.ParseRole(role)
	if err != nil {
		return keyRequest{}, usageError{"--role: " + err.Error()}
	}
	req := keyRequest{tenant: tenant, role: r, name: strings.TrimSpace(name)}
	for _, s := range strings.Split(systems, ",") {
		if s = strings.TrimSpace(s); s != "" {
			req.systems = append(req.systems, s)
		}
	}
	switch {
	case r == apikey.Partner && len(req.systems) == 0:
		return keyRequest{}, usageError{"a partner key needs --systems: the source systems it may read"}
	case r != apikey.Partner && len(req.systems) > 0:
		return keyRequest{}, usageError{"--systems limits partner keys only; a " + string(r) + " key reads every system"}
	}
	return req, nil
}

// createKey makes a key and stores its hash. It returns the secret, which exists nowhere
// else from then on. `seam keys create` and the tests' keys both come through here.
func createKey(ctx context.Context, store keyStore, req keyRequest, now time.Time) (apikey.Key, string, error) {
	secret := apikey.NewSecret()
	k := apikey.Key{ID: apikey.NewID(), Tenant: req.tenant, Role: req.role, Name: req.name, Systems: req.systems,
		CreatedAt: now.UTC()}
	if err := store.CreateKey(ctx, k, apikey.Hash(secret)); err != nil {
		return apikey.Key{}, "", err
	}
	return k, secret, nil
}

func listKeys(ctx context.Context, store keyStore, tenant string, stdout io.Writer) error {
	keys, err := store.Keys(ctx, tenant)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTENANT\tROLE\tNAME\tSYSTEMS\tCREATED\tREVOKED")
	for _, k := range keys {
		revoked := "-"
		if !k.Active() {
			revoked = k.RevokedAt.Format(time.RFC3339)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Tenant, k.Role, orDash(k.Name),
			orDash(strings.Join(k.Systems, ",")), k.CreatedAt.Format(time.RFC3339), revoked)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d keys\n", len(keys))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
