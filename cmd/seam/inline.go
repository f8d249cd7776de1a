package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// inlineStore stores a live webhook's documents and resolves them in the same Neo4j
// transaction, on the request's goroutine (resolver.Worker.SaveAndResolve). Stored and
// then resolved by the worker, an order took two transactions, two commits and a
// hand-over between goroutines before its movement reached Redis and the subscribers;
// those were a quarter of the webhook-to-subscriber time on an idle machine, and each
// commit is a chance to meet Neo4j's slow moments, which make the p99.
//
// Only small deliveries from webhooks take this way: a file, a replay or an MQTT reading
// is stored as before, so that a bulk import never resolves inside one request. A
// tenant holding channel reservations takes the ordinary way (reservations are handed
// over before the resolution's transaction), and so does a delivery whose resolution
// fails: it is stored the ordinary way and the worker resolves it, setting aside what
// cannot be resolved, exactly as before. A store that is away fails the request, which
// the sender retries, as a failed save always did.
//
// Under a flood the ordinary way is also the faster one: the worker resolves many
// deliveries in one batch, while each inline attempt is a transaction of its own that
// holds its request's place (http.maxWebhooks) until it commits. So at most slots
// attempts run at once, one per core the server has; a delivery that finds them all
// taken is stored the ordinary way at once, as it was before inline resolution.
type inlineStore struct {
	connectors.DocumentStore
	worker *resolver.Worker
	log    *slog.Logger
	slots  chan struct{}
	budget time.Duration // of an attempt; see Config.HTTP.InlineBudget
}

// newInlineStore wraps docs so that small webhook deliveries are resolved in their
// request, at most max(2, GOMAXPROCS) at once, each within budget (0: inlineBudget).
func newInlineStore(docs connectors.DocumentStore, worker *resolver.Worker, log *slog.Logger, budget time.Duration) inlineStore {
	if budget <= 0 {
		budget = inlineBudget
	}
	return inlineStore{DocumentStore: docs, worker: worker, log: log,
		slots: make(chan struct{}, max(2, runtime.GOMAXPROCS(0))), budget: budget}
}

// inlineMax is the most documents one delivery may hold to be resolved in its request;
// a webhook carries one order, a few at most.
const inlineMax = 16

// documentSaver is the resolution transaction's save (neo4jstore's resolution Tx).
type documentSaver interface {
	SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]neo4jstore.Outcome, error)
}

// SaveResolved implements connectors.ResolvingStore.
func (s inlineStore) SaveResolved(ctx context.Context, envs []ontology.Envelope) ([]connectors.Outcome, bool, error) {
	tenant, ok := inlineTenant(envs)
	if !ok {
		out, err := s.SaveDocuments(ctx, envs)
		return out, false, err
	}
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	default:
		out, err := s.SaveDocuments(ctx, envs)
		return out, false, err
	}
	// The attempt has a budget of its own, well inside the request's: the tenant's lock
	// may be held elsewhere (another process's batch, a decision, a count), which a plain
	// save never waits for, and the sender must not be refused for it.
	budget := s.budget
	if dl, ok := ctx.Deadline(); ok {
		budget = min(budget, time.Until(dl)/2)
	}
	ictx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	var out []connectors.Outcome
	_, err := s.worker.SaveAndResolve(ictx, tenant, func(ctx context.Context, tx resolver.Tx) ([]string, error) {
		saver, ok := tx.(documentSaver)
		if !ok {
			return nil, fmt.Errorf("the store's resolution transaction cannot save documents (%T)", tx)
		}
		got, err := saver.SaveDocuments(ctx, envs)
		if err != nil {
			return nil, err
		}
		out = got
		uids := make([]string, 0, len(envs))
		for i, o := range got {
			if o == neo4jstore.OutcomeNew || o == neo4jstore.OutcomeUpdated {
				uids = append(uids, envs[i].Doc.Key.UID())
			}
		}
		return uids, nil
	})
	switch {
	case err == nil:
		return out, true, nil
	case ctx.Err() != nil:
		return nil, false, err
	case ictx.Err() != nil:
		// Out of its budget (the lock held elsewhere, a slow moment): stored the
		// ordinary way.
		s.log.Info("a webhook's resolution in its request ran out of time; storing it for the worker",
			"tenant", tenant, "documents", len(envs), "budget", budget)
		tried := out
		out, err = s.SaveDocuments(ctx, envs)
		if err == nil {
			// Had the attempt committed after all, the save found duplicates, which
			// the intake announces to nobody: the worker projects what it resolved.
			s.worker.Notify(tenant)
			out = committedOutcomes(tried, out)
		}
		return out, false, err
	case errors.Is(err, neo4jstore.ErrUnavailable):
		return nil, false, err
	case !errors.Is(err, resolver.ErrNotInline):
		s.log.Warn("resolving a webhook's documents in its request failed; storing them for the worker",
			"tenant", tenant, "documents", len(envs), "err", err)
	}
	// The intake announces the documents stored: a second announcement here could
	// start an empty pass of the worker beside the next webhook.
	out, err = s.SaveDocuments(ctx, envs)
	return out, false, err
}

// inlineBudget bounds a webhook's resolution in its request by default; past it the
// documents are stored the ordinary way. An idle tenant's takes a few milliseconds.
const inlineBudget = time.Second

// inlineTenant returns the tenant of a delivery that may be resolved in its request:
// few documents, all from a webhook, of one tenant, each key once, none carrying
// sensor readings (readingTap hands those to the alerts beside the save).
func inlineTenant(envs []ontology.Envelope) (string, bool) {
	if len(envs) == 0 || len(envs) > inlineMax {
		return "", false
	}
	tenant := envs[0].Doc.Key.Tenant
	seen := make(map[string]bool, len(envs))
	for _, e := range envs {
		uid := e.Doc.Key.UID()
		if e.Via != "webhook" || e.Doc.Key.Tenant != tenant || len(e.Doc.Readings) > 0 || seen[uid] {
			return "", false
		}
		seen[uid] = true
	}
	return tenant, true
}

// committedOutcomes is what storing a delivery did when its resolution in the request
// ran out of time and the plain save followed: tried are the outcomes the attempt's save
// saw, saved the plain save's. An attempt may commit just as its budget ends; the plain
// save then finds its own documents stored and says duplicate, which would answer a
// first delivery "duplicate". Where the attempt saw a document new or updated and the
// plain save found it stored as it is, the attempt's outcome stands.
func committedOutcomes(tried, saved []connectors.Outcome) []connectors.Outcome {
	if len(tried) != len(saved) {
		return saved
	}
	out := slices.Clone(saved)
	for i, o := range saved {
		if o == neo4jstore.OutcomeDuplicate && (tried[i] == neo4jstore.OutcomeNew || tried[i] == neo4jstore.OutcomeUpdated) {
			out[i] = tried[i]
		}
	}
	return out
}
