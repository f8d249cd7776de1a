package finance

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// shownTransactions bounds the balance transactions a payout's reason lists: a daily
// payout pays out thousands; the first ones say which, the note says how many.
const shownTransactions = 20

// payout reconciles a processor's payout: it must pay out exactly the net of the balance
// transactions that name it, and the payment entry that books it in the ERP must say the
// same amount.
func (c *recon) payout() {
	c.isPayout = true
	for _, po := range c.p.payouts {
		c.setValue(po.Total)
		c.book(po.Total, func(a *tally) *decimal.Decimal { return &a.paidOut })
		if po.Total == nil {
			continue
		}
		bts := c.payoutTransactions(po)
		net := purse{}
		for _, bt := range bts {
			net.add(bt.Total)
			c.book(bt.Fee, func(a *tally) *decimal.Decimal { return &a.fees })
			c.book(gross(bt), func(a *tally) *decimal.Decimal { return &a.gross })
		}
		docs := append([]Doc{po}, bts[:min(len(bts), shownTransactions)]...)
		note := fmt.Sprintf("net of the %d balance transactions naming the payout against the payout", len(bts))
		if len(bts) == 0 {
			// Stripe's balance transactions do not name their payout: the connector
			// adds it when it lists them by payout. Until it has, there is nothing to
			// sum, which is no evidence of a difference.
			c.await("the payout's balance transactions")
			continue
		}
		got, single := net.only()
		if !single {
			c.fail(CurrencyMismatch, money(*po.Total), net.String(), note, docs...)
			continue
		}
		c.compareMoney(PayoutMismatch, got, *po.Total, nil, c.cfg.Amount, note, docs...)
	}
	c.failedPayouts()
	for _, pay := range without(c.p.payments, ontology.VerbOrdered) {
		c.book(pay.Total, func(a *tally) *decimal.Decimal { return &a.paid })
		for _, po := range c.p.payouts {
			if pay.Total != nil && po.Total != nil && names(pay, ontology.RefPayout, po.Key.ExternalID) {
				c.compareMoney(AmountMismatch, *po.Total, *pay.Total, nil, c.cfg.Amount, "payout against the payment entry that books it", po, pay)
			}
		}
	}
	c.namedInvoices()
}

// failedPayouts are the payouts among cancelled documents: failed (the bank refused the
// money, Stripe put it back in the balance) or cancelled before they were sent.
func failedPayouts(cancelled []Doc) []Doc {
	var out []Doc
	for _, d := range cancelled {
		if d.Role == ontology.RolePayout {
			out = append(out, d)
		}
	}
	return out
}

// failedPayouts flags the payouts that failed, or were cancelled, while a payment entry
// books their money as received (an ERPNext Payment Entry written on payout.paid, before
// payout.failed): the money never reached the bank. It is the payout that differs, not an
// invoice that is missing.
func (c *recon) failedPayouts() {
	for _, po := range failedPayouts(c.p.cancelled) {
		var entries []Doc
		for _, pay := range without(c.p.payments, ontology.VerbOrdered) {
			if names(pay, ontology.RefPayout, po.Key.ExternalID) {
				entries = append(entries, pay)
			}
		}
		if len(entries) == 0 {
			continue
		}
		c.setValue(po.Total)
		want := "the payout paid out"
		if po.Total != nil {
			want = money(*po.Total) + " paid out"
		}
		got := "payout " + cmp.Or(po.Status, string(po.Verb))
		c.fail(PayoutMismatch, want, got, "the payout failed or was cancelled, yet a payment entry books its money as received",
			append([]Doc{po}, entries...)...)
	}
}

// payoutOwnEntry are the balance transaction types of a payout's own entries in the
// balance (paying it out, or taking it back), not of what it pays out. A minimum balance
// hold or release (payout_minimum_balance_hold) does change what a payout pays, and is
// summed with the rest.
var payoutOwnEntry = map[string]bool{"payout": true, "payout_cancel": true, "payout_failure": true, "payout_reversal": true}

// payoutTransactions are the balance transactions that name a payout, without the
// payout's own entry in the balance.
func (c *recon) payoutTransactions(po Doc) []Doc {
	var out []Doc
	seen := map[string]bool{}
	for _, d := range append(slices.Clone(c.p.settlements), c.ev.Related...) {
		if d.Role != ontology.RoleSettlement || payoutOwnEntry[d.Status] || !names(d, ontology.RefPayout, po.Key.ExternalID) {
			continue
		}
		// One entry, whether the API object or the report's row (or both) named it.
		id := d.Key.String()
		if ids := d.RefsOf(ontology.RefBalanceTxn); len(ids) > 0 {
			id = ids[0]
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Doc) int { return compareRefs(a.Ref(), b.Ref()) })
	return out
}

// namedInvoices checks that every invoice a payment names exists: in the event, or in
// another event when one payment settles several invoices.
func (c *recon) namedInvoices() {
	known := map[string]bool{}
	for _, d := range append(append(slices.Clone(c.p.invoices), c.p.cancelled...), c.ev.Related...) {
		if d.Role == ontology.RoleInvoice {
			for _, id := range invoiceIDs(d) {
				known[id] = true
			}
		}
	}
	for _, pay := range c.p.payments {
		for _, id := range pay.RefsOf(ontology.RefInvoice) {
			if known[id] {
				c.agreed++
				continue
			}
			c.fail(MissingInvoice, "invoice "+id, "none", fmt.Sprintf("named by %s %s", pay.Key.System, pay.Key.Type), pay)
		}
	}
}

// payment reconciles money with no order, invoice or payout of its own in the event:
// one payment settling invoices that live in their own events is compared with them;
// money with no document saying what it is for is missing its invoice, unless all of it
// went back. What went back (the charge's own refunds) is booked as a sale's is.
func (c *recon) payment() {
	paid := without(c.p.payments, ontology.VerbOrdered)
	for _, d := range paid {
		c.setValue(d.Total)
		c.book(d.Total, func(a *tally) *decimal.Decimal { return &a.paid })
	}
	back, _ := c.givenBack()
	c.bookRefunded(back)
	if len(paid) == 0 {
		c.await("payment")
		return
	}
	named := 0
	for _, d := range paid {
		named += len(d.RefsOf(ontology.RefInvoice))
	}
	if named == 0 && keptNothing(sum(paid), back) {
		// Refunded in full: nothing was kept that an order or invoice must account for.
		c.agreed++
		return
	}
	if named == 0 {
		c.fail(MissingInvoice, "an order or invoice the payment is for", sum(paid).String(), "payment with no order or invoice", paid...)
		return
	}
	before := len(c.reasons)
	c.namedInvoices()
	if len(c.reasons) > before {
		return
	}
	var invoices []Doc
	for _, d := range c.ev.Related {
		if d.Role == ontology.RoleInvoice && issued(d) {
			invoices = append(invoices, d)
		}
	}
	c.settlesOthers = len(invoices) > 0
	docs := append(slices.Clone(paid), invoices...)
	owed, ok1 := sum(invoices).only()
	got, ok2 := sum(paid).only()
	switch {
	case ok1 && ok2:
		c.compareMoney(AmountMismatch, owed, got, nil, c.cfg.Amount, "invoices against the payment that settles them together", docs...)
	case len(sum(invoices)) > 1 || len(sum(paid)) > 1:
		// Money in several currencies on either side adds up to no one amount: it
		// cannot be compared, which is a difference, never agreement.
		c.fail(CurrencyMismatch, sum(invoices).String(), sum(paid).String(), "invoices against the payment that settles them together, in several currencies", docs...)
	}
}

// keptNothing reports whether everything paid went back, in every currency.
func keptNothing(paid, back purse) bool {
	for cur, a := range paid {
		if back[cur].LessThan(a) {
			return false
		}
	}
	return len(paid) > 0
}

// settlementOnly reconciles balance transactions alone in their event: one that books a
// charge proves money came in whose payment document is missing. Others (fees, the
// payout's own entry, refunds) are reconciled with their payout; ok is false for them.
func (c *recon) settlementOnly() bool {
	found := false
	for _, bt := range c.p.settlements {
		ids := bt.RefsOf(ontology.RefPayment)
		if len(ids) == 0 || (bt.Status != "charge" && bt.Status != "payment") {
			continue
		}
		found = true
		g := gross(bt)
		c.setValue(g)
		c.book(g, func(a *tally) *decimal.Decimal { return &a.gross })
		c.book(bt.Fee, func(a *tally) *decimal.Decimal { return &a.fees })
		c.book(bt.Total, func(a *tally) *decimal.Decimal { return &a.net })
		c.fail(MissingPayment, "the payment "+ids[0]+" the balance transaction books", "none",
			"balance transaction with no payment document", bt)
	}
	return found
}

// refundOnly reconciles a refund whose sale is not known: money given back must have
// goods coming back.
func (c *recon) refundOnly() {
	c.bookRefunded(refundRecords(c.p.refunds, c.cfg.Amount))
	for _, r := range c.p.refunds {
		c.setValue(r.Total)
		back := false
		for _, l := range r.Lines {
			back = back || l.Qty > 0 && !l.NotStock && l.ComesBack()
		}
		if back {
			c.agreed++
			continue
		}
		what := "a refund"
		if r.Total != nil {
			what = "refund of " + money(*r.Total)
		}
		c.fail(RefundWithoutReturn, "goods returned with the refund", what+", no goods back", "refund with no sale known", r)
	}
}

// invoiceIDs are the numbers an invoice is known by: its own references (stored upper
// case, as payments quote them) and its id.
func invoiceIDs(d Doc) []string {
	return append(d.RefsOf(ontology.RefInvoice), strings.ToUpper(d.Key.ExternalID))
}

// names reports whether a document holds a reference of that kind and value. A payment
// entry booking a payout names thousands of invoices: this looks without copying them.
func names(d Doc, kind ontology.RefKind, value string) bool {
	for _, r := range d.Refs {
		if r.Kind == kind && r.Value == value {
			return true
		}
	}
	return false
}
