package forecast

import (
	"fmt"
	"math"
)

// Demand classes of Syntetos, Boylan and Croston (2005), by the average inter-demand
// interval (ADI, in observed days) and the squared coefficient of variation of the
// non-zero sizes (CV²), with their cut-offs 1.32 and 0.49.
const (
	ClassSmooth       = "smooth"       // regular and steady: exponential smoothing
	ClassErratic      = "erratic"      // regular, sizes vary a lot
	ClassIntermittent = "intermittent" // many days without demand, steady sizes
	ClassLumpy        = "lumpy"        // many days without demand, sizes vary a lot
	ClassNone         = "no-demand"    // no observed demand at all
)

const (
	adiCut = 1.32
	cv2Cut = 0.49
)

// classify returns the demand class of y's observed days and its ADI and CV².
func classify(y []float64) (class string, adi, cv2 float64) {
	var obs, nz int
	var sum, sum2 float64
	for _, v := range y {
		if math.IsNaN(v) {
			continue
		}
		obs++
		if v > 0 {
			nz++
			sum += v
			sum2 += v * v
		}
	}
	if nz == 0 {
		return ClassNone, math.Inf(1), 0
	}
	adi = float64(obs) / float64(nz)
	mean := sum / float64(nz)
	cv2 = math.Max(sum2/float64(nz)-mean*mean, 0) / (mean * mean)
	switch {
	case adi < adiCut && cv2 < cv2Cut:
		class = ClassSmooth
	case adi < adiCut:
		class = ClassErratic
	case cv2 < cv2Cut:
		class = ClassIntermittent
	default:
		class = ClassLumpy
	}
	return class, adi, cv2
}

// intermittentGrid are the smoothing constants tried; demand that arrives rarely is
// smoothed slowly, so the grid leans low, as the literature's 0.05–0.3 does.
var intermittentGrid = []float64{0.05, 0.1, 0.15, 0.2, 0.3}

// croston forecasts a rate: smoothed non-zero size over smoothed interval between
// demands (Croston 1972), both updated only when demand occurs. sba multiplies by
// (1−α/2), the Syntetos-Boylan correction of Croston's known upward bias. α is chosen by
// the smallest in-sample one-step squared error.
type croston struct{ sba bool }

func (m croston) name() string {
	if m.sba {
		return "sba"
	}
	return "croston"
}

type rateFit struct {
	label  string
	rate   float64
	par    map[string]float64
	weekly *[season]float64 // weekday profile multiplied in, or nil
	end    int
}

func (f *rateFit) name() string { return f.label }

func (f *rateFit) forecast(h int) []float64 {
	out := make([]float64, h)
	for i := range out {
		out[i] = f.rate
		if f.weekly != nil {
			out[i] *= f.weekly[(f.end+i)%season]
		}
	}
	return out
}

func (f *rateFit) params() map[string]float64 { return f.par }

func (m croston) fit(d *fitData) (fitted, error) {
	best, bestErr := 0.0, math.Inf(1)
	var bestRate float64
	for _, a := range intermittentGrid {
		rate, sse, ok := crostonRun(d.y, d.first, a, m.sba)
		if !ok {
			return nil, errTooShort
		}
		if sse < bestErr {
			best, bestErr, bestRate = a, sse, rate
		}
	}
	return &rateFit{label: m.name(), rate: bestRate, par: map[string]float64{"alpha": best}, end: len(d.y)}, nil
}

// crostonRun runs Croston's recursion with constant a over the observed days of y and
// returns the final rate and the one-step squared error. Censored days are skipped: they
// are neither a demand nor a day without one.
func crostonRun(y []float64, first int, a float64, sba bool) (rate, sse float64, ok bool) {
	var z, p float64
	q := 0.0 // observed days since the last demand
	started := false
	corr := 1.0
	if sba {
		corr = 1 - a/2
	}
	for t := first; t < len(y); t++ {
		if math.IsNaN(y[t]) {
			continue
		}
		q++
		if started {
			e := y[t] - corr*z/p
			sse += e * e
		}
		if y[t] > 0 {
			if !started {
				z, p, started = y[t], q, true
			} else {
				z += a * (y[t] - z)
				p += a * (q - p)
			}
			q = 0
		}
	}
	if !started {
		return 0, 0, false
	}
	return corr * z / p, sse, true
}

// tsb is Teunter, Syntetos and Babai's method (2011): it smooths the probability of a
// demand every day (so an item that stopped selling fades out, which Croston never
// does) and the non-zero size on demand days; forecast = probability × size. With weekly
// set, a shrunk weekday profile of the history multiplies the forecast.
type tsb struct{ weekly bool }

func (m tsb) name() string {
	if m.weekly {
		return "tsb-weekly"
	}
	return "tsb"
}

func (m tsb) fit(d *fitData) (fitted, error) {
	var bestA, bestB, bestRate float64
	bestErr := math.Inf(1)
	for _, a := range intermittentGrid {
		for _, b := range intermittentGrid {
			rate, sse, ok := tsbRun(d.y, d.first, a, b)
			if !ok {
				return nil, errTooShort
			}
			if sse < bestErr {
				bestA, bestB, bestErr, bestRate = a, b, sse, rate
			}
		}
	}
	f := &rateFit{label: m.name(), rate: bestRate, par: map[string]float64{"alphaSize": bestA, "alphaProb": bestB}, end: len(d.y)}
	if m.weekly {
		w := weekdayProfile(d.y, d.first, 8)
		f.weekly = &w
	}
	return f, nil
}

// tsbRun runs TSB with size constant a and probability constant b; see crostonRun.
func tsbRun(y []float64, first int, a, b float64) (rate, sse float64, ok bool) {
	// Start from the first eight observed weeks' share of demand days and mean size.
	var obs, nz int
	var sum float64
	for t := first; t < len(y) && obs < 8*season; t++ {
		if math.IsNaN(y[t]) {
			continue
		}
		obs++
		if y[t] > 0 {
			nz++
			sum += y[t]
		}
	}
	if obs == 0 {
		return 0, 0, false
	}
	p := float64(nz) / float64(obs)
	z := 0.0
	if nz > 0 {
		z = sum / float64(nz)
	}
	for t := first; t < len(y); t++ {
		if math.IsNaN(y[t]) {
			continue
		}
		e := y[t] - p*z
		sse += e * e
		if y[t] > 0 {
			p += b * (1 - p)
			if z == 0 {
				z = y[t]
			} else {
				z += a * (y[t] - z)
			}
		} else {
			p -= b * p
		}
	}
	return p * z, sse, true
}

// weekdayProfile is each weekday position's mean demand relative to the overall mean,
// over the last `weeks` weeks, shrunk towards 1 by ten pseudo-days so that a weekday seen
// twice with a sale does not get a wild factor.
func weekdayProfile(y []float64, first, weeks int) [season]float64 {
	var sum [season]float64
	var cnt [season]float64
	var all, n float64
	for t := len(y) - 1; t >= first && t >= len(y)-weeks*season; t-- {
		if math.IsNaN(y[t]) {
			continue
		}
		sum[t%season] += y[t]
		cnt[t%season]++
		all += y[t]
		n++
	}
	var w [season]float64
	for i := range w {
		w[i] = 1
	}
	if all == 0 {
		return w
	}
	mean := all / n
	const prior = 10.0
	var norm float64
	for i := range w {
		w[i] = (sum[i] + prior*mean) / (cnt[i] + prior) / mean
		norm += w[i]
	}
	for i := range w {
		w[i] *= season / norm
	}
	return w
}

// describeClass is the class with its measures, for a forecast's inputs.
func describeClass(class string, adi, cv2 float64) string {
	return fmt.Sprintf("%s (ADI %.2f, CV² %.2f)", class, adi, cv2)
}

// DemandClass is a series' Syntetos-Boylan class with the measures behind it.
type DemandClass struct {
	Class string  `json:"class"`
	ADI   float64 `json:"adi"` // observed days per day with demand
	CV2   float64 `json:"cv2"` // squared coefficient of variation of non-zero demand
}

// Intermittent reports whether demand comes on few days (ADI at or above 1.32), where
// Croston-type methods are meant to be used.
func (c DemandClass) Intermittent() bool {
	return c.Class == ClassIntermittent || c.Class == ClassLumpy
}

// Classify returns the demand class of s's observed days from its first sale on.
func Classify(s *Series) DemandClass {
	p := prepare(s, &Config{})
	class, adi, cv2 := classify(p.raw[min(p.first, len(p.raw)):])
	return DemandClass{Class: class, ADI: adi, CV2: cv2}
}
