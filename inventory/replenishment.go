package inventory

import (
	"time"

	"github.com/seamhub/seam/ontology"
)

// Replenishment is goods of one product that one event (a receipt or a transfer)
// brought onto a location's stock: what a picker asks for after the stock itself.
type Replenishment struct {
	EventID  string
	Kind     ontology.EventKind
	Location string
	Lot      string
	Qty      ontology.Qty
	At       time.Time
}
