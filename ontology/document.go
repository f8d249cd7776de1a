package ontology

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// DocKey identifies a source document: the same key is the same document, whatever the
// way it arrived (webhook, pull, file, MQTT) and however often.
type DocKey struct {
	Tenant     string `json:"tenant" validate:"required,name"`
	System     string `json:"system" validate:"required,name"`
	Type       string `json:"type" validate:"required,name"`
	ExternalID string `json:"externalId" validate:"required,max=200"`
}

// UID is the key as one string, used as the unique property in the store. ExternalID comes
// last and the other parts cannot hold '/', so the encoding is unambiguous.
func (k DocKey) UID() string {
	return k.Tenant + "/" + k.System + "/" + k.Type + "/" + k.ExternalID
}

// String is UID.
func (k DocKey) String() string { return k.UID() }

// Document is one source document in canonical form, as a mapping produced it. It keeps
// what the source said (its own status word, its own codes); resolution decides what it
// means together with the other documents.
type Document struct {
	Key DocKey `json:"key" validate:"required"`
	// Role is the part this document plays in its business event.
	Role Role `json:"role" validate:"required"`
	// Verb is the source status in the ontology's words; Status keeps the source's own word.
	Verb   Verb   `json:"verb" validate:"required,verb"`
	Status string `json:"status,omitempty"`
	// OccurredAt is when the business action happened according to the source.
	OccurredAt time.Time `json:"occurredAt" validate:"required"`
	// Location is the store or warehouse as the source names it.
	Location *LocationRef `json:"location,omitempty"`
	// Channel is how a sale came in where the source says: "counter" (a customer at the
	// till), "delivery" (a marketplace order, or its ring-up at the POS), "online".
	Channel string `json:"channel,omitempty" validate:"omitempty,oneof=counter delivery online"`
	// Direction is "inbound" or "outbound" where the source says which way goods cross
	// (a customs declaration's IEFlag); empty where the role already implies it.
	Direction string `json:"direction,omitempty" validate:"omitempty,oneof=inbound outbound"`
	// SaleKeepsReturns is set on a refund whose sale still counts the goods it returned:
	// Square books a return as an order of its own and never lowers the sale's
	// quantities, so the returned goods come back on top of what the sale took. A Shopify
	// refund leaves it unset: its order's current quantity already leaves them out.
	SaleKeepsReturns bool `json:"saleKeepsReturns,omitempty"`
	// WholeOrder is set on a refund that gives back all the money of the order it names
	// and says no amount of its own (Meituan's full-refund push): what it refunded is the
	// order's total, which finance reads from the order, and nothing of the order is
	// left to ship.
	WholeOrder bool `json:"wholeOrder,omitempty"`
	// WholeOutcome says, on such a refund of the whole order, what became of the order's
	// goods, as Line.Outcome says it of a refund's line: returned (Meituan's refund with
	// return, service_type 2), kept, unshipped; "" where the source does not say.
	WholeOutcome string `json:"wholeOutcome,omitempty" validate:"omitempty,oneof=returned kept unshipped"`
	// CountedRefunds are the source's ids of the refunds an order's line quantities
	// already leave out (a Shopify order's refunds[]: its current_quantity drops with
	// each of them); nil where the order does not say. A refund of the order that it
	// does not name came after this version: its goods are still in the quantities.
	CountedRefunds *[]string  `json:"countedRefunds,omitempty"`
	Parties        []PartyRef `json:"parties,omitempty" validate:"dive"`
	Lines          []Line     `json:"lines,omitempty" validate:"dive"`
	Total          *Money     `json:"total,omitempty"`
	// Fee is what a processor kept of the gross amount (a Stripe balance transaction's
	// fee); Total is then the net that reaches the balance. Reconciliation shows fees
	// beside the amounts they were taken from.
	Fee *Money `json:"fee,omitempty"`
	// ExchangeRate is the rate the source converted at, where it converted: an amount in
	// the other currency times the rate is the amount in Total's currency (Stripe's
	// exchange_rate on a balance transaction settled in another currency than its charge).
	ExchangeRate *decimal.Decimal `json:"exchangeRate,omitempty"`
	// DueAt is when an invoice falls due, where the source says (ERPNext due_date).
	DueAt *time.Time `json:"dueAt,omitempty"`
	// Refs are the keys that link this document to others (order numbers, tracking,
	// PO, B/L, payment ids...), already normalised.
	Refs []Ref `json:"refs,omitempty" validate:"dive"`
	// Notes are free text in which people write other systems' identifiers (a POS
	// reference, an invoice's remarks): resolution reads them, never as keys of their own.
	Notes    []Note    `json:"notes,omitempty" validate:"dive"`
	Readings []Reading `json:"readings,omitempty" validate:"dive"`
	// Signal is the series an external signal document carries (a search-trend index,
	// the weather, a campaign calendar); nil on every other document.
	Signal *Signal `json:"signal,omitempty"`
	// SourceTime and SourceVersion are the source's own clock of this version of the
	// document: when the source last changed the record (Shopify updated_at), and its
	// revision number where it keeps one (Square's version). They order the versions of
	// one document (see Supersedes); a source without either is ordered by arrival.
	SourceTime    time.Time `json:"sourceTime,omitzero"`
	SourceVersion *int64    `json:"sourceVersion,omitempty" validate:"omitempty,min=0"`
	// SourceProgress is how far the record has come along a progression the source only
	// ever moves forward (a Stripe charge's capture, then its amount refunded): it tells
	// two versions apart where SourceVersion and SourceTime tie (see SourceClock).
	SourceProgress []int64 `json:"sourceProgress,omitempty" validate:"omitempty,dive,min=0"`
}

// Clock returns the source's clock of this version.
func (d *Document) Clock() SourceClock {
	return SourceClock{Time: d.SourceTime, Version: d.SourceVersion, Progress: d.SourceProgress}
}

// LocationRef is a store, warehouse or customs office as one system names it.
type LocationRef struct {
	System  string `json:"system" validate:"required"`
	Code    string `json:"code" validate:"required,max=200"`
	Name    string `json:"name,omitempty"`
	Address string `json:"address,omitempty"`
}

// PartyRef is a party as a document mentions it. Contact values are kept as the source
// gave them; resolution normalises them.
type PartyRef struct {
	Role       PartyRole `json:"role" validate:"required"`
	ExternalID string    `json:"externalId,omitempty"`
	Name       string    `json:"name,omitempty"`
	Email      string    `json:"email,omitempty"`
	Phone      string    `json:"phone,omitempty"`
	TaxID      string    `json:"taxId,omitempty"` // USCC, EORI, VAT or EIN as given
	Country    string    `json:"country,omitempty"`
	Address    string    `json:"address,omitempty"`
	Legal      string    `json:"legalRep,omitempty"` // legal representative, where the source has one
	// Organization is the company a person's order is billed to, where a storefront's
	// form has the field (Shopify's and WooCommerce's billing company): the firm an
	// employee or a sole trader orders for. The party stays the person; what it tells is
	// that the address and a fixed line beside it are an office's, not a home's.
	Organization string `json:"organization,omitempty"`
	// What tells people apart where the source gives it: a person's given and family
	// name as separate fields (Shopify first_name and last_name; Name stays the whole),
	// date of birth as written, a national id (ID card, social security number), the
	// shop's loyalty or member number, and the address in its parts.
	GivenName  string `json:"givenName,omitempty"`
	FamilyName string `json:"familyName,omitempty"`
	BirthDate  string `json:"birthDate,omitempty"`
	NationalID string `json:"nationalId,omitempty"`
	LoyaltyID  string `json:"loyaltyId,omitempty"`
	// BankAccount is the account (IBAN or local number) a party pays from or is paid to:
	// companies that share one are related, never merged.
	BankAccount string       `json:"bankAccount,omitempty"`
	Place       *AddressPart `json:"place,omitempty"`
}

// AddressPart is an address in the parts sources send: number and street, a second line,
// locality (suburb, city, district), postcode and region (state, province).
type AddressPart struct {
	Number   string `json:"number,omitempty"`
	Street   string `json:"street,omitempty"`
	Line2    string `json:"line2,omitempty"`
	Locality string `json:"locality,omitempty"`
	Postcode string `json:"postcode,omitempty"`
	Region   string `json:"region,omitempty"`
}

// Line is one goods line. Qty is the quantity this document asserts for its role: ordered
// on an order, declared on a declaration, accepted on a receipt.
type Line struct {
	SKU        string `json:"sku,omitempty" validate:"max=200"`
	GTIN       string `json:"gtin,omitempty" validate:"omitempty,gtin"`
	HSCode     string `json:"hsCode,omitempty" validate:"omitempty,numeric,min=6,max=14"`
	ExternalID string `json:"externalId,omitempty"` // the source's own item id (variant, app_food_code...)
	Title      string `json:"title,omitempty"`
	// Model is the line's specification as the source writes it: a customs
	// declaration's elements (GModel, "1|0|乌龙茶|250g|TEA-OOL-250G"), a variant's name.
	// The merchant's item number often stands only here.
	Model string `json:"model,omitempty" validate:"max=500"`
	Qty   Qty    `json:"qty"`
	// ExpectedQty is what was announced (declared, shipped by the supplier) where the
	// source carries both; RejectedQty is what was received but refused.
	ExpectedQty *Qty   `json:"expectedQty,omitempty"`
	RejectedQty *Qty   `json:"rejectedQty,omitempty"`
	Unit        string `json:"unit,omitempty"`
	Lot         string `json:"lot,omitempty" validate:"max=100"`
	// Row is the source's own id of the line inside its document (an ERPNext item
	// row's name), where another document names the line by it: on a lots document,
	// the row of the line whose lots it holds.
	Row string `json:"row,omitempty" validate:"max=140"`
	// Location is where this line's goods move when the source books the line at a
	// place of its own (an ERPNext line's warehouse, s_warehouse or t_warehouse, which
	// may differ from the document's): stock moves there, not at the document's
	// location. nil: the document's.
	Location *LocationRef `json:"location,omitempty"`
	// RejectedLocation is where a receipt line's refused goods are held when the source
	// keeps them apart from the accepted ones (ERPNext rejected_warehouse). nil: where
	// the line's accepted goods go.
	RejectedLocation *LocationRef `json:"rejectedLocation,omitempty"`
	ExpiresAt        *time.Time   `json:"expiresAt,omitempty"`
	UnitPrice        *Money       `json:"unitPrice,omitempty"`
	// NotStock marks a line that is not goods: a gift card sold, a tip, a custom amount
	// typed at the till. It is kept for its money; it moves no stock and is never a
	// product waiting to be identified.
	NotStock bool `json:"notStock,omitempty"`
	// Outcome says, on a refund's line, what became of the refunded goods: returned
	// (back into stock, what a refund line without an outcome means), kept (the buyer
	// keeps them: they left and stay gone) or unshipped (refunded before they left).
	// Stock and finance need all three: a Shopify order's current quantity drops for
	// each, but only returned goods come back, and only unshipped ones never left.
	Outcome string `json:"outcome,omitempty" validate:"omitempty,oneof=returned kept unshipped"`
	// KeepsRefunds is set on a sale's line whose quantity still counts the units
	// refunded from it: a Shopify order line read before current_quantity existed (REST
	// API versions before 2024-01) gives the quantity first ordered.
	KeepsRefunds bool `json:"keepsRefunds,omitempty"`
}

// Refund line outcomes (Line.Outcome).
const (
	OutcomeReturned  = "returned"
	OutcomeKept      = "kept"
	OutcomeUnshipped = "unshipped"
)

// ComesBack reports whether a line's goods come back into stock with its refund: a
// refund line's goods do unless its outcome says the buyer kept them or they never left.
func (l Line) ComesBack() bool { return l.Outcome == "" || l.Outcome == OutcomeReturned }

// DescriptionCode names a line that carries no code of its own (no SKU, GTIN or item
// id) by what it says: its title, HS code and specification, trimmed, lower case, joined
// by " | ". It is the code a person declares a product alias for, so that every later line
// saying the same is that product.
func (l Line) DescriptionCode() string {
	parts := []string{strings.ToLower(strings.Join(strings.Fields(l.Title), " ")), l.HSCode,
		strings.ToLower(strings.Join(strings.Fields(l.Model), " "))}
	return strings.Join(parts, " | ")
}

// Ref is a normalised reference key: what kind of key, its value, and a scope where the
// value is only unique within one (the carrier for a tracking number, the shop for an
// order number).
type Ref struct {
	Kind  RefKind `json:"kind" validate:"required"`
	Value string  `json:"value" validate:"required,max=200"`
	Scope string  `json:"scope,omitempty"`
}

// ID is the ref as one string, the value the store indexes for candidate lookup.
func (r Ref) ID() string {
	if r.Scope == "" {
		return string(r.Kind) + ":" + r.Value
	}
	return string(r.Kind) + ":" + r.Scope + ":" + r.Value
}

// Note is one free-text field of a document, named as its mapping names it.
type Note struct {
	Field string `json:"field" validate:"required,max=40"`
	Text  string `json:"text" validate:"required,max=2000"`
}

// Reading is one sensor value: weight, temperature or humidity of a pallet.
type Reading struct {
	DeviceID   string    `json:"deviceId" validate:"required"`
	PalletSSCC string    `json:"palletSscc,omitempty" validate:"omitempty,sscc"`
	At         time.Time `json:"at" validate:"required"`
	Metric     string    `json:"metric" validate:"required"` // weight_kg, temperature_c, humidity_rh
	Value      string    `json:"value" validate:"required"`  // exact decimal as sent
	Format     string    `json:"format,omitempty"`           // thingsboard, senml, sparkplugb
	Seq        *int64    `json:"seq,omitempty"`
	// ReceiveTime is true when the device sent no time and At is when Seam received it.
	ReceiveTime bool `json:"receiveTime,omitempty"`
}

// Hash is a content hash of a raw payload, used to tell a redelivery (same hash) from a
// new version of a document (same key, new hash).
func Hash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// RefsOf returns the values of d's refs of the given kind.
func (d *Document) RefsOf(kind RefKind) []string {
	var out []string
	for _, r := range d.Refs {
		if r.Kind == kind {
			out = append(out, r.Value)
		}
	}
	return out
}

// AddRef appends a ref unless it is empty or already present.
func (d *Document) AddRef(kind RefKind, scope, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	r := Ref{Kind: kind, Scope: scope, Value: value}
	for _, have := range d.Refs {
		if have == r {
			return
		}
	}
	d.Refs = append(d.Refs, r)
}

// Envelope is a canonical document together with what Seam knows about its arrival:
// the raw bytes exactly as received (kept as evidence, never edited), how it came in,
// and when.
type Envelope struct {
	Doc        Document
	Raw        []byte
	Format     string // json, jsonl, csv, xml, form, protobuf
	Via        string // webhook, pull, file, mqtt, replay
	ReceivedAt time.Time
	// DeliveryID is the source's own delivery or event id (X-Shopify-Webhook-Id, Stripe
	// event id...) when it sends one; redeliveries carry the same id.
	DeliveryID string
}

// Quarantined is a payload that could not become a valid document, kept whole with the
// reasons so that it can be replayed once the mapping or the source is fixed.
type Quarantined struct {
	ID         string    `json:"id"`
	Tenant     string    `json:"tenant"`
	System     string    `json:"system"`
	Type       string    `json:"type"`
	ExternalID string    `json:"externalId,omitempty"` // when the mapping got that far
	Raw        []byte    `json:"-"`
	Format     string    `json:"format"`
	Via        string    `json:"via"`
	Topic      string    `json:"topic,omitempty"`  // the MQTT topic of a sensor payload: it names the device
	Source     string    `json:"source,omitempty"` // the file a file drop read it from
	Problems   []Problem `json:"problems"`
	ReceivedAt time.Time `json:"receivedAt"`
	Count      int64     `json:"count"`  // how often the same bytes arrived
	Status     string    `json:"status"` // open, replayed, discarded
	ReplayedAs string    `json:"replayedAs,omitempty"`
}

// QuarantineID is the id of a quarantined payload: the same bytes from the same source
// are one item however often they arrive.
func QuarantineID(tenant, system, typ string, raw []byte) string {
	return "q_" + Hash([]byte(tenant + "/" + system + "/" + typ + "/" + Hash(raw)))[:24]
}

// StoredDocument is a source document as the store holds it: the raw bytes as received,
// the canonical form, and the event it was linked to.
type StoredDocument struct {
	Key        DocKey
	Role       string
	Verb       string
	Status     string
	OccurredAt time.Time
	ReceivedAt time.Time
	Raw        []byte
	Format     string
	Via        string
	Version    int64
	Hash       string
	Canonical  string
	EventID    string // "" until resolution linked it
	Pending    bool
}

// QuarantineFilter selects quarantined items for listing and replay. Empty fields match everything.
type QuarantineFilter struct {
	Tenant string
	System string
	// Systems, when not nil, limits the list to these systems (a partner's own); an
	// empty, non-nil list matches nothing.
	Systems []string
	Type    string
	Status  string // "open", "replayed", "discarded" or "" for all
	After   string // id of the last item of the previous page
	First   int
}

// Notification is a delivery a provider sent that makes no document: an event Seam
// acknowledges and keeps (an inventory level, a product update, an order-edit notice,
// a summary whose object is fetched separately) so that nothing a provider sent is ever
// lost, and the answer can be 200 without a document to show for it.
type Notification struct {
	Tenant     string
	System     string
	Topic      string // the provider's event name (products/update, balance.available)
	Reason     string // why it makes no document
	Raw        []byte
	DeliveryID string
	ReceivedAt time.Time
}
