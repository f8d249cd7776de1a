package finance

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// TermsStore keeps the payment terms agreed with suppliers.
type TermsStore interface {
	// AgreedTerms returns the terms set for a supplier with SetAgreedTerms; ok is false
	// when none were.
	AgreedTerms(ctx context.Context, tenant, supplier string) (days int, ok bool, err error)
	SetAgreedTerms(ctx context.Context, tenant, supplier string, days int, by string) error
}

// EvidenceStore reads what the breaker rules judge by.
type EvidenceStore interface {
	// PaymentCycles returns up to n of the supplier's paid invoices, the most recently
	// paid first.
	PaymentCycles(ctx context.Context, tenant, supplier string, n int) ([]Cycle, error)
	// DeclaredPairs returns up to n of the supplier's customs declarations, the newest
	// first, each with the invoice (or, lacking one, the purchase order) of its goods.
	DeclaredPairs(ctx context.Context, tenant, supplier string, n int) ([]ValuePair, error)
}

// BreakerLedger keeps breakers' states and history.
type BreakerLedger interface {
	BreakerStates(ctx context.Context, tenant, supplier string) (map[Rule]BreakerState, error)
	// Trip freezes the supplier's approvals by the verdict's rule and records it.
	Trip(ctx context.Context, tenant string, v Verdict, at time.Time) error
	// Lift unfreezes a tripped breaker and records who lifted it and why; it returns
	// ErrNotTripped when the breaker is not tripped.
	Lift(ctx context.Context, tenant, supplier string, rule Rule, by, reason string, at time.Time) (BreakerState, error)
	// Record adds an entry to the history (a refused approval).
	Record(ctx context.Context, tenant string, e BreakerEvent) error
	BreakerHistory(ctx context.Context, tenant, supplier string) ([]BreakerEvent, error)
	// BreakerSuppliers lists the suppliers with agreed terms or a breaker.
	BreakerSuppliers(ctx context.Context, tenant string) ([]string, error)
}

// PurchaseStore finds purchase orders and records approvals.
type PurchaseStore interface {
	// PurchaseOrder returns the purchase order document with that number (as mappings
	// store it), if one came in (an ERPNext Purchase Order).
	PurchaseOrder(ctx context.Context, tenant, number string) (Doc, bool, error)
	RecordApproval(ctx context.Context, tenant string, a Approval) error
}

// ErrNotTripped is returned when lifting a breaker that is not tripped.
var ErrNotTripped = errors.New("the breaker is not tripped")

// ErrUnknownSupplier is returned when an approval names no supplier and no purchase
// order document says which.
var ErrUnknownSupplier = errors.New("no supplier: name it (system:code, such as erpnext:SUP-0007) or send the purchase order document first")

// ErrInvalid marks a request that cannot be served as asked (a malformed supplier name,
// terms out of range): the caller's mistake, shown to them as it is.
var ErrInvalid = errors.New("invalid request")

// CheckSupplier reports whether supplier names a supplier as the ERP does,
// "system:code" (erpnext:SUP-0007); the error wraps ErrInvalid.
func CheckSupplier(supplier string) error {
	system, code, ok := strings.Cut(supplier, ":")
	if !ok || strings.TrimSpace(system) == "" || strings.TrimSpace(code) == "" || strings.ContainsAny(system, " \t\n") {
		return fmt.Errorf("%w: supplier %q: want system:code, such as erpnext:SUP-0007", ErrInvalid, supplier)
	}
	return nil
}

// Breakers is the contract-drift circuit breaker: it judges each supplier by the rules,
// freezes purchase approvals when a rule is breached, and keeps them frozen until a
// finance key lifts the breaker.
type Breakers struct {
	Terms     TermsStore
	Evidence  EvidenceStore
	Ledger    BreakerLedger
	Purchases PurchaseStore
	Rules     BreakerRules
	// Config gives the configured terms (per tenant, through ConfigFor) and the rates
	// that convert declared values.
	ConfigFor func(tenant string) Config
	Now       func() time.Time
}

// BreakerStatus is a supplier's breaker for one rule: what the rule finds now and the
// breaker's state.
type BreakerStatus struct {
	Verdict Verdict
	State   BreakerState
}

// Evaluate judges a supplier by every rule, trips the breakers whose rule is breached
// by evidence no lift has seen, and returns each rule's verdict and state.
func (b *Breakers) Evaluate(ctx context.Context, tenant, supplier string) ([]BreakerStatus, error) {
	cfg := b.ConfigFor(tenant)
	days, agreed, err := b.Terms.AgreedTerms(ctx, tenant, supplier)
	if err != nil {
		return nil, fmt.Errorf("reading terms of %s: %w", supplier, err)
	}
	if !agreed {
		days, agreed = cfg.Terms[supplier]
	}
	cycles, err := b.Evidence.PaymentCycles(ctx, tenant, supplier, b.Rules.TermsInvoices)
	if err != nil {
		return nil, fmt.Errorf("reading payment cycles of %s: %w", supplier, err)
	}
	pairs, err := b.Evidence.DeclaredPairs(ctx, tenant, supplier, b.Rules.DeclaredPairs)
	if err != nil {
		return nil, fmt.Errorf("reading declared values of %s: %w", supplier, err)
	}
	states, err := b.Ledger.BreakerStates(ctx, tenant, supplier)
	if err != nil {
		return nil, fmt.Errorf("reading breakers of %s: %w", supplier, err)
	}
	verdicts := []Verdict{
		PaymentTermsVerdict(supplier, days, agreed, cycles, b.Rules),
		DeclaredValueVerdict(supplier, pairs, cfg, b.Rules),
	}
	out := make([]BreakerStatus, 0, len(verdicts))
	for _, v := range verdicts {
		st := states[v.Rule]
		st.Supplier, st.Rule = supplier, v.Rule
		if trips(st, v) {
			at := b.Now().UTC()
			if err := b.Ledger.Trip(ctx, tenant, v, at); err != nil {
				return nil, fmt.Errorf("tripping the %s breaker of %s: %w", v.Rule, supplier, err)
			}
			st.Tripped, st.TrippedAt, st.Figures = true, at, v.Figures
		}
		out = append(out, BreakerStatus{Verdict: v, State: st})
	}
	return out, nil
}

// ApprovalRequest asks to approve a purchase order: by its number when the order came
// in as a document (its supplier and total are read from it), or with the supplier
// named for an order entered here.
type ApprovalRequest struct {
	PO       string
	Supplier string
	Total    *ontology.Money
}

// Approval is an approved purchase order.
type Approval struct {
	PO       string
	Supplier string
	Total    *ontology.Money
	By       string
	At       time.Time
}

// Approve approves a purchase order unless a breaker of its supplier is tripped (or
// trips now): then it refuses with a *FrozenError naming the rule and its figures, and
// the refusal is kept in the breaker's history.
func (b *Breakers) Approve(ctx context.Context, tenant string, req ApprovalRequest, by string) (Approval, error) {
	req.PO, req.Supplier = mapping.NormaliseRef(ontology.RefPO, req.PO), strings.TrimSpace(req.Supplier)
	if req.PO == "" {
		return Approval{}, fmt.Errorf("approving a purchase order: no order number given")
	}
	doc, found, err := b.Purchases.PurchaseOrder(ctx, tenant, req.PO)
	if err != nil {
		return Approval{}, fmt.Errorf("reading purchase order %s: %w", req.PO, err)
	}
	if found {
		s := supplierOf(doc)
		if req.Supplier != "" && s != "" && req.Supplier != s {
			return Approval{}, fmt.Errorf("purchase order %s is from %s, not %s", req.PO, s, req.Supplier)
		}
		if s != "" {
			req.Supplier = s
		}
		if req.Total == nil {
			req.Total = doc.Total
		}
	}
	if req.Supplier == "" {
		return Approval{}, ErrUnknownSupplier
	}
	if err := CheckSupplier(req.Supplier); err != nil {
		return Approval{}, err
	}
	statuses, err := b.Evaluate(ctx, tenant, req.Supplier)
	if err != nil {
		return Approval{}, err
	}
	now := b.Now().UTC()
	for _, s := range statuses {
		if !s.State.Tripped {
			continue
		}
		refusal := BreakerEvent{Supplier: req.Supplier, Rule: s.Verdict.Rule, Action: "refused", At: now, By: by,
			Figures: s.State.Figures, PO: req.PO}
		if err := b.Ledger.Record(ctx, tenant, refusal); err != nil {
			return Approval{}, fmt.Errorf("recording the refusal of %s: %w", req.PO, err)
		}
		return Approval{}, &FrozenError{Supplier: req.Supplier, Rule: s.Verdict.Rule, Figures: s.State.Figures, TrippedAt: s.State.TrippedAt}
	}
	a := Approval{PO: req.PO, Supplier: req.Supplier, Total: req.Total, By: by, At: now}
	if err := b.Purchases.RecordApproval(ctx, tenant, a); err != nil {
		return Approval{}, fmt.Errorf("recording the approval of %s: %w", req.PO, err)
	}
	return a, nil
}

// Lift unfreezes a supplier's breaker for one rule. The figures that tripped it stay in
// the history with the reason given; new evidence that still breaches the rule trips
// it again.
func (b *Breakers) Lift(ctx context.Context, tenant, supplier string, rule Rule, by, reason string) (BreakerState, error) {
	if strings.TrimSpace(reason) == "" {
		return BreakerState{}, fmt.Errorf("lifting the %s breaker of %s: give a reason", rule, supplier)
	}
	st, err := b.Ledger.Lift(ctx, tenant, supplier, rule, by, reason, b.Now().UTC())
	if err != nil {
		return BreakerState{}, fmt.Errorf("lifting the %s breaker of %s: %w", rule, supplier, err)
	}
	return st, nil
}

// SetTerms records the payment terms agreed with a supplier.
func (b *Breakers) SetTerms(ctx context.Context, tenant, supplier string, days int, by string) error {
	if err := CheckSupplier(strings.TrimSpace(supplier)); err != nil {
		return fmt.Errorf("payment terms: %w", err)
	}
	if days < 0 || days > 3650 {
		return fmt.Errorf("%w: payment terms: want 0 to 3650 days, got %d", ErrInvalid, days)
	}
	return b.Terms.SetAgreedTerms(ctx, tenant, strings.TrimSpace(supplier), days, by)
}
