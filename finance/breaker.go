package finance

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// Rule names a contract-drift rule of the circuit breaker.
type Rule string

// The breaker rules.
const (
	// RulePaymentTerms compares a supplier's agreed payment terms with the cycle
	// observed from its invoices to their payments.
	RulePaymentTerms Rule = "payment_terms"
	// RuleDeclaredValue compares the value declared to customs for a supplier's goods
	// with the value the supplier invoiced (or we ordered).
	RuleDeclaredValue Rule = "declared_value"
)

// Rules lists the breaker rules in report order.
var Rules = []Rule{RulePaymentTerms, RuleDeclaredValue}

// BreakerRules bound the contract-drift breaker: how far observations may drift from
// the contract, over how many documents, before purchase approvals freeze.
type BreakerRules struct {
	// TermsBoundDays is how many days the observed invoice-to-payment cycle may exceed
	// the agreed terms, on average over the last TermsInvoices paid invoices.
	TermsBoundDays int `yaml:"termsBoundDays"`
	TermsInvoices  int `yaml:"termsInvoices"`
	// DeclaredBoundPct is how far, in percent, the declared value may differ from the
	// invoiced value on average over the last DeclaredPairs declarations.
	DeclaredBoundPct decimal.Decimal `yaml:"declaredBoundPct"`
	DeclaredPairs    int             `yaml:"declaredPairs"`
}

// DefaultBreakerRules: ten days past terms over three invoices, or declared values five
// percent off over three declarations.
func DefaultBreakerRules() BreakerRules {
	return BreakerRules{TermsBoundDays: 10, TermsInvoices: 3, DeclaredBoundPct: decimal.NewFromInt(5), DeclaredPairs: 3}
}

// Validate refuses bounds that cannot work.
func (r BreakerRules) Validate() error {
	if r.TermsBoundDays < 0 || r.TermsInvoices < 1 || r.DeclaredBoundPct.Sign() < 0 || r.DeclaredPairs < 1 {
		return fmt.Errorf("finance.breaker: bounds must not be negative and counts must be at least 1")
	}
	return nil
}

// Cycle is one supplier invoice and when it was paid.
type Cycle struct {
	Invoice    DocRef
	Payment    DocRef
	InvoicedAt time.Time
	PaidAt     time.Time
	// Seen is the newest arrival of the invoice and its payment: evidence a person who
	// lifted the breaker before it arrived has not seen.
	Seen time.Time
}

// ValuePair is a customs declaration and the invoice (or purchase order) of the same
// goods.
type ValuePair struct {
	Declaration Doc
	Invoice     Doc
}

// Verdict is what a rule finds for one supplier now.
type Verdict struct {
	Supplier string
	Rule     Rule
	Breached bool
	// Evaluated is false when the rule has nothing to judge by (no agreed terms, too
	// few paid invoices or declarations); Figures then says why.
	Evaluated bool
	// Figures says in words what the rule measured against what bound.
	Figures  string
	Evidence []DocRef
	Seen     time.Time
}

// PaymentTermsVerdict judges the supplier's observed payment cycle: the mean, over the
// last rules.TermsInvoices paid invoices, of the days from invoice to payment, against
// the agreed terms plus the bound.
func PaymentTermsVerdict(supplier string, agreedDays int, agreed bool, cycles []Cycle, rules BreakerRules) Verdict {
	v := Verdict{Supplier: supplier, Rule: RulePaymentTerms}
	if !agreed {
		v.Figures = "no payment terms agreed with " + supplier
		return v
	}
	cycles = slices.Clone(cycles)
	slices.SortFunc(cycles, func(a, b Cycle) int { return b.PaidAt.Compare(a.PaidAt) })
	if len(cycles) < rules.TermsInvoices {
		v.Figures = fmt.Sprintf("agreed %d days; %d paid invoices, %d needed to judge", agreedDays, len(cycles), rules.TermsInvoices)
		return v
	}
	cycles = cycles[:rules.TermsInvoices]
	var total decimal.Decimal
	for _, c := range cycles {
		total = total.Add(decimal.NewFromInt(int64(c.PaidAt.Sub(c.InvoicedAt) / time.Second)).Div(decimal.NewFromInt(86400)))
		v.Evidence = append(v.Evidence, c.Invoice, c.Payment)
		if c.Seen.After(v.Seen) {
			v.Seen = c.Seen
		}
	}
	observed := total.Div(decimal.NewFromInt(int64(len(cycles)))).Round(1)
	drift := observed.Sub(decimal.NewFromInt(int64(agreedDays)))
	v.Evaluated = true
	v.Breached = drift.GreaterThan(decimal.NewFromInt(int64(rules.TermsBoundDays)))
	v.Figures = fmt.Sprintf("agreed %d days, observed %s days from invoice to payment (mean of the last %d paid invoices), %s days over the terms against a bound of %d",
		agreedDays, observed.String(), len(cycles), drift.String(), rules.TermsBoundDays)
	v.Evidence = sortRefs(v.Evidence)
	return v
}

// DeclaredValueVerdict judges the value declared to customs for a supplier's goods: the
// mean, over the last rules.DeclaredPairs declarations, of how far the declared value is
// from the invoiced, in percent of the invoiced. A pair in two currencies counts only
// where a rate converts it.
func DeclaredValueVerdict(supplier string, pairs []ValuePair, cfg Config, rules BreakerRules) Verdict {
	v := Verdict{Supplier: supplier, Rule: RuleDeclaredValue}
	type judged struct {
		at       time.Time
		pct      decimal.Decimal
		evidence []DocRef
		seen     time.Time
	}
	var js []judged
	for _, p := range pairs {
		declared, ok1 := goodsValue(p.Declaration)
		invoiced, ok2 := goodsValue(p.Invoice)
		if !ok2 && p.Invoice.Total != nil {
			invoiced, ok2 = *p.Invoice.Total, true
		}
		if !ok1 || !ok2 || invoiced.Amount.IsZero() {
			continue
		}
		if declared.Currency != invoiced.Currency {
			r, ok := cfg.rate(declared.Currency, invoiced.Currency)
			if !ok {
				continue
			}
			declared = ontology.Money{Amount: declared.Amount.Mul(r), Currency: invoiced.Currency}
		}
		pct := declared.Amount.Sub(invoiced.Amount).Div(invoiced.Amount).Mul(decimal.NewFromInt(100))
		seen := p.Declaration.ReceivedAt
		if p.Invoice.ReceivedAt.After(seen) {
			seen = p.Invoice.ReceivedAt
		}
		js = append(js, judged{p.Declaration.OccurredAt, pct, []DocRef{p.Declaration.Ref(), p.Invoice.Ref()}, seen})
	}
	slices.SortFunc(js, func(a, b judged) int { return b.at.Compare(a.at) })
	if len(js) < rules.DeclaredPairs {
		v.Figures = fmt.Sprintf("%d declarations with an invoiced value to compare, %d needed to judge", len(js), rules.DeclaredPairs)
		return v
	}
	js = js[:rules.DeclaredPairs]
	var abs, signed decimal.Decimal
	for _, j := range js {
		abs = abs.Add(j.pct.Abs())
		signed = signed.Add(j.pct)
		v.Evidence = append(v.Evidence, j.evidence...)
		if j.seen.After(v.Seen) {
			v.Seen = j.seen
		}
	}
	n := decimal.NewFromInt(int64(len(js)))
	mean, direction := abs.Div(n).Round(1), "below"
	if signed.Sign() > 0 {
		direction = "above"
	}
	v.Evaluated = true
	v.Breached = mean.GreaterThan(rules.DeclaredBoundPct)
	v.Figures = fmt.Sprintf("declared value %s%% off the invoiced value (mostly %s it), mean of the last %d declarations, against a bound of %s%%",
		mean.String(), direction, len(js), rules.DeclaredBoundPct.String())
	v.Evidence = sortRefs(v.Evidence)
	return v
}

// BreakerState is a supplier's breaker for one rule: tripped (purchase approvals
// frozen) until a finance key lifts it.
type BreakerState struct {
	Supplier  string
	Rule      Rule
	Tripped   bool
	TrippedAt time.Time
	Figures   string // what the rule measured when it tripped
	LiftedAt  time.Time
	LiftedBy  string
	Reason    string // why it was lifted
}

// BreakerEvent is one entry of a breaker's history.
type BreakerEvent struct {
	Supplier string
	Rule     Rule
	Action   string // tripped, lifted, refused
	At       time.Time
	By       string
	Figures  string
	Reason   string
	PO       string // the purchase order an approval of was refused
}

// trips reports whether a verdict trips a breaker in the given state: a breached rule
// trips it unless a person lifted it after seeing every piece of its evidence.
func trips(st BreakerState, v Verdict) bool {
	if !v.Breached || st.Tripped {
		return false
	}
	return st.LiftedAt.IsZero() || v.Seen.After(st.LiftedAt)
}

// FrozenError refuses a purchase approval: a breaker is tripped for the supplier.
type FrozenError struct {
	Supplier  string
	Rule      Rule
	Figures   string
	TrippedAt time.Time
}

func (e *FrozenError) Error() string {
	return fmt.Sprintf("purchase approvals for supplier %s are frozen by the %s rule since %s: %s; a finance key lifts it with liftBreaker(supplier: %q, rule: %s)",
		e.Supplier, e.Rule, e.TrippedAt.UTC().Format(time.RFC3339), e.Figures, e.Supplier, e.Rule)
}
