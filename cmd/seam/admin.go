package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/mqtt"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// openReady opens the app and waits (bounded) for Neo4j and Redis.
func openReady(ctx context.Context, cfg Config, log *slog.Logger) (*App, error) {
	app, err := Open(cfg, log)
	if err != nil {
		return nil, err
	}
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := app.WaitReady(wctx); err != nil {
		app.Close(ctx)
		return nil, err
	}
	return app, nil
}

func runWait(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("wait", stdout)
	timeout := fs.Duration("timeout", 3*time.Minute, "give up after this long")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	app, err := Open(cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	start := time.Now()
	// A real Bolt handshake, not a sleep: the port opens before the database is usable.
	if err := app.store.WaitReady(ctx); err != nil {
		return err
	}
	if err := app.Migrate(ctx); err != nil {
		return err
	}
	app.ConnectMQTT(nil, nil)
	what := "neo4j, redis and mqtt"
	if !cfg.MQTTEnabled() {
		what = "neo4j and redis (mqtt off)"
	}
	for {
		c := app.Ready(ctx)
		if c.Neo4j == nil && c.Redis == nil && c.MQTT == nil {
			fmt.Fprintf(stdout, "%s ready after %s\n", what, time.Since(start).Round(100*time.Millisecond))
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("not ready after %s: neo4j=%v redis=%v mqtt=%v", *timeout, c.Neo4j, c.Redis, c.MQTT)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func runCache(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 || (args[0] != "rebuild" && args[0] != "verify") {
		return usageError{"usage: seam cache rebuild|verify [--tenant T]"}
	}
	fs := newFlags("cache "+args[0], stdout)
	tenant := fs.String("tenant", "", "only this tenant (default: every tenant)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	tenants := []string{*tenant}
	if *tenant == "" {
		if tenants, err = app.store.Tenants(ctx); err != nil {
			return err
		}
	}
	differ := 0
	for _, t := range tenants {
		switch args[0] {
		case "rebuild":
			n, err := app.projector.Rebuild(ctx, t)
			if err != nil {
				return fmt.Errorf("rebuilding %s: %w", t, err)
			}
			fmt.Fprintf(stdout, "%s: rebuilt %d cells from the ledger\n", t, n)
		case "verify":
			diffs, err := app.projector.Verify(ctx, t)
			if err != nil {
				return fmt.Errorf("verifying %s: %w", t, err)
			}
			for _, d := range diffs {
				fmt.Fprintf(stdout, "%s: %s @ %s lot %q: ledger %s, cache %s\n",
					t, d.Cell.SKU, d.Cell.Location, d.Cell.Lot, buckets(d.Ledger), buckets(d.Cache))
			}
			differ += len(diffs)
			held, err := app.reservations.Verify(ctx, t)
			if err != nil {
				return fmt.Errorf("verifying reservations of %s: %w", t, err)
			}
			for _, d := range held {
				fmt.Fprintf(stdout, "%s: reservation %s: ledger %s, cache %s\n", t, d.ID, reservationState(d.Ledger), reservationState(d.Cache))
			}
			differ += len(held)
			if len(diffs)+len(held) == 0 {
				fmt.Fprintf(stdout, "%s: cache equals the ledger\n", t)
			}
		}
	}
	if differ > 0 {
		return fmt.Errorf("%d cells differ; run `seam cache rebuild`", differ)
	}
	return nil
}

// buckets describes a cell's quantities for a verify report.
func buckets(s inventory.Stock) string {
	return fmt.Sprintf("onHand=%s reserved=%s incoming=%s inTransit=%s onHold=%s", s.OnHand, s.Reserved, s.Incoming, s.InTransit, s.OnHold)
}

// reservationState describes one side of a reservation difference.
func reservationState(r *inventory.Reservation) string {
	if r == nil {
		return "not live"
	}
	return fmt.Sprintf("%s %s of %s @ %s lot %q", r.Status, r.Qty, r.SKU, r.Location, r.Lot)
}

func runQuarantine(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "replay" && args[0] != "retry" && args[0] != "discard") {
		return usageError{"usage: seam quarantine list|replay|retry|discard --tenant T [--system S] [--type T] [--document UID] [--id ID]... [--before TIME] [--yes]"}
	}
	fs := newFlags("quarantine "+args[0], stdout)
	tenant := fs.String("tenant", "", "tenant (required)")
	system := fs.String("system", "", "only this source system")
	typ := fs.String("type", "", "only this document type")
	asJSON := fs.Bool("json", false, "print JSON lines instead of a table (list)")
	all := fs.Bool("all", false, "include items already replayed (list)")
	doc := fs.String("document", "", "retry only this set-aside document (its uid, as list shows it)")
	var ids repeatedFlag
	fs.Var(&ids, "id", "discard only this item (its id, as list shows it; repeat for more)")
	before := fs.String("before", "", "discard only items received before this time (RFC 3339, or a date)")
	yes := fs.Bool("yes", false, "discard: do it (without it, only say how many items would go)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *tenant == "" {
		return usageError{"--tenant is required"}
	}
	var cutoff time.Time
	if *before != "" {
		var err error
		if cutoff, err = parseCutoff(*before); err != nil {
			return usageError{fmt.Sprintf("--before %q: want a time such as 2026-12-01T00:00:00Z or a date such as 2026-12-01", *before)}
		}
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	f := ontology.QuarantineFilter{Tenant: *tenant, System: *system, Type: *typ, Status: "open", First: 500}
	if *all && args[0] == "list" {
		f.Status = ""
	}
	switch args[0] {
	case "list":
		if err := listQuarantine(ctx, app, f, *asJSON, stdout); err != nil {
			return err
		}
		return listSetAside(ctx, app, *tenant, *asJSON, stdout)
	case "retry":
		return retrySetAside(ctx, app, *tenant, *doc, stdout)
	case "discard":
		return discardQuarantine(ctx, app, f, ids, cutoff, *yes, stdout)
	}
	return replayQuarantine(ctx, app, f, stdout)
}

// discardQuarantine drops the bytes of open quarantined items an operator decided are
// junk (a device publishing to a tenant that does not exist, a test sender), keeping
// each item's record. Without yes it only counts them, so that a filter is seen to
// select what was meant before anything goes.
func discardQuarantine(ctx context.Context, app *App, f ontology.QuarantineFilter, ids []string, before time.Time, yes bool, stdout io.Writer) error {
	var idList []string // nil: no id filter
	if len(ids) > 0 {
		idList = ids
	}
	if !yes {
		n, err := app.store.CountDiscardable(ctx, f, idList, before)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d open items would be discarded; run again with --yes to discard them\n", n)
		return nil
	}
	n, err := app.store.DiscardQuarantined(ctx, f, idList, before, "seam quarantine discard")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d items discarded (their bytes dropped; `seam quarantine list --all` still shows them)\n", n)
	return nil
}

// parseCutoff reads a time as RFC 3339 or a date (midnight UTC).
func parseCutoff(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

// listSetAside prints the documents resolution set aside: stored and valid, but their
// resolution failed on its own (a bug, or data the resolver cannot handle yet).
func listSetAside(ctx context.Context, app *App, tenant string, asJSON bool, stdout io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	n, after := 0, ""
	for {
		docs, err := app.store.SetAsideDocuments(ctx, tenant, after, 500, nil)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if n == 0 && !asJSON {
				fmt.Fprintln(tw, "\nSET ASIDE BY RESOLUTION (retry with `seam quarantine retry`)")
				fmt.Fprintln(tw, "DOCUMENT\tRECEIVED\tSET ASIDE\tTIMES\tREASON")
			}
			n++
			if asJSON {
				b, _ := json.Marshal(map[string]any{"setAside": true, "document": d.UID, "system": d.Key.System,
					"type": d.Key.Type, "externalId": d.Key.ExternalID, "reason": d.Reason, "at": d.At,
					"receivedAt": d.ReceivedAt, "attempts": d.Attempts})
				fmt.Fprintln(stdout, string(b))
				continue
			}
			reason, _, _ := strings.Cut(d.Reason, "\n")
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", d.UID, d.ReceivedAt.Format(time.RFC3339), d.At.Format(time.RFC3339), d.Attempts, reason)
		}
		if len(docs) < 500 {
			break
		}
		after = docs[len(docs)-1].UID
	}
	if !asJSON && n > 0 {
		tw.Flush()
		fmt.Fprintf(stdout, "%d documents set aside\n", n)
	}
	return nil
}

// retrySetAside puts set-aside documents back in the resolution queue and resolves them
// now; those that fail again are set aside again, with the new reason.
func retrySetAside(ctx context.Context, app *App, tenant, doc string, stdout io.Writer) error {
	var uids []string
	if doc != "" {
		uids = []string{doc}
	}
	n, err := app.store.RetrySetAside(ctx, tenant, uids)
	if err != nil {
		return err
	}
	st, err := app.worker.Drain(ctx, tenant)
	if err != nil {
		return fmt.Errorf("resolving retried documents: %w", err)
	}
	fmt.Fprintf(stdout, "retried: %d requeued, %d resolved, %d set aside again\n", n, st.Documents-st.SetAside, st.SetAside)
	return nil
}

func listQuarantine(ctx context.Context, app *App, f ontology.QuarantineFilter, asJSON bool, stdout io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	if !asJSON {
		fmt.Fprintln(tw, "ID\tSYSTEM\tTYPE\tRECEIVED\tCOUNT\tSTATUS\tREASON")
	}
	n := 0
	for {
		items, err := app.store.QuarantineList(ctx, f)
		if err != nil {
			return err
		}
		for _, q := range items {
			n++
			if asJSON {
				b, _ := json.Marshal(q)
				fmt.Fprintln(stdout, string(b))
				continue
			}
			reason := ""
			if len(q.Problems) > 0 {
				reason = q.Problems[0].String()
				if len(q.Problems) > 1 {
					reason += fmt.Sprintf(" (+%d more)", len(q.Problems)-1)
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", q.ID, q.System, q.Type, q.ReceivedAt.Format(time.RFC3339), q.Count, q.Status, reason)
		}
		if len(items) < f.First {
			break
		}
		f.After = items[len(items)-1].ID
	}
	if !asJSON {
		tw.Flush()
		fmt.Fprintf(stdout, "%d items\n", n)
	}
	return nil
}

// replayQuarantine runs every open item through the current mappings again: what now
// maps and validates is stored (and marked replayed); what still fails keeps its place
// with the new reasons.
//
// The MQTT messages kept under mqtt.UnroutedTenant belong to no tenant: each is routed
// again by its topic with the current configuration (a tenant since listed under
// tenants, a Sparkplug group since mapped) and stored as that tenant's, or kept.
func replayQuarantine(ctx context.Context, app *App, f ontology.QuarantineFilter, stdout io.Writer) error {
	fixed, still := 0, 0
	tenants := map[string]bool{}
	router := mqtt.NewSubscriber(ctx, nil, app.cfg.MQTT.Sparkplug, nil)
	router.Tenants = app.cfg.mqttTenants()
	for {
		items, err := app.store.QuarantineList(ctx, f)
		if err != nil {
			return err
		}
		for _, q := range items {
			tenant := q.Tenant
			if tenant == mqtt.UnroutedTenant {
				t, _, err := router.Route(q.Topic)
				if err != nil {
					still++
					probs := []ontology.Problem{{Field: "topic", Rule: "route", Value: q.Topic, Message: err.Error()}}
					if err := app.store.UpdateQuarantineReasons(ctx, q.Tenant, q.ID, probs); err != nil {
						return err
					}
					continue
				}
				tenant = t
			}
			res, err := app.intake.Accept(ctx, []connectors.Payload{{
				Tenant: tenant, System: q.System, Type: q.Type, Raw: q.Raw, Format: q.Format, Via: "replay",
				Topic: q.Topic, Source: q.Source, ReceivedAt: q.ReceivedAt,
			}})
			if err != nil {
				return err
			}
			if res.Quarantined > 0 && tenant == q.Tenant {
				still++
				if err := app.store.UpdateQuarantineReasons(ctx, q.Tenant, q.ID, res.Problems); err != nil {
					return err
				}
				continue
			}
			if res.Quarantined > 0 {
				// Rerouted but refused: it is now quarantined as its tenant's, which sees
				// it there; the unrouted item is done.
				still++
				if err := app.store.MarkReplayed(ctx, q.Tenant, q.ID, ""); err != nil {
					return err
				}
				continue
			}
			uid := ""
			if len(res.Documents) > 0 {
				uid = res.Documents[0].UID()
			}
			if err := app.store.MarkReplayed(ctx, q.Tenant, q.ID, uid); err != nil {
				return err
			}
			fixed++
			tenants[tenant] = true
		}
		if len(items) < f.First {
			break
		}
		f.After = items[len(items)-1].ID
	}
	for t := range tenants {
		if _, err := app.worker.Drain(ctx, t); err != nil {
			return fmt.Errorf("resolving replayed documents: %w", err)
		}
	}
	fmt.Fprintf(stdout, "replayed: %d stored, %d still refused\n", fixed, still)
	return nil
}
