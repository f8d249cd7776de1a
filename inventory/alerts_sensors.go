package inventory

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// sensorLedgerRule compares the units the weight of a lot's pallets implies, (weight -
// tare) / unit weight summed over the pallets, with the ledger's on-hand quantity of the
// lot at their location (at every location when the pallets name none). It raises only
// when every pallet of the lot has a weight reading younger than maxReadingAge: a lot
// with one pallet unread would always look short, and an old reading says nothing of
// what was picked since.
//
// Readings gone stale are no evidence that the disagreement cleared, though: a pallet
// that reports less often than maxReadingAge would resolve its alert between readings
// and raise a new one with the next. While the readings of a lot are stale (each pallet
// read once at least), its last readings are compared with the ledger as it stands: a
// disagreement is a held condition (Condition.Held), which keeps an alert that is open
// but raises none, and agreement clears it (the ledger was corrected to what the
// pallets weighed). A fresh reading decides again.
func sensorLedgerRule(cfg AlertConfig, v ProductView) []Condition {
	type group struct {
		pallets   []string
		estimate  decimal.Decimal
		tolerance ontology.Qty
		weight    decimal.Decimal
		latest    time.Time
		stale     []string // pallets whose reading is older than maxReadingAge
		unread    bool     // a pallet without any reading: nothing to compare
	}
	groups := map[ontology.Cell]*group{}
	var order []ontology.Cell
	for _, p := range cfg.Pallets {
		if p.SKU != v.SKU || p.UnitWeight <= 0 {
			continue
		}
		cell := ontology.Cell{SKU: p.SKU, Location: p.Location, Lot: p.Lot}
		g := groups[cell]
		if g == nil {
			g = &group{}
			groups[cell] = g
			order = append(order, cell)
		}
		g.pallets = append(g.pallets, p.ID())
		tol := cfg.Defaults.Tolerance
		if p.Tolerance != nil {
			tol = *p.Tolerance
		}
		g.tolerance += tol
		w := v.Sensors[p.ID()].Weight
		if w == nil {
			g.unread = true
			continue
		}
		if v.Now.Sub(w.At) > cfg.Defaults.MaxReadingAge {
			g.stale = append(g.stale, p.ID())
		}
		g.weight = g.weight.Add(w.Value)
		g.estimate = g.estimate.Add(w.Value.Sub(p.Tare.Decimal()).DivRound(p.UnitWeight.Decimal(), 3))
		if w.At.After(g.latest) {
			g.latest = w.At
		}
	}
	var out []Condition
	for _, cell := range order {
		g := groups[cell]
		if g.unread {
			continue
		}
		var ledger ontology.Qty
		for _, c := range v.Cells {
			if c.Lot == cell.Lot && (cell.Location == "" || c.Location == cell.Location) {
				ledger += c.OnHand
			}
		}
		diff := g.estimate.Sub(ledger.Decimal())
		if diff.Abs().LessThanOrEqual(g.tolerance.Decimal()) {
			continue
		}
		where := cell.Location
		if where == "" {
			where = "all locations"
		}
		c := Condition{
			Rule: RuleSensorLedger, Cell: cell, Severity: SeverityWarning, Since: g.latest,
			Message: fmt.Sprintf("%s lot %s at %s: pallet weight says %s units, the ledger %s", v.SKU, cell.Lot, where,
				g.estimate.String(), ledger),
			Evidence: []Figure{
				{"pallets", strings.Join(g.pallets, ",")}, {"weightKg", g.weight.String()},
				{"estimated", g.estimate.String()}, {"ledger", ledger.String()}, {"difference", diff.String()},
				{"tolerance", g.tolerance.String()}, {"readingAt", g.latest.UTC().Format(time.RFC3339)},
			},
		}
		if len(g.stale) > 0 {
			c.Held = true
			c.Message += fmt.Sprintf(" (readings older than %s: %s)", cfg.Defaults.MaxReadingAge, strings.Join(g.stale, ","))
			c.Evidence = append(c.Evidence, Figure{"stalePallets", strings.Join(g.stale, ",")})
		}
		out = append(out, c)
	}
	return out
}

// coldChainRule raises a lot when one of its pallets has been outside its zone for at
// least the zone's maximum excursion. The excursion runs from its first reading outside
// to the latest reading, and on to now while the sensor is not late by more than
// sensorGap: a pallet whose sensor falls silent is judged on what it said last. A lot
// with several pallets over the limit is one condition, told by its longest excursion,
// whose evidence names every such pallet.
func coldChainRule(cfg AlertConfig, v ProductView) []Condition {
	byCell := map[ontology.Cell]*Condition{}
	longest := map[ontology.Cell]time.Duration{}
	// The pallets over the limit are kept apart from the condition, which is replaced
	// whenever a longer excursion turns up, and are added to its evidence at the end.
	pallets := map[ontology.Cell][]string{}
	var order []ontology.Cell
	for _, p := range cfg.Pallets {
		if p.SKU != v.SKU {
			continue
		}
		t := v.Sensors[p.ID()].Temperature
		zone, name, ok := cfg.ZoneOf(p)
		if t == nil || t.OutSince.IsZero() || !ok {
			continue
		}
		end := t.At.Add(cfg.Defaults.SensorGap)
		if v.Now.Before(end) {
			end = v.Now
		}
		if end.Before(t.At) {
			end = t.At // a reading stamped ahead of our clock
		}
		d := end.Sub(t.OutSince)
		if d < zone.MaxExcursion {
			continue
		}
		cell := ontology.Cell{SKU: p.SKU, Location: p.Location, Lot: p.Lot}
		if _, ok := byCell[cell]; !ok {
			order = append(order, cell)
		}
		pallets[cell] = append(pallets[cell], p.ID())
		if _, ok := byCell[cell]; ok && d <= longest[cell] {
			continue
		}
		longest[cell] = d
		byCell[cell] = &Condition{
			Rule: RuleColdChain, Cell: cell, Severity: SeverityCritical, Since: t.OutSince.Add(zone.MaxExcursion),
			Message: fmt.Sprintf("%s lot %s: pallet %s at %s °C, outside zone %s (%s to %s °C) since %s (%s, over %s)",
				p.SKU, p.Lot, p.ID(), t.Value, name, zone.Min, zone.Max, t.OutSince.UTC().Format(time.RFC3339),
				d.Round(time.Second), zone.MaxExcursion),
			Evidence: []Figure{
				{"pallet", p.ID()}, {"temperatureC", t.Value.String()}, {"zone", name},
				{"min", zone.Min.String()}, {"max", zone.Max.String()},
				{"outSince", t.OutSince.UTC().Format(time.RFC3339)}, {"lastReadingAt", t.At.UTC().Format(time.RFC3339)},
				{"duration", d.Round(time.Second).String()}, {"maxExcursion", zone.MaxExcursion.String()},
			},
		}
	}
	out := make([]Condition, 0, len(order))
	for _, cell := range order {
		c := *byCell[cell]
		// The condition's own pallet is its first figure; the others follow.
		for _, id := range pallets[cell] {
			if id != c.Evidence[0].Value {
				c.Evidence = append(c.Evidence, Figure{"pallet", id})
			}
		}
		out = append(out, c)
	}
	return out
}
