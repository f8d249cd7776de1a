// Package simdemand generates daily demand with a known truth, to test and benchmark
// forecasting: products at locations whose expected demand has a level, a trend, a
// weekly and a yearly shape, promotions and a temperature effect; some sell rarely
// (intermittent); stock-outs cut sales below demand on some days, which are marked
// censored as a store's ledger would show them (stock at zero).
//
// Every series keeps its true expected demand per day, so a forecast can be scored
// against what demand really was, not only against what happened to sell. The same seed
// gives the same series.
package simdemand

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

// Config describes the simulated assortment.
type Config struct {
	Seed   uint64
	Series int       // product × location series; default 60
	Days   int       // days generated, history and test alike; default 1095 (three years)
	Start  time.Time // first day; default 2023-01-02 (a Monday)
	// IntermittentShare is the share of series that sell on few days; default 0.3.
	IntermittentShare float64
	// PromosPerYear is the number of promotions (3 to 7 days each) per series; default 6.
	PromosPerYear float64
	// StockoutsPerYear is the number of stock-outs (1 to 6 days each) per series; default 4.
	StockoutsPerYear float64
	// TemperatureShare is the share of series whose demand follows the temperature (cold
	// drinks); every series carries the temperature as a regressor. Default 0.3.
	TemperatureShare float64
}

// DefaultConfig is the assortment the tests and `seam bench forecast` use.
func DefaultConfig() Config {
	return Config{Seed: 1, Series: 60, Days: 1095, Start: time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC),
		IntermittentShare: 0.3, PromosPerYear: 6, StockoutsPerYear: 4, TemperatureShare: 0.3}
}

// Series is a simulated series with its truth.
type Series struct {
	forecast.Series
	// Mean is the true expected demand of each day: what a perfect forecast would say.
	Mean []float64
	// Demand is what customers wanted each day; Sales is less on stock-out days.
	Demand []ontology.Qty
	// Kind is "smooth" or "intermittent", as generated.
	Kind string
	// TempCoef is the true relative change of demand per degree of temperature; 0 for
	// series that ignore the weather.
	TempCoef float64
}

// Generate returns the simulated series. Each series draws from its own random stream
// (seed, index), so changing the number of series does not change the first ones.
func Generate(cfg Config) ([]Series, error) {
	if cfg.Series <= 0 || cfg.Days < 2*7 {
		return nil, fmt.Errorf("simdemand: need at least one series and two weeks (got %d series, %d days)", cfg.Series, cfg.Days)
	}
	if cfg.Start.IsZero() {
		cfg.Start = DefaultConfig().Start
	}
	temp := temperature(rand.New(rand.NewPCG(cfg.Seed, 0xC0FFEE)), cfg.Days)
	out := make([]Series, cfg.Series)
	for i := range out {
		r := rand.New(rand.NewPCG(cfg.Seed, uint64(i)+1))
		out[i] = one(r, cfg, i, temp)
	}
	return out, nil
}

// temperature is a yearly cycle (warmest in late July) plus weather that lasts a few days
// (AR(1) noise), in °C.
func temperature(r *rand.Rand, days int) []float64 {
	out := make([]float64, days)
	noise := 0.0
	for t := range out {
		noise = 0.7*noise + 2.5*r.NormFloat64()
		out[t] = 14 + 10*math.Cos(2*math.Pi*float64(t-200)/365.25) + noise
	}
	return out
}

func one(r *rand.Rand, cfg Config, i int, temp []float64) Series {
	days := cfg.Days
	s := Series{Kind: "smooth", Mean: make([]float64, days), Demand: make([]ontology.Qty, days)}
	s.Key = forecast.Key{SKU: fmt.Sprintf("SKU-%03d", i/2), Location: fmt.Sprintf("STORE-%02d", i%2+1)}
	s.Start = cfg.Start
	s.Sales = make([]ontology.Qty, days)
	s.Censored = make([]bool, days)
	s.Promo = make([]bool, days)
	s.Regressors = []forecast.Regressor{{Name: "temperature", Values: temp}}

	intermittent := r.Float64() < cfg.IntermittentShare
	var level, sizeMean float64 // level: expected units a day; sizeMean for intermittent sizes
	if intermittent {
		s.Kind = "intermittent"
		sizeMean = 1 + 3*r.Float64()
		level = (0.05 + 0.35*r.Float64()) * sizeMean
	} else {
		level = math.Exp(math.Log(2) + r.Float64()*math.Log(40)) // 2 to 80 a day
	}
	growth := -0.25 + 0.6*r.Float64() // per year
	var week [7]float64
	amp := 0.6 * r.Float64()
	shape := [7]float64{-0.3, -0.25, -0.15, -0.05, 0.2, 0.45, 0.1} // Mon..Sun, a shop's week
	for w := range week {
		week[w] = 1 + amp*(shape[w]+0.2*r.NormFloat64())
	}
	yearAmp, peak := 0.5*r.Float64(), 365.25*r.Float64()
	if r.Float64() < cfg.TemperatureShare {
		s.TempCoef = 0.02 + 0.03*r.Float64()
		yearAmp /= 2 // the weather brings its own yearly swing
	}
	uplift := 1.3 + 1.2*r.Float64()
	markRuns(r, s.Promo, cfg.PromosPerYear, 3, 7)
	stockout := make([]bool, days)
	markRuns(r, stockout, cfg.StockoutsPerYear, 1, 6)

	for t := range days {
		x := float64(t) / 365.25
		m := level * math.Exp(growth*x)
		m *= week[(int(cfg.Start.Weekday())+6+t)%7]
		m *= 1 + yearAmp*math.Cos(2*math.Pi*(float64(t)-peak)/365.25)
		m *= math.Max(0.2, 1+s.TempCoef*(temp[t]-14))
		if s.Promo[t] {
			m *= uplift
		}
		s.Mean[t] = m
		var d int64
		if intermittent {
			// A demand occurs with probability m/sizeMean; its size is 1 + Poisson.
			if r.Float64() < math.Min(m/sizeMean, 0.95) {
				d = 1 + poisson(r, sizeMean-1)
			}
			s.Mean[t] = math.Min(m/sizeMean, 0.95) * sizeMean
		} else {
			// Negative binomial: Poisson with a gamma-distributed mean (shape 8), so
			// busy days vary more than Poisson's square root.
			d = poisson(r, m*gamma(r, 8)/8)
		}
		s.Demand[t] = ontology.Units(d)
		sold := d
		if stockout[t] {
			s.Censored[t] = true
			sold = 0
			if t == 0 || !stockout[t-1] {
				sold = int64(float64(d) * r.Float64()) // ran out during the day
			}
		}
		s.Sales[t] = ontology.Units(sold)
	}
	return s
}

// markRuns sets runs of minLen..maxLen days, perYear of them a year on average, at
// random places.
func markRuns(r *rand.Rand, flags []bool, perYear float64, minLen, maxLen int) {
	if perYear <= 0 {
		return
	}
	p := perYear / 365.25
	for t := 0; t < len(flags); t++ {
		if r.Float64() >= p {
			continue
		}
		n := minLen + r.IntN(maxLen-minLen+1)
		for k := 0; k < n && t < len(flags); k++ {
			flags[t] = true
			t++
		}
	}
}

// poisson draws a Poisson count: by inversion for small means, by a normal
// approximation (rounded, at least 0) above 30 where it is close enough.
func poisson(r *rand.Rand, mean float64) int64 {
	if mean <= 0 {
		return 0
	}
	if mean > 30 {
		return int64(math.Max(0, math.Round(mean+math.Sqrt(mean)*r.NormFloat64())))
	}
	u := r.Float64()
	p := math.Exp(-mean)
	c := p
	var k int64
	for u > c && k < 1000 {
		k++
		p *= mean / float64(k)
		c += p
	}
	return k
}

// gamma draws from a gamma distribution with the given shape (≥ 1) and scale 1, by
// Marsaglia and Tsang's method.
func gamma(r *rand.Rand, shape float64) float64 {
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}
