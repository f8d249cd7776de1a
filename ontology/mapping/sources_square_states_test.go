package mapping_test

import (
	"testing"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// What a Square order moves, by its state and its fulfillments' (Orders API OrderState:
// OPEN "can be updated", COMPLETED "fully paid", CANCELED "not paid", DRAFT "can be
// updated, but cannot be paid or fulfilled"; OrderFulfillmentState PROPOSED, RESERVED,
// PREPARED, COMPLETED, CANCELED, FAILED), read from a Square Online order as
// RetrieveOrder answers it. Before: every order without an open SHIPMENT or PICKUP
// fulfillment was a POS sale whose goods left at once, so an open ticket, a draft
// basket, and an order whose pickup was cancelled all took their goods off the shelf.
// Now only a COMPLETED order, or one whose fulfillment was completed, takes them; an
// open one holds them; a draft, a cancelled one, or one whose fulfillments were all
// cancelled or failed moves nothing.
func TestSquareOrderStatesMoveStockAsSquareSays(t *testing.T) {
	const item = "BQXHKM5R3V7JQ2TFOZ4GHE6N"
	onHand := inventory.Effect{{Cell: ontology.Cell{SKU: item, Location: "square:L2K8D0QWERT7Y"}, Bucket: ontology.BucketOnHand}: ontology.Units(-2)}
	held := inventory.Effect{{Cell: ontology.Cell{SKU: item, Location: "square:L2K8D0QWERT7Y"}, Bucket: ontology.BucketReserved}: ontology.Units(2)}
	nothing := inventory.Effect{}
	// fulfilled sets the order's state and its one fulfillment's type and state; an
	// empty type leaves the order without fulfillments.
	fulfilled := func(state, typ, fstate string) func(map[string]any) {
		return func(root map[string]any) {
			o := inner(root, "order")
			o["state"] = state
			if typ == "" {
				delete(o, "fulfillments")
				return
			}
			f := o["fulfillments"].([]any)[0].(map[string]any)
			f["type"], f["state"] = typ, fstate
		}
	}
	for _, c := range []struct {
		name            string
		state, typ, fst string
		hub             bool
		want            inventory.Effect
		role            ontology.Role
		verb            ontology.Verb
	}{
		{"open ticket at the till", "OPEN", "", "", false, held, ontology.RolePOS, ontology.VerbOrdered},
		{"draft basket", "DRAFT", "", "", false, nothing, ontology.RolePOS, ontology.VerbOrdered},
		{"completed at the till", "COMPLETED", "", "", false, onHand, ontology.RolePOS, ontology.VerbPaid},
		{"cancelled", "CANCELED", "", "", false, nothing, ontology.RolePOS, ontology.VerbCancelled},
		{"pickup proposed", "OPEN", "PICKUP", "PROPOSED", false, held, ontology.RoleOrder, ontology.VerbOrdered},
		{"shipment prepared", "OPEN", "SHIPMENT", "PREPARED", false, held, ontology.RoleOrder, ontology.VerbOrdered},
		{"pickup completed, order still open", "OPEN", "PICKUP", "COMPLETED", false, onHand, ontology.RolePOS, ontology.VerbFulfilled},
		{"pickup cancelled, order still open", "OPEN", "PICKUP", "CANCELED", false, nothing, ontology.RolePOS, ontology.VerbCancelled},
		{"shipment failed, order still open", "OPEN", "SHIPMENT", "FAILED", false, nothing, ontology.RolePOS, ontology.VerbCancelled},
		{"pickup completed with the order", "COMPLETED", "PICKUP", "COMPLETED", false, onHand, ontology.RolePOS, ontology.VerbPaid},
		{"pickup cancelled with the order", "CANCELED", "PICKUP", "CANCELED", false, nothing, ontology.RolePOS, ontology.VerbCancelled},
		{"courier's order being made", "OPEN", "DELIVERY", "PROPOSED", false, held, ontology.RolePOS, ontology.VerbOrdered},
		{"courier's order handed over", "COMPLETED", "DELIVERY", "COMPLETED", false, onHand, ontology.RolePOS, ontology.VerbPaid},
		{"hub's order still open", "OPEN", "", "", true, held, ontology.RolePOS, ontology.VerbOrdered},
	} {
		edit := fulfilled(c.state, c.typ, c.fst)
		if c.hub {
			edit = func(root map[string]any) {
				fulfilled(c.state, c.typ, c.fst)(root)
				inner(root, "order")["reference_id"] = "HUB-10442"
			}
		}
		d, ps := mapEdited(t, "square", "order", "square/online_pickup_order.json", edit)
		if d == nil {
			t.Fatalf("%s: problems %v", c.name, ps)
		}
		if d.Role != c.role || d.Verb != c.verb {
			t.Errorf("%s: %s %s, want %s %s", c.name, d.Role, d.Verb, c.role, c.verb)
		}
		eff, _ := inventory.Plan([]inventory.Member{ledgerMember(d)}, nil)
		if !effectsEqual(eff, c.want) {
			t.Errorf("%s: moves %v, want %v", c.name, eff, c.want)
		}
	}
}

// ledgerMember is a mapped document as resolution hands it to the ledger: lines that are
// not stock left out, the source's item id standing for the product where the line
// names no SKU, the location as "system:code".
func ledgerMember(d *ontology.Document) inventory.Member {
	m := inventory.Member{UID: d.Key.UID(), System: d.Key.System, Type: d.Key.Type, Role: d.Role, Verb: d.Verb,
		OccurredAt: d.OccurredAt, SaleKeepsReturns: d.SaleKeepsReturns, CountedRefunds: d.CountedRefunds}
	place := func(l *ontology.LocationRef) string {
		if l == nil {
			return ""
		}
		return l.System + ":" + l.Code
	}
	m.Location = place(d.Location)
	for _, l := range d.Lines {
		if l.NotStock {
			continue
		}
		sku := l.SKU
		if sku == "" {
			sku = l.ExternalID
		}
		m.Lines = append(m.Lines, inventory.Line{SKU: sku, Lot: l.Lot, Qty: l.Qty, ExpectedQty: l.ExpectedQty,
			RejectedQty: l.RejectedQty, Outcome: l.Outcome, KeepsRefunds: l.KeepsRefunds, Location: place(l.Location)})
	}
	return m
}

// effectsEqual compares two stock effects, an absent cell counting as zero.
func effectsEqual(a, b inventory.Effect) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}
