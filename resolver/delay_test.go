package resolver

import (
	"math"
	"testing"
)

func TestEstimateDelay(t *testing.T) {
	// 800 true ring-ups with delays of mean 120 s, 200 unrelated pairs spread over the hour.
	var dts []float64
	x := uint64(7)
	next := func() float64 {
		x = x*6364136223846793005 + 1442695040888963407
		return float64(x>>11) / float64(1<<53)
	}
	for i := 0; i < 800; i++ {
		dts = append(dts, -120*math.Log(1-next()))
	}
	for i := 0; i < 200; i++ {
		dts = append(dts, 3600*next())
	}
	mu, share := EstimateDelay(dts, 3600)
	if mu < 100 || mu > 140 || share < 0.75 || share > 0.85 {
		t.Fatalf("fit mu %.1f share %.3f, want about 120 and 0.8", mu, share)
	}
}

func TestTimeWeight(t *testing.T) {
	w := DefaultWeights()
	if a, b := timeWeight(w, 60), timeWeight(w, 600); a <= b || a < 3 || b > 0 {
		t.Fatalf("one minute weighs %.2f, ten minutes %.2f", a, b)
	}
}
