package forecast

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

var nan = math.NaN()

func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= tol
}

func TestScoreMetrics(t *testing.T) {
	tests := []struct {
		name  string
		f, y  []float64
		scale float64
		want  Metrics
	}{
		{"perfect", []float64{1, 2, 3}, []float64{1, 2, 3}, 1, Metrics{WAPE: 0, MASE: 0, Bias: 0, Days: 3, Actual: 6}},
		// |1|+|−1|+|2| = 4 over 10 units; signed 1−1+2 = 2; MAE 4/3 over scale 2.
		{"mixed errors", []float64{5, 2, 5}, []float64{4, 3, 3}, 2, Metrics{WAPE: 0.4, MASE: 4.0 / 3 / 2, Bias: 0.2, Days: 3, Actual: 10}},
		{"censored day skipped", []float64{5, 100, 5}, []float64{4, nan, 3}, 1, Metrics{WAPE: 3.0 / 7, MASE: 1.5, Bias: 3.0 / 7, Days: 2, Actual: 7}},
		{"always low", []float64{0, 0}, []float64{2, 2}, 1, Metrics{WAPE: 1, MASE: 2, Bias: -1, Days: 2, Actual: 4}},
		{"no demand, no forecast", []float64{0, 0}, []float64{0, 0}, 1, Metrics{WAPE: 0, MASE: 0, Bias: 0, Days: 2}},
		{"forecast on no demand", []float64{1, 0}, []float64{0, 0}, 1, Metrics{WAPE: math.Inf(1), MASE: 0.5, Bias: math.Inf(1), Days: 2}},
		{"no scale", []float64{1}, []float64{2}, 0, Metrics{WAPE: 0.5, MASE: nan, Bias: -0.5, Days: 1, Actual: 2}},
	}
	for _, tt := range tests {
		s := Score{Scale: tt.scale}
		s.Add(tt.f, tt.y)
		got := s.Metrics()
		if !near(got.WAPE, tt.want.WAPE, 1e-12) || !near(got.MASE, tt.want.MASE, 1e-12) || !near(got.Bias, tt.want.Bias, 1e-12) ||
			got.Days != tt.want.Days || got.Actual != tt.want.Actual {
			t.Errorf("%s: Score(%v, %v) = %+v, want %+v", tt.name, tt.f, tt.y, got, tt.want)
		}
	}
}

func TestTotalPoolsWAPEAndAveragesMASE(t *testing.T) {
	a := Score{Scale: 1}
	a.Add([]float64{10}, []float64{8}) // error 2 on 8, MASE 2
	b := Score{Scale: 4}
	b.Add([]float64{1}, []float64{2}) // error 1 on 2, MASE 0.25
	c := Score{}                      // no scale: left out of MASE
	c.Add([]float64{0}, []float64{0})
	got := Total([]Score{a, b, c})
	if !near(got.WAPE, 3.0/10, 1e-12) || !near(got.Bias, 1.0/10, 1e-12) || !near(got.MASE, (2+0.25)/2, 1e-12) || got.Days != 3 {
		t.Errorf("Total = %+v, want WAPE 0.3, bias 0.1, MASE 1.125 over 3 days", got)
	}
}

func TestNaiveScale(t *testing.T) {
	tests := []struct {
		y    []float64
		want float64
	}{
		{[]float64{1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7}, 0},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 2, 4, 3, 4, 5, 6, 7}, 3.0 / 7},
		{[]float64{1, 2, 3, 4, 5, 6, 7, nan, 4, 3, 4, 5, 6, 7}, 2.0 / 6},
		{[]float64{1, 2, 3}, 0},
	}
	for _, tt := range tests {
		if got := naiveScale(tt.y); !near(got, tt.want, 1e-12) {
			t.Errorf("naiveScale(%v) = %v, want %v", tt.y, got, tt.want)
		}
	}
}

func TestMetricsJSONWritesNullForMissing(t *testing.T) {
	b, err := json.Marshal(Metrics{WAPE: math.Inf(1), MASE: nan, Bias: 0.5, Days: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"wape":null,"mase":null,"bias":0.5,"days":3,"actual":0}`; got != want {
		t.Errorf("json = %s, want %s", got, want)
	}
	acc, err := json.Marshal(Accuracy{Origins: 2, Model: Score{AbsErr: 1, Actual: 4, Days: 2, Scale: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if s := string(acc); !strings.Contains(s, `"model":{"wape":0.25,"mase":0.5`) || strings.Contains(s, "AbsErr") {
		t.Errorf("accuracy json = %s, want model metrics and no raw sums", s)
	}
}

func TestNelderMead(t *testing.T) {
	rosen := func(x []float64) float64 {
		return 100*math.Pow(x[1]-x[0]*x[0], 2) + math.Pow(1-x[0], 2)
	}
	x, v := nelderMead(rosen, []float64{-1.2, 1}, []float64{0.5, 0.5}, 1e-14, 5000)
	if !near(x[0], 1, 1e-3) || !near(x[1], 1, 2e-3) || v > 1e-6 {
		t.Errorf("Rosenbrock minimum at %v (value %g), want (1, 1)", x, v)
	}
	// A constrained bowl: +Inf outside x ≥ 2, minimum on the boundary side at x = 2.
	bowl := func(x []float64) float64 {
		if x[0] < 2 {
			return math.Inf(1)
		}
		return (x[0]-1)*(x[0]-1) + (x[1]+3)*(x[1]+3)
	}
	x, _ = nelderMead(bowl, []float64{5, 5}, []float64{1, 1}, 1e-12, 2000)
	if !near(x[0], 2, 1e-3) || !near(x[1], -3, 5e-3) {
		t.Errorf("constrained minimum at %v, want (2, -3)", x)
	}
}
