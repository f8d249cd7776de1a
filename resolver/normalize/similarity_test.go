package normalize

import (
	"math"
	"testing"
)

// similarityTests are known Jaro-Winkler values (Winkler 1990 and the usual textbook
// pairs), also the seeds of FuzzJaroWinkler.
var similarityTests = []struct {
	a, b string
	want float64
}{
	{"MARTHA", "MARHTA", 0.9611},
	{"MARHTA", "MARTHA", 0.9611},
	{"DWAYNE", "DUANE", 0.8400},
	{"DIXON", "DICKSONX", 0.8133},
	{"JONES", "JOHNSON", 0.8324},
	{"CRATE", "TRACE", 0.7333}, // Jaro below 0.7 gets no prefix bonus; here the prefix is empty
	{"ABC", "ABC", 1},
	{"林美", "林美", 1},
	{"林美", "林梅", 0.6667}, // Jaro 2/3, too low for the prefix bonus
	{"A", "B", 0},
	{"ABC", "XYZ", 0},
	{"", "", 0},
	{"ABC", "", 0},
}

func TestJaroWinkler(t *testing.T) {
	for _, tt := range similarityTests {
		if got := JaroWinkler(tt.a, tt.b); math.Abs(got-tt.want) > 0.00005 {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, want %.4f", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b []string
		want float64
	}{
		{[]string{"acme", "trading"}, []string{"acme", "trading"}, 1},
		{[]string{"acme", "trading"}, []string{"trading", "acme", "acme"}, 1},
		{[]string{"acme", "trading"}, []string{"acme", "foods"}, 1.0 / 3},
		{[]string{"12", "main", "st"}, []string{"12", "main", "st", "apt", "4"}, 0.6},
		{[]string{"a"}, []string{"b"}, 0},
		{[]string{"a"}, nil, 0},
		{nil, nil, 0},
	}
	for _, tt := range tests {
		if got := Jaccard(tt.a, tt.b); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Jaccard(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzJaroWinkler(f *testing.F) {
	for _, tt := range similarityTests {
		f.Add(tt.a, tt.b)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		s := JaroWinkler(a, b)
		if s < 0 || s > 1 || math.IsNaN(s) {
			t.Fatalf("JaroWinkler(%q, %q) = %v, outside [0, 1]", a, b, s)
		}
		if r := JaroWinkler(b, a); math.Abs(r-s) > 1e-9 {
			t.Fatalf("JaroWinkler(%q, %q) = %v but reversed %v", a, b, s, r)
		}
		if a != "" && JaroWinkler(a, a) != 1 {
			t.Fatalf("JaroWinkler(%q, itself) = %v", a, JaroWinkler(a, a))
		}
		if j := Jaccard(PersonNameTokens(a), PersonNameTokens(b)); j < 0 || j > 1 {
			t.Fatalf("Jaccard of %q and %q = %v", a, b, j)
		}
	})
}
