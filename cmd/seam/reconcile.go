package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/finance"
)

// runReconcile is `seam reconcile`: every business event of a period, reconciled,
// written as JSON (one array, one object per event) or CSV to stdout; a summary on
// stderr and, with --summary, in a file.
func runReconcile(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("reconcile", stderr)
	tenant := fs.String("tenant", "", "tenant to reconcile (required)")
	from := fs.String("from", "", "first day (2025-03-01) or instant (RFC 3339) of the period (required)")
	to := fs.String("to", "", "last day of the period, included (2025-03-31), or an instant, excluded (required)")
	format := fs.String("format", "json", "json (one array, one object per event) or csv (one row per reason)")
	statuses := fs.String("status", "", "only events of these statuses, comma-separated (matched, matched_within_tolerance, partial, unmatched)")
	exceptions := fs.Bool("exceptions", false, "only events that need a person (partial and unmatched)")
	summaryPath := fs.String("summary", "", "also write the summary to this file, in the same format")
	noRecord := fs.Bool("no-record", false, "do not record this run (the next run lists arrivals since the last recorded one)")
	amountAbs := fs.String("amount-tolerance", "", "money tolerance in currency units, instead of the config's (default: one minor unit of the currency)")
	amountPct := fs.String("amount-tolerance-pct", "", "money tolerance in percent of the expected amount")
	qtyAbs := fs.String("qty-tolerance", "", "quantity tolerance in units")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *tenant == "" {
		return usageError{"seam reconcile: --tenant is required"}
	}
	start, end, err := finance.ParsePeriod(*from, *to)
	if err != nil {
		return usageError{"seam reconcile: " + err.Error()}
	}
	f, err := finance.ParseFormat(*format)
	if err != nil {
		return usageError{"seam reconcile: " + err.Error()}
	}
	want, err := parseStatuses(*statuses, *exceptions)
	if err != nil {
		return usageError{"seam reconcile: " + err.Error()}
	}
	fcfg := cfg.Finance.forTenant(*tenant)
	for _, o := range []struct {
		flag string
		dst  *decimal.Decimal
	}{{*amountAbs, &fcfg.Amount.Abs}, {*amountPct, &fcfg.Amount.Pct}, {*qtyAbs, &fcfg.Qty.Abs}} {
		if o.flag == "" {
			continue
		}
		d, err := decimal.NewFromString(o.flag)
		if err != nil || d.Sign() < 0 {
			return usageError{fmt.Sprintf("seam reconcile: tolerance %q is not a number of 0 or more", o.flag)}
		}
		*o.dst = d
	}
	if *amountAbs != "" {
		// The flag states the tolerance in currency units: the config's minor-unit
		// tolerance would otherwise still allow a cent beside --amount-tolerance 0.
		fcfg.Amount.Minor = decimal.Zero
	}
	app, err := openReady(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close(context.WithoutCancel(ctx))
	q, err := financeQuery(ctx, app, *tenant, start, end)
	if err != nil {
		return err
	}
	w := finance.NewWriter(stdout, f)
	sum, err := finance.Run(ctx, app.store, q, fcfg, func(r finance.Result) error {
		if len(want) > 0 && !want[r.Status] {
			return nil
		}
		return w.Write(r)
	})
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing results: %w", err)
	}
	if !*noRecord {
		if err := app.store.RecordRun(ctx, sum); err != nil {
			return fmt.Errorf("recording the run: %w", err)
		}
	}
	if *summaryPath != "" {
		if err := writeSummaryFile(*summaryPath, sum, f); err != nil {
			return err
		}
	}
	printSummary(stderr, sum)
	return nil
}

// financeQuery builds a period's query: the tenant's data clock and the previous run.
func financeQuery(ctx context.Context, app *App, tenant string, from, to time.Time) (finance.Query, error) {
	return app.financeService().Query(ctx, tenant, from, to)
}

func parseStatuses(list string, exceptions bool) (map[finance.Status]bool, error) {
	want := map[finance.Status]bool{}
	if exceptions {
		want[finance.Partial], want[finance.Unmatched] = true, true
	}
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		ok := false
		for _, st := range finance.Statuses {
			if string(st) == s {
				want[st], ok = true, true
			}
		}
		if !ok {
			return nil, fmt.Errorf("status %q: want matched, matched_within_tolerance, partial or unmatched", s)
		}
	}
	return want, nil
}

func writeSummaryFile(path string, sum finance.Summary, f finance.Format) error {
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing the summary: %w", err)
	}
	if err := finance.WriteSummary(out, sum, f); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// printSummary tells a person at the terminal what the period came to.
func printSummary(w io.Writer, s finance.Summary) {
	rate := "n/a"
	if s.Rate != "" {
		r, _ := decimal.NewFromString(s.Rate)
		rate = r.Mul(decimal.NewFromInt(100)).StringFixed(2) + "%"
	}
	fmt.Fprintf(w, "%s %s..%s: %d events, %d auto-reconciled (%s)\n", s.Tenant, s.From.Format("2006-01-02T15:04Z07:00"),
		s.To.Format("2006-01-02T15:04Z07:00"), s.Events, s.AutoReconciled, rate)
	for _, st := range s.ByStatus {
		var amounts []string
		for _, a := range st.Amounts {
			amounts = append(amounts, a.Amount+" "+a.Currency)
		}
		var paidOut []string
		for _, a := range st.PaidOut {
			paidOut = append(paidOut, a.Amount+" "+a.Currency)
		}
		var settled []string
		for _, a := range st.Settlements {
			settled = append(settled, a.Amount+" "+a.Currency)
		}
		line := strings.Join(amounts, ", ")
		if len(paidOut) > 0 {
			line += " (payouts apart: " + strings.Join(paidOut, ", ") + ")"
		}
		if len(settled) > 0 {
			line += " (payments of other events' invoices apart: " + strings.Join(settled, ", ") + ")"
		}
		fmt.Fprintf(w, "  %-25s %8d  %s\n", st.Status, st.Events, line)
	}
	for _, e := range s.Exceptions {
		fmt.Fprintf(w, "  exception %-25s %8d events\n", e.Code, e.Events)
	}
	if s.PreviousRun == nil {
		fmt.Fprintln(w, "  first recorded run of this period")
	} else {
		fmt.Fprintf(w, "  %d documents arrived since the previous run (watermark %s)\n", s.Arrived, s.PreviousRun.Format("2006-01-02T15:04:05Z07:00"))
	}
}
