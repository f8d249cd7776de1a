package forecast

import (
	"encoding/json"
	"math"
	"time"
)

// ModelVersion identifies the model code that made a forecast. Bump it whenever a change
// to this package can change a forecast, so stored forecasts say which code made them.
//
// Version 2: regressors may stop before the horizon (a signal known up to yesterday)
// and backtests see them only as far as the forecast can; an effect is kept only when
// it lowers the backtest WAPE by 2% of it or more.
const ModelVersion = 2

// Forecast is the expected daily demand of one series, with what is needed to store and
// explain it: the model and its version, the inputs it saw, and how accurate that model
// was in a backtest beside the seasonal naive baseline.
//
// Daily holds expected demand in units per day. It is a float64 because it is a
// statistical estimate (a mean of 0.37 units a day is meaningful), not a quantity of
// goods: nothing adds it to stock. Turn it into an ontology.Qty only where a quantity is
// decided, such as an order proposal.
type Forecast struct {
	Key     Key       `json:"key"`
	Model   string    `json:"model"`
	Version int       `json:"version"`
	Start   time.Time `json:"start"` // the first forecast day
	Daily   []float64 `json:"daily"`
	Inputs  Inputs    `json:"inputs"`
	// Accuracy is the rolling-origin backtest of the chosen model on this series' own
	// history. Being the best of several candidates on those windows, it is slightly
	// optimistic; `seam bench forecast` measures on data no choice has seen.
	Accuracy Accuracy `json:"accuracy"`
}

// Inputs summarises what a forecast rests on.
type Inputs struct {
	HistoryFrom time.Time `json:"historyFrom"` // first day given
	HistoryTo   time.Time `json:"historyTo"`   // last day given
	FirstSale   time.Time `json:"firstSale"`   // days before it are treated as not yet listed; zero if none
	Observed    int       `json:"observed"`    // days fitted on
	// CensoredExcluded counts stock-out days left out of fitting and scoring.
	CensoredExcluded int     `json:"censoredExcluded"`
	PromoDays        int     `json:"promoDays"` // promotion days in the history
	Class            string  `json:"class"`     // Syntetos-Boylan demand class
	ADI              float64 `json:"adi"`
	CV2              float64 `json:"cv2"`
	// Yearly tells whether a yearly shape was fitted (two years of history and the BIC
	// agreeing).
	Yearly bool `json:"yearly"`
	// PromoUplift multiplies demand on promotion days; 1 when promotions are not modelled.
	PromoUplift float64 `json:"promoUplift"`
	// Effects are the promotion and regressor effects with their measured contribution.
	Effects []Effect           `json:"effects,omitempty"`
	Params  map[string]float64 `json:"params,omitempty"`
}

// Effect is a promotion calendar's or a regressor's measured contribution: the backtest
// WAPE of the chosen model with and without it. An effect that did not lower the WAPE
// by 2% of it is not used: less is within a backtest's luck.
type Effect struct {
	Name        string  `json:"name"`
	Coef        float64 `json:"coef"` // uplift factor for promotions; relative change per unit otherwise
	WAPEWith    float64 `json:"wapeWith"`
	WAPEWithout float64 `json:"wapeWithout"`
	Used        bool    `json:"used"`
	// KnownTo is the last day the signal has a value (for a calendar, the last day it
	// covers); ForecastDays counts the forecast days it covers. A signal that stops at
	// the end of the history shapes how the history is read, but acts on no forecast
	// day: it is not carried forward.
	KnownTo      time.Time `json:"knownTo,omitzero"`
	ForecastDays int       `json:"forecastDays"`
}

// MarshalJSON writes a WAPE without a value as null.
func (e Effect) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name         string    `json:"name"`
		Coef         float64   `json:"coef"`
		WAPEWith     *float64  `json:"wapeWith"`
		WAPEWithout  *float64  `json:"wapeWithout"`
		Used         bool      `json:"used"`
		KnownTo      time.Time `json:"knownTo,omitzero"`
		ForecastDays int       `json:"forecastDays"`
	}{e.Name, e.Coef, jsonNum(e.WAPEWith), jsonNum(e.WAPEWithout), e.Used, e.KnownTo, e.ForecastDays})
}

// Accuracy is a backtest's result per series.
type Accuracy struct {
	Origins  int   `json:"origins"`
	Horizon  int   `json:"horizon"`
	Step     int   `json:"step"`
	Model    Score `json:"-"`
	Baseline Score `json:"-"` // plain seasonal naive on the same windows
	// Candidates are every model tried, by name, with its backtest metrics.
	Candidates map[string]Metrics `json:"candidates,omitempty"`
}

// MarshalJSON writes the metrics rather than the raw sums.
func (a Accuracy) MarshalJSON() ([]byte, error) {
	type plain Accuracy
	return json.Marshal(struct {
		plain
		Model    Metrics `json:"model"`
		Baseline Metrics `json:"baseline"`
	}{plain(a), a.Model.Metrics(), a.Baseline.Metrics()})
}

// jsonNum is v for JSON, or nil (null) when v has no value there: JSON has no NaN or
// infinity, and a metric may be either (MASE without a scale, WAPE of an error on no
// demand).
func jsonNum(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// MarshalJSON writes a metric without a value as null.
func (m Metrics) MarshalJSON() ([]byte, error) {
	num := jsonNum
	return json.Marshal(struct {
		WAPE   *float64 `json:"wape"`
		MASE   *float64 `json:"mase"`
		Bias   *float64 `json:"bias"`
		Days   int      `json:"days"`
		Actual float64  `json:"actual"`
	}{num(m.WAPE), num(m.MASE), num(m.Bias), m.Days, m.Actual})
}

// Week is a forecast rolled up to an ISO week (Monday to Sunday).
type Week struct {
	Start  time.Time `json:"start"`  // the Monday
	Days   int       `json:"days"`   // forecast days inside it: under 7 at the horizon's ends
	Demand float64   `json:"demand"` // expected demand over those days
}

// Weekly rolls the daily forecast up to ISO weeks. A week cut by the start or end of
// the horizon keeps only its forecast days and says how many there are.
func (f *Forecast) Weekly() []Week {
	var out []Week
	for i, v := range f.Daily {
		d := f.Start.AddDate(0, 0, i)
		back := (int(d.Weekday()) + 6) % 7 // days since Monday
		monday := d.AddDate(0, 0, -back)
		if len(out) == 0 || !out[len(out)-1].Start.Equal(monday) {
			out = append(out, Week{Start: monday})
		}
		w := &out[len(out)-1]
		w.Days++
		w.Demand += v
	}
	return out
}

// BacktestTotal combines the backtests of many forecasts: the chosen models' accuracy
// and the seasonal naive baseline's on the same windows, in total over the series
// (WAPE and bias over all demand, MASE as the mean over series).
func BacktestTotal(fs []*Forecast) (model, baseline Metrics) {
	ms := make([]Score, 0, len(fs))
	bs := make([]Score, 0, len(fs))
	for _, f := range fs {
		if f != nil && f.Accuracy.Origins > 0 {
			ms = append(ms, f.Accuracy.Model)
			bs = append(bs, f.Accuracy.Baseline)
		}
	}
	return Total(ms), Total(bs)
}
