package forecast

import "math"

// neighbourWeeks is how far, in weeks each side, a day's baseline reaches: the same
// weekday one to three weeks before and after.
const neighbourWeeks = 3

// effects are the multiplicative day effects of promotions and regressors, estimated on
// one training window. They are measured against a centred baseline (the same weekday
// in the surrounding weeks, promotions left out) rather than against any model's fit, so
// every candidate model shares them and the base models learn from demand with the
// effects divided out.
type effects struct {
	uplift    float64     // demand on a promotion day is uplift × baseline; 1 without promotions
	promoDays int         // observed promotion days the uplift rests on
	coef      []float64   // per regressor: relative change of demand per unit of its local deviation; 0 when unused
	dev       [][]float64 // per regressor and day: its deviation from its local mean
	promo     func(int) bool
}

// localMean is the mean of v over day t's neighbours (same weekday, up to three weeks
// each side) inside [lo, hi) for which ok holds, and how many there were.
func localMean(v []float64, t, lo, hi int, ok func(int) bool) (float64, int) {
	var s float64
	var n int
	for k := -neighbourWeeks; k <= neighbourWeeks; k++ {
		u := t + k*season
		if k == 0 || u < lo || u >= hi || !ok(u) {
			continue
		}
		s += v[u]
		n++
	}
	if n == 0 {
		return 0, 0
	}
	return s / float64(n), n
}

// deviations returns each regressor minus its mean over the 21 days either side (inside
// [0, xlen)): the fast part of the signal. Its slow part (a warm summer) moves demand's
// level and yearly shape, which the base models already follow; counting it again would
// count it twice. A day without a value has no deviation (NaN), and the mean is over the
// days that have one. Prefix sums keep this linear in the length.
func deviations(regs [][]float64, xlen int) [][]float64 {
	const reach = neighbourWeeks * season
	out := make([][]float64, len(regs))
	for j, x := range regs {
		x = x[:xlen]
		pre := make([]float64, len(x)+1)
		cnt := make([]int, len(x)+1)
		for t, v := range x {
			pre[t+1], cnt[t+1] = pre[t], cnt[t]
			if !math.IsNaN(v) {
				pre[t+1] += v
				cnt[t+1]++
			}
		}
		d := make([]float64, len(x))
		for t := range x {
			d[t] = math.NaN()
			if math.IsNaN(x[t]) {
				continue
			}
			lo, hi := max(t-reach, 0), min(t+reach+1, len(x))
			if k := cnt[hi] - cnt[lo] - 1; k > 0 {
				d[t] = x[t] - (pre[hi]-pre[lo]-x[t])/float64(k)
			}
		}
		out[j] = d
	}
	return out
}

// factor is the multiplier of the base forecast on day t.
func (e *effects) factor(t int) float64 {
	f := 1.0
	for j, c := range e.coef {
		if c != 0 && !math.IsNaN(e.dev[j][t]) {
			f += c * e.dev[j][t]
		}
	}
	f = clamp(f, 0.2, 5)
	if e.promo(t) {
		f *= e.uplift
	}
	return f
}

// estimateEffects measures the promotion uplift (when usePromo) and the coefficients of
// the regressors marked in use, on the observed days of y[first:end].
func estimateEffects(y []float64, first, end int, promo func(int) bool, usePromo bool, regs [][]float64, use []bool, xlen int) effects {
	e := effects{uplift: 1, coef: make([]float64, len(regs)), promo: func(int) bool { return false }}
	if usePromo {
		e.promo = promo
	}
	plain := func(u int) bool { return !math.IsNaN(y[u]) && !promo(u) }
	base := make([]float64, end) // 0 where a day has too few neighbours to judge
	for t := first; t < end; t++ {
		if math.IsNaN(y[t]) {
			continue
		}
		if m, n := localMean(y, t, first, end, plain); n >= 2 {
			base[t] = m
		}
	}
	if usePromo {
		var sy, sb float64
		for t := first; t < end; t++ {
			if promo(t) && base[t] > 0 {
				sy += y[t]
				sb += base[t]
				e.promoDays++
			}
		}
		if e.promoDays > 0 {
			// Three pseudo-days at no uplift keep one lucky promotion day from setting it.
			prior := 3 * sb / float64(e.promoDays)
			e.uplift = (sy + prior) / (sb + prior)
		}
	}
	var idx []int
	for j := range regs {
		if j < len(use) && use[j] {
			idx = append(idx, j)
		}
	}
	if len(idx) == 0 {
		return e
	}
	e.dev = deviations(regs, xlen)
	// Weighted least squares of (y − base) on base·deviation, weight 1/base: demand's
	// variance grows with its mean, as counts' does.
	var ne normalEq
	ne.reset(len(idx))
	row := make([]float64, len(idx))
	var n int
rows:
	for t := first; t < end; t++ {
		if base[t] <= 0 || promo(t) {
			continue
		}
		for i, j := range idx {
			if math.IsNaN(e.dev[j][t]) {
				continue rows // a day a signal has no value for says nothing of its effect
			}
			row[i] = base[t] * e.dev[j][t]
		}
		ne.addW(row, y[t]-base[t], 1/math.Max(base[t], 0.5))
		n++
	}
	if n <= 2*len(idx) {
		return e
	}
	if b, _, ok := ne.solveRidge(1e-3); ok {
		for i, j := range idx {
			e.coef[j] = b[i]
		}
	}
	return e
}
