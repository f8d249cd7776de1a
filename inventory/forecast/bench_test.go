package forecast_test

import (
	"context"
	"testing"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/inventory/forecast/simdemand"
)

// BenchmarkAllSimulated measures forecasting 60 simulated three-year series on one worker.
func BenchmarkAllSimulated(b *testing.B) {
	cfg := simdemand.DefaultConfig()
	cfg.Series = 60
	sims, _ := simdemand.Generate(cfg)
	train := make([]forecast.Series, len(sims))
	for i := range sims {
		train[i], _ = forecast.Split(&sims[i].Series, 28)
	}
	b.ResetTimer()
	for range b.N {
		forecast.All(context.Background(), forecast.Config{Horizon: 28}, train, 1)
	}
}
