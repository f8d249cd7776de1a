package predict

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory/forecast"
	"github.com/seamhub/seam/ontology"
)

func flat(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// tenADay forecasts 10 units a day whose backtest missed by 2 a day on average.
func tenADay() *forecast.Forecast {
	fc := &forecast.Forecast{Key: bread, Model: "ets(A,N,A)", Version: forecast.ModelVersion, Start: day0, Daily: flat(10, 28)}
	fc.Accuracy.Model = forecast.Score{AbsErr: 20, Days: 10, Actual: 100}
	return fc
}

func TestPropose(t *testing.T) {
	eur := &Cost{Unit: ontology.Money{Amount: decimal.RequireFromString("0.80"), Currency: "EUR"}, Source: "policy"}
	lots, _ := ParsePolicies([]string{"lotSize.BREAD=12"})
	spiky := tenADay()
	spiky.Daily = flat(100, 28)
	for _, c := range []struct {
		name    string
		fc      *forecast.Forecast
		plan    Plan
		none    bool
		qty     int64
		orderOn int // days after today
		status  ProposalStatus
		reason  string // part of a reason when held
		capital string
	}{
		{
			// SS = ceil(1.645 × 2.5 × √14) = 16; position 95; day 1 projects 85 ≤ ROP 70+16:
			// up to 140+16 = 156, 71 units, 72 in lots of 12.
			name: "ordinary order in lots", fc: tenADay(),
			plan: Plan{Stock: Stock{OnHand: u(100), Reserved: u(5)}, Policy: lots.For("BREAD"), DailyMean: 10, Cost: eur},
			qty:  72, orderOn: 1, status: ProposalProposed, capital: "57.6 EUR",
		},
		{
			name: "enough stock for the review period: nothing to order", fc: tenADay(),
			plan: Plan{Stock: Stock{OnHand: u(300)}, Policy: DefaultPolicy(), DailyMean: 10},
			none: true,
		},
		{
			// Position 55 (50 − 5 + 10): ordering today still leaves 55 − 70 = −15 when
			// the goods arrive, far below the 16 of safety stock.
			name: "too late to avoid a stock-out: held", fc: tenADay(),
			plan: Plan{Stock: Stock{OnHand: u(50), Reserved: u(5), Incoming: u(10)}, Policy: DefaultPolicy(), DailyMean: 10},
			qty:  101, orderOn: 0, status: ProposalHeld, reason: "far below the safety stock of 16",
		},
		{
			// The forecast says 100 a day where history sold 10: 1,400 + SS units is far
			// above 300% of the 140 the history shows over 14 days.
			name: "extreme quantity: held", fc: spiky,
			plan: Plan{Stock: Stock{OnHand: u(800)}, Policy: DefaultPolicy(), DailyMean: 10},
			qty:  0, status: ProposalHeld, reason: "of the historical mean demand over the 14 days it covers (140); the limit is 300%",
		},
		{
			name: "no history to compare with: held", fc: tenADay(),
			plan: Plan{Stock: Stock{OnHand: u(90)}, Policy: DefaultPolicy()},
			qty:  76, orderOn: 1, status: ProposalHeld, reason: "no sales history",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.plan.Tenant, c.plan.Today = "t1", day0
			p := Propose(c.fc, c.plan)
			if c.none {
				if p != nil {
					t.Fatalf("proposed %s on %s, want nothing", p.Qty, p.OrderDate)
				}
				return
			}
			if p == nil {
				t.Fatal("no proposal")
			}
			if c.qty > 0 && (p.Qty != u(c.qty) || !p.OrderDate.Equal(day0.AddDate(0, 0, c.orderOn))) {
				t.Errorf("%s on %s, want %d on day %d (SS %s ROP %s up to %s)", p.Qty, p.OrderDate.Format(time.DateOnly),
					c.qty, c.orderOn, p.SafetyStock, p.ReorderPoint, p.OrderUpTo)
			}
			if !p.Arrival.Equal(p.OrderDate.AddDate(0, 0, 7)) {
				t.Errorf("arrives %s, want a lead time after %s", p.Arrival, p.OrderDate)
			}
			if p.Status != c.status || p.Executable() != (c.status == ProposalProposed) {
				t.Errorf("status %s (executable %v), want %s; reasons %q", p.Status, p.Executable(), c.status, p.Reasons)
			}
			if c.reason != "" && !strings.Contains(strings.Join(p.Reasons, "; "), c.reason) {
				t.Errorf("reasons %q, want one saying %q", p.Reasons, c.reason)
			}
			if c.reason == "" && len(p.Reasons) > 0 {
				t.Errorf("reasons %q on a proposal that should pass", p.Reasons)
			}
			switch {
			case c.capital == "" && p.Capital != nil:
				t.Errorf("capital %s without a cost", p.Capital)
			case c.capital != "" && (p.Capital == nil || p.Capital.String() != c.capital || p.CostFrom != "policy"):
				t.Errorf("capital %v from %q, want %s from the policy", p.Capital, p.CostFrom, c.capital)
			}
			again := Propose(c.fc, c.plan)
			if again.ID != p.ID || !strings.HasPrefix(p.ID, "op-") {
				t.Errorf("ids %s and %s for the same proposal", p.ID, again.ID)
			}
		})
	}
}

func TestPolicies(t *testing.T) {
	ps, err := ParsePolicies([]string{
		"leadTime=3d", "safetyStock.BREAD=48h", "safetyStock.*=10", "lotSize.BREAD=12", "serviceLevel.MILK=99%",
		"unitCost.BREAD=0.80 eur", "reviewPeriod.BREAD=1d12h", "breakerMultiple=4", "shelfLife.BREAD=2d",
	})
	if err != nil {
		t.Fatal(err)
	}
	b, m := ps.For("BREAD"), ps.For("MILK")
	if b.LeadTime != 72*time.Hour || m.LeadTime != 72*time.Hour {
		t.Errorf("lead times %s %s, want 3 days for every product", b.LeadTime, m.LeadTime)
	}
	// The SKU's own setting wins over "*" whatever their order.
	if b.SafetyStock == nil || b.SafetyStock.Time != 48*time.Hour || m.SafetyStock == nil || m.SafetyStock.Units != u(10) {
		t.Errorf("safety stocks %v %v, want 48h for BREAD and 10 units for MILK", b.SafetyStock, m.SafetyStock)
	}
	if got := b.SafetyStock.Resolve(12.5); got != u(25) {
		t.Errorf("48h of 12.5 a day is %s, want 25", got)
	}
	if b.LotSize != u(12) || m.LotSize != 0 || m.ServiceLevel != 0.99 || b.ServiceLevel != 0.95 {
		t.Errorf("lot sizes %s %s, service levels %g %g", b.LotSize, m.LotSize, b.ServiceLevel, m.ServiceLevel)
	}
	if b.UnitCost == nil || b.UnitCost.String() != "0.8 EUR" || m.UnitCost != nil {
		t.Errorf("unit costs %v %v", b.UnitCost, m.UnitCost)
	}
	if Days(b.ReviewPeriod) != 2 || b.BreakerMultiple != 4 || b.ShelfLife != 48*time.Hour || b.FarBelow != 0.5 {
		t.Errorf("review %s breaker %g shelf life %s far below %g", b.ReviewPeriod, b.BreakerMultiple, b.ShelfLife, b.FarBelow)
	}
	if got := ps.Settings(); len(got) != 9 || got[1] != "safetyStock.BREAD=48h" {
		t.Errorf("settings %q", got)
	}
	for _, bad := range []string{"safetyStock.BREAD", "bogus.BREAD=1", "leadTime.X=soon", "lotSize=-1", "serviceLevel=0.2",
		"unitCost=3", "unitCost=x EUR", "safetyStock=-4", "leadTime=-3h", "breakerMultiple=0.5"} {
		if _, err := ParsePolicies([]string{bad}); !errors.Is(err, ErrSetting) {
			t.Errorf("%q: error %v, want ErrSetting", bad, err)
		}
	}
}
