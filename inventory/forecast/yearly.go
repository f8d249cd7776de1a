package forecast

import "math"

// yearlyHarmonics is the number of Fourier pairs describing the yearly shape: three
// give a peak season, a trough and some asymmetry without fitting last year's noise.
const yearlyHarmonics = 3

const daysPerYear = 365.25

// yearlyFactors estimates a multiplicative yearly seasonality on the observed days of
// y[:end] and returns a factor for every day t < upto, or nil when the history is too
// short (fewer than minDays from the first observation) or the shape does not earn its
// parameters by the BIC. The model is a least-squares fit of y on a straight line plus
// Fourier terms of period 365.25 days; the factor of a day is (line + Fourier) / line,
// so the yearly swing grows with the level, as demand's does.
func yearlyFactors(y []float64, first, end, upto, minDays int) []float64 {
	if end-first < minDays {
		return nil
	}
	cols := 2 + 2*yearlyHarmonics
	row := make([]float64, cols)
	fill := func(t int) {
		x := float64(t-first) / daysPerYear
		row[0], row[1] = 1, x
		for k := 1; k <= yearlyHarmonics; k++ {
			a := 2 * math.Pi * float64(k) * x
			row[2*k], row[2*k+1] = math.Cos(a), math.Sin(a)
		}
	}
	var full, line normalEq
	full.reset(cols)
	line.reset(2)
	var n int
	for t := first; t < end; t++ {
		if math.IsNaN(y[t]) {
			continue
		}
		fill(t)
		full.add(row, y[t])
		line.add(row[:2], y[t])
		n++
	}
	bf, rssF, ok1 := full.solve()
	_, rssL, ok2 := line.solve()
	if !ok1 || !ok2 || n <= cols || rssF <= 0 {
		return nil
	}
	// BIC: the Fourier terms must pay for their 2K parameters.
	nf := float64(n)
	if nf*math.Log(rssF/nf)+float64(cols)*math.Log(nf) >= nf*math.Log(rssL/nf)+2*math.Log(nf) {
		return nil
	}
	out := make([]float64, upto)
	for t := range out {
		fill(t)
		base := bf[0] + bf[1]*row[1]
		if base <= 0 {
			out[t] = 1
			continue
		}
		var s float64
		for j := 2; j < cols; j++ {
			s += bf[j] * row[j]
		}
		out[t] = clamp((base+s)/base, 0.2, 5)
	}
	return out
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// normalEq accumulates the normal equations of a least-squares fit (XᵀWX, XᵀWy, yᵀWy)
// row by row, so a fit over a long history needs no design matrix in memory.
type normalEq struct {
	k   int
	xtx []float64 // k×k, row-major
	xty []float64
	yty float64
}

func (e *normalEq) reset(k int) {
	e.k = k
	e.xtx = make([]float64, k*k)
	e.xty = make([]float64, k)
	e.yty = 0
}

func (e *normalEq) add(x []float64, y float64) { e.addW(x, y, 1) }

func (e *normalEq) addW(x []float64, y, w float64) {
	for i := range e.k {
		wi := w * x[i]
		for j := range e.k {
			e.xtx[i*e.k+j] += wi * x[j]
		}
		e.xty[i] += wi * y
	}
	e.yty += w * y * y
}

// solve returns the coefficients, the residual sum of squares and whether the system
// was solvable. A tiny ridge on the diagonal keeps near-collinear columns (a regressor
// that never changes) from blowing the solution up.
func (e *normalEq) solve() ([]float64, float64, bool) { return e.solveRidge(1e-9) }

func (e *normalEq) solveRidge(lambda float64) ([]float64, float64, bool) {
	k := e.k
	a := append([]float64(nil), e.xtx...)
	for i := range k {
		a[i*k+i] += lambda * (1 + a[i*k+i])
	}
	// Cholesky: a = L·Lᵀ, in place in the lower triangle.
	for j := range k {
		d := a[j*k+j]
		for p := range j {
			d -= a[j*k+p] * a[j*k+p]
		}
		if d <= 0 {
			return nil, 0, false
		}
		d = math.Sqrt(d)
		a[j*k+j] = d
		for i := j + 1; i < k; i++ {
			s := a[i*k+j]
			for p := range j {
				s -= a[i*k+p] * a[j*k+p]
			}
			a[i*k+j] = s / d
		}
	}
	z := make([]float64, k)
	for i := range k {
		s := e.xty[i]
		for p := range i {
			s -= a[i*k+p] * z[p]
		}
		z[i] = s / a[i*k+i]
	}
	b := make([]float64, k)
	for i := k - 1; i >= 0; i-- {
		s := z[i]
		for p := i + 1; p < k; p++ {
			s -= a[p*k+i] * b[p]
		}
		b[i] = s / a[i*k+i]
	}
	// RSS = yᵀy − bᵀXᵀy for the least-squares solution.
	rss := e.yty
	for i := range k {
		rss -= b[i] * e.xty[i]
	}
	return b, math.Max(rss, 0), true
}
