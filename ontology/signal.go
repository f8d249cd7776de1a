package ontology

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// SignalKind says how a forecast uses a signal.
type SignalKind string

// The signal kinds.
const (
	// SignalRegressor is a measured value per day (an index, a temperature): demand may
	// move with it.
	SignalRegressor SignalKind = "regressor"
	// SignalCalendar lists campaign days (618, Double 11): a forecast takes them as
	// promotion days.
	SignalCalendar SignalKind = "calendar"
)

// Signal is an external series of dated values, as one document gave it. Its scope is a
// canonical SKU, a canonical location code, both or neither (the whole tenant's). Days
// are calendar dates as the source wrote them: a date has no time zone, and forecasting
// lays it on the tenant's local day of that date.
type Signal struct {
	Name     string     `json:"name" validate:"required,max=200"`
	Kind     SignalKind `json:"kind" validate:"required,oneof=regressor calendar"`
	SKU      string     `json:"sku,omitempty" validate:"max=200"`
	Location string     `json:"location,omitempty" validate:"max=200"`
	// Period is how long each point holds: day, week (a weekly index, its row's date
	// the first day) or month.
	Period string        `json:"period" validate:"required,oneof=day week month"`
	Points []SignalPoint `json:"points" validate:"required,min=1,dive"`
}

// SignalPoint is one dated value. Value is the exact decimal the source sent (it is a
// measurement, kept as written); Label names a calendar day's campaign.
type SignalPoint struct {
	Day   string `json:"day" validate:"required,datetime=2006-01-02"`
	Value string `json:"value" validate:"required,max=40"`
	Label string `json:"label,omitempty" validate:"max=200"`
}

// Date is the point's day as midnight UTC; ok is false for a malformed day.
func (p SignalPoint) Date() (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, p.Day)
	return t, err == nil
}

// Float is the point's value as a model input. Signal values are measurements, never
// quantities of goods, so a float is what a model takes.
func (p SignalPoint) Float() (float64, error) {
	d, err := decimal.NewFromString(p.Value)
	if err != nil {
		return 0, fmt.Errorf("signal value %q: not a decimal number", p.Value)
	}
	f, _ := d.Float64()
	return f, nil
}

// Scope names the signal's scope for people: "sku BREAD at STORE-1", "tenant-wide".
func (s *Signal) Scope() string {
	switch {
	case s.SKU != "" && s.Location != "":
		return "sku " + s.SKU + " at " + s.Location
	case s.SKU != "":
		return "sku " + s.SKU
	case s.Location != "":
		return "location " + s.Location
	}
	return "tenant-wide"
}

// signalProblems are a signal document's checks beyond the field rules: it carries a
// series, every value is a decimal number, and no day is given twice (which of two
// values would be meant?).
func signalProblems(d *Document) []Problem {
	if d.Role != RoleSignal {
		return nil
	}
	if d.Signal == nil {
		return []Problem{{Field: "signal", Rule: "required", Message: "a signal document needs a series"}}
	}
	var ps []Problem
	seen := make(map[string]bool, len(d.Signal.Points))
	for i, p := range d.Signal.Points {
		if _, err := p.Float(); err != nil && p.Value != "" {
			ps = append(ps, Problem{Field: fmt.Sprintf("signal.points[%d].value", i), Rule: "decimal", Value: p.Value, Message: "is not a decimal number"})
		}
		if seen[p.Day] {
			ps = append(ps, Problem{Field: fmt.Sprintf("signal.points[%d].day", i), Rule: "unique", Value: p.Day, Message: "the day is given twice"})
		}
		seen[p.Day] = true
	}
	return ps
}
