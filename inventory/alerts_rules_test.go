package inventory

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

var alertNow = time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)

func u(n int64) ontology.Qty { return ontology.Units(n) }

func qp(n int64) *ontology.Qty { q := u(n); return &q }

func cell(loc, lot string, onHand, reserved int64) Stock {
	return Stock{Cell: ontology.Cell{SKU: "MILK-1L", Location: loc, Lot: lot}, OnHand: u(onHand), Reserved: u(reserved)}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// alertTestConfig: a one-hour window and horizon, milk at two stores.
func alertTestConfig() AlertConfig {
	return AlertConfig{
		Defaults:   AlertDefaults{Window: time.Hour, Horizon: time.Hour, ExpiryWindow: 24 * time.Hour},
		Thresholds: []Threshold{{SKU: "MILK-1L", Location: "STORE-1", SafetyStock: qp(10), ReorderPoint: qp(1)}},
		Zones:      map[string]Zone{"chilled": {Min: dec("2"), Max: dec("8"), MaxExcursion: 30 * time.Minute}},
		Lots: []LotInfo{
			{SKU: "MILK-1L", Lot: "L-EARLY", ExpiresAt: alertNow.Add(48 * time.Hour), Zone: "chilled"},
			{SKU: "MILK-1L", Lot: "L-LATE", ExpiresAt: alertNow.Add(20 * 24 * time.Hour), Zone: "chilled"},
			{SKU: "MILK-1L", Lot: "L-GONE", ExpiresAt: alertNow.Add(-time.Hour), Zone: "chilled"},
		},
		Pallets: []Pallet{{SSCC: "000000000000000017", SKU: "MILK-1L", Lot: "L-LATE", Location: "WH-1",
			UnitWeight: ontology.Units(1) + ontology.Units(1)/20, Tare: u(25)}},
	}.WithDefaults()
}

func TestDefaultLevels(t *testing.T) {
	day := 24 * time.Hour
	for _, c := range []struct {
		name            string
		consumed        ontology.Qty
		window, lead    time.Duration
		factor          ontology.Qty
		wantSS, wantROP ontology.Qty
	}{
		{"ten a day, three days' lead", u(70), 7 * day, 3 * day, u(1) / 2, u(15), u(45)},
		{"fractions round up", u(1), 7 * day, 3 * day, u(1) / 2, u(1), u(2)},
		{"a full lead time of buffer", u(14), 7 * day, day, u(1), u(2), u(4)},
		{"no consumption, nothing to protect", 0, 7 * day, 3 * day, u(1) / 2, 0, 0},
		{"returns exceeding sales", -u(3), 7 * day, 3 * day, u(1) / 2, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := DefaultLevels(c.consumed, c.window, c.lead, c.factor)
			if got.SafetyStock != c.wantSS || got.ReorderPoint != c.wantROP {
				t.Errorf("DefaultLevels(%s over %s, lead %s, k %s) = ss %s rop %s, want ss %s rop %s",
					c.consumed, c.window, c.lead, c.factor, got.SafetyStock, got.ReorderPoint, c.wantSS, c.wantROP)
			}
		})
	}
}

func TestStockRules(t *testing.T) {
	cfg := alertTestConfig()
	for _, c := range []struct {
		name     string
		cells    []Stock
		consumed map[string]ontology.Qty
		want     []string // rule, severity and a fragment of the message, per condition
		proposal *TransferProposal
	}{
		{
			name:     "consumption crosses the safety stock within the horizon: a warning ahead, with a transfer",
			cells:    []Stock{cell("STORE-1", "L-LATE", 20, 0), cell("WH-1", "L-LATE", 60, 0), cell("WH-1", "L-EARLY", 40, 0)},
			consumed: map[string]ontology.Qty{"STORE-1": u(15)},
			want:     []string{"projected_stockout warning at 2026-05-04T10:40:00Z (in 40m0s)"},
			// need: 10 safety + 15 over the hour - 20 = 5, the earliest expiry first.
			proposal: &TransferProposal{SKU: "MILK-1L", From: "WH-1", To: "STORE-1", Qty: u(5), Lines: []TransferLine{{"L-EARLY", u(5)}}},
		},
		{
			name:     "enough stock for the horizon: nothing",
			cells:    []Stock{cell("STORE-1", "L-LATE", 30, 0), cell("WH-1", "L-LATE", 60, 0)},
			consumed: map[string]ontology.Qty{"STORE-1": u(15)},
		},
		{
			name:  "below the safety stock already, nothing sold: critical, and the transfer spans lots",
			cells: []Stock{cell("STORE-1", "", 3, 0), cell("WH-1", "L-EARLY", 4, 0), cell("WH-1", "L-LATE", 60, 0)},
			want:  []string{"projected_stockout critical below the safety stock 10"},
			proposal: &TransferProposal{SKU: "MILK-1L", From: "WH-1", To: "STORE-1", Qty: u(7),
				Lines: []TransferLine{{"L-EARLY", u(4)}, {"L-LATE", u(3)}}},
		},
		{
			name:  "reserved stock is not available",
			cells: []Stock{cell("STORE-1", "L-LATE", 20, 12)},
			want:  []string{"projected_stockout critical 8 available"},
		},
		{
			name:  "expired lots do not count, and cannot be moved",
			cells: []Stock{cell("STORE-1", "L-GONE", 50, 0), cell("STORE-1", "L-LATE", 5, 0), cell("WH-1", "L-GONE", 100, 0)},
			want:  []string{"expiry critical expired", "expiry critical expired", "projected_stockout critical 5 available"},
		},
		{
			name:     "no location with surplus: the alert stands without a proposal",
			cells:    []Stock{cell("STORE-1", "L-LATE", 12, 0), cell("WH-1", "L-LATE", 4, 0)},
			consumed: map[string]ontology.Qty{"STORE-1": u(6), "WH-1": u(10)},
			// WH-1 has no threshold: defaults from its 10 an hour give it a safety stock
			// of 360 (half of 3 days' demand), so it has nothing to spare and its own alert.
			want: []string{"projected_stockout warning 12 available", "projected_stockout critical 4 available", "reorder_point info 4 available"},
		},
		{
			name:  "a threshold's location without any stock",
			cells: []Stock{cell("WH-1", "L-LATE", 100, 0)},
			want:  []string{"projected_stockout critical 0 available", "reorder_point info 0 available"},
			proposal: &TransferProposal{SKU: "MILK-1L", From: "WH-1", To: "STORE-1", Qty: u(10),
				Lines: []TransferLine{{"L-LATE", u(10)}}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Evaluate(cfg, ProductView{SKU: "MILK-1L", Now: alertNow, Cells: c.cells, Consumed: c.consumed})
			var proposal *TransferProposal
			if len(got) != len(c.want) {
				t.Fatalf("got %d conditions, want %d: %+v", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				g := got[i]
				parts := strings.SplitN(w, " ", 3)
				if string(g.Rule) != parts[0] || string(g.Severity) != parts[1] || len(parts) > 2 && !strings.Contains(g.Message, parts[2]) {
					t.Errorf("condition %d = %s %s %q, want %q", i, g.Rule, g.Severity, g.Message, w)
				}
				if g.Rule == RuleStockout && g.Cell.Location == "STORE-1" {
					proposal = g.Proposal
				}
			}
			if !reflect.DeepEqual(proposal, c.proposal) {
				t.Errorf("proposal = %+v, want %+v", proposal, c.proposal)
			}
		})
	}
}

func TestReorderPoint(t *testing.T) {
	cfg := alertTestConfig()
	cfg.Thresholds[0].ReorderPoint = qp(50)
	cfg.Thresholds[0].SafetyStock = qp(1)
	in := cell("STORE-1", "L-LATE", 30, 0)
	in.Incoming = u(10)
	got := Evaluate(cfg, ProductView{SKU: "MILK-1L", Now: alertNow, Cells: []Stock{in}})
	if len(got) != 1 || got[0].Rule != RuleReorder || !strings.Contains(got[0].Message, "40 available and incoming") {
		t.Fatalf("got %+v, want one reorder condition at 40", got)
	}
	in.Incoming = u(21)
	if got := Evaluate(cfg, ProductView{SKU: "MILK-1L", Now: alertNow, Cells: []Stock{in}}); len(got) != 0 {
		t.Fatalf("51 against a reorder point of 50 raised %+v", got)
	}
}

func TestExpiryRule(t *testing.T) {
	cfg := alertTestConfig()
	cfg.Thresholds = nil
	cfg.Defaults.ExpiryWindow = 7 * 24 * time.Hour
	for _, c := range []struct {
		name string
		cell Stock
		want Severity // "" for none
	}{
		{"expires in two days, window of seven", cell("WH-1", "L-EARLY", 5, 0), SeverityWarning},
		{"expires in twenty days", cell("WH-1", "L-LATE", 5, 0), ""},
		{"expired", cell("WH-1", "L-GONE", 5, 0), SeverityCritical},
		{"expired but none on hand", cell("WH-1", "L-GONE", 0, 0), ""},
		{"no known expiry", cell("WH-1", "L-UNKNOWN", 5, 0), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := expiryRule(cfg, ProductView{SKU: "MILK-1L", Now: alertNow, Cells: []Stock{c.cell}})
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("raised %+v", got)
			case c.want != "" && (len(got) != 1 || got[0].Severity != c.want || got[0].Cell != c.cell.Cell):
				t.Errorf("got %+v, want one %s condition on %+v", got, c.want, c.cell.Cell)
			}
		})
	}
}

func TestSensorLedgerRule(t *testing.T) {
	cfg := alertTestConfig()
	cfg.Thresholds = nil
	pallet := cfg.Pallets[0].ID()
	for _, c := range []struct {
		name     string
		weight   *SensorState
		onHand   int64
		wantEst  string // "" for no condition
		wantHeld bool
	}{
		// (130 - 25) / 1.05 = 100 units.
		{"weight agrees with the ledger", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("130")}, 100, "", false},
		{"within the tolerance of one unit", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("130")}, 101, "", false},
		{"twelve units missing", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("130")}, 112, "100", false},
		{"weight says more than the ledger", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("140")}, 100, "109.524", false},
		// Too old to raise anything, yet no sign that the disagreement went: held.
		{"reading too old, disagreeing", &SensorState{At: alertNow.Add(-2 * time.Hour), Value: dec("130")}, 112, "100", true},
		{"reading too old, the ledger agrees", &SensorState{At: alertNow.Add(-2 * time.Hour), Value: dec("130")}, 100, "", false},
		{"no reading yet", nil, 112, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := ProductView{SKU: "MILK-1L", Now: alertNow,
				Cells:   []Stock{cell("WH-1", "L-LATE", c.onHand, 0), cell("STORE-1", "L-LATE", 7, 0)},
				Sensors: map[string]PalletSensors{pallet: {Weight: c.weight}}}
			got := sensorLedgerRule(cfg, v)
			if c.wantEst == "" {
				if len(got) > 0 {
					t.Errorf("raised %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %+v, want one condition", got)
			}
			want := ontology.Cell{SKU: "MILK-1L", Location: "WH-1", Lot: "L-LATE"}
			if got[0].Cell != want || figure(got[0], "estimated") != c.wantEst || figure(got[0], "ledger") != ontology.Units(c.onHand).String() ||
				!got[0].Since.Equal(c.weight.At) || got[0].Held != c.wantHeld {
				t.Errorf("got %+v, want %+v estimated %s against %d, held %v", got[0], want, c.wantEst, c.onHand, c.wantHeld)
			}
		})
	}
}

func TestColdChainRule(t *testing.T) {
	cfg := alertTestConfig()
	pallet := cfg.Pallets[0].ID()
	for _, c := range []struct {
		name         string
		state        *SensorState
		wantDuration string // "" for no condition
	}{
		{"out for forty minutes, still reporting", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("11.5"), OutSince: alertNow.Add(-40 * time.Minute)}, "40m0s"},
		{"out for twenty minutes", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("11.5"), OutSince: alertNow.Add(-20 * time.Minute)}, ""},
		{"back in the zone", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("4")}, ""},
		{"out for exactly the limit", &SensorState{At: alertNow, Value: dec("9"), OutSince: alertNow.Add(-30 * time.Minute)}, "30m0s"},
		// Silent for an hour after ten minutes out: judged on what it said, plus the gap.
		{"sensor fell silent", &SensorState{At: alertNow.Add(-time.Hour), Value: dec("11"), OutSince: alertNow.Add(-70 * time.Minute)}, ""},
		{"readings an hour apart, both out", &SensorState{At: alertNow.Add(-time.Minute), Value: dec("0.5"), OutSince: alertNow.Add(-61 * time.Minute)}, "1h1m0s"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := ProductView{SKU: "MILK-1L", Now: alertNow, Sensors: map[string]PalletSensors{pallet: {Temperature: c.state}}}
			got := coldChainRule(cfg, v)
			if c.wantDuration == "" {
				if len(got) > 0 {
					t.Errorf("raised %+v", got)
				}
				return
			}
			want := ontology.Cell{SKU: "MILK-1L", Location: "WH-1", Lot: "L-LATE"}
			if len(got) != 1 || got[0].Cell != want || got[0].Severity != SeverityCritical || figure(got[0], "duration") != c.wantDuration {
				t.Fatalf("got %+v, want one critical condition on %+v lasting %s", got, want, c.wantDuration)
			}
			if since := c.state.OutSince.Add(30 * time.Minute); !got[0].Since.Equal(since) {
				t.Errorf("true since %s, want %s (the excursion's start and its limit)", got[0].Since, since)
			}
		})
	}
}

func figure(c Condition, name string) string {
	for _, f := range c.Evidence {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

func TestFEFO(t *testing.T) {
	exp := map[string]time.Time{"A": alertNow.Add(72 * time.Hour), "B": alertNow.Add(24 * time.Hour), "OLD": alertNow.Add(-time.Hour)}
	expiry := func(lot string) time.Time { return exp[lot] }
	cells := []Stock{cell("WH-1", "A", 5, 0), cell("WH-1", "", 50, 0), cell("WH-1", "B", 3, 1), cell("WH-1", "OLD", 9, 0)}
	for _, c := range []struct {
		qty  int64
		want []TransferLine
		got  int64
	}{
		{1, []TransferLine{{"B", u(1)}}, 1},
		{4, []TransferLine{{"B", u(2)}, {"A", u(2)}}, 4},
		{10, []TransferLine{{"B", u(2)}, {"A", u(5)}, {"", u(3)}}, 10},
		{100, []TransferLine{{"B", u(2)}, {"A", u(5)}, {"", u(50)}}, 57},
	} {
		lines, got := FEFO(cells, u(c.qty), expiry, alertNow)
		if !reflect.DeepEqual(lines, c.want) || got != u(c.got) {
			t.Errorf("FEFO(%d) = %+v (%s), want %+v (%d)", c.qty, lines, got, c.want, c.got)
		}
	}
	// 6 reserved without a lot, where nothing without a lot is on hand: the lots give
	// no more than the location has left after them (8 - 6 = 2), the first-expiring
	// first; with more reserved than on hand they give nothing.
	held := []Stock{cell("WH-1", "A", 5, 0), cell("WH-1", "B", 3, 0), cell("WH-1", "", 0, 6)}
	if lines, got := FEFO(held, u(5), expiry, alertNow); got != u(2) || !reflect.DeepEqual(lines, []TransferLine{{"B", u(2)}}) {
		t.Errorf("FEFO beside a lot-less reservation = %+v (%s), want 2 of B", lines, got)
	}
	held[2] = cell("WH-1", "", 0, 9)
	if lines, got := FEFO(held, u(5), expiry, alertNow); got != 0 || len(lines) != 0 {
		t.Errorf("FEFO with more reserved than on hand = %+v (%s), want nothing", lines, got)
	}
}

func TestTransferMovements(t *testing.T) {
	p := TransferProposal{SKU: "MILK-1L", From: "WH-1", To: "STORE-1", Qty: u(7), Lines: []TransferLine{{"B", u(2)}, {"A", u(5)}}}
	ms := TransferMovements("acme", "ev_tr_1", p, alertNow)
	want := []struct {
		id, loc, lot string
		qty          ontology.Qty
	}{{"ev_tr_1:1", "WH-1", "B", -u(2)}, {"ev_tr_1:2", "STORE-1", "B", u(2)}, {"ev_tr_1:3", "WH-1", "A", -u(5)}, {"ev_tr_1:4", "STORE-1", "A", u(5)}}
	if len(ms) != len(want) {
		t.Fatalf("got %d movements, want %d", len(ms), len(want))
	}
	net := Net(ms)
	for i, w := range want {
		m := ms[i]
		if m.ID != w.id || m.Location != w.loc || m.Lot != w.lot || m.Qty != w.qty || m.Bucket != ontology.BucketOnHand || m.EventID != "ev_tr_1" || m.Tenant != "acme" {
			t.Errorf("movement %d = %+v, want %+v", i, m, w)
		}
	}
	if len(net) != 4 {
		t.Errorf("net effect %+v: want four cells changed", net)
	}
	if TransferEventID("acme", "al_1") == TransferEventID("other", "al_1") {
		t.Error("transfer event ids of two tenants collide")
	}
}

func TestAlertConfigValidate(t *testing.T) {
	good := alertTestConfig()
	if err := good.Validate(); err != nil {
		t.Fatalf("valid config refused: %v", err)
	}
	for _, c := range []struct {
		name string
		edit func(*AlertConfig)
		want string
	}{
		{"pallet without sscc or device", func(c *AlertConfig) { c.Pallets[0].SSCC = "" }, "needs an sscc or a device"},
		{"unknown zone", func(c *AlertConfig) { c.Lots[0].Zone = "frozen" }, `unknown zone "frozen"`},
		{"threshold without location", func(c *AlertConfig) { c.Thresholds[0].Location = "" }, "sku and location are required"},
		{"zone upside down", func(c *AlertConfig) { c.Zones["chilled"] = Zone{Min: dec("8"), Max: dec("2")} }, "min 8 above max 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := alertTestConfig()
			cfg.Pallets = append([]Pallet(nil), cfg.Pallets...)
			cfg.Lots = append([]LotInfo(nil), cfg.Lots...)
			cfg.Thresholds = append([]Threshold(nil), cfg.Thresholds...)
			cfg.Zones = map[string]Zone{"chilled": cfg.Zones["chilled"]}
			c.edit(&cfg)
			if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Validate() = %v, want %q", err, c.want)
			}
		})
	}
}

func TestConditionKeysAreStable(t *testing.T) {
	a := Condition{Rule: RuleColdChain, Cell: ontology.Cell{SKU: "S", Location: "L", Lot: "X"}}
	b := Condition{Rule: RuleColdChain, Cell: ontology.Cell{SKU: "S", Location: "LX", Lot: ""}}
	if a.Key() == b.Key() {
		t.Errorf("different cells share key %q", a.Key())
	}
	if a.Key() != AlertKey(RuleColdChain, a.Cell) {
		t.Error("key depends on more than rule and cell")
	}
}

// TestDocumentExpiry: a lot's expiry that only its documents gave (the cell's ExpiresAt)
// counts like one from the settings: the lot raises its EXPIRY alert, is left out of
// available stock and of a transfer. When both give one, the earlier wins.
func TestDocumentExpiry(t *testing.T) {
	cfg := alertTestConfig()
	withExp := func(s Stock, at time.Time) Stock { s.ExpiresAt = at; return s }
	gone := withExp(cell("WH-1", "D-GONE", 30, 0), alertNow.Add(-48*time.Hour))
	good := withExp(cell("WH-1", "D-GOOD", 40, 0), alertNow.Add(60*24*time.Hour))
	store := withExp(cell("STORE-1", "D-GONE", 20, 0), alertNow.Add(-48*time.Hour))
	got := Evaluate(cfg, ProductView{SKU: "MILK-1L", Now: alertNow, Cells: []Stock{store, gone, good}})
	var rules []string
	var proposal *TransferProposal
	for _, c := range got {
		rules = append(rules, fmt.Sprintf("%s %s %s %s", c.Rule, c.Severity, c.Cell.Location, c.Cell.Lot))
		if c.Rule == RuleStockout {
			proposal = c.Proposal
			if a := figure(c, "available"); a != "0" {
				t.Errorf("STORE-1 available = %s, want 0: its only lot expired", a)
			}
		}
	}
	want := []string{
		"expiry critical STORE-1 D-GONE", "expiry critical WH-1 D-GONE",
		"projected_stockout critical STORE-1 ", "reorder_point info STORE-1 ",
	}
	if !reflect.DeepEqual(rules, want) {
		t.Fatalf("conditions = %q, want %q", rules, want)
	}
	wantP := &TransferProposal{SKU: "MILK-1L", From: "WH-1", To: "STORE-1", Qty: u(10), Lines: []TransferLine{{"D-GOOD", u(10)}}}
	if !reflect.DeepEqual(proposal, wantP) {
		t.Errorf("proposal = %+v, want %+v", proposal, wantP)
	}

	for _, c := range []struct {
		name     string
		lot      string
		document time.Time
		want     Severity
	}{
		// The settings say L-LATE keeps twenty days; its receipt said one day.
		{"the document's earlier expiry wins over the settings'", "L-LATE", alertNow.Add(24 * time.Hour), SeverityWarning},
		// The settings say L-GONE expired an hour ago; its receipt said twenty days.
		{"the settings' earlier expiry wins over the document's", "L-GONE", alertNow.Add(20 * 24 * time.Hour), SeverityCritical},
		{"the document's expiry far ahead", "D-NEW", alertNow.Add(20 * 24 * time.Hour), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := expiryRule(cfg, ProductView{SKU: "MILK-1L", Now: alertNow, Cells: []Stock{withExp(cell("WH-1", c.lot, 5, 0), c.document)}})
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("raised %+v", got)
			case c.want != "" && (len(got) != 1 || got[0].Severity != c.want):
				t.Errorf("got %+v, want one %s condition", got, c.want)
			}
		})
	}
	// FEFO reads the cell's expiry too: the document-dated lot goes first, the expired one never.
	lines, n := FEFO([]Stock{cell("WH-1", "A", 5, 0), withExp(cell("WH-1", "B", 5, 0), alertNow.Add(time.Hour)), withExp(cell("WH-1", "C", 5, 0), alertNow)},
		u(7), func(string) time.Time { return time.Time{} }, alertNow)
	if n != u(7) || !reflect.DeepEqual(lines, []TransferLine{{"B", u(5)}, {"A", u(2)}}) {
		t.Errorf("FEFO = %+v (%s), want 5 of B then 2 of A", lines, n)
	}
}

// TestColdChainNamesEveryPallet: a lot with several pallets over the limit is one
// condition, told by the longest excursion, whose evidence names each of them, in
// whatever order the settings list them.
func TestColdChainNamesEveryPallet(t *testing.T) {
	out := func(min int) *SensorState {
		return &SensorState{At: alertNow, Value: dec("12"), OutSince: alertNow.Add(-time.Duration(min) * time.Minute)}
	}
	for _, c := range []struct {
		name    string
		minutes map[string]int // minutes out of the zone, per pallet
		order   []string       // as the settings list them
		want    []string       // the evidence's pallets, the longest first
	}{
		{"the longer excursion comes second", map[string]int{"PAL-A": 40, "PAL-B": 60}, []string{"PAL-A", "PAL-B"}, []string{"PAL-B", "PAL-A"}},
		{"the longer excursion comes first", map[string]int{"PAL-A": 60, "PAL-B": 40}, []string{"PAL-A", "PAL-B"}, []string{"PAL-A", "PAL-B"}},
		{"three, one within its limit", map[string]int{"PAL-A": 35, "PAL-B": 20, "PAL-C": 90}, []string{"PAL-A", "PAL-B", "PAL-C"}, []string{"PAL-C", "PAL-A"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := alertTestConfig()
			cfg.Pallets = nil
			sensors := map[string]PalletSensors{}
			for _, id := range c.order {
				cfg.Pallets = append(cfg.Pallets, Pallet{SSCC: id, SKU: "MILK-1L", Lot: "L-LATE", Location: "WH-1"})
				sensors[id] = PalletSensors{Temperature: out(c.minutes[id])}
			}
			got := coldChainRule(cfg, ProductView{SKU: "MILK-1L", Now: alertNow, Sensors: sensors})
			if len(got) != 1 {
				t.Fatalf("got %d conditions, want one for the lot: %+v", len(got), got)
			}
			var ids []string
			for _, f := range got[0].Evidence {
				if f.Name == "pallet" {
					ids = append(ids, f.Value)
				}
			}
			if !reflect.DeepEqual(ids, c.want) || !strings.Contains(got[0].Message, c.want[0]) {
				t.Errorf("pallets in evidence %q, message %q: want %q, the message about %s", ids, got[0].Message, c.want, c.want[0])
			}
		})
	}
}

// TestPalletOfSparkplugDevice: a Sparkplug device is "{edge node}/{device}". A pallet
// configured with the full id matches that edge node's device only; one configured with
// the bare device id (settings written before the edge node joined the id) still matches.
func TestPalletOfSparkplugDevice(t *testing.T) {
	c := AlertConfig{Pallets: []Pallet{
		{Device: "gw-08/PALLET-SENSOR-0042", SKU: "MILK-1L", Lot: "B8"},
		{Device: "PALLET-SENSOR-0042", SKU: "MILK-1L", Lot: "B7"},
		{Device: "PALLET-RV-1", SKU: "MILK-1L", Lot: "TB"},
	}}
	for _, tc := range []struct {
		device, format, lot string
	}{
		{"gw-08/PALLET-SENSOR-0042", "sparkplugb", "B8"},
		{"gw-07/PALLET-SENSOR-0042", "sparkplugb", "B7"},
		{"PALLET-RV-1", "thingsboard", "TB"},
		{"gw-07/PALLET-RV-1", "thingsboard", ""}, // only Sparkplug ids carry an edge node
	} {
		p, ok := c.PalletOf(ontology.Reading{DeviceID: tc.device, Format: tc.format})
		if got := map[bool]string{true: p.Lot}[ok]; got != tc.lot {
			t.Errorf("PalletOf(%s %s) = lot %q, want %q", tc.format, tc.device, got, tc.lot)
		}
	}
}
