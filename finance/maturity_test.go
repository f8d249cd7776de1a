package finance

import (
	"strings"
	"testing"
	"time"
)

func TestBaselineLevels(t *testing.T) {
	q := Query{Tenant: "t", From: t0, To: t0.AddDate(0, 1, 0)}
	sum := Summary{Events: 1000, AutoReconciled: 950, ByStatus: []StatusTotal{{Status: MatchedWithinTolerance, Events: 12}},
		Exceptions: []CodeCount{{Code: MissingShipment, Events: 50}}}
	fast := []Anomaly{{What: "A", Occurred: t0, Arrived: t0.Add(time.Minute), Recorded: t0.Add(2 * time.Minute)}}
	slow := []Anomaly{{What: "B", Occurred: t0, Arrived: t0.Add(time.Minute), Recorded: t0.Add(3 * time.Hour)}}
	three := []SystemLinks{{"shopify", 10}, {"stripe", 10}, {"erpnext", 4}, {"iot", 0}}
	for _, c := range []struct {
		name  string
		stock StockCounts
		sum   Summary
		dec   DecisionCounts
		an    []Anomaly
		sys   []SystemLinks
		level int
		next  string
	}{
		{"every level", StockCounts{Lines: 100, Off: 2}, sum, DecisionCounts{ByRule: 90, BySuggestion: 5, ByPerson: 5}, fast, three, 5, "every level is met"},
		{"stock too far off", StockCounts{Lines: 100, Off: 6}, sum, DecisionCounts{ByRule: 1}, fast, three, 0,
			"level 1 needs stock accuracy >= 95.00% (measured: 94.00%)"},
		{"reconciliation by hand", StockCounts{Lines: 100}, Summary{Events: 10, AutoReconciled: 8}, DecisionCounts{ByRule: 1}, fast, three, 1,
			"level 2 needs auto-reconciliation rate >= 90.00% (measured: 80.00%)"},
		{"people decide", StockCounts{Lines: 100}, sum, DecisionCounts{ByRule: 7, ByPerson: 3}, fast, three, 2,
			"level 3 needs decisions from system suggestions >= 80.00% (measured: 70.00%)"},
		{"slow alerts", StockCounts{Lines: 100}, sum, DecisionCounts{ByRule: 1}, slow, three, 3,
			"level 4 needs anomaly response time (p95) <= 15 min (measured: 179.0 min)"},
		{"two systems", StockCounts{Lines: 100}, sum, DecisionCounts{ByRule: 1}, fast, three[:2], 4,
			"level 5 needs external systems connected semantically >= 3 (measured: 2)"},
		{"nothing counted", StockCounts{}, sum, DecisionCounts{ByRule: 1}, fast, three, 0,
			"level 1 needs stock accuracy >= 95.00% (measured: not measured)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := Baseline(q, c.stock, c.sum, t0.AddDate(0, 1, 2), DocRef{"stripe", "payout", "po_1"}, c.dec, c.an, c.sys)
			if m.Level != c.level || m.Next != c.next {
				t.Errorf("level %d %q, want %d %q", m.Level, m.Next, c.level, c.next)
			}
			if len(m.Figures) != 6 {
				t.Fatalf("%d figures", len(m.Figures))
			}
			for _, f := range m.Figures {
				if len(f.Evidence) == 0 {
					t.Errorf("%s has no evidence", f.Name)
				}
			}
		})
	}
	m := Baseline(q, StockCounts{Lines: 100}, sum, t0.AddDate(0, 1, 2).Add(8*time.Hour), DocRef{"stripe", "payout", "po_1"},
		DecisionCounts{}, fast, three)
	closeTime := m.Figures[2]
	if closeTime.Value != "56.0 h" || !strings.Contains(closeTime.Evidence[0], "stripe/payout/po_1") {
		t.Errorf("close %+v", closeTime)
	}
	if got := m.Figures[4].Evidence[1]; got != "from the revealing document's own time (adding its source's delay in sending it): median 2.0 min, p95 2.0 min" {
		t.Errorf("anomaly evidence %q", got)
	}
}

func TestCounts(t *testing.T) {
	evs := []CountedEvent{
		{ID: "ev1", Products: 4, Discrepancies: []Discrepancy{{SKU: "A", Expected: 240_000_000, Actual: 231_000_000}}, Statuses: []string{"shipbob:Completed"}},
		{ID: "ev2", Products: 3, Discrepancies: []Discrepancy{{SKU: "B", Expected: 240_000_000, Actual: 120_000_000}}, Statuses: []string{"amazon-fba:RECEIVING"}},
		{ID: "ev3", Products: 2, Discrepancies: []Discrepancy{{SKU: "C", Expected: 10_000_000, Actual: 12_000_000}, {SKU: "C", Expected: 5_000_000, Actual: 6_000_000}}},
	}
	got := Counts(evs, DefaultConfig())
	if got.Lines != 6 || got.Off != 2 || len(got.Worst) != 3 || got.Worst[0] != "A in ev1: expected 240, counted 231" {
		t.Errorf("%+v", got)
	}
}
