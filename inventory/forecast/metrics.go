package forecast

import "math"

// Metrics is the accuracy of forecasts against what happened, over the uncensored days
// of one or more forecast windows. Censored days are left out: their sales are only a
// lower bound of demand, and scoring against them would reward forecasting stock-outs.
type Metrics struct {
	// WAPE is Σ|forecast−actual| / Σactual: the share of demand missed or overshot.
	WAPE float64 `json:"wape"`
	// MASE is the mean absolute error divided by the in-sample mean absolute error of a
	// weekly seasonal naive forecast (same weekday last week) on the history: below 1 beats
	// that naive rule on its own ground. NaN when the history has no such error to scale by.
	MASE float64 `json:"mase"`
	// Bias is Σ(forecast−actual) / Σactual: positive means forecasts run high.
	Bias float64 `json:"bias"`
	// Days is the number of days scored; Actual the demand on them.
	Days   int     `json:"days"`
	Actual float64 `json:"actual"`
}

// Score accumulates absolute and signed errors of one series' forecasts. The zero value
// is ready to use; Add any number of windows, then read Metrics.
type Score struct {
	AbsErr, Err, Actual float64
	Days                int
	Scale               float64 // in-sample seasonal naive MAE; 0 when unknown
}

// Add scores forecast f against actual y day by day; NaN actuals (censored days) are
// skipped.
func (s *Score) Add(f, y []float64) {
	for i := range min(len(f), len(y)) {
		if math.IsNaN(y[i]) {
			continue
		}
		e := f[i] - y[i]
		s.AbsErr += math.Abs(e)
		s.Err += e
		s.Actual += y[i]
		s.Days++
	}
}

// Metrics returns the accumulated accuracy.
func (s *Score) Metrics() Metrics {
	m := Metrics{Days: s.Days, Actual: s.Actual, WAPE: ratio(s.AbsErr, s.Actual), Bias: ratio(s.Err, s.Actual), MASE: math.NaN()}
	if s.Scale > 0 && s.Days > 0 {
		m.MASE = s.AbsErr / float64(s.Days) / s.Scale
	}
	return m
}

// ratio divides, answering 0 for 0/0 (no demand, no error: perfect) and +Inf for an
// error on no demand at all.
func ratio(num, den float64) float64 {
	if den == 0 {
		if num == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return num / den
}

// Total combines per-series scores: WAPE and bias over all demand (so big sellers weigh
// more, as they do in stock), MASE as the mean of the series' MASE (each series counts
// once, as in the M competitions), leaving out series without a scale.
func Total(scores []Score) Metrics {
	var all Score
	var mase float64
	var nm int
	for _, s := range scores {
		all.AbsErr += s.AbsErr
		all.Err += s.Err
		all.Actual += s.Actual
		all.Days += s.Days
		if m := s.Metrics(); !math.IsNaN(m.MASE) {
			mase += m.MASE
			nm++
		}
	}
	m := all.Metrics()
	if nm > 0 {
		m.MASE = mase / float64(nm)
	}
	return m
}

// naiveScale is the in-sample mean absolute error of the weekly seasonal naive forecast,
// over day pairs a week apart that are both observed; 0 when there are none or all agree.
func naiveScale(y []float64) float64 {
	var sum float64
	var n int
	for t := season; t < len(y); t++ {
		if math.IsNaN(y[t]) || math.IsNaN(y[t-season]) {
			continue
		}
		sum += math.Abs(y[t] - y[t-season])
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
