// Command seam is Seam's one binary: the server and every tool around it.
//
//	seam serve                      HTTP: GraphQL, webhooks, health, metrics
//	seam demo                       serve plus a simulated feed of orders
//	seam ingest --tenant T --system S --type T PATH...
//	seam quarantine list|replay|retry  inspect and replay refused payloads, retry set-aside documents
//	seam cache rebuild|verify       rebuild live stock from the ledger, or prove it equal
//	seam keys create|list|revoke    API keys: each belongs to one tenant and has one role
//	seam tenant delete --tenant T --confirm T   remove everything Seam holds for a tenant
//	seam forecast --tenant T        refresh forecasts and order proposals
//	seam sandbox --tenant T --from D --to D --set safetyStock.SKU=48h   replay other policies
//	seam wait                       wait until Neo4j, Redis and the broker answer
//	seam reconcile --tenant T --from DATE --to DATE [--format json|csv]
//	seam maturity --tenant T --from DATE --to DATE
//
// Configuration comes from flags, SEAM_* environment variables and the YAML file named by
// SEAM_CONFIG (see the README).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/seamhub/seam/connectors/simulate"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	if hostsServer(os.Args[1:]) {
		tuneGC(os.Getenv)
	}
	err := Run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "seam:", err)
		}
		os.Exit(exitCode(err))
	}
}

// usageError marks errors in how seam was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

const usage = `usage: seam <command> [flags]

commands:
  serve        serve GraphQL, webhooks, /healthz, /readyz and /metrics
  demo         serve, plus a simulated feed of storefront and POS orders
  ingest       store files: seam ingest --tenant T --system S --type T PATH...
  quarantine   list or replay refused payloads; retry documents resolution set aside
  cache        rebuild or verify live stock against the ledger
  parties      train the tenant's party model: seam parties train --tenant T
  forecast     refresh demand forecasts and order proposals: seam forecast --tenant T
  sandbox      replay real demand under other policies: seam sandbox --tenant T --from D --to D --set safetyStock.SKU=48h
  keys         API keys: seam keys create --tenant T --role reader|partner|finance|operator|admin, list, revoke ID
  tenant       delete a tenant and everything Seam holds for it: seam tenant delete --tenant T --confirm T
  wait         wait until Neo4j, Redis and the MQTT broker answer
  simulate     write a simulated business's documents and ground truth: seam simulate --out DIR
  bench        measure: seam bench ingest|resolve|parties|forecast|reconcile
  reconcile    reconcile a period: seam reconcile --tenant T --from DATE --to DATE [--format json|csv]
  maturity     the five-level baseline of a period, with evidence: seam maturity --tenant T --from DATE --to DATE
`

// Run executes one seam command; main is a thin shell around it so tests can run
// commands in-process.
func Run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cfg, err := LoadConfig(getenv)
	if err != nil {
		return err
	}
	level, _ := parseLevel(cfg.LogLevel)
	var handler slog.Handler = slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})
	if cfg.LogFormat == "json" {
		handler = slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level})
	}
	log := slog.New(handler)
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, cfg, log, rest, stdout)
	case "demo":
		return runDemo(ctx, cfg, log, rest, stdout)
	case "ingest":
		return runIngest(ctx, cfg, log, rest, stdout, stderr)
	case "quarantine":
		return runQuarantine(ctx, cfg, log, rest, stdout)
	case "cache":
		return runCache(ctx, cfg, log, rest, stdout)
	case "parties":
		return runParties(ctx, cfg, log, rest, stdout)
	case "keys":
		return runKeys(ctx, cfg, log, rest, stdout)
	case "tenant":
		return runTenant(ctx, cfg, log, rest, stdout)
	case "forecast":
		return runForecast(ctx, cfg, log, rest, stdout)
	case "sandbox":
		return runSandbox(ctx, cfg, log, rest, stdout)
	case "wait":
		return runWait(ctx, cfg, log, rest, stdout)
	case "bench":
		return runBench(ctx, cfg, log, rest, stdout)
	case "reconcile":
		return runReconcile(ctx, cfg, log, rest, stdout, stderr)
	case "maturity":
		return runMaturity(ctx, cfg, log, rest, stdout, stderr)
	case "simulate":
		return simulate.Command(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// newFlags makes a flag set that reports errors instead of exiting.
func newFlags(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("seam "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
