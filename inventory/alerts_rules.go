package inventory

import (
	"fmt"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// ProductView is everything the alert rules read about one product of one tenant, at
// one instant. The service fills it from live stock, the ledger and sensor state; tests
// write it by hand.
type ProductView struct {
	SKU   string
	Now   time.Time
	Cells []Stock // live stock of every location and lot
	// Consumed is what sales took from on hand at each location during the consumption
	// window before Now (returns netted).
	Consumed map[string]ontology.Qty
	// Sensors is the latest sensor state of each configured pallet, by Pallet.ID.
	Sensors map[string]PalletSensors
}

// SensorState is the latest reading of one metric of one pallet.
type SensorState struct {
	At    time.Time       `json:"at"`
	Value decimal.Decimal `json:"value"`
	// OutSince is when the current run of readings outside the pallet's zone began;
	// zero while the latest reading is inside (temperature only).
	OutSince time.Time `json:"outSince,omitzero"`
}

// PalletSensors is a pallet's latest weight and temperature.
type PalletSensors struct {
	Weight      *SensorState
	Temperature *SensorState
}

// Evaluate runs every rule over one product and returns the conditions that hold, in a
// stable order. cfg must have its defaults filled (WithDefaults).
func Evaluate(cfg AlertConfig, v ProductView) []Condition {
	var out []Condition
	out = append(out, stockRules(cfg, v)...)
	out = append(out, expiryRule(cfg, v)...)
	out = append(out, sensorLedgerRule(cfg, v)...)
	out = append(out, coldChainRule(cfg, v)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

// Levels are the figures a location's stock is compared with.
type Levels struct {
	SafetyStock  ontology.Qty
	ReorderPoint ontology.Qty
	// SafetyFrom and ReorderFrom say where each comes from: "config", or "consumption"
	// when defaulted.
	SafetyFrom, ReorderFrom string
}

// DefaultLevels derives safety stock and reorder point from recent consumption, for a
// product and location the config gives no figures for. With d the average demand per
// day over the window (consumed / window) and L the lead time in days:
//
//	safety stock  = ceil(k · d · L)          k: defaults.safetyFactor, 0.5
//	reorder point = ceil(d · L) + safety stock
//
// The safety stock covers demand running k above its average for one lead time; the
// reorder point orders when what is left lasts one lead time plus that buffer. It is the
// textbook form without a demand deviation, which a week of sales cannot estimate well;
// a location with a forecast or a planner's figure should set them in the config. No
// consumption gives zero for both: nothing to protect.
func DefaultLevels(consumed ontology.Qty, window, leadTime time.Duration, factor ontology.Qty) Levels {
	l := Levels{SafetyFrom: "consumption", ReorderFrom: "consumption"}
	if consumed <= 0 || window <= 0 {
		return l
	}
	l.SafetyStock = ceilUnits(leadDemand(consumed, window, leadTime).Mul(factor.Decimal()))
	l.ReorderPoint = ceilUnits(leadDemand(consumed, window, leadTime)) + l.SafetyStock
	return l
}

// leadDemand is the demand over one lead time at the window's rate.
func leadDemand(consumed ontology.Qty, window, leadTime time.Duration) decimal.Decimal {
	if consumed <= 0 || window <= 0 {
		return decimal.Zero
	}
	return consumed.Decimal().Mul(decimal.NewFromInt(int64(leadTime))).Div(decimal.NewFromInt(int64(window)))
}

// levels are the configured figures of a product at a location, defaulted where unset.
func levels(cfg AlertConfig, sku, location string, consumed ontology.Qty) Levels {
	t := cfg.threshold(sku, location)
	lead := t.LeadTime
	if lead <= 0 {
		lead = cfg.Defaults.LeadTime
	}
	l := DefaultLevels(consumed, cfg.Defaults.Window, lead, cfg.Defaults.SafetyFactor)
	if t.SafetyStock != nil {
		// A default reorder point builds on the safety stock in force.
		l.ReorderPoint += *t.SafetyStock - l.SafetyStock
		l.SafetyStock, l.SafetyFrom = *t.SafetyStock, "config"
	}
	if t.ReorderPoint != nil {
		l.ReorderPoint, l.ReorderFrom = *t.ReorderPoint, "config"
	}
	return l
}

// place is one location of a product with what the stock rules need.
type place struct {
	location string
	level    decimal.Decimal // available (on hand minus reserved), expired lots left out
	incoming ontology.Qty
	perHour  decimal.Decimal // consumption rate
	levels   Levels
	consumed ontology.Qty
}

// places gathers a product's locations: every location with stock, and every location a
// threshold names (one with no stock at all still needs its safety stock).
func places(cfg AlertConfig, v ProductView) []place {
	by := map[string]*place{}
	get := func(loc string) *place {
		p := by[loc]
		if p == nil {
			p = &place{location: loc}
			by[loc] = p
		}
		return p
	}
	for _, c := range v.Cells {
		p := get(c.Location)
		p.incoming += c.Incoming
		if exp := cfg.cellExpiry(c); !exp.IsZero() && !exp.After(v.Now) {
			continue // expired goods cannot be sold
		}
		p.level = p.level.Add(c.Available().Decimal())
	}
	for _, t := range cfg.Thresholds {
		if t.SKU == v.SKU {
			get(t.Location)
		}
	}
	hours := hoursOf(cfg.Defaults.Window)
	out := make([]place, 0, len(by))
	for loc, p := range by {
		p.consumed = max(v.Consumed[loc], 0)
		p.perHour = p.consumed.Decimal().DivRound(hours, 9)
		p.levels = levels(cfg, v.SKU, loc, p.consumed)
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].location < out[j].location })
	return out
}

// surplus is what a location can give over the horizon: its level less its own safety
// stock and its own consumption until then, so that a transfer never makes the giver
// the next alert.
func (p place) surplus(horizon time.Duration) decimal.Decimal {
	return p.level.Sub(p.levels.SafetyStock.Decimal()).Sub(p.perHour.Mul(hoursOf(horizon)))
}

// stockRules are the projected stock-out and the reorder point, per location.
func stockRules(cfg AlertConfig, v ProductView) []Condition {
	ps := places(cfg, v)
	horizon := hoursOf(cfg.Defaults.Horizon)
	var out []Condition
	for _, p := range ps {
		cell := ontology.Cell{SKU: v.SKU, Location: p.location}
		ss := p.levels.SafetyStock.Decimal()
		crossed := p.level.LessThan(ss)
		projected := p.perHour.IsPositive() && p.level.Sub(p.perHour.Mul(horizon)).LessThan(ss)
		if crossed || projected {
			out = append(out, stockoutCondition(cfg, v, ps, p, cell, crossed))
		}
		if rop := p.levels.ReorderPoint; rop > 0 {
			position := p.level.Add(p.incoming.Decimal())
			if position.LessThanOrEqual(rop.Decimal()) {
				out = append(out, Condition{
					Rule: RuleReorder, Cell: cell, Severity: SeverityInfo,
					Message: fmt.Sprintf("%s at %s: %s available and incoming, at or below the reorder point %s",
						v.SKU, p.location, qtyText(position), rop),
					Evidence: []Figure{
						{"available", qtyText(p.level)}, {"incoming", p.incoming.String()},
						{"reorderPoint", rop.String()}, {"reorderPointFrom", p.levels.ReorderFrom},
					},
				})
			}
		}
	}
	return out
}

func stockoutCondition(cfg AlertConfig, v ProductView, ps []place, p place, cell ontology.Cell, crossed bool) Condition {
	ss := p.levels.SafetyStock
	ev := []Figure{
		{"available", qtyText(p.level)}, {"safetyStock", ss.String()}, {"safetyStockFrom", p.levels.SafetyFrom},
		{"consumed", p.consumed.String()}, {"window", cfg.Defaults.Window.String()},
		{"perHour", rateText(p.perHour)}, {"horizon", cfg.Defaults.Horizon.String()},
	}
	c := Condition{Rule: RuleStockout, Cell: cell, Severity: SeverityCritical}
	if crossed {
		c.Message = fmt.Sprintf("%s at %s: %s available, below the safety stock %s", v.SKU, p.location, qtyText(p.level), ss)
	} else {
		c.Severity = SeverityWarning
		ahead := time.Duration(p.level.Sub(ss.Decimal()).Div(p.perHour).Mul(decimal.NewFromInt(int64(time.Hour))).IntPart())
		at := v.Now.Add(ahead).UTC()
		ev = append(ev, Figure{"crossesAt", at.Format(time.RFC3339)})
		c.Message = fmt.Sprintf("%s at %s: %s available, consumed at %s an hour; falls below the safety stock %s at %s (in %s)",
			v.SKU, p.location, qtyText(p.level), rateText(p.perHour), ss, at.Format(time.RFC3339), ahead.Round(time.Second))
	}
	c.Proposal = propose(cfg, v, ps, p)
	if c.Proposal == nil {
		ev = append(ev, Figure{"proposal", "no location has stock to spare"})
	} else {
		ev = append(ev, Figure{"proposal", fmt.Sprintf("move %s from %s", c.Proposal.Qty, c.Proposal.From)})
	}
	c.Evidence = ev
	return c
}

// propose picks the location with the most surplus over its own safety stock (ties by
// name) and moves what keeps short above its safety stock through the horizon, in whole
// units, as much as the giver can spare.
func propose(cfg AlertConfig, v ProductView, ps []place, short place) *TransferProposal {
	var best *place
	var most decimal.Decimal
	for i := range ps {
		p := &ps[i]
		if p.location == short.location {
			continue
		}
		if s := p.surplus(cfg.Defaults.Horizon); s.IsPositive() && (best == nil || s.GreaterThan(most)) {
			best, most = p, s
		}
	}
	if best == nil {
		return nil
	}
	horizon := hoursOf(cfg.Defaults.Horizon)
	need := short.levels.SafetyStock.Decimal().Add(short.perHour.Mul(horizon)).Sub(short.level)
	qty := min(ceilUnits(need), floorUnits(most))
	if qty <= 0 {
		qty = min(ontology.Units(1), floorUnits(most))
	}
	if qty <= 0 {
		return nil
	}
	var from []Stock
	for _, c := range v.Cells {
		if c.Location == best.location {
			from = append(from, c)
		}
	}
	lines, got := FEFO(from, qty, func(lot string) time.Time { return cfg.expiry(v.SKU, lot) }, v.Now)
	if got <= 0 {
		return nil
	}
	return &TransferProposal{SKU: v.SKU, From: best.location, To: short.location, Qty: got, Lines: lines}
}

// FEFO takes qty from the lots of cells (one product at one location) that expire
// first: lots with a known expiry before those without, then by lot; expired lots and
// lots with nothing available are skipped. A lot's expiry is the earlier of expiry(lot)
// (the settings') and the cell's own ExpiresAt (its documents'). It returns the lines and what they add up to,
// which is less than qty when the cells hold less.
//
// It never takes more than the location has available in all: a reservation made
// without a lot is held in the lot-less cell, whose available then goes below zero
// while the lots' own stay whole, and a transfer that took every lot's available would
// leave that reservation without goods.
func FEFO(cells []Stock, qty ontology.Qty, expiry func(lot string) time.Time, now time.Time) ([]TransferLine, ontology.Qty) {
	type lot struct {
		name  string
		exp   time.Time
		avail ontology.Qty
	}
	var lots []lot
	var headroom ontology.Qty
	for _, c := range cells {
		exp := earlier(expiry(c.Lot), c.ExpiresAt)
		if c.Available() < 0 {
			headroom += c.Available()
		}
		if c.Available() <= 0 || !exp.IsZero() && !exp.After(now) {
			continue
		}
		headroom += c.Available()
		lots = append(lots, lot{c.Lot, exp, c.Available()})
	}
	qty = max(min(qty, headroom), 0)
	sort.Slice(lots, func(i, j int) bool {
		a, b := lots[i], lots[j]
		if a.exp.IsZero() != b.exp.IsZero() {
			return !a.exp.IsZero()
		}
		if !a.exp.Equal(b.exp) {
			return a.exp.Before(b.exp)
		}
		return a.name < b.name
	})
	var out []TransferLine
	var got ontology.Qty
	for _, l := range lots {
		if got >= qty {
			break
		}
		take := min(l.avail, qty-got)
		out = append(out, TransferLine{Lot: l.name, Qty: take})
		got += take
	}
	return out, got
}

// expiryRule raises each lot on hand that expires within the window (a warning) or has
// expired (critical).
func expiryRule(cfg AlertConfig, v ProductView) []Condition {
	var out []Condition
	for _, c := range v.Cells {
		exp := cfg.cellExpiry(c)
		if c.OnHand <= 0 || exp.IsZero() || exp.Sub(v.Now) > cfg.Defaults.ExpiryWindow {
			continue
		}
		cond := Condition{Rule: RuleExpiry, Cell: c.Cell, Severity: SeverityWarning,
			Evidence: []Figure{{"onHand", c.OnHand.String()}, {"expiresAt", exp.UTC().Format(time.RFC3339)},
				{"window", cfg.Defaults.ExpiryWindow.String()}}}
		if !exp.After(v.Now) {
			cond.Severity = SeverityCritical
			cond.Message = fmt.Sprintf("%s lot %s at %s: %s on hand expired at %s", v.SKU, c.Lot, c.Location, c.OnHand, exp.UTC().Format(time.RFC3339))
		} else {
			cond.Message = fmt.Sprintf("%s lot %s at %s: %s on hand expires at %s (in %s)", v.SKU, c.Lot, c.Location, c.OnHand,
				exp.UTC().Format(time.RFC3339), exp.Sub(v.Now).Round(time.Minute))
		}
		out = append(out, cond)
	}
	return out
}

// hoursOf is a duration in hours, exactly.
func hoursOf(d time.Duration) decimal.Decimal {
	return decimal.NewFromInt(int64(d)).Div(decimal.NewFromInt(int64(time.Hour)))
}

// ceilUnits rounds up to whole units; floorUnits down.
func ceilUnits(d decimal.Decimal) ontology.Qty {
	if !d.IsPositive() {
		return 0
	}
	return ontology.Units(d.Ceil().IntPart())
}

func floorUnits(d decimal.Decimal) ontology.Qty {
	if !d.IsPositive() {
		return 0
	}
	return ontology.Units(d.Floor().IntPart())
}

// qtyText writes a quantity held as a decimal, to six places at most as a Qty would.
func qtyText(d decimal.Decimal) string { return d.Round(ontology.QtyScale).String() }

func rateText(d decimal.Decimal) string { return d.Round(3).String() }
