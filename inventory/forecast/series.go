package forecast

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Key names one forecast series: a product at a location.
type Key struct {
	SKU      string `json:"sku"`
	Location string `json:"location"`
}

func (k Key) String() string { return k.SKU + "@" + k.Location }

// Regressor is an external signal given day by day beside the demand (a search-trend
// index, the temperature). Its values are measurements, not quantities of goods, hence
// float64. Values[i] belongs to day Start+i of its series; NaN marks a day whose value
// is not known (a gap in the source), and days past the end of Values are not known
// either. A signal whose values stop before the forecast horizon ends (a trend index
// known up to yesterday, a weather forecast of ten days) acts only on the days it
// covers, and its backtests give it the same foresight: see [One].
type Regressor struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

// known reports whether day t has a value.
func (r *Regressor) known(t int) bool { return t >= 0 && t < len(r.Values) && !math.IsNaN(r.Values[t]) }

// lastKnown is the last day with a value, -1 if none.
func (r *Regressor) lastKnown() int {
	for t := len(r.Values) - 1; t >= 0; t-- {
		if !math.IsNaN(r.Values[t]) {
			return t
		}
	}
	return -1
}

// Series is the daily demand of one product at one location, as resolved sale events
// report it (one event per real sale, so a sale seen by three systems counts once).
//
// Sales are exact quantities from the ledger and stay ontology.Qty here; the models turn
// them into float64 estimates internally.
type Series struct {
	Key   Key
	Start time.Time      // first day, midnight in the location's time zone
	Sales []ontology.Qty // Sales[i]: units sold on day Start+i
	// Censored marks days whose sales are only a lower bound of demand: the shelf was empty
	// for part or all of the day. Models treat them as missing, never as zero demand. Nil
	// means no day is censored.
	Censored []bool
	// Promo marks promotion days. It may run past the history, into the forecast horizon,
	// for promotions already planned; days beyond it have no promotion. Nil means none.
	Promo []bool
	// PromoName names the promotion calendar's effect (a campaign calendar's series);
	// "promotion" when empty.
	PromoName string
	// Regressors are optional external signals; see [Regressor].
	Regressors []Regressor
}

// Len returns the number of days of history.
func (s *Series) Len() int { return len(s.Sales) }

// Day returns the date of day i.
func (s *Series) Day(i int) time.Time { return s.Start.AddDate(0, 0, i) }

// IsCensored reports whether day i is marked censored.
func (s *Series) IsCensored(i int) bool { return i < len(s.Censored) && s.Censored[i] }

// IsPromo reports whether day i (history or future) is a promotion day.
func (s *Series) IsPromo(i int) bool { return i >= 0 && i < len(s.Promo) && s.Promo[i] }

// ErrSeries is wrapped by every error about a malformed [Series].
var ErrSeries = errors.New("invalid series")

// Validate checks that the series can be forecast h days ahead: masks no longer than
// allowed, no negative sales (returns are not demand), regressors finite where known.
func (s *Series) Validate(h int) error {
	n := len(s.Sales)
	if n == 0 {
		return fmt.Errorf("%w %s: no days", ErrSeries, s.Key)
	}
	if len(s.Censored) > n {
		return fmt.Errorf("%w %s: %d censored flags for %d days", ErrSeries, s.Key, len(s.Censored), n)
	}
	for i, q := range s.Sales {
		if q < 0 {
			return fmt.Errorf("%w %s: negative sales %s on %s", ErrSeries, s.Key, q, s.Day(i).Format(time.DateOnly))
		}
	}
	for _, r := range s.Regressors {
		for i, v := range r.Values[:min(len(r.Values), n+h)] {
			if math.IsInf(v, 0) {
				return fmt.Errorf("%w %s: regressor %q is infinite on day %d", ErrSeries, s.Key, r.Name, i)
			}
		}
	}
	return nil
}

// Truncate returns the first n days of s, sharing no slices with it; promotions and
// regressors keep their future part, so a backtest sees what a planner knew.
func (s *Series) Truncate(n int) Series {
	out := Series{Key: s.Key, Start: s.Start, Sales: append([]ontology.Qty(nil), s.Sales[:n]...), PromoName: s.PromoName}
	if len(s.Censored) > 0 {
		out.Censored = append([]bool(nil), s.Censored[:min(n, len(s.Censored))]...)
	}
	out.Promo = append([]bool(nil), s.Promo...)
	for _, r := range s.Regressors {
		out.Regressors = append(out.Regressors, Regressor{Name: r.Name, Values: append([]float64(nil), r.Values...)})
	}
	return out
}

// values returns the history as float64 demand with NaN on censored days: a missing
// value, which every model skips.
func (s *Series) values() []float64 {
	y := make([]float64, len(s.Sales))
	for i, q := range s.Sales {
		y[i] = qtyFloat(q)
		if s.IsCensored(i) {
			y[i] = math.NaN()
		}
	}
	return y
}

// qtyFloat turns an exact quantity into a model input. Only models see the result.
func qtyFloat(q ontology.Qty) float64 { return float64(q) / float64(ontology.Units(1)) }

// Sale is one resolved sale event's line as forecasting needs it.
type Sale struct {
	Key Key
	At  time.Time
	Qty ontology.Qty
}

// Stockout is a day on which a product was out of stock at a location for some time.
type Stockout struct {
	Key Key
	Day time.Time
}

// BuildSeries sums sales into daily series per product and location, from day `from` to
// day `to` inclusive, in time zone tz (a store's day ends at its local midnight). Every
// key with a sale gets a series; stock-out days mark their day censored. Sales outside the
// range are ignored. The result is sorted by key.
func BuildSeries(sales []Sale, stockouts []Stockout, from, to time.Time, tz *time.Location) ([]Series, error) {
	if tz == nil {
		tz = time.UTC
	}
	start := Midnight(from, tz)
	days := DayIndex(start, Midnight(to, tz)) + 1
	if days <= 0 {
		return nil, fmt.Errorf("%w: range %s to %s is empty", ErrSeries, from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	byKey := map[Key]*Series{}
	get := func(k Key) *Series {
		s, ok := byKey[k]
		if !ok {
			s = &Series{Key: k, Start: start, Sales: make([]ontology.Qty, days)}
			byKey[k] = s
		}
		return s
	}
	for _, sl := range sales {
		i := DayIndex(start, Midnight(sl.At, tz))
		if i < 0 || i >= days {
			continue
		}
		if sl.Qty < 0 {
			return nil, fmt.Errorf("%w %s: negative sale quantity %s at %s", ErrSeries, sl.Key, sl.Qty, sl.At.Format(time.RFC3339))
		}
		get(sl.Key).Sales[i] += sl.Qty
	}
	for _, so := range stockouts {
		i := DayIndex(start, Midnight(so.Day, tz))
		s, ok := byKey[so.Key]
		if !ok || i < 0 || i >= days {
			continue
		}
		if s.Censored == nil {
			s.Censored = make([]bool, days)
		}
		s.Censored[i] = true
	}
	out := make([]Series, 0, len(byKey))
	for _, s := range byKey {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Key.SKU != out[j].Key.SKU {
			return out[i].Key.SKU < out[j].Key.SKU
		}
		return out[i].Key.Location < out[j].Key.Location
	})
	return out, nil
}

// Midnight is the start of t's day in time zone tz.
func Midnight(t time.Time, tz *time.Location) time.Time {
	y, m, d := t.In(tz).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, tz)
}

// DayIndex counts calendar days from a to b (both midnights); it is exact across
// daylight-saving changes, where a day has 23 or 25 hours.
func DayIndex(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	ua := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	ub := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua).Hours() / 24)
}
