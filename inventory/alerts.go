package inventory

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// # Alerts
//
// An alert is a condition on stock that someone should act on: a product running out
// ahead of its consumption, goods about to expire, a pallet whose weight disagrees with
// the ledger, a pallet kept too warm for too long. The rules (alerts_rules.go) are pure
// functions of what one product looks like at one instant ([ProductView]); they return
// [Condition] values, each with a stable key (rule, SKU, location, lot). The store keeps
// one open alert per key while its condition lasts: evaluating again while it holds
// changes its figures but raises nothing, and once an evaluation no longer finds the
// condition the alert is resolved. The service (alerts_service.go) reads the inputs,
// runs the rules and pushes what was raised.

// AlertRule names what an alert is about.
type AlertRule string

// The rules.
const (
	// RuleStockout: a location's available stock is below its safety stock, or its
	// consumption says it will be within the horizon. It proposes a transfer.
	RuleStockout AlertRule = "projected_stockout"
	// RuleReorder: stock available plus incoming is at or below the reorder point.
	RuleReorder AlertRule = "reorder_point"
	// RuleExpiry: a lot on hand expires within the expiry window, or has expired.
	RuleExpiry AlertRule = "expiry"
	// RuleSensorLedger: the units a pallet's weight implies disagree with the ledger's
	// quantity of its lot.
	RuleSensorLedger AlertRule = "sensor_ledger"
	// RuleColdChain: a pallet's temperature has been outside its lot's zone for longer
	// than the zone allows.
	RuleColdChain AlertRule = "cold_chain"
)

// AlertRules lists every rule: an evaluation of a product decides all of them.
func AlertRules() []AlertRule {
	return []AlertRule{RuleStockout, RuleReorder, RuleExpiry, RuleSensorLedger, RuleColdChain}
}

// Severity says how urgent an alert is.
type Severity string

// The severities.
const (
	SeverityInfo     Severity = "info"
	SeverityWarning  Severity = "warning"
	SeverityCritical Severity = "critical"
)

// AlertStatus is where an alert is in its life.
type AlertStatus string

// The statuses. An open or acknowledged alert holds its key: no second alert is raised
// for the same condition until it is resolved.
const (
	AlertOpen         AlertStatus = "open"
	AlertAcknowledged AlertStatus = "acknowledged"
	AlertResolved     AlertStatus = "resolved"
)

// ParseAlertStatus reads a status name.
func ParseAlertStatus(s string) (AlertStatus, error) {
	switch st := AlertStatus(strings.ToLower(s)); st {
	case AlertOpen, AlertAcknowledged, AlertResolved:
		return st, nil
	}
	return "", fmt.Errorf("unknown alert status %q (open, acknowledged or resolved)", s)
}

// Figure is one number or fact an alert rests on, as text ("12", "2026-05-01T10:00:00Z").
type Figure struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// TransferLine is the part of a transfer taken from one lot.
type TransferLine struct {
	Lot string       `json:"lot"`
	Qty ontology.Qty `json:"qty"`
}

// TransferProposal is stock to move from a location with surplus to one running short.
type TransferProposal struct {
	SKU   string         `json:"sku"`
	From  string         `json:"from"`
	To    string         `json:"to"`
	Qty   ontology.Qty   `json:"qty"`
	Lines []TransferLine `json:"lines"` // earliest expiry first
}

// Condition is what a rule found: true now, about one cell.
type Condition struct {
	Rule     AlertRule
	Cell     ontology.Cell // Lot is "" for rules about a product at a location
	Severity Severity
	Message  string
	Evidence []Figure
	Proposal *TransferProposal
	// Since is when the condition became true by its own evidence, where the evidence
	// tells (the reading that disagrees, the moment an excursion passed its limit); the
	// time from it to the alert is the alerts' response time.
	Since time.Time
	// Held says the evidence is too old to raise the condition but does not clear it (a
	// pallet's weight readings gone stale while they disagree with the ledger): it keeps
	// an open or acknowledged alert of its key, with these figures, and raises none.
	Held bool
}

// Key is the condition's identity: while a condition with this key holds, it is the same
// alert.
func (c Condition) Key() string { return AlertKey(c.Rule, c.Cell) }

// AlertKey joins rule and cell with a separator that codes cannot hold.
func AlertKey(rule AlertRule, c ontology.Cell) string {
	return strings.Join([]string{string(rule), c.SKU, c.Location, c.Lot}, "\x1f")
}

// Alert is a stored alert.
type Alert struct {
	ID        string            `json:"id"`
	Tenant    string            `json:"tenant"`
	Rule      AlertRule         `json:"rule"`
	Key       string            `json:"key"`
	Status    AlertStatus       `json:"status"`
	Severity  Severity          `json:"severity"`
	Cell      ontology.Cell     `json:"cell"`
	Message   string            `json:"message"`
	Evidence  []Figure          `json:"evidence"`
	Proposal  *TransferProposal `json:"proposal,omitempty"`
	RaisedAt  time.Time         `json:"raisedAt"`
	UpdatedAt time.Time         `json:"updatedAt"`
	AckedAt   time.Time         `json:"ackedAt,omitzero"`
	AckedBy   string            `json:"ackedBy,omitempty"`
	// ResolvedAt is when an evaluation last found the condition gone.
	ResolvedAt time.Time `json:"resolvedAt,omitzero"`
	// TransferID is the event of the transfer booked on the alert's proposal.
	TransferID string `json:"transferId,omitempty"`
}

// Errors of acting on alerts; the API shows them to the caller as they are.
var (
	ErrAlertNotFound   = errors.New("no such alert")
	ErrAlertResolved   = errors.New("the alert is resolved")
	ErrNoProposal      = errors.New("the alert proposes no transfer")
	ErrTransferBooked  = errors.New("a transfer was already booked on this alert")
	ErrTransferQty     = errors.New("transfer quantity")
	ErrNotEnoughToMove = errors.New("not enough stock to move")
)

// AlertConfig is one tenant's alert settings, as the config file gives them.
type AlertConfig struct {
	Defaults   AlertDefaults   `yaml:"defaults"`
	Thresholds []Threshold     `yaml:"thresholds"`
	Pallets    []Pallet        `yaml:"pallets"`
	Lots       []LotInfo       `yaml:"lots"`
	Zones      map[string]Zone `yaml:"zones"`
	// AutoTransfer books every proposed transfer as soon as its alert is raised, without
	// waiting for a person's createTransfer. Off by default: moving goods between sites
	// costs a truck, and the first weeks of a new threshold should be watched.
	AutoTransfer bool `yaml:"autoTransfer"`
}

// AlertDefaults are the figures used where a threshold or pallet gives none.
type AlertDefaults struct {
	// Window is how far back consumption is summed for its rate (default 168h).
	Window time.Duration `yaml:"window"`
	// LeadTime is how long a replenishment takes (default 72h); see DefaultLevels.
	LeadTime time.Duration `yaml:"leadTime"`
	// SafetyFactor is the share of a lead time's demand kept as safety stock (default 0.5).
	SafetyFactor ontology.Qty `yaml:"safetyFactor"`
	// Horizon is how far ahead a projected stock-out raises its alert (default 24h).
	Horizon time.Duration `yaml:"horizon"`
	// ExpiryWindow is how long before its expiry a lot on hand raises an alert (default 168h).
	ExpiryWindow time.Duration `yaml:"expiryWindow"`
	// MaxReadingAge is how old a weight reading may be and still be compared with the
	// ledger (default 1h).
	MaxReadingAge time.Duration `yaml:"maxReadingAge"`
	// SensorGap is how long a temperature reading is taken to hold after it was taken,
	// when the next one is late (default 5m): an excursion keeps counting through short
	// gaps, and stops counting when a sensor falls silent.
	SensorGap time.Duration `yaml:"sensorGap"`
	// Tolerance is how many units a pallet's weight may disagree with the ledger
	// (default 1).
	Tolerance ontology.Qty `yaml:"tolerance"`
	// MaxExcursion is how long a temperature may be outside its zone when the zone says
	// nothing (default 30m).
	MaxExcursion time.Duration `yaml:"maxExcursion"`
}

// Threshold sets safety stock and reorder point for a product at a location. Unset
// figures default from consumption (DefaultLevels).
type Threshold struct {
	SKU          string        `yaml:"sku"`
	Location     string        `yaml:"location"`
	SafetyStock  *ontology.Qty `yaml:"safetyStock"`
	ReorderPoint *ontology.Qty `yaml:"reorderPoint"`
	LeadTime     time.Duration `yaml:"leadTime"`
}

// Pallet maps a pallet (by its SSCC, or the device on it) to what it carries.
type Pallet struct {
	SSCC     string `yaml:"sscc"`
	Device   string `yaml:"device"`
	SKU      string `yaml:"sku"`
	Lot      string `yaml:"lot"`
	Location string `yaml:"location"` // "" compares the lot's stock at every location
	// UnitWeight and Tare are in kilograms, as the weight readings are.
	UnitWeight ontology.Qty  `yaml:"unitWeight"`
	Tare       ontology.Qty  `yaml:"tare"`
	Tolerance  *ontology.Qty `yaml:"tolerance"`
	Zone       string        `yaml:"zone"` // overrides the lot's zone
}

// ID names the pallet in sensor state and evidence.
func (p Pallet) ID() string {
	if p.SSCC != "" {
		return p.SSCC
	}
	return "device:" + p.Device
}

// LotInfo is what the alerts know about a lot: its expiry and temperature zone.
type LotInfo struct {
	SKU       string    `yaml:"sku"`
	Lot       string    `yaml:"lot"`
	ExpiresAt time.Time `yaml:"expiresAt"`
	Zone      string    `yaml:"zone"`
}

// Zone is a temperature range in °C and how long a pallet may be outside it.
type Zone struct {
	Min          decimal.Decimal `yaml:"min"`
	Max          decimal.Decimal `yaml:"max"`
	MaxExcursion time.Duration   `yaml:"maxExcursion"`
}

// Contains reports whether t is inside the zone, bounds included.
func (z Zone) Contains(t decimal.Decimal) bool {
	return t.GreaterThanOrEqual(z.Min) && t.LessThanOrEqual(z.Max)
}

// WithDefaults fills unset defaults.
func (c AlertConfig) WithDefaults() AlertConfig {
	d := &c.Defaults
	set := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&d.Window, 7*24*time.Hour)
	set(&d.LeadTime, 72*time.Hour)
	set(&d.Horizon, 24*time.Hour)
	set(&d.ExpiryWindow, 7*24*time.Hour)
	set(&d.MaxReadingAge, time.Hour)
	set(&d.SensorGap, 5*time.Minute)
	set(&d.MaxExcursion, 30*time.Minute)
	if d.SafetyFactor <= 0 {
		d.SafetyFactor = ontology.Units(1) / 2
	}
	if d.Tolerance <= 0 {
		d.Tolerance = ontology.Units(1)
	}
	return c
}

// Validate reports settings that cannot work.
func (c AlertConfig) Validate() error {
	var errs []error
	for i, t := range c.Thresholds {
		switch {
		case t.SKU == "" || t.Location == "":
			errs = append(errs, fmt.Errorf("threshold %d: sku and location are required", i+1))
		case t.SafetyStock != nil && *t.SafetyStock < 0, t.ReorderPoint != nil && *t.ReorderPoint < 0:
			errs = append(errs, fmt.Errorf("threshold %d (%s at %s): negative figure", i+1, t.SKU, t.Location))
		}
	}
	for i, p := range c.Pallets {
		switch {
		case p.SSCC == "" && p.Device == "":
			errs = append(errs, fmt.Errorf("pallet %d: needs an sscc or a device", i+1))
		case p.SKU == "":
			errs = append(errs, fmt.Errorf("pallet %s: sku is required", p.ID()))
		case p.UnitWeight < 0 || p.Tare < 0:
			errs = append(errs, fmt.Errorf("pallet %s: negative weight", p.ID()))
		case p.Zone != "" && !c.hasZone(p.Zone):
			errs = append(errs, fmt.Errorf("pallet %s: unknown zone %q", p.ID(), p.Zone))
		}
	}
	for i, l := range c.Lots {
		switch {
		case l.SKU == "" || l.Lot == "":
			errs = append(errs, fmt.Errorf("lot %d: sku and lot are required", i+1))
		case l.Zone != "" && !c.hasZone(l.Zone):
			errs = append(errs, fmt.Errorf("lot %s of %s: unknown zone %q", l.Lot, l.SKU, l.Zone))
		}
	}
	for name, z := range c.Zones {
		if z.Min.GreaterThan(z.Max) {
			errs = append(errs, fmt.Errorf("zone %s: min %s above max %s", name, z.Min, z.Max))
		}
	}
	return errors.Join(errs...)
}

func (c AlertConfig) hasZone(name string) bool {
	_, ok := c.Zones[name]
	return ok
}

// SKUs lists the products the settings name: the ones a periodic sweep looks at even
// when their stock does not move (time passes for expiry and for sensors).
func (c AlertConfig) SKUs() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, t := range c.Thresholds {
		add(t.SKU)
	}
	for _, p := range c.Pallets {
		add(p.SKU)
	}
	for _, l := range c.Lots {
		add(l.SKU)
	}
	return out
}

// PalletOf finds the pallet a reading is about: by its SSCC, else by its device.
//
// A Sparkplug device is "{edge node}/{device}" (device ids are unique only within
// their edge node). A pallet configured with that full id matches it alone; one
// configured with the bare device id, as before the edge node became part of the id,
// still matches the device under any edge node, so existing settings keep working.
func (c AlertConfig) PalletOf(r ontology.Reading) (Pallet, bool) {
	for _, p := range c.Pallets {
		if r.PalletSSCC != "" && p.SSCC == r.PalletSSCC {
			return p, true
		}
	}
	for _, p := range c.Pallets {
		if p.Device != "" && p.Device == r.DeviceID {
			return p, true
		}
	}
	if r.Format != "sparkplugb" {
		return Pallet{}, false
	}
	_, bare, ok := strings.Cut(r.DeviceID, "/")
	if !ok {
		return Pallet{}, false
	}
	for _, p := range c.Pallets {
		if p.Device != "" && p.Device == bare {
			return p, true
		}
	}
	return Pallet{}, false
}

// ZoneOf is the temperature zone of a pallet: its own, else its lot's.
func (c AlertConfig) ZoneOf(p Pallet) (Zone, string, bool) {
	name := p.Zone
	if name == "" {
		if l, ok := c.lot(p.SKU, p.Lot); ok {
			name = l.Zone
		}
	}
	z, ok := c.Zones[name]
	if ok && z.MaxExcursion <= 0 {
		z.MaxExcursion = c.Defaults.MaxExcursion
	}
	return z, name, ok
}

func (c AlertConfig) lot(sku, lot string) (LotInfo, bool) {
	for _, l := range c.Lots {
		if l.SKU == sku && l.Lot == lot {
			return l, true
		}
	}
	return LotInfo{}, false
}

// expiry returns a lot's expiry as the settings give it, zero when they do not.
func (c AlertConfig) expiry(sku, lot string) time.Time {
	l, _ := c.lot(sku, lot)
	return l.ExpiresAt
}

// cellExpiry is when the goods of a stock cell expire: the earlier of the settings'
// expiry of its lot and the one its documents gave (Stock.ExpiresAt, which the projector
// copies onto the cell), zero when neither tells. Most lots learn their expiry only from
// the receipts that bring them in, so the settings cannot be the only source; when both
// tell and disagree, the earlier is taken, because counting expired goods as sellable
// or moving them to a store costs more than an early warning.
func (c AlertConfig) cellExpiry(s Stock) time.Time {
	return earlier(c.expiry(s.SKU, s.Lot), s.ExpiresAt)
}

// earlier is the earlier of two instants, a zero one meaning unknown.
func earlier(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}

func (c AlertConfig) threshold(sku, location string) Threshold {
	for _, t := range c.Thresholds {
		if t.SKU == sku && t.Location == location {
			return t
		}
	}
	return Threshold{SKU: sku, Location: location}
}
