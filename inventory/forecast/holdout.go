package forecast

import "math"

// Split cuts the last h days off a series for an out-of-sample test: it returns the
// training part (promotions and regressors still reach into the cut days, as a planner
// would know them) and the actual sales of the cut days, NaN where censored, ready for
// [Score.Add].
func Split(s *Series, h int) (Series, []float64) {
	n := s.Len() - h
	train := s.Truncate(n)
	actual := make([]float64, h)
	for i := range actual {
		actual[i] = qtyFloat(s.Sales[n+i])
		if s.IsCensored(n + i) {
			actual[i] = math.NaN()
		}
	}
	return train, actual
}

// Plain returns the series with only its sales: no stock-out marks, promotions or
// regressors. It is what a general-purpose forecasting library is given, so comparing
// on Plain series compares the models alone.
func (s *Series) Plain() Series {
	return Series{Key: s.Key, Start: s.Start, Sales: append(s.Sales[:0:0], s.Sales...)}
}

// SeasonalNaive is the baseline forecast of s for h days: each day as the same weekday
// last week (reaching further back past censored days).
func SeasonalNaive(s *Series, h int) []float64 {
	p := prepare(s, &Config{})
	f, _ := seasonalNaive{}.fit(&fitData{y: p.raw, first: p.first})
	return f.forecast(h)
}

// Scale is the in-sample mean absolute error of the seasonal naive forecast on s's
// history, the denominator of MASE; 0 when undefined.
func Scale(s *Series) float64 { return naiveScale(prepare(s, &Config{}).raw) }

// Holdout is a set of series' held-out days to score forecasts on: the actual sales
// (NaN where censored), each series' MASE scale and a group name (such as the demand
// class) for sub-totals, all indexed like the series.
type Holdout struct {
	Actual [][]float64
	Scale  []float64
	Group  []string
}

// Evaluation is one method's accuracy on a [Holdout], beside the baseline's.
type Evaluation struct {
	Total Metrics `json:"total"`
	// Beats counts the series on which the method's absolute error is below the
	// baseline's, out of Series.
	Beats  int                `json:"beatsBaseline"`
	Series int                `json:"series"`
	Groups map[string]Metrics `json:"groups"`
}

// Evaluate scores forecasts (indexed like the holdout's series) against the actuals,
// counting the series where they beat the baseline's forecasts.
func (h *Holdout) Evaluate(forecasts, baseline [][]float64) Evaluation {
	ev := Evaluation{Series: len(h.Actual), Groups: map[string]Metrics{}}
	all := make([]Score, len(h.Actual))
	groups := map[string][]Score{}
	for i, y := range h.Actual {
		s := Score{Scale: h.Scale[i]}
		s.Add(forecasts[i], y)
		b := Score{Scale: h.Scale[i]}
		b.Add(baseline[i], y)
		if s.AbsErr < b.AbsErr {
			ev.Beats++
		}
		all[i] = s
		if i < len(h.Group) {
			groups[h.Group[i]] = append(groups[h.Group[i]], s)
		}
	}
	ev.Total = Total(all)
	for g, ss := range groups {
		ev.Groups[g] = Total(ss)
	}
	return ev
}
