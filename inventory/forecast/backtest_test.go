package forecast

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

var day0 = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) // a Monday

// series makes a series from whole units per day.
func series(units []float64) Series {
	s := Series{Key: Key{SKU: "SKU", Location: "LOC"}, Start: day0, Sales: make([]ontology.Qty, len(units))}
	for i, u := range units {
		s.Sales[i] = ontology.Units(int64(math.Round(u)))
	}
	return s
}

func poissonDraw(r *rand.Rand, mean float64) float64 {
	p, c, u, k := math.Exp(-mean), math.Exp(-mean), r.Float64(), 0.0
	for u > c {
		k++
		p *= mean / k
		c += p
	}
	return k
}

func TestBacktestKnownAnswers(t *testing.T) {
	weekly := make([]float64, 140)
	constant := make([]float64, 140)
	for t := range weekly {
		weekly[t] = []float64{3, 4, 5, 6, 9, 14, 2}[t%7]
		constant[t] = 6
	}
	t.Run("pure weekly pattern: seasonal naive is perfect", func(t *testing.T) {
		s := series(weekly)
		f, err := One(Config{Horizon: 14}, &s)
		if err != nil {
			t.Fatal(err)
		}
		base := f.Accuracy.Baseline.Metrics()
		if base.WAPE != 0 || base.MASE != 0 && !math.IsNaN(base.MASE) || base.Bias != 0 {
			t.Errorf("seasonal naive backtest %+v, want WAPE 0 and bias 0", base)
		}
		if f.Accuracy.Origins != 6 || base.Days != 6*14 || f.Accuracy.Step != 7 {
			t.Errorf("%d origins a step of %d apart, %d days scored; want 6 origins a week apart, of 14 days each", f.Accuracy.Origins, f.Accuracy.Step, base.Days)
		}
		if m := f.Accuracy.Model.Metrics(); m.WAPE > 1e-3 {
			t.Errorf("chosen %s has backtest WAPE %v, want about 0", f.Model, m.WAPE)
		}
		for i, v := range f.Daily {
			if want := weekly[(140+i)%7]; !near(v, want, 0.01) {
				t.Errorf("%s day %d: %v, want %v", f.Model, i, v, want)
			}
		}
	})
	t.Run("constant series: every model is exact", func(t *testing.T) {
		s := series(constant)
		f, err := One(Config{Horizon: 7}, &s)
		if err != nil {
			t.Fatal(err)
		}
		for name, m := range f.Accuracy.Candidates {
			if m.WAPE > 1e-6 || math.Abs(m.Bias) > 1e-6 {
				t.Errorf("%s: backtest %+v on a constant, want WAPE and bias 0", name, m)
			}
		}
		for _, v := range f.Daily {
			if !near(v, 6, 1e-6) {
				t.Fatalf("forecast %v, want 6", f.Daily)
			}
		}
	})
	t.Run("intermittent: TSB beats seasonal naive", func(t *testing.T) {
		// Demand on 20% of days, of geometric size (mean 5): last week's days are noise,
		// the rate is what persists. Absolute errors favour forecasting zero on such
		// series, so the expected gain in WAPE is modest (1.6 against 1.79 here, by
		// computing E|y−f| for both); thirty series make it clear of sampling noise.
		r := rand.New(rand.NewPCG(5, 5))
		var tsbSum, naiveSum Score
		for range 30 {
			y := make([]float64, 365)
			for t := range y {
				if r.Float64() < 0.2 {
					y[t] = 1
					for r.Float64() < 0.8 {
						y[t]++
					}
				}
			}
			s := series(y)
			f, err := One(Config{Horizon: 28}, &s)
			if err != nil {
				t.Fatal(err)
			}
			if c := Classify(&s); !c.Intermittent() {
				t.Errorf("class %+v, want intermittent or lumpy", c)
			}
			tm, ok := f.Accuracy.Candidates["tsb"]
			if !ok {
				t.Fatalf("tsb not tried on an intermittent series: %v", f.Accuracy.Candidates)
			}
			nm := f.Accuracy.Baseline.Metrics()
			tsbSum.AbsErr += tm.WAPE * tm.Actual
			tsbSum.Actual += tm.Actual
			naiveSum.AbsErr += nm.WAPE * nm.Actual
			naiveSum.Actual += nm.Actual
		}
		tw, nw := tsbSum.Metrics().WAPE, naiveSum.Metrics().WAPE
		if tw >= 0.95*nw {
			t.Errorf("backtest WAPE over 30 series: tsb %.3f, seasonal naive %.3f; want tsb at least 5%% lower", tw, nw)
		}
		t.Logf("backtest WAPE over 30 series: tsb %.3f, seasonal naive %.3f", tw, nw)
	})
}

// level10 is Poisson demand around 10 a day for a year.
func level10(seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 9))
	y := make([]float64, 364)
	for t := range y {
		y[t] = poissonDraw(r, 10)
	}
	return y
}

func TestCensoredDaysAreNotZeroDemand(t *testing.T) {
	y := level10(1)
	s := series(y)
	s.Censored = make([]bool, len(y))
	for t := range y {
		if t%10 < 3 { // out of stock three days in ten: nothing sold
			s.Sales[t] = 0
			s.Censored[t] = true
		}
	}
	f, err := One(Config{Horizon: 14}, &s)
	if err != nil {
		t.Fatal(err)
	}
	if m := mean(f.Daily); !near(m, 10, 1) {
		t.Errorf("with stock-outs marked: forecast mean %.2f (%s), want about 10", m, f.Model)
	}
	if f.Inputs.CensoredExcluded == 0 || f.Inputs.Observed != len(y)-f.Inputs.CensoredExcluded {
		t.Errorf("inputs %+v: want the censored days counted and excluded", f.Inputs)
	}
	plain := s.Plain()
	g, err := One(Config{Horizon: 14}, &plain)
	if err != nil {
		t.Fatal(err)
	}
	if m := mean(g.Daily); m > 8 {
		t.Errorf("without the marks the zeros read as demand; forecast mean %.2f should fall to about 7", m)
	}
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func TestPromotionUpliftIsMeasuredAndApplied(t *testing.T) {
	y := level10(2)
	s := series(y)
	h := 14
	s.Promo = make([]bool, len(y)+h)
	for t := range s.Promo {
		if t%30 >= 25 && t%30 < 29 { // four promotion days a month, into the horizon
			s.Promo[t] = true
			if t < len(y) {
				s.Sales[t] = ontology.Units(int64(2 * y[t]))
			}
		}
	}
	f, err := One(Config{Horizon: h}, &s)
	if err != nil {
		t.Fatal(err)
	}
	if !near(f.Inputs.PromoUplift, 2, 0.25) {
		t.Errorf("uplift %.2f, want about 2", f.Inputs.PromoUplift)
	}
	if len(f.Inputs.Effects) == 0 || f.Inputs.Effects[0].Name != "promotion" || !f.Inputs.Effects[0].Used ||
		f.Inputs.Effects[0].WAPEWithout <= f.Inputs.Effects[0].WAPEWith {
		t.Errorf("effects %+v, want the promotion used because its backtest WAPE is lower with it", f.Inputs.Effects)
	}
	for i, v := range f.Daily {
		want := 10.0
		if s.IsPromo(len(y) + i) {
			want = 20
		}
		if !near(v, want, 0.2*want) {
			t.Errorf("%s day %d (promo %v): %.2f, want about %.0f", f.Model, i, s.IsPromo(len(y)+i), v, want)
		}
	}
}

func TestRegressorContributionIsMeasured(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	n, h := 400, 14
	heat := make([]float64, n+h)
	noise := make([]float64, n+h)
	for t := range heat {
		heat[t] = 20 + 8*r.NormFloat64()
		noise[t] = r.NormFloat64()
	}
	y := make([]float64, n)
	for t := range y {
		y[t] = poissonDraw(r, 20*(1+0.04*(heat[t]-20)))
	}
	s := series(y)
	s.Regressors = []Regressor{{Name: "temperature", Values: heat}, {Name: "noise", Values: noise}}
	f, err := One(Config{Horizon: h}, &s)
	if err != nil {
		t.Fatal(err)
	}
	var temp, nz *Effect
	for i := range f.Inputs.Effects {
		switch f.Inputs.Effects[i].Name {
		case "temperature":
			temp = &f.Inputs.Effects[i]
		case "noise":
			nz = &f.Inputs.Effects[i]
		}
	}
	if temp == nil || nz == nil {
		t.Fatalf("effects %+v, want temperature and noise measured", f.Inputs.Effects)
	}
	if !temp.Used || temp.WAPEWithout < temp.WAPEWith+0.02 || !near(temp.Coef, 0.04, 0.015) {
		t.Errorf("temperature %+v: want it used, coefficient about 0.04, and WAPE clearly lower with it", *temp)
	}
	if math.Abs(nz.Coef) > 0.02 {
		t.Errorf("noise %+v: want a coefficient near 0", *nz)
	}
	for i, v := range f.Daily {
		want := 20 * (1 + 0.04*(heat[n+i]-20))
		if !near(v, want, 0.25*want) {
			t.Errorf("%s day %d: %.2f, want about %.2f", f.Model, i, v, want)
		}
	}
}

func TestShortHistoryFallsBackWithoutBacktest(t *testing.T) {
	s := series([]float64{1, 2, 3, 4, 5, 6, 7, 1, 2, 3})
	f, err := One(Config{Horizon: 7}, &s)
	if err != nil {
		t.Fatal(err)
	}
	if f.Model != "seasonal-naive" || f.Accuracy.Origins != 0 {
		t.Errorf("model %s with %d origins, want seasonal-naive without backtest", f.Model, f.Accuracy.Origins)
	}
	if want := []float64{4, 5, 6, 7, 1, 2, 3}; !equalF(f.Daily, want) {
		t.Errorf("forecast %v, want %v", f.Daily, want)
	}
}

func equalF(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !near(a[i], b[i], 1e-9) {
			return false
		}
	}
	return true
}

func TestForecastCarriesModelVersionAndInputs(t *testing.T) {
	y := level10(3)
	s := series(y)
	f, err := One(Config{Horizon: 10}, &s)
	if err != nil {
		t.Fatal(err)
	}
	if f.Version != ModelVersion || f.Model == "" || len(f.Daily) != 10 || !f.Start.Equal(day0.AddDate(0, 0, len(y))) {
		t.Errorf("forecast %s v%d, %d days from %s", f.Model, f.Version, len(f.Daily), f.Start)
	}
	in := f.Inputs
	if !in.HistoryFrom.Equal(day0) || !in.HistoryTo.Equal(day0.AddDate(0, 0, len(y)-1)) || in.Observed != len(y) || in.Params["alpha"] == 0 && f.Model[:3] == "ets" {
		t.Errorf("inputs %+v", in)
	}
}

func TestAllKeepsOrderAndReportsBadSeries(t *testing.T) {
	good := series(level10(6))
	bad := Series{Key: Key{SKU: "BAD"}}
	res, err := All(context.Background(), Config{Horizon: 7}, []Series{good, bad, good}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[2].Err != nil || res[0].Forecast == nil || !equalF(res[0].Forecast.Daily, res[2].Forecast.Daily) {
		t.Errorf("good series: %+v / %+v, want the same forecast twice", res[0], res[2])
	}
	if res[1].Key.SKU != "BAD" || !errors.Is(res[1].Err, ErrSeries) {
		t.Errorf("bad series result %+v, want ErrSeries", res[1])
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := All(ctx, Config{}, []Series{good, good, good}, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context gave %v", err)
	}
}

func TestSeriesWithoutSalesForecastsZero(t *testing.T) {
	s := series(make([]float64, 100))
	f, err := One(Config{Horizon: 7}, &s)
	if err != nil {
		t.Fatal(err)
	}
	if !equalF(f.Daily, make([]float64, 7)) || !f.Inputs.FirstSale.IsZero() || f.Inputs.Observed != 0 {
		t.Errorf("forecast %v, inputs %+v: want zeros, no first sale, nothing observed", f.Daily, f.Inputs)
	}
	// Sold once, long ago, then nothing: the few days before the sale are not zeros but
	// unknown, and the long silence after it is real.
	y := make([]float64, 200)
	y[20] = 3
	s = series(y)
	if f, err = One(Config{Horizon: 7}, &s); err != nil {
		t.Fatal(err)
	}
	if !f.Inputs.FirstSale.Equal(day0.AddDate(0, 0, 20)) || f.Inputs.Observed != 180 || mean(f.Daily) > 0.05 {
		t.Errorf("forecast %v, inputs %+v: want about zero, first sale on day 20, 180 days observed", f.Daily, f.Inputs)
	}
}
