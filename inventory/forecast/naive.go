package forecast

import "math"

// season is the weekly period, in days, of every seasonal model here.
const season = 7

// seasonalNaive forecasts each day as the last observed same weekday: demand next Monday
// is demand last Monday. It is the baseline every other model must beat. A censored
// weekday reaches back another week; a weekday never observed takes the mean of the
// last observed week days, or 0 for a series with no observation at all.
type seasonalNaive struct{}

func (seasonalNaive) name() string { return "seasonal-naive" }

func (seasonalNaive) fit(d *fitData) (fitted, error) {
	n := len(d.y)
	last := make([]float64, season) // by position t mod season
	var sum float64
	var cnt int
	for w := range season {
		last[w] = math.NaN()
	}
	for t := n - 1; t >= 0 && t >= n-8*season; t-- {
		if math.IsNaN(d.y[t]) {
			continue
		}
		if w := t % season; math.IsNaN(last[w]) {
			last[w] = d.y[t]
			sum += d.y[t]
			cnt++
		}
	}
	fill := 0.0
	if cnt > 0 {
		fill = sum / float64(cnt)
	}
	for w := range season {
		if math.IsNaN(last[w]) {
			last[w] = fill
		}
	}
	return &naiveFit{label: "seasonal-naive", n: n, last: last}, nil
}

// naiveFit forecasts a fixed value per weekday position.
type naiveFit struct {
	label string
	n     int
	last  []float64
}

func (f *naiveFit) name() string { return f.label }

func (f *naiveFit) forecast(h int) []float64 {
	out := make([]float64, h)
	for i := range out {
		out[i] = f.last[(f.n+i)%season]
	}
	return out
}

func (f *naiveFit) params() map[string]float64 { return nil }

// seasonalMean forecasts each weekday as the mean of its last `weeks` observations: a
// seasonal naive forecast with its noise averaged out, robust and cheap.
type seasonalMean struct{ weeks int }

func (m seasonalMean) name() string { return "seasonal-mean" }

func (m seasonalMean) fit(d *fitData) (fitted, error) {
	n := len(d.y)
	sum := make([]float64, season)
	cnt := make([]int, season)
	var all float64
	var nall int
	for t := n - 1; t >= 0 && t >= n-m.weeks*season; t-- {
		if math.IsNaN(d.y[t]) {
			continue
		}
		sum[t%season] += d.y[t]
		cnt[t%season]++
		all += d.y[t]
		nall++
	}
	last := make([]float64, season)
	for w := range season {
		switch {
		case cnt[w] > 0:
			last[w] = sum[w] / float64(cnt[w])
		case nall > 0:
			last[w] = all / float64(nall)
		}
	}
	return &naiveFit{label: "seasonal-mean", n: n, last: last}, nil
}
