package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

var _ inventory.Ledger = (*Store)(nil)

// Unprojected returns up to limit movements still awaiting the live-stock projection.
func (s *Store) Unprojected(ctx context.Context, tenant string, limit int) ([]ontology.Movement, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]ontology.Movement, error) {
		recs, err := run(ctx, tx, `
MATCH (m:Unprojected {tenant: $tenant})
RETURN m ORDER BY m.at, m.id LIMIT $limit`, map[string]any{"tenant": tenant, "limit": limit})
		if err != nil {
			return nil, err
		}
		out := make([]ontology.Movement, 0, len(recs))
		for _, rec := range recs {
			out = append(out, movementOf(get[neo4j.Node](rec, "m").Props))
		}
		return out, nil
	})
}

func movementOf(p map[string]any) ontology.Movement {
	q, _ := p["qty"].(int64)
	return ontology.Movement{
		Tenant: str(p["tenant"]), ID: str(p["id"]), EventID: str(p["eventId"]), SKU: str(p["sku"]),
		Location: str(p["location"]), Lot: str(p["lot"]), Bucket: ontology.Bucket(str(p["bucket"])),
		Qty: ontology.Qty(q), At: timeOf(p["at"]), Reason: str(p["reason"]),
	}
}

// MarkProjected clears the Unprojected mark of movements.
func (s *Store) MarkProjected(ctx context.Context, tenant string, ids []string) error {
	for _, c := range chunks(len(ids), 5000) {
		_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `
UNWIND $ids AS id MATCH (m:Movement {id: id}) USING INDEX SEEK m:Movement(id) WHERE m.tenant = $tenant REMOVE m:Unprojected`,
				map[string]any{"ids": ids[c[0]:c[1]], "tenant": tenant})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Totals sums all movements of a tenant per cell: the ledger's stock.
func (s *Store) Totals(ctx context.Context, tenant string) ([]inventory.Stock, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]inventory.Stock, error) {
		recs, err := run(ctx, tx, `
MATCH (m:Movement {tenant: $tenant})
RETURN m.sku AS sku, m.location AS location, m.lot AS lot, m.bucket AS bucket, sum(m.qty) AS qty`,
			map[string]any{"tenant": tenant})
		if err != nil {
			return nil, err
		}
		cells := map[ontology.Cell]*inventory.Stock{}
		var order []ontology.Cell
		for _, rec := range recs {
			c := ontology.Cell{SKU: get[string](rec, "sku"), Location: get[string](rec, "location"), Lot: get[string](rec, "lot")}
			st := cells[c]
			if st == nil {
				st = &inventory.Stock{Cell: c}
				cells[c] = st
				order = append(order, c)
			}
			st.Set(ontology.Bucket(get[string](rec, "bucket")), ontology.Qty(get[int64](rec, "qty")))
		}
		exp, err := lotExpiries(ctx, tx, tenant)
		if err != nil {
			return nil, err
		}
		out := make([]inventory.Stock, 0, len(order))
		for _, c := range order {
			st := *cells[c]
			if c.Lot != "" {
				st.ExpiresAt = exp[[2]string{c.SKU, c.Lot}]
			}
			out = append(out, st)
		}
		return out, nil
	})
}

// Tenants lists every tenant that has stored anything.
func (s *Store) Tenants(ctx context.Context) ([]string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]string, error) {
		recs, err := run(ctx, tx, "MATCH (t:Tenant) RETURN t.name AS name ORDER BY name", nil)
		if err != nil {
			return nil, err
		}
		out := make([]string, 0, len(recs))
		for _, r := range recs {
			out = append(out, get[string](r, "name"))
		}
		return out, nil
	})
}

// PendingTenants lists the tenants whose names start with prefix ("" for every tenant)
// that have documents awaiting resolution or movements awaiting projection: the work a
// restarted process must finish.
//
// The scan begins at prefix and ends at the first tenant past it, so a process that
// sweeps for its own tenants on a database others share costs a seek per tenant of its
// own, not one per tenant with work of every process: on a shared database where 3,870
// tenants of other runs held work, the whole list took 0.8-1.9 s of statements in
// sequence, every sweep (2 s), and a live webhook's resolution met them on Neo4j's cores.
func (s *Store) PendingTenants(ctx context.Context, prefix string) ([]string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]string, error) {
		var out []string
		seen := map[string]bool{}
		for _, next := range []string{nextPendingTenant, nextUnprojectedTenant, nextUnprojectedExpiryTenant} {
			for after := ""; ; {
				recs, err := run(ctx, tx, next, map[string]any{"from": prefix, "after": after})
				if err != nil {
					return nil, fmt.Errorf("listing tenants with pending work: %w", err)
				}
				if len(recs) == 0 {
					break
				}
				after = get[string](recs[0], "t")
				if !strings.HasPrefix(after, prefix) {
					break // tenants in order: every one from here on is another's
				}
				if !seen[after] {
					seen[after] = true
					out = append(out, after)
				}
			}
		}
		return out, nil
	})
}

// nextPendingTenant and nextUnprojectedTenant find the first tenant after $after, and
// not before $from, holding a node of a queue label: one seek of the label's tenant
// index, in its order (both bounds are one range). PendingTenants steps through the
// tenants with them (a loose index scan), so that listing them costs a seek per tenant
// with work. A DISTINCT over the label read every queued node: 0.4-2.9 s with 360,000
// documents pending, every sweep (2 s), in every process.
const (
	nextPendingTenant     = `MATCH (d:Pending) WHERE d.tenant >= $from AND d.tenant > $after RETURN d.tenant AS t ORDER BY t LIMIT 1`
	nextUnprojectedTenant = `MATCH (m:Unprojected) WHERE m.tenant >= $from AND m.tenant > $after RETURN m.tenant AS t ORDER BY t LIMIT 1`
	// Lots whose expiry waits for the projection (lotFactsCypher).
	nextUnprojectedExpiryTenant = `MATCH (l:UnprojectedExpiry) WHERE l.tenant >= $from AND l.tenant > $after RETURN l.tenant AS t ORDER BY t LIMIT 1`
)

// SKUStock computes one product's live stock from the ledger itself, in one query: the
// product any spelling names, then its movements summed per cell, sorted by location
// and lot. It is what a stock read would cost if it asked Neo4j; `seam bench stock`
// sets it beside the Redis projection, which answers the same.
func (s *Store) SKUStock(ctx context.Context, tenant, sku, location string) ([]inventory.Stock, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]inventory.Stock, error) {
		recs, err := run(ctx, tx, `
OPTIONAL MATCH (al:Alias {uid: $alias, tenant: $tenant}) USING INDEX SEEK al:Alias(uid)
WITH coalesce(al.target, $fallback) AS sku
MATCH (p:Product {uid: $tenant + '/' + sku})<-[:OF]-(m) USING INDEX SEEK p:Product(uid)
WHERE $location = '' OR m.location = $location
RETURN sku, m.location AS location, m.lot AS lot, m.bucket AS bucket, sum(m.qty) AS qty
ORDER BY location, lot`, map[string]any{"tenant": tenant, "alias": tenant + "/product/" + resolver.CanonicalSKUKey(sku),
			"fallback": resolver.CanonicalSKU(sku), "location": location})
		if err != nil {
			return nil, fmt.Errorf("summing the stock of %s: %w", sku, err)
		}
		var out []inventory.Stock
		for _, r := range recs {
			c := ontology.Cell{SKU: get[string](r, "sku"), Location: get[string](r, "location"), Lot: get[string](r, "lot")}
			if len(out) == 0 || out[len(out)-1].Cell != c {
				out = append(out, inventory.Stock{Cell: c})
			}
			out[len(out)-1].Set(ontology.Bucket(get[string](r, "bucket")), ontology.Qty(get[int64](r, "qty")))
		}
		return out, nil
	})
}
