package ontology

import "time"

// Tenant is one customer of Seam. Every node in the store carries its tenant's name.
type Tenant struct {
	Name string `json:"name" validate:"required,name"`
}

// BusinessEvent is one real-world action (a sale, a receipt of goods...) that one or more
// source documents describe. Its id is stable: when two events prove to be one, the
// survivor keeps its id and the other id becomes an alias that still resolves.
type BusinessEvent struct {
	Tenant     string    `json:"tenant" validate:"required"`
	ID         string    `json:"id" validate:"required"`
	Kind       EventKind `json:"kind" validate:"required"`
	OccurredAt time.Time `json:"occurredAt" validate:"required"`
	Status     Verb      `json:"status"`
	Location   string    `json:"location,omitempty"` // canonical location id
}

// Movement is one change to stock, derived from a business event. The ledger is
// append-only: a correction is a new compensating movement, never an edit.
type Movement struct {
	Tenant   string    `json:"tenant"`
	ID       string    `json:"id"`
	EventID  string    `json:"eventId"`
	SKU      string    `json:"sku"`      // canonical product
	Location string    `json:"location"` // canonical location
	Lot      string    `json:"lot"`      // "" when the source has no lot
	Bucket   Bucket    `json:"bucket"`
	Qty      Qty       `json:"qty"` // signed delta
	At       time.Time `json:"at"`
	// Reason says why the movement exists: "plan" for the event's own effect,
	// "compensation" when a merge, unmerge or late document corrected it.
	Reason string `json:"reason"`
}

// Cell identifies one stock cell: a product at a location in a lot.
type Cell struct {
	SKU      string `json:"sku"`
	Location string `json:"location"`
	Lot      string `json:"lot"`
}

// Party is a canonical customer, supplier, store operator, legal entity or carrier.
type Party struct {
	Tenant string `json:"tenant"`
	ID     string `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"` // person, company
}

// Product is a canonical product; SKU is the merchant's own code and the name stock is
// served under.
type Product struct {
	Tenant string `json:"tenant"`
	SKU    string `json:"sku"`
	GTIN   string `json:"gtin,omitempty"`
	Title  string `json:"title,omitempty"`
	HSCode string `json:"hsCode,omitempty"`
}

// Location is a canonical store, warehouse, bin or customs office.
type Location struct {
	Tenant   string `json:"tenant"`
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	Kind     string `json:"kind,omitempty"` // store, warehouse, customs, online
	TempZone string `json:"tempZone,omitempty"`
}

// Lot is a batch of a product, with its expiry where the source has one.
type Lot struct {
	Tenant    string     `json:"tenant"`
	SKU       string     `json:"sku"`
	Batch     string     `json:"batch"`
	ExpiresAt *time.Time `json:"expiresAt,omitempty"`
}

// Alias is how one system names a canonical entity: a Square location id, a Meituan
// app_poi_code, a marketplace SKU, a GTIN.
type Alias struct {
	System string `json:"system"`
	Kind   string `json:"kind"` // location, product, party
	Code   string `json:"code"`
}
