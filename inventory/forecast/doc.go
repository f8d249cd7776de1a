// Package forecast predicts daily demand per product and location from resolved sale
// events, and says honestly how good its predictions are.
//
// A [Series] is one product at one location, day by day: units sold (one resolved event
// per real sale, so a sale seen by three systems counts once), days whose sales are only a
// lower bound because the shelf was empty (censored), promotion days, and optional
// external signals (regressors). [One] and [All] turn series into [Forecast] values.
//
// How a forecast is made, per series:
//   - Censored days are missing, never zero demand: no model fits them and no metric scores
//     them. Days before a product's first sale are missing too (it was not listed yet).
//   - Promotions and regressors act as multipliers measured against a centred baseline
//     (the same weekday in the surrounding weeks); the models see demand with them divided
//     out, and forecasts get them back on the days they apply.
//   - With two years of history a yearly shape (Fourier terms) is fitted when the BIC
//     says it earns its parameters, and divided out the same way.
//   - Candidates: the weekly seasonal naive forecast (the baseline), a seasonal mean of
//     the last four weeks, exponential smoothing chosen among its variants by AICc
//     (additive or multiplicative error, none / additive / damped trend, none / additive /
//     multiplicative weekly season, fitted by maximum likelihood with Nelder-Mead), and
//     for intermittent demand (Syntetos-Boylan classes by ADI and CV²) Croston, SBA and
//     TSB, with and without a weekday profile.
//   - Every candidate is scored by WAPE in a rolling-origin backtest on the series' own
//     history (six origins a week apart, by default). Exponential smoothing is kept
//     unless another candidate's WAPE is at least 10% lower: the best of several noisy
//     scores is flattered by luck. Each effect (promotions, each regressor) is then
//     backtested without, and kept only if it lowered the WAPE by 2% of it (less is a
//     backtest's luck); both figures are kept in the forecast. A regressor that stops
//     short of the horizon is hidden in each backtest from the same lead on, so its
//     figures measure what it can really give.
//
// Accuracy is WAPE, MASE (scaled by the in-sample seasonal naive error) and bias, per
// series and in total ([Total]), always beside the seasonal naive baseline on the same
// windows. A forecast carries [ModelVersion], its model's name and parameters and a
// summary of its inputs, so a stored forecast can be explained later.
//
// Quantities: sales enter as exact ontology.Qty; inside the models and in a forecast's
// daily values demand is a float64, because an expectation (0.37 units a day) is an
// estimate, not goods. The package opens no files and calls no services; csv.go reads
// and writes the long format other forecasting tools use, through io.Reader and io.Writer.
package forecast
