package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/ontology"
)

var (
	_ finance.TermsStore    = (*Store)(nil)
	_ finance.EvidenceStore = (*Store)(nil)
	_ finance.BreakerLedger = (*Store)(nil)
	_ finance.PurchaseStore = (*Store)(nil)
)

// AgreedTerms implements finance.TermsStore.
func (s *Store) AgreedTerms(ctx context.Context, tenant, supplier string) (int, bool, error) {
	type out struct {
		days int
		ok   bool
	}
	o, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (out, error) {
		recs, err := run(ctx, tx, `MATCH (x:PaymentTerms {uid: $uid}) USING INDEX SEEK x:PaymentTerms(uid) WHERE x.tenant = $tenant RETURN x.days AS days`,
			map[string]any{"uid": tenant + "/" + supplier, "tenant": tenant})
		if err != nil || len(recs) == 0 {
			return out{}, err
		}
		return out{int(get[int64](recs[0], "days")), true}, nil
	})
	return o.days, o.ok, err
}

// SetAgreedTerms implements finance.TermsStore.
func (s *Store) SetAgreedTerms(ctx context.Context, tenant, supplier string, days int, by string) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MERGE (x:PaymentTerms {uid: $uid}) ON CREATE SET x.tenant = $tenant, x.supplier = $supplier
WITH x WHERE x.tenant = $tenant
SET x.days = $days, x.by = $by, x.at = $now`,
			map[string]any{"uid": tenant + "/" + supplier, "tenant": tenant, "supplier": supplier, "days": days, "by": by, "now": s.Now().UTC()})
	})
	return err
}

// supplierParties is the opening of the evidence queries: the parties a supplier code
// ("system:code") names, with every party resolution found to be the same.
const supplierParties = `
MATCH (al:Alias {uid: $alias})-[:NAMES]->(p:Party) USING INDEX SEEK al:Alias(uid)
OPTIONAL MATCH (p)-[:SAME_AS*1..32]->(r:Party) WHERE NOT (r)-[:SAME_AS]->()
WITH DISTINCT coalesce(r, p) AS root
MATCH (q:Party)-[:SAME_AS*0..32]->(root)
WITH DISTINCT q`

// supplierAlias is the party alias key resolution stores for a supplier's code in a system.
func supplierAlias(tenant, supplier string) (string, error) {
	if err := finance.CheckSupplier(supplier); err != nil {
		return "", err
	}
	system, code, _ := strings.Cut(supplier, ":")
	return tenant + "/party/ext:" + system + ":" + string(ontology.PartySupplier) + ":" + code, nil
}

// PaymentCycles implements finance.EvidenceStore: the supplier's invoices with their
// first payment, in their event or in a payment naming them from elsewhere. A draft
// (ERPNext docstatus 0, mapped as ordered) is no invoice: a draft debit note carries the
// number of the invoice it returns against, and would take that invoice's payment.
func (s *Store) PaymentCycles(ctx context.Context, tenant, supplier string, n int) ([]finance.Cycle, error) {
	alias, err := supplierAlias(tenant, supplier)
	if err != nil {
		return nil, err
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]finance.Cycle, error) {
		recs, err := run(ctx, tx, supplierParties+`
MATCH (inv:SourceDocument {role: 'invoice'})-[:MENTIONS {role: 'supplier'}]->(q)
WHERE inv.tenant = $tenant AND NOT inv.verb IN ['cancelled', 'ordered']
CALL (inv) {
  MATCH (inv)-[:EVIDENCES]->(:BusinessEvent)<-[:EVIDENCES]-(pay:SourceDocument {role: 'payment'})
  WHERE pay.verb IN ['paid', 'settled'] RETURN pay
  UNION
  MATCH (inv)-[:HAS_KEY]->(:Key {kind: 'invoice'})<-[:HAS_KEY]-(pay:SourceDocument {role: 'payment'})
  WHERE pay.tenant = $tenant AND pay.verb IN ['paid', 'settled'] RETURN pay
}
WITH inv, pay ORDER BY pay.occurredAt
WITH inv, collect(pay)[0] AS first, max(pay.receivedAt) AS seen
RETURN inv.system AS system, inv.type AS type, inv.externalId AS id, inv.occurredAt AS invoicedAt, inv.receivedAt AS invSeen,
       first.system AS psystem, first.type AS ptype, first.externalId AS pid, first.occurredAt AS paidAt, seen
ORDER BY paidAt DESC, id LIMIT $n`, map[string]any{"alias": alias, "tenant": tenant, "n": n})
		if err != nil {
			return nil, err
		}
		out := make([]finance.Cycle, 0, len(recs))
		for _, r := range recs {
			c := finance.Cycle{
				Invoice: finance.DocRef{System: get[string](r, "system"), Type: get[string](r, "type"), ExternalID: get[string](r, "id")},
				Payment: finance.DocRef{System: get[string](r, "psystem"), Type: get[string](r, "ptype"), ExternalID: get[string](r, "pid")},
			}
			for k, dst := range map[string]*time.Time{"invoicedAt": &c.InvoicedAt, "paidAt": &c.PaidAt, "seen": &c.Seen} {
				v, _ := r.Get(k)
				*dst = timeOf(v)
			}
			if v, _ := r.Get("invSeen"); timeOf(v).After(c.Seen) {
				c.Seen = timeOf(v)
			}
			out = append(out, c)
		}
		return out, nil
	})
}

// DeclaredPairs implements finance.EvidenceStore: each customs declaration in an event
// with the supplier's invoice, or lacking one its purchase order. An invoice still a
// draft (ERPNext docstatus 0, mapped as ordered) is not issued: the order stands.
func (s *Store) DeclaredPairs(ctx context.Context, tenant, supplier string, n int) ([]finance.ValuePair, error) {
	alias, err := supplierAlias(tenant, supplier)
	if err != nil {
		return nil, err
	}
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]finance.ValuePair, error) {
		recs, err := run(ctx, tx, supplierParties+`
MATCH (ref:SourceDocument)-[:MENTIONS {role: 'supplier'}]->(q)
WHERE ref.tenant = $tenant AND ref.role IN ['invoice', 'purchase'] AND ref.verb <> 'cancelled'
  AND NOT (ref.role = 'invoice' AND ref.verb = 'ordered')
MATCH (ref)-[:EVIDENCES]->(e:BusinessEvent)<-[:EVIDENCES]-(decl:SourceDocument {role: 'declaration', type: 'declaration'})
WITH decl, ref ORDER BY CASE ref.role WHEN 'invoice' THEN 0 ELSE 1 END, ref.uid
WITH decl, collect(ref)[0] AS ref
RETURN [decl.uid, decl.canonical, decl.receivedAt] AS declRow, [ref.uid, ref.canonical, ref.receivedAt] AS refRow
ORDER BY decl.occurredAt DESC, decl.uid LIMIT $n`, map[string]any{"alias": alias, "tenant": tenant, "n": n})
		if err != nil {
			return nil, err
		}
		out := make([]finance.ValuePair, 0, len(recs))
		for _, r := range recs {
			var p finance.ValuePair
			d, _ := r.Get("declRow")
			f, _ := r.Get("refRow")
			if p.Declaration, err = financeDoc(d.([]any)); err != nil {
				return nil, err
			}
			if p.Invoice, err = financeDoc(f.([]any)); err != nil {
				return nil, err
			}
			out = append(out, p)
		}
		return out, nil
	})
}

// BreakerStates implements finance.BreakerLedger.
func (s *Store) BreakerStates(ctx context.Context, tenant, supplier string) (map[finance.Rule]finance.BreakerState, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (map[finance.Rule]finance.BreakerState, error) {
		recs, err := run(ctx, tx, `MATCH (b:Breaker {tenant: $tenant, supplier: $supplier}) RETURN b`,
			map[string]any{"tenant": tenant, "supplier": supplier})
		if err != nil {
			return nil, err
		}
		out := map[finance.Rule]finance.BreakerState{}
		for _, r := range recs {
			st := breakerState(get[neo4j.Node](r, "b").Props)
			out[st.Rule] = st
		}
		return out, nil
	})
}

func breakerState(p map[string]any) finance.BreakerState {
	tripped, _ := p["tripped"].(bool)
	return finance.BreakerState{Supplier: str(p["supplier"]), Rule: finance.Rule(str(p["rule"])), Tripped: tripped,
		TrippedAt: timeOf(p["trippedAt"]), Figures: str(p["figures"]), LiftedAt: timeOf(p["liftedAt"]),
		LiftedBy: str(p["liftedBy"]), Reason: str(p["reason"])}
}

// historyCypher appends one entry to a breaker's history.
const historyCypher = `
CREATE (h:BreakerEvent {id: $id, tenant: $tenant, supplier: $supplier, rule: $rule, action: $action, at: $at,
                        by: $by, figures: $figures, reason: $reason, po: $po, evidence: $evidence})`

func historyParams(tenant string, e finance.BreakerEvent, evidence []finance.DocRef) map[string]any {
	ev, _ := json.Marshal(evidence)
	sum := sha256.Sum256([]byte(fmt.Sprint(tenant, e.Supplier, e.Rule, e.Action, e.At.UnixNano(), e.PO, e.By)))
	return map[string]any{"id": "bk_" + hex.EncodeToString(sum[:10]), "tenant": tenant, "supplier": e.Supplier, "rule": string(e.Rule),
		"action": e.Action, "at": e.At.UTC(), "by": e.By, "figures": e.Figures, "reason": e.Reason, "po": e.PO, "evidence": string(ev)}
}

// Trip implements finance.BreakerLedger: the breaker is tripped with the figures that
// tripped it, in one transaction with its history entry.
func (s *Store) Trip(ctx context.Context, tenant string, v finance.Verdict, at time.Time) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		err := exec(ctx, tx, `
MERGE (b:Breaker {uid: $uid}) ON CREATE SET b.tenant = $tenant, b.supplier = $supplier, b.rule = $rule
WITH b WHERE b.tenant = $tenant
SET b.tripped = true, b.trippedAt = $at, b.figures = $figures`,
			map[string]any{"uid": tenant + "/" + v.Supplier + "/" + string(v.Rule), "tenant": tenant, "supplier": v.Supplier,
				"rule": string(v.Rule), "at": at.UTC(), "figures": v.Figures})
		if err != nil {
			return struct{}{}, err
		}
		return struct{}{}, exec(ctx, tx, historyCypher, historyParams(tenant,
			finance.BreakerEvent{Supplier: v.Supplier, Rule: v.Rule, Action: "tripped", At: at, By: "rule:" + string(v.Rule), Figures: v.Figures},
			v.Evidence))
	})
	return err
}

// Lift implements finance.BreakerLedger.
func (s *Store) Lift(ctx context.Context, tenant, supplier string, rule finance.Rule, by, reason string, at time.Time) (finance.BreakerState, error) {
	return write(ctx, s, func(tx neo4j.ManagedTransaction) (finance.BreakerState, error) {
		recs, err := run(ctx, tx, `
MATCH (b:Breaker {uid: $uid}) USING INDEX SEEK b:Breaker(uid) WHERE b.tenant = $tenant AND b.tripped
SET b.tripped = false, b.liftedAt = $at, b.liftedBy = $by, b.reason = $reason
RETURN b`, map[string]any{"uid": tenant + "/" + supplier + "/" + string(rule), "tenant": tenant, "at": at.UTC(), "by": by, "reason": reason})
		if err != nil {
			return finance.BreakerState{}, err
		}
		if len(recs) == 0 {
			return finance.BreakerState{}, finance.ErrNotTripped
		}
		st := breakerState(get[neo4j.Node](recs[0], "b").Props)
		return st, exec(ctx, tx, historyCypher, historyParams(tenant,
			finance.BreakerEvent{Supplier: supplier, Rule: rule, Action: "lifted", At: at, By: by, Figures: st.Figures, Reason: reason}, nil))
	})
}

// Record implements finance.BreakerLedger.
func (s *Store) Record(ctx context.Context, tenant string, e finance.BreakerEvent) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, historyCypher, historyParams(tenant, e, nil))
	})
	return err
}

// BreakerHistory implements finance.BreakerLedger: oldest first.
func (s *Store) BreakerHistory(ctx context.Context, tenant, supplier string) ([]finance.BreakerEvent, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]finance.BreakerEvent, error) {
		recs, err := run(ctx, tx, `
MATCH (h:BreakerEvent {tenant: $tenant, supplier: $supplier}) RETURN h ORDER BY h.at, h.id`,
			map[string]any{"tenant": tenant, "supplier": supplier})
		if err != nil {
			return nil, err
		}
		out := make([]finance.BreakerEvent, 0, len(recs))
		for _, r := range recs {
			p := get[neo4j.Node](r, "h").Props
			out = append(out, finance.BreakerEvent{Supplier: str(p["supplier"]), Rule: finance.Rule(str(p["rule"])),
				Action: str(p["action"]), At: timeOf(p["at"]), By: str(p["by"]), Figures: str(p["figures"]),
				Reason: str(p["reason"]), PO: str(p["po"])})
		}
		return out, nil
	})
}

// BreakerSuppliers implements finance.BreakerLedger.
func (s *Store) BreakerSuppliers(ctx context.Context, tenant string) ([]string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]string, error) {
		recs, err := run(ctx, tx, `
CALL () {
  MATCH (x:PaymentTerms {tenant: $tenant}) RETURN x.supplier AS supplier
  UNION
  MATCH (b:Breaker {tenant: $tenant}) RETURN b.supplier AS supplier
}
RETURN supplier ORDER BY supplier`, map[string]any{"tenant": tenant})
		if err != nil {
			return nil, err
		}
		out := make([]string, 0, len(recs))
		for _, r := range recs {
			out = append(out, get[string](r, "supplier"))
		}
		return out, nil
	})
}

// PurchaseOrder implements finance.PurchaseStore: the purchase document holding the
// order number as its purchase-order key.
func (s *Store) PurchaseOrder(ctx context.Context, tenant, number string) (finance.Doc, bool, error) {
	type out struct {
		d  finance.Doc
		ok bool
	}
	o, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (out, error) {
		recs, err := run(ctx, tx, `
MATCH (k:Key {uid: $key})<-[:HAS_KEY]-(d) USING INDEX SEEK k:Key(uid)
WHERE d.tenant = $tenant AND d.role = 'purchase'
RETURN [d.uid, d.canonical, d.receivedAt] AS doc ORDER BY d.uid LIMIT 1`,
			map[string]any{"key": tenant + "/" + ontology.Ref{Kind: ontology.RefPO, Value: number}.ID(), "tenant": tenant})
		if err != nil || len(recs) == 0 {
			return out{}, err
		}
		row, _ := recs[0].Get("doc")
		d, err := financeDoc(row.([]any))
		return out{d, err == nil}, err
	})
	return o.d, o.ok, err
}

// RecordApproval implements finance.PurchaseStore.
func (s *Store) RecordApproval(ctx context.Context, tenant string, a finance.Approval) error {
	var amount, currency any
	if a.Total != nil {
		amount, currency = a.Total.Amount.String(), a.Total.Currency
	}
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `
MERGE (x:PurchaseApproval {uid: $uid}) ON CREATE SET x.tenant = $tenant, x.po = $po
WITH x WHERE x.tenant = $tenant
SET x.supplier = $supplier, x.by = $by, x.at = $at, x.amount = $amount, x.currency = $currency`,
			map[string]any{"uid": tenant + "/" + a.PO, "tenant": tenant, "po": a.PO, "supplier": a.Supplier, "by": a.By,
				"at": a.At.UTC(), "amount": amount, "currency": currency})
	})
	return err
}
