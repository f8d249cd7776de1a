package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// Outcome says what storing one document did. It is a plain string so that callers can
// declare the store interface they need without importing this package.
type Outcome = string

// The outcomes of SaveDocuments.
const (
	OutcomeNew       Outcome = "new"       // first time this key was seen
	OutcomeDuplicate Outcome = "duplicate" // same key and same bytes: nothing changed
	OutcomeUpdated   Outcome = "updated"   // same key, new content: a new version
)

// batchSize bounds the rows of one UNWIND statement: large enough to amortise a round
// trip, small enough to keep one transaction's memory modest.
const batchSize = 500

// SaveDocuments stores envelopes idempotently by document key and returns one outcome per
// envelope, in order. New and updated documents are labelled Pending until resolution has
// linked them to an event. The same key with the same bytes changes nothing.
func (s *Store) SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]Outcome, error) {
	out := make([]Outcome, 0, len(envs))
	now := s.Now().UTC()
	for _, c := range uniqueChunks(envs, batchSize) {
		rows := make([]map[string]any, 0, c[1]-c[0])
		for _, e := range envs[c[0]:c[1]] {
			canonical, err := json.Marshal(e.Doc)
			if err != nil {
				return nil, fmt.Errorf("encoding document %s: %w", e.Doc.Key, err)
			}
			received := e.ReceivedAt
			if received.IsZero() {
				received = now
			}
			var locSystem, locCode, locName any
			if l := e.Doc.Location; l != nil {
				locSystem, locCode, locName = l.System, l.Code, strings.TrimSpace(l.Name+" "+l.Address)
			}
			row := map[string]any{
				"uid":  e.Doc.Key.UID(),
				"hash": ontology.Hash(e.Raw),
				"props": map[string]any{
					"tenant":     e.Doc.Key.Tenant,
					"system":     e.Doc.Key.System,
					"type":       e.Doc.Key.Type,
					"externalId": e.Doc.Key.ExternalID,
					"role":       string(e.Doc.Role),
					"verb":       string(e.Doc.Verb),
					"status":     e.Doc.Status,
					"occurredAt": e.Doc.OccurredAt.UTC(),
					"receivedAt": received.UTC(),
					"hash":       ontology.Hash(e.Raw),
					"raw":        e.Raw,
					"format":     e.Format,
					"via":        e.Via,
					"canonical":  string(canonical),
					// The location as the source names it, so that a new alias can find
					// the documents whose stock it moves.
					"locSystem": locSystem,
					"locCode":   locCode,
					"locName":   locName,
				},
				"delivery": nil,
			}
			if e.DeliveryID != "" {
				row["delivery"] = e.Doc.Key.Tenant + "/" + e.Doc.Key.System + "/" + e.DeliveryID
			}
			rows = append(rows, row)
		}
		got, err := write(ctx, s, func(tx neo4j.ManagedTransaction) ([]Outcome, error) {
			recs, err := run(ctx, tx, `
UNWIND $rows AS r
MERGE (t:Tenant {name: r.props.tenant})
MERGE (d:SourceDocument {uid: r.uid})
  ON CREATE SET d.version = 0, d.tenant = r.props.tenant
WITH d, r, coalesce(d.hash = r.hash, false) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET d += r.props, d.version = d.version + 1, d.updatedAt = $now, d:Pending)
FOREACH (uid IN CASE WHEN r.delivery IS NULL THEN [] ELSE [r.delivery] END |
  MERGE (dl:Delivery {uid: uid}) ON CREATE SET dl.at = $now, dl.document = r.uid)
RETURN same, d.version AS version`, map[string]any{"rows": rows, "now": now})
			if err != nil {
				return nil, err
			}
			res := make([]Outcome, len(recs))
			for i, rec := range recs {
				switch {
				case get[bool](rec, "same"):
					res[i] = OutcomeDuplicate
				case get[int64](rec, "version") == 1:
					res[i] = OutcomeNew
				default:
					res[i] = OutcomeUpdated
				}
			}
			return res, nil
		})
		if err != nil {
			return nil, fmt.Errorf("saving documents: %w", err)
		}
		out = append(out, got...)
	}
	return out, nil
}

// uniqueChunks splits envelopes into ranges of at most size in which no document key
// repeats. Neo4j may read every row of an UNWIND before it writes any, so two copies of
// a document in one statement would both look new; in separate statements the second
// sees the first.
func uniqueChunks(envs []ontology.Envelope, size int) [][2]int {
	var out [][2]int
	start := 0
	seen := map[string]bool{}
	for i, e := range envs {
		uid := e.Doc.Key.UID()
		if seen[uid] || i-start == size {
			out = append(out, [2]int{start, i})
			start, seen = i, map[string]bool{}
		}
		seen[uid] = true
	}
	if start < len(envs) {
		out = append(out, [2]int{start, len(envs)})
	}
	return out
}

// SeenDelivery reports whether a webhook delivery id was already stored for tenant and
// system, so a redelivery can be answered without mapping it again.
func (s *Store) SeenDelivery(ctx context.Context, tenant, system, deliveryID string) (bool, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (bool, error) {
		recs, err := run(ctx, tx, "MATCH (d:Delivery {uid: $uid}) RETURN count(d) > 0 AS seen",
			map[string]any{"uid": tenant + "/" + system + "/" + deliveryID})
		if err != nil || len(recs) == 0 {
			return false, err
		}
		return get[bool](recs[0], "seen"), nil
	})
}

// Document returns the stored document with that key, or nil when there is none.
func (s *Store) Document(ctx context.Context, key ontology.DocKey) (*ontology.StoredDocument, error) {
	m, err := s.Documents(ctx, key.Tenant, []ontology.DocKey{key})
	if err != nil {
		return nil, err
	}
	return m[key.UID()], nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func timeOf(v any) time.Time {
	switch t := v.(type) {
	case time.Time:
		return t.UTC()
	case neo4j.LocalDateTime:
		return t.Time().UTC()
	}
	return time.Time{}
}
