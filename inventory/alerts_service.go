package inventory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// AlertStore keeps alerts and books the transfers they propose (Neo4j).
type AlertStore interface {
	// SyncAlerts makes a product's stored alerts agree with conds, all of the product's
	// conditions at one instant: a condition without an open or acknowledged alert of
	// its key raises one (returned), one with such an alert updates its figures, and
	// open or acknowledged alerts of the product whose key is not among conds are
	// resolved. Any number of processes may sync the same product at once: one alert is
	// raised per key.
	SyncAlerts(ctx context.Context, tenant, sku string, conds []Condition, now time.Time) (raised []Alert, err error)
	// Alerts lists a tenant's alerts, newest first; status "" lists every status.
	Alerts(ctx context.Context, tenant string, status AlertStatus, first int) ([]Alert, error)
	// Alert returns one alert, or nil when the tenant has none with that id.
	Alert(ctx context.Context, tenant, id string) (*Alert, error)
	// AcknowledgeAlert marks an open alert acknowledged by a person; an acknowledged one
	// is returned as it is. Errors: ErrAlertNotFound, ErrAlertResolved.
	AcknowledgeAlert(ctx context.Context, tenant, id, by string, now time.Time) (*Alert, error)
	// BookTransfer writes the transfer's event and movements (marked unprojected, as
	// resolution writes its own) and links them to the alert, in one transaction.
	// Errors: ErrAlertNotFound, ErrAlertResolved, ErrTransferBooked.
	BookTransfer(ctx context.Context, tenant string, t Transfer) error
	// OpenAlertProducts lists every tenant's products that have open or acknowledged
	// alerts, for the sweep to look at again.
	OpenAlertProducts(ctx context.Context) ([]TenantCell, error)
	// Consumption sums, per location, what sale events took from a product's on-hand
	// stock since that time (by when they were recorded and when they happened, so an
	// import of old documents is not recent demand).
	Consumption(ctx context.Context, tenant, sku string, since time.Time) (map[string]ontology.Qty, error)
}

// AlertCache is live stock, sensor state and the fan-out of alerts (Redis).
type AlertCache interface {
	Stock(ctx context.Context, tenant, sku, location string) ([]Stock, error)
	// SKUs lists the products with live stock for a tenant.
	SKUs(ctx context.Context, tenant string) ([]string, error)
	// RecordSensor keeps the latest reading of a pallet's metric: a reading older than
	// the one kept changes nothing. out says the reading is outside the pallet's zone;
	// a run of such readings keeps the time of its first as OutSince.
	RecordSensor(ctx context.Context, tenant, pallet, metric string, at time.Time, value decimal.Decimal, out bool) error
	// SensorStates returns the kept state of these pallets, by pallet id.
	SensorStates(ctx context.Context, tenant string, pallets []string) (map[string]PalletSensors, error)
	// PublishAlert tells every process's subscribers that an alert was raised.
	PublishAlert(ctx context.Context, tenant string, a Alert) error
	// ClaimSweep reports whether this process sweeps the tenant now: at most one process
	// does in each period.
	ClaimSweep(ctx context.Context, tenant string, period time.Duration) (bool, error)
}

// StockProjector applies committed movements to live stock.
type StockProjector interface {
	Project(ctx context.Context, tenant string, ms []ontology.Movement) error
}

// TenantCell is a stock cell of a tenant: what changed, or what to look at.
type TenantCell struct {
	Tenant string
	ontology.Cell
}

// Transfer is a booked transfer: its event, the alert it acts on and its movements.
type Transfer struct {
	EventID   string
	AlertID   string
	Proposal  TransferProposal // as booked: quantity and lots at the time
	Movements []ontology.Movement
	By        string
	At        time.Time
}

// The metrics of pallet sensors the alerts read (ontology.Reading.Metric).
const (
	MetricWeight      = "weight_kg"
	MetricTemperature = "temperature_c"
)

// AlertServiceConfig tunes the service. Zero fields take the defaults.
type AlertServiceConfig struct {
	// Settle is how long changes gather before they are evaluated. Zero (the default)
	// evaluates at once: an alert is worth most the moment its condition holds, and a
	// burst of movements still costs few evaluations, because what arrives while one
	// evaluation runs gathers into the next. A replica under a steady storm of changes
	// to the same products may set a few milliseconds to trade latency for Neo4j reads.
	Settle time.Duration
	// Sweep is how often products are evaluated though nothing moved (30s): time passes
	// for projections, expiry and excursions.
	Sweep time.Duration
	// OnRaised, when set, is told of every alert this process raised, with the time from
	// its condition becoming true to the alert where the evidence tells it (else 0):
	// for metrics.
	OnRaised func(a Alert, lag time.Duration)
	// Sweeps, when set, limits the open alerts of unconfigured tenants a sweep takes up
	// to the tenants it accepts: a deployment (or a test run) sharing the database with
	// another must not resolve the other's alerts as "turned off" here.
	Sweeps func(tenant string) bool
}

// AlertService evaluates the alert rules when stock changes, when a sensor reading
// arrives and periodically, keeps alerts through the store and pushes the new ones. It
// is safe for concurrent use; every replica may run one.
type AlertService struct {
	store AlertStore
	cache AlertCache
	proj  StockProjector
	cfgs  map[string]AlertConfig
	def   AlertConfig
	opts  AlertServiceConfig
	log   *slog.Logger
	// Now is the clock, replaceable in tests.
	Now func() time.Time

	mu       sync.Mutex
	dirty    map[TenantCell]bool // products (Cell.SKU only) awaiting evaluation
	consumed map[TenantCell]*consumption
	// expiring holds, per product with lots on hand whose expiry is known, the next
	// instant at which time alone changes what the rules say of them (a lot entering
	// the expiry window, a lot expiring): the sweep evaluates it then, though its stock
	// does not move and no setting names it.
	expiring map[TenantCell]time.Time
	// learned says Run has read every product's expiries once (learnExpiries).
	learned atomic.Bool
	wake    chan struct{}
}

// consumptionFresh is how long a product's consumption, once read, is used without
// reading it again while its stock does not move. Consumption is summed over a window
// of days; what time alone changes in it within this long is noise, and every sale
// that changes it arrives as a stock change, which forgets it at once.
const consumptionFresh = 30 * time.Second

// consumption is a product's consumption as read at a time; qty is nil while the read
// is under way.
type consumption struct {
	at  time.Time
	qty map[string]ontology.Qty
}

// NewAlertService builds the service. cfgs holds each tenant's settings. Alerts are
// for the tenants it names: an empty entry turns them on with every default (safety
// stock and reorder point from consumption); a tenant it does not name has none, and
// its stock changes cost nothing.
func NewAlertService(store AlertStore, cache AlertCache, proj StockProjector, cfgs map[string]AlertConfig, log *slog.Logger, opts AlertServiceConfig) *AlertService {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Sweep <= 0 {
		opts.Sweep = 30 * time.Second
	}
	filled := make(map[string]AlertConfig, len(cfgs))
	for t, c := range cfgs {
		filled[t] = c.WithDefaults()
	}
	return &AlertService{store: store, cache: cache, proj: proj, cfgs: filled, def: AlertConfig{}.WithDefaults(),
		opts: opts, log: log, Now: time.Now, dirty: map[TenantCell]bool{}, consumed: map[TenantCell]*consumption{},
		expiring: map[TenantCell]time.Time{}, wake: make(chan struct{}, 1)}
}

// config returns a tenant's settings and whether it has alerts at all.
func (s *AlertService) config(tenant string) (AlertConfig, bool) {
	if c, ok := s.cfgs[tenant]; ok {
		return c, true
	}
	return s.def, false
}

// Changed asks for a product of a tenant with alerts to be evaluated soon. It never
// blocks; repeated calls before the evaluation cost one evaluation.
func (s *AlertService) Changed(tenant, sku string) {
	if _, on := s.config(tenant); on {
		s.mark(tenant, sku)
	}
}

// StockChanged tells the service that a product's stock moved: what it knew of the
// product's consumption is forgotten, and the product is evaluated soon.
func (s *AlertService) StockChanged(tenant, sku string) {
	s.mu.Lock()
	delete(s.consumed, TenantCell{Tenant: tenant, Cell: ontology.Cell{SKU: sku}})
	s.mu.Unlock()
	s.Changed(tenant, sku)
}

// consumption returns what sales took from a product since now - window, per location.
// It reads the store once per product while the stock does not move (consumptionFresh):
// a sensor reading, a sweep or a settings change evaluates the product again without
// the Neo4j round trip, which keeps it off the path from a reading to its alert.
func (s *AlertService) consumption(ctx context.Context, tenant, sku string, now time.Time, window time.Duration) (map[string]ontology.Qty, error) {
	k := TenantCell{Tenant: tenant, Cell: ontology.Cell{SKU: sku}}
	s.mu.Lock()
	if c := s.consumed[k]; c != nil && c.qty != nil && !now.Before(c.at) && now.Sub(c.at) < consumptionFresh {
		s.mu.Unlock()
		return c.qty, nil
	}
	// A stock change while the read is under way removes this entry: the read may have
	// missed that sale, so its answer serves this evaluation only.
	mine := &consumption{at: now}
	s.consumed[k] = mine
	s.mu.Unlock()
	qty, err := s.store.Consumption(ctx, tenant, sku, now.Add(-window))
	if err != nil {
		s.mu.Lock()
		if s.consumed[k] == mine {
			delete(s.consumed, k)
		}
		s.mu.Unlock()
		return nil, err
	}
	s.mu.Lock()
	if s.consumed[k] == mine {
		mine.qty = qty
	}
	s.mu.Unlock()
	return qty, nil
}

// forgetStaleConsumption drops the consumption read long ago, so that the memo holds
// the products that moved or were read lately, not every product ever evaluated.
func (s *AlertService) forgetStaleConsumption(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, c := range s.consumed {
		if c.qty != nil && (now.Before(c.at) || now.Sub(c.at) >= consumptionFresh) {
			delete(s.consumed, k)
		}
	}
}

// mark asks for an evaluation whatever the tenant's settings: the sweep uses it for
// alerts still open in a tenant whose alerts were turned off, to resolve them.
func (s *AlertService) mark(tenant, sku string) {
	if tenant == "" || sku == "" {
		return
	}
	s.mu.Lock()
	s.dirty[TenantCell{Tenant: tenant, Cell: ontology.Cell{SKU: sku}}] = true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *AlertService) takeDirty() []TenantCell {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]TenantCell, 0, len(s.dirty))
	for k := range s.dirty {
		out = append(out, k)
	}
	clear(s.dirty)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Tenant != out[j].Tenant {
			return out[i].Tenant < out[j].Tenant
		}
		return out[i].SKU < out[j].SKU
	})
	return out
}

// Readings takes sensor readings as they are stored: each reading of a configured
// pallet updates its sensor state, and its product is evaluated soon. Readings of
// devices no pallet names are not for the alerts and are skipped.
func (s *AlertService) Readings(ctx context.Context, tenant string, rs []ontology.Reading) error {
	cfg, _ := s.config(tenant)
	if len(cfg.Pallets) == 0 {
		return nil
	}
	var errs []error
	for _, r := range rs {
		p, ok := cfg.PalletOf(r)
		if !ok || (r.Metric != MetricWeight && r.Metric != MetricTemperature) {
			continue
		}
		v, err := decimal.NewFromString(r.Value)
		if err != nil {
			errs = append(errs, fmt.Errorf("reading of %s: value %q: %w", p.ID(), r.Value, err))
			continue
		}
		out := false
		if r.Metric == MetricTemperature {
			zone, _, ok := cfg.ZoneOf(p)
			out = ok && !zone.Contains(v)
		}
		if err := s.cache.RecordSensor(ctx, tenant, p.ID(), r.Metric, r.At, v, out); err != nil {
			errs = append(errs, fmt.Errorf("keeping the reading of %s: %w", p.ID(), err))
			continue
		}
		s.Changed(tenant, p.SKU)
	}
	return errors.Join(errs...)
}

// Evaluate runs the rules over one product now, syncs its alerts and pushes the ones
// raised (booking their transfers first when the tenant says so). It returns the raised.
func (s *AlertService) Evaluate(ctx context.Context, tenant, sku string) ([]Alert, error) {
	cfg, on := s.config(tenant)
	now := s.Now().UTC()
	if !on {
		// Alerts turned off: what is still open resolves.
		_, err := s.store.SyncAlerts(ctx, tenant, sku, nil, now)
		return nil, err
	}
	cells, err := s.cache.Stock(ctx, tenant, sku, "")
	if err != nil {
		return nil, fmt.Errorf("reading stock of %s: %w", sku, err)
	}
	consumed, err := s.consumption(ctx, tenant, sku, now, cfg.Defaults.Window)
	if err != nil {
		return nil, fmt.Errorf("reading consumption of %s: %w", sku, err)
	}
	s.noteExpiries(tenant, sku, nextExpiryChange(cfg, cells, now))
	v := ProductView{SKU: sku, Now: now, Cells: cells, Consumed: consumed}
	var pallets []string
	for _, p := range cfg.Pallets {
		if p.SKU == sku {
			pallets = append(pallets, p.ID())
		}
	}
	if len(pallets) > 0 {
		if v.Sensors, err = s.cache.SensorStates(ctx, tenant, pallets); err != nil {
			return nil, fmt.Errorf("reading sensor state of %s: %w", sku, err)
		}
	}
	conds, err := s.keepHeld(ctx, tenant, sku, Evaluate(cfg, v))
	if err != nil {
		return nil, err
	}
	raised, err := s.store.SyncAlerts(ctx, tenant, sku, conds, now)
	if err != nil {
		return nil, fmt.Errorf("storing alerts of %s: %w", sku, err)
	}
	since := make(map[string]time.Time, len(conds))
	for _, c := range conds {
		since[c.Key()] = c.Since
	}
	for i := range raised {
		a := &raised[i]
		if s.opts.OnRaised != nil {
			var lag time.Duration
			if t := since[a.Key]; !t.IsZero() && a.RaisedAt.After(t) {
				lag = a.RaisedAt.Sub(t)
			}
			s.opts.OnRaised(*a, lag)
		}
		if cfg.AutoTransfer && a.Proposal != nil {
			if res, err := s.CreateTransfer(ctx, tenant, a.ID, 0, "rule:auto-transfer"); err != nil {
				s.log.Warn("booking the proposed transfer automatically", "tenant", tenant, "alert", a.ID, "err", err)
			} else {
				*a = res.Alert
			}
		}
		if err := s.cache.PublishAlert(ctx, tenant, *a); err != nil {
			// Stored all the same: alerts(status: OPEN) lists it.
			s.log.Warn("pushing a raised alert", "tenant", tenant, "alert", a.ID, "err", err)
		}
	}
	return raised, nil
}

// heldAlertsRead bounds the open and the acknowledged alerts keepHeld reads of a tenant,
// newest first. A held condition whose alert is older than that many others is taken
// for one without an alert and resolves, as any condition no evaluation finds.
const heldAlertsRead = 5000

// keepHeld drops the held conditions (Condition.Held) that have no open or acknowledged
// alert of their key, so that they keep an alert but never raise one. It reads the
// store only when there are held conditions, which is when a lot's sensor readings are
// stale and disagree with the ledger; an alert resolved by another process between this
// read and the sync is raised again on the stale figures, a window of milliseconds.
func (s *AlertService) keepHeld(ctx context.Context, tenant, sku string, conds []Condition) ([]Condition, error) {
	if !slices.ContainsFunc(conds, func(c Condition) bool { return c.Held }) {
		return conds, nil
	}
	open := map[string]bool{}
	for _, st := range []AlertStatus{AlertOpen, AlertAcknowledged} {
		as, err := s.store.Alerts(ctx, tenant, st, heldAlertsRead)
		if err != nil {
			return nil, fmt.Errorf("reading the %s alerts of %s for its held conditions: %w", st, sku, err)
		}
		for _, a := range as {
			if a.Cell.SKU == sku {
				open[a.Key] = true
			}
		}
	}
	return slices.DeleteFunc(conds, func(c Condition) bool { return c.Held && !open[c.Key()] }), nil
}

// Alerts lists a tenant's alerts, newest first.
func (s *AlertService) Alerts(ctx context.Context, tenant string, status AlertStatus, first int) ([]Alert, error) {
	return s.store.Alerts(ctx, tenant, status, first)
}

// Acknowledge records that a person has seen an alert. It keeps holding its key: the
// condition raises nothing new until it clears.
func (s *AlertService) Acknowledge(ctx context.Context, tenant, id, by string) (*Alert, error) {
	return s.store.AcknowledgeAlert(ctx, tenant, id, by, s.Now().UTC())
}

// TransferResult is a booked transfer with its alert as it stands after.
type TransferResult struct {
	Alert    Alert
	Transfer Transfer
}

// CreateTransfer books the transfer an alert proposes: qty (0: the proposal's) out of
// the giving location's on-hand stock, earliest expiry first, and into the short one,
// as one transfer event whose movements go through the ledger and the projector like
// any other. One transfer per alert. Errors: ErrAlertNotFound, ErrAlertResolved,
// ErrNoProposal, ErrTransferBooked, ErrTransferQty, ErrNotEnoughToMove.
func (s *AlertService) CreateTransfer(ctx context.Context, tenant, alertID string, qty ontology.Qty, by string) (TransferResult, error) {
	a, err := s.store.Alert(ctx, tenant, alertID)
	switch {
	case err != nil:
		return TransferResult{}, fmt.Errorf("reading alert %s: %w", alertID, err)
	case a == nil:
		return TransferResult{}, fmt.Errorf("alert %s: %w", alertID, ErrAlertNotFound)
	case a.TransferID != "":
		return TransferResult{}, fmt.Errorf("alert %s (event %s): %w", alertID, a.TransferID, ErrTransferBooked)
	case a.Status == AlertResolved:
		return TransferResult{}, fmt.Errorf("alert %s: %w", alertID, ErrAlertResolved)
	case a.Proposal == nil:
		return TransferResult{}, fmt.Errorf("alert %s: %w", alertID, ErrNoProposal)
	case qty < 0:
		return TransferResult{}, fmt.Errorf("%w %s: must be positive", ErrTransferQty, qty)
	}
	p := *a.Proposal
	if qty == 0 {
		qty = p.Qty
	}
	now := s.Now().UTC()
	cells, err := s.cache.Stock(ctx, tenant, p.SKU, p.From)
	if err != nil {
		return TransferResult{}, fmt.Errorf("reading stock of %s at %s: %w", p.SKU, p.From, err)
	}
	cfg, _ := s.config(tenant)
	lines, got := FEFO(cells, qty, func(lot string) time.Time { return cfg.expiry(p.SKU, lot) }, now)
	if got < qty {
		return TransferResult{}, fmt.Errorf("%w: %s of %s available at %s, %s asked", ErrNotEnoughToMove, got, p.SKU, p.From, qty)
	}
	p.Qty, p.Lines = qty, lines
	t := Transfer{EventID: TransferEventID(tenant, a.ID), AlertID: a.ID, Proposal: p, By: by, At: now}
	t.Movements = TransferMovements(tenant, t.EventID, p, now)
	if err := s.store.BookTransfer(ctx, tenant, t); err != nil {
		return TransferResult{}, fmt.Errorf("booking the transfer of alert %s: %w", a.ID, err)
	}
	if err := s.proj.Project(ctx, tenant, t.Movements); err != nil {
		// The movements keep their Unprojected mark; the worker's catch-up applies them.
		s.log.Warn("projecting a transfer; will catch up", "tenant", tenant, "event", t.EventID, "err", err)
	}
	s.Changed(tenant, p.SKU)
	a.TransferID, a.UpdatedAt = t.EventID, now
	return TransferResult{Alert: *a, Transfer: t}, nil
}

// TransferEventID names the transfer event of an alert: one per alert, so a retried
// booking finds the first.
func TransferEventID(tenant, alertID string) string {
	sum := sha256.Sum256([]byte(tenant + "/transfer/" + alertID))
	return "ev_tr_" + hex.EncodeToString(sum[:12])
}

// TransferMovements are a transfer's movements: per lot, out of the giving location's
// on-hand stock and into the receiving one's, with ids that a retry cannot double.
func TransferMovements(tenant, eventID string, p TransferProposal, at time.Time) []ontology.Movement {
	out := make([]ontology.Movement, 0, 2*len(p.Lines))
	for _, l := range p.Lines {
		for _, side := range []struct {
			loc string
			qty ontology.Qty
		}{{p.From, -l.Qty}, {p.To, l.Qty}} {
			out = append(out, ontology.Movement{
				Tenant: tenant, ID: fmt.Sprintf("%s:%d", eventID, len(out)+1), EventID: eventID,
				SKU: p.SKU, Location: side.loc, Lot: l.Lot, Bucket: ontology.BucketOnHand, Qty: side.qty,
				At: at, Reason: "transfer",
			})
		}
	}
	return out
}
