package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestSignalsEnterForecastsAsDocuments is the intake of external signals end to end: a
// tenant in Shanghai sells iced tea that truly follows the day's temperature. The
// weather arrives as an Open-Meteo file (the history and a 14-day forecast, for the
// store) and a search index of pure noise as a Google Trends file (the history only,
// for the whole tenant), both through `seam ingest`; a file with a bad row is
// quarantined. The refreshed forecast shows both signals measured: the temperature
// used, with a lower backtest WAPE, over the 14 days it covers; the noise not used and
// covering no forecast day. Its days are Shanghai's.
func TestSignalsEnterForecastsAsDocuments(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	cfg := testConfig(t)
	cfg.Tenants = map[string]TenantConfig{tenant: {TimeZone: "Asia/Shanghai"}}
	s := startServer(t, cfg)
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	const n, ahead = 210, 14
	today := forecast.Midnight(time.Now(), shanghai)
	first := today.AddDate(0, 0, -n)
	r := rand.New(rand.NewPCG(15, 15))
	temp := make([]float64, n+ahead)
	noise := make([]float64, n)
	for i := range temp {
		temp[i] = math.Round((22+6*r.NormFloat64())*10) / 10
	}
	for i := range noise {
		noise[i] = float64(40 + r.IntN(40))
	}
	var envs []ontology.Envelope
	loc := &ontology.LocationRef{System: "x", Code: "S1"}
	for i := range n {
		mean := max(20*(1+0.05*(temp[i]-22)), 1)
		sold := int64(poisson(r, mean))
		if sold == 0 {
			continue
		}
		// 00:30 in Shanghai is the day before in UTC: only the tenant's own day puts
		// the sale where the temperature of its day is.
		d := ontology.Document{Key: ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: fmt.Sprintf("P-%d", i)},
			Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: first.AddDate(0, 0, i).Add(30 * time.Minute), Location: loc,
			Lines: []ontology.Line{{SKU: "ICE-TEA", Qty: ontology.Units(sold)}}}
		envs = append(envs, ontology.Envelope{Doc: d, Raw: []byte(d.Key.ExternalID), Via: "test"})
	}
	if _, err := s.App.store.SaveDocuments(context.Background(), envs); err != nil {
		t.Fatal(err)
	}
	s.App.worker.Notify(tenant)
	waitEvents(t, s, tenant, len(envs))

	dir := t.TempDir()
	var days, temps, rows []string
	for i := range n + ahead {
		days = append(days, `"`+first.AddDate(0, 0, i).Format(time.DateOnly)+`"`)
		temps = append(temps, fmt.Sprint(temp[i]))
	}
	for i := range n {
		rows = append(rows, first.AddDate(0, 0, i).Format(time.DateOnly)+","+fmt.Sprint(noise[i]))
	}
	weather := fmt.Sprintf(`{"latitude":31.23,"longitude":121.47,"timezone":"Asia/Shanghai","location":"x:S1",
"daily_units":{"time":"iso8601","temperature_2m_max":"°C"},"daily":{"time":[%s],"temperature_2m_max":[%s]}}`,
		strings.Join(days, ","), strings.Join(temps, ","))
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	out := seam(t, "ingest", "--tenant", tenant, "--system", "signals", "--type", "weather", "--quiet", write("weather.json", weather))
	if !strings.Contains(out, "1 accepted") {
		t.Fatalf("weather ingest: %s", out)
	}
	trend := "Category: All categories\n\nDay,bubble tea: (China)\n" + strings.Join(rows, "\n") + "\n"
	out = seam(t, "ingest", "--tenant", tenant, "--system", "signals", "--type", "trend", "--quiet", write("trend.csv", trend),
		write("bad.csv", "Day,bubble tea: (China)\n2025-06-01,lots\n"))
	if !strings.Contains(out, "1 accepted") || !strings.Contains(out, "1 quarantined") {
		t.Fatalf("trend ingest: %s", out)
	}
	q := seam(t, "quarantine", "list", "--tenant", tenant, "--system", "signals")
	if !strings.Contains(q, `line 2: bubble tea: (China) on 2025-06-01: \"lots\" is not a number`) && !strings.Contains(q, `"lots" is not a number`) {
		t.Errorf("quarantine list does not give the bad row's reason:\n%s", q)
	}

	// Signal documents resolve like sensor readings, into observations that move no
	// stock: none is left pending or set aside.
	waitEvents(t, s, tenant, len(envs)+2)

	run, err := s.App.predict.Refresh(context.Background(), tenant)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Forecasts) != 1 || len(run.Failed) != 0 {
		t.Fatalf("run: %d forecasts, failed %v", len(run.Forecasts), run.Failed)
	}
	var f struct {
		Forecast struct {
			Model  string
			Daily  []struct{ Date time.Time }
			Inputs struct {
				HistoryTo time.Time
				Effects   []struct {
					Name                  string
					WapeWith, WapeWithout *float64
					Used                  bool
					KnownTo               *time.Time
					ForecastDays          int
				}
			}
		}
	}
	if r := graphQL(t, "http://"+s.Addr, tenant, `{ forecast(sku: "ICE-TEA", location: "x:S1") { model daily { date }
		inputs { historyTo effects { name wapeWith wapeWithout used knownTo forecastDays } } } }`, nil, &f); len(r.Errors) > 0 {
		t.Fatalf("forecast: %+v", r.Errors)
	}
	fc := f.Forecast
	t.Logf("model %s, effects %s", fc.Model, effectsText(fc.Inputs.Effects))
	if len(fc.Daily) == 0 || !fc.Daily[0].Date.Equal(today) || !fc.Inputs.HistoryTo.Equal(today.AddDate(0, 0, -1)) {
		t.Errorf("forecast starts %v after history to %v, want Shanghai's today %v", fc.Daily, fc.Inputs.HistoryTo, today)
	}
	byName := map[string]int{}
	for i, e := range fc.Inputs.Effects {
		byName[e.Name] = i
	}
	wi, ok1 := byName["weather:temperature_2m_max"]
	ni, ok2 := byName["trend:bubble tea (China)"]
	if !ok1 || !ok2 {
		t.Fatalf("effects %s: want the weather and the trend measured", effectsText(fc.Inputs.Effects))
	}
	w, nz := fc.Inputs.Effects[wi], fc.Inputs.Effects[ni]
	if !w.Used || w.WapeWith == nil || w.WapeWithout == nil || *w.WapeWith >= *w.WapeWithout || w.ForecastDays != ahead ||
		w.KnownTo == nil || !w.KnownTo.Equal(today.AddDate(0, 0, ahead-1)) {
		t.Errorf("temperature %+v: want used, lower WAPE with it, %d forecast days", w, ahead)
	}
	if nz.Used || nz.ForecastDays != 0 || nz.KnownTo == nil || !nz.KnownTo.Equal(today.AddDate(0, 0, -1)) {
		t.Errorf("noise %+v: want measured, not used, known to yesterday and no forecast day", nz)
	}
	if !strings.Contains(fc.Model, "weather:temperature_2m_max") || strings.Contains(fc.Model, "bubble") {
		t.Errorf("model %q: want the temperature in it and not the noise", fc.Model)
	}
}

func effectsText[E any](es []E) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%s ", mustJSONText(e))
	}
	return b.String()
}

// waitEvents waits until the tenant's documents have all become events.
func waitEvents(t *testing.T, s *Server, tenant string, events int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		st, err := s.App.store.Stats(context.Background(), tenant)
		if err != nil {
			t.Fatal(err)
		}
		if st.Pending == 0 && st.Events == int64(events) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("resolution did not finish: %+v, want %d events", st, events)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// poisson draws a Poisson count (Knuth's method; means here are small).
func poisson(r *rand.Rand, mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

func mustJSONText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestTenantTimeZoneIsChecked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seam.yaml")
	if err := os.WriteFile(path, []byte("tenants:\n  acme: { timeZone: Asia/Shanghai }\n  mars: { timeZone: Mars/Olympus }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadConfig(func(k string) string { return map[string]string{"SEAM_CONFIG": path}[k] })
	if err == nil || !strings.Contains(err.Error(), `tenants.mars.timeZone "Mars/Olympus"`) || strings.Contains(err.Error(), "acme") {
		t.Fatalf("error %v, want only mars's time zone refused", err)
	}
	var c Config
	c.Tenants = map[string]TenantConfig{"acme": {TimeZone: "Asia/Shanghai"}}
	if tz := c.timeZone("acme"); tz == nil || tz.String() != "Asia/Shanghai" || c.timeZone("other") != nil {
		t.Errorf("acme's zone %v, another tenant's %v", tz, c.timeZone("other"))
	}
}
