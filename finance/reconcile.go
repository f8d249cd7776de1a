package finance

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// Reconcile compares one event's documents and says how far they agree. asOf is the
// data clock: the newest arrival Seam knows of, against which due dates are judged,
// so that the same documents always give the same answer whenever it is asked. ok is
// false for events that carry no money and no purchase or sale (a sensor reading, a
// carrier's tracking alone, a stock count): they are not finance's.
func Reconcile(ev Event, cfg Config, asOf time.Time) (res Result, ok bool) {
	c := newCheck(ev, cfg, asOf)
	p := &c.p
	switch {
	case len(p.orders)+len(p.pos)+len(p.customsOrders) > 0 || c.saleCancelled():
		c.sale()
	case len(p.purchases)+len(p.declarations)+len(p.receipts) > 0:
		c.purchase()
	case len(p.payouts) > 0 || len(p.payments) > 0 && len(failedPayouts(p.cancelled)) > 0:
		c.payout()
	case len(p.invoices) > 0:
		if c.supplierSide() {
			c.purchase()
		} else {
			c.sale()
		}
	case len(p.payments) > 0:
		c.payment()
	case len(p.refunds) > 0:
		c.refundOnly()
	case len(p.settlements) > 0:
		if !c.settlementOnly() {
			return Result{}, false
		}
	default:
		return Result{}, false
	}
	return c.result(), true
}

// parts are an event's documents sorted by the part they play. Cancelled documents are
// kept apart: they count for nothing but are still listed.
type parts struct {
	orders, pos, customsOrders               []Doc
	fulfilments, tracking, refunds           []Doc
	invoices, payments, settlements, payouts []Doc
	purchases, declarations, receipts        []Doc
	cancelled                                []Doc
}

func split(docs []Doc) parts {
	var p parts
	withdrawn := withdrawnOrders(docs)
	for _, d := range docs {
		if d.Verb == ontology.VerbCancelled || d.Role == ontology.RoleOrder && withdrawn[subjectOf(d.Key)] {
			p.cancelled = append(p.cancelled, d)
			continue
		}
		switch d.Role {
		case ontology.RoleOrder:
			p.orders = append(p.orders, d)
		case ontology.RolePOS:
			p.pos = append(p.pos, d)
		case ontology.RoleDeclaration:
			// A cross-border e-commerce order declared to customs is the sale seen by
			// customs; a declaration of goods is goods coming in.
			if d.Key.Type == ontology.TypeOrder {
				p.customsOrders = append(p.customsOrders, d)
			} else {
				p.declarations = append(p.declarations, d)
			}
		case ontology.RoleFulfilment:
			p.fulfilments = append(p.fulfilments, d)
		case ontology.RoleTracking:
			p.tracking = append(p.tracking, d)
		case ontology.RoleRefund:
			if d.Verb == ontology.VerbOrdered {
				// A return only drafted (Square DRAFT) gave nothing back yet: like a
				// cancelled document, it counts for nothing but is still listed.
				p.cancelled = append(p.cancelled, d)
				continue
			}
			p.refunds = append(p.refunds, d)
		case ontology.RoleInvoice:
			if !issued(d) {
				// Like a cancelled one, an invoice only drafted is listed, not counted.
				p.cancelled = append(p.cancelled, d)
				continue
			}
			p.invoices = append(p.invoices, d)
		case ontology.RolePayment:
			p.payments = append(p.payments, d)
		case ontology.RoleSettlement:
			p.settlements = append(p.settlements, d)
		case ontology.RolePayout:
			p.payouts = append(p.payouts, d)
		case ontology.RolePurchase:
			p.purchases = append(p.purchases, d)
		case ontology.RoleReceipt:
			p.receipts = append(p.receipts, d)
		}
	}
	p.settlements = oneEachTransaction(p.settlements)
	return p
}

// withdrawnOrders are the orders their own source cancelled with a document of another
// type about the same order (Meituan's cancellation push, keyed by the order's id): by
// subject, as subjectOf names them. Such an order counts for nothing, as if its own
// status said cancelled.
func withdrawnOrders(docs []Doc) map[string]bool {
	out := map[string]bool{}
	for _, d := range docs {
		if d.Role == ontology.RoleOrder && d.Verb == ontology.VerbCancelled {
			out[subjectOf(d.Key)] = true
		}
	}
	return out
}

// subjectOf names what a document is about in its source: its system and its own id,
// without the type.
func subjectOf(k ontology.DocKey) string { return k.System + "/" + k.ExternalID }

// issued reports whether an invoice stands: not cancelled, and not only drafted (ERPNext
// docstatus 0, mapped as ordered), which nothing is owed by yet. Invoices another event
// holds are counted by the same test as the event's own.
func issued(d Doc) bool {
	return d.Verb != ontology.VerbCancelled && d.Verb != ontology.VerbOrdered
}

// oneEachTransaction keeps one document per processor balance transaction. Stripe's
// API object and its row in the itemized payout reconciliation report are two records
// of one entry (txn_...): counted twice they would double the fees and the net. The
// API object is kept, for its exchange rate; the report's row where it alone came.
func oneEachTransaction(docs []Doc) []Doc {
	if len(docs) < 2 {
		return docs
	}
	idOf := func(d Doc) string {
		if ids := d.RefsOf(ontology.RefBalanceTxn); len(ids) > 0 {
			return ids[0]
		}
		return d.Key.String()
	}
	kept := map[string]int{}
	out := make([]Doc, 0, len(docs))
	for _, d := range docs {
		id := idOf(d)
		i, dup := kept[id]
		switch {
		case !dup:
			kept[id] = len(out)
			out = append(out, d)
		case fromReport(out[i]) && !fromReport(d):
			out[i] = withPayouts(d, out[i])
		case fromReport(d) && !fromReport(out[i]):
			out[i] = withPayouts(out[i], d)
		}
	}
	return out
}

// withPayouts is the API object api with the payouts its report row names: the row is
// the only record that says which payout paid the transaction out.
func withPayouts(api, row Doc) Doc {
	for _, po := range row.RefsOf(ontology.RefPayout) {
		if !slices.Contains(api.RefsOf(ontology.RefPayout), po) {
			api.Refs = append(slices.Clone(api.Refs), ontology.Ref{Kind: ontology.RefPayout, Value: po})
		}
	}
	return api
}

// fromReport reports whether a settlement document is a row of a processor's report
// rather than its API object: decimals in major units, no exchange rate.
func fromReport(d Doc) bool { return d.Key.Type == TypePayoutReport }

// TypePayoutReport is the document type of a row of Stripe's itemized payout
// reconciliation report (mapping stripe-payout_reconciliation.yaml).
const TypePayoutReport = "payout_reconciliation"

// recon is one event's reconciliation in progress: the comparisons made so far and
// what they found.
type recon struct {
	cfg       Config
	asOf      time.Time
	ev        Event
	p         parts
	reasons   []Reason
	tolerated []Reason
	// agreed counts comparisons that agreed (exactly or within tolerance): an event
	// with reasons is partial when some did, unmatched when none did.
	agreed   int
	awaiting []string
	amounts  map[string]*tally
	fx       []FX
	value    *ontology.Money
	isPayout bool
	// settlesOthers is set for a payment of invoices held by other events.
	settlesOthers bool
}

func newCheck(ev Event, cfg Config, asOf time.Time) *recon {
	docs := slices.Clone(ev.Docs)
	slices.SortFunc(docs, func(a, b Doc) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), a.OccurredAt.Compare(b.OccurredAt), compareRefs(a.Ref(), b.Ref()))
	})
	ev.Docs = docs
	return &recon{cfg: cfg, asOf: asOf, ev: ev, p: split(docs), amounts: map[string]*tally{}}
}

func (c *recon) result() Result {
	r := Result{
		Event: c.ev.ID, Kind: string(c.ev.Kind), OccurredAt: c.ev.OccurredAt.UTC(),
		Reasons: c.reasons, Tolerated: c.tolerated, Awaiting: c.awaiting, FX: c.fx, Amount: c.value, payout: c.isPayout,
		settles: c.settlesOthers,
	}
	for _, d := range c.ev.Docs {
		r.Documents = append(r.Documents, d.Ref())
	}
	r.Documents = sortRefs(r.Documents)
	if r.Reasons == nil {
		r.Reasons = []Reason{}
	}
	slices.SortStableFunc(r.Reasons, func(a, b Reason) int {
		return cmp.Compare(slices.Index(Codes, a.Code), slices.Index(Codes, b.Code))
	})
	currencies := make([]string, 0, len(c.amounts))
	for cur := range c.amounts {
		currencies = append(currencies, cur)
	}
	slices.Sort(currencies)
	for _, cur := range currencies {
		r.Amounts = append(r.Amounts, c.amounts[cur].text(cur))
	}
	if r.Amount != nil {
		r.Value = &CurrencyAmount{Currency: r.Amount.Currency, Amount: amount(r.Amount.Amount, r.Amount.Currency)}
	}
	switch {
	case len(r.Reasons) > 0 && c.agreed > 0:
		r.Status = Partial
	case len(r.Reasons) > 0:
		r.Status = Unmatched
	case len(r.Tolerated) > 0:
		r.Status = MatchedWithinTolerance
	default:
		r.Status = Matched
	}
	return r
}

// fail records a disagreement.
func (c *recon) fail(code Code, expected, actual, note string, docs ...Doc) {
	c.reasons = append(c.reasons, Reason{Code: code, Expected: expected, Actual: actual, Note: note, Documents: refsOf(docs)})
}

// failSKU records a disagreement about one product.
func (c *recon) failSKU(code Code, sku, expected, actual, note string, docs ...Doc) {
	c.fail(code, expected, actual, note, docs...)
	c.reasons[len(c.reasons)-1].SKU = sku
}

// judge records the outcome of one comparison.
func (c *recon) judge(v verdict, r Reason) {
	switch v {
	case agree:
		c.agreed++
	case tolerate:
		c.agreed++
		c.tolerated = append(c.tolerated, r)
	default:
		c.reasons = append(c.reasons, r)
	}
}

func refsOf(docs []Doc) []DocRef {
	out := make([]DocRef, 0, len(docs))
	for _, d := range docs {
		out = append(out, d.Ref())
	}
	return sortRefs(out)
}

// compareMoney compares two documents' figures. In one currency the tolerance decides;
// across currencies, a rate the document states (rate) or one configured converts
// expected into actual's currency, the conversion is shown, and the FX tolerance
// decides; with no rate at all the amounts cannot be reconciled: currency_mismatch.
func (c *recon) compareMoney(code Code, expected, actual ontology.Money, rate *decimal.Decimal, t Tolerance, note string, docs ...Doc) {
	actual.Amount = exact(actual.Amount, actual.Currency)
	if expected.Currency == actual.Currency {
		expected.Amount = exact(expected.Amount, expected.Currency)
		c.judge(compareAmounts(expected.Amount, actual.Amount, t, actual.Currency),
			Reason{Code: code, Expected: money(expected), Actual: money(actual), Note: note, Documents: refsOf(docs)})
		return
	}
	source := "document"
	var r decimal.Decimal
	switch {
	case rate != nil:
		r = *rate
	default:
		var ok bool
		if r, ok = c.cfg.rate(expected.Currency, actual.Currency); !ok {
			c.fail(CurrencyMismatch, money(expected), money(actual),
				fmt.Sprintf("%s: no document or configured rate converts %s to %s", note, expected.Currency, actual.Currency), docs...)
			return
		}
		source = "configured"
	}
	// A converted amount is money in the other currency: the processor books it rounded
	// to that currency's decimals (64.00 USD at 0.920781 is 58.93 EUR, not 58.92998).
	converted := ontology.Money{Amount: expected.Amount.Mul(r).Round(exponent(actual.Currency)), Currency: actual.Currency}
	c.fx = append(c.fx, FX{From: expected.Currency, To: actual.Currency, Rate: r, Source: source,
		Amount: money(expected), Converted: money(converted), Booked: money(actual), Documents: refsOf(docs)})
	c.judge(compareAmounts(converted.Amount, actual.Amount, c.cfg.FX, actual.Currency),
		Reason{Code: code, Expected: money(converted), Actual: money(actual), Documents: refsOf(docs),
			Note: fmt.Sprintf("%s, %s at %s %s/%s", note, money(expected), r.String(), actual.Currency, expected.Currency)})
}

// book adds a figure to the event's amounts.
func (c *recon) book(m *ontology.Money, field func(*tally) *decimal.Decimal) {
	if m == nil {
		return
	}
	a := c.amounts[m.Currency]
	if a == nil {
		a = &tally{}
		c.amounts[m.Currency] = a
	}
	f := field(a)
	*f = f.Add(m.Amount)
}

// setValue sets the event's value for reports, once: the first document that says what
// the event is worth.
func (c *recon) setValue(m *ontology.Money) {
	if c.value == nil && m != nil {
		v := *m
		c.value = &v
	}
}

func (c *recon) await(what string) {
	if !slices.Contains(c.awaiting, what) {
		c.awaiting = append(c.awaiting, what)
	}
}

// day formats a date for reasons.
func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// supplierSide reports whether the event's invoices are bills from suppliers.
func (c *recon) supplierSide() bool {
	for _, d := range c.p.invoices {
		if supplierOf(d) != "" || d.Key.Type == "purchase_invoice" {
			return true
		}
	}
	return false
}

// supplierOf names the supplier a document mentions as "system:code", the way finance
// names suppliers (payment terms, breakers).
func supplierOf(d Doc) string {
	for _, p := range d.Parties {
		if p.Role == ontology.PartySupplier && p.ExternalID != "" {
			return d.Key.System + ":" + strings.TrimSpace(p.ExternalID)
		}
	}
	return ""
}

// sum adds up the documents' totals.
func sum(docs []Doc) purse {
	p := purse{}
	for _, d := range docs {
		p.add(d.Total)
	}
	return p
}

// live drops documents with the given verbs.
func without(docs []Doc, verbs ...ontology.Verb) []Doc {
	var out []Doc
	for _, d := range docs {
		if !slices.Contains(verbs, d.Verb) {
			out = append(out, d)
		}
	}
	return out
}
