package ontology

// Verb is what a source document says happened, in the ontology's words. Every source's
// status vocabulary ("paid", "COMPLETED", Meituan status 8, "已支付") maps onto these.
type Verb string

// The business verbs.
const (
	VerbOrdered     Verb = "ordered"
	VerbPaid        Verb = "paid"
	VerbFulfilled   Verb = "fulfilled"
	VerbShipped     Verb = "shipped"
	VerbDeclared    Verb = "declared"
	VerbCleared     Verb = "cleared"
	VerbReceived    Verb = "received"
	VerbDelivered   Verb = "delivered"
	VerbReturned    Verb = "returned"
	VerbRefunded    Verb = "refunded"
	VerbInvoiced    Verb = "invoiced"
	VerbSettled     Verb = "settled"
	VerbConsumed    Verb = "consumed"
	VerbAdjusted    Verb = "adjusted"
	VerbTransferred Verb = "transferred"
	VerbCancelled   Verb = "cancelled"
	VerbObserved    Verb = "observed" // a sensor reading: no business action, only a fact
)

// Verbs lists every verb, in lifecycle order.
var Verbs = []Verb{
	VerbOrdered, VerbPaid, VerbFulfilled, VerbShipped, VerbDeclared, VerbCleared, VerbReceived,
	VerbDelivered, VerbReturned, VerbRefunded, VerbInvoiced, VerbSettled, VerbConsumed,
	VerbAdjusted, VerbTransferred, VerbCancelled, VerbObserved,
}

// Valid reports whether v is one of [Verbs].
func (v Verb) Valid() bool {
	for _, k := range Verbs {
		if k == v {
			return true
		}
	}
	return false
}

// DocType names the kind of document a source system sends. The set is part of Seam's
// public contract (README, "Sources"); mappings for new sources may add types.
type DocType = string

// The document types of the built-in sources.
const (
	TypeOrder              DocType = "order"
	TypePayment            DocType = "payment"
	TypeDeclaration        DocType = "declaration"
	TypeReceipt            DocType = "receipt"
	TypeShipment           DocType = "shipment"
	TypeTracking           DocType = "tracking"
	TypeInvoice            DocType = "invoice"
	TypeCharge             DocType = "charge"
	TypeBalanceTransaction DocType = "balance_transaction"
	TypePayout             DocType = "payout"
	TypeReading            DocType = "reading"
	// The types of the signals source: a trend index (Google Trends, Baidu index CSV),
	// daily weather (Open-Meteo JSON) and a campaign calendar (CSV or JSON).
	TypeTrend    DocType = "trend"
	TypeWeather  DocType = "weather"
	TypeCalendar DocType = "calendar"
)

// Role is the part a document plays in its business event.
type Role string

// The roles a document can play.
const (
	RoleOrder       Role = "order"       // storefront or marketplace order: what the buyer asked for
	RolePOS         Role = "pos"         // a sale rung up at a point of sale
	RoleFulfilment  Role = "fulfilment"  // a warehouse or 3PL shipping the goods
	RoleDeclaration Role = "declaration" // a customs declaration
	RoleReceipt     Role = "receipt"     // goods received into a warehouse
	RolePurchase    Role = "purchase"    // a purchase order
	RoleTracking    Role = "tracking"    // carrier tracking
	RoleInvoice     Role = "invoice"
	RolePayment     Role = "payment"
	RoleSettlement  Role = "settlement" // processor balance transaction (fees, net)
	RolePayout      Role = "payout"
	RoleReading     Role = "reading" // a sensor reading
	// RoleSignal is an external signal: dated values of a named series (a search-trend
	// index, the weather, a campaign calendar) that forecasts may use. It moves no stock.
	RoleSignal Role = "signal"
	// RoleRefund is money given back for a sale; its lines are the goods that come back
	// into stock with it (a Shopify refund restocked as a return), none when the goods
	// stay with the buyer or were never sent.
	RoleRefund Role = "refund"
	// RoleLots names the lots of another document's lines, kept apart from it: an
	// ERPNext Serial and Batch Bundle posted on its own, naming the line by its row
	// (Line.Row). It moves no stock itself: the line it names moves by these lots.
	RoleLots Role = "lots"
)

// EventKind is what kind of real-world action a business event is.
type EventKind string

// The event kinds.
const (
	KindSale        EventKind = "sale"
	KindReceipt     EventKind = "receipt" // goods arriving: purchase, import, warehouse receipt
	KindShipment    EventKind = "shipment"
	KindTransfer    EventKind = "transfer"
	KindReturn      EventKind = "return"
	KindConsumption EventKind = "consumption"
	KindAdjustment  EventKind = "adjustment"
	KindPayment     EventKind = "payment" // money only: payments and payouts with no goods
	KindObservation EventKind = "observation"
)

// Bucket is the state of stock a movement changes. Available stock is OnHand minus
// Reserved; Incoming is stock announced (declared, ordered from a supplier) but not here yet.
type Bucket string

// The stock buckets.
const (
	BucketOnHand   Bucket = "onHand"
	BucketReserved Bucket = "reserved"
	BucketIncoming Bucket = "incoming"
	// BucketInTransit is goods that left a location with a carrier and are not
	// delivered yet; they are no longer on hand there.
	BucketInTransit Bucket = "inTransit"
	// BucketOnHold is goods at a location that may not be sold: received but rejected
	// (awaiting inspection or return to the supplier). They are not on hand.
	BucketOnHold Bucket = "onHold"
)

// PartyRole is the part a party plays in a document.
type PartyRole string

// The party roles.
const (
	PartyCustomer  PartyRole = "customer"
	PartySupplier  PartyRole = "supplier"
	PartySeller    PartyRole = "seller" // the store or legal entity that sells
	PartyConsignee PartyRole = "consignee"
	PartyConsignor PartyRole = "consignor"
	PartyBroker    PartyRole = "broker"
	PartyCarrier   PartyRole = "carrier"
)

// RefKind names a reference key that links documents across systems (SOURCES.md §9).
type RefKind string

// The reference kinds.
const (
	RefOrderNumber RefKind = "order_number" // what the buyer sees: Shopify "#1047" -> "1047"
	RefOrderID     RefKind = "order_id"     // a platform's internal order id
	RefHubRef      RefKind = "hub_ref"      // our own reference carried in a partner field
	RefPO          RefKind = "po"           // purchase order / contract number
	RefASN         RefKind = "asn"          // inbound shipment / ASN / WRO id
	RefTracking    RefKind = "tracking"     // carrier tracking number
	RefBL          RefKind = "bl"           // bill of lading / air waybill
	RefContainer   RefKind = "container"    // ISO 6346 container number
	RefEntry       RefKind = "entry"        // customs declaration number
	RefPayment     RefKind = "payment"      // payment / charge / intent id
	RefInvoice     RefKind = "invoice"
	RefPayout      RefKind = "payout"
	RefBalanceTxn  RefKind = "balance_txn"
	RefReceipt     RefKind = "receipt_number" // printed POS receipt / pickup number
	RefSSCC        RefKind = "sscc"           // GS1 serial shipping container code of a pallet
	RefLot         RefKind = "lot"            // a lot / batch number shared by receipts and declarations
)
