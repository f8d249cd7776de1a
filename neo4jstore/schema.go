package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// migration is one versioned schema step. Steps only add (constraints, indexes) and use
// IF NOT EXISTS, so running one twice, or two replicas racing at start, is harmless.
type migration struct {
	version    int
	statements []string
}

// migrationData are, by step, statements that derive what the step's new schema holds
// from the data stored before it. They run after the step's schema statements, each in
// an auto-commit transaction of its own (so they may commit in parts with CALL ... IN
// TRANSACTIONS), and must give the same result when run again.
var migrationData = map[int][]string{
	68: {lotBalanceBackfill},
	69: {`
MATCH (d:SourceDocument)-[h:HAS_KEY]->(k:Key) WHERE h.mention = true
CALL (d, k) { MERGE (d)-[:NOTES_KEY]->(k) } IN TRANSACTIONS OF 10000 ROWS`},
}

// migrations is the schema history. Append new steps; never edit a released one.
//
// Uniqueness is on one computed property (uid) rather than on composite keys, so the same
// schema works on Community, Enterprise and Aura alike.
var migrations = []migration{
	{1, []string{
		"CREATE CONSTRAINT doc_uid IF NOT EXISTS FOR (d:SourceDocument) REQUIRE d.uid IS UNIQUE",
		"CREATE INDEX doc_tenant IF NOT EXISTS FOR (d:SourceDocument) ON (d.tenant)",
		"CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:BusinessEvent) REQUIRE e.id IS UNIQUE",
		"CREATE CONSTRAINT movement_id IF NOT EXISTS FOR (m:Movement) REQUIRE m.id IS UNIQUE",
		"CREATE INDEX movement_tenant IF NOT EXISTS FOR (m:Movement) ON (m.tenant)",
		"CREATE CONSTRAINT key_uid IF NOT EXISTS FOR (k:Key) REQUIRE k.uid IS UNIQUE",
		"CREATE CONSTRAINT quarantine_id IF NOT EXISTS FOR (q:Quarantine) REQUIRE q.id IS UNIQUE",
		"CREATE INDEX quarantine_tenant IF NOT EXISTS FOR (q:Quarantine) ON (q.tenant)",
		"CREATE INDEX event_tenant IF NOT EXISTS FOR (e:BusinessEvent) ON (e.tenant)",
		"CREATE CONSTRAINT delivery_uid IF NOT EXISTS FOR (d:Delivery) REQUIRE d.uid IS UNIQUE",
		"CREATE CONSTRAINT checkpoint_uid IF NOT EXISTS FOR (c:Checkpoint) REQUIRE c.uid IS UNIQUE",
		"CREATE CONSTRAINT lock_name IF NOT EXISTS FOR (l:Lock) REQUIRE l.name IS UNIQUE",
		"CREATE CONSTRAINT tenant_name IF NOT EXISTS FOR (t:Tenant) REQUIRE t.name IS UNIQUE",
		"CREATE CONSTRAINT product_uid IF NOT EXISTS FOR (p:Product) REQUIRE p.uid IS UNIQUE",
		"CREATE CONSTRAINT location_uid IF NOT EXISTS FOR (l:Location) REQUIRE l.uid IS UNIQUE",
		"CREATE CONSTRAINT party_uid IF NOT EXISTS FOR (p:Party) REQUIRE p.uid IS UNIQUE",
		"CREATE CONSTRAINT alias_uid IF NOT EXISTS FOR (a:Alias) REQUIRE a.uid IS UNIQUE",
		"CREATE CONSTRAINT lot_uid IF NOT EXISTS FOR (l:Lot) REQUIRE l.uid IS UNIQUE",
		// Queue labels: Pending documents await resolution, Unprojected movements await
		// the Redis projection. Both sets are small, so these label scans stay cheap.
		"CREATE INDEX pending_doc IF NOT EXISTS FOR (d:Pending) ON (d.tenant)",
		"CREATE INDEX unprojected_movement IF NOT EXISTS FOR (m:Unprojected) ON (m.tenant)",
	}},
	// v2: the review queue, people's decisions, and the location registry.
	{2, []string{
		"CREATE INDEX doc_location IF NOT EXISTS FOR (d:SourceDocument) ON (d.tenant, d.locSystem, d.locCode)",
		"CREATE CONSTRAINT review_id IF NOT EXISTS FOR (v:Review) REQUIRE v.id IS UNIQUE",
		"CREATE INDEX review_tenant IF NOT EXISTS FOR (v:Review) ON (v.tenant, v.status)",
		"CREATE CONSTRAINT decision_uid IF NOT EXISTS FOR (x:Decision) REQUIRE x.uid IS UNIQUE",
		"CREATE INDEX decision_a IF NOT EXISTS FOR (x:Decision) ON (x.a)",
		"CREATE INDEX decision_b IF NOT EXISTS FOR (x:Decision) ON (x.b)",
	}},
	// v3: block keys of probabilistic party matching.
	{3, []string{
		"CREATE INDEX party_block_name IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bName)",
		"CREATE INDEX party_block_address IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bAddr)",
	}},
	// v4: documents set aside by resolution (poison isolation).
	{4, []string{
		"CREATE INDEX setaside_doc IF NOT EXISTS FOR (d:SetAside) ON (d.tenant)",
	}},
	// v5: API keys: looked up by the hash of the presented secret on every request the cache
	// misses, listed and deleted by tenant, revoked by id.
	{5, []string{
		"CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE",
		"CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE",
		"CREATE INDEX api_key_tenant IF NOT EXISTS FOR (k:ApiKey) ON (k.tenant)",
	}},
	// v6: every version of a document is kept. DocumentVersion nodes hold the versions
	// that are not current; the uid finds a redelivered old version, the tenant index
	// serves tenant deletion. Documents stored before v6 need no rewrite: the first new
	// version of one turns what it holds into its first DocumentVersion.
	{6, []string{
		"CREATE CONSTRAINT doc_version_uid IF NOT EXISTS FOR (v:DocumentVersion) REQUIRE v.uid IS UNIQUE",
		"CREATE INDEX doc_version_tenant IF NOT EXISTS FOR (v:DocumentVersion) ON (v.tenant)",
	}},
	// v7: deliveries that make no document (ignored provider events) are kept.
	{7, []string{
		"CREATE CONSTRAINT notification_uid IF NOT EXISTS FOR (x:Notification) REQUIRE x.uid IS UNIQUE",
		"CREATE INDEX notification_tenant IF NOT EXISTS FOR (x:Notification) ON (x.tenant)",
	}},
	// v8: reservations. The id (a hash of tenant and idempotency key) is unique; live ones
	// are listed by status for verify and restore; an order finds its reservations by
	// its reference, and resolution finds the ones an order consumed by its document.
	{8, []string{
		"CREATE CONSTRAINT reservation_id IF NOT EXISTS FOR (x:Reservation) REQUIRE x.id IS UNIQUE",
		"CREATE INDEX reservation_status IF NOT EXISTS FOR (x:Reservation) ON (x.tenant, x.status)",
		"CREATE INDEX reservation_order IF NOT EXISTS FOR (x:Reservation) ON (x.tenant, x.orderRef)",
		"CREATE INDEX reservation_consumer IF NOT EXISTS FOR (x:Reservation) ON (x.tenant, x.consumedBy)",
	}},
	// v9: lines that name their product only in words and wait to be identified; the
	// catalogue they are scored against.
	{9, []string{
		"CREATE CONSTRAINT unresolved_product_uid IF NOT EXISTS FOR (u:UnresolvedProduct) REQUIRE u.uid IS UNIQUE",
		"CREATE INDEX unresolved_product_tenant IF NOT EXISTS FOR (u:UnresolvedProduct) ON (u.tenant, u.status)",
		"CREATE INDEX product_tenant IF NOT EXISTS FOR (p:Product) ON (p.tenant)",
	}},
	// v10: location codes learned from the business actions that join them.
	{10, []string{
		"CREATE CONSTRAINT location_link_uid IF NOT EXISTS FOR (x:LocationLink) REQUIRE x.uid IS UNIQUE",
		"CREATE INDEX location_link_tenant IF NOT EXISTS FOR (x:LocationLink) ON (x.tenant)",
	}},
	// v11: the block rules of party matching beyond name and address.
	{11, []string{
		"CREATE INDEX party_block_fampc IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bFamPc)",
		"CREATE INDEX party_block_dob IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bDob)",
		"CREATE INDEX party_block_givloc IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bGivLoc)",
		"CREATE INDEX party_block_nid IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bNid)",
		"CREATE CONSTRAINT party_model_uid IF NOT EXISTS FOR (m:PartyModel) REQUIRE m.uid IS UNIQUE",
		"CREATE INDEX party_model_tenant IF NOT EXISTS FOR (m:PartyModel) ON (m.tenant)",
	}},
	// v12: people's decisions on parties, one per pair; resolution loads the rejections.
	{12, []string{
		"CREATE CONSTRAINT party_decision_uid IF NOT EXISTS FOR (d:PartyDecision) REQUIRE d.uid IS UNIQUE",
		"CREATE INDEX party_decision_tenant IF NOT EXISTS FOR (d:PartyDecision) ON (d.tenant, d.verdict)",
	}},
	// v13: the block rule of a name's letters (Han names read in pinyin).
	{13, []string{
		"CREATE INDEX party_block_abc IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bAbc)",
	}},
	// v20: live stock control. Planning sums the lots on hand of one product at one
	// location (FEFO), and asks whether a product has lots at all; a count sums its cell.
	{20, []string{
		"CREATE INDEX movement_cell IF NOT EXISTS FOR (m:Movement) ON (m.tenant, m.sku, m.location)",
		"CREATE INDEX lot_product IF NOT EXISTS FOR (l:Lot) ON (l.tenant, l.sku)",
	}},
	// v21: counts of stock cells, one per id; stock accuracy lists a location's counts.
	{21, []string{
		"CREATE CONSTRAINT count_id IF NOT EXISTS FOR (x:Count) REQUIRE x.id IS UNIQUE",
		"CREATE INDEX count_location IF NOT EXISTS FOR (x:Count) ON (x.tenant, x.location)",
	}},
	// v30: alerts. openUid (tenant/key) exists only while an alert is open or
	// acknowledged, so its uniqueness is what keeps one alert per condition when several
	// replicas evaluate at once; alerts are listed by status and resolved by product.
	// Consumption rates read a product's recent movements by time.
	{30, []string{
		"CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE",
		"CREATE CONSTRAINT alert_open IF NOT EXISTS FOR (a:Alert) REQUIRE a.openUid IS UNIQUE",
		"CREATE INDEX alert_tenant IF NOT EXISTS FOR (a:Alert) ON (a.tenant)",
		"CREATE INDEX alert_status IF NOT EXISTS FOR (a:Alert) ON (a.tenant, a.status)",
		"CREATE INDEX alert_sku IF NOT EXISTS FOR (a:Alert) ON (a.tenant, a.sku, a.status)",
		"CREATE INDEX movement_sku_at IF NOT EXISTS FOR (m:Movement) ON (m.tenant, m.sku, m.at)",
	}},
	// v40: finance. A period's events are read in pages ordered by when they occurred;
	// the newest arrival of a tenant's documents is its data clock; reconciliation runs
	// remember their watermark per period; payment terms, circuit breakers with their
	// history, and purchase approvals are kept per supplier.
	{40, []string{
		"CREATE INDEX event_occurred IF NOT EXISTS FOR (e:BusinessEvent) ON (e.tenant, e.occurredAt)",
		"CREATE INDEX doc_received IF NOT EXISTS FOR (d:SourceDocument) ON (d.tenant, d.receivedAt)",
		"CREATE CONSTRAINT reconciliation_run_uid IF NOT EXISTS FOR (x:ReconciliationRun) REQUIRE x.uid IS UNIQUE",
		"CREATE INDEX reconciliation_run_tenant IF NOT EXISTS FOR (x:ReconciliationRun) ON (x.tenant)",
		"CREATE CONSTRAINT payment_terms_uid IF NOT EXISTS FOR (x:PaymentTerms) REQUIRE x.uid IS UNIQUE",
		"CREATE INDEX payment_terms_tenant IF NOT EXISTS FOR (x:PaymentTerms) ON (x.tenant)",
		"CREATE CONSTRAINT breaker_uid IF NOT EXISTS FOR (x:Breaker) REQUIRE x.uid IS UNIQUE",
		"CREATE INDEX breaker_tenant IF NOT EXISTS FOR (x:Breaker) ON (x.tenant, x.supplier)",
		"CREATE CONSTRAINT breaker_event_id IF NOT EXISTS FOR (x:BreakerEvent) REQUIRE x.id IS UNIQUE",
		"CREATE INDEX breaker_event_tenant IF NOT EXISTS FOR (x:BreakerEvent) ON (x.tenant, x.supplier)",
		"CREATE CONSTRAINT purchase_approval_uid IF NOT EXISTS FOR (x:PurchaseApproval) REQUIRE x.uid IS UNIQUE",
		"CREATE INDEX purchase_approval_tenant IF NOT EXISTS FOR (x:PurchaseApproval) ON (x.tenant)",
	}},
	// v50: pending documents in the order resolution takes them. With only the tenant
	// index, each batch read every pending document of the tenant to sort them, so a
	// bulk import that stores first and resolves afterwards cost O(backlog) per batch;
	// this index hands out a batch's page in order and reads nothing else (Pending).
	{50, []string{
		"CREATE INDEX pending_order IF NOT EXISTS FOR (d:Pending) ON (d.tenant, d.receivedAt, d.uid)",
	}},
	// v60: forecasts (one per product and location, replaced by each run), the runs'
	// figures, and order proposals: listed by status, superseded by key.
	{60, []string{
		"CREATE CONSTRAINT forecast_uid IF NOT EXISTS FOR (f:Forecast) REQUIRE f.uid IS UNIQUE",
		"CREATE INDEX forecast_tenant IF NOT EXISTS FOR (f:Forecast) ON (f.tenant)",
		"CREATE CONSTRAINT forecast_run_id IF NOT EXISTS FOR (r:ForecastRun) REQUIRE r.id IS UNIQUE",
		"CREATE INDEX forecast_run_tenant IF NOT EXISTS FOR (r:ForecastRun) ON (r.tenant, r.at)",
		"CREATE CONSTRAINT order_proposal_id IF NOT EXISTS FOR (x:OrderProposal) REQUIRE x.id IS UNIQUE",
		"CREATE INDEX order_proposal_status IF NOT EXISTS FOR (x:OrderProposal) ON (x.tenant, x.status)",
	}},
	// v65: a forecast refresh reads the tenant's signal documents by role, not all of
	// its documents.
	{65, []string{
		"CREATE INDEX doc_role IF NOT EXISTS FOR (d:SourceDocument) ON (d.tenant, d.role)",
	}},
	// v66: the block rule of a name's letters with Han names read in Wade-Giles, where
	// Taiwan's romanised names meet their Han writing. Parties filed before it gain the
	// key with their next mention.
	{66, []string{
		"CREATE INDEX party_block_abw IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bAbw)",
	}},
	// v68: the running on-hand balance of each lot at each place, kept with the movements
	// that change it, so planning reads a place's lots on hand without summing its
	// movements: summed, the read grew with the history before each batch of a backlog.
	// The data step fills the balances from the movements written before.
	{68, []string{
		"CREATE CONSTRAINT lot_balance_uid IF NOT EXISTS FOR (b:LotBalance) REQUIRE b.uid IS UNIQUE",
		"CREATE INDEX lot_balance_place IF NOT EXISTS FOR (b:LotBalance) ON (b.tenant, b.sku, b.location)",
	}},
	// v69: the documents whose notes name a key are linked to it by NOTES_KEY as well as
	// HAS_KEY {mention: true} (see eventsByKeysAndMentionsCypher); the data step links those
	// written before.
	{69, nil},
	// v70: the block rule of the digits a marketplace's mask shows of a mobile number,
	// where a masked order meets its buyer's plain ones. Parties filed before it gain
	// the key with their next mention.
	{70, []string{
		"CREATE INDEX party_block_mph IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bMph)",
	}},
	// v71: the block rule of a family name at a Chinese street number, where 赵女士
	// meets 赵冬梅. Parties filed before it gain the key with their next mention.
	{71, []string{
		"CREATE INDEX party_block_famst IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bFamSt)",
	}},
	// v72: the block rule of a family name's sound in any script with the postcode,
	// where 葉麗雪 meets Li-Hsue Yeh. Parties filed before it gain the key with their
	// next mention.
	{72, []string{
		"CREATE INDEX party_block_famsnd IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bFamSnd)",
	}},
	// v73: the block rule of the numbers of a Chinese or Taiwanese home, where a
	// nickname or the English form of the address (3F., No. 51, Sec. 2 for 二段51號3樓)
	// meets its person. Parties filed before it gain the key with their next mention.
	{73, []string{
		"CREATE INDEX party_block_home IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bHome)",
	}},
	// v74: the block rule of a family name in a Chinese compound's flat, where 杨先生
	// at the road's compound meets 杨东 at the compound picked on a map without the
	// road. Parties filed before it gain the key with their next mention.
	{74, []string{
		"CREATE INDEX party_block_famcmp IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bFamCmp)",
	}},
	// v75: the block rule of a Chinese compound's building and flat, where a family name
	// misread (季 for 李) or a unit left out (16号楼2703, 16栋2单元2703) meets its
	// person. Parties filed before it gain the key with their next mention.
	{75, []string{
		"CREATE INDEX party_block_cmpflat IF NOT EXISTS FOR (p:Party) ON (p.tenant, p.bCmpFlat)",
	}},
	// v76: lots whose expiry a document changed without moving them wait for the
	// projection under a queue label, as movements do (see lotFactsCypher).
	{76, []string{
		"CREATE INDEX unprojected_expiry IF NOT EXISTS FOR (l:UnprojectedExpiry) ON (l.tenant)",
	}},
	// v77: aliases by kind. A process loads every tenant's location aliases when it
	// starts; party aliases (one per mention) outnumber them by far, and without this
	// index that load read every Alias node.
	{77, []string{
		"CREATE INDEX alias_kind IF NOT EXISTS FOR (a:Alias) ON (a.kind)",
	}},
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// Migrate applies every schema step not yet recorded as applied, and records it. It is idempotent and safe
// to run from several replicas at start.
func (s *Store) Migrate(ctx context.Context) error {
	applied, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (map[int64]bool, error) {
		recs, err := run(ctx, tx, "MATCH (v:SchemaVersion {id: 'seam'}) RETURN v.applied AS applied", nil)
		done := map[int64]bool{}
		if err != nil || len(recs) == 0 {
			return done, err
		}
		list, _ := recs[0].Get("applied")
		steps, _ := list.([]any)
		for _, v := range steps {
			if n, ok := v.(int64); ok {
				done[n] = true
			}
		}
		return done, nil
	})
	if err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	// Steps are recorded one by one, not as a high-water mark: branches developed in
	// parallel number their steps independently, and a database that already ran step 6
	// must still run a step 5 that arrives later. A database from before this record
	// runs every step again, which IF NOT EXISTS makes harmless.
	for _, m := range migrations {
		if applied[int64(m.version)] {
			continue
		}
		// Schema statements cannot share a transaction with data writes, so each runs in
		// its own auto-commit transaction.
		for _, stmt := range m.statements {
			_, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(s.db))
			if err != nil {
				return fmt.Errorf("schema v%d: %s: %w", m.version, stmt, classify(err))
			}
		}
		for _, stmt := range migrationData[m.version] {
			if err := s.runData(ctx, stmt, nil); err != nil {
				return fmt.Errorf("schema v%d data: %w", m.version, err)
			}
		}
		_, err = neo4j.ExecuteQuery(ctx, s.driver, `
MERGE (v:SchemaVersion {id: 'seam'})
SET v.applied = [x IN coalesce(v.applied, []) WHERE x <> $version] + $version,
    v.version = CASE WHEN coalesce(v.version, 0) > $version THEN v.version ELSE $version END,
    v.at = datetime()`,
			map[string]any{"version": m.version}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			return fmt.Errorf("recording schema v%d: %w", m.version, classify(err))
		}
		s.log.Info("neo4j schema migrated", "version", m.version)
	}
	// Indexes build in the background; wait so the first queries use them.
	_, err = neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes(60)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		return fmt.Errorf("awaiting indexes: %w", classify(err))
	}
	return nil
}

// runData runs a data statement (migrationData) in an auto-commit transaction.
func (s *Store) runData(ctx context.Context, cypher string, params map[string]any) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return classify(err)
}
