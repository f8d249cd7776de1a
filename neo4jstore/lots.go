package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// A lot is a Lot node {uid, tenant, sku, batch, expiresAt}: uid is tenant, SKU and lot
// joined by '/' and the unit separator (SKUs may hold '/'). Documents that name a lot
// create it; the earliest expiry any of them gives is kept.

func lotUID(tenant, sku, lot string) string { return tenant + "/" + sku + "\x1f" + lot }

// lotFactsCypher records the lots documents name and the earliest expiry they give. A
// lot whose expiry changes without a movement of it in the same batch (r.unmoved,
// resolver.LotFact.Unmoved: a new version of a receipt that only adds the expiry) is
// queued for the projection under UnprojectedExpiry, in the same transaction: the
// projector copies the expiries of moved lots with their movements, and without the
// queue an expired lot would stay available in the cache until its next movement.
const lotFactsCypher = `UNWIND $rows AS r
MERGE (l:Lot {uid: r.uid}) ON CREATE SET l.tenant = $tenant, l.sku = r.sku, l.batch = r.lot
WITH l, r, l.expiresAt AS was
SET l.expiresAt = CASE
  WHEN r.expiresAt IS NULL THEN l.expiresAt
  WHEN l.expiresAt IS NULL OR r.expiresAt < l.expiresAt THEN r.expiresAt
  ELSE l.expiresAt END
WITH l, r, was WHERE r.unmoved AND l.expiresAt IS NOT NULL AND (was IS NULL OR was <> l.expiresAt)
SET l:UnprojectedExpiry`

func lotFactRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Lots))
	for _, f := range ch.Lots {
		rows = append(rows, map[string]any{"uid": lotUID(ch.Tenant, f.SKU, f.Lot), "sku": f.SKU, "lot": f.Lot,
			"expiresAt": nullableTime(f.ExpiresAt), "unmoved": f.Unmoved})
	}
	return rows
}

// UnprojectedExpiries implements inventory.Ledger: up to limit lots of tenant whose
// expiry changed without a movement and is not yet in the cache.
func (s *Store) UnprojectedExpiries(ctx context.Context, tenant string, limit int) ([]inventory.LotExpiry, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]inventory.LotExpiry, error) {
		recs, err := run(ctx, tx, `
MATCH (l:UnprojectedExpiry {tenant: $tenant})
RETURN l.sku AS sku, l.batch AS lot, l.expiresAt AS at LIMIT $limit`, map[string]any{"tenant": tenant, "limit": limit})
		if err != nil {
			return nil, fmt.Errorf("reading lot expiries not yet projected: %w", err)
		}
		out := make([]inventory.LotExpiry, 0, len(recs))
		for _, r := range recs {
			out = append(out, inventory.LotExpiry{SKU: get[string](r, "sku"), Lot: get[string](r, "lot"), ExpiresAt: timeOf(recGet(r, "at"))})
		}
		return out, nil
	})
}

// MarkExpiriesProjected implements inventory.Ledger: it takes lots off the queue of
// UnprojectedExpiries, each only while its expiry is still the one projected (an
// earlier one written meanwhile stays queued).
func (s *Store) MarkExpiriesProjected(ctx context.Context, tenant string, lots []inventory.LotExpiry) (int, error) {
	rows := make([]map[string]any, 0, len(lots))
	for _, l := range lots {
		rows = append(rows, map[string]any{"uid": lotUID(tenant, l.SKU, l.Lot), "at": l.ExpiresAt.UTC()})
	}
	n, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		recs, err := run(ctx, tx, `
UNWIND $rows AS r MATCH (l:UnprojectedExpiry {uid: r.uid}) WHERE l.tenant = $tenant AND l.expiresAt = r.at
REMOVE l:UnprojectedExpiry
RETURN count(l) AS n`, map[string]any{"rows": rows, "tenant": tenant})
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return int(get[int64](recs[0], "n")), nil
	})
	if err != nil {
		return 0, fmt.Errorf("marking %d lot expiries projected: %w", len(lots), err)
	}
	return n, nil
}

// lotBalanceUID names the running on-hand balance of one lot at one place.
func lotBalanceUID(tenant, sku, location, lot string) string {
	return tenant + "/" + sku + "\x1f" + location + "\x1f" + lot
}

// lotBalanceRows are the on-hand lot movements among ms, as one net delta per balance.
// Other buckets (holds, incoming goods) are not lots on hand, and a movement without
// a lot has no balance of its own. A batch's movements touch few balances many times
// (every sale of a lot at a store), and each row rewrote its balance: summed here, a
// balance is written once per batch, and one whose movements cancel out not at all.
func lotBalanceRows(tenant string, ms []ontology.Movement) []map[string]any {
	var rows []map[string]any
	at := map[string]int{}
	for _, m := range ms {
		if m.Lot == "" || m.Bucket != ontology.BucketOnHand {
			continue
		}
		uid := lotBalanceUID(tenant, m.SKU, m.Location, m.Lot)
		if i, ok := at[uid]; ok {
			rows[i]["qty"] = rows[i]["qty"].(int64) + int64(m.Qty)
			continue
		}
		at[uid] = len(rows)
		rows = append(rows, map[string]any{"uid": uid, "sku": m.SKU, "location": m.Location, "lot": m.Lot, "qty": int64(m.Qty)})
	}
	return slices.DeleteFunc(rows, func(r map[string]any) bool { return r["qty"].(int64) == 0 })
}

// lotBalanceCypher adds the net on-hand lot movements to the running balances of their
// lots at their places, in the transaction that writes the movements, so planning reads
// a place's lots on hand (LotStock) without summing the history of its movements: a
// backlog's later batches would otherwise pay for every movement before them. A balance
// that comes to nothing is dropped, so a place's balances are its lots with stock (or
// owed), not every lot that ever passed through it. The rows name each balance once
// (lotBalanceRows), so deciding on the sum row by row is deciding on the batch's.
const lotBalanceCypher = `UNWIND $rows AS r
MERGE (b:LotBalance {uid: r.uid})
  ON CREATE SET b.tenant = $tenant, b.sku = r.sku, b.location = r.location, b.lot = r.lot, b.qty = 0
SET b.qty = b.qty + r.qty
WITH b WHERE b.qty = 0
DELETE b`

// writeLotBalances applies lotBalanceCypher for movements written outside resolution's
// Apply.
func writeLotBalances(ctx context.Context, tx neo4j.ManagedTransaction, tenant string, ms []ontology.Movement) error {
	rows := lotBalanceRows(tenant, ms)
	for _, c := range chunks(len(rows), batchSize) {
		if err := exec(ctx, tx, lotBalanceCypher, map[string]any{"rows": rows[c[0]:c[1]], "tenant": tenant}); err != nil {
			return fmt.Errorf("keeping lot balances: %w", err)
		}
	}
	return nil
}

// lotBalanceBackfill fills the lot balances from the on-hand lot movements written before
// schema v68, a few thousand balances a transaction. It sets each balance to the sum, so
// running it again gives the same balances.
var lotBalanceBackfill = lotBalanceFill("true")

// lotBalanceFill is lotBalanceBackfill over the movements where is true: "true", or a
// fixed predicate on m (never a caller's text).
func lotBalanceFill(where string) string {
	return `
MATCH (m:Movement) WHERE ` + where + ` AND m.bucket = 'onHand' AND m.lot <> ''
WITH m.tenant AS tenant, m.sku AS sku, m.location AS location, m.lot AS lot, sum(m.qty) AS qty
WHERE qty <> 0
CALL (tenant, sku, location, lot, qty) {
  MERGE (b:LotBalance {uid: tenant + '/' + sku + '\u001f' + location + '\u001f' + lot})
  SET b.tenant = tenant, b.sku = sku, b.location = location, b.lot = lot, b.qty = qty
} IN TRANSACTIONS OF 5000 ROWS`
}

// lotStockCypher reads the lot balances of $lists.places, every one other than zero (a
// balance that comes to zero is removed), and the expiry of the lots among them with
// stock and of $lists.lots: as many reads as the places have lots, whatever the history
// behind them, and one read a lot however many places hold it.
const lotStockCypher = `
CALL () {
  UNWIND $lists.places AS p
  MATCH (b:LotBalance {tenant: $tenant, sku: p.sku, location: p.location})
  RETURN collect({sku: p.sku, location: p.location, lot: b.lot, qty: b.qty}) AS balances
}
CALL (balances) {
  UNWIND [x IN balances WHERE x.qty > 0 | $tenant + '/' + x.sku + $sep + x.lot] + $lists.lots AS u
  WITH DISTINCT u
  MATCH (l:Lot {uid: u}) USING INDEX SEEK l:Lot(uid) WHERE l.expiresAt IS NOT NULL
  RETURN collect({uid: u, at: l.expiresAt}) AS expiries
}
RETURN balances, expiries`

// lotStockParams are lotStockCypher's parameters: the places to read, and the lots kept
// from before whose expiry to read.
func lotStockParams(tenant string, places []inventory.Place, lots []string) map[string]any {
	rows := make([]map[string]any, 0, len(places))
	for _, p := range places {
		rows = append(rows, map[string]any{"sku": p.SKU, "location": p.Location})
	}
	// The lists go in one map, so that one plan serves every pattern of empty lists
	// (see partyCandidatesParams).
	return map[string]any{"lists": map[string]any{"places": rows, "lots": orEmpty(lots)}, "tenant": tenant, "sep": "\x1f"}
}

// lockSeqCypher reads the seq and epoch of a lock this transaction holds.
const lockSeqCypher = `MATCH (l:Lock {name: $name}) USING INDEX SEEK l:Lock(name) RETURN l.seq AS lockSeq, l.epoch AS lockEpoch`

// lockTold makes sure the transaction knows the seq and epoch it took the tenant's lock
// at. The statement that took the lock answers them (takeLock, pendingPageLocking), so
// this reads them only when that statement had no row to carry them on: an empty
// pending page. When nothing has taken the lock yet, taking it tells.
func (t *resolutionTx) lockTold(ctx context.Context) error {
	if err := t.lock.take(ctx); err != nil {
		return fmt.Errorf("taking the resolution lock: %w", err)
	}
	if t.lock.told {
		return nil
	}
	recs, err := run(ctx, t.tx, lockSeqCypher, map[string]any{"name": t.lock.name})
	if err != nil {
		return fmt.Errorf("reading the resolution lock: %w", err)
	}
	if len(recs) == 0 {
		return fmt.Errorf("reading the resolution lock %s: not held", t.lock.name)
	}
	t.lock.tell(recs[0])
	return nil
}

// LotStock implements resolver.Tx: the on-hand quantity of every lot with stock at the
// places asked, from the lots' running balances, with each lot's expiry. The balances
// of places and the expiries of lots an earlier batch of this process read or wrote are
// kept (lotKeeper), so a batch reads only the places and lots it is the first to need.
// Lots with a known expiry no later than since are left out.
func (t *resolutionTx) LotStock(ctx context.Context, places []inventory.Place, since time.Time) (*inventory.LotStock, error) {
	out := inventory.NewLotStock()
	if len(places) == 0 {
		return out, nil
	}
	if t.kept == nil {
		if err := t.lockTold(ctx); err != nil {
			return nil, err
		}
		t.kept = t.keeper.take(t.tenant, t.lock.epoch, t.lock.seq)
	}
	var read []inventory.Place
	var lots []string
	for _, p := range places {
		if !t.kept.has(p) {
			read = append(read, p)
			continue
		}
		for lot, q := range t.kept.places[p] {
			if u := lotUID(t.tenant, p.SKU, lot); q > 0 && !t.kept.knows(u) {
				lots = append(lots, u)
			}
		}
	}
	if len(read) > 0 || len(lots) > 0 {
		if err := t.readLots(ctx, read, lots); err != nil {
			return nil, err
		}
	}
	for _, p := range places {
		for lot, q := range t.kept.places[p] {
			if q <= 0 {
				continue
			}
			exp := t.kept.expires[lotUID(t.tenant, p.SKU, lot)]
			if !exp.IsZero() && !since.IsZero() && !exp.After(since) {
				continue
			}
			out.Add(p, lot, q)
			out.Expires(p.SKU, lot, exp)
		}
	}
	return out, nil
}

// readLots reads the balances of places and the expiries of lots (uids), and of the
// lots with stock among those balances, into what the transaction keeps.
func (t *resolutionTx) readLots(ctx context.Context, places []inventory.Place, lots []string) error {
	recs, err := run(ctx, t.tx, lotStockCypher, lotStockParams(t.tenant, places, lots))
	if err != nil {
		return fmt.Errorf("summing lots on hand: %w", err)
	}
	if len(recs) != 1 {
		return fmt.Errorf("summing lots on hand: %d rows", len(recs))
	}
	got := make(map[inventory.Place]map[string]ontology.Qty, len(places))
	for _, p := range places {
		got[p] = nil
	}
	asked := slices.Clone(lots)
	balances, _ := recs[0].Get("balances")
	for _, raw := range balances.([]any) {
		b := raw.(map[string]any)
		p := inventory.Place{SKU: str(b["sku"]), Location: str(b["location"])}
		if got[p] == nil {
			got[p] = map[string]ontology.Qty{}
		}
		q, _ := b["qty"].(int64)
		got[p][str(b["lot"])] = ontology.Qty(q)
		if q > 0 {
			asked = append(asked, lotUID(t.tenant, p.SKU, str(b["lot"])))
		}
	}
	for p, lots := range got {
		t.kept.read(p, lots)
	}
	// Every lot asked is known now: one the answer leaves out has no expiry.
	at := map[string]time.Time{}
	expiries, _ := recs[0].Get("expiries")
	for _, raw := range expiries.([]any) {
		e := raw.(map[string]any)
		at[str(e["uid"])] = timeOf(e["at"])
	}
	for _, u := range asked {
		t.kept.expiry(u, at[u])
	}
	return nil
}

// LotExpiries implements inventory.Ledger.
func (s *Store) LotExpiries(ctx context.Context, tenant string, cells []ontology.Cell) (map[ontology.Cell]time.Time, error) {
	out := map[ontology.Cell]time.Time{}
	if len(cells) == 0 {
		return out, nil
	}
	uids := make([]string, 0, len(cells))
	byUID := map[string][]ontology.Cell{}
	for _, c := range cells {
		u := lotUID(tenant, c.SKU, c.Lot)
		if _, ok := byUID[u]; !ok {
			uids = append(uids, u)
		}
		byUID[u] = append(byUID[u], c)
	}
	_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := run(ctx, tx, `
UNWIND $uids AS u
MATCH (l:Lot {uid: u}) USING INDEX SEEK l:Lot(uid) WHERE l.tenant = $tenant AND l.expiresAt IS NOT NULL
RETURN u, l.expiresAt AS at`, map[string]any{"uids": uids, "tenant": tenant})
		if err != nil {
			return struct{}{}, err
		}
		for _, r := range recs {
			for _, c := range byUID[get[string](r, "u")] {
				out[c] = timeOf(recGet(r, "at"))
			}
		}
		return struct{}{}, nil
	})
	return out, err
}

// lotExpiries returns the expiry of every lot of a tenant that has one, by SKU and lot.
func lotExpiries(ctx context.Context, tx neo4j.ManagedTransaction, tenant string) (map[[2]string]time.Time, error) {
	recs, err := run(ctx, tx, `
MATCH (l:Lot) WHERE l.uid STARTS WITH $prefix AND l.tenant = $tenant AND l.expiresAt IS NOT NULL
RETURN l.sku AS sku, l.batch AS lot, l.expiresAt AS at`, map[string]any{"prefix": tenant + "/", "tenant": tenant})
	if err != nil {
		return nil, fmt.Errorf("reading lot expiries: %w", err)
	}
	out := make(map[[2]string]time.Time, len(recs))
	for _, r := range recs {
		out[[2]string{get[string](r, "sku"), get[string](r, "lot")}] = timeOf(recGet(r, "at"))
	}
	return out, nil
}
