package resolver

import (
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// EventDetail is an event as people inspect it: what it is, which documents evidence it
// and why, what it did to stock, and which events were merged into it.
type EventDetail struct {
	Event         ontology.BusinessEvent
	Sources       []Source
	Movements     []ontology.Movement
	Discrepancies []inventory.Discrepancy
	MergedFrom    []string
}

// Source is one document of an event with the decision that put it there.
type Source struct {
	Role      ontology.Role
	Key       ontology.DocKey
	DecidedBy string
	Score     float64
	Evidence  Evidence
}

// Review is an open review item: a possible match waiting for a person.
type Review struct {
	ID        string
	Doc       ontology.DocKey
	EventID   string
	Score     float64
	Evidence  Evidence
	CreatedAt time.Time
}
