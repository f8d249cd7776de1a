package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"

	"github.com/seamhub/seam/finance"
)

// runMaturity is `seam maturity`: the seed's five-level baseline of a period, each
// figure with its evidence, as text or JSON.
func runMaturity(ctx context.Context, cfg Config, log *slog.Logger, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("maturity", stderr)
	tenant := fs.String("tenant", "", "tenant to measure (required)")
	from := fs.String("from", "", "first day (2025-03-01) or instant (RFC 3339) of the period (required)")
	to := fs.String("to", "", "last day of the period, included, or an instant, excluded (required)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *tenant == "" {
		return usageError{"seam maturity: --tenant is required"}
	}
	start, end, err := finance.ParsePeriod(*from, *to)
	if err != nil {
		return usageError{"seam maturity: " + err.Error()}
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
	m, err := finance.MeasureMaturity(ctx, app.store, app.store, q, cfg.Finance.forTenant(*tenant))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	}
	fmt.Fprintf(stdout, "%s %s..%s: level %d (%s)\n", m.Tenant, m.From.Format("2006-01-02T15:04Z07:00"), m.To.Format("2006-01-02T15:04Z07:00"), m.Level, m.Next)
	for _, f := range m.Figures {
		mark := "     "
		switch {
		case f.Level == 0:
		case f.Met:
			mark = "L" + fmt.Sprint(f.Level) + " ok"
		default:
			mark = "L" + fmt.Sprint(f.Level) + " --"
		}
		target := ""
		if f.Target != "" {
			target = "  (target " + f.Target + ")"
		}
		fmt.Fprintf(stdout, "  %s  %-40s %s%s\n", mark, f.Name, f.Value, target)
		for _, e := range f.Evidence {
			fmt.Fprintf(stdout, "         %s\n", e)
		}
	}
	return nil
}
