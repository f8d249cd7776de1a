package neo4jstore

import (
	"context"
	"fmt"
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
	OutcomeDuplicate Outcome = "duplicate" // same key and bytes of a version already kept: nothing changed
	OutcomeUpdated   Outcome = "updated"   // same key, new content, newest by the source's clock: the current version
	OutcomeStale     Outcome = "stale"     // same key, new content, older by the source's clock: kept as history only
)

// batchSize bounds the rows of one UNWIND statement: large enough to amortise a round
// trip, small enough to keep one transaction's memory modest.
const batchSize = 500

// SaveDocuments stores envelopes idempotently by document key and returns one outcome per
// envelope, in order. New and updated documents are labelled Pending until resolution has
// linked them to an event.
//
// Every version of a document is kept. The SourceDocument node holds the current one (its
// canonical form, raw bytes and clock), as it always has, so resolution and every reader
// see only the current version; each version that is not current is a DocumentVersion
// node linked by HAS_VERSION, with its raw bytes. Which version is current is decided by
// the source's clock (ontology.Supersedes), not by arrival: a version older by that clock
// is stale, kept as history without touching the document, its resolution or stock. Bytes
// already kept, current or not, are a duplicate.
//
// Each chunk is one transaction of at most two statements: the first takes a write lock
// on every document of the chunk, reads its current clock and writes the documents that
// hold none yet (new ones), the second writes what Supersedes decided in between for the
// others. The lock keeps two concurrent deliveries of one document from both
// deciding against the same current version; documents are locked in uid order, so two
// chunks that share documents do not deadlock.
func (s *Store) SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]Outcome, error) {
	out := make([]Outcome, len(envs))
	now := s.Now().UTC()
	// Deliveries this call found new and stored: one delivery that maps to several
	// documents can span chunks, and a later chunk finds the Delivery node an earlier
	// one wrote. That is this delivery, not a sender's retry of it.
	ours := map[string]bool{}
	for _, c := range uniqueChunks(envs, batchSize) {
		rows := make([]versionRow, 0, len(c))
		for _, i := range c {
			r, err := newVersionRow(envs[i], now)
			if err != nil {
				return nil, err
			}
			rows = append(rows, r)
		}
		var fresh []string // the deliveries this chunk found new, in its last attempt
		got, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (res []Outcome, err error) {
			res, fresh, err = saveChunk(ctx, tx, rows, ours, now)
			return res, err
		})
		if err != nil {
			return nil, fmt.Errorf("saving documents: %w", err)
		}
		for _, d := range fresh {
			ours[d] = true
		}
		for j, i := range c {
			out[i] = got[j]
		}
	}
	return out, nil
}

// saveChunk is one chunk's work inside tx: lock the documents and read their clocks, then
// write what Supersedes decided. ours holds the deliveries stored earlier in the same
// call (see SaveDocuments); fresh are the deliveries this chunk found new.
func saveChunk(ctx context.Context, tx neo4j.ManagedTransaction, rows []versionRow, ours map[string]bool, now time.Time) (res []Outcome, fresh []string, err error) {
	heads, err := lockHeads(ctx, tx, rows, now)
	if err != nil {
		return nil, nil, err
	}
	res = make([]Outcome, len(rows))
	params := make([]map[string]any, 0, len(rows))
	for i, r := range rows {
		h := heads[r.uid]
		if d, ok := r.delivery.(string); ok && ours[d] {
			h.delivered = false
		} else if ok && !h.delivered {
			fresh = append(fresh, d)
		}
		res[i] = decide(h, r)
		if p, ok := r.params(res[i], h); ok {
			params = append(params, p)
		}
	}
	if len(params) == 0 {
		return res, fresh, nil
	}
	return res, fresh, exec(ctx, tx, saveVersions, map[string]any{"rows": params, "now": now})
}

// SaveDocuments stores envelopes inside the resolution's transaction, as
// Store.SaveDocuments does in one of its own, so that a live webhook's documents are
// stored and resolved with one commit (resolver.Matcher.ProcessSaved). The tenant's lock
// is taken before the documents' own, as every resolution takes them. The documents'
// locks are then held through the resolution's writes, longer than a plain save holds
// them: a plain save of an overlapping set whose resolution here relinks a document it
// holds can meet it in a cycle, which Neo4j detects as a deadlock and the driver retries.
// Every envelope must be of this transaction's tenant, each key once, and at most one
// chunk of them.
func (t *resolutionTx) SaveDocuments(ctx context.Context, envs []ontology.Envelope) ([]Outcome, error) {
	if len(uniqueChunks(envs, batchSize)) > 1 {
		return nil, fmt.Errorf("saving in the resolution: %d documents in more than one chunk", len(envs))
	}
	now := t.now().UTC()
	rows := make([]versionRow, 0, len(envs))
	for _, e := range envs {
		if e.Doc.Key.Tenant != t.tenant {
			return nil, fmt.Errorf("saving in the resolution of tenant %s: a document of tenant %s", t.tenant, e.Doc.Key.Tenant)
		}
		r, err := newVersionRow(e, now)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	res, _, err := saveChunk(ctx, t.tx, rows, nil, now)
	if err != nil {
		return nil, fmt.Errorf("saving documents: %w", err)
	}
	return res, nil
}

// uniqueChunks splits envelopes into chunks of at most size in which no document key
// repeats, as lists of indexes. A chunk reads every document before it writes any
// (lockHeads, then saveVersions), so two versions of one document in a chunk would both
// be decided against the same current version, and two copies would both look new; in
// separate chunks the second sees what the first wrote.
//
// A document's k-th envelope goes to round k, and the rounds are stored in order: each
// document's versions are decided in the order they came, against what the one before
// wrote. Cutting the list where a key repeats did the same, but an import of a day's
// files, where an order and its update a few lines apart are common, became a
// transaction per few dozen documents (182 chunks for 20,058 documents of seam
// simulate's month, where 41 hold them); by rounds it is about as few as the size allows.
// Documents keep no order among each other: what one stores never depends on another's.
func uniqueChunks(envs []ontology.Envelope, size int) [][]int {
	seen := make(map[string]int, len(envs))
	var rounds [][]int
	for i, e := range envs {
		uid := e.Doc.Key.UID()
		k := seen[uid]
		seen[uid] = k + 1
		if k == len(rounds) {
			rounds = append(rounds, nil)
		}
		rounds[k] = append(rounds[k], i)
	}
	var out [][]int
	for _, r := range rounds {
		for i := 0; i < len(r); i += size {
			out = append(out, r[i:min(i+size, len(r))])
		}
	}
	return out
}

// SeenDelivery reports whether a webhook delivery id was already stored for tenant and
// system, so a redelivery can be answered without mapping it again. It is asked before
// every webhook with a delivery id is stored, so it is one auto-commit statement
// (readOnce): a managed transaction's COMMIT was a round trip more on the webhook's path.
func (s *Store) SeenDelivery(ctx context.Context, tenant, system, deliveryID string) (bool, error) {
	recs, err := readOnce(ctx, s, "MATCH (d:Delivery {uid: $uid}) USING INDEX SEEK d:Delivery(uid) RETURN count(d) > 0 AS seen",
		map[string]any{"uid": tenant + "/" + system + "/" + deliveryID})
	if err != nil || len(recs) == 0 {
		return false, err
	}
	return get[bool](recs[0], "seen"), nil
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
