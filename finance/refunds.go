package finance

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// refundRecords is the money a sale's refund documents say went back, counting each
// refund once although several systems record it. A storefront's refund made through its
// payment gateway (a WooCommerce refund paid back through Stripe) is the processor's
// refund itself: WooCommerce's refunds[] and Stripe's charge refunds are two records of
// the same money, not two refunds.
//
// The documents of one source (system and type) add up: each is a refund of its own, or
// one charge's refunds so far. Two sources record the same money when they name the same
// payment (a charge, a payment intent, a refund id), or, when one of them names no
// payment at all, when they give the same amount. Records of the same money count as
// the largest of them (a refund one system has not heard of yet is still counted); the
// rest add up.
func refundRecords(docs []Doc, t Tolerance) purse {
	groups := groupBySource(docs)
	if len(groups) < 2 {
		return sum(docs)
	}
	type record struct {
		back     purse
		payments []string
	}
	recs := make([]record, len(groups))
	for i, g := range groups {
		recs[i].back = sum(g)
		for _, d := range g {
			recs[i].payments = append(recs[i].payments, d.RefsOf(ontology.RefPayment)...)
		}
	}
	same := func(a, b record) bool {
		if len(a.payments) > 0 && len(b.payments) > 0 {
			return slices.ContainsFunc(a.payments, func(p string) bool { return slices.Contains(b.payments, p) })
		}
		x, ok1 := a.back.only()
		y, ok2 := b.back.only()
		return ok1 && ok2 && x.Currency == y.Currency && compareAmounts(x.Amount, y.Amount, t, x.Currency) != disagree
	}
	// Sources linked by a chain of records of the same money are one refund: each
	// takes the cluster of the first source it records the same money as.
	cluster := make([]int, len(recs))
	for i := range recs {
		cluster[i] = i
		for j := range i {
			if same(recs[i], recs[j]) {
				old := cluster[i]
				for k := range i + 1 {
					if cluster[k] == old {
						cluster[k] = cluster[j]
					}
				}
			}
		}
	}
	largest := map[int]purse{}
	for i, r := range recs {
		p := largest[cluster[i]]
		if p == nil {
			p = purse{}
			largest[cluster[i]] = p
		}
		for cur, a := range r.back {
			if b, ok := p[cur]; !ok || a.GreaterThan(b) {
				p[cur] = a
			}
		}
	}
	out := purse{}
	for _, p := range largest {
		for cur, a := range p {
			out[cur] = out[cur].Add(a)
		}
	}
	return out
}

// bookRefunded adds what went back to the event's amounts.
func (c *recon) bookRefunded(back purse) {
	for cur, a := range back {
		c.book(&ontology.Money{Amount: a, Currency: cur}, func(x *tally) *decimal.Decimal { return &x.refunded })
	}
}
