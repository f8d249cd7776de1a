package inventory

import (
	"slices"

	"github.com/seamhub/seam/ontology"
)

// bundledLots books receipt lines by the lots that lots documents of their event name
// for them (an ERPNext Serial and Batch Bundle posted on its own, naming the line by its
// row): a line that names no lot becomes one line per lot, each with the lot's
// quantity, where the lots add up to the line's quantity; what it expected stays with
// the first, and what it refused stays without a lot (its lots are in a bundle of their
// own). A line whose lots do not add up stays as it came: the lots then say something
// else than the line, and neither is trusted over the other.
func bundledLots(ms []Member) []Member {
	byRow := map[[2]string][]Line{}
	for _, m := range ms {
		if m.Role != ontology.RoleLots || m.Verb == ontology.VerbCancelled {
			continue
		}
		for _, l := range m.Lines {
			if l.Row != "" && l.Lot != "" {
				k := [2]string{m.System, l.Row}
				byRow[k] = append(byRow[k], l)
			}
		}
	}
	if len(byRow) == 0 {
		return ms
	}
	out := slices.Clone(ms)
	for i, m := range out {
		if m.Role != ontology.RoleReceipt {
			continue
		}
		var lines []Line
		for j, l := range m.Lines {
			lots := byRow[[2]string{m.System, l.Row}]
			if l.Row == "" || l.Lot != "" || !addUp(lots, l) {
				if lines != nil {
					lines = append(lines, l)
				}
				continue
			}
			if lines == nil {
				lines = slices.Clone(m.Lines[:j])
			}
			for n, b := range lots {
				one := l
				one.Lot, one.Qty, one.RejectedQty = b.Lot, b.Qty, nil
				if n > 0 {
					one.ExpectedQty = nil
				}
				lines = append(lines, one)
			}
			if l.RejectedQty != nil {
				// The refused goods' lots are in a bundle of their own: not these.
				refused := l
				refused.Qty, refused.ExpectedQty = 0, nil
				lines = append(lines, refused)
			}
		}
		if lines != nil {
			out[i].Lines = lines
		}
	}
	return out
}

// addUp reports whether lots of the line's product add up to its quantity.
func addUp(lots []Line, l Line) bool {
	if len(lots) == 0 {
		return false
	}
	var sum ontology.Qty
	for _, b := range lots {
		if b.SKU != l.SKU {
			return false
		}
		sum += b.Qty
	}
	return sum == l.Qty
}
