package finance

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Tolerance is how far two figures may differ and still agree: the largest of an
// absolute amount, a number of the currency's minor units and a share of the expected
// figure.
type Tolerance struct {
	// Abs is in units of the figure: currency units (0.01 EUR), or goods.
	Abs decimal.Decimal `yaml:"abs"`
	// Minor is in the currency's minor units, by its ISO 4217 exponent: 1 is a cent of
	// euros, a yen, a fils (0.001 KWD). A fixed 0.01 would be ten fils, or less than a
	// yen. Money only: quantities have no minor unit.
	Minor decimal.Decimal `yaml:"minor"`
	// Pct is a percentage of the expected figure: 0.5 is half a percent.
	Pct decimal.Decimal `yaml:"pct"`
}

// limit is the largest difference the tolerance allows against expected, in currency
// ("" for quantities).
func (t Tolerance) limit(expected decimal.Decimal, currency string) decimal.Decimal {
	rel := expected.Abs().Mul(t.Pct).Div(decimal.NewFromInt(100))
	abs := t.Abs
	if currency != "" && t.Minor.Sign() > 0 {
		abs = decimal.Max(abs, t.Minor.Shift(-exponent(currency)))
	}
	return decimal.Max(abs, rel)
}

// Rate is a configured exchange rate: one From is Rate To. It converts where the
// documents state no rate of their own (a customs declaration in USD against a
// supplier's invoice in CNY).
type Rate struct {
	From string          `yaml:"from"`
	To   string          `yaml:"to"`
	Rate decimal.Decimal `yaml:"rate"`
}

// Config holds reconciliation's tolerances and the few facts about a business that its
// documents do not carry.
type Config struct {
	// Amount is the tolerance of money compared between documents: order, invoice,
	// payment, settlement, payout.
	Amount Tolerance `yaml:"amount"`
	// Declared is the tolerance of a customs declared value against the invoice or order
	// value; declared lines are priced per unit and rounded by the broker.
	Declared Tolerance `yaml:"declared"`
	// Qty is the tolerance of quantities, in units (Abs) or percent (Pct).
	Qty Tolerance `yaml:"qty"`
	// FX is the tolerance of a converted amount against the amount booked, after
	// conversion at the document's (or the configured) rate.
	FX Tolerance `yaml:"fx"`
	// CustomerTermsDays is when an invoice without a due date of its own falls due,
	// counted from its date.
	CustomerTermsDays int `yaml:"customerTermsDays"`
	// SupplierTermsDays is the same for suppliers' invoices; per-supplier agreed terms
	// (Terms) come first.
	SupplierTermsDays int `yaml:"supplierTermsDays"`
	// GraceDays are days past the due date before a payment counts as late.
	GraceDays int `yaml:"graceDays"`
	// ShipWithinDays is how long a paid online order may go without a shipment before it
	// is missing one, counted from its payment (else its date) to the data clock: the
	// days a shop takes to pack and hand over. Until then it awaits its shipment.
	ShipWithinDays int `yaml:"shipWithinDays"`
	// CollectedBy are systems whose sale documents record the payment themselves: a
	// till that took the money, a marketplace that collected it and settles with the
	// store. Their paid sales expect no payment document of their own.
	CollectedBy []string `yaml:"collectedBy"`
	// Counting are receipt statuses, as "system:status", that say the warehouse is still
	// counting (Amazon's RECEIVING, ShipBob's Processing): less received than announced
	// is then the rest to come, not a shortfall.
	Counting []string `yaml:"counting"`
	// Rates convert where documents state no rate.
	Rates []Rate `yaml:"rates"`
	// Terms are agreed payment terms in days per supplier (party id), as config or the
	// setPaymentTerms mutation set them.
	Terms map[string]int `yaml:"-"`
}

// DefaultConfig is reconciliation as Seam ships it: one minor unit of the currency either
// way (a cent, a yen, a fils) is rounding, a declared value within half a percent is the
// broker's rounding of unit prices, quantities must agree exactly, a conversion within
// half a percent is the processor's, and a paid online order ships within three days.
func DefaultConfig() Config {
	minor := decimal.NewFromInt(1)
	return Config{
		Amount:            Tolerance{Minor: minor},
		Declared:          Tolerance{Minor: minor, Pct: decimal.RequireFromString("0.5")},
		Qty:               Tolerance{},
		FX:                Tolerance{Minor: minor, Pct: decimal.RequireFromString("0.5")},
		CustomerTermsDays: 30,
		SupplierTermsDays: 30,
		ShipWithinDays:    3,
		CollectedBy:       []string{"square", "meituan", "douyin", "pinduoduo"},
		Counting:          []string{"amazon-fba:RECEIVING", "shipbob:Processing"},
	}
}

// Validate refuses tolerances and terms that make no sense.
func (c Config) Validate() error {
	for name, t := range map[string]Tolerance{"amount": c.Amount, "declared": c.Declared, "qty": c.Qty, "fx": c.FX} {
		if t.Abs.Sign() < 0 || t.Minor.Sign() < 0 || t.Pct.Sign() < 0 {
			return fmt.Errorf("finance tolerance %s: abs, minor and pct must not be negative", name)
		}
	}
	if c.CustomerTermsDays < 0 || c.SupplierTermsDays < 0 || c.GraceDays < 0 || c.ShipWithinDays < 0 {
		return fmt.Errorf("finance terms, grace and shipping days must not be negative")
	}
	for _, r := range c.Rates {
		if len(r.From) != 3 || len(r.To) != 3 || r.Rate.Sign() <= 0 {
			return fmt.Errorf("finance rate %s/%s: want two ISO 4217 codes and a positive rate", r.From, r.To)
		}
	}
	return nil
}

// collects reports whether a system's sale documents record their own payment.
func (c Config) collects(system string) bool {
	for _, s := range c.CollectedBy {
		if strings.EqualFold(s, system) {
			return true
		}
	}
	return false
}

// counting reports whether a receipt's status says its goods are still being counted.
func (c Config) counting(d Doc) bool {
	return slices.Contains(c.Counting, d.Key.System+":"+d.Status)
}

// rate returns the configured rate from one currency to another, either way round.
func (c Config) rate(from, to string) (decimal.Decimal, bool) {
	for _, r := range c.Rates {
		switch {
		case strings.EqualFold(r.From, from) && strings.EqualFold(r.To, to):
			return r.Rate, true
		case strings.EqualFold(r.From, to) && strings.EqualFold(r.To, from):
			return decimal.NewFromInt(1).DivRound(r.Rate, 12), true
		}
	}
	return decimal.Decimal{}, false
}

// supplierTerms is the number of days a supplier's invoice is due after.
func (c Config) supplierTerms(supplier string) int {
	if d, ok := c.Terms[supplier]; ok {
		return d
	}
	return c.SupplierTermsDays
}

// days is n whole days.
func days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }
