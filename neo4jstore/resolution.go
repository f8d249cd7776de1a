package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
	"github.com/seamhub/seam/resolver/compare"
)

var _ resolver.Store = (*Store)(nil)

// WithTenantLock runs fn in one write transaction that first takes the tenant's
// resolution lock: a write on one Lock node, which Neo4j holds until commit, so
// resolution of one tenant is serial across every process sharing the database. The
// lock is taken by the transaction's first statement, before it reads anything: by a
// statement of its own, or, when fn begins by reading the pending queue (a resolution
// batch), by that read, which saves a round trip on every live document.
func (s *Store) WithTenantLock(ctx context.Context, tenant string, fn func(ctx context.Context, tx resolver.Tx) error) error {
	return s.withTenantLock(ctx, tenant, nil, fn)
}

// withTenantLock is WithTenantLock with the transaction given to fn wrapped by wrap,
// when it is not nil (a test counts the statements a transaction runs).
func (s *Store) withTenantLock(ctx context.Context, tenant string, wrap func(neo4j.ManagedTransaction) neo4j.ManagedTransaction,
	fn func(ctx context.Context, tx resolver.Tx) error) error {
	var last *resolutionTx // the attempt that committed, when one did
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if wrap != nil {
			tx = wrap(tx)
		}
		lt := &lockingTx{ManagedTransaction: tx, name: tenantLock(tenant), tenant: tenant}
		last = &resolutionTx{tx: lt, lock: lt, tenant: tenant, now: s.Now, log: s.log, keeper: s.lots}
		return struct{}{}, fn(ctx, last)
	})
	if err == nil && last != nil && last.kept != nil {
		s.lots.put(tenant, last.kept)
	}
	return err
}

// lockingTx is a transaction that takes a lock before its first statement runs, unless
// that statement takes it itself (see first).
type lockingTx struct {
	neo4j.ManagedTransaction
	name   string
	locked bool
	// seq and epoch are the lock's count and epoch as this transaction took it, told by
	// the statement that took it (see told); told is false until one did. A batch whose
	// pending page came back empty was not told: the page's rows carry them.
	seq   int64
	epoch string
	told  bool
	// tenant is the tenant whose resolution the lock serialises.
	tenant string
	// apart and rejections say whether the tenant held, when the lock was taken, any
	// pair of parties people kept apart and any person's decision on documents; known
	// is false until a statement that took the lock told (as told). Every writer of
	// those decisions holds this lock (resolver.Matcher's decisions run under
	// WithTenantLock, and this transaction's own go through Apply, which sets them), so
	// while it is held a false one stays false, and the batch skips the read: a round
	// trip on every live webhook's path, for the few tenants with decisions only.
	apart, rejections, known bool
}

// Run runs a statement once the lock is held.
func (l *lockingTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	if err := l.take(ctx); err != nil {
		return nil, err
	}
	return l.ManagedTransaction.Run(ctx, cypher, params)
}

// take takes the lock with a statement of its own, unless it is held.
func (l *lockingTx) take(ctx context.Context) error {
	if l.locked {
		return nil
	}
	recs, err := run(ctx, l.ManagedTransaction, takeTenantLock, map[string]any{"name": l.name, "tenant": l.tenant})
	if err != nil {
		return err
	}
	l.locked = true
	if len(recs) == 1 {
		l.tell(recs[0])
	}
	return nil
}

// tell records the lock's seq and epoch from a record of the statement that took it,
// which names them lockSeq and lockEpoch.
func (l *lockingTx) tell(rec *neo4j.Record) {
	l.seq, l.epoch, l.told = get[int64](rec, "lockSeq"), get[string](rec, "lockEpoch"), true
	// Only a statement that took the lock says what decisions are held; a later read of
	// the seq (lockTold) does not, and must not undo what Apply set since.
	if _, ok := rec.Get("anyApart"); ok {
		l.apart, l.rejections, l.known = get[bool](rec, "anyApart"), get[bool](rec, "anyRejection"), true
	}
}

// noneHeld reports whether, by what the lock's statement told, the tenant has no
// decisions of the kind that flag reads (false when nothing told).
func (l *lockingTx) noneHeld(flag bool) bool { return l.known && !flag }

// takeLock takes the named lock for the rest of the transaction: a write to one node
// that every holder writes, so holders in any process take turns. Each holder counts
// itself in the lock's seq, under an epoch drawn once for the node, so that a holder
// can tell whether anyone held the lock since a transaction it knows (see lotKeeper).
// It answers the seq and epoch it took, so that nobody reads them again.
const takeLock = "MERGE (l:Lock {name: $name}) SET " + lockCounts + " RETURN l.seq AS lockSeq, l.epoch AS lockEpoch"

// takeTenantLock is takeLock for a resolution transaction ($tenant's lock), answering
// also what decisionsHeld tells.
const takeTenantLock = "MERGE (l:Lock {name: $name}) SET " + lockCounts +
	" WITH l.seq AS lockSeq, l.epoch AS lockEpoch RETURN lockSeq, lockEpoch, " + decisionsHeld

// decisionsHeld answers, in a statement that has just taken the tenant's lock, whether
// the tenant holds parties kept apart and decisions on documents (lockingTx.apart,
// rejections). Each is an index seek that stops at the first node: a Decision's uid
// begins with its first document's uid, which begins with the tenant and a slash
// (tenant names hold no slash).
const decisionsHeld = `EXISTS { MATCH (pd:PartyDecision {tenant: $tenant, verdict: 'apart'}) } AS anyApart,
  EXISTS { MATCH (dx:Decision) WHERE dx.uid STARTS WITH $tenant + '/' } AS anyRejection`

// lockCounts is what every statement that takes a lock l sets.
const lockCounts = "l.at = timestamp(), l.seq = coalesce(l.seq, 0) + 1, l.epoch = coalesce(l.epoch, randomUUID())"

// tenantLock is the name of a tenant's resolution lock.
func tenantLock(tenant string) string { return "resolve/" + tenant }

// first returns, when the lock is not held yet, the statement that takes it and then
// runs locked (whose parameters are params and $lock), and the lock as held: the caller
// must run that statement next. When the lock is held it returns plain.
func (l *lockingTx) first(plain, locked string, params map[string]any) (string, map[string]any) {
	if l.locked {
		return plain, params
	}
	l.locked = true
	return locked, withParam(params, "lock", l.name)
}

type resolutionTx struct {
	tx     neo4j.ManagedTransaction
	lock   *lockingTx
	tenant string
	now    func() time.Time
	log    *slog.Logger
	// keeper holds the lot balances earlier transactions left, and kept those this one
	// uses and leaves (see LotStock).
	keeper *lotKeeper
	kept   *keptLots
}

func (t *resolutionTx) Pending(ctx context.Context, limit int) ([]resolver.PendingDoc, error) {
	cypher, params := t.lock.first(pendingPage, pendingPageLocking, map[string]any{"tenant": t.tenant, "limit": limit})
	recs, err := run(ctx, t.lock.ManagedTransaction, cypher, params)
	if err != nil {
		return nil, err
	}
	if cypher == pendingPageLocking && len(recs) > 0 {
		t.lock.tell(recs[0])
	}
	return pendingDocs(recs), nil
}

func (t *resolutionTx) PendingOf(ctx context.Context, uids []string) ([]resolver.PendingDoc, error) {
	if len(uids) == 0 {
		// Still a round trip: callers use an empty call to prove the store answers.
		return nil, exec(ctx, t.tx, "RETURN 1", nil)
	}
	recs, err := run(ctx, t.tx, pendingOf, map[string]any{"tenant": t.tenant, "uids": uids})
	if err != nil {
		return nil, err
	}
	return pendingDocs(recs), nil
}

// pendingOf reads those of $uids still pending, oldest first.
const pendingOf = `
UNWIND $uids AS u
MATCH (d:SourceDocument:Pending {uid: u})
WHERE d.tenant = $tenant
WITH d ORDER BY d.receivedAt, d.uid
` + pendingReturn

// PeekPending reads, without the tenant's resolution lock, what a batch would take up:
// those of uids still pending or, uids nil, the oldest limit pending documents. One
// auto-commit statement: the resolver reads the batch of a tenant that holds
// reservations before its transaction, to hand them over first, and under the lock that
// was a write transaction of its own (resolver.pendingPeeker says why none is needed).
func (s *Store) PeekPending(ctx context.Context, tenant string, uids []string, limit int) ([]resolver.PendingDoc, error) {
	cypher, params := pendingPage, map[string]any{"tenant": tenant, "limit": limit}
	if uids != nil {
		cypher, params = pendingOf, map[string]any{"tenant": tenant, "uids": uids}
	}
	recs, err := readOnce(ctx, s, cypher, params)
	if err != nil {
		return nil, fmt.Errorf("reading the pending documents of %s: %w", tenant, err)
	}
	return pendingDocs(recs), nil
}

// pendingPage reads the oldest pending documents of a tenant. The hint and the order by
// the index's own properties (tenant first, equal on every row) let pending_order hand
// out the page already sorted: the plan is an index seek under a plain Limit, reading
// limit documents whatever the backlog. Left to itself the planner picks the older
// tenant-only index and sorts every pending document for each batch. Every pending
// document has receivedAt (SaveDocuments sets it), so the IS NOT NULL predicates, which
// the index needs to be usable, leave none out.
const pendingPage = `
MATCH (d:Pending) USING INDEX d:Pending(tenant, receivedAt, uid)
WHERE d.tenant = $tenant AND d.receivedAt IS NOT NULL AND d.uid IS NOT NULL
WITH d ORDER BY d.tenant, d.receivedAt, d.uid LIMIT $limit
` + pendingReturn

// pendingPageLocking is pendingPage after taking the lock $lock. The aggregation ends
// the lock's write before anything is read, and the page, a subquery that imports its
// result, runs after it (an Apply, not a join the planner could reorder); in the
// subquery the limit stays a plain one, where after a write in the same query part
// Neo4j reads every pending document before it (TestPendingReadsOnlyItsPage). Each row
// also carries the seq and epoch the lock was taken at (one node: the aggregates are
// its values), which the lot balances kept between batches are checked against.
const pendingPageLocking = `
MERGE (l:Lock {name: $lock}) SET ` + lockCounts + `
WITH count(*) AS locked, max(l.seq) AS lockSeq, max(l.epoch) AS lockEpoch
WITH locked, lockSeq, lockEpoch, ` + decisionsHeld + `
CALL (locked) {
  MATCH (d:Pending) USING INDEX d:Pending(tenant, receivedAt, uid)
  WHERE d.tenant = $tenant AND d.receivedAt IS NOT NULL AND d.uid IS NOT NULL AND locked > 0
  WITH d ORDER BY d.tenant, d.receivedAt, d.uid LIMIT $limit
  RETURN d
}
` + pendingReturn + `, lockSeq, lockEpoch, anyApart, anyRejection`

// pendingReturn is what resolution reads of each pending document.
const pendingReturn = `OPTIONAL MATCH (d)-[:EVIDENCES]->(e:BusinessEvent)
RETURN d.uid AS uid, d.version AS version, d.canonical AS canonical, e.id AS event`

// pendingDocs decodes pending documents. One whose canonical form does not decode is
// returned with its Problem, so that resolution sets it aside instead of failing the
// whole batch on it.
func pendingDocs(recs []*neo4j.Record) []resolver.PendingDoc {
	out := make([]resolver.PendingDoc, 0, len(recs))
	for _, rec := range recs {
		p := resolver.PendingDoc{UID: get[string](rec, "uid"), Version: get[int64](rec, "version"), EventID: get[string](rec, "event")}
		if err := json.Unmarshal([]byte(get[string](rec, "canonical")), &p.Doc); err != nil {
			p.Problem = fmt.Sprintf("the stored canonical form does not decode: %v", err)
		}
		out = append(out, p)
	}
	return out
}

// keyEventsCall finds, for each key uid of the list $param, the live events of the
// documents linked to the key by rel, at most $limit a key, as rows k, events: the one
// shape of every key-to-events lookup.
func keyEventsCall(param, rel string) string {
	return keyEventsReturn(param, rel, "collect(e.id) AS events")
}

// keyEventsReturn is keyEventsCall with the subquery's answer ret, an aggregate over
// the key's events e.
//
// The key is found by its uid, by a seek hint, and the document and the event carry no label,
// the event's tenant a plain filter: the pattern can start nowhere else. A plan is made
// on the statistics of its moment, and on a young database (a new install, the first
// import) those count no keys and no events: Neo4j then chose to scan Key(uid) for each
// listed key, or to start from the tenant's events by BusinessEvent(tenant), and the
// local Neo4j keeps a plan up to dbms.cypher.min_replan_interval (five minutes). FEBRL
// 4's resolution on a new database took 157-309 s instead of 13 s. Only documents hold
// these links, and only to events (keyLinksCypher, blockLinksCypher,
// evidenceLinksCypher), so the labels told Neo4j nothing it needs. See "Plans made on a
// young database" in README.
func keyEventsReturn(param, rel, ret string) string {
	return `
  UNWIND $` + param + ` AS k
  CALL (k) {
    MATCH (key:Key {uid: k, tenant: $tenant})<-[` + rel + `]-(d)-[:EVIDENCES]->(e) USING INDEX SEEK key:Key(uid)
    WHERE e.tenant = $tenant AND e.status <> 'merged'
    WITH DISTINCT e LIMIT $limit
    RETURN ` + ret + `
  }`
}

// keyEventsCypher is a lookup of keyEventsCall answering only the keys that name events.
func keyEventsCypher(rel string) string {
	return keyEventsCall("keys", rel) + `
WITH k, events WHERE events <> []
RETURN k, events`
}

// eventsByKeysCypher is the statement of EventsByKeys, built once.
var eventsByKeysCypher = keyEventsCypher(":HAS_KEY {identity: true}")

func (t *resolutionTx) EventsByKeys(ctx context.Context, keys []string, limit int) (map[string][]string, error) {
	return t.eventsVia(ctx, eventsByKeysCypher, keys, limit)
}

// candidatesCypher is EventsByKeys' statement for $lists.keys and, in the same round trip, the
// lookup of the documents whose notes name $lists.mentions and that of the documents under the
// content blocks $lists.blocks, each row saying which of the three found it. Mentions follow
// NOTES_KEY, not HAS_KEY {mention: true}: a key that identifies thousands of documents
// (a pickup number that repeats every day in every store) would have every one of its
// HAS_KEY links read to find the few mentions, and the limit, which counts events found,
// could not stop it. Under its own type Neo4j reads a dense key's mentions and nothing
// else (TestMentionsSkipTheKeysHolders). A block's events come with the time each
// event says it occurred (its earliest document's), one property each, for resolution
// to leave unread those of a cross-location block that cannot be scored (batch.inReach).
var candidatesCypher = `
CALL () {` + keyEventsCall("lists.keys", ":HAS_KEY {identity: true}") + `
  RETURN 'key' AS via, k, events, [] AS times
  UNION ALL` + keyEventsCall("lists.mentions", ":NOTES_KEY") + `
  RETURN 'mention' AS via, k, events, [] AS times
  UNION ALL` + keyEventsReturn("lists.blocks", ":IN_BLOCK", "collect(e.id) AS events, collect([e.occurredAt]) AS times") + `
  RETURN 'block' AS via, k, events, times
}
WITH via, k, events, times WHERE events <> []
RETURN via, k, events, times`

// candidatesParams are candidatesCypher's parameters. Each key goes once per list, as
// in eventsVia: a key listed twice would be walked twice. The lists go in one map, so
// that one plan serves every pattern of empty lists (see partyCandidatesParams).
func candidatesParams(tenant string, keys, mentions, blocks []string, limit int) map[string]any {
	once := func(l []string) []string { return orEmpty(slices.Compact(slices.Sorted(slices.Values(l)))) }
	return map[string]any{"lists": map[string]any{"keys": once(keys), "mentions": once(mentions), "blocks": once(blocks)},
		"limit": limit, "tenant": tenant}
}

// Candidates implements resolver.Tx.
func (t *resolutionTx) Candidates(ctx context.Context, keys, mentions, blocks []string, limit int) (byKey, byMention, byBlock map[string][]string, at map[string]time.Time, err error) {
	byKey, byMention, byBlock, at = map[string][]string{}, map[string][]string{}, map[string][]string{}, map[string]time.Time{}
	if len(keys) == 0 && len(mentions) == 0 && len(blocks) == 0 {
		return byKey, byMention, byBlock, at, nil
	}
	recs, err := run(ctx, t.tx, candidatesCypher, candidatesParams(t.tenant, keys, mentions, blocks, limit))
	if err != nil {
		return nil, nil, nil, nil, err
	}
	for _, rec := range recs {
		out := byKey
		switch get[string](rec, "via") {
		case "mention":
			out = byMention
		case "block":
			out = byBlock
		}
		evs, _ := rec.Get("events")
		times, _ := rec.Get("times")
		ts, _ := times.([]any)
		k := get[string](rec, "k")
		for i, e := range evs.([]any) {
			id := e.(string)
			out[k] = append(out[k], id)
			if i < len(ts) {
				if one, _ := ts[i].([]any); len(one) == 1 {
					if t := timeOf(one[0]); !t.IsZero() {
						at[id] = t
					}
				}
			}
		}
	}
	return byKey, byMention, byBlock, at, nil
}

// eventsVia runs a key-to-events lookup and collects its answer: the keys that name
// events, and nothing for the others. Most keys a batch looks up are new (a block key
// of one basket, an order number seen first), and a row sent back for each of them was
// most of what the lookups cost the Go side. Each key is looked up once: a batch lists a key for every document that holds it (an order, its invoice and
// its payment), and a key read twice was walked twice and answered with its events
// twice, which counted against the limit that tells a key too common to follow.
func (t *resolutionTx) eventsVia(ctx context.Context, cypher string, keys []string, limit int) (map[string][]string, error) {
	out := map[string][]string{}
	if len(keys) == 0 {
		return out, nil
	}
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	recs, err := run(ctx, t.tx, cypher, map[string]any{"keys": keys, "limit": limit, "tenant": t.tenant})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		evs, _ := rec.Get("events")
		k := get[string](rec, "k")
		for _, e := range evs.([]any) {
			out[k] = append(out[k], e.(string))
		}
	}
	return out, nil
}

// eventsCypher loads events with their members and, when $moves, their movements. The
// movements' subquery drops its row before the expansion when $moves is false, so an
// event read without them costs nothing per movement (an aggregate over no rows still
// answers one row: no movements, seq 0). Of the event it reads the properties
// resolution uses: the whole node was ten property reads an event, and a batch of a
// large backlog loads thousands of events (EventMembers).
const eventsCypher = `
UNWIND $ids AS id
MATCH (e:BusinessEvent {id: id, tenant: $tenant}) USING INDEX SEEK e:BusinessEvent(id)
CALL (e) {
  OPTIONAL MATCH (d:SourceDocument)-[r:EVIDENCES]->(e)
  RETURN collect(CASE WHEN d IS NULL THEN NULL ELSE {uid: d.uid, canonical: d.canonical, decidedBy: r.decidedBy, score: r.score} END) AS members
}
CALL (e) {
  WITH e WHERE $moves
  OPTIONAL MATCH (e)-[:MOVES]->(m:Movement)
  RETURN collect(CASE WHEN m IS NULL THEN NULL ELSE {sku: m.sku, location: m.location, lot: m.lot, bucket: m.bucket, qty: m.qty} END) AS moves, count(m) AS seq
}
OPTIONAL MATCH (e)-[:MERGED_INTO]->(into) WHERE into.tenant = $tenant
RETURN e {.id, .kind, .status, .occurredAt} AS e, members, moves, seq, into.id AS into`

// Events implements resolver.Tx.
func (t *resolutionTx) Events(ctx context.Context, ids []string) (map[string]*resolver.EventState, error) {
	return t.events(ctx, ids, true)
}

// EventMembers implements resolver.Tx: Events without reading the movements.
func (t *resolutionTx) EventMembers(ctx context.Context, ids []string) (map[string]*resolver.EventState, error) {
	return t.events(ctx, ids, false)
}

func (t *resolutionTx) events(ctx context.Context, ids []string, withMoves bool) (map[string]*resolver.EventState, error) {
	out := map[string]*resolver.EventState{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, t.tx, eventsCypher, map[string]any{"ids": ids, "tenant": t.tenant, "moves": withMoves})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		p := get[map[string]any](rec, "e")
		ev := &resolver.EventState{
			ID: str(p["id"]), Kind: ontology.EventKind(str(p["kind"])), Status: str(p["status"]),
			OccurredAt: timeOf(p["occurredAt"]), Seq: get[int64](rec, "seq"), MergedInto: get[string](rec, "into"),
		}
		members, _ := rec.Get("members")
		for _, raw := range members.([]any) {
			m := raw.(map[string]any)
			mem := resolver.Member{UID: str(m["uid"]), DecidedBy: str(m["decidedBy"])}
			mem.Score, _ = m["score"].(float64)
			if err := json.Unmarshal([]byte(str(m["canonical"])), &mem.Doc); err != nil {
				return nil, fmt.Errorf("decoding member %s of %s: %w", mem.UID, ev.ID, err)
			}
			ev.Members = append(ev.Members, mem)
		}
		moves, _ := rec.Get("moves")
		var ms []ontology.Movement
		for _, raw := range moves.([]any) {
			m := raw.(map[string]any)
			q, _ := m["qty"].(int64)
			ms = append(ms, ontology.Movement{SKU: str(m["sku"]), Location: str(m["location"]), Lot: str(m["lot"]),
				Bucket: ontology.Bucket(str(m["bucket"])), Qty: ontology.Qty(q)})
		}
		ev.Done = inventory.Net(ms)
		out[ev.ID] = ev
	}
	return out, nil
}

func (t *resolutionTx) Apply(ctx context.Context, ch *resolver.Changes) error {
	steps := resolutionSteps(t.tenant, ch)
	if err := writeSteps(ctx, t.tx, steps, resolutionParams(t.tenant, t.now().UTC())); err != nil {
		return err
	}
	// Decisions written here are held from now on: a read later in this transaction
	// must not skip them (lockingTx.apart).
	if len(ch.Decisions) > 0 {
		t.lock.rejections = true
	}
	if slices.ContainsFunc(ch.PartyDecisions, func(d resolver.PartyDecision) bool { return d.Verdict == "apart" }) {
		t.lock.apart = true
	}
	if t.kept != nil {
		var balances, facts []map[string]any
		for _, st := range steps {
			switch st.cypher {
			case lotBalanceCypher:
				balances = st.rows
			case lotFactsCypher:
				facts = st.rows
			}
		}
		t.kept.apply(balances, facts)
	}
	return nil
}

// resolutionParams are the parameters of resolution's statement beside its rows.
func resolutionParams(tenant string, now time.Time) map[string]any {
	return map[string]any{"tenant": tenant, "now": now, "max": maxFacts}
}

// WarmResolution has Neo4j plan resolution's write statement (writeSteps sends every
// transaction's as one statement of the same text) by running it without rows in a
// transaction rolled back, so that a server's first webhook after it starts does not
// wait for the planning: 0.1-0.8 s for its twenty-five subqueries on two busy cores.
// Neo4j keeps the plan for every process that sends the statement. The party lookup
// (PartyCandidates, fourteen branches, one plan whatever the values) is planned the
// same way: a first order naming a new customer waited 7-10 s for it at load 20.
func (s *Store) WarmResolution(ctx context.Context) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if err := warmResolution(ctx, tx, s.Now().UTC()); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, errWarmed
	})
	if errors.Is(err, errWarmed) {
		return nil
	}
	return fmt.Errorf("planning resolution's statement: %w", err)
}

// warmResolution sends resolution's statement in tx with every step and no rows.
func warmResolution(ctx context.Context, tx neo4j.ManagedTransaction, now time.Time) error {
	steps := resolutionSteps("", &resolver.Changes{})
	all := make([]int, len(steps))
	for i := range all {
		all[i] = i
	}
	if err := sendGroup(ctx, tx, steps, all, resolutionParams("", now)); err != nil {
		return err
	}
	return exec(ctx, tx, partyCandidatesCypher, partyCandidatesParams("", nil))
}

// errWarmed rolls WarmResolution's transaction back.
var errWarmed = errors.New("planned; nothing to keep")

// resolutionSteps are resolution's writes of ch for tenant, in order.
func resolutionSteps(tenant string, ch *resolver.Changes) []writeStep {
	return []writeStep{
		{`UNWIND $rows AS r
MERGE (e:BusinessEvent {id: r.id})
  ON CREATE SET e.tenant = $tenant, e.createdAt = $now
WITH e, r WHERE e.tenant = $tenant
SET e.kind = r.kind, e.status = r.status, e.occurredAt = r.occurredAt, e.location = r.location,
    e.discrepancies = r.discrepancies, e.lotPicks = r.lotPicks, e.updatedAt = $now`, eventRows(ch)},
		{`UNWIND $rows AS r
MATCH (d:SourceDocument {uid: r.doc, tenant: $tenant})-[l:EVIDENCES]->(e:BusinessEvent {id: r.event, tenant: $tenant})
USING INDEX SEEK d:SourceDocument(uid) USING INDEX SEEK e:BusinessEvent(id)
DELETE l`, unlinkRows(ch)},
		{evidenceLinksCypher, linkRows(ch)},
		{`UNWIND $rows AS r
MATCH (f:BusinessEvent {id: r.from, tenant: $tenant}), (i:BusinessEvent {id: r.into, tenant: $tenant})
USING INDEX SEEK f:BusinessEvent(id) USING INDEX SEEK i:BusinessEvent(id)
MERGE (f)-[m:MERGED_INTO]->(i) SET m.evidence = r.evidence, m.at = $now`, mergeRows(ch)},
		{keyLinksCypher, keyRows(ch, false)},
		{blockLinksCypher, keyRows(ch, true)},
		{placeLinksCypher, placeRows(tenant, ch)},
		{`UNWIND $rows AS r
MERGE (v:Review {id: r.id})
  ON CREATE SET v.tenant = $tenant, v.doc = r.doc, v.event = r.event, v.status = 'open', v.createdAt = $now
SET v.score = r.score, v.evidence = r.evidence, v.updatedAt = $now`, reviewRows(ch)},
		{`UNWIND $rows AS r
MATCH (v:Review {tenant: $tenant, doc: r.doc, status: 'open'})
SET v.status = r.status, v.decidedBy = r.by, v.decidedAt = $now`, reviewUpdateRows(ch)},
		{`UNWIND $rows AS r
MERGE (x:Decision {uid: r.uid})
SET x.tenant = $tenant, x.a = r.a, x.b = r.b, x.verdict = r.verdict, x.by = r.by, x.at = $now`, decisionRows(ch)},
		{newMovementsCypher, movementRows(ch.Movements)},
		{lotBalanceCypher, lotBalanceRows(tenant, ch.Movements)},
		{`UNWIND $rows AS r
MERGE (al:Alias {uid: r.uid})
  ON CREATE SET al.tenant = $tenant, al.kind = 'product', al.code = r.code, al.system = r.system, al.target = r.sku, al.at = $now,
                al.evidence = CASE WHEN r.evidence = '' THEN NULL ELSE r.evidence END
MERGE (p:Product {uid: $tenant + '/' + al.target}) ON CREATE SET p.tenant = $tenant, p.sku = al.target
MERGE (al)-[:NAMES]->(p)`, productAliasRows(ch)},
		{staleMentionsCypher, staleMentionRows(ch)},
		{partyMentionCypher, mentionRows(ch)},
		{`UNWIND $rows AS r
MERGE (p:Party {uid: $tenant + '/' + r.party}) ON CREATE SET p.id = r.party, p.tenant = $tenant
MERGE (al:Alias {uid: r.uid}) ON CREATE SET al.tenant = $tenant, al.kind = 'party', al.code = r.code, al.at = $now
MERGE (al)-[:NAMES]->(p)`, partyAliasRows(ch)},
		{accountMoveCypher, accountMoveRows(ch)},
		{accountBuyersCypher, accountBuyerRows(ch)},
		{`UNWIND $rows AS r
MERGE (a:Party {uid: $tenant + '/' + r.from}) ON CREATE SET a.id = r.from, a.tenant = $tenant
MERGE (b:Party {uid: $tenant + '/' + r.to}) ON CREATE SET b.id = r.to, b.tenant = $tenant
MERGE (a)-[l:SAME_AS]->(b) SET l.reason = r.reason, l.score = r.score, l.at = $now`, partyLinkRows(ch, "same_as")},
		{`UNWIND $rows AS r
MERGE (a:Party {uid: $tenant + '/' + r.from}) ON CREATE SET a.id = r.from, a.tenant = $tenant
MERGE (b:Party {uid: $tenant + '/' + r.to}) ON CREATE SET b.id = r.to, b.tenant = $tenant
MERGE (a)-[l:RELATED]->(b) SET l.reason = r.reason, l.score = r.score, l.at = $now`, partyLinkRows(ch, "related")},
		{partyCutCypher, partyCutRows(ch)},
		{partyDecisionCypher, partyDecisionRows(ch)},
		{resolvedCypher, resolvedRows(ch)},
		{requeueCypher, requeueRows(ch)},
		{setAsideCypher, setAsideRows(ch)},
		{productFactsCypher, productFactRows(ch)},
		{unresolvedCypher, unresolvedRows(ch)},
		{requeueUnresolvedCypher, productAliasRows(ch)},
		{locationPairsCypher, locationPairRows(ch)},
		{lotFactsCypher, lotFactRows(ch)},
		{`UNWIND $rows AS r MATCH (m:Movement {id: r.id}) USING INDEX SEEK m:Movement(id) WHERE m.tenant = $tenant REMOVE m:Unprojected`, projectedRows(ch)},
	}
}

// projectedRows are the movements of earlier batches whose Unprojected marks the write
// clears (resolver.Changes.Projected).
func projectedRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Projected))
	for _, id := range ch.Projected {
		rows = append(rows, map[string]any{"id": id})
	}
	return rows
}

// partyMentionCypher files each mention's party, with its description and the block
// keys it is looked up by, and links the document to it. A party the statement creates
// (nearly every one: a party is a mention's until it is found again) gets the row's
// values as they are; only a party that exists already keeps what it has, each of its
// properties read and written back through coalesce: for a new one that read and write
// of twenty-two properties was a third of the statement (500 mentions 53 -> 36 ms,
// median of twenty rolled-back runs), with the same properties in the end.
//
// The description is the profile, whole. The five fields a party kept before profiles
// were (nameKey, email, phone, address, country) are no longer written: they repeat
// the profile, nothing reads them of a party that has one (PartyCandidates reads them
// only of a party stored before, which keeps them, and which its next mention gives a
// profile), and they were five of a new party's eighteen properties (FEBRL) to
// twenty-three (an order with an e-mail and a phone) in every resolution's largest write.
var partyMentionCypher = `UNWIND $rows AS r
MERGE (p:Party {uid: $tenant + '/' + r.party})
  ON CREATE SET p.id = r.party, p.tenant = $tenant, p.name = r.name, p.kind = r.kind,
    p.taxId = CASE WHEN r.tax = '' THEN NULL ELSE r.tax END, p.profile = r.profile,
    ` + partyBlockCreates + `
  ON MATCH SET p.taxId = coalesce(p.taxId, CASE WHEN r.tax = '' THEN NULL ELSE r.tax END),
    p.kind = coalesce(p.kind, r.kind), p.name = coalesce(p.name, r.name),
    p.profile = coalesce(p.profile, r.profile),
    ` + partyBlockSets + `
WITH p, r
MATCH (d:SourceDocument {uid: r.doc, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
MERGE (d)-[m:MENTIONS {role: r.role}]->(p)`

// writeStep is one write of a transaction: a statement over the list $rows, and the rows.
type writeStep struct {
	cypher string
	rows   []map[string]any
}

// rowsParam is how a writeStep's statement names its rows.
var rowsParam = regexp.MustCompile(`\$rows\b`)

// writeSteps runs steps in order, with params beside each one's rows. Every step goes
// to Neo4j in one statement, each a subquery of its own over rows of its own: a live
// webhook's batch writes a row or two of about ten kinds, and a round trip for each
// kind, sent one after another, took longer than the writing (0.3-0.6 ms each on two
// cores against well under that for the whole in one statement). Cypher runs the
// subqueries in order and each sees what the ones before it wrote, as separate
// statements did.
//
// The statement is the same in every transaction: it holds every step, those without
// rows too (their subquery reads an empty list and writes nothing), and its rows go in
// one parameter (groupParam), so that Neo4j plans it once. Each combination of kinds
// used to be a statement of its own, planned the first time it was sent: 0.1-0.8 s for
// a statement of ten to twenty-five subqueries on two busy cores, paid by a live
// webhook whenever its batch wrote a combination new to Neo4j's plan cache. The empty
// subqueries cost nothing measurable (3.2 ms for an order's nine in their own statement
// and for the twenty-five with the other sixteen empty, a rolled-back transaction each).
//
// A step with more rows than one UNWIND batch (batchSize) is sent over several rounds
// of the same statement, a batch of its rows in each (writeRounds): the steps before it
// go with its first batch, the steps after it with its last, so the order of the writes
// is kept. Such a step used to run alone between groups of the steps before and after
// it, and each of those groups was a statement of another text, planned anew: on a
// fresh server 8 of an ingest run's 85 s went to planning them. Nothing to write sends
// nothing.
func writeSteps(ctx context.Context, tx neo4j.ManagedTransaction, steps []writeStep, params map[string]any) error {
	all := make([]int, len(steps))
	for i := range all {
		all[i] = i
	}
	for _, round := range writeRounds(steps, batchSize) {
		if err := sendGroup(ctx, tx, round, all, params); err != nil {
			return err
		}
	}
	return nil
}

// writeRounds splits steps into rounds of at most size rows a step, each round the same
// steps with some of their rows, such that sending the rounds in order, each running its
// steps in order, writes every step's rows in order and every step after all the rows
// of the steps before it. A step starts in the round where the step before it ended.
// Rounds without rows are left out.
func writeRounds(steps []writeStep, size int) [][]writeStep {
	newRound := func() []writeStep {
		r := make([]writeStep, len(steps))
		for i, st := range steps {
			r[i] = writeStep{cypher: st.cypher}
		}
		return r
	}
	var rounds [][]writeStep
	cur := -1 // the round the last step with rows ended in
	for i, st := range steps {
		rows := st.rows
		for at := cur; len(rows) > 0; at++ {
			if at < 0 || at == len(rounds) {
				rounds = append(rounds, newRound())
				at = len(rounds) - 1
			}
			n := min(size, len(rows))
			rounds[at][i].rows = rows[:n]
			rows = rows[n:]
			cur = at
		}
	}
	return rounds
}

// sendGroup sends the steps of group, indexes in steps, as one statement.
func sendGroup(ctx context.Context, tx neo4j.ManagedTransaction, steps []writeStep, group []int, params map[string]any) error {
	if len(group) == 1 {
		return exec(ctx, tx, steps[group[0]].cypher, withParam(params, "rows", steps[group[0]].rows))
	}
	var cypher strings.Builder
	lists := make(map[string]any, len(group))
	for _, i := range group {
		// Named by the step's place in the list, so the statement's text is the same in
		// every transaction with the same list of steps.
		name := "rows" + strconv.Itoa(i)
		cypher.WriteString("CALL () {\n")
		cypher.WriteString(rowsParam.ReplaceAllLiteralString(steps[i].cypher, "$"+groupParam+"."+name))
		cypher.WriteString("\n}\n")
		rows := steps[i].rows
		if rows == nil {
			rows = []map[string]any{} // a list, not null, for UNWIND
		}
		lists[name] = rows
	}
	return exec(ctx, tx, cypher.String(), withParam(params, groupParam, lists))
}

// groupParam is the one parameter that holds every step's rows of a group, a list under
// each step's name. Neo4j keys its plans by the statement and the types of its
// parameters, and an empty list is not of the type of a list of rows: with a parameter
// for each step, every pattern of steps with and without rows was planned again (0.4-0.9
// s each for the whole statement at load 15). A map's type does not depend on what it
// holds.
const groupParam = "steps"

// withParam is params with one more.
func withParam(params map[string]any, name string, v any) map[string]any {
	p := maps.Clone(params)
	p[name] = v
	return p
}

func eventRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Events))
	for _, e := range ch.Events {
		rows = append(rows, map[string]any{"id": e.ID, "kind": string(e.Kind), "status": e.Status,
			"occurredAt": e.OccurredAt.UTC(), "location": e.Location, "discrepancies": e.Discrepancies,
			"lotPicks": e.LotPicks})
	}
	return rows
}

func unlinkRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Unlinks))
	for _, u := range ch.Unlinks {
		rows = append(rows, map[string]any{"doc": u.DocUID, "event": u.EventID})
	}
	return rows
}

// evidenceLinksCypher links each document to its event, unlinking it from any other. A
// document's first row (first) that finds it in no event (nearly every one: it is
// resolved for the first time) creates its link, where MERGE looked for it first,
// walking the document's relationships (7 database hits of a link's 21); a document in
// an event, or met again in a later row of the statement, is moved and merged as
// before (the test on its links may have been made before the first row's writes).
const evidenceLinksCypher = `UNWIND $rows AS r
MATCH (d:SourceDocument {uid: r.doc, tenant: $tenant}), (e:BusinessEvent {id: r.event, tenant: $tenant})
USING INDEX SEEK d:SourceDocument(uid) USING INDEX SEEK e:BusinessEvent(id)
WITH d, e, r, r.first AND NOT EXISTS { (d)-[:EVIDENCES]->() } AS fresh
CALL (d, e, r, fresh) {
  WITH * WHERE fresh
  CREATE (d)-[:EVIDENCES {role: r.role, score: r.score, decidedBy: r.decidedBy, evidence: r.evidence, at: $now}]->(e)
}
CALL (d, e, r, fresh) {
  WITH * WHERE NOT fresh
  OPTIONAL MATCH (d)-[old:EVIDENCES]->(other:BusinessEvent) WHERE other.id <> r.event
  DELETE old
  MERGE (d)-[l:EVIDENCES]->(e)
  SET l.role = r.role, l.score = r.score, l.decidedBy = r.decidedBy, l.evidence = r.evidence, l.at = $now
}`

// linkRows are ch's links in order, each marked first when it is its document's first.
func linkRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Links))
	seen := make(map[string]bool, len(ch.Links))
	for _, l := range ch.Links {
		rows = append(rows, map[string]any{"doc": l.DocUID, "event": l.EventID, "role": string(l.Role),
			"score": l.Score, "decidedBy": l.DecidedBy, "evidence": l.Evidence, "first": !seen[l.DocUID]})
		seen[l.DocUID] = true
	}
	return rows
}

func mergeRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Merges))
	for _, m := range ch.Merges {
		rows = append(rows, map[string]any{"from": m.From, "into": m.Into, "evidence": m.Evidence})
	}
	return rows
}

// keyLinksCypher links documents to their identifying and noted keys, making the keys
// that are new; blockLinksCypher files them under their content blocks. Each row is a
// document with its keys in order (keyRows): the document is found once for all its
// keys, where a row per key found it again for each (five times a document on a
// storefront order: three keys, two blocks).
//
// A document's first row (first) that finds it with no link of the step's kind yet
// (nearly every document: it is resolved for the first time) creates its links, where
// MERGE looked for each of them first, walking the document's relationships once per
// key: 6.4 of the 19 database hits of a key link and of the 12 of a block link, a
// sixth of resolution's write. The row's keys are distinct (keyRows), so a document with
// no link of the kind has none of the row's. A document met again in a later row of the
// same statement merges: the test on its links may have been made before the first
// row's writes (an Eager), so only the first row may trust it.
const (
	keyLinksCypher = `UNWIND $rows AS g
MATCH (d:SourceDocument {uid: g.doc, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
WITH d, g, g.first AND NOT EXISTS { (d)-[:HAS_KEY]->() } AS fresh
UNWIND g.keys AS r
MERGE (k:Key {uid: r.key}) ON CREATE SET k.tenant = $tenant, k.kind = r.kind, k.value = r.value
WITH d, k, r, fresh WHERE k.tenant = $tenant
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END |
  CREATE (d)-[:HAS_KEY {identity: r.identity, mention: r.mention}]->(k))
FOREACH (_ IN CASE WHEN fresh AND r.notes THEN [1] ELSE [] END | CREATE (d)-[:NOTES_KEY]->(k))
FOREACH (_ IN CASE WHEN fresh THEN [] ELSE [1] END |
  MERGE (d)-[h:HAS_KEY]->(k) SET h.identity = r.identity, h.mention = r.mention)
FOREACH (_ IN CASE WHEN NOT fresh AND r.notes THEN [1] ELSE [] END | MERGE (d)-[:NOTES_KEY]->(k))`
	blockLinksCypher = `UNWIND $rows AS g
MATCH (d:SourceDocument {uid: g.doc, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
WITH d, g, g.first AND NOT EXISTS { (d)-[:IN_BLOCK]->() } AS fresh
UNWIND g.keys AS key
MERGE (k:Key {uid: key}) ON CREATE SET k.tenant = $tenant, k.kind = 'block'
WITH d, k, fresh WHERE k.tenant = $tenant
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | CREATE (d)-[:IN_BLOCK]->(k))
FOREACH (_ IN CASE WHEN fresh THEN [] ELSE [1] END | MERGE (d)-[:IN_BLOCK]->(k))`
)

// placeLinksCypher links documents to the location codes their lines name apart from
// their own, through a Key of kind place and a relationship of its own: a place is
// named by every document booked there, and a HAS_KEY to it would lead the queries
// that follow a document's keys to all of them.
const placeLinksCypher = `UNWIND $rows AS r
MATCH (d:SourceDocument {uid: r.doc, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
MERGE (k:Key {uid: r.key}) ON CREATE SET k.tenant = $tenant, k.kind = 'place', k.value = r.value
WITH d, k WHERE k.tenant = $tenant
MERGE (d)-[:NAMES_PLACE]->(k)`

// placeKeyUID is the uid of the Key standing for a location code of a tenant's system.
func placeKeyUID(tenant, system, code string) string {
	return tenant + "/place:" + system + ":" + code
}

func placeRows(tenant string, ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Places))
	for _, p := range ch.Places {
		rows = append(rows, map[string]any{"doc": p.DocUID, "key": placeKeyUID(tenant, p.System, p.Code), "value": p.System + ":" + p.Code})
	}
	return rows
}

// keyRows are the key links of ch (blocks, or the others) as one row per run of links
// of one document, {doc, first, keys}, in the order resolution made them: a block's row
// lists key uids, another's {key, kind, value, identity, mention, notes}. first marks
// a document's first row. A key named twice in a run is listed once, where it was first
// named, with the values it was named with last and notes set if any of its links was
// a mention: what merging each link in turn left (the last SET wins, a NOTES_KEY once
// made stays), and what a row that creates its links needs (keyLinksCypher).
func keyRows(ch *resolver.Changes, blocks bool) []map[string]any {
	var rows []map[string]any
	var doc string
	var keys []any
	at := map[string]int{} // key uid -> its place in keys
	seen := map[string]bool{}
	flush := func() {
		if len(keys) > 0 {
			rows = append(rows, map[string]any{"doc": doc, "first": !seen[doc], "keys": keys})
			seen[doc] = true
		}
		keys = nil
		clear(at)
	}
	for _, k := range ch.Keys {
		if k.Block != blocks {
			continue
		}
		if k.DocUID != doc {
			flush()
			doc = k.DocUID
		}
		i, again := at[k.KeyUID]
		if blocks {
			if !again {
				at[k.KeyUID] = len(keys)
				keys = append(keys, k.KeyUID)
			}
			continue
		}
		row := map[string]any{"key": k.KeyUID, "kind": k.Kind, "value": k.Value, "identity": k.Identity, "mention": k.Mention, "notes": k.Mention}
		if !again {
			at[k.KeyUID] = len(keys)
			keys = append(keys, row)
			continue
		}
		was := keys[i].(map[string]any)
		row["kind"], row["value"] = was["kind"], was["value"] // the key node is made by its first link
		row["notes"] = k.Mention || was["notes"].(bool)
		keys[i] = row
	}
	flush()
	return rows
}

func reviewRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Reviews))
	for _, r := range ch.Reviews {
		rows = append(rows, map[string]any{"id": "rv_" + r.DocUID + "|" + r.EventID, "doc": r.DocUID, "event": r.EventID,
			"score": r.Score, "evidence": r.Evidence})
	}
	return rows
}

func reviewUpdateRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.ReviewUpdates))
	for _, u := range ch.ReviewUpdates {
		rows = append(rows, map[string]any{"doc": u.DocUID, "status": u.Status, "by": u.By})
	}
	return rows
}

func decisionRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Decisions))
	for _, d := range ch.Decisions {
		a, b := d.A, d.B
		if b < a {
			a, b = b, a
		}
		rows = append(rows, map[string]any{"uid": a + "|" + b, "a": a, "b": b, "verdict": d.Verdict, "by": d.By})
	}
	return rows
}

// resolvedCypher clears the Pending mark of the documents a batch resolved, each only if
// its version is still the one the batch read. A save of a newer version does not take
// the tenant's lock, only the document's: one committed while the batch ran (its
// content unseen by the batch) would otherwise lose its mark and never reach the
// ledger. The write lock is taken before the version is read (SET, then the filter), so
// that a save still running is waited for and its version seen.
const resolvedCypher = `UNWIND $rows AS r MATCH (d:SourceDocument {uid: r.doc, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid)
SET d.resolving = true REMOVE d.resolving
WITH d, r WHERE r.version IS NULL OR coalesce(d.version, 0) = r.version
REMOVE d:Pending`

func resolvedRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Resolved))
	for _, uid := range ch.Resolved {
		var version any
		if v, ok := ch.ResolvedVersions[uid]; ok {
			version = v
		}
		rows = append(rows, map[string]any{"doc": uid, "version": version})
	}
	return rows
}

func (t *resolutionTx) Rejections(ctx context.Context, uids []string) (map[string]map[string]bool, error) {
	out := map[string]map[string]bool{}
	if len(uids) == 0 || t.lock.noneHeld(t.lock.rejections) {
		return out, nil
	}
	recs, err := run(ctx, t.tx, `
UNWIND $uids AS u
CALL (u) {
  MATCH (x:Decision {a: u, verdict: 'different', tenant: $tenant}) RETURN x
  UNION
  MATCH (x:Decision {b: u, verdict: 'different', tenant: $tenant}) RETURN x
}
RETURN DISTINCT x.a AS a, x.b AS b`, map[string]any{"uids": uids, "tenant": t.tenant})
	if err != nil {
		return nil, err
	}
	add := func(a, b string) {
		if out[a] == nil {
			out[a] = map[string]bool{}
		}
		out[a][b] = true
	}
	for _, rec := range recs {
		a, b := get[string](rec, "a"), get[string](rec, "b")
		add(a, b)
		add(b, a)
	}
	return out, nil
}

func (t *resolutionTx) EventOf(ctx context.Context, docUID string) (string, error) {
	recs, err := run(ctx, t.tx, `
MATCH (d:SourceDocument {uid: $uid, tenant: $tenant})-[:EVIDENCES]->(e) USING INDEX SEEK d:SourceDocument(uid) WHERE e.tenant = $tenant RETURN e.id AS id`,
		map[string]any{"uid": docUID, "tenant": t.tenant})
	if err != nil || len(recs) == 0 {
		return "", err
	}
	return get[string](recs[0], "id"), nil
}

func (t *resolutionTx) ProductAliases(ctx context.Context, keys []string) (map[string]string, error) {
	out := map[string]string{}
	if len(keys) == 0 {
		return out, nil
	}
	uids := make([]string, len(keys))
	for i, k := range keys {
		uids[i] = t.tenant + "/product/" + k
	}
	recs, err := run(ctx, t.tx, `
UNWIND $uids AS u
MATCH (al:Alias {uid: u, tenant: $tenant}) USING INDEX SEEK al:Alias(uid) RETURN al.code AS code, al.target AS sku`, map[string]any{"uids": uids, "tenant": t.tenant})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		out[get[string](r, "code")] = get[string](r, "sku")
	}
	return out, nil
}

func productAliasRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.ProductAliases))
	for _, a := range ch.ProductAliases {
		rows = append(rows, map[string]any{"uid": a.Tenant + "/product/" + a.Code, "code": a.Code, "system": a.System, "sku": a.SKU, "evidence": a.Evidence})
	}
	return rows
}

func (t *resolutionTx) Parties(ctx context.Context, keys []string) (map[string]string, map[string]resolver.PartyInfo, error) {
	known, info := map[string]string{}, map[string]resolver.PartyInfo{}
	uids := make([]string, len(keys))
	for i, k := range keys {
		uids[i] = t.tenant + "/party/" + k
	}
	recs, err := run(ctx, t.tx, `
UNWIND $uids AS u
MATCH (al:Alias {uid: u, tenant: $tenant})-[:NAMES]->(p:Party) USING INDEX SEEK al:Alias(uid)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
RETURN al.code AS key, p.id AS id, coalesce(r.id, p.id) AS root, p.taxId AS tax, r.taxId AS rootTax,
       CASE WHEN p.kind = 'person' THEN p.profile END AS profile`,
		map[string]any{"uids": uids, "tenant": t.tenant})
	if err != nil {
		return nil, nil, err
	}
	for _, r := range recs {
		id, root := get[string](r, "id"), get[string](r, "root")
		known[get[string](r, "key")] = id
		in := resolver.PartyInfo{Root: root, TaxID: get[string](r, "tax")}
		if raw := get[string](r, "profile"); raw != "" {
			var pr resolver.PartyProfile
			if json.Unmarshal([]byte(raw), &pr) == nil {
				in.Name = compare.Name{Full: pr.FullName, Given: pr.Given, Family: pr.Family}
				in.Blocks = pr.Blocks()
				in.Phone, in.Email = pr.Phone, pr.Email
			}
		}
		info[id] = in
		if _, ok := info[root]; root != id && !ok {
			// Only where the root is not a key's party of its own: that row carries its
			// name and blocks, which household and describeAnew read.
			info[root] = resolver.PartyInfo{Root: root, TaxID: get[string](r, "rootTax")}
		}
	}
	return known, info, nil
}

func partyAliasRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.PartyAliases))
	for _, a := range ch.PartyAliases {
		rows = append(rows, map[string]any{"uid": ch.Tenant + "/party/" + a.Key, "code": a.Key, "party": a.PartyID})
	}
	return rows
}

func partyLinkRows(ch *resolver.Changes, kind string) []map[string]any {
	var rows []map[string]any
	for _, l := range ch.PartyLinks {
		if l.Kind == kind {
			var score any
			if l.Score != 0 {
				score = l.Score
			}
			rows = append(rows, map[string]any{"from": l.From, "to": l.To, "reason": l.Reason, "score": score})
		}
	}
	return rows
}

// orNil stores an empty string as no property at all.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (t *resolutionTx) Customers(ctx context.Context, uids []string) (map[string][]string, map[string]resolver.PartyInfo, error) {
	out, info := map[string][]string{}, map[string]resolver.PartyInfo{}
	if len(uids) == 0 {
		return out, info, nil
	}
	recs, err := run(ctx, t.tx, `
UNWIND $uids AS u
MATCH (d:SourceDocument {uid: u, tenant: $tenant})-[:MENTIONS {role: 'customer'}]->(p) USING INDEX SEEK d:SourceDocument(uid)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
WITH u, coalesce(r, p) AS root
RETURN u, root.id AS id, root.taxId AS tax`, map[string]any{"uids": uids, "tenant": t.tenant})
	if err != nil {
		return nil, nil, err
	}
	for _, r := range recs {
		id := get[string](r, "id")
		out[get[string](r, "u")] = append(out[get[string](r, "u")], id)
		info[id] = resolver.PartyInfo{Root: id, TaxID: get[string](r, "tax")}
	}
	return out, info, nil
}
