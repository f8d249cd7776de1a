package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

// TestBenchForecastWithoutPython runs `seam bench forecast` on a small assortment with
// the Python library left out (tests do not install it): the table and the JSON summary
// carry the baseline, Seam's two runs and the truth, and Seam beats the baseline.
func TestBenchForecastWithoutPython(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	var out bytes.Buffer
	args := []string{"--no-python", "--series", "12", "--days", "400", "--horizon", "14"}
	if err := benchForecast(context.Background(), log, append(args, "--json"), &out); err != nil {
		t.Fatal(err)
	}
	var sum benchForecastSummary
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatalf("--json printed %s: %v", out.String(), err)
	}
	if len(sum.Methods) != 4 || sum.Series != 12 || sum.Horizon != 14 {
		t.Fatalf("summary %+v, want 4 methods over 12 series", sum)
	}
	naive, seam := sum.Methods[0], sum.Methods[2]
	if !strings.HasPrefix(naive.Name, "seasonal naive") || !strings.HasPrefix(seam.Name, "Seam, with") {
		t.Fatalf("methods %q, %q", naive.Name, seam.Name)
	}
	if seam.Eval.Total.WAPE >= naive.Eval.Total.WAPE || seam.SeriesPerSec <= 0 || seam.Eval.Series != 12 {
		t.Errorf("seam %+v against naive %+v: want a lower WAPE and a measured speed", seam, naive)
	}
	out.Reset()
	if err := benchForecast(context.Background(), log, args, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"method", "WAPE", "seasonal naive (baseline)", "Seam, sales only", "series/s"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	var u usageError
	if err := benchForecast(context.Background(), log, []string{"--no-python", "--days", "30"}, &out); !errors.As(err, &u) {
		t.Errorf("30 days with a 28-day horizon gave %v, want a usage error", err)
	}
}
