package neo4jstore

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// AsStoredBeforeVersions turns a stored document into what SaveDocuments wrote before
// every version was kept (schema v5 and earlier): no version count, no clock, no
// DocumentVersion nodes, and version telling how many versions had arrived.
func (s *Store) AsStoredBeforeVersions(ctx context.Context, key ontology.DocKey, version int64) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MATCH (d:SourceDocument {uid: $uid})
OPTIONAL MATCH (d)-[:HAS_VERSION]->(v:DocumentVersion)
DETACH DELETE v
WITH DISTINCT d
SET d.version = $version
REMOVE d.versions, d.sourceTime, d.sourceVersion`, map[string]any{"uid": key.UID(), "version": version})
	})
	return err
}

// StoredKeyProps returns every property of the ApiKey node with that id, exactly as
// Neo4j holds it, so that a test can prove what is (not) kept at rest.
func StoredKeyProps(ctx context.Context, s *Store, id string) (map[string]any, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]any, error) {
		recs, err := run(ctx, tx, "MATCH (k:ApiKey {id: $id}) RETURN k", map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		return get[neo4j.Node](recs[0], "k").Props, nil
	})
}

// PendingPlan runs the query resolution reads its next batch with under PROFILE and
// returns the operators of its plan and the database hits of all of them, so that a
// test can prove a batch reads its page and not the whole backlog.
func PendingPlan(ctx context.Context, s *Store, tenant string, limit int) (ops []string, dbHits int64, err error) {
	ops, dbHits, _, err = profile(ctx, s, pendingPage, map[string]any{"tenant": tenant, "limit": limit})
	return ops, dbHits, err
}

// PendingLockingPlan is PendingPlan for the read that takes the tenant's resolution
// lock first (the lock of a test tenant of its own, so no resolution waits for it), and
// returns the uids it read.
func PendingLockingPlan(ctx context.Context, s *Store, tenant string, limit int) (ops []string, dbHits int64, uids []string, err error) {
	_, err = write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		var recs []*neo4j.Record
		ops, dbHits, recs, err = profileIn(ctx, tx, pendingPageLocking, map[string]any{"tenant": tenant, "limit": limit, "lock": "test/" + tenant})
		uids = nil
		for _, r := range recs {
			uids = append(uids, get[string](r, "uid"))
		}
		return struct{}{}, err
	})
	return ops, dbHits, uids, err
}

// LocationAliasesPlan runs the start-up read of every tenant's location aliases under
// PROFILE and returns its plan's operators and database hits, so that a test can prove
// it seeks the kind index and does not read every alias (party aliases included).
func LocationAliasesPlan(ctx context.Context, s *Store) (ops []string, dbHits int64, err error) {
	ops, dbHits, _, err = profile(ctx, s, allLocationAliases, nil)
	return ops, dbHits, err
}

// LotStockPlan runs the query planning sums the lots on hand with under PROFILE and
// returns its database hits and what it found, lot by lot ("sku/location/lot"), so that a
// test can prove the sum reads a place's lot movements and not all of its movements.
func LotStockPlan(ctx context.Context, s *Store, tenant string, places []inventory.Place) (dbHits int64, lots map[string]int64, err error) {
	_, dbHits, recs, err := profile(ctx, s, lotStockCypher, lotStockParams(tenant, places, nil))
	lots = map[string]int64{}
	for _, r := range recs {
		balances, _ := r.Get("balances")
		for _, raw := range balances.([]any) {
			b := raw.(map[string]any)
			if q, _ := b["qty"].(int64); q > 0 {
				lots[str(b["sku"])+"/"+str(b["location"])+"/"+str(b["lot"])] = q
			}
		}
	}
	return dbHits, lots, err
}

// profile runs cypher under PROFILE and returns its plan's operators, their database
// hits and the records.
func profile(ctx context.Context, s *Store, cypher string, params map[string]any) (ops []string, dbHits int64, recs []*neo4j.Record, err error) {
	_, err = read(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		var err error
		ops, dbHits, recs, err = profileIn(ctx, tx, cypher, params)
		return struct{}{}, err
	})
	return ops, dbHits, recs, err
}

// profileIn is profile inside a transaction of the caller's.
func profileIn(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (ops []string, dbHits int64, recs []*neo4j.Record, err error) {
	res, err := tx.Run(ctx, "PROFILE "+cypher, params)
	if err != nil {
		return nil, 0, nil, err
	}
	if recs, err = res.Collect(ctx); err != nil {
		return nil, 0, nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, 0, nil, err
	}
	var walk func(p neo4j.ProfiledPlan)
	walk = func(p neo4j.ProfiledPlan) {
		ops = append(ops, p.Operator())
		dbHits += p.DbHits()
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(sum.Profile())
	return ops, dbHits, recs, nil
}

// RefillLotBalances drops a tenant's lot balances and fills them again from its
// movements with the statement of the schema v68 migration, as a database written before
// v68 gets them.
func RefillLotBalances(ctx context.Context, s *Store, tenant string) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, "MATCH (b:LotBalance {tenant: $tenant}) DELETE b", map[string]any{"tenant": tenant})
	})
	if err != nil {
		return err
	}
	return s.runData(ctx, lotBalanceFill("m.tenant = $tenant"), map[string]any{"tenant": tenant})
}

// MentionsPlan runs the lookup of the events whose documents' notes name keys under
// PROFILE and returns its database hits and what it found.
func MentionsPlan(ctx context.Context, s *Store, tenant string, keys []string) (dbHits int64, events map[string][]string, err error) {
	_, dbHits, recs, err := profile(ctx, s, candidatesCypher, candidatesParams(tenant, nil, keys, nil, 64))
	events = map[string][]string{}
	for _, r := range recs {
		if get[string](r, "via") != "mention" {
			continue
		}
		evs, _ := r.Get("events")
		for _, e := range evs.([]any) {
			events[get[string](r, "k")] = append(events[get[string](r, "k")], e.(string))
		}
	}
	return dbHits, events, err
}

// TestMove is one event with its one movement, for WriteMoves.
type TestMove struct {
	Event, Kind, SKU, Location, Reason string
	Qty                                int64
	At                                 time.Time
}

// WriteMoves writes events, each with its on-hand movement, in the shape resolution
// leaves them (event, movement, MOVES), and nothing else: a fixture for the plans of
// the queries that read movements with their events.
func WriteMoves(ctx context.Context, s *Store, tenant string, moves []TestMove) error {
	rows := make([]map[string]any, len(moves))
	for i, m := range moves {
		rows[i] = map[string]any{"event": m.Event, "kind": m.Kind, "sku": m.SKU, "location": m.Location,
			"reason": m.Reason, "qty": m.Qty, "at": m.At.UTC()}
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
UNWIND $rows AS r
CREATE (e:BusinessEvent {id: r.event, tenant: $tenant, kind: r.kind, occurredAt: r.at})
CREATE (e)-[:MOVES]->(:Movement {id: r.event + ':1', tenant: $tenant, eventId: r.event, sku: r.sku,
       location: r.location, lot: '', bucket: 'onHand', qty: r.qty, at: r.at, reason: r.reason})`,
			map[string]any{"rows": rows, "tenant": tenant})
	})
	return err
}

// ConsumptionPlan runs Consumption's query under PROFILE and returns its operators,
// database hits and answer by location.
func ConsumptionPlan(ctx context.Context, s *Store, tenant, sku string, since time.Time) (ops []string, dbHits int64, consumed map[string]int64, err error) {
	ops, dbHits, recs, err := profile(ctx, s, consumptionCypher, consumptionParams(tenant, sku, since))
	consumed = map[string]int64{}
	for _, r := range recs {
		consumed[get[string](r, "location")] = get[int64](r, "consumed")
	}
	return ops, dbHits, consumed, err
}

// ReplenishmentsPlan runs Replenishments' query under PROFILE and returns its operators
// and database hits.
func ReplenishmentsPlan(ctx context.Context, s *Store, tenant, sku string) (ops []string, dbHits int64, err error) {
	ops, dbHits, _, err = profile(ctx, s, replenishmentsCypher, map[string]any{"tenant": tenant, "sku": sku, "location": "", "first": 3})
	return ops, dbHits, err
}

// WriteSteps runs writeSteps in one transaction over these statements and their rows,
// with $tenant set.
func WriteSteps(ctx context.Context, s *Store, tenant string, cyphers []string, rows [][]map[string]any) error {
	steps := make([]writeStep, len(cyphers))
	for i := range cyphers {
		steps[i] = writeStep{cypher: cyphers[i], rows: rows[i]}
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, writeSteps(ctx, tx, steps, map[string]any{"tenant": tenant})
	})
	return err
}

// ResolutionStatements returns the statements Apply sends to write ch, in order,
// captured without a database.
func ResolutionStatements(ch *resolver.Changes) []string {
	c := &capturingTx{}
	rt := &resolutionTx{tx: c, tenant: ch.Tenant, now: time.Now}
	_ = rt.Apply(context.Background(), ch)
	return c.sent
}

// WarmStatements returns the statements WarmResolution sends, captured without a
// database.
func WarmStatements() []string {
	c := &capturingTx{}
	_ = warmResolution(context.Background(), c, time.Now())
	return c.sent
}

// capturingTx records the statements run in it and runs none.
type capturingTx struct {
	neo4j.ManagedTransaction
	sent []string
}

func (c *capturingTx) Run(_ context.Context, cypher string, _ map[string]any) (neo4j.ResultWithContext, error) {
	c.sent = append(c.sent, cypher)
	return &emptyResult{}, nil
}

// emptyResult is a statement's result without records.
type emptyResult struct{ neo4j.ResultWithContext }

func (emptyResult) Consume(context.Context) (neo4j.ResultSummary, error) { return nil, nil }

// ReadProps returns the properties of the nodes with label and tenant.
func ReadProps(ctx context.Context, s *Store, label, tenant string) ([]map[string]any, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]map[string]any, error) {
		recs, err := run(ctx, tx, "MATCH (n {tenant: $tenant}) WHERE $label IN labels(n) RETURN n", map[string]any{"tenant": tenant, "label": label})
		if err != nil {
			return nil, err
		}
		var out []map[string]any
		for _, r := range recs {
			out = append(out, get[neo4j.Node](r, "n").Props)
		}
		return out, nil
	})
}

// DeleteLabelled deletes the nodes with label and tenant.
func DeleteLabelled(ctx context.Context, s *Store, label, tenant string) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, "MATCH (n {tenant: $tenant}) WHERE $label IN labels(n) DETACH DELETE n", map[string]any{"tenant": tenant, "label": label})
	})
	return err
}

// WriteEventMoves writes one event with n on-hand movements of one product, in the
// shape resolution leaves them (event, movements, MOVES).
func WriteEventMoves(ctx context.Context, s *Store, tenant, event string, n int) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
CREATE (e:BusinessEvent {id: $event, tenant: $tenant, kind: 'sale', status: 'open', occurredAt: datetime()})
WITH e
UNWIND range(1, $n) AS i
CREATE (e)-[:MOVES]->(:Movement {id: $event + ':' + i, tenant: $tenant, eventId: $event, sku: 'TEA',
       location: 'STORE', lot: '', bucket: 'onHand', qty: -1, at: datetime()})`,
			map[string]any{"event": event, "tenant": tenant, "n": n})
	})
	return err
}

// EventsPlan runs the statement of Events (moves) or EventMembers (!moves) under
// PROFILE and returns its database hits and each event's movement count (seq).
func EventsPlan(ctx context.Context, s *Store, tenant string, ids []string, moves bool) (dbHits int64, seq map[string]int64, err error) {
	_, dbHits, recs, err := profile(ctx, s, eventsCypher, map[string]any{"ids": ids, "tenant": tenant, "moves": moves})
	seq = map[string]int64{}
	for _, r := range recs {
		seq[get[map[string]any](r, "e")["id"].(string)] = get[int64](r, "seq")
	}
	return dbHits, seq, err
}

// KeptLotPlaces lists the places whose lot balances s keeps for tenant's next batch.
func KeptLotPlaces(s *Store, tenant string) []inventory.Place {
	s.lots.mu.Lock()
	defer s.lots.mu.Unlock()
	kept := s.lots.tenants[tenant]
	if kept == nil {
		return nil
	}
	return slices.Collect(maps.Keys(kept.places))
}

// countingTx counts the statements run in a transaction.
type countingTx struct {
	neo4j.ManagedTransaction
	n *int
}

func (c countingTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	*c.n++
	return c.ManagedTransaction.Run(ctx, cypher, params)
}

// WithCountedTenantLock is s.WithTenantLock that also returns how many statements its
// transaction sent, the one that takes the lock among them.
func WithCountedTenantLock(ctx context.Context, s *Store, tenant string, fn func(ctx context.Context, tx resolver.Tx) error) (int, error) {
	var n int
	err := s.withTenantLock(ctx, tenant, func(tx neo4j.ManagedTransaction) neo4j.ManagedTransaction {
		n = 0 // a retried attempt counts afresh
		return countingTx{tx, &n}
	}, fn)
	return n, err
}

// PartyCandidatesHits runs the lookup of PartyCandidates under PROFILE, without the
// count of values it found crowded, and returns its database hits.
func PartyCandidatesHits(ctx context.Context, s *Store, tenant string, blocks []string) (int64, error) {
	_, hits, _, err := profile(ctx, s, partyCandidatesCypher, partyCandidatesParams(tenant, blocks))
	return hits, err
}

// KeyLinksOf lists a document's key and block links as "TYPE key identity mention"
// lines, sorted, one per relationship.
func KeyLinksOf(ctx context.Context, s *Store, tenant, doc string) ([]string, error) {
	return lines(ctx, s, `
MATCH (d:SourceDocument {uid: $doc, tenant: $tenant})-[h:HAS_KEY|NOTES_KEY|IN_BLOCK]->(k:Key)
RETURN type(h) + ' ' + k.uid + ' ' + coalesce(toString(h.identity), '-') + ' ' + coalesce(toString(h.mention), '-') AS line
ORDER BY line`, map[string]any{"doc": doc, "tenant": tenant})
}

// EvidenceOf lists the events a document evidences, as "event role decidedBy" lines,
// sorted, one per relationship.
func EvidenceOf(ctx context.Context, s *Store, tenant, doc string) ([]string, error) {
	return lines(ctx, s, `
MATCH (d:SourceDocument {uid: $doc, tenant: $tenant})-[l:EVIDENCES]->(e:BusinessEvent)
RETURN e.id + ' ' + l.role + ' ' + l.decidedBy AS line ORDER BY line`, map[string]any{"doc": doc, "tenant": tenant})
}

// lines runs a read whose records each hold one string, line.
func lines(ctx context.Context, s *Store, cypher string, params map[string]any) ([]string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]string, error) {
		recs, err := run(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		out := make([]string, 0, len(recs))
		for _, r := range recs {
			out = append(out, get[string](r, "line"))
		}
		return out, nil
	})
}

// KeyLinksHits writes ch's key and block links in a transaction rolled back, under
// PROFILE, and returns the database hits of each kind of operator over both steps.
func KeyLinksHits(ctx context.Context, s *Store, ch *resolver.Changes) (map[string]int64, error) {
	return rolledBackHits(ctx, s, func(tx neo4j.ManagedTransaction, hits map[string]int64) error {
		for _, st := range []writeStep{{keyLinksCypher, keyRows(ch, false)}, {blockLinksCypher, keyRows(ch, true)}} {
			if err := profiledHits(ctx, tx, st.cypher, map[string]any{"rows": st.rows, "tenant": ch.Tenant}, hits); err != nil {
				return err
			}
		}
		return nil
	})
}

// EvidenceLinksHits writes ch's events and links in a transaction rolled back, the
// links under PROFILE, and returns the links' database hits by kind of operator.
func EvidenceLinksHits(ctx context.Context, s *Store, ch *resolver.Changes) (map[string]int64, error) {
	return rolledBackHits(ctx, s, func(tx neo4j.ManagedTransaction, hits map[string]int64) error {
		params := resolutionParams(ch.Tenant, time.Now().UTC())
		events := resolutionSteps(ch.Tenant, ch)[0]
		if err := exec(ctx, tx, events.cypher, withParam(params, "rows", events.rows)); err != nil {
			return err
		}
		return profiledHits(ctx, tx, evidenceLinksCypher, withParam(params, "rows", linkRows(ch)), hits)
	})
}

// rolledBackHits runs fn in a write transaction it rolls back and returns the hits fn
// added up.
func rolledBackHits(ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction, hits map[string]int64) error) (map[string]int64, error) {
	hits := map[string]int64{}
	errRollback := errors.New("rolled back")
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		clear(hits) // fn may be retried
		if err := fn(tx, hits); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, errRollback
	})
	if !errors.Is(err, errRollback) {
		return nil, err
	}
	return hits, nil
}

// profiledHits runs cypher under PROFILE in tx and adds its database hits to hits by
// kind of operator.
func profiledHits(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, hits map[string]int64) error {
	res, err := tx.Run(ctx, "PROFILE "+cypher, params)
	if err != nil {
		return err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return err
	}
	var walk func(p neo4j.ProfiledPlan)
	walk = func(p neo4j.ProfiledPlan) {
		hits[strings.TrimSuffix(p.Operator(), "@neo4j")] += p.DbHits()
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(sum.Profile())
	return nil
}
