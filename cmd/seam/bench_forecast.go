package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/inventory/forecast/simdemand"
)

// benchMethod is one row of `seam bench forecast`: a way of forecasting the held-out
// days, its accuracy and its speed.
type benchMethod struct {
	Name          string              `json:"name"`
	Eval          forecast.Evaluation `json:"accuracy"`
	Seconds       float64             `json:"seconds,omitempty"`
	SeriesPerSec  float64             `json:"seriesPerSecond,omitempty"`
	forecasts     [][]float64
	speedMeasured bool
}

// benchForecastSummary is what --json prints.
type benchForecastSummary struct {
	Seed      uint64         `json:"seed"`
	Series    int            `json:"series"`
	Days      int            `json:"days"`
	Horizon   int            `json:"horizon"`
	Workers   int            `json:"workers"`
	Library   string         `json:"library,omitempty"`
	Methods   []benchMethod  `json:"methods"`
	Chosen    map[string]int `json:"chosenModels"`
	Generated time.Time      `json:"generated"`
}

// benchForecast simulates demand with a known truth, holds out its last days, and
// forecasts them with Seam and, in the same run, with statsforecast's AutoETS in a
// Python virtualenv (scripts/bench/venv.sh makes it); it prints WAPE, MASE and bias on
// the held-out days and series/s for each.
func benchForecast(ctx context.Context, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := newFlags("bench forecast", stdout)
	sc := simdemand.DefaultConfig()
	fs.Uint64Var(&sc.Seed, "seed", sc.Seed, "simulator seed")
	fs.IntVar(&sc.Series, "series", 200, "product × location series")
	fs.IntVar(&sc.Days, "days", sc.Days, "days simulated, the held-out ones included")
	horizon := fs.Int("horizon", 28, "days held out and forecast")
	workers := fs.Int("workers", 1, "goroutines for Seam and processes for statsforecast")
	scripts := fs.String("scripts", "scripts/bench", "folder of venv.sh and forecast.py")
	python := fs.String("python", "", "python with statsforecast installed (default: the one venv.sh prepares)")
	noPython := fs.Bool("no-python", false, "skip the Python library")
	keep := fs.String("keep", "", "keep the CSV files in this folder")
	asJSON := fs.Bool("json", false, "print a JSON summary instead of the table")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *horizon <= 0 || sc.Days <= *horizon+8*7 {
		return usageError{fmt.Sprintf("--days %d leaves too little history before a --horizon of %d", sc.Days, *horizon)}
	}
	sims, err := simdemand.Generate(sc)
	if err != nil {
		return err
	}
	h := *horizon
	train := make([]forecast.Series, len(sims))
	plain := make([]forecast.Series, len(sims))
	hold := forecast.Holdout{Actual: make([][]float64, len(sims)), Scale: make([]float64, len(sims)), Group: make([]string, len(sims))}
	naive := benchMethod{Name: "seasonal naive (baseline)", forecasts: make([][]float64, len(sims))}
	truth := benchMethod{Name: "true expected demand (no forecast can beat it on average)", forecasts: make([][]float64, len(sims))}
	for i := range sims {
		train[i], hold.Actual[i] = forecast.Split(&sims[i].Series, h)
		plain[i] = train[i].Plain()
		hold.Scale[i] = forecast.Scale(&plain[i])
		hold.Group[i] = sims[i].Kind
		naive.forecasts[i] = forecast.SeasonalNaive(&plain[i], h)
		truth.forecasts[i] = sims[i].Mean[len(sims[i].Mean)-h:]
	}

	var methods []benchMethod
	methods = append(methods, naive)
	var library string
	if !*noPython {
		lib, libMethods, err := runLibrary(ctx, log, *scripts, *python, *keep, plain, h, *workers)
		if err != nil {
			return err
		}
		library = lib
		methods = append(methods, libMethods...)
	}
	cfg := forecast.Config{Horizon: h}
	chosen := map[string]int{}
	for _, run := range []struct {
		name   string
		series []forecast.Series
		count  bool // tally the models chosen
	}{
		{"Seam, sales only (what the library sees)", plain, false},
		{"Seam, with stock-outs, promotions, temperature", train, true},
	} {
		start := time.Now()
		res, err := forecast.All(ctx, cfg, run.series, *workers)
		if err != nil {
			return err
		}
		took := time.Since(start).Seconds()
		m := benchMethod{Name: run.name, Seconds: took, SeriesPerSec: float64(len(res)) / took, speedMeasured: true, forecasts: make([][]float64, len(res))}
		for i, r := range res {
			if r.Err != nil {
				return fmt.Errorf("forecasting %s: %w", r.Key, r.Err)
			}
			m.forecasts[i] = r.Forecast.Daily
			if run.count {
				chosen[strings.SplitN(r.Forecast.Model, "+", 2)[0]]++
			}
		}
		methods = append(methods, m)
	}
	methods = append(methods, truth)
	for i := range methods {
		methods[i].Eval = hold.Evaluate(methods[i].forecasts, naive.forecasts)
	}
	sum := benchForecastSummary{Seed: sc.Seed, Series: sc.Series, Days: sc.Days, Horizon: h, Workers: *workers,
		Library: library, Methods: methods, Chosen: chosen, Generated: time.Now().UTC()}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	printForecastBench(stdout, &sum)
	return nil
}

// runLibrary writes the training series to CSV, runs scripts/bench/forecast.py and reads
// its forecasts back: AutoETS on every series, and AutoETS or CrostonOptimized chosen by
// the series' demand class (ADI ≥ 1.32 is intermittent), as a user of the library would.
func runLibrary(ctx context.Context, log *slog.Logger, scripts, python, keep string, series []forecast.Series, h, workers int) (string, []benchMethod, error) {
	if python == "" {
		log.Info("preparing the Python virtualenv (statsforecast); the first time takes a minute")
		// Kept under .seam/ (git-ignored) and reused: the pinned version makes the
		// library's figures reproducible, and a second run need not install again.
		venv := os.Getenv("SEAM_BENCH_VENV")
		if venv == "" {
			venv = filepath.Join(".seam", "venv-bench")
		}
		out, err := runQuiet(ctx, "bash", filepath.Join(scripts, "venv.sh"), venv, "statsforecast==2.1.1")
		if err != nil {
			return "", nil, fmt.Errorf("preparing python (or pass --python, or --no-python): %w", err)
		}
		python = strings.TrimSpace(string(out))
	}
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "seam-bench-forecast-")
		if err != nil {
			return "", nil, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, err
	}
	in, out, timing := filepath.Join(dir, "series.csv"), filepath.Join(dir, "statsforecast.csv"), filepath.Join(dir, "timing.json")
	f, err := os.Create(in)
	if err != nil {
		return "", nil, err
	}
	if err := errors.Join(forecast.WriteCSV(f, series), f.Close()); err != nil {
		return "", nil, fmt.Errorf("writing %s: %w", in, err)
	}
	if _, err := runQuiet(ctx, python, filepath.Join(scripts, "forecast.py"), "--in", in, "--out", out, "--timing", timing,
		"--horizon", fmt.Sprint(h), "--jobs", fmt.Sprint(workers)); err != nil {
		return "", nil, fmt.Errorf("running forecast.py: %w", err)
	}
	rf, err := os.Open(out)
	if err != nil {
		return "", nil, err
	}
	defer rf.Close()
	fc, err := forecast.ReadForecastCSV(rf)
	if err != nil {
		return "", nil, err
	}
	var tm struct {
		Seconds       map[string]float64 `json:"seconds"`
		Statsforecast string             `json:"statsforecast"`
	}
	raw, err := os.ReadFile(timing)
	if err != nil {
		return "", nil, err
	}
	if err := json.Unmarshal(raw, &tm); err != nil {
		return "", nil, fmt.Errorf("reading %s: %w", timing, err)
	}
	n := float64(len(series))
	ets := benchMethod{Name: "statsforecast AutoETS", Seconds: tm.Seconds["AutoETS"], speedMeasured: true}
	both := benchMethod{Name: "statsforecast AutoETS, CrostonOptimized if intermittent", Seconds: tm.Seconds["AutoETS"] + tm.Seconds["CrostonOptimized"], speedMeasured: true}
	for i := range series {
		id := series[i].Key.String()
		e, c := fc["AutoETS"][id], fc["CrostonOptimized"][id]
		if len(e) != h || len(c) != h {
			return "", nil, fmt.Errorf("statsforecast returned %d/%d forecasts for %s, want %d", len(e), len(c), id, h)
		}
		ets.forecasts = append(ets.forecasts, e)
		if forecast.Classify(&series[i]).Intermittent() {
			both.forecasts = append(both.forecasts, c)
		} else {
			both.forecasts = append(both.forecasts, e)
		}
	}
	for _, m := range []*benchMethod{&ets, &both} {
		if m.Seconds > 0 {
			m.SeriesPerSec = n / m.Seconds
		}
	}
	return "statsforecast " + tm.Statsforecast, []benchMethod{ets, both}, nil
}

// runQuiet runs a command and returns its standard output; on failure the error carries
// the end of its standard error.
func runQuiet(ctx context.Context, name string, args ...string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := stderr.String()
		if len(msg) > 2000 {
			msg = "…" + msg[len(msg)-2000:]
		}
		return nil, fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(msg))
	}
	return out, nil
}

func printForecastBench(w io.Writer, s *benchForecastSummary) {
	fmt.Fprintf(w, "%d simulated series (seed %d, %d days), last %d days held out; %d worker(s); %s\n\n",
		s.Series, s.Seed, s.Days, s.Horizon, s.Workers, s.Library)
	fmt.Fprintf(w, "%-58s %7s %7s %8s %13s %9s %9s %10s\n", "method", "WAPE", "MASE", "bias", "beats naive", "smooth", "intermit.", "series/s")
	for _, m := range s.Methods {
		speed := "-"
		if m.speedMeasured {
			speed = fmt.Sprintf("%.1f", m.SeriesPerSec)
		}
		e := m.Eval
		fmt.Fprintf(w, "%-58s %7.4f %7.4f %+8.4f %6d / %-4d %9.4f %9.4f %10s\n", m.Name, e.Total.WAPE, e.Total.MASE, e.Total.Bias,
			e.Beats, e.Series, e.Groups["smooth"].WAPE, e.Groups["intermittent"].WAPE, speed)
	}
	fmt.Fprintf(w, "\nWAPE and bias over all held-out demand; MASE is the mean over series of the error scaled by the in-sample\n")
	fmt.Fprintf(w, "seasonal naive error; stock-out days are not scored. smooth / intermit.: WAPE by simulated kind.\n")
	fmt.Fprintf(w, "models Seam chose (with stock-outs and promotions): %v\n", s.Chosen)
}
