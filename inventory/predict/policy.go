package predict

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// Policy is how one product is stocked: when and how much to order, and when a person
// must look at a proposal first.
type Policy struct {
	LeadTime     time.Duration // from order to goods on hand; default 7 days
	ReviewPeriod time.Duration // how often orders are placed; default 7 days
	// ServiceLevel is the wanted probability of not running out before the next order
	// arrives; it sets the statistical safety stock. Default 0.95.
	ServiceLevel float64
	// SafetyStock and ReorderPoint, when set, replace the computed ones: a number of
	// units, or a duration of expected demand ("48h" is two days of demand).
	SafetyStock  *Cover
	ReorderPoint *Cover
	// LotSize rounds orders up to its multiples (a case of 12); 0 orders single units.
	LotSize ontology.Qty
	// ShelfLife is how long goods keep after they arrive; 0 means they do not expire.
	// Only the sandbox uses it, to count what a policy would have written off.
	ShelfLife time.Duration
	// UnitCost, when set, is what one unit costs; otherwise the latest purchase price
	// in the ledger's documents is used where there is one.
	UnitCost *ontology.Money
	// BreakerMultiple holds a proposal whose quantity exceeds this multiple of the
	// historical mean demand over the days it covers; default 3 (300%).
	BreakerMultiple float64
	// FarBelow holds a proposal after which stock would still fall under this share of
	// the safety stock before the order arrives; default 0.5.
	FarBelow float64
}

// Cover is a stock level given in units or in time of expected demand.
type Cover struct {
	Units ontology.Qty
	Time  time.Duration
}

// Resolve is the cover in units, at a mean demand of `daily` units a day.
func (c Cover) Resolve(daily float64) ontology.Qty {
	if c.Time > 0 {
		return ceilQty(daily * c.Time.Hours() / 24)
	}
	return c.Units
}

func (c Cover) String() string {
	if c.Time > 0 {
		return c.Time.String()
	}
	return c.Units.String()
}

// DefaultPolicy is the policy of a product nothing is set for.
func DefaultPolicy() Policy {
	return Policy{LeadTime: 7 * day, ReviewPeriod: 7 * day, ServiceLevel: 0.95, BreakerMultiple: 3, FarBelow: 0.5}
}

const day = 24 * time.Hour

// Days is a duration in whole days, at least one.
func Days(d time.Duration) int { return max(int(math.Ceil(d.Hours()/24)), 1) }

// Policies are the policies of a tenant's products: the default with settings applied
// to every product ("*") or to one SKU.
type Policies struct {
	sets []setting
}

type setting struct {
	raw, field, sku string
	apply           func(*Policy)
}

// Settings lists the settings applied, in the form they were given.
func (ps *Policies) Settings() []string {
	out := make([]string, 0, len(ps.sets))
	for _, s := range ps.sets {
		out = append(out, s.raw)
	}
	return out
}

// For is the policy of one SKU: the default, then the settings for every product, then
// those for this SKU, each in the order given.
func (ps *Policies) For(sku string) Policy {
	p := DefaultPolicy()
	for _, pass := range []string{"*", sku} {
		for _, s := range ps.sets {
			if s.sku == pass {
				s.apply(&p)
			}
		}
	}
	return p
}

// ErrSetting is wrapped by every error about a malformed setting.
var ErrSetting = errors.New("invalid policy setting")

// Fields lists the setting names Set accepts.
func Fields() []string {
	out := make([]string, 0, len(parsers))
	for f := range parsers {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// parsers read a setting's value into a policy change.
var parsers = map[string]func(string) (func(*Policy), error){
	"leadTime":     durationField(func(p *Policy, d time.Duration) { p.LeadTime = d }),
	"reviewPeriod": durationField(func(p *Policy, d time.Duration) { p.ReviewPeriod = d }),
	"shelfLife":    durationField(func(p *Policy, d time.Duration) { p.ShelfLife = d }),
	"safetyStock":  coverField(func(p *Policy, c *Cover) { p.SafetyStock = c }),
	"reorderPoint": coverField(func(p *Policy, c *Cover) { p.ReorderPoint = c }),
	"lotSize": func(v string) (func(*Policy), error) {
		q, err := ontology.ParseQty(v)
		if err != nil || q < 0 {
			return nil, fmt.Errorf("lot size %q: want a quantity of 0 or more", v)
		}
		return func(p *Policy) { p.LotSize = q }, nil
	},
	"serviceLevel":    fractionField(0.5, 0.9999, func(p *Policy, f float64) { p.ServiceLevel = f }),
	"farBelow":        fractionField(0, 1, func(p *Policy, f float64) { p.FarBelow = f }),
	"breakerMultiple": fractionField(1, 1000, func(p *Policy, f float64) { p.BreakerMultiple = f }),
	"unitCost": func(v string) (func(*Policy), error) {
		amount, cur, ok := strings.Cut(strings.TrimSpace(v), " ")
		d, err := decimal.NewFromString(amount)
		cur = strings.ToUpper(strings.TrimSpace(cur))
		if !ok || err != nil || d.Sign() < 0 || len(cur) != 3 {
			return nil, fmt.Errorf("unit cost %q: want an amount and an ISO 4217 currency, e.g. \"2.40 EUR\"", v)
		}
		m := ontology.Money{Amount: d, Currency: cur}
		return func(p *Policy) { p.UnitCost = &m }, nil
	},
}

// Set applies one setting, "field.SKU=value": "safetyStock.BREAD=48h" (two days of
// demand), "lotSize.BREAD=12", "leadTime.*=3d" (every product) or "leadTime=3d" (the
// same). Durations take Go's units plus d for days.
func (ps *Policies) Set(s string) error {
	lhs, value, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("%w %q: want field.SKU=value", ErrSetting, s)
	}
	field, sku, _ := strings.Cut(strings.TrimSpace(lhs), ".")
	if sku == "" {
		sku = "*"
	}
	parse, ok := parsers[field]
	if !ok {
		return fmt.Errorf("%w %q: unknown field %q (want one of %s)", ErrSetting, s, field, strings.Join(Fields(), ", "))
	}
	apply, err := parse(strings.TrimSpace(value))
	if err != nil {
		return fmt.Errorf("%w %q: %w", ErrSetting, s, err)
	}
	ps.sets = append(ps.sets, setting{raw: s, field: field, sku: sku, apply: apply})
	return nil
}

// ParsePolicies applies every setting in order.
func ParsePolicies(settings []string) (*Policies, error) {
	ps := &Policies{}
	for _, s := range settings {
		if err := ps.Set(s); err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// ParseDuration reads a duration, accepting d for days ("3d", "1d12h") besides Go's
// units.
func ParseDuration(v string) (time.Duration, error) {
	var days time.Duration
	if i := strings.IndexByte(v, 'd'); i >= 0 {
		n, err := strconv.Atoi(v[:i])
		if err != nil || n < 0 {
			return 0, fmt.Errorf("duration %q: want whole days before d", v)
		}
		days, v = time.Duration(n)*day, v[i+1:]
		if v == "" {
			return days, nil
		}
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("duration %q: want e.g. 48h, 3d or 1d12h", v)
	}
	return days + d, nil
}

func durationField(set func(*Policy, time.Duration)) func(string) (func(*Policy), error) {
	return func(v string) (func(*Policy), error) {
		d, err := ParseDuration(v)
		if err != nil {
			return nil, err
		}
		return func(p *Policy) { set(p, d) }, nil
	}
}

// coverField reads units ("24") or a duration of demand ("48h", "2d").
func coverField(set func(*Policy, *Cover)) func(string) (func(*Policy), error) {
	return func(v string) (func(*Policy), error) {
		if q, err := ontology.ParseQty(v); err == nil {
			if q < 0 {
				return nil, fmt.Errorf("%q: a level is not negative", v)
			}
			return func(p *Policy) { set(p, &Cover{Units: q}) }, nil
		}
		d, err := ParseDuration(v)
		if err != nil {
			return nil, fmt.Errorf("%q: want units (24) or time of demand (48h, 2d)", v)
		}
		return func(p *Policy) { set(p, &Cover{Time: d}) }, nil
	}
}

func fractionField(lo, hi float64, set func(*Policy, float64)) func(string) (func(*Policy), error) {
	return func(v string) (func(*Policy), error) {
		f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
		if err == nil && strings.HasSuffix(v, "%") {
			f /= 100
		}
		if err != nil || f < lo || f > hi {
			return nil, fmt.Errorf("%q: want a number from %g to %g", v, lo, hi)
		}
		return func(p *Policy) { set(p, f) }, nil
	}
}

// ceilQty is the whole number of units at or above an expected quantity: stock is
// planned in whole units.
func ceilQty(v float64) ontology.Qty {
	if v <= 0 || math.IsNaN(v) {
		return 0
	}
	return ontology.Units(int64(math.Ceil(v - 1e-9)))
}
