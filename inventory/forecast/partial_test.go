package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

func TestDeviationsSkipUnknownDays(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		x    []float64
		want []float64
	}{
		{"all known", []float64{1, 2, 3}, []float64{1 - 2.5, 2 - 2, 3 - 1.5}},
		{"a gap has no deviation and is left out of the means", []float64{1, nan, 3}, []float64{1 - 3, nan, 3 - 1}},
		{"alone: nothing to compare with", []float64{nan, 5, nan}, []float64{nan, nan, nan}},
	}
	for _, tt := range tests {
		got := deviations([][]float64{tt.x}, len(tt.x))[0]
		for i := range got {
			if math.IsNaN(tt.want[i]) != math.IsNaN(got[i]) || !math.IsNaN(got[i]) && math.Abs(got[i]-tt.want[i]) > 1e-12 {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}

// heatDemand is 400 days of demand that moves 4% per degree of the day's temperature,
// with the temperature known for the horizon too.
func heatDemand(seed uint64, n, h int) (Series, []float64) {
	r := rand.New(rand.NewPCG(seed, seed))
	heat := make([]float64, n+h)
	for t := range heat {
		heat[t] = 20 + 8*r.NormFloat64()
	}
	y := make([]float64, n)
	for t := range y {
		y[t] = poissonDraw(r, 20*(1+0.04*(heat[t]-20)))
	}
	return series(y), heat
}

func effectNamed(f *Forecast, name string) *Effect {
	for i := range f.Inputs.Effects {
		if f.Inputs.Effects[i].Name == name {
			return &f.Inputs.Effects[i]
		}
	}
	return nil
}

// A signal known only up to the end of the history (a trend index, observed weather)
// is measured on backtests that see no more of it than the forecast does, and moves no
// forecast day: it is not carried forward.
func TestRegressorThatStopsAtTheHistoryMovesNoForecastDay(t *testing.T) {
	n, h := 400, 14
	s, heat := heatDemand(5, n, h)
	gappy := append([]float64(nil), heat[:n]...)
	for t := 100; t < 110; t++ {
		gappy[t] = math.NaN() // ten days the source did not report
	}
	s.Regressors = []Regressor{{Name: "temperature", Values: gappy}}
	f, err := One(Config{Horizon: h}, &s)
	if err != nil {
		t.Fatal(err)
	}
	e := effectNamed(f, "temperature")
	if e == nil {
		t.Fatalf("effects %+v: temperature not measured", f.Inputs.Effects)
	}
	if e.ForecastDays != 0 || !e.KnownTo.Equal(s.Day(n-1)) {
		t.Errorf("temperature known to %s over %d forecast days, want %s and 0", e.KnownTo.Format(time.DateOnly), e.ForecastDays, s.Day(n-1).Format(time.DateOnly))
	}
	// With no future temperature the forecast cannot follow it: a flat level, not the
	// swings of the true demand.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range f.Daily {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if hi-lo > 6 {
		t.Errorf("forecast ranges %.1f to %.1f: it followed a temperature it does not have", lo, hi)
	}
	// The same signal with its future known covers every forecast day and tracks demand.
	s.Regressors = []Regressor{{Name: "temperature", Values: heat}}
	g, err := One(Config{Horizon: h}, &s)
	if err != nil {
		t.Fatal(err)
	}
	if e := effectNamed(g, "temperature"); e == nil || e.ForecastDays != h || !e.Used || !e.KnownTo.Equal(s.Day(n+h-1)) {
		t.Errorf("with the future known: %+v, want used over all %d days", e, h)
	}
}

// Half the horizon known: the backtest hides the same half after each origin, so the
// signal's measured gain is what it can give, and the forecast follows it where known.
func TestRegressorWithPartOfTheHorizon(t *testing.T) {
	n, h := 400, 14
	s, heat := heatDemand(6, n, h)
	s.Regressors = []Regressor{{Name: "temperature", Values: heat[:n+7]}}
	f, err := One(Config{Horizon: h}, &s)
	if err != nil {
		t.Fatal(err)
	}
	e := effectNamed(f, "temperature")
	if e == nil || e.ForecastDays != 7 || !e.Used || e.WAPEWith >= e.WAPEWithout {
		t.Fatalf("temperature %+v: want used, 7 forecast days, lower WAPE with it", e)
	}
	for i := range 7 {
		want := 20 * (1 + 0.04*(heat[n+i]-20))
		if !near(f.Daily[i], want, 0.25*want) {
			t.Errorf("known day %d: %.2f, want about %.2f", i, f.Daily[i], want)
		}
	}
}

func TestPromotionCalendarIsNamed(t *testing.T) {
	y := make([]float64, 200)
	promo := make([]bool, 214)
	r := rand.New(rand.NewPCG(7, 7))
	for t := range y {
		promo[t] = t%30 < 3
		mean := 10.0
		if promo[t] {
			mean = 25
		}
		y[t] = poissonDraw(r, mean)
	}
	s := series(y)
	s.Promo, s.PromoName = promo, "calendar:tmall"
	f, err := One(Config{Horizon: 14}, &s)
	if err != nil {
		t.Fatal(err)
	}
	e := effectNamed(f, "calendar:tmall")
	if e == nil || !e.Used || e.ForecastDays != 14 || !e.KnownTo.Equal(s.Day(213)) {
		t.Fatalf("effects %+v: want calendar:tmall used over 14 forecast days", f.Inputs.Effects)
	}
	if got := f.Model; len(got) < len("calendar:tmall") || got[len(got)-len("calendar:tmall"):] != "calendar:tmall" {
		t.Errorf("model %q does not name the calendar", got)
	}
}
