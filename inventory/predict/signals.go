package predict

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

// Signal is a stored signal document's series as forecasting reads it: the series, the
// document it came from and when that arrived.
type Signal struct {
	ontology.Signal
	Document   string
	ReceivedAt time.Time
}

// maxAhead bounds how far past the history a signal is laid out: a year is more than any
// horizon, and a calendar typed for 2205 must not make a series of centuries.
const maxAhead = 366

// Attach lays the signals that apply to s beside its demand, day by day in the time
// zone of s.Start: regressors as [forecast.Regressor] (NaN where a day has no value,
// ending on the last day a signal gives, however short of the horizon that is: nothing
// is carried forward) and campaign calendars as its promotion days (the union of those
// that apply, named after them).
//
// A signal applies to s when its scope names s's SKU, location or both, or nothing (the
// tenant's). Of the signals of one name that apply, only the most specific scope is
// used (SKU and location, then SKU, then location, then the tenant's), so that a store's
// own weather replaces the country's; several documents of that scope are laid over
// each other in the order they arrived, a later one's days replacing an earlier's. A
// regressor with no value during the history is left out: there is nothing to measure
// it on. A point whose day or value cannot be read is skipped; the validator refused
// such documents before they were stored.
func Attach(s *forecast.Series, sigs []Signal) {
	n := s.Len()
	tz := s.Start.Location()
	type group struct {
		kind ontology.SignalKind
		rank int
		docs []Signal
	}
	groups := map[string]*group{}
	for _, sg := range sigs {
		if sg.SKU != "" && sg.SKU != s.Key.SKU || sg.Location != "" && sg.Location != s.Key.Location {
			continue
		}
		rank := 0
		if sg.SKU != "" {
			rank += 2
		}
		if sg.Location != "" {
			rank++
		}
		g := groups[sg.Name]
		switch {
		case g == nil || rank > g.rank:
			groups[sg.Name] = &group{kind: sg.Kind, rank: rank, docs: []Signal{sg}}
		case rank == g.rank:
			g.docs = append(g.docs, sg)
		}
	}
	names := make([]string, 0, len(groups))
	for name := range groups {
		names = append(names, name)
	}
	sort.Strings(names)
	var calendars []string
	for _, name := range names {
		g := groups[name]
		sort.SliceStable(g.docs, func(i, j int) bool {
			if !g.docs[i].ReceivedAt.Equal(g.docs[j].ReceivedAt) {
				return g.docs[i].ReceivedAt.Before(g.docs[j].ReceivedAt)
			}
			return g.docs[i].Document < g.docs[j].Document
		})
		values := layOut(s.Start, tz, n+maxAhead, g.docs)
		if g.kind == ontology.SignalCalendar {
			if mergePromo(s, values) {
				calendars = append(calendars, name)
			}
			continue
		}
		if known(values[:min(n, len(values))]) {
			s.Regressors = append(s.Regressors, forecast.Regressor{Name: name, Values: values})
		}
	}
	if len(calendars) > 0 {
		s.PromoName = strings.Join(calendars, "+")
	}
}

// layOut puts the documents' points on the days from start, each point holding for its
// period, and cuts the result after its last known day.
func layOut(start time.Time, tz *time.Location, limit int, docs []Signal) []float64 {
	out := make([]float64, limit)
	for i := range out {
		out[i] = math.NaN()
	}
	last := -1
	for _, d := range docs {
		for _, p := range d.Points {
			day, ok := p.Date()
			v, err := p.Float()
			if !ok || err != nil {
				continue
			}
			from := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, tz)
			to := from.AddDate(0, 0, 1)
			switch d.Period {
			case "week":
				to = from.AddDate(0, 0, 7)
			case "month":
				to = from.AddDate(0, 1, 0)
			}
			for i := max(forecast.DayIndex(start, from), 0); i < min(forecast.DayIndex(start, to), limit); i++ {
				out[i] = v
				last = max(last, i)
			}
		}
	}
	return out[:last+1]
}

// mergePromo marks the days a calendar lists (value not 0) as promotion days of s, and
// extends s's promotion mask to the calendar's last day: past it nothing is known, and
// forecast.Series takes days past its mask as days without promotion. It reports
// whether the calendar covers any day from s's start.
func mergePromo(s *forecast.Series, values []float64) bool {
	if len(values) == 0 {
		return false
	}
	if len(s.Promo) < len(values) {
		s.Promo = append(s.Promo, make([]bool, len(values)-len(s.Promo))...)
	}
	for i, v := range values {
		if !math.IsNaN(v) && v != 0 {
			s.Promo[i] = true
		}
	}
	return true
}

func known(vs []float64) bool {
	for _, v := range vs {
		if !math.IsNaN(v) {
			return true
		}
	}
	return false
}
