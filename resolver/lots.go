package resolver

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// LotFact is what a document says of a lot: its product and, where the document says,
// its expiry (a customs declaration's ProdValidDt). Planning needs every lot's expiry to
// take the first to expire first (inventory.PlanLots).
type LotFact struct {
	SKU       string
	Lot       string
	ExpiresAt time.Time // zero when the document does not say
	// Unmoved says that the fact gives an expiry and no movement of its batch moves the
	// lot: the projector copies a moved lot's expiry with its movements, and the store
	// queues an unmoved one's for the projection when it changes it.
	Unmoved bool
}

// markUnmovedLots sets LotFact.Unmoved on ch's lot facts and counts them.
func (ch *Changes) markUnmovedLots() int {
	moved := map[[2]string]bool{}
	for _, m := range ch.Movements {
		moved[[2]string{m.SKU, m.Lot}] = true
	}
	n := 0
	for i, f := range ch.Lots {
		ch.Lots[i].Unmoved = !f.ExpiresAt.IsZero() && !moved[[2]string{f.SKU, f.Lot}]
		if ch.Lots[i].Unmoved {
			n++
		}
	}
	return n
}

// noteLots records the lots a document's lines name.
func (b *batch) noteLots(d *ontology.Document) {
	for _, l := range d.Lines {
		if l.Lot == "" {
			continue
		}
		sku := b.sku(d.Key.System, l)
		if sku == "" {
			continue
		}
		f := LotFact{SKU: sku, Lot: l.Lot}
		if l.ExpiresAt != nil {
			f.ExpiresAt = l.ExpiresAt.UTC()
		}
		b.changes.Lots = append(b.changes.Lots, f)
	}
}

// loadLots reads the lots on hand wherever the events about to be planned may take
// goods: every product of their lines, and every ingredient of those, at every location
// the events name. The lots this batch's documents name lend their expiry.
func (b *batch) loadLots(ctx context.Context, members map[string][]inventory.Member) (*inventory.LotStock, error) {
	seen := map[inventory.Place]bool{}
	var places []inventory.Place
	add := func(p inventory.Place) {
		if p.SKU != "" && p.Location != "" && !seen[p] {
			seen[p] = true
			places = append(places, p)
		}
	}
	for _, ms := range members {
		// The event's locations: its documents', and the lines' own (an ERPNext line
		// booked in a warehouse of its own).
		var locs []string
		for _, m := range ms {
			locs = append(locs, m.Location)
			for _, l := range m.Lines {
				if l.Location != "" && !slices.Contains(locs, l.Location) {
					locs = append(locs, l.Location)
				}
			}
		}
		for _, loc := range locs {
			for _, m := range ms {
				for _, l := range m.Lines {
					add(inventory.Place{SKU: l.SKU, Location: loc})
					for _, in := range b.m.canon.Recipe(b.tenant, l.SKU) {
						add(inventory.Place{SKU: in.SKU, Location: loc})
					}
				}
			}
		}
	}
	// Every event is planned at the time of one of its members (a sale, when it was
	// rung up), so a lot expired by the earliest of them is of no use to any.
	var since time.Time
	for _, ms := range members {
		for _, m := range ms {
			if since.IsZero() || m.OccurredAt.Before(since) {
				since = m.OccurredAt
			}
		}
	}
	lots, err := b.tx.LotStock(ctx, places, since)
	if err != nil {
		return nil, fmt.Errorf("reading the lots on hand: %w", err)
	}
	for _, f := range b.changes.Lots {
		lots.Expires(f.SKU, f.Lot, f.ExpiresAt)
	}
	return lots, nil
}
