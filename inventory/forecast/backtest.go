package forecast

import "math"

// model is a forecasting method: it fits on a window's adjusted demand. Errors mean the
// method cannot be used on this history (too short, all zero); selection skips it.
type model interface {
	name() string
	fit(d *fitData) (fitted, error)
}

// fitted is a model fitted on one window, ready to forecast the days after it.
type fitted interface {
	name() string // the variant, e.g. ets(M,Ad,M)
	forecast(h int) []float64
	params() map[string]float64
}

// pinner is a model that makes choices on the whole history (a variant, a warm start)
// and refits cheaply with those choices at each backtest origin.
type pinner interface {
	pin(f fitted) model
}

// fitData is what a model sees: demand with promotions, regressor effects and yearly
// seasonality divided out, NaN on censored days and before the first sale. first is the
// first day worth fitting from.
type fitData struct {
	y     []float64
	first int
}

// prepared is a series turned into model inputs once.
type prepared struct {
	raw   []float64   // history, NaN on censored days and before the first sale
	first int         // the first sale
	regs  [][]float64 // NaN where not known, padded to the longest window's end
	names []string    // of the regressors
	// lead is, per regressor, how many days past the history its values reach (negative
	// when they stop before it ends). A backtest origin o sees values only before
	// o+lead: as much foresight as the forecast itself has.
	lead  []int
	promo func(int) bool
	// promoName is the promotion calendar's effect name.
	promoName string
	cfg       *Config
}

func prepare(s *Series, cfg *Config) *prepared {
	p := &prepared{raw: s.values(), cfg: cfg, promo: s.IsPromo, promoName: s.PromoName}
	if p.promoName == "" {
		p.promoName = "promotion"
	}
	// Before a product's first sale it was most likely not listed: unknown, not zero.
	p.first = len(p.raw)
	for t, v := range p.raw {
		if !math.IsNaN(v) && v > 0 {
			p.first = t
			break
		}
	}
	for t := range p.first {
		p.raw[t] = math.NaN()
	}
	span := len(p.raw) + max(cfg.Horizon, cfg.Backtest.Horizon)
	for _, r := range s.Regressors {
		x := make([]float64, span)
		for t := range x {
			x[t] = math.NaN()
			if r.known(t) {
				x[t] = r.Values[t]
			}
		}
		p.regs = append(p.regs, x)
		p.names = append(p.names, r.Name)
		p.lead = append(p.lead, r.lastKnown()+1-len(p.raw))
	}
	return p
}

// observed counts the observed days of raw[first:end].
func (p *prepared) observed(end int) int {
	n := 0
	for t := p.first; t < end; t++ {
		if !math.IsNaN(p.raw[t]) {
			n++
		}
	}
	return n
}

// window is a training window ending at an origin, with the multipliers its forecast
// days get back.
type window struct {
	origin, h int
	fit       fitData
	mult      []float64 // per forecast day: promotion × regressors × yearly
	eff       effects
	yearly    bool
}

// window builds the training window y[:o] for forecasts of days o..o+h−1, estimating the
// effects in use and the yearly shape on that window only: nothing from after the origin
// reaches the model except what a planner knows then (promotions, regressor values).
func (p *prepared) window(o, h int, usePromo bool, use []bool) *window {
	eff := estimateEffects(p.raw, p.first, o, p.promo, usePromo, p.regsAt(o, h), use, o+h)
	adj := make([]float64, o)
	for t := range adj {
		adj[t] = p.raw[t]
		if t >= p.first && !math.IsNaN(adj[t]) {
			adj[t] /= eff.factor(t)
		}
	}
	yf := yearlyFactors(adj, p.first, o, o+h, p.cfg.YearlyMinDays)
	if yf != nil {
		for t := p.first; t < o; t++ {
			adj[t] /= yf[t]
		}
	}
	w := &window{origin: o, h: h, fit: fitData{y: adj, first: p.first}, eff: eff, yearly: yf != nil}
	w.mult = make([]float64, h)
	for i := range w.mult {
		w.mult[i] = eff.factor(o + i)
		if yf != nil {
			w.mult[i] *= yf[o+i]
		}
	}
	return w
}

// regsAt is the regressors as known at origin o: values from o+lead on are hidden, so
// a signal that stops at the end of the history helps a backtest no more than it can
// help the forecast.
func (p *prepared) regsAt(o, h int) [][]float64 {
	out := make([][]float64, len(p.regs))
	for j, x := range p.regs {
		out[j] = x[:o+h]
		if cut := o + p.lead[j]; cut < o+h {
			y := append([]float64(nil), x[:o+h]...)
			for t := max(cut, 0); t < len(y); t++ {
				y[t] = math.NaN()
			}
			out[j] = y
		}
	}
	return out
}

// predict fits m on w and returns its forecast with the multipliers applied, never
// below zero (demand is not negative, though an additive model may dip there).
func (w *window) predict(m model) ([]float64, fitted, error) {
	f, err := m.fit(&w.fit)
	if err != nil {
		return nil, nil, err
	}
	out := f.forecast(w.h)
	for i := range out {
		out[i] = math.Max(out[i]*w.mult[i], 0)
	}
	return out, f, nil
}

// origins returns the backtest origins, oldest first: the last one leaves exactly the
// backtest horizon after it, the others step back from there. Origins whose training
// part has fewer than MinDays observed days are dropped.
func (p *prepared) origins(n int) []int {
	b := p.cfg.Backtest
	var out []int
	for k := b.Origins - 1; k >= 0; k-- {
		o := n - b.Horizon - k*b.Step
		if o > p.first && p.observed(o) >= p.cfg.MinDays {
			out = append(out, o)
		}
	}
	return out
}

// backtest scores each model over the windows against the recorded demand after each
// origin. A model that cannot be fitted at some origin gets a nil score.
func (p *prepared) backtest(models []model, wins []*window, scale float64) []*Score {
	out := make([]*Score, len(models))
	for i, m := range models {
		sc := &Score{Scale: scale}
		for _, w := range wins {
			f, _, err := w.predict(m)
			if err != nil {
				sc = nil
				break
			}
			sc.Add(f, p.raw[w.origin:w.origin+w.h])
		}
		out[i] = sc
	}
	return out
}

// baseline scores the plain seasonal naive forecast (last week's sales of the same
// weekday, effects and yearly shape left alone) at the origins: the yardstick the issue
// asks every forecast to be shown beside.
func (p *prepared) baseline(origins []int, scale float64) Score {
	h := p.cfg.Backtest.Horizon
	sc := Score{Scale: scale}
	for _, o := range origins {
		f, _ := seasonalNaive{}.fit(&fitData{y: p.raw[:o], first: p.first})
		sc.Add(f.forecast(h), p.raw[o:o+h])
	}
	return sc
}
