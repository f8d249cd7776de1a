package finance

import (
	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// purchase reconciles goods bought: what was ordered from the supplier (purchase order),
// declared to customs, received at the warehouse, invoiced by the supplier and paid.
// Quantities come from resolution's own comparison of announced and received goods;
// the declared value must match the invoiced (or ordered) value of the goods, the
// invoice's prices the order's, and payments the invoice, by the supplier's terms.
func (c *recon) purchase() {
	p := &c.p
	invoices := without(p.invoices, ontology.VerbRefunded)
	for _, po := range p.purchases {
		c.setValue(po.Total)
		c.book(po.Total, func(a *tally) *decimal.Decimal { return &a.ordered })
	}
	for _, inv := range invoices {
		c.setValue(inv.Total)
		c.book(inv.Total, func(a *tally) *decimal.Decimal { return &a.invoiced })
	}
	c.goods()
	for _, decl := range p.declarations {
		declared, ok := goodsValue(decl)
		if !ok {
			continue
		}
		c.setValue(&declared)
		c.book(&declared, func(a *tally) *decimal.Decimal { return &a.declared })
		if ref, doc, ok := c.purchaseValue(invoices); ok {
			c.compareMoney(DeclaredValueMismatch, ref, declared, nil, c.cfg.Declared,
				doc.Key.Type+" value of the goods against the value declared to customs", doc, decl)
		}
	}
	if len(p.purchases) > 0 {
		for _, inv := range invoices {
			c.comparePrices(p.purchases[0], inv, "purchase order against invoice")
		}
	}
	supplier := ""
	for _, d := range append(append(invoices[:len(invoices):len(invoices)], p.purchases...), p.payments...) {
		if supplier = supplierOf(d); supplier != "" {
			break
		}
	}
	terms := c.cfg.supplierTerms(supplier)
	if len(invoices) == 0 {
		if paid := without(p.payments, ontology.VerbOrdered); len(paid) > 0 {
			c.fail(MissingInvoice, "the supplier's invoice the payment settles", sum(paid).String(), "payment with no invoice", paid...)
		}
		return
	}
	// An invoice that states no total says nothing of what is owed: that is its own
	// difference, not a currency one.
	var totalled []Doc
	for _, inv := range invoices {
		if inv.Total == nil {
			c.fail(AmountMismatch, "the invoice's total", "none", "invoice has no total", inv)
			continue
		}
		totalled = append(totalled, inv)
	}
	owed, single := sum(totalled).only()
	switch {
	case len(totalled) == 0:
		return
	case !single:
		c.fail(CurrencyMismatch, "one currency", sum(totalled).String(), "the supplier's invoices are in several currencies", totalled...)
		return
	}
	c.payments(&owed, totalled[0], true, invoices, terms)
}

// goods turns the goods differences resolution recorded into quantity comparisons. A
// receipt still being counted has not received the rest yet: less than announced is
// awaited, more is a difference all the same.
func (c *recon) goods() {
	counting := false
	for _, r := range c.p.receipts {
		counting = counting || c.cfg.counting(r)
	}
	for _, d := range c.ev.Discrepancies {
		if counting && d.Actual < d.Expected {
			c.await("rest of the receipt")
			continue
		}
		docs := c.p.receipts
		if src, ok := c.docByUID(d.Source); ok {
			docs = append([]Doc{src}, docs...)
		}
		c.compareQty(d.SKU, d.Expected, d.Actual, "announced against received", docs...)
	}
	for _, decl := range c.p.declarations {
		c.compareUnits(decl, c.p.receipts, "declared to customs against received")
	}
	if len(c.ev.Discrepancies) == 0 && len(c.p.receipts) > 0 && len(c.p.purchases)+len(c.p.declarations) > 0 {
		c.agreed++
	}
	if len(c.p.receipts) == 0 && len(c.p.purchases)+len(c.p.declarations) > 0 {
		c.await("receipt")
	}
}

func (c *recon) docByUID(uid string) (Doc, bool) {
	for _, d := range c.ev.Docs {
		if d.Key.UID() == uid {
			return d, true
		}
	}
	return Doc{}, false
}

// purchaseValue is what the goods cost by the supplier's invoice, else by the purchase
// order: the value customs should have been told.
func (c *recon) purchaseValue(invoices []Doc) (ontology.Money, Doc, bool) {
	for _, docs := range [][]Doc{invoices, c.p.purchases} {
		for _, d := range docs {
			if v, ok := goodsValue(d); ok {
				return v, d, true
			}
			if d.Total != nil {
				return *d.Total, d, true
			}
		}
	}
	return ontology.Money{}, Doc{}, false
}
