package finance

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// Doc is one source document as reconciliation reads it: its canonical form, when it
// arrived, and the canonical product of each of its lines.
type Doc struct {
	ontology.Document
	ReceivedAt time.Time
	// Products holds the canonical product of each line, index for index, as
	// resolution named it; "" (or a short slice) where it is not known, and the line's
	// own codes are compared instead.
	Products []string
}

// Ref is the document's key without its tenant, as reports name documents.
func (d Doc) Ref() DocRef {
	return DocRef{System: d.Key.System, Type: d.Key.Type, ExternalID: d.Key.ExternalID}
}

// Discrepancy is a goods difference resolution recorded on an event (declared 1,000,
// received 980), with the document that announced the expected quantity.
type Discrepancy struct {
	SKU      string
	Lot      string
	Expected ontology.Qty
	Actual   ontology.Qty
	Source   string // the announcing document's uid
}

// Event is one business event with the documents that evidence it.
type Event struct {
	ID         string
	Kind       ontology.EventKind
	OccurredAt time.Time
	Docs       []Doc
	// Discrepancies are the goods differences resolution recorded.
	Discrepancies []Discrepancy
	// Related are documents of other events that this event's documents point at: the
	// balance transactions that name a payout, the invoices a payment entry settles.
	// They are read, never reconciled here; their own events reconcile them.
	Related []Doc
}

// DocRef names a document in reports: system, type and the source's own id.
type DocRef struct {
	System     string `json:"system"`
	Type       string `json:"type"`
	ExternalID string `json:"externalId"`
}

func compareRefs(a, b DocRef) int {
	return cmp.Or(cmp.Compare(a.System, b.System), cmp.Compare(a.Type, b.Type), cmp.Compare(a.ExternalID, b.ExternalID))
}

// Status is how far an event's documents agree.
type Status string

// The statuses, best first.
const (
	// Matched: every comparison agreed exactly and nothing expected is missing.
	Matched Status = "matched"
	// MatchedWithinTolerance: every comparison agreed, some only within tolerance.
	MatchedWithinTolerance Status = "matched_within_tolerance"
	// Partial: some comparisons agreed and others did not, or a document is missing.
	Partial Status = "partial"
	// Unmatched: nothing could be matched.
	Unmatched Status = "unmatched"
)

// Statuses lists the statuses in report order.
var Statuses = []Status{Matched, MatchedWithinTolerance, Partial, Unmatched}

// Reconciled reports whether an event of this status needs no person: it is
// auto-reconciled.
func (s Status) Reconciled() bool { return s == Matched || s == MatchedWithinTolerance }

// Code says why an event is not matched. The list is fixed: it is part of Seam's
// public contract, and reports group by it.
type Code string

// The reason codes.
const (
	AmountMismatch        Code = "amount_mismatch"
	QuantityMismatch      Code = "quantity_mismatch"
	MissingPayment        Code = "missing_payment"
	MissingInvoice        Code = "missing_invoice"
	MissingShipment       Code = "missing_shipment"
	DuplicatePayment      Code = "duplicate_payment"
	DeclaredValueMismatch Code = "declared_value_mismatch"
	PayoutMismatch        Code = "payout_mismatch"
	LatePayment           Code = "late_payment"
	RefundWithoutReturn   Code = "refund_without_return"
	CurrencyMismatch      Code = "currency_mismatch"
	// UnitMismatch: two documents give one product's quantity in units that cannot be
	// compared (a customs line in kilograms, a receipt in pieces).
	UnitMismatch Code = "unit_mismatch"
	// ReturnedToSender: the carrier brought every parcel of a paid sale back to the
	// merchant, and the money was neither refunded nor the goods sent again.
	ReturnedToSender Code = "returned_to_sender"
)

// Codes lists every code in report order.
var Codes = []Code{AmountMismatch, QuantityMismatch, MissingPayment, MissingInvoice, MissingShipment,
	DuplicatePayment, DeclaredValueMismatch, PayoutMismatch, LatePayment, RefundWithoutReturn, CurrencyMismatch, UnitMismatch,
	ReturnedToSender}

// Reason is one disagreement: what the rule expected, what the documents say, and which
// documents say it.
type Reason struct {
	Code      Code     `json:"code"`
	Expected  string   `json:"expected"`
	Actual    string   `json:"actual"`
	Documents []DocRef `json:"documents"`
	// SKU names the product of a quantity or price difference.
	SKU string `json:"sku,omitempty"`
	// Note says what was compared, in words.
	Note string `json:"note,omitempty"`
}

// Amounts are an event's money in one currency, by what the documents say it is, each
// written with the currency's decimals ("48.00"); a figure no document gives is left out.
type Amounts struct {
	Currency string `json:"currency"`
	Ordered  string `json:"ordered,omitempty"`
	Invoiced string `json:"invoiced,omitempty"`
	Declared string `json:"declared,omitempty"`
	Paid     string `json:"paid,omitempty"`
	Refunded string `json:"refunded,omitempty"`
	// Gross, Fees and Net are the processor's: what it booked, kept and added to the balance.
	Gross   string `json:"gross,omitempty"`
	Fees    string `json:"fees,omitempty"`
	Net     string `json:"net,omitempty"`
	PaidOut string `json:"paidOut,omitempty"`
}

// tally is an event's money in one currency as it is added up.
type tally struct {
	ordered, invoiced, declared, paid, refunded, gross, fees, net, paidOut decimal.Decimal
}

// text writes a tally with the currency's decimals.
func (t tally) text(currency string) Amounts {
	f := func(d decimal.Decimal) string {
		if d.IsZero() {
			return ""
		}
		return amount(d, currency)
	}
	return Amounts{Currency: currency, Ordered: f(t.ordered), Invoiced: f(t.invoiced), Declared: f(t.declared), Paid: f(t.paid),
		Refunded: f(t.refunded), Gross: f(t.gross), Fees: f(t.fees), Net: f(t.net), PaidOut: f(t.paidOut)}
}

// FX is an exchange between two of an event's currencies: the rate a document states,
// or one configured, and the amounts on both sides.
type FX struct {
	From   string          `json:"from"`
	To     string          `json:"to"`
	Rate   decimal.Decimal `json:"rate"`
	Source string          `json:"source"` // "document" or "configured"
	// Amount in From converts to Converted in To; Booked is what the other document says.
	Amount    string   `json:"amount"`
	Converted string   `json:"converted"`
	Booked    string   `json:"booked"`
	Documents []DocRef `json:"documents"`
}

// Result is one event's reconciliation.
type Result struct {
	Event      string    `json:"event"`
	Kind       string    `json:"kind"`
	OccurredAt time.Time `json:"occurredAt"`
	Status     Status    `json:"status"`
	Reasons    []Reason  `json:"reasons"`
	Documents  []DocRef  `json:"documents"`
	// Amount is the event's value: what was ordered (or invoiced, paid, paid out,
	// declared), the figure reports sum by status; Value writes it for people.
	Amount  *ontology.Money `json:"-"`
	Value   *CurrencyAmount `json:"amount,omitempty"`
	Amounts []Amounts       `json:"amounts,omitempty"`
	FX      []FX            `json:"fx,omitempty"`
	// Tolerated are differences within tolerance: shown, not exceptions.
	Tolerated []Reason `json:"tolerated,omitempty"`
	// Awaiting names documents the event still expects that are not late yet.
	Awaiting []string `json:"awaiting,omitempty"`
	// payout is set for a processor's payout: its value is money its sales already
	// count, which reports keep apart.
	payout bool
	// settles is set for a payment of invoices that other events hold (one bank
	// transfer for several invoices): their events count that money already.
	settles bool
}

// sortRefs orders references and drops repeats, so that output is the same whatever
// order the store returned documents in.
func sortRefs(refs []DocRef) []DocRef {
	slices.SortFunc(refs, compareRefs)
	return slices.Compact(refs)
}
