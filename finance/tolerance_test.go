package finance

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// TestToleranceIsOneMinorUnit: the default money tolerance is one minor unit of the
// currency (ISO 4217): a cent of euros, a yen, a fils of Kuwaiti dinars; not 0.01 of any
// currency, which is ten fils.
func TestToleranceIsOneMinorUnit(t *testing.T) {
	sold := func(owed, paid, cur string) Result {
		o := doc("shopify", "order", ontology.RoleOrder, ontology.VerbPaid, "K1", t0, total(cash(owed, cur)), channel("online"),
			line("TEA-OOL-250G", 1, owed, cur))
		r, _ := Reconcile(sale(o, tracking(), charge("ch_k", cash(paid, cur))), DefaultConfig(), asOf)
		return r
	}
	for _, c := range []struct {
		owed, paid, cur string
		want            Status
	}{
		{"12.345", "12.336", "KWD", Partial},
		{"12.345", "12.344", "KWD", MatchedWithinTolerance},
		{"48.00", "48.01", "EUR", MatchedWithinTolerance},
		{"48.00", "48.02", "EUR", Partial},
		{"52.10", "52.09", "USD", MatchedWithinTolerance},
		{"4500", "4501", "JPY", MatchedWithinTolerance},
		{"4500", "4502", "JPY", Partial},
	} {
		if r := sold(c.owed, c.paid, c.cur); r.Status != c.want {
			t.Errorf("owed %s %s, paid %s: %s, want %s", c.owed, c.cur, c.paid, summary(r), c.want)
		}
	}
	// An absolute tolerance configured in currency units still applies beside it; with
	// neither, amounts must agree exactly.
	cfg := DefaultConfig()
	cfg.Amount.Abs = decimal.RequireFromString("0.01")
	if got := cfg.Amount.limit(decimal.RequireFromString("12.345"), "KWD"); got.String() != "0.01" {
		t.Errorf("abs 0.01 in KWD: limit %s", got)
	}
	cfg.Amount = Tolerance{}
	if got := cfg.Amount.limit(decimal.RequireFromString("48.00"), "EUR"); !got.IsZero() {
		t.Errorf("no tolerance: limit %s", got)
	}
	cfg.Amount.Minor = decimal.NewFromInt(-1)
	if cfg.Validate() == nil {
		t.Error("a negative minor tolerance passed validation")
	}
}
