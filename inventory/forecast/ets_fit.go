package forecast

import (
	"errors"
	"math"
)

// errTooShort is returned by a model that cannot be fitted on so little history; the
// selection then leaves it out.
var errTooShort = errors.New("history too short for this model")

// etsInit estimates starting values for a variant from the data: the seasonal states
// from the weekday profile of the whole history (many weeks, so little noise), the level
// and trend from the first four observed weeks with that profile taken out.
func (sp etsSpec) init(y []float64, first int) (etsParams, bool) {
	p := etsParams{alpha: 0.1, phi: 0.97}
	if sp.trend != 'N' {
		p.beta = 0.01
	}
	if sp.seas != 'N' {
		p.gamma = 0.05
	}
	var sum [season]float64
	var cnt [season]int
	var all float64
	var n int
	for t := first; t < len(y); t++ {
		if !math.IsNaN(y[t]) {
			sum[t%season] += y[t]
			cnt[t%season]++
			all += y[t]
			n++
		}
	}
	if n < 2*season {
		return p, false
	}
	mean := all / float64(n)
	for w := range season {
		wm := mean
		if cnt[w] > 0 {
			wm = sum[w] / float64(cnt[w])
		}
		switch sp.seas {
		case 'A':
			p.s0[w] = wm - mean
		case 'M':
			if mean <= 0 {
				return p, false
			}
			p.s0[w] = math.Max(wm/mean, 0.05)
		}
	}
	// Level from the first weeks; trend from how the second fortnight differs.
	var a, na, b, nb float64
	for t := first; t < len(y) && t < first+4*season; t++ {
		if math.IsNaN(y[t]) {
			continue
		}
		v := y[t]
		switch sp.seas {
		case 'A':
			v -= p.s0[t%season]
		case 'M':
			v /= p.s0[t%season]
		}
		if t < first+2*season {
			a += v
			na++
		} else {
			b += v
			nb++
		}
	}
	if na == 0 {
		return p, false
	}
	p.l0 = a / na
	if sp.trend != 'N' && nb > 0 {
		p.b0 = (b/nb - p.l0) / (2 * season)
	}
	if sp.err == 'M' && p.l0 <= 0 {
		return p, false
	}
	return p, true
}

// etsFit is a fitted variant.
type etsFit struct {
	spec  etsSpec
	p     etsParams
	st    etsState
	end   int
	crit  float64
	nobs  int
	aicc  float64
	scale float64 // typical magnitude of y, for the optimiser's steps
}

func (f *etsFit) name() string { return f.spec.String() }

func (f *etsFit) forecast(h int) []float64 { return f.spec.forecast(&f.p, f.st, f.end, h) }

func (f *etsFit) params() map[string]float64 {
	m := map[string]float64{"alpha": f.p.alpha, "level0": f.p.l0, "aicc": f.aicc}
	if f.spec.trend != 'N' {
		m["beta"], m["trend0"] = f.p.beta, f.p.b0
	}
	if f.spec.seas != 'N' {
		m["gamma"] = f.p.gamma
	}
	if f.spec.trend == 'D' {
		m["phi"] = f.p.phi
	}
	return m
}

// fitSpec fits one variant by minimising its criterion with Nelder-Mead from start
// (the data's initial estimates, or a previous fit's parameters to warm-start a refit).
func fitSpec(sp etsSpec, y []float64, first int, start *etsParams, maxEval int) (*etsFit, error) {
	p, ok := sp.init(y, first)
	if !ok {
		return nil, errTooShort
	}
	if start != nil {
		s0 := p.s0
		p = *start
		p.s0 = s0
	}
	scale := math.Max(math.Abs(p.l0), 1e-3)
	x0 := sp.vector(&p)
	step := make([]float64, len(x0))
	step[0], step[1] = 0.1, 0.1*scale
	i := 2
	if sp.trend != 'N' {
		step[i], step[i+1] = 0.02, 0.01*scale
		x0[i] = math.Min(x0[i], 0.5*x0[0]) // start strictly inside β<α
		i += 2
	}
	if sp.seas != 'N' {
		step[i] = 0.05
		i++
	}
	if sp.trend == 'D' {
		step[i] = 0.02
	}
	if start != nil {
		for j := range step {
			step[j] *= 0.3 // a warm start is near its optimum already
		}
	}
	var q etsParams
	q.s0 = p.s0
	obj := func(v []float64) float64 {
		sp.unpack(v, &q)
		if !sp.admissible(&q) {
			return math.Inf(1)
		}
		c, _, _ := sp.filter(&q, y, first)
		return c
	}
	if math.IsInf(obj(x0), 1) {
		return nil, errTooShort
	}
	best, _ := nelderMead(obj, x0, step, 1e-7, maxEval)
	sp.unpack(best, &p)
	crit, n, st := sp.filter(&p, y, first)
	if math.IsInf(crit, 1) || n == 0 {
		return nil, errTooShort
	}
	k := float64(sp.nParams())
	aicc := crit + 2*k
	if nf := float64(n); nf-k-1 > 0 {
		aicc += 2 * k * (k + 1) / (nf - k - 1)
	} else {
		aicc = math.Inf(1)
	}
	return &etsFit{spec: sp, p: p, st: st, end: len(y), crit: crit, nobs: n, aicc: aicc, scale: scale}, nil
}

// autoETS fits every admissible variant and keeps the one with the lowest AICc, as
// forecast::ets and statsforecast's AutoETS do. Multiplicative error or season needs
// strictly positive demand; additive error with multiplicative season is left out
// (numerically unstable), as is multiplicative trend (it extrapolates explosively).
type autoETS struct {
	// pinned, when set, skips the search: a backtest refits the variant chosen on the
	// whole history, warm-started from its parameters there.
	pinned *etsFit
}

func (m autoETS) name() string {
	if m.pinned != nil {
		return m.pinned.spec.String()
	}
	return "ets"
}

// etsMaxEval bounds the optimiser's work per variant; fits converge well before.
const etsMaxEval = 400

func (m autoETS) fit(d *fitData) (fitted, error) {
	y, first := d.y, d.first
	if m.pinned != nil {
		return fitSpec(m.pinned.spec, y, first, &m.pinned.p, etsMaxEval/2)
	}
	positive := true
	for t := first; t < len(y); t++ {
		if !math.IsNaN(y[t]) && y[t] <= 0 {
			positive = false
			break
		}
	}
	var best *etsFit
	for _, e := range []byte{'A', 'M'} {
		for _, tr := range []byte{'N', 'A', 'D'} {
			for _, s := range []byte{'N', 'A', 'M'} {
				if (e == 'M' || s == 'M') && !positive || e == 'A' && s == 'M' {
					continue
				}
				f, err := fitSpec(etsSpec{e, tr, s}, y, first, nil, etsMaxEval)
				if err != nil {
					continue
				}
				if best == nil || f.aicc < best.aicc {
					best = f
				}
			}
		}
	}
	if best == nil {
		return nil, errTooShort
	}
	return best, nil
}

// pin returns the model a backtest origin refits: the same variant, warm-started.
func (m autoETS) pin(f fitted) model {
	if ef, ok := f.(*etsFit); ok {
		return autoETS{pinned: ef}
	}
	return m
}
