package predict

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

func sig(name string, kind ontology.SignalKind, sku, loc, period string, received int, points ...string) Signal {
	s := Signal{Signal: ontology.Signal{Name: name, Kind: kind, SKU: sku, Location: loc, Period: period},
		Document: fmt.Sprintf("doc-%s-%d", name, received), ReceivedAt: time.Unix(int64(received), 0)}
	for _, p := range points {
		day, v, _ := strings.Cut(p, "=")
		s.Points = append(s.Points, ontology.SignalPoint{Day: day, Value: v})
	}
	return s
}

// show writes a regressor's values as text, "." for an unknown day.
func show(vs []float64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = "."
		if !math.IsNaN(v) {
			parts[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(parts, " ")
}

func TestAttachAlignsScopesAndDays(t *testing.T) {
	reg, cal := ontology.SignalRegressor, ontology.SignalCalendar
	tests := []struct {
		name string
		sigs []Signal
		want string // name=values ... ; promo
	}{
		{"days, a gap and no future",
			[]Signal{sig("t", reg, "", "", "day", 1, "2025-05-31=9", "2025-06-01=1", "2025-06-03=3")},
			"t=1 . 3"},
		{"a forecast reaches past the history and stops",
			[]Signal{sig("t", reg, "", "", "day", 1, "2025-06-01=1", "2025-06-02=2", "2025-06-03=3", "2025-06-04=4", "2025-06-05=5", "2025-06-06=6")},
			"t=1 2 3 4 5 6"},
		{"a weekly index holds for its week",
			[]Signal{sig("t", reg, "", "", "week", 1, "2025-05-26=7", "2025-06-02=8")},
			"t=7 8 8 8 8 8 8 8"},
		{"the most specific scope wins, whatever arrived later",
			[]Signal{sig("w", reg, "", "S1", "day", 1, "2025-06-01=10"), sig("w", reg, "BREAD", "S1", "day", 2, "2025-06-01=20"),
				sig("w", reg, "", "", "day", 3, "2025-06-01=30"), sig("w", reg, "BREAD", "", "day", 4, "2025-06-01=40")},
			"w=20"},
		{"another product's or store's signals do not apply",
			[]Signal{sig("w", reg, "MILK", "", "day", 1, "2025-06-01=1"), sig("x", reg, "", "S2", "day", 1, "2025-06-01=1")},
			""},
		{"a later document's days replace an earlier's",
			[]Signal{sig("t", reg, "", "", "day", 2, "2025-06-02=5"), sig("t", reg, "", "", "day", 1, "2025-06-01=1", "2025-06-02=2")},
			"t=1 5"},
		{"a signal without a value in the history is left out",
			[]Signal{sig("t", reg, "", "", "day", 1, "2025-06-09=1")},
			""},
		{"calendars are promotion days, to their last day",
			[]Signal{sig("calendar:tmall", cal, "", "", "day", 1, "2025-06-02=1", "2025-06-05=1"),
				sig("calendar:jd", cal, "BREAD", "", "day", 1, "2025-06-01=1")},
			"; calendar:jd+calendar:tmall=1 1 0 0 1"},
	}
	start := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := forecast.Series{Key: forecast.Key{SKU: "BREAD", Location: "S1"}, Start: start, Sales: make([]ontology.Qty, 3)}
			Attach(&s, tt.sigs)
			var parts []string
			for _, r := range s.Regressors {
				parts = append(parts, r.Name+"="+show(r.Values))
			}
			got := strings.Join(parts, " ")
			if s.PromoName != "" {
				var ps []string
				for _, p := range s.Promo {
					ps = append(ps, map[bool]string{true: "1", false: "0"}[p])
				}
				got += "; " + s.PromoName + "=" + strings.Join(ps, " ")
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A signal's date is the tenant's local day: 2025-06-02 in Shanghai starts at 16:00 UTC
// on 1 June, and lands on the series' second day.
func TestAttachFollowsTheSeriesTimeZone(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	s := forecast.Series{Start: time.Date(2025, 6, 1, 0, 0, 0, 0, shanghai), Sales: make([]ontology.Qty, 2)}
	Attach(&s, []Signal{sig("t", ontology.SignalRegressor, "", "", "day", 1, "2025-06-02=4")})
	if len(s.Regressors) != 1 || show(s.Regressors[0].Values) != ". 4" {
		t.Fatalf("regressors %+v, want the value on the second day", s.Regressors)
	}
}
