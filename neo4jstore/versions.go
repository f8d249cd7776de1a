package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/ontology"
)

// versionRow is one envelope of SaveDocuments, ready to be written either way: as the
// document's new current version, or as a version kept only as history.
type versionRow struct {
	uid, tenant, hash string
	clock             ontology.SourceClock
	// props are the SourceDocument's properties when this version becomes current.
	props map[string]any
	// history are the DocumentVersion's properties when it is kept as history.
	history  map[string]any
	delivery any
}

// versionUID is the uid of a DocumentVersion node: the document's uid and the hash of
// the version's bytes, so the same bytes of one document are one node however often
// they arrive. The hash has a fixed length and no '@', so the uid is unambiguous.
func versionUID(docUID, hash string) string { return docUID + "@" + hash }

func newVersionRow(e ontology.Envelope, now time.Time) (versionRow, error) {
	canonical, err := json.Marshal(e.Doc)
	if err != nil {
		return versionRow{}, fmt.Errorf("encoding document %s: %w", e.Doc.Key, err)
	}
	received := e.ReceivedAt
	if received.IsZero() {
		received = now
	}
	var locSystem, locCode, locName any
	if l := e.Doc.Location; l != nil {
		locSystem, locCode, locName = l.System, l.Code, strings.TrimSpace(l.Name+" "+l.Address)
	}
	r := versionRow{
		uid: e.Doc.Key.UID(), tenant: e.Doc.Key.Tenant, hash: ontology.Hash(e.Raw), clock: e.Doc.Clock(),
	}
	// The version's own facts, on the document while it is current and on its
	// DocumentVersion once it is not.
	version := map[string]any{
		"tenant":         r.tenant,
		"document":       r.uid,
		"receivedAt":     received.UTC(),
		"hash":           r.hash,
		"raw":            e.Raw,
		"format":         e.Format,
		"via":            e.Via,
		"sourceTime":     timeOrNil(r.clock.Time),
		"sourceVersion":  int64OrNil(r.clock.Version),
		"sourceProgress": progressOrNil(r.clock.Progress),
	}
	r.history = version
	r.props = map[string]any{
		"system":     e.Doc.Key.System,
		"type":       e.Doc.Key.Type,
		"externalId": e.Doc.Key.ExternalID,
		"role":       string(e.Doc.Role),
		"verb":       string(e.Doc.Verb),
		"status":     e.Doc.Status,
		"occurredAt": e.Doc.OccurredAt.UTC(),
		"canonical":  string(canonical),
		// The location as the source names it, so that a new alias can find the
		// documents whose stock it moves.
		"locSystem": locSystem,
		"locCode":   locCode,
		"locName":   locName,
	}
	for k, v := range version {
		if k != "document" {
			r.props[k] = v
		}
	}
	if e.DeliveryID != "" {
		r.delivery = e.Doc.Key.Tenant + "/" + e.Doc.Key.System + "/" + e.DeliveryID
	}
	return r, nil
}

func timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func int64OrNil(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

func progressOrNil(p []int64) any {
	if len(p) == 0 {
		return nil
	}
	return p
}

// progressOf reads a stored progression (a list of integers); nil where none is stored.
func progressOf(v any) ([]int64, error) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, nil
	}
	out := make([]int64, len(list))
	for i, x := range list {
		n, isInt := x.(int64)
		if !isInt {
			return nil, fmt.Errorf("source progress %v is not a list of integers", v)
		}
		out[i] = n
	}
	return out, nil
}

// head is what a document holds when a version of it arrives.
type head struct {
	stored bool   // the document has a current version
	hash   string // the current version's hash
	clock  ontology.SourceClock
	known  bool // the arriving bytes are a version already kept as history
	// delivered: the webhook delivery that brings this version was stored before (a
	// sender's retry). The webhook handler used to ask this in a statement of its own
	// before every delivery; asked here it costs no round trip on a webhook's path.
	delivered bool
}

// decide says what an arriving version is to its document: new, a duplicate (of bytes
// already kept, or brought by a webhook delivery stored before), the new current
// version, or a stale one kept as history.
func decide(h head, r versionRow) Outcome {
	switch {
	case !h.stored:
		return OutcomeNew
	case h.hash == r.hash || h.known || h.delivered:
		return OutcomeDuplicate
	case ontology.Supersedes(h.clock, r.clock):
		return OutcomeUpdated
	}
	return OutcomeStale
}

// params are the row's parameters for saveVersions: only what the outcome writes, so
// that a duplicate's bytes do not travel twice. A new document was written by lockHeads,
// and a duplicate that brings no delivery writes nothing: neither has a row (ok false).
func (r versionRow) params(o Outcome, h head) (p map[string]any, ok bool) {
	p = map[string]any{"uid": r.uid, "action": o, "delivery": r.delivery}
	switch o {
	case OutcomeNew:
		return nil, false
	case OutcomeDuplicate:
		return p, r.delivery != nil
	case OutcomeUpdated:
		p["props"] = r.props
		p["previous"] = versionUID(r.uid, h.hash)
	case OutcomeStale:
		p["history"] = r.history
		p["vuid"] = versionUID(r.uid, r.hash)
	}
	return p, true
}

// lockHeads takes a write lock on the document of every row (creating an empty one for
// a key not seen yet) and reads what each holds. The lock lasts until the transaction
// ends, so no other writer changes the current version between this read and the write.
//
// A document that holds no version yet is new whatever else is true (decide), so its
// version is written here, in the same statement: a chunk of new documents (a first
// import, a new order's webhook) is one statement, not two, and its rows carry their
// properties once. Documents already held are decided after this read and written by
// saveVersions. The tenants' nodes are merged once per tenant, not once per row.
func lockHeads(ctx context.Context, tx neo4j.ManagedTransaction, rows []versionRow, now time.Time) (map[string]head, error) {
	keys := make([]map[string]any, len(rows))
	var tenants []string
	for i, r := range rows {
		keys[i] = map[string]any{"uid": r.uid, "tenant": r.tenant, "vuid": versionUID(r.uid, r.hash), "delivery": r.delivery,
			"props": r.props}
		if !slices.Contains(tenants, r.tenant) {
			tenants = append(tenants, r.tenant)
		}
	}
	// In uid order, so that transactions locking the same documents cannot deadlock.
	slices.SortFunc(keys, func(a, b map[string]any) int { return strings.Compare(a["uid"].(string), b["uid"].(string)) })
	recs, err := run(ctx, tx, lockAndCreate, map[string]any{"keys": keys, "tenants": tenants, "now": now})
	if err != nil {
		return nil, err
	}
	out := make(map[string]head, len(recs))
	for _, rec := range recs {
		h := head{hash: get[string](rec, "hash"), known: get[bool](rec, "known"), delivered: get[bool](rec, "delivered")}
		h.stored = h.hash != ""
		if v, ok := rec.Get("sourceTime"); ok {
			h.clock.Time = timeOf(v)
		}
		if v, ok := rec.Get("sourceVersion"); ok && v != nil {
			n, isInt := v.(int64)
			if !isInt {
				return nil, fmt.Errorf("document %s: source version %v is not an integer", get[string](rec, "uid"), v)
			}
			h.clock.Version = &n
		}
		if v, ok := rec.Get("sourceProgress"); ok {
			p, err := progressOf(v)
			if err != nil {
				return nil, fmt.Errorf("document %s: %w", get[string](rec, "uid"), err)
			}
			h.clock.Progress = p
		}
		out[get[string](rec, "uid")] = h
	}
	return out, nil
}

// lockAndCreate is lockHeads' statement. It reads every document's current version
// before it writes any, so a delivery two new documents of the chunk share is new to
// both, as it was when saveVersions wrote them all. A new document gets what
// saveVersions' 'new' action gives it: its properties, version 1 (or the next one, for
// a document node that held none), Pending, and its delivery.
const lockAndCreate = `
CALL () { UNWIND $tenants AS name MERGE (:Tenant {name: name}) }
UNWIND $keys AS k
MERGE (d:SourceDocument {uid: k.uid})
  ON CREATE SET d.version = 0, d.tenant = k.tenant
  ON MATCH SET d.locked = true
REMOVE d.locked
WITH k, d, d.hash AS hash, d.sourceTime AS sourceTime, d.sourceVersion AS sourceVersion, d.sourceProgress AS sourceProgress,
  EXISTS { MATCH (v:DocumentVersion {uid: k.vuid}) USING INDEX SEEK v:DocumentVersion(uid) } AS known,
  k.delivery IS NOT NULL AND EXISTS { MATCH (dl:Delivery {uid: k.delivery}) USING INDEX SEEK dl:Delivery(uid) } AS delivered
CALL (k, d, hash) {
  WITH k, d WHERE hash IS NULL
  WITH k, d, coalesce(d.versions, d.version) + 1 AS n
  SET d += k.props, d.version = n, d.versions = n, d.updatedAt = $now, d:Pending
  REMOVE d:SetAside
  FOREACH (uid IN CASE WHEN k.delivery IS NULL THEN [] ELSE [k.delivery] END |
    MERGE (dl:Delivery {uid: uid}) ON CREATE SET dl.at = $now, dl.document = k.uid)
}
RETURN k.uid AS uid, hash, sourceTime, sourceVersion, sourceProgress, known, delivered`

// saveVersions writes what decide said for the documents lockHeads found stored, one
// row per document that changes. A new current version first turns the one it replaces
// into a DocumentVersion, with its bytes and clock (a document stored before versions
// were kept gets its first one this way); a stale version becomes a DocumentVersion and
// leaves the document as it is: not Pending, so resolution and stock do not move; a
// duplicate keeps its delivery. n numbers the versions of a document by arrival;
// documents stored before versions were counted continue from their version.
const saveVersions = `
UNWIND $rows AS r
MATCH (d:SourceDocument {uid: r.uid}) USING INDEX SEEK d:SourceDocument(uid)
WITH d, r, coalesce(d.versions, d.version) + 1 AS n
FOREACH (_ IN CASE WHEN r.action = 'updated' THEN [1] ELSE [] END |
  MERGE (old:DocumentVersion {uid: r.previous})
    ON CREATE SET old.tenant = d.tenant, old.document = d.uid, old.version = d.version, old.hash = d.hash,
      old.raw = d.raw, old.format = d.format, old.via = d.via, old.receivedAt = d.receivedAt,
      old.sourceTime = d.sourceTime, old.sourceVersion = d.sourceVersion, old.sourceProgress = d.sourceProgress
  MERGE (d)-[:HAS_VERSION]->(old)
  SET d += r.props, d.version = n, d.versions = n, d.updatedAt = $now, d:Pending
  REMOVE d:SetAside)
FOREACH (_ IN CASE WHEN r.action = 'stale' THEN [1] ELSE [] END |
  MERGE (v:DocumentVersion {uid: r.vuid})
    ON CREATE SET v += r.history, v.version = n
  MERGE (d)-[:HAS_VERSION]->(v)
  SET d.versions = n)
FOREACH (uid IN CASE WHEN r.delivery IS NULL THEN [] ELSE [r.delivery] END |
  MERGE (dl:Delivery {uid: uid}) ON CREATE SET dl.at = $now, dl.document = r.uid)`

// DocumentVersions returns every version of the document with that key, newest first by
// the source's order (ontology.SortVersions), with their raw bytes; nil when there is no
// such document.
func (s *Store) DocumentVersions(ctx context.Context, key ontology.DocKey) ([]ontology.DocumentVersion, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]ontology.DocumentVersion, error) {
		recs, err := run(ctx, tx, `
MATCH (d:SourceDocument {uid: $uid, tenant: $tenant}) USING INDEX SEEK d:SourceDocument(uid) WHERE d.hash IS NOT NULL
OPTIONAL MATCH (d)-[:HAS_VERSION]->(v) WHERE v.tenant = $tenant
RETURN d, collect(v) AS history`, map[string]any{"uid": key.UID(), "tenant": key.Tenant})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		cur := versionOf(get[neo4j.Node](recs[0], "d").Props)
		cur.Current = true
		out := []ontology.DocumentVersion{cur}
		history, _ := recs[0].Get("history")
		for _, v := range history.([]any) {
			n, ok := v.(neo4j.Node)
			if !ok {
				return nil, fmt.Errorf("version of %s is %T, not a node", key, v)
			}
			out = append(out, versionOf(n.Props))
		}
		ontology.SortVersions(out)
		return out, nil
	})
}

// versionOf reads a version's facts from a SourceDocument (its current version) or a
// DocumentVersion node, which name them alike.
func versionOf(p map[string]any) ontology.DocumentVersion {
	v := ontology.DocumentVersion{
		ReceivedAt: timeOf(p["receivedAt"]), Hash: str(p["hash"]), Format: str(p["format"]), Via: str(p["via"]),
	}
	v.Version, _ = p["version"].(int64)
	v.Raw, _ = p["raw"].([]byte)
	v.Clock.Time = timeOf(p["sourceTime"])
	if n, ok := p["sourceVersion"].(int64); ok {
		v.Clock.Version = &n
	}
	// A stored progression is a list of integers, as this package writes it.
	v.Clock.Progress, _ = progressOf(p["sourceProgress"])
	return v
}
