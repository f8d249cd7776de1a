package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology"
)

// policies is a tenant's configured stocking policies; Validate has parsed them once,
// so an error here cannot happen and gives the default policy.
func (c Config) policies(tenant string) *predict.Policies {
	ps, err := predict.ParsePolicies(c.Forecasts[tenant])
	if err != nil {
		return &predict.Policies{}
	}
	return ps
}

// forecastsAPI is what GraphQL needs of forecasting: the kept forecasts and proposals in
// Neo4j, and the service for the sandbox.
type forecastsAPI struct {
	*neo4jstore.Store
	svc *predict.Service
}

// Sandbox implements graph.Forecasts.
func (x forecastsAPI) Sandbox(ctx context.Context, tenant string, from, to time.Time, settings []string) (predict.Report, error) {
	return x.svc.Sandbox(ctx, tenant, from, to, settings)
}

// runForecastSchedule refreshes every tenant's forecasts each cfg.ForecastEvery until ctx
// ends. A tenant that fails is logged and tried again next time; the others go on.
func (a *App) runForecastSchedule(ctx context.Context) {
	tick := time.NewTicker(a.cfg.ForecastEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		tenants, err := a.store.Tenants(ctx)
		if err != nil {
			a.log.Warn("listing tenants to forecast", "err", err)
			continue
		}
		for _, t := range tenants {
			if !strings.HasPrefix(t, a.cfg.TenantPrefix) || ctx.Err() != nil {
				continue
			}
			if _, err := a.predict.Refresh(ctx, t); err != nil {
				a.log.Warn("refreshing forecasts", "tenant", t, "err", err)
			}
		}
	}
}

// runForecast is `seam forecast --tenant T`: refresh the tenant's forecasts and order
// proposals now, and print what they say.
func runForecast(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("forecast", stdout)
	tenant := fs.String("tenant", "", "tenant (required)")
	asJSON := fs.Bool("json", false, "print the run as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *tenant == "" {
		return usageError{"usage: seam forecast --tenant T [--json]"}
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	run, err := app.predict.Refresh(ctx, *tenant)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeRunJSON(stdout, run)
	}
	printRun(stdout, *tenant, run)
	return nil
}

func writeRunJSON(w io.Writer, run *predict.Run) error {
	failed := map[string]string{}
	for k, why := range run.Failed {
		failed[k.String()] = why
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"id": run.ID, "at": run.At, "version": run.Version, "forecasts": run.Forecasts,
		"proposals": run.Proposals, "failed": failed, "backtest": map[string]forecast.Metrics{"model": run.Model, "baseline": run.Baseline}})
}

func printRun(w io.Writer, tenant string, run *predict.Run) {
	fmt.Fprintf(w, "forecasts of %s: %d series, %d failed, %d stock-out days left out (model version %d)\n",
		tenant, len(run.Forecasts), len(run.Failed), run.Censored, run.Version)
	if len(run.Forecasts) == 0 {
		return
	}
	beat := 0
	for _, f := range run.Forecasts {
		if f.Accuracy.Origins > 0 && f.Accuracy.Model.Metrics().WAPE < f.Accuracy.Baseline.Metrics().WAPE {
			beat++
		}
	}
	m, b := run.Model, run.Baseline
	fmt.Fprintf(w, "backtest: WAPE %s (seasonal naive %s), MASE %s (%s), bias %s (%s); %d of %d series beat the baseline\n",
		metric(m.WAPE), metric(b.WAPE), metric(m.MASE), metric(b.MASE), metric(m.Bias), metric(b.Bias), beat, len(run.Forecasts))
	held := 0
	for _, p := range run.Proposals {
		if !p.Executable() {
			held++
		}
	}
	fmt.Fprintf(w, "order proposals: %d, %d held for approval\n", len(run.Proposals), held)
	for _, p := range run.Proposals {
		capital := "capital unknown (no unit cost)"
		if p.Capital != nil {
			capital = fmt.Sprintf("capital %s %s (%s)", p.Capital.Amount.StringFixed(2), p.Capital.Currency, p.CostFrom)
		}
		fmt.Fprintf(w, "  %s %s: %s, order %s on %s, arrives %s, %s\n", p.ID, p.Key, p.Status, p.Qty,
			p.OrderDate.Format(time.DateOnly), p.Arrival.Format(time.DateOnly), capital)
		for _, why := range p.Reasons {
			fmt.Fprintf(w, "      held: %s\n", why)
		}
	}
}

// metric shows a backtest figure, or n/a where it has no value (MASE without a naive
// error to scale by).
func metric(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", v)
}

// repeatedFlag is a flag that may be given more than once, each value kept in order.
type repeatedFlag []string

func (s *repeatedFlag) String() string     { return strings.Join(*s, " ") }
func (s *repeatedFlag) Set(v string) error { *s = append(*s, v); return nil }

// runSandbox is `seam sandbox --tenant T --from D --to D --set field.SKU=value ...`:
// replay the period's real demand against other policies, in memory.
func runSandbox(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("sandbox", stdout)
	tenant := fs.String("tenant", "", "tenant (required)")
	fromS := fs.String("from", "", "first day replayed, YYYY-MM-DD (required)")
	toS := fs.String("to", "", "last day replayed, YYYY-MM-DD, before today (required)")
	var set repeatedFlag
	fs.Var(&set, "set", "a policy setting over the tenant's, field.SKU=value; repeat it (fields: "+strings.Join(predict.Fields(), ", ")+")")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *tenant == "" || *fromS == "" || *toS == "" {
		return usageError{"usage: seam sandbox --tenant T --from YYYY-MM-DD --to YYYY-MM-DD [--set safetyStock.SKU=48h ...] [--json]"}
	}
	from, err1 := time.Parse(time.DateOnly, *fromS)
	to, err2 := time.Parse(time.DateOnly, *toS)
	if err1 != nil || err2 != nil {
		return usageError{"--from and --to are days: YYYY-MM-DD"}
	}
	if _, err := predict.ParsePolicies(set); err != nil {
		return usageError{err.Error()}
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	r, err := app.predict.Sandbox(ctx, *tenant, from, to, set)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	printSandbox(stdout, *tenant, r)
	return nil
}

func printSandbox(w io.Writer, tenant string, r predict.Report) {
	settings := "none (the configured policies)"
	if len(r.Settings) > 0 {
		settings = strings.Join(r.Settings, " ")
	}
	fmt.Fprintf(w, "sandbox of %s, %s to %s, settings: %s\n", tenant, r.From.Format(time.DateOnly), r.To.Format(time.DateOnly), settings)
	fmt.Fprintf(w, "%d series replayed in memory; nothing was written\n\n", len(r.Keys))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tas it happened\twith the policy\t\n")
	row := func(name string, a, p any) { fmt.Fprintf(tw, "%s\t%v\t%v\t\n", name, a, p) }
	a, p := r.Actual, r.Replay
	row("demand", a.Demand, p.Demand)
	row("sold", a.Sold, p.Sold)
	row("lost sales", a.Lost, p.Lost)
	row("stock-out days", a.StockoutDays, p.StockoutDays)
	row("average on hand", fixed(a.AvgOnHand), fixed(p.AvgOnHand))
	row("turnover", fmt.Sprintf("%.2f", a.Turnover), fmt.Sprintf("%.2f", p.Turnover))
	row("expired", a.Expired, p.Expired)
	row("received", a.Received, p.Received)
	row("deliveries", a.Orders, p.Orders)
	row("average capital", moneyText(r.Capital.Actual), moneyText(r.Capital.Replay))
	row("expiry write-off", moneyText(r.Expiry.Actual), moneyText(r.Expiry.Replay))
	tw.Flush()
	if len(r.Keys) > 0 {
		fmt.Fprintln(w, "\nper series (as it happened / with the policy):")
		tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "  series\tlost sales\tstock-out days\taverage on hand\tturnover\texpired\n")
		for _, k := range r.Keys {
			fmt.Fprintf(tw, "  %s\t%s / %s\t%d / %d\t%s / %s\t%.2f / %.2f\t%s / %s\n", k.Key, k.Actual.Lost, k.Replay.Lost,
				k.Actual.StockoutDays, k.Replay.StockoutDays, fixed(k.Actual.AvgOnHand), fixed(k.Replay.AvgOnHand),
				k.Actual.Turnover, k.Replay.Turnover, k.Actual.Expired, k.Replay.Expired)
		}
		tw.Flush()
	}
	if len(r.Untracked) > 0 {
		names := make([]string, len(r.Untracked))
		for i, k := range r.Untracked {
			names[i] = k.String()
		}
		fmt.Fprintf(w, "\nnot replayed (no receipt ever, so the ledger does not know their stock): %s\n", strings.Join(names, ", "))
	}
}

// fixed shows an average quantity to two decimals.
func fixed(q ontology.Qty) string { return q.Decimal().StringFixed(2) }

func moneyText(ms []ontology.Money) string {
	if len(ms) == 0 {
		return "unknown"
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Amount.StringFixed(2) + " " + m.Currency
	}
	return strings.Join(parts, " + ")
}
