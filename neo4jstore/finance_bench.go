package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// BenchEvent is one business event written whole by LoadBenchEvents.
type BenchEvent struct {
	ID            string
	Kind          ontology.EventKind
	OccurredAt    time.Time
	Docs          []ontology.Document
	Discrepancies string // the event's goods differences as resolution stores them (JSON)
}

// benchKeyKinds are the reference kinds reconciliation follows between events; the
// loader writes keys of these kinds only.
var benchKeyKinds = map[ontology.RefKind]bool{ontology.RefPayout: true, ontology.RefInvoice: true}

// LoadBenchEvents writes events with their documents in the shape resolution leaves
// them (documents evidencing events, the keys reconciliation follows, product aliases),
// without resolving: it fills a tenant with a million documents in about a minute,
// for `seam bench reconcile`. It is for benchmarks only; use DeleteTenant after.
func (s *Store) LoadBenchEvents(ctx context.Context, tenant string, evs []BenchEvent, skus []string) error {
	now := s.Now().UTC()
	rows := make([]map[string]any, 0, len(evs))
	for _, ev := range evs {
		docs := make([]map[string]any, 0, len(ev.Docs))
		for _, d := range ev.Docs {
			d.Key.Tenant = tenant
			canonical, err := json.Marshal(d)
			if err != nil {
				return fmt.Errorf("encoding %s: %w", d.Key, err)
			}
			var keys []map[string]any
			for _, r := range d.Refs {
				if benchKeyKinds[r.Kind] {
					identity := r.Kind == ontology.RefInvoice && d.Role == ontology.RoleInvoice ||
						r.Kind == ontology.RefPayout && d.Role == ontology.RolePayout
					keys = append(keys, map[string]any{"uid": tenant + "/" + r.ID(), "kind": string(r.Kind), "value": r.Value, "identity": identity})
				}
			}
			docs = append(docs, map[string]any{"uid": d.Key.UID(), "system": d.Key.System, "type": d.Key.Type,
				"externalId": d.Key.ExternalID, "role": string(d.Role), "verb": string(d.Verb), "status": d.Status,
				"at": d.OccurredAt.UTC(), "canonical": string(canonical), "keys": keys})
		}
		rows = append(rows, map[string]any{"id": ev.ID, "kind": string(ev.Kind), "at": ev.OccurredAt.UTC(),
			"disc": ev.Discrepancies, "docs": docs})
	}
	for _, c := range chunks(len(rows), 200) {
		_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `
UNWIND $rows AS r
CREATE (e:BusinessEvent {id: r.id, tenant: $tenant, kind: r.kind, status: 'settled', occurredAt: r.at,
                         discrepancies: r.disc, createdAt: $now, updatedAt: $now})
WITH e, r
UNWIND r.docs AS d
CREATE (x:SourceDocument {uid: d.uid, tenant: $tenant, system: d.system, type: d.type, externalId: d.externalId,
                          role: d.role, verb: d.verb, status: d.status, occurredAt: d.at, receivedAt: $now,
                          canonical: d.canonical, version: 1, via: 'bench', format: 'json'})
CREATE (x)-[:EVIDENCES {role: d.role, decidedBy: 'rule:bench', score: 1.0}]->(e)
WITH x, d
UNWIND d.keys AS k
MERGE (key:Key {uid: k.uid}) ON CREATE SET key.tenant = $tenant, key.kind = k.kind, key.value = k.value
CREATE (x)-[:HAS_KEY {identity: k.identity, mention: false}]->(key)`,
				map[string]any{"rows": rows[c[0]:c[1]], "tenant": tenant, "now": now})
		})
		if err != nil {
			return fmt.Errorf("loading benchmark events: %w", err)
		}
	}
	if len(skus) == 0 {
		return nil
	}
	aliases := make([]map[string]any, 0, len(skus))
	for _, sku := range skus {
		key := resolver.CanonicalSKUKey(sku)
		aliases = append(aliases, map[string]any{"uid": tenant + "/product/" + key, "code": key, "sku": sku})
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
UNWIND $rows AS r
MERGE (al:Alias {uid: r.uid}) ON CREATE SET al.tenant = $tenant, al.kind = 'product', al.code = r.code, al.target = r.sku`,
			map[string]any{"rows": aliases, "tenant": tenant})
	})
	return err
}
