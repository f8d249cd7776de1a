package simdemand

import (
	"math"
	"reflect"
	"testing"

	"github.com/seamhub/seam/ontology"
)

func TestGenerateIsDeterministic(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Series, cfg.Days = 6, 120
	a, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(cfg)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed gave different series")
	}
	cfg.Series = 3
	c, _ := Generate(cfg)
	if !reflect.DeepEqual(a[:3], c) {
		t.Error("fewer series changed the first ones; each should draw from its own stream")
	}
	cfg.Seed = 2
	d, _ := Generate(cfg)
	if reflect.DeepEqual(a[:3], d) {
		t.Error("another seed gave the same series")
	}
}

func TestGenerateKeepsItsTruth(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Series = 40
	sims, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var kinds = map[string]int{}
	var demand, mean float64
	var censored, promo, temp int
	for _, s := range sims {
		kinds[s.Kind]++
		if s.TempCoef != 0 {
			temp++
		}
		if len(s.Sales) != cfg.Days || len(s.Mean) != cfg.Days || len(s.Regressors[0].Values) != cfg.Days {
			t.Fatalf("%s: lengths %d/%d/%d, want %d", s.Key, len(s.Sales), len(s.Mean), len(s.Regressors[0].Values), cfg.Days)
		}
		for d := range s.Sales {
			if s.Sales[d] > s.Demand[d] || s.Sales[d] < 0 {
				t.Fatalf("%s day %d: sold %s of a demand of %s", s.Key, d, s.Sales[d], s.Demand[d])
			}
			if !s.Censored[d] && s.Sales[d] != s.Demand[d] {
				t.Fatalf("%s day %d: sold %s of %s on a day in stock", s.Key, d, s.Sales[d], s.Demand[d])
			}
			if s.Censored[d] {
				censored++
			}
			if s.Promo[d] {
				promo++
			}
			demand += float64(s.Demand[d]) / float64(ontology.Units(1))
			mean += s.Mean[d]
		}
	}
	// The truth is the expectation of the demand drawn: over 40 three-year series they
	// agree within 2%.
	if math.Abs(demand/mean-1) > 0.02 {
		t.Errorf("total demand %.0f against its true expectation %.0f", demand, mean)
	}
	n := float64(cfg.Series * cfg.Days)
	if kinds["intermittent"] < 6 || kinds["smooth"] < 20 || temp < 6 {
		t.Errorf("kinds %v, %d following the temperature: want the configured mix", kinds, temp)
	}
	if r := float64(censored) / n; r < 0.01 || r > 0.06 {
		t.Errorf("%.1f%% of days censored, want about 4 stock-outs of 3.5 days a year (4%%)", 100*r)
	}
	if r := float64(promo) / n; r < 0.05 || r > 0.12 {
		t.Errorf("%.1f%% of days on promotion, want about 6 of 5 days a year (8%%)", 100*r)
	}
}

func TestGenerateRefusesNothingToDo(t *testing.T) {
	if _, err := Generate(Config{Series: 0, Days: 100}); err == nil {
		t.Error("no series: want an error")
	}
	if _, err := Generate(Config{Series: 1, Days: 3}); err == nil {
		t.Error("three days: want an error")
	}
}
