package finance

import (
	"time"

	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// sale reconciles a sale: the order (or its ring-up at a till, or the sale as customs saw
// it, or the invoice where there is nothing else) says what the customer owes; invoices,
// payments and the processor's balance transactions must say the same, the goods must
// have left once paid, and money given back must have goods coming back.
func (c *recon) sale() {
	p := &c.p
	base, ok := c.saleBase()
	cancelled := c.saleCancelled()
	if ok {
		c.setValue(base.Total)
		if base.Role == ontology.RoleInvoice {
			c.book(base.Total, func(a *tally) *decimal.Decimal { return &a.invoiced })
		} else {
			c.book(base.Total, func(a *tally) *decimal.Decimal { return &a.ordered })
		}
	}
	if len(p.orders) > 0 && len(p.pos) > 0 {
		o, r := p.orders[0], p.pos[0]
		// A marketplace order rung up again at the till is a stock record there: the
		// marketplace's total adds delivery and packaging and is settled by the
		// marketplace, not at the till, so only the goods must agree.
		if o.Total != nil && r.Total != nil && r.Channel != "delivery" {
			c.compareMoney(AmountMismatch, *o.Total, *r.Total, nil, c.cfg.Amount, "order against its ring-up at the till", o, r)
		}
		c.compareLines(o, r, "ordered against rung up")
	}
	for _, co := range p.customsOrders {
		if !ok || co.Key == base.Key || base.Total == nil || co.Total == nil {
			continue
		}
		c.book(co.Total, func(a *tally) *decimal.Decimal { return &a.declared })
		c.compareMoney(DeclaredValueMismatch, *base.Total, *co.Total, nil, c.cfg.Declared,
			"order against the value declared to customs", base, co)
	}
	invoices := without(p.invoices, ontology.VerbRefunded)
	if len(invoices) > 0 && ok && base.Role != ontology.RoleInvoice {
		for _, inv := range invoices {
			c.book(inv.Total, func(a *tally) *decimal.Decimal { return &a.invoiced })
		}
		// An order invoiced in parts: the invoices together must say what was ordered,
		// as their amounts together must.
		c.compareLinesSum(base, invoices, "ordered against invoiced")
		invoiced := sum(invoices)
		if got, single := invoiced.only(); single && base.Total != nil {
			c.compareMoney(AmountMismatch, *base.Total, got, nil, c.cfg.Amount, "order against invoice", append([]Doc{base}, invoices...)...)
		} else if len(invoiced) > 1 {
			// Invoices that add up in no one currency cannot be compared with the order:
			// a difference, as payments in several currencies are.
			want := "one currency"
			if base.Total != nil {
				want = money(*base.Total)
			}
			c.fail(CurrencyMismatch, want, invoiced.String(), "invoices in several currencies", append([]Doc{base}, invoices...)...)
		}
	}
	if cancelled {
		c.keptForCancelled()
	}
	var owed *ontology.Money
	if ok && !cancelled {
		owed = base.Total
	}
	c.payments(owed, base, ok, invoices, c.cfg.CustomerTermsDays)
	c.settlements()
	refunded := c.refunds(owed)
	if !cancelled {
		c.shipments(refunded)
		c.returnedToSender(owed, refunded)
	}
	c.namedInvoices()
}

// keptForCancelled checks that money taken for a cancelled sale went back.
func (c *recon) keptForCancelled() {
	var cancelledDocs []Doc
	for _, d := range c.p.cancelled {
		if d.Role == ontology.RoleOrder || d.Role == ontology.RolePOS {
			cancelledDocs = append(cancelledDocs, d)
		}
	}
	paid := without(c.p.payments, ontology.VerbOrdered, ontology.VerbRefunded)
	back := c.refundsSum()
	for cur, amt := range sum(paid) {
		kept := amt.Sub(back[cur])
		if kept.Sign() <= 0 {
			c.agreed++
			continue
		}
		c.fail(AmountMismatch, money(ontology.Money{Currency: cur})+" (the sale was cancelled)", money(ontology.Money{Amount: kept, Currency: cur})+" kept",
			"money taken for a cancelled sale and not refunded", append(cancelledDocs, paid...)...)
	}
}

// saleBase is the document that says what the customer owes.
func (c *recon) saleBase() (Doc, bool) {
	for _, docs := range [][]Doc{c.p.orders, c.p.pos, c.p.customsOrders, without(c.p.invoices, ontology.VerbRefunded)} {
		if len(docs) > 0 {
			return docs[0], true
		}
	}
	return Doc{}, false
}

// saleCancelled reports whether every order and ring-up of the sale was cancelled.
func (c *recon) saleCancelled() bool {
	if len(c.p.orders)+len(c.p.pos) > 0 {
		return false
	}
	for _, d := range c.p.cancelled {
		if d.Role == ontology.RoleOrder || d.Role == ontology.RolePOS {
			return true
		}
	}
	return false
}

// collected reports whether the sale's own documents record that the money was taken:
// a till that took it, a marketplace that collected it.
func (c *recon) collected() bool {
	for _, d := range append(slices.Clone(c.p.pos), c.p.orders...) {
		if c.cfg.collects(d.Key.System) && d.Verb != ontology.VerbOrdered {
			return true
		}
	}
	return false
}

// payments compares what was paid with what is owed. Payments recorded by one system
// are one group; two systems (the processor's charge, the ERP's payment entry) are two
// records of the same money, each compared on its own. A group that pays twice what is
// owed, in repeats of one amount, is a duplicate payment.
func (c *recon) payments(owed *ontology.Money, base Doc, hasBase bool, invoices []Doc, termsDays int) {
	live := c.p.payments
	paid := without(live, ontology.VerbOrdered)
	batch := c.batchPayments(invoices)
	for _, d := range paid {
		c.book(d.Total, func(a *tally) *decimal.Decimal { return &a.paid })
	}
	if len(paid) == 0 && len(batch) == 0 {
		switch {
		case len(live) > 0:
			c.await("payment")
		case c.collected():
			c.agreed++
		case owed == nil || owed.Amount.Sign() <= 0:
		case c.refundedInFull(*owed):
			// All of it given back: the refund is the record that the money was taken,
			// and nothing of it is still owed.
			c.agreed++
		case base.Role == ontology.RoleInvoice || base.Role == ontology.RolePurchase || unpaid(base):
			// An invoice is paid by its due date. A sale whose own document says it is
			// not paid yet (a WooCommerce order on-hold awaiting a bank transfer, a
			// Shopify order pending, a Square order still open) is paid within the
			// customer terms: until then its payment is awaited, not missing.
			due := dueOf(base, termsDays)
			note := "invoice not paid by its due date"
			if unpaid(base) {
				note = "order awaiting its payment, not paid within the customer terms"
			}
			if c.asOf.After(due.Add(days(c.cfg.GraceDays))) {
				c.fail(MissingPayment, money(*owed)+" by "+day(due.Add(-time.Nanosecond)), "none", note, base)
			} else {
				c.await("payment")
			}
		default:
			c.fail(MissingPayment, money(*owed), "none", "no payment document for the sale", base)
		}
		return
	}
	if owed != nil {
		for _, g := range groupBySource(paid) {
			// A charge refunded in full gave its money back: it pays nothing of what is
			// owed (a duplicate charge refunded is no duplicate payment). A group of
			// refunded charges alone is still compared; refunds() judges the refund.
			if kept := without(g, ontology.VerbRefunded); len(kept) > 0 {
				g = kept
			}
			if dup, ok := duplicates(g, *owed, c.cfg.Amount); ok {
				c.fail(DuplicatePayment, money(*owed), sum(g).String(),
					fmt.Sprintf("%d payments of %s where one is owed", dup, money(*g[0].Total)), g...)
				continue
			}
			if got, single := sum(g).only(); single {
				c.compareMoney(AmountMismatch, *owed, got, nil, c.cfg.Amount, "owed against paid", append([]Doc{base}, g...)...)
			} else if len(sum(g)) > 1 {
				c.fail(CurrencyMismatch, money(*owed), sum(g).String(), "payments in several currencies", append([]Doc{base}, g...)...)
			}
		}
	}
	if len(batch) > 0 && len(paid) == 0 {
		// Paid together with other invoices: the amount belongs to the batch, the date
		// to this invoice.
		c.agreed++
	}
	c.late(invoices, append(slices.Clone(paid), batch...), termsDays)
}

// unpaid reports whether a sale's own document says it is not paid yet: an order or a
// ring-up announced as ordered.
func unpaid(d Doc) bool {
	return (d.Role == ontology.RoleOrder || d.Role == ontology.RolePOS) && d.Verb == ontology.VerbOrdered
}

// batchPayments are payments in other events that name one of these invoices: one
// payment entry settling several invoices stays apart from each of them.
func (c *recon) batchPayments(invoices []Doc) []Doc {
	var out []Doc
	for _, r := range c.ev.Related {
		if r.Role != ontology.RolePayment || r.Verb == ontology.VerbCancelled || r.Verb == ontology.VerbOrdered {
			continue
		}
		for _, inv := range invoices {
			if slices.ContainsFunc(invoiceIDs(inv), func(id string) bool { return names(r, ontology.RefInvoice, id) }) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// late flags invoices paid after their due date (and the grace days).
func (c *recon) late(invoices, paid []Doc, termsDays int) {
	if len(paid) == 0 {
		return
	}
	first := paid[0]
	for _, d := range paid[1:] {
		if d.OccurredAt.Before(first.OccurredAt) {
			first = d
		}
	}
	for _, inv := range invoices {
		due := dueOf(inv, termsDays)
		if first.OccurredAt.After(due.Add(days(c.cfg.GraceDays))) {
			late := int((first.OccurredAt.Sub(due) + days(1) - time.Nanosecond) / days(1))
			c.fail(LatePayment, "paid by "+day(due.Add(-time.Nanosecond)), fmt.Sprintf("paid %s, %d days late", day(first.OccurredAt), late),
				"invoice against its first payment", inv, first)
		} else {
			c.agreed++
		}
	}
}

// dueOf is when an invoice falls due: the end of its own due day (a payment on the due
// date is on time), else its date plus the terms.
func dueOf(inv Doc, termsDays int) time.Time {
	if inv.DueAt != nil {
		return inv.DueAt.Add(days(1))
	}
	return inv.OccurredAt.Add(days(termsDays))
}

// groupBySource groups payments by the system and type that recorded them, in order.
func groupBySource(docs []Doc) [][]Doc {
	var keys []string
	groups := map[string][]Doc{}
	for _, d := range docs {
		k := d.Key.System + "/" + d.Key.Type
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], d)
	}
	out := make([][]Doc, len(keys))
	for i, k := range keys {
		out[i] = groups[k]
	}
	return out
}

// duplicates reports how many payments of a group repeat one amount, when together they
// pay more than is owed and one of them alone pays it.
func duplicates(g []Doc, owed ontology.Money, t Tolerance) (int, bool) {
	if len(g) < 2 {
		return 0, false
	}
	total, single := sum(g).only()
	if !single || total.Currency != owed.Currency || compareAmounts(owed.Amount, total.Amount, t, owed.Currency) != disagree || total.Amount.LessThan(owed.Amount) {
		return 0, false
	}
	n := 0
	for _, d := range g {
		if d.Total != nil && d.Total.Currency == owed.Currency && compareAmounts(owed.Amount, d.Total.Amount, t, owed.Currency) != disagree {
			n++
		}
	}
	return n, n >= 2
}

// settlements compares each charge with the balance transaction that booked it: the
// gross (net plus fee) is the charge, converted at the transaction's own rate when the
// balance is kept in another currency.
func (c *recon) settlements() {
	for _, bt := range c.p.settlements {
		g := gross(bt)
		c.book(g, func(a *tally) *decimal.Decimal { return &a.gross })
		c.book(bt.Fee, func(a *tally) *decimal.Decimal { return &a.fees })
		c.book(bt.Total, func(a *tally) *decimal.Decimal { return &a.net })
		ch, ok := c.chargeOf(bt)
		if !ok || ch.Total == nil || g == nil {
			continue
		}
		if fromReport(bt) && bt.Status != "charge" && bt.Status != "payment" {
			// A report row of a refund or dispute names the original charge too
			// (charge_id): it is not that charge's settlement.
			continue
		}
		if fromReport(bt) && bt.ExchangeRate == nil && ch.Total.Currency != g.Currency {
			// The report states no rate: its row cannot be compared across currencies
			// without inventing one. Its net still counts toward its payout.
			continue
		}
		c.compareMoney(AmountMismatch, *ch.Total, *g, bt.ExchangeRate, c.cfg.Amount,
			"charge against its balance transaction (gross = net + fee)", ch, bt)
	}
}

// chargeOf finds the payment a balance transaction books.
func (c *recon) chargeOf(bt Doc) (Doc, bool) {
	ids := bt.RefsOf(ontology.RefPayment)
	for _, d := range c.p.payments {
		if slices.Contains(ids, d.Key.ExternalID) || slices.Contains(d.RefsOf(ontology.RefBalanceTxn), bt.Key.ExternalID) {
			return d, true
		}
	}
	return Doc{}, false
}

// refunds books money given back and checks that goods came back with it when they had
// left. It returns what was refunded for the goods: nothing when the refund only gave
// back money paid beyond what was owed.
func (c *recon) refunds(owed *ontology.Money) purse {
	refunded, docs := c.givenBack()
	c.bookRefunded(refunded)
	if len(docs) == 0 {
		return refunded
	}
	c.refundedBeyondTaken(owed, refunded, docs)
	if c.overpaymentBack(owed, refunded) {
		// A duplicate charge refunded: what is left paid is still what was owed, so
		// no goods were paid back and none are to come back.
		c.agreed++
		return purse{}
	}
	if !c.goodsLeft() {
		return refunded
	}
	for _, r := range c.p.refunds {
		if r.WholeOrder && len(r.Lines) == 0 && r.WholeOutcome == ontology.OutcomeReturned {
			// A refund of the whole order with its goods sent back (Meituan's refund
			// with return): the order's goods came back.
			c.agreed++
			return refunded
		}
		for _, l := range r.Lines {
			if l.Qty > 0 && !l.NotStock && l.ComesBack() {
				c.agreed++
				return refunded
			}
		}
	}
	if len(c.p.tracking) > 0 && !slices.ContainsFunc(c.p.tracking, func(d Doc) bool { return d.Verb != ontology.VerbReturned }) {
		// The carrier brought the parcel back to the merchant (returned to sender): the
		// goods came back without a return of the buyer's.
		c.agreed++
		return refunded
	}
	if len(c.p.refunds) > 0 && !slices.ContainsFunc(c.p.refunds, expectsGoodsBack) {
		// Shipping refunded, or items that never left: no goods to come back.
		c.agreed++
		return refunded
	}
	shipped := append(append(slices.Clone(c.p.fulfilments), c.p.tracking...), c.p.pos...)
	c.fail(RefundWithoutReturn, "goods returned with the refund", "refund of "+refunded.String()+", no goods back",
		"the goods had left", append(docs, shipped...)...)
	return refunded
}

// refundedBeyondTaken checks that no more went back than was taken. A refund larger
// than the payment is money lost (a refund typed twice, a refund in minor units read as
// major ones, a partial refund keyed as the whole): finance must see it even when the
// goods came back. What was taken is the largest record of it among the payment
// systems (a processor's charge and an ERP's payment entry record the same money), or,
// with no payment document, what is owed when the sale's own system collected it. With
// neither, a payment may be still to come, and nothing is judged.
func (c *recon) refundedBeyondTaken(owed *ontology.Money, refunded purse, docs []Doc) {
	taken := purse{}
	for _, g := range groupBySource(without(c.p.payments, ontology.VerbOrdered)) {
		for cur, a := range sum(g) {
			if b, ok := taken[cur]; !ok || a.GreaterThan(b) {
				taken[cur] = a
			}
		}
	}
	if len(taken) == 0 && owed != nil && c.collected() {
		taken.add(owed)
	}
	for cur, back := range refunded {
		got, ok := taken[cur]
		if !ok || back.LessThanOrEqual(got) || compareAmounts(got, back, c.cfg.Amount, cur) != disagree {
			continue
		}
		c.fail(AmountMismatch, "at most "+money(ontology.Money{Amount: got, Currency: cur})+" refunded",
			money(ontology.Money{Amount: back, Currency: cur})+" refunded", "refunded more than was taken",
			append(slices.Clone(docs), without(c.p.payments, ontology.VerbOrdered)...)...)
	}
}

// givenBack is the money the sale's documents say went back, and the documents that say
// it: its refund documents, each refund counted once however many systems record it
// (refundRecords); else its charges refunded in full (a processor's charge with
// no refund document of its own); else an order whose own status says it was refunded
// in full (Shopify financial_status refunded), before any refund document came.
func (c *recon) givenBack() (purse, []Doc) {
	if len(c.p.refunds) > 0 {
		return c.refundsSum(), slices.Clone(c.p.refunds)
	}
	back, docs := purse{}, []Doc(nil)
	for _, d := range c.p.payments {
		if d.Verb == ontology.VerbRefunded {
			back.add(d.Total)
			docs = append(docs, d)
		}
	}
	if len(docs) > 0 {
		return back, docs
	}
	for _, d := range c.p.orders {
		if d.Verb == ontology.VerbRefunded {
			back.add(d.Total)
			return back, []Doc{d}
		}
	}
	return back, nil
}

// refundsSum is the money the sale's refund documents gave back: each one's total; and
// a refund of the whole order that states no amount of its own (Meituan's full-refund
// push, ontology.Document.WholeOrder) gave back what was left of the order's total once
// the other refunds are counted. Without the order in the event, such a refund books
// nothing: its amount is not known yet.
func (c *recon) refundsSum() purse {
	whole := false
	var stated []Doc
	for _, r := range c.p.refunds {
		if r.Total == nil && r.WholeOrder {
			whole = true
			continue
		}
		stated = append(stated, r)
	}
	back := refundRecords(stated, c.cfg.Amount)
	if o := c.orderTotal(); whole && o != nil {
		if rest := o.Amount.Sub(back[o.Currency]); rest.Sign() > 0 {
			back.add(&ontology.Money{Amount: rest, Currency: o.Currency})
		}
	}
	return back
}

// orderTotal is the total of the event's order, cancelled or not (a Meituan order
// cancelled by its full refund): what a refund of the whole order gives back. nil when
// the event holds no order that states one.
func (c *recon) orderTotal() *ontology.Money {
	for _, docs := range [][]Doc{c.p.orders, c.p.cancelled} {
		for _, d := range docs {
			if d.Role == ontology.RoleOrder && d.Total != nil {
				return d.Total
			}
		}
	}
	return nil
}

// refundedInFull reports whether what went back is all that is owed.
func (c *recon) refundedInFull(owed ontology.Money) bool {
	back, _ := c.givenBack()
	a, ok := back[owed.Currency]
	return ok && a.GreaterThanOrEqual(owed.Amount)
}

// overpaymentBack reports whether a refund only gave back money paid beyond what was
// owed: some system's payments, less the refund, still pay all of it.
func (c *recon) overpaymentBack(owed *ontology.Money, refunded purse) bool {
	back, single := refunded.only()
	if owed == nil || !single || back.Currency != owed.Currency {
		return false
	}
	for _, g := range groupBySource(without(c.p.payments, ontology.VerbOrdered)) {
		left := sum(g)[owed.Currency].Sub(back.Amount)
		if left.GreaterThanOrEqual(owed.Amount) || compareAmounts(owed.Amount, left, c.cfg.Amount, owed.Currency) != disagree {
			return true
		}
	}
	return false
}

// refundsNoGoods are what a refund document's status says when it gives money back for
// no goods that had left: items cancelled before they shipped, or the shipping. The
// Shopify mapping sets them; an amount refunded alone (money_only) still expects goods.
var refundsNoGoods = []string{"cancel", "shipping"}

// expectsGoodsBack reports whether a refund gave money back for goods that had left, so
// that goods should come back with it. A refund whose source says nothing does.
func expectsGoodsBack(r Doc) bool { return !slices.Contains(refundsNoGoods, r.Status) }

// goodsLeft reports whether the documents show the goods physically left: a ring-up
// that took them (not one still open, announced as ordered), a shipment, or an order
// whose status says so.
func (c *recon) goodsLeft() bool {
	if len(without(c.p.pos, ontology.VerbOrdered))+len(c.p.fulfilments)+len(c.p.tracking) > 0 {
		return true
	}
	for _, o := range c.p.orders {
		if shippedVerb(o.Verb) {
			return true
		}
	}
	return false
}

func shippedVerb(v ontology.Verb) bool {
	return v == ontology.VerbFulfilled || v == ontology.VerbShipped || v == ontology.VerbDelivered
}

// shipments checks that a paid online order shipped, and shipped what was ordered. A
// sale rung up at a till, or delivered by a marketplace's courier, ships nothing of its
// own; an order whose own status says it shipped is its own record of it.
func (c *recon) shipments(refunded purse) {
	if len(c.p.pos) > 0 || len(c.p.orders) == 0 {
		return
	}
	o := c.p.orders[0]
	if o.Channel != "online" {
		return
	}
	if o.Total != nil {
		if back, ok := refunded[o.Total.Currency]; ok && back.GreaterThanOrEqual(o.Total.Amount) && !c.goodsLeft() {
			return // refunded in full before anything left: nothing is to ship
		}
	}
	if len(c.p.fulfilments)+len(c.p.tracking) == 0 {
		switch {
		case shippedVerb(o.Verb):
			c.agreed++
		case o.Verb == ontology.VerbOrdered && len(without(c.p.payments, ontology.VerbOrdered)) == 0:
			c.await("shipment") // not paid yet: nothing is due to ship
		case !c.asOf.After(c.paidAt(o).Add(days(c.cfg.ShipWithinDays))):
			c.await("shipment") // paid, and the shop still has time to ship it
		default:
			c.fail(MissingShipment, fmt.Sprintf("a shipment of %s units", totalQty(o)), "none",
				"paid online order with no fulfilment or tracking", append([]Doc{o}, without(c.p.payments, ontology.VerbOrdered)...)...)
		}
		return
	}
	c.shippedQty(o)
}

// returnedToSender checks a sale whose parcels the carrier all brought back to the
// merchant (every tracking returned to sender): the buyer has neither goods nor, unless
// it was refunded, money. Money kept for it is an exception until it is refunded or the
// goods are sent again (a new parcel, whose tracking is not returned).
func (c *recon) returnedToSender(owed *ontology.Money, refunded purse) {
	if len(c.p.tracking) == 0 || slices.ContainsFunc(c.p.tracking, func(d Doc) bool { return d.Verb != ontology.VerbReturned }) {
		return
	}
	paid := sum(without(c.p.payments, ontology.VerbOrdered, ontology.VerbRefunded))
	if len(paid) == 0 && c.collected() && owed != nil {
		paid.add(owed)
	}
	docs := append(slices.Clone(c.p.tracking), without(c.p.payments, ontology.VerbOrdered)...)
	for cur, amt := range paid {
		kept := amt.Sub(refunded[cur])
		if kept.Sign() <= 0 {
			c.agreed++
			continue
		}
		k := ontology.Money{Amount: kept, Currency: cur}
		c.fail(ReturnedToSender, "a refund of "+money(k)+" or the goods sent again", "parcel returned to sender, "+money(k)+" kept",
			"the carrier brought every parcel back to the merchant", docs...)
	}
}

// paidAt is when an order was paid, as far as its documents say: its first payment,
// else the order's own date.
func (c *recon) paidAt(o Doc) time.Time {
	at := o.OccurredAt
	for i, d := range without(c.p.payments, ontology.VerbOrdered) {
		if i == 0 || d.OccurredAt.Before(at) {
			at = d.OccurredAt
		}
	}
	return at
}
