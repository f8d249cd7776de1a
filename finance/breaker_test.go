package finance

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func cycles(days ...int) []Cycle {
	var out []Cycle
	for i, d := range days {
		inv := t0.AddDate(0, 0, 10*i)
		out = append(out, Cycle{Invoice: DocRef{"erpnext", "purchase_invoice", "PINV-" + string(rune('A'+i))},
			Payment: DocRef{"erpnext", "payment", "PAY-" + string(rune('A'+i))}, InvoicedAt: inv, PaidAt: inv.AddDate(0, 0, d),
			Seen: inv.AddDate(0, 0, d)})
	}
	return out
}

func TestPaymentTermsVerdict(t *testing.T) {
	rules := DefaultBreakerRules()
	for _, c := range []struct {
		name      string
		agreed    bool
		cycles    []Cycle
		breached  bool
		evaluated bool
		figures   string
	}{
		{"no terms", false, cycles(83, 83, 83), false, false, "no payment terms agreed with erpnext:SUP-0007"},
		{"too few invoices", true, cycles(83, 83), false, false, "agreed 60 days; 2 paid invoices, 3 needed to judge"},
		{"within the bound", true, cycles(65, 70, 62), false, true,
			"agreed 60 days, observed 65.7 days from invoice to payment (mean of the last 3 paid invoices), 5.7 days over the terms against a bound of 10"},
		{"drifted", true, cycles(80, 85, 84), true, true,
			"agreed 60 days, observed 83 days from invoice to payment (mean of the last 3 paid invoices), 23 days over the terms against a bound of 10"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := PaymentTermsVerdict("erpnext:SUP-0007", 60, c.agreed, c.cycles, rules)
			if v.Breached != c.breached || v.Evaluated != c.evaluated || v.Figures != c.figures {
				t.Errorf("got %v %v %q", v.Breached, v.Evaluated, v.Figures)
			}
		})
	}
	// The most recently paid invoices are the ones judged.
	recent := append(cycles(120, 120, 120), Cycle{InvoicedAt: t0.AddDate(1, 0, 0), PaidAt: t0.AddDate(1, 0, 60)},
		Cycle{InvoicedAt: t0.AddDate(1, 0, 1), PaidAt: t0.AddDate(1, 0, 61)}, Cycle{InvoicedAt: t0.AddDate(1, 0, 2), PaidAt: t0.AddDate(1, 0, 62)})
	if v := PaymentTermsVerdict("s", 60, true, recent, rules); v.Breached {
		t.Errorf("judged old invoices: %s", v.Figures)
	}
}

func TestDeclaredValueVerdict(t *testing.T) {
	pair := func(i int, declared string) ValuePair {
		d := declaration(declared)
		d.Key.ExternalID += string(rune('0' + i))
		d.OccurredAt = t0.AddDate(0, 0, i)
		return ValuePair{Declaration: d, Invoice: supplierInvoice("1128.00")}
	}
	rules := DefaultBreakerRules()
	v := DeclaredValueVerdict("erpnext:SUP-0007", []ValuePair{pair(1, "2.35"), pair(2, "2.30"), pair(3, "2.34")}, DefaultConfig(), rules)
	if v.Breached || !v.Evaluated {
		t.Errorf("close values breached: %s", v.Figures)
	}
	v = DeclaredValueVerdict("erpnext:SUP-0007", []ValuePair{pair(1, "2.00"), pair(2, "2.00"), pair(3, "2.10")}, DefaultConfig(), rules)
	if !v.Breached || v.Figures != "declared value 13.5% off the invoiced value (mostly below it), mean of the last 3 declarations, against a bound of 5%" {
		t.Errorf("under-declared: %v %s", v.Breached, v.Figures)
	}
	if len(v.Evidence) != 4 { // three declarations, one invoice
		t.Errorf("evidence %v", v.Evidence)
	}
}

// memBreakers is an in-memory breaker store for the service's logic.
type memBreakers struct {
	terms     map[string]int
	cycles    []Cycle
	pairs     []ValuePair
	states    map[Rule]BreakerState
	history   []BreakerEvent
	approvals []Approval
	pos       map[string]Doc
}

func (m *memBreakers) AgreedTerms(_ context.Context, _, s string) (int, bool, error) {
	d, ok := m.terms[s]
	return d, ok, nil
}
func (m *memBreakers) SetAgreedTerms(_ context.Context, _, s string, d int, _ string) error {
	m.terms[s] = d
	return nil
}
func (m *memBreakers) PaymentCycles(context.Context, string, string, int) ([]Cycle, error) {
	return m.cycles, nil
}
func (m *memBreakers) DeclaredPairs(context.Context, string, string, int) ([]ValuePair, error) {
	return m.pairs, nil
}
func (m *memBreakers) BreakerStates(context.Context, string, string) (map[Rule]BreakerState, error) {
	out := map[Rule]BreakerState{}
	for k, v := range m.states {
		out[k] = v
	}
	return out, nil
}
func (m *memBreakers) Trip(_ context.Context, _ string, v Verdict, at time.Time) error {
	st := m.states[v.Rule]
	st.Tripped, st.TrippedAt, st.Figures = true, at, v.Figures
	m.states[v.Rule] = st
	m.history = append(m.history, BreakerEvent{Rule: v.Rule, Action: "tripped", At: at, Figures: v.Figures})
	return nil
}
func (m *memBreakers) Lift(_ context.Context, _, s string, r Rule, by, reason string, at time.Time) (BreakerState, error) {
	st := m.states[r]
	if !st.Tripped {
		return st, ErrNotTripped
	}
	st.Tripped, st.LiftedAt, st.LiftedBy, st.Reason = false, at, by, reason
	m.states[r] = st
	m.history = append(m.history, BreakerEvent{Rule: r, Action: "lifted", At: at, By: by, Reason: reason})
	return st, nil
}
func (m *memBreakers) Record(_ context.Context, _ string, e BreakerEvent) error {
	m.history = append(m.history, e)
	return nil
}
func (m *memBreakers) BreakerHistory(context.Context, string, string) ([]BreakerEvent, error) {
	return m.history, nil
}
func (m *memBreakers) BreakerSuppliers(context.Context, string) ([]string, error) { return nil, nil }
func (m *memBreakers) PurchaseOrder(_ context.Context, _, n string) (Doc, bool, error) {
	d, ok := m.pos[n]
	return d, ok, nil
}
func (m *memBreakers) RecordApproval(_ context.Context, _ string, a Approval) error {
	m.approvals = append(m.approvals, a)
	return nil
}

func TestBreakerFreezesAndLifts(t *testing.T) {
	m := &memBreakers{terms: map[string]int{}, states: map[Rule]BreakerState{},
		pos: map[string]Doc{"PUR-ORD-2025-00381": purchaseOrder()}}
	now := t0.AddDate(0, 6, 0)
	b := &Breakers{Terms: m, Evidence: m, Ledger: m, Purchases: m, Rules: DefaultBreakerRules(),
		ConfigFor: func(string) Config { return DefaultConfig() }, Now: func() time.Time { return now }}
	ctx := context.Background()
	// No terms agreed: nothing to judge, the approval passes with the order's supplier.
	m.cycles = cycles(80, 85, 84)
	a, err := b.Approve(ctx, "t", ApprovalRequest{PO: "PUR-ORD-2025-00381"}, "person:buyer")
	if err != nil || a.Supplier != "erpnext:SUP-0007" || money(*a.Total) != "1128.00 EUR" {
		t.Fatalf("%+v %v", a, err)
	}
	// Terms of 60 days against an observed 83: frozen, with the rule and figures named.
	if err := b.SetTerms(ctx, "t", "erpnext:SUP-0007", 60, "person:cfo"); err != nil {
		t.Fatal(err)
	}
	_, err = b.Approve(ctx, "t", ApprovalRequest{PO: "PUR-ORD-2025-00382", Supplier: "erpnext:SUP-0007"}, "person:buyer")
	var frozen *FrozenError
	if !errors.As(err, &frozen) || frozen.Rule != RulePaymentTerms ||
		!strings.Contains(err.Error(), "agreed 60 days, observed 83 days") || !strings.Contains(err.Error(), "liftBreaker") {
		t.Fatalf("refusal: %v", err)
	}
	// Still frozen on the next try, without tripping twice.
	if _, err := b.Approve(ctx, "t", ApprovalRequest{PO: "PUR-ORD-2025-00382", Supplier: "erpnext:SUP-0007"}, "person:buyer"); !errors.As(err, &frozen) {
		t.Fatalf("second try: %v", err)
	}
	// A finance key lifts it: approvals pass though the figures still breach, as the
	// person has seen them.
	if _, err := b.Lift(ctx, "t", "erpnext:SUP-0007", RulePaymentTerms, "person:cfo", ""); err == nil {
		t.Error("lifted without a reason")
	}
	now = now.Add(time.Hour)
	if _, err := b.Lift(ctx, "t", "erpnext:SUP-0007", RulePaymentTerms, "person:cfo", "renegotiated to 90 days from April"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Approve(ctx, "t", ApprovalRequest{PO: "PUR-ORD-2025-00382", Supplier: "erpnext:SUP-0007"}, "person:buyer"); err != nil {
		t.Fatalf("after the lift: %v", err)
	}
	// A new late payment arrives after the lift: frozen again.
	late := cycles(80, 85, 84)
	late[0].Seen = now.Add(time.Hour)
	m.cycles = late
	if _, err := b.Approve(ctx, "t", ApprovalRequest{PO: "PUR-ORD-2025-00383", Supplier: "erpnext:SUP-0007"}, "person:buyer"); !errors.As(err, &frozen) {
		t.Fatalf("new evidence did not trip it again: %v", err)
	}
	var actions []string
	for _, e := range m.history {
		actions = append(actions, e.Action)
	}
	if strings.Join(actions, " ") != "tripped refused refused lifted tripped refused" {
		t.Errorf("history %v", actions)
	}
	if len(m.approvals) != 2 {
		t.Errorf("approvals %+v", m.approvals)
	}
	// An order of another supplier than the one named is refused as a mistake.
	if _, err := b.Approve(ctx, "t", ApprovalRequest{PO: "PUR-ORD-2025-00381", Supplier: "erpnext:SUP-0009"}, "x"); err == nil ||
		!strings.Contains(err.Error(), "is from erpnext:SUP-0007") {
		t.Errorf("wrong supplier: %v", err)
	}
	if _, err := b.Approve(ctx, "t", ApprovalRequest{PO: "PO-NEW"}, "x"); !errors.Is(err, ErrUnknownSupplier) {
		t.Errorf("no supplier: %v", err)
	}
}

func TestCheckSupplier(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"erpnext:SUP-0007", true},
		{"erpnext:Acme Trading Ltd.", true},
		{"", false},
		{"SUP-0007", false},
		{":SUP-0007", false},
		{"erpnext:", false},
		{"erp next:SUP-1", false},
		{`"}) DETACH DELETE n //`, false},
	} {
		err := CheckSupplier(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("CheckSupplier(%q) = %v, want ok=%v", tc.in, err, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("CheckSupplier(%q): %v does not wrap ErrInvalid", tc.in, err)
		}
	}
}
