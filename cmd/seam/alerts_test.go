package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket/wsjson"
	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// alertsConfig: milk at a store and a warehouse with an hour's window and horizon, a
// weighed pallet of cheese and a chilled pallet of yoghurt; every figure short so that
// the test runs in seconds.
func alertsConfig(t *testing.T, tenant string) Config {
	cfg := testConfig(t)
	cfg.AlertSweep = 300 * time.Millisecond
	cfg.Locations = []resolver.LocationAlias{
		{Tenant: tenant, System: "shipbob", Code: "WH1", Location: "WH-1"},
		{Tenant: tenant, System: "shipbob", Code: "ST1", Location: "STORE-1"},
		{Tenant: tenant, System: "square", Code: "ST1", Location: "STORE-1"},
	}
	u := func(n int64) *ontology.Qty { q := ontology.Units(n); return &q }
	cfg.Alerts = map[string]inventory.AlertConfig{tenant: {
		Defaults: inventory.AlertDefaults{Window: time.Hour, Horizon: time.Hour, SensorGap: time.Minute},
		Thresholds: []inventory.Threshold{
			{SKU: "MILK-1L", Location: "STORE-1", SafetyStock: u(10), ReorderPoint: u(1)},
		},
		Zones: map[string]inventory.Zone{"chilled": {Min: decimal.NewFromInt(2), Max: decimal.NewFromInt(8), MaxExcursion: 2 * time.Second}},
		Lots:  []inventory.LotInfo{{SKU: "YOG-500", Lot: "Y1", Zone: "chilled"}},
		Pallets: []inventory.Pallet{
			{Device: "PALLET-CH1", SKU: "CHEESE", Lot: "C1", Location: "WH-1",
				UnitWeight: ontology.Units(1) + ontology.Units(1)/20, Tare: ontology.Units(25)},
			{Device: "PALLET-YG1", SKU: "YOG-500", Lot: "Y1", Location: "WH-1"},
		},
	}}
	return cfg
}

// book stores a document and wakes the server's worker, which resolves it, writes the
// ledger and projects it: the path every document takes.
func book(t *testing.T, s *Server, d ontology.Document) {
	t.Helper()
	raw, _ := json.Marshal(d)
	if _, err := s.App.store.SaveDocuments(context.Background(), []ontology.Envelope{{Doc: d, Raw: raw, Via: "test"}}); err != nil {
		t.Fatal(err)
	}
	s.App.worker.Notify(d.Key.Tenant)
}

func receipt(tenant, id, code, sku, lot string, n int64) ontology.Document {
	return ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "shipbob", Type: "receipt", ExternalID: id},
		Role: ontology.RoleReceipt, Verb: ontology.VerbReceived, OccurredAt: time.Now().UTC(),
		Location: &ontology.LocationRef{System: "shipbob", Code: code},
		Lines:    []ontology.Line{{SKU: sku, Lot: lot, Qty: ontology.Units(n)}},
	}
}

func posSale(tenant, id, sku, lot string, n int64) ontology.Document {
	return ontology.Document{
		Key:  ontology.DocKey{Tenant: tenant, System: "square", Type: "order", ExternalID: id},
		Role: ontology.RolePOS, Verb: ontology.VerbPaid, OccurredAt: time.Now().UTC(),
		Location: &ontology.LocationRef{System: "square", Code: "ST1"},
		Lines:    []ontology.Line{{SKU: sku, Lot: lot, Qty: ontology.Units(n)}},
	}
}

type alertRow struct {
	ID, Rule, Severity, Status, Sku, Location, Lot, Message string
	Evidence                                                []struct{ Name, Value string }
	Proposal                                                *struct {
		From, To, Qty string
		Lines         []struct{ Lot, Qty string }
	}
	Transfer *struct{ ID, Kind string }
}

func (a alertRow) figure(name string) string {
	for _, f := range a.Evidence {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

const alertFields = `id rule severity status sku location lot message evidence { name value }
  proposal { from to qty lines { lot qty } } transfer { id kind }`

// pushed collects what a websocket subscription delivers, keep-alives left out.
func pushed(t *testing.T, ctx context.Context, w *wsClient) <-chan wsMsg {
	out := make(chan wsMsg, 64)
	go func() {
		defer close(out)
		for {
			var m wsMsg
			if err := wsjson.Read(ctx, w.c, &m); err != nil {
				return
			}
			if m.Type != "ka" && m.Type != "ping" && m.Type != "pong" {
				out <- m
			}
		}
	}()
	return out
}

// nextAlert waits for the next pushed alert.
func nextAlert(t *testing.T, msgs <-chan wsMsg, within time.Duration) alertRow {
	t.Helper()
	select {
	case m, ok := <-msgs:
		if !ok {
			t.Fatal("subscription closed")
		}
		var p struct {
			Data struct{ AlertRaised alertRow }
		}
		if m.Type != "next" || json.Unmarshal(m.Payload, &p) != nil {
			t.Fatalf("subscription sent %s %s", m.Type, m.Payload)
		}
		return p.Data.AlertRaised
	case <-time.After(within):
		t.Fatalf("no alert pushed within %s", within)
	}
	return alertRow{}
}

// noAlert fails if an alert is pushed within d.
func noAlert(t *testing.T, msgs <-chan wsMsg, d time.Duration, why string) {
	t.Helper()
	select {
	case m := <-msgs:
		t.Fatalf("%s: pushed %s %s", why, m.Type, m.Payload)
	case <-time.After(d):
	}
}

// waitAlert polls alerts until one of the rule passes check.
func waitAlert(t *testing.T, base, key, rule string, check func(alertRow) bool) alertRow {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var out struct{ Alerts []alertRow }
		r, _ := graphQLWith(t, base, key, nil, `{ alerts { `+alertFields+` } }`, nil, &out)
		if len(r.Errors) > 0 {
			t.Fatalf("alerts: %+v", r.Errors)
		}
		for _, a := range out.Alerts {
			if a.Rule == rule && check(a) {
				return a
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s alert as expected within 30 s: %+v", rule, out.Alerts)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitOpen polls until the tenant has n open alerts.
func waitOpen(t *testing.T, base, key string, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var out struct{ Alerts []alertRow }
		if r, _ := graphQLWith(t, base, key, nil, `{ alerts(status: OPEN) { id rule location } }`, nil, &out); len(r.Errors) > 0 {
			t.Fatalf("alerts: %+v", r.Errors)
		}
		if len(out.Alerts) == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("open alerts = %+v, want %d", out.Alerts, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestAlertsThatAct is issue 12's acceptance for alerts: a pallet reading that disagrees
// with the ledger, a temperature excursion and a projected stock-out each raise one
// alert, pushed to a subscribed client, not repeated while the condition lasts; the
// transfer the stock-out proposes, once created, moves the stock.
func TestAlertsThatAct(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	cfg := alertsConfig(t, tenant)
	s := startServer(t, cfg)
	waitMQTT(t, s)
	base := "http://" + s.Addr
	reader, operator := mintKey(t, tenant, "reader"), mintKey(t, tenant, "operator")
	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()

	// Until the goods arrive the store is below its safety stock (an alert the sweep may
	// raise and the receipt resolves); the client subscribes once they are in.
	book(t, s, receipt(tenant, "r-milk-wh", "WH1", "MILK-1L", "B1", 100))
	book(t, s, receipt(tenant, "r-milk-st", "ST1", "MILK-1L", "B1", 30))
	book(t, s, receipt(tenant, "r-cheese", "WH1", "CHEESE", "C1", 100))
	waitStock(t, base, tenant, "CHEESE", func(rows []stockRow) bool { return len(rows) == 1 && rows[0].OnHand == "100" })
	waitStock(t, base, tenant, "MILK-1L", func(rows []stockRow) bool { return len(rows) == 2 })
	waitOpen(t, base, reader, 0)
	w := subscribe(t, ctx, s.Addr, reader, `subscription { alertRaised { `+alertFields+` } }`)
	msgs := pushed(t, ctx, w)
	noAlert(t, msgs, time.Second, "stock above every threshold")

	// Projected stock-out: 12 sold in the last hour leave 18, which at 12 an hour fall
	// below the safety stock of 10 in 40 minutes.
	book(t, s, posSale(tenant, "sale-1", "MILK-1L", "B1", 12))
	a := nextAlert(t, msgs, 30*time.Second)
	if a.Rule != "PROJECTED_STOCKOUT" || a.Severity != "WARNING" || a.Location != "STORE-1" || a.Sku != "MILK-1L" ||
		a.figure("available") != "18" || a.figure("perHour") != "12" || a.Proposal == nil ||
		a.Proposal.From != "WH-1" || a.Proposal.To != "STORE-1" || a.Proposal.Qty != "4" || a.Proposal.Lines[0].Lot != "B1" {
		t.Fatalf("stock-out alert = %+v %+v", a, a.Proposal)
	}
	crosses, err := time.Parse(time.RFC3339, a.figure("crossesAt"))
	if err != nil || time.Until(crosses) < 35*time.Minute || time.Until(crosses) > 41*time.Minute {
		t.Fatalf("crosses the safety stock at %s (%v): want in about 40 minutes", a.figure("crossesAt"), err)
	}
	// Another sale: the condition lasts, its figures follow, nothing is pushed.
	book(t, s, posSale(tenant, "sale-2", "MILK-1L", "B1", 1))
	a = waitAlert(t, base, reader, "PROJECTED_STOCKOUT", func(x alertRow) bool { return x.figure("available") == "17" })
	if a.Status != "OPEN" || a.Proposal.Qty != "6" {
		t.Fatalf("after the second sale: %+v %+v", a, a.Proposal)
	}
	noAlert(t, msgs, time.Second, "the stock-out still holds")

	// Sensor against ledger: (130 - 25) / 1.05 = 100 agrees; (120.5 - 25) / 1.05 = 90.952
	// does not.
	pub := publisher(t, cfg)
	now := time.Now()
	reading := func(device string, at time.Time, values string) {
		publish(t, pub, "seam/"+tenant+"/sensors/"+device, []byte(fmt.Sprintf(`{"ts":%d,"values":{%s}}`, at.UnixMilli(), values)))
	}
	reading("PALLET-CH1", now.Add(-3*time.Second), `"weight":130`)
	noAlert(t, msgs, time.Second, "a weight that agrees with the ledger")
	reading("PALLET-CH1", now.Add(-2*time.Second), `"weight":120.5`)
	a = nextAlert(t, msgs, 30*time.Second)
	if a.Rule != "SENSOR_LEDGER" || a.Sku != "CHEESE" || a.Lot != "C1" || a.Location != "WH-1" ||
		a.figure("estimated") != "90.952" || a.figure("ledger") != "100" {
		t.Fatalf("sensor alert = %+v", a)
	}
	reading("PALLET-CH1", now.Add(-time.Second), `"weight":120.4`)
	waitAlert(t, base, reader, "SENSOR_LEDGER", func(x alertRow) bool { return x.figure("weightKg") == "120.4" })
	noAlert(t, msgs, time.Second, "the pallet still disagrees")

	// Cold chain: 11 °C in a 2-8 °C zone. It raises once it has lasted 2 s (found by the
	// sweep: no reading needs to arrive), and only once.
	reading("PALLET-YG1", time.Now(), `"temperature":11`)
	a = nextAlert(t, msgs, 30*time.Second)
	if a.Rule != "COLD_CHAIN" || a.Severity != "CRITICAL" || a.Sku != "YOG-500" || a.Lot != "Y1" || a.figure("temperatureC") != "11" {
		t.Fatalf("cold chain alert = %+v", a)
	}
	if d, err := time.ParseDuration(a.figure("duration")); err != nil || d < 2*time.Second {
		t.Fatalf("raised after %s (%v), want at least the zone's 2 s", a.figure("duration"), err)
	}
	reading("PALLET-YG1", time.Now(), `"temperature":12.5`)
	noAlert(t, msgs, time.Second, "the excursion goes on")

	// The reader sees, the operator acts.
	var ack struct{ AcknowledgeAlert alertRow }
	r, _ := graphQLWith(t, base, reader, nil, `mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }`, map[string]any{"id": a.ID}, &ack)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Fatalf("a reader acknowledged: %+v", r)
	}
	r, _ = graphQLWith(t, base, operator, nil, `mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }`, map[string]any{"id": a.ID}, &ack)
	if len(r.Errors) > 0 || ack.AcknowledgeAlert.Status != "ACKNOWLEDGED" {
		t.Fatalf("acknowledge = %+v %+v", ack, r.Errors)
	}
	reading("PALLET-YG1", time.Now(), `"temperature":4`)
	waitAlert(t, base, reader, "COLD_CHAIN", func(x alertRow) bool { return x.ID == a.ID && x.Status == "RESOLVED" })
	// The request is sound; the alert's state stands in its way, as for a second transfer.
	r, _ = graphQLWith(t, base, operator, nil, `mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }`, map[string]any{"id": a.ID}, &ack)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "CONFLICT" || !strings.Contains(r.Errors[0].Message, "resolved") {
		t.Fatalf("acknowledging a resolved alert: %+v", r)
	}

	// The transfer: 6 from the warehouse to the store, through the ledger.
	stockout := waitAlert(t, base, reader, "PROJECTED_STOCKOUT", func(alertRow) bool { return true })
	var tr struct {
		CreateTransfer struct {
			Alert alertRow
			Event struct {
				ID, Kind  string
				Movements []struct{ Location, Lot, Qty, Bucket string }
			}
		}
	}
	const create = `mutation($id: ID!) { createTransfer(alert: $id) { alert { ` + alertFields + ` } event { id kind movements { location lot qty bucket } } } }`
	r, _ = graphQLWith(t, base, operator, nil, create, map[string]any{"id": stockout.ID}, &tr)
	if len(r.Errors) > 0 || tr.CreateTransfer.Event.Kind != "transfer" || len(tr.CreateTransfer.Event.Movements) != 2 ||
		tr.CreateTransfer.Alert.Transfer == nil || tr.CreateTransfer.Alert.Transfer.ID != tr.CreateTransfer.Event.ID {
		t.Fatalf("createTransfer = %+v %+v", tr, r.Errors)
	}
	rows := waitStock(t, base, tenant, "MILK-1L", func(rows []stockRow) bool {
		return len(rows) == 2 && rows[0].Location == "STORE-1" && rows[0].OnHand == "23" && rows[1].OnHand == "94"
	})
	if rows[0].Lot != "B1" || rows[1].Location != "WH-1" {
		t.Fatalf("stock after the transfer = %+v", rows)
	}
	// An operator reads what a reader reads.
	var seen struct{ Stock []stockRow }
	if r, _ := graphQLWith(t, base, operator, nil, `{ stock(sku: "MILK-1L", location: "STORE-1") { onHand } }`, nil, &seen); len(r.Errors) > 0 || len(seen.Stock) != 1 || seen.Stock[0].OnHand != "23" {
		t.Fatalf("operator's stock = %+v %+v", seen, r.Errors)
	}
	r, _ = graphQLWith(t, base, operator, nil, create, map[string]any{"id": stockout.ID}, &tr)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "CONFLICT" || !strings.Contains(r.Errors[0].Message, "already booked") {
		t.Fatalf("a second transfer on one alert: %+v", r)
	}
	// 23 at 13 an hour stays at the safety stock through the horizon: resolved.
	waitAlert(t, base, reader, "PROJECTED_STOCKOUT", func(x alertRow) bool { return x.ID == stockout.ID && x.Status == "RESOLVED" })

	// Three conditions, three pushes in all; the ledger and the cache agree.
	noAlert(t, msgs, time.Second, "after everything")
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`seam_alerts_raised_total{rule="cold_chain",severity="critical"} 1`,
		`seam_alerts_raised_total{rule="sensor_ledger",severity="warning"} 1`,
		`seam_alerts_raised_total{rule="projected_stockout",severity="warning"} 1`,
		`seam_alert_response_seconds_count{rule="cold_chain"} 1`,
		`seam_alert_response_seconds_count{rule="sensor_ledger"} 1`,
	} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	var out bytes.Buffer
	if err := runCache(ctx, cfg, slog.New(slog.DiscardHandler), []string{"verify", "--tenant", tenant}, &out); err != nil ||
		!strings.Contains(out.String(), "cache equals the ledger") {
		t.Fatalf("cache verify = %q, %v", out.String(), err)
	}
}

// TestAlertsStayInTheirTenant: a tenant whose alert settings are empty gets the stock
// rules with a safety stock from its own consumption, and its alerts reach its own
// subscribers only; another tenant's admin key can neither list, acknowledge nor act
// on them. A tenant without settings has no alerts, whatever its stock does.
func TestAlertsStayInTheirTenant(t *testing.T) {
	ta, tb := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	cfg := testConfig(t)
	cfg.Alerts = map[string]inventory.AlertConfig{tb: {}}
	for _, tenant := range []string{ta, tb} {
		cfg.Locations = append(cfg.Locations,
			resolver.LocationAlias{Tenant: tenant, System: "shipbob", Code: "ST1", Location: "STORE-1"},
			resolver.LocationAlias{Tenant: tenant, System: "square", Code: "ST1", Location: "STORE-1"})
	}
	s := startServer(t, cfg)
	base := "http://" + s.Addr
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	msgsA := pushed(t, ctx, subscribe(t, ctx, s.Addr, adminKey(t, ta), `subscription { alertRaised { id } }`))
	msgsB := pushed(t, ctx, subscribe(t, ctx, s.Addr, mintKey(t, tb, "reader"), `subscription { alertRaised { `+alertFields+` } }`))

	// 5 of 6 sold: at that rate over the default week and a 3-day lead time the safety
	// stock is ceil(0.5 × 5/168 h × 72 h) = 2 and the reorder point ceil(2.14) + 2 = 5;
	// 1 is left.
	for _, tenant := range []string{ta, tb} {
		book(t, s, receipt(tenant, "r-1", "ST1", "TEA", "", 6))
		waitStock(t, base, tenant, "TEA", func(rows []stockRow) bool { return len(rows) == 1 && rows[0].OnHand == "6" })
		book(t, s, posSale(tenant, "s-1", "TEA", "", 5))
	}
	b := nextAlert(t, msgsB, 30*time.Second)
	if b.Rule != "PROJECTED_STOCKOUT" || b.Severity != "CRITICAL" || b.figure("safetyStock") != "2" ||
		b.figure("safetyStockFrom") != "consumption" || b.figure("available") != "1" {
		t.Fatalf("B's alert = %+v", b)
	}
	if r := nextAlert(t, msgsB, 30*time.Second); r.Rule != "REORDER_POINT" || r.figure("reorderPoint") != "5" {
		t.Fatalf("B's second alert = %+v", r)
	}
	noAlert(t, msgsA, 500*time.Millisecond, "A's subscription")

	var list struct{ Alerts []alertRow }
	if r := graphQL(t, base, ta, `{ alerts { id } }`, nil, &list); len(r.Errors) > 0 || len(list.Alerts) != 0 {
		t.Fatalf("A lists %+v %+v", list, r.Errors)
	}
	for _, m := range []string{
		`mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }`,
		`mutation($id: ID!) { createTransfer(alert: $id, qty: "1") { event { id } } }`,
	} {
		r := graphQL(t, base, ta, m, map[string]any{"id": b.ID}, nil)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "no such alert") {
			t.Fatalf("A acting on B's alert (%s): %+v", m, r)
		}
	}
	var still struct{ Alerts []alertRow }
	if r := graphQL(t, base, tb, `{ alerts(status: OPEN) { id status } }`, nil, &still); len(r.Errors) > 0 || len(still.Alerts) != 2 {
		t.Fatalf("B's alerts after A's attempts = %+v %+v", still, r.Errors)
	}
}

// TestAlertsConfigFromYAML: the README's example loads as written, and a setting that
// cannot work is refused with the tenant and what is wrong.
func TestAlertsConfigFromYAML(t *testing.T) {
	const good = `
alertSweep: 10s
alerts:
  acme:
    defaults: { window: 168h, leadTime: 48h, safetyFactor: 0.5, horizon: 24h, expiryWindow: 72h }
    autoTransfer: false
    thresholds:
      - { sku: MILK-1L, location: STORE-SH-01, safetyStock: 12, reorderPoint: 30, leadTime: 24h }
    zones:
      chilled: { min: 2, max: 8, maxExcursion: 20m }
    lots:
      - { sku: MILK-1L, lot: B2503, expiresAt: 2026-06-01T00:00:00Z, zone: chilled }
    pallets:
      - { sscc: "376141410000000018", sku: MILK-1L, lot: B2503, location: WH-SH, unitWeight: 1.05, tare: 25, tolerance: 2 }
`
	load := func(yaml string) (Config, error) {
		path := t.TempDir() + "/seam.yaml"
		if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		return LoadConfig(func(k string) string {
			if k == "SEAM_CONFIG" {
				return path
			}
			return ""
		})
	}
	cfg, err := load(good)
	if err != nil {
		t.Fatal(err)
	}
	a := cfg.Alerts["acme"]
	if cfg.AlertSweep != 10*time.Second || a.Defaults.LeadTime != 48*time.Hour || a.Defaults.SafetyFactor != ontology.Units(1)/2 ||
		*a.Thresholds[0].SafetyStock != ontology.Units(12) || a.Zones["chilled"].MaxExcursion != 20*time.Minute ||
		a.Zones["chilled"].Max.String() != "8" || a.Lots[0].ExpiresAt.Month() != time.June ||
		a.Pallets[0].UnitWeight != ontology.Units(105)/100 || *a.Pallets[0].Tolerance != ontology.Units(2) {
		t.Fatalf("loaded %+v", a)
	}
	_, err = load(strings.Replace(good, "zone: chilled }", "zone: frozen }", 1))
	if err == nil || !strings.Contains(err.Error(), "alerts of tenant acme") || !strings.Contains(err.Error(), `unknown zone "frozen"`) {
		t.Fatalf("unknown zone: %v", err)
	}
}
