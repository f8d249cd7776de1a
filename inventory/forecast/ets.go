package forecast

import (
	"fmt"
	"math"
)

// etsSpec is one exponential smoothing variant in the ETS taxonomy of Hyndman et al.
// (Forecasting with Exponential Smoothing, 2008): error A(dditive) or M(ultiplicative),
// trend N(one), A(dditive) or D (additive damped), season N, A or M with a weekly period.
type etsSpec struct{ err, trend, seas byte }

func (s etsSpec) String() string {
	t := string(s.trend)
	if s.trend == 'D' {
		t = "Ad"
	}
	return fmt.Sprintf("ets(%c,%s,%c)", s.err, t, s.seas)
}

// etsParams are a variant's smoothing parameters and initial states. The seasonal states
// are indexed by position in the week (day index mod 7), not by lag, so a missing day
// needs no bookkeeping.
type etsParams struct {
	alpha, beta, gamma, phi float64
	l0, b0                  float64
	s0                      [season]float64
}

// etsState is where the recursion stands after the last day of history.
type etsState struct {
	l, b float64
	s    [season]float64
}

// admissible keeps parameters in the usual region (0<β<α<1, 0<γ<1−α, 0.8≤φ≤0.98), the
// one forecast::ets and statsforecast search: outside it forecasts can explode.
func (sp etsSpec) admissible(p *etsParams) bool {
	const eps = 1e-4
	if p.alpha < eps || p.alpha > 1-eps {
		return false
	}
	if sp.trend != 'N' && (p.beta < eps || p.beta > p.alpha) {
		return false
	}
	if sp.seas != 'N' && (p.gamma < eps || p.gamma > 1-p.alpha) {
		return false
	}
	if sp.trend == 'D' && (p.phi < 0.8 || p.phi > 0.98) {
		return false
	}
	return true
}

// filter runs the recursion over y (NaN days are missing: states move on as if the error
// were zero) and returns the criterion minimised in fitting, the number of observed days
// and the final state. The criterion is −2·log-likelihood up to a constant:
// n·log(SSE/n), plus 2·Σlog|ŷ| for multiplicative errors. An inadmissible path (a
// non-positive prediction under a multiplicative part) gives +Inf.
func (sp etsSpec) filter(p *etsParams, y []float64, first int) (crit float64, n int, st etsState) {
	l, b := p.l0, p.b0
	s := p.s0
	phi := 1.0
	if sp.trend == 'D' {
		phi = p.phi
	}
	if sp.trend == 'N' {
		b = 0
	}
	var sse, logs float64
	// Σlog ŷ as the log of a running product, flushed every 16 days or as soon as it
	// passes 1e±150: one logarithm per day took a fifth of all fitting time. Demand fits
	// in a Qty (under 1e13), so one more factor cannot overflow a flushed product.
	prod, inProd := 1.0, 0
	for t := first; t < len(y); t++ {
		w := t % season
		lb := l + phi*b
		yhat := lb
		switch sp.seas {
		case 'A':
			yhat += s[w]
		case 'M':
			yhat *= s[w]
		}
		if math.IsNaN(y[t]) {
			l, b = lb, phi*b
			continue
		}
		var e, q float64 // error on its own scale; q is the scale multiplying α, β, γ
		if sp.err == 'A' {
			e = y[t] - yhat
			sse += e * e
		} else {
			if yhat <= 0 {
				return math.Inf(1), 0, st
			}
			e = (y[t] - yhat) / yhat
			sse += e * e
			prod *= yhat
			if inProd++; inProd == 16 || prod > 1e150 || prod < 1e-150 {
				logs += math.Log(prod)
				prod, inProd = 1, 0
			}
		}
		switch {
		case sp.err == 'A' && sp.seas != 'M':
			q = 1
		case sp.seas == 'M': // M error, M season: relative updates
			l = lb * (1 + p.alpha*e)
			b = phi*b + p.beta*lb*e
			s[w] *= 1 + p.gamma*e
			if l <= 0 || s[w] <= 0 {
				return math.Inf(1), 0, st
			}
			n++
			continue
		default: // M error, additive or no season
			q = yhat
		}
		l = lb + p.alpha*q*e
		b = phi*b + p.beta*q*e
		s[w] += p.gamma * q * e
		n++
	}
	if n == 0 {
		return math.Inf(1), 0, st
	}
	if sse == 0 {
		sse = 1e-300 // a perfect fit; keep the logarithm finite
	}
	crit = float64(n) * math.Log(sse/float64(n))
	if sp.err == 'M' {
		crit += 2 * (logs + math.Log(prod))
	}
	return crit, n, etsState{l: l, b: b, s: s}
}

// forecast continues the recursion h days past day `end` with no errors: the point
// forecast of the variant.
func (sp etsSpec) forecast(p *etsParams, st etsState, end, h int) []float64 {
	out := make([]float64, h)
	l, b := st.l, st.b
	phi := 1.0
	if sp.trend == 'D' {
		phi = p.phi
	}
	if sp.trend == 'N' {
		b = 0
	}
	for i := range out {
		w := (end + i) % season
		l, b = l+phi*b, phi*b
		switch sp.seas {
		case 'A':
			out[i] = l + st.s[w]
		case 'M':
			out[i] = l * st.s[w]
		default:
			out[i] = l
		}
	}
	return out
}

// vector packs the parameters the optimiser moves; the seasonal states stay at their
// initial estimate (from the whole history's weekday profile) to keep the search small.
func (sp etsSpec) vector(p *etsParams) []float64 {
	v := []float64{p.alpha, p.l0}
	if sp.trend != 'N' {
		v = append(v, p.beta, p.b0)
	}
	if sp.seas != 'N' {
		v = append(v, p.gamma)
	}
	if sp.trend == 'D' {
		v = append(v, p.phi)
	}
	return v
}

func (sp etsSpec) unpack(v []float64, p *etsParams) {
	p.alpha, p.l0 = v[0], v[1]
	i := 2
	if sp.trend != 'N' {
		p.beta, p.b0 = v[i], v[i+1]
		i += 2
	}
	if sp.seas != 'N' {
		p.gamma = v[i]
		i++
	}
	if sp.trend == 'D' {
		p.phi = v[i]
	}
}

// nParams counts what the variant estimates, for the AICc: the optimised parameters, the
// six free seasonal states (estimated from the data, if not by the optimiser) and σ.
func (sp etsSpec) nParams() int {
	k := len(sp.vector(&etsParams{})) + 1
	if sp.seas != 'N' {
		k += season - 1
	}
	return k
}
