package neo4jstore

import (
	"context"
	"fmt"
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

// lotFactsCypher records the lots documents name and the earliest expiry they give.
const lotFactsCypher = `UNWIND $rows AS r
MERGE (l:Lot {uid: r.uid}) ON CREATE SET l.tenant = $tenant, l.sku = r.sku, l.batch = r.lot
SET l.expiresAt = CASE
  WHEN r.expiresAt IS NULL THEN l.expiresAt
  WHEN l.expiresAt IS NULL OR r.expiresAt < l.expiresAt THEN r.expiresAt
  ELSE l.expiresAt END`

func lotFactRows(ch *resolver.Changes) []map[string]any {
	rows := make([]map[string]any, 0, len(ch.Lots))
	for _, f := range ch.Lots {
		rows = append(rows, map[string]any{"uid": lotUID(ch.Tenant, f.SKU, f.Lot), "sku": f.SKU, "lot": f.Lot,
			"expiresAt": nullableTime(f.ExpiresAt)})
	}
	return rows
}

// lotStockCypher sums the lots on hand at places from their lot movements alone. The
// hint keeps it on movement_lot, whose bucket and lot narrow the seek to movements with
// a lot: through movement_cell it would read every movement of the place to keep those
// few, and a backlog's batches would cost more the more history they come after.
const lotStockCypher = `
UNWIND $places AS p
WITH p WHERE EXISTS { MATCH (:Lot {tenant: $tenant, sku: p.sku}) }
CALL (p) {
  MATCH (m:Movement) USING INDEX m:Movement(tenant, sku, location, bucket, lot)
  WHERE m.tenant = $tenant AND m.sku = p.sku AND m.location = p.location AND m.bucket = 'onHand' AND m.lot > ''
  WITH m.lot AS lot, sum(m.qty) AS qty WHERE qty > 0
  RETURN lot, qty
}
OPTIONAL MATCH (l:Lot {uid: $tenant + '/' + p.sku + $sep + lot})
RETURN p.sku AS sku, p.location AS location, lot, qty, l.expiresAt AS expiresAt`

// lotStockParams are lotStockCypher's parameters.
func lotStockParams(tenant string, places []inventory.Place) map[string]any {
	rows := make([]map[string]any, 0, len(places))
	for _, p := range places {
		rows = append(rows, map[string]any{"sku": p.SKU, "location": p.Location})
	}
	return map[string]any{"places": rows, "tenant": tenant, "sep": "\x1f"}
}

// LotStock implements resolver.Tx: the on-hand quantity of every lot with stock at the
// places asked, summed from the ledger, with each lot's expiry. Only products that have
// lots are summed, so a tenant without lots pays one index lookup per place.
func (t *resolutionTx) LotStock(ctx context.Context, places []inventory.Place) (*inventory.LotStock, error) {
	out := inventory.NewLotStock()
	if len(places) == 0 {
		return out, nil
	}
	recs, err := run(ctx, t.tx, lotStockCypher, lotStockParams(t.tenant, places))
	if err != nil {
		return nil, fmt.Errorf("summing lots on hand: %w", err)
	}
	for _, r := range recs {
		sku, lot := get[string](r, "sku"), get[string](r, "lot")
		out.Add(inventory.Place{SKU: sku, Location: get[string](r, "location")}, lot, ontology.Qty(get[int64](r, "qty")))
		out.Expires(sku, lot, timeOf(recGet(r, "expiresAt")))
	}
	return out, nil
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
MATCH (l:Lot {uid: u}) WHERE l.tenant = $tenant AND l.expiresAt IS NOT NULL
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
