package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name  string
		y     []float64
		class string
		adi   float64
	}{
		{"steady", []float64{5, 6, 5, 4, 5, 6, 5, 4}, ClassSmooth, 1},
		{"erratic sizes every day", []float64{1, 20, 1, 30, 2, 25, 1, 40}, ClassErratic, 1},
		{"every third day, same size", []float64{0, 0, 3, 0, 0, 3, 0, 0, 3}, ClassIntermittent, 3},
		{"rare and lumpy", []float64{0, 0, 1, 0, 0, 30, 0, 0, 2, 0, 0, 50}, ClassLumpy, 3},
		{"censored days are not days without demand", []float64{nan, nan, 3, 3, nan, 3}, ClassSmooth, 1},
		{"nothing sold", []float64{0, 0, 0}, ClassNone, math.Inf(1)},
	}
	for _, tt := range tests {
		class, adi, _ := classify(tt.y)
		if class != tt.class || !near(adi, tt.adi, 1e-12) {
			t.Errorf("%s: classify(%v) = %s, ADI %v; want %s, ADI %v", tt.name, tt.y, class, adi, tt.class, tt.adi)
		}
	}
}

func TestCrostonOnRegularIntermittentDemand(t *testing.T) {
	// Three units every third day: size 3, interval 3, rate exactly 1 for any α.
	y := make([]float64, 60)
	for t := 2; t < len(y); t += 3 {
		y[t] = 3
	}
	for _, a := range intermittentGrid {
		rate, _, ok := crostonRun(y, 0, a, false)
		if !ok || !near(rate, 1, 1e-12) {
			t.Errorf("croston α=%v: rate %v, want 1", a, rate)
		}
		sba, _, _ := crostonRun(y, 0, a, true)
		if !near(sba, 1-a/2, 1e-12) {
			t.Errorf("sba α=%v: rate %v, want %v (the bias correction)", a, sba, 1-a/2)
		}
		// Censored days in between change nothing: they are skipped, not zeros.
		yc := append([]float64(nil), y...)
		yc[4], yc[10], yc[11] = nan, nan, nan
		if r, _, _ := crostonRun(yc, 0, a, false); !near(r, 1, 0.05) {
			t.Errorf("croston α=%v with censored days: rate %v, want about 1", a, r)
		}
	}
}

func TestTSBFadesWhenAnItemStopsSelling(t *testing.T) {
	// Sold 2 every other day for 40 days, then nothing for 40 days.
	y := make([]float64, 80)
	for t := 0; t < 40; t += 2 {
		y[t] = 2
	}
	cr, _ := croston{}.fit(&fitData{y: y})
	ts, _ := tsb{}.fit(&fitData{y: y})
	c, s := cr.forecast(1)[0], ts.forecast(1)[0]
	if c < 0.5 {
		t.Errorf("croston rate %v: it updates only on demand, so it should still forecast about 1", c)
	}
	if s > 0.1 {
		t.Errorf("tsb rate %v after 40 days without a sale, want under 0.1", s)
	}
}

func TestWeekdayProfileIsShrunkAndNormalised(t *testing.T) {
	y := make([]float64, 56)
	for t := range y {
		if t%7 == 5 {
			y[t] = 7
		}
	}
	w := weekdayProfile(y, 0, 8)
	var sum float64
	for _, v := range w {
		sum += v
	}
	if !near(sum, 7, 1e-9) {
		t.Errorf("profile sums to %v, want 7", sum)
	}
	if w[5] <= 1.5 || w[5] >= 7 || w[0] <= 0 {
		t.Errorf("profile %v: the selling weekday should stand out, shrunk below 7, others above 0", w)
	}
}

// etsSeries generates y from a variant with known parameters and noise: each day is the
// process's own one-step forecast from the days before, plus an error of its kind.
func etsSeries(sp etsSpec, p etsParams, n int, noise float64, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	y := make([]float64, 0, n)
	for t := range n {
		st := etsState{l: p.l0, b: p.b0, s: p.s0}
		if t > 0 {
			_, _, st = sp.filter(&p, y, 0)
		}
		yhat := sp.forecast(&p, st, t, 1)[0]
		e := noise * r.NormFloat64()
		if sp.err == 'M' {
			y = append(y, yhat*(1+e))
		} else {
			y = append(y, yhat+e)
		}
	}
	return y
}

func TestETSRecoversAKnownProcess(t *testing.T) {
	week := [season]float64{0.8, 0.9, 0.9, 1.0, 1.1, 1.4, 0.9}
	tests := []struct {
		spec etsSpec
		p    etsParams
	}{
		{etsSpec{'A', 'N', 'N'}, etsParams{alpha: 0.3, phi: 1, l0: 50}},
		{etsSpec{'M', 'N', 'M'}, etsParams{alpha: 0.2, gamma: 0.1, phi: 1, l0: 40, s0: week}},
		{etsSpec{'A', 'A', 'A'}, etsParams{alpha: 0.2, beta: 0.02, gamma: 0.1, phi: 1, l0: 40, b0: 0.5, s0: [season]float64{-5, -3, 0, 0, 2, 8, -2}}},
	}
	for _, tt := range tests {
		noise := 0.03
		if tt.spec.err == 'A' {
			noise = 1
		}
		y := etsSeries(tt.spec, tt.p, 400, noise, 7)
		f, err := fitSpec(tt.spec, y, 0, nil, 2000)
		if err != nil {
			t.Fatalf("%s: %v", tt.spec, err)
		}
		if !near(f.p.alpha, tt.p.alpha, 0.1) {
			t.Errorf("%s: α = %.3f, want about %.3f", tt.spec, f.p.alpha, tt.p.alpha)
		}
		// Its first forecast equals what the true process expects next, within 5%.
		want := tt.spec.forecast(&tt.p, trueState(tt.spec, tt.p, y), len(y), 1)[0]
		if got := f.forecast(1)[0]; !near(got, want, 0.05*math.Abs(want)) {
			t.Errorf("%s: next-day forecast %.2f, the true process expects %.2f", tt.spec, got, want)
		}
	}
}

func trueState(sp etsSpec, p etsParams, y []float64) etsState {
	_, _, st := sp.filter(&p, y, 0)
	return st
}

func TestETSWithoutNoiseContinuesTrendAndSeason(t *testing.T) {
	shape := [season]float64{-3, -2, -1, 0, 1, 2, 3}
	y := make([]float64, 140)
	for t := range y {
		y[t] = 20 + 0.5*float64(t) + shape[t%season]
	}
	f, err := autoETS{}.fit(&fitData{y: y})
	if err != nil {
		t.Fatal(err)
	}
	got := f.forecast(14)
	for i, v := range got {
		want := 20 + 0.5*float64(len(y)+i) + shape[(len(y)+i)%season]
		if !near(v, want, 0.02*want) {
			t.Errorf("%s day %d: forecast %.3f, want %.3f", f.name(), i, v, want)
		}
	}
}

func TestETSSkipsCensoredDays(t *testing.T) {
	y := make([]float64, 200)
	for t := range y {
		y[t] = 10
		if t%9 == 4 {
			y[t] = nan // a stock-out: unknown, not zero
		}
	}
	f, err := autoETS{}.fit(&fitData{y: y})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range f.forecast(7) {
		if !near(v, 10, 1e-3) {
			t.Fatalf("%s forecast %v, want 10", f.name(), v)
		}
	}
}

func TestYearlyFactorsNeedTwoYearsAndAShape(t *testing.T) {
	mk := func(days int, amp float64) []float64 {
		r := rand.New(rand.NewPCG(3, 3))
		y := make([]float64, days)
		for t := range y {
			y[t] = 50*(1+amp*math.Cos(2*math.Pi*float64(t)/daysPerYear)) + 3*r.NormFloat64()
		}
		return y
	}
	if f := yearlyFactors(mk(365, 0.4), 0, 365, 400, 700); f != nil {
		t.Error("one year of history gave a yearly shape; need two")
	}
	if f := yearlyFactors(mk(800, 0), 0, 800, 830, 700); f != nil {
		t.Error("a flat year gave a yearly shape; the BIC should refuse it")
	}
	f := yearlyFactors(mk(800, 0.4), 0, 800, 830, 700)
	if f == nil {
		t.Fatal("two years with a ±40% swing gave no yearly shape")
	}
	// Day 730.5 is the peak (cos = 1), day 912 the trough: factors about 1.4 and 0.6.
	if !near(f[730], 1.4, 0.05) || !near(f[547], 0.6, 0.05) {
		t.Errorf("factors %.3f at the peak and %.3f at the trough, want about 1.4 and 0.6", f[730], f[547])
	}
}
