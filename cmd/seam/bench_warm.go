package main

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/seamhub/seam/ontology"
)

// A warm-up before the timed phases. Neo4j plans each statement the first time it
// sees its text and keeps the plan, and its JVM compiles the planner and the runtime's
// hot paths as they run: on a new server both together cost seconds per large
// statement, once in the server's life. Timed without a warm-up, a benchmark's first
// phase paid that and the next did not: on a Neo4j started empty, `seam bench ingest`
// wrote the ceiling's 20,058 documents in 29.8 s on its first run and in 4.9 s on the
// next, so the same build's ratio read 0.27 or 0.10 depending on which run it was.
// Both paths are now sent a sample of the run's own documents first, each into a
// throwaway tenant, untimed: the figures are the steady state a running server has,
// whichever run it is. `--warm=false` leaves the warm-up out.

// warmShare is the share of each kind of document a warm-up sends, and warmMax the
// most documents it sends in all: a kind's first fiftieth is about its first day of a
// month of data, which names what the rest will (orders, their shipments, payments),
// so that every statement the timed phase runs is planned.
const (
	warmShare = 50
	warmMax   = 600
)

// warmSample picks the documents a warm-up sends: of each system's kind of document,
// its first warmShare-th by external id (at least one), cut in proportion where they
// come to more than warmMax (each kind keeping one, so a few over it at most). The
// envelopes are copies; their documents share the originals' slices, which neither
// path changes.
func warmSample(envs []ontology.Envelope) []ontology.Envelope {
	byKind := map[[2]string][]ontology.Envelope{}
	for _, e := range envs {
		k := [2]string{e.Doc.Key.System, e.Doc.Key.Type}
		byKind[k] = append(byKind[k], e)
	}
	kinds := slices.SortedFunc(maps.Keys(byKind), func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	take := map[[2]string]int{}
	total := 0
	for _, k := range kinds {
		take[k] = max(1, len(byKind[k])/warmShare)
		total += take[k]
	}
	var out []ontology.Envelope
	for _, k := range kinds {
		docs := byKind[k]
		slices.SortFunc(docs, func(a, b ontology.Envelope) int { return cmp.Compare(a.Doc.Key.ExternalID, b.Doc.Key.ExternalID) })
		n := take[k]
		if total > warmMax {
			n = max(1, n*warmMax/total) // every kind keeps one
		}
		out = append(out, docs[:n]...)
	}
	return out
}

// warmBench sends sample through the ceiling's plain write into ceilingTenant and through
// the measured path's store and resolution (ledger and projection included) into
// tenant, and drops both tenants. dir is the data folder, for its master data.
func warmBench(ctx context.Context, app *App, dir string, sample []ontology.Envelope, ceilingTenant, tenant string) (time.Duration, error) {
	start := time.Now()
	defer dropTenant(ctx, app, ceilingTenant)
	defer dropTenant(ctx, app, tenant)
	plain := withTenant(sample, ceilingTenant)
	if err := app.store.WritePlain(ctx, plain); err != nil {
		return 0, fmt.Errorf("warming the ceiling's write: %w", err)
	}
	worker, err := benchWorker(app, dir, tenant)
	if err != nil {
		return 0, err
	}
	if _, err := app.store.SaveDocuments(ctx, withTenant(sample, tenant)); err != nil {
		return 0, fmt.Errorf("warming the store: %w", err)
	}
	if _, err := worker.Drain(ctx, tenant); err != nil {
		return 0, fmt.Errorf("warming resolution: %w", err)
	}
	return time.Since(start), nil
}

// withTenant returns copies of envs under tenant.
func withTenant(envs []ontology.Envelope, tenant string) []ontology.Envelope {
	out := slices.Clone(envs)
	for i := range out {
		out[i].Doc.Key.Tenant = tenant
	}
	return out
}
