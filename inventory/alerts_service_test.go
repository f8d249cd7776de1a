package inventory_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

const store9 = "STORE-9"

func alertService(r *rig, cfg inventory.AlertConfig) *inventory.AlertService {
	return inventory.NewAlertService(r.store, r.cache, r.proj, map[string]inventory.AlertConfig{r.tenant: cfg}, nil, inventory.AlertServiceConfig{})
}

func safety(sku string, n int64) inventory.Threshold {
	q := ontology.Units(n)
	return inventory.Threshold{SKU: sku, Location: store9, SafetyStock: &q}
}

// onHandAt reads one location's on-hand stock of a product, all lots, from the cache.
func (r *rig) onHandAt(sku, loc string) ontology.Qty {
	r.t.Helper()
	rows, err := r.cache.Stock(r.ctx, r.tenant, sku, loc)
	if err != nil {
		r.t.Fatal(err)
	}
	var n ontology.Qty
	for _, s := range rows {
		n += s.OnHand
	}
	return n
}

func byRule(as []inventory.Alert, rule inventory.AlertRule) *inventory.Alert {
	for i := range as {
		if as[i].Rule == rule {
			return &as[i]
		}
	}
	return nil
}

// TestAutoTransfer: with the tenant's automatic rule on, a stock-out's proposed transfer
// is booked as it is raised, moves the stock through the ledger, and the next
// evaluation resolves the alert.
func TestAutoTransfer(t *testing.T) {
	r := newRig(t)
	r.receive(lot("MILK", "L2", 30), lot("MILK", "L1", 20))
	svc := alertService(r, inventory.AlertConfig{
		Thresholds:   []inventory.Threshold{safety("MILK", 25)},
		Lots:         []inventory.LotInfo{{SKU: "MILK", Lot: "L1", ExpiresAt: time.Now().Add(30 * 24 * time.Hour)}},
		AutoTransfer: true,
	})
	raised, err := svc.Evaluate(r.ctx, r.tenant, "MILK")
	if err != nil {
		t.Fatal(err)
	}
	a := byRule(raised, inventory.RuleStockout)
	if a == nil || a.TransferID == "" || a.Proposal == nil || a.Proposal.Qty != ontology.Units(25) {
		t.Fatalf("raised %+v", raised)
	}
	// The lot with a known expiry goes first, then the rest from the other lot.
	want := []inventory.TransferLine{{Lot: "L1", Qty: ontology.Units(20)}, {Lot: "L2", Qty: ontology.Units(5)}}
	if len(a.Proposal.Lines) != 2 || a.Proposal.Lines[0] != want[0] || a.Proposal.Lines[1] != want[1] {
		t.Fatalf("lines = %+v, want %+v", a.Proposal.Lines, want)
	}
	if got := r.onHandAt("MILK", store9); got != ontology.Units(25) {
		t.Fatalf("store holds %s after the transfer, want 25", got)
	}
	if got := r.onHandAt("MILK", wh); got != ontology.Units(25) {
		t.Fatalf("warehouse holds %s after the transfer, want 25", got)
	}
	if diffs, err := r.proj.Verify(r.ctx, r.tenant); err != nil || len(diffs) != 0 {
		t.Fatalf("verify = %+v, %v", diffs, err)
	}
	if raised, err := svc.Evaluate(r.ctx, r.tenant, "MILK"); err != nil || byRule(raised, inventory.RuleStockout) != nil {
		t.Fatalf("evaluated again: %+v, %v", raised, err)
	}
	stored, err := r.store.Alert(r.ctx, r.tenant, a.ID)
	if err != nil || stored.Status != inventory.AlertResolved || stored.TransferID != a.TransferID {
		t.Fatalf("alert after its transfer = %+v, %v", stored, err)
	}
	if _, err := svc.CreateTransfer(r.ctx, r.tenant, a.ID, 0, "person:x"); !errors.Is(err, inventory.ErrTransferBooked) {
		t.Fatalf("a second transfer on the alert: %v", err)
	}
}

// TestCreateTransferChecksTheStock: a person may move less than proposed, never more
// than the giver holds now; by default nothing moves until someone asks.
func TestCreateTransferChecksTheStock(t *testing.T) {
	r := newRig(t)
	r.receive(units("TEA", 5))
	svc := alertService(r, inventory.AlertConfig{Thresholds: []inventory.Threshold{safety("TEA", 100)}})
	raised, err := svc.Evaluate(r.ctx, r.tenant, "TEA")
	if err != nil {
		t.Fatal(err)
	}
	a := byRule(raised, inventory.RuleStockout)
	if a == nil || a.TransferID != "" || a.Proposal == nil || a.Proposal.Qty != ontology.Units(5) {
		t.Fatalf("raised %+v", raised)
	}
	if got := r.onHandAt("TEA", wh); got != ontology.Units(5) {
		t.Fatalf("stock moved by itself: %s left", got)
	}
	if _, err := svc.CreateTransfer(r.ctx, r.tenant, a.ID, ontology.Units(6), "person:x"); !errors.Is(err, inventory.ErrNotEnoughToMove) {
		t.Fatalf("moving 6 of 5: %v", err)
	}
	if _, err := svc.CreateTransfer(r.ctx, r.tenant, "al_nope", 0, "person:x"); !errors.Is(err, inventory.ErrAlertNotFound) {
		t.Fatalf("unknown alert: %v", err)
	}
	res, err := svc.CreateTransfer(r.ctx, r.tenant, a.ID, ontology.Units(2), "person:x")
	if err != nil || res.Transfer.Proposal.Qty != ontology.Units(2) || res.Alert.TransferID != res.Transfer.EventID {
		t.Fatalf("moving 2 = %+v, %v", res, err)
	}
	if got := r.onHandAt("TEA", store9); got != ontology.Units(2) {
		t.Fatalf("store holds %s, want 2", got)
	}
	if _, err := svc.CreateTransfer(r.ctx, r.tenant, a.ID, 0, "person:x"); !errors.Is(err, inventory.ErrTransferBooked) {
		t.Fatalf("a second transfer: %v", err)
	}

	// Nothing anywhere to give: no proposal. Once the threshold goes, the alert resolves.
	cocoa := alertService(r, inventory.AlertConfig{Thresholds: []inventory.Threshold{safety("COCOA", 10)}})
	raised, err = cocoa.Evaluate(r.ctx, r.tenant, "COCOA")
	if a = byRule(raised, inventory.RuleStockout); err != nil || a == nil || a.Proposal != nil {
		t.Fatalf("raised %+v, %v", raised, err)
	}
	if _, err := cocoa.CreateTransfer(r.ctx, r.tenant, a.ID, 0, "person:x"); !errors.Is(err, inventory.ErrNoProposal) {
		t.Fatalf("transfer without a proposal: %v", err)
	}
	if _, err := alertService(r, inventory.AlertConfig{}).Evaluate(r.ctx, r.tenant, "COCOA"); err != nil {
		t.Fatal(err)
	}
	if _, err := cocoa.CreateTransfer(r.ctx, r.tenant, a.ID, 0, "person:x"); !errors.Is(err, inventory.ErrAlertResolved) {
		t.Fatalf("transfer on a resolved alert: %v", err)
	}
}

// TestAlertsOffResolveWhatIsOpen: a tenant the settings no longer name has its open
// alerts resolved by the next evaluation, and its stock changes ask for nothing more.
func TestAlertsOffResolveWhatIsOpen(t *testing.T) {
	r := newRig(t)
	on := alertService(r, inventory.AlertConfig{Thresholds: []inventory.Threshold{safety("OAT", 3)}})
	if raised, err := on.Evaluate(r.ctx, r.tenant, "OAT"); err != nil || len(raised) == 0 {
		t.Fatalf("raised %+v, %v", raised, err)
	}
	off := inventory.NewAlertService(r.store, r.cache, r.proj, nil, nil, inventory.AlertServiceConfig{})
	if raised, err := off.Evaluate(r.ctx, r.tenant, "OAT"); err != nil || len(raised) != 0 {
		t.Fatalf("alerts off raised %+v, %v", raised, err)
	}
	if open, err := r.store.Alerts(r.ctx, r.tenant, inventory.AlertOpen, 10); err != nil || len(open) != 0 {
		t.Fatalf("open with alerts off: %+v, %v", open, err)
	}
}

// TestSweepLeavesOtherDeployments: a process whose settings lack a tenant resolves that
// tenant's open alerts in its sweep ("turned off") only when the tenant is one it sweeps;
// another deployment sharing the database leaves them open.
func TestSweepLeavesOtherDeployments(t *testing.T) {
	r := newRig(t)
	on := alertService(r, inventory.AlertConfig{Thresholds: []inventory.Threshold{safety("OAT", 3)}})
	if raised, err := on.Evaluate(r.ctx, r.tenant, "OAT"); err != nil || len(raised) == 0 {
		t.Fatalf("raised %+v, %v", raised, err)
	}
	open := func() int {
		as, err := r.store.Alerts(r.ctx, r.tenant, inventory.AlertOpen, 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(as)
	}
	sweepFor := func(accepts func(string) bool, d time.Duration, until func() bool) {
		svc := inventory.NewAlertService(r.store, r.cache, r.proj, nil, nil,
			inventory.AlertServiceConfig{Sweep: 20 * time.Millisecond, Sweeps: accepts})
		ctx, cancel := context.WithTimeout(r.ctx, d)
		defer cancel()
		done := make(chan struct{})
		go func() { defer close(done); svc.Run(ctx, nil) }()
		for ctx.Err() == nil && !until() {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		<-done
	}
	sweepFor(func(string) bool { return false }, 500*time.Millisecond, func() bool { return false })
	if n := open(); n == 0 {
		t.Fatal("another deployment's sweep resolved this tenant's alert")
	}
	sweepFor(func(x string) bool { return x == r.tenant }, 10*time.Second, func() bool { return open() == 0 })
	if n := open(); n != 0 {
		t.Fatalf("%d alerts still open after a sweep of a process that takes the tenant up with alerts off", n)
	}
}

// TestReadingsReachOnlyConfiguredPallets: a reading of a pallet the settings name keeps
// its state; others, and metrics the alerts do not read, are skipped.
func TestReadingsReachOnlyConfiguredPallets(t *testing.T) {
	r := newRig(t)
	svc := alertService(r, inventory.AlertConfig{
		Zones:   map[string]inventory.Zone{"frozen": {Min: decimal.NewFromInt(-25), Max: decimal.NewFromInt(-18)}},
		Pallets: []inventory.Pallet{{SSCC: "012345678901234567", SKU: "PEAS", Lot: "P1", Location: wh, Zone: "frozen"}},
	})
	at := time.Now().UTC().Truncate(time.Millisecond)
	err := svc.Readings(r.ctx, r.tenant, []ontology.Reading{
		{DeviceID: "d1", PalletSSCC: "012345678901234567", At: at, Metric: "temperature_c", Value: "-12"},
		{DeviceID: "d1", PalletSSCC: "012345678901234567", At: at, Metric: "humidity_rh", Value: "40"},
		{DeviceID: "d2", PalletSSCC: "999999999999999999", At: at, Metric: "temperature_c", Value: "30"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.cache.SensorStates(r.ctx, r.tenant, []string{"012345678901234567", "999999999999999999"})
	if err != nil {
		t.Fatal(err)
	}
	temp := got["012345678901234567"].Temperature
	if temp == nil || temp.Value.String() != "-12" || !temp.OutSince.Equal(at) {
		t.Fatalf("pallet state = %+v, want -12 out of the frozen zone since %s", temp, at)
	}
	if other := got["999999999999999999"]; other.Temperature != nil {
		t.Fatalf("an unknown pallet's reading was kept: %+v", other.Temperature)
	}
	if err := svc.Readings(r.ctx, r.tenant, []ontology.Reading{{DeviceID: "d1", PalletSSCC: "012345678901234567", At: at.Add(time.Second), Metric: "temperature_c", Value: "warm"}}); err == nil {
		t.Fatal("a value that is no number passed")
	}
}

// countedConsumption is the real store, counting how often the alerts read consumption.
type countedConsumption struct {
	inventory.AlertStore
	reads int
}

func (c *countedConsumption) Consumption(ctx context.Context, tenant, sku string, since time.Time) (map[string]ontology.Qty, error) {
	c.reads++
	return c.AlertStore.Consumption(ctx, tenant, sku, since)
}

// TestConsumptionReadOncePerStockChange: evaluating a product again while its stock has
// not moved (a sensor reading, a sweep) reuses the consumption read before, and a stock
// change makes the next evaluation read it again.
func TestConsumptionReadOncePerStockChange(t *testing.T) {
	r := newRig(t)
	store := &countedConsumption{AlertStore: r.store}
	svc := inventory.NewAlertService(store, r.cache, r.proj, map[string]inventory.AlertConfig{
		r.tenant: {Thresholds: []inventory.Threshold{safety("RICE", 4)}},
	}, nil, inventory.AlertServiceConfig{})
	for i := range 3 {
		raised, err := svc.Evaluate(r.ctx, r.tenant, "RICE")
		if err != nil {
			t.Fatal(err)
		}
		if (i == 0) != (byRule(raised, inventory.RuleStockout) != nil) {
			t.Fatalf("evaluation %d raised %+v: want one stock-out, on the first only", i, raised)
		}
	}
	if store.reads != 1 {
		t.Fatalf("three evaluations without a stock change read consumption %d times, want 1", store.reads)
	}
	svc.StockChanged(r.tenant, "RICE")
	svc.StockChanged(r.tenant, "BEANS") // another product's change forgets nothing of this one
	if _, err := svc.Evaluate(r.ctx, r.tenant, "RICE"); err != nil {
		t.Fatal(err)
	}
	if store.reads != 2 {
		t.Fatalf("after a stock change consumption was read %d times in all, want 2", store.reads)
	}
	svc.Now = func() time.Time { return time.Now().Add(time.Minute) }
	if _, err := svc.Evaluate(r.ctx, r.tenant, "RICE"); err != nil {
		t.Fatal(err)
	}
	if store.reads != 3 {
		t.Fatalf("a minute later consumption was read %d times in all, want 3", store.reads)
	}
}

// TestDocumentExpiryReachesTheAlerts: a lot whose expiry only its receipt gave, and
// which has expired, raises its EXPIRY alert and is neither counted as available nor
// proposed nor moved by a transfer; the lot still good is.
func TestDocumentExpiryReachesTheAlerts(t *testing.T) {
	r := newRig(t)
	past := time.Now().Add(-48 * time.Hour).UTC()
	future := time.Now().Add(60 * 24 * time.Hour).UTC()
	r.receive(ontology.Line{SKU: "MILK", Lot: "A-EXPIRED", Qty: ontology.Units(30), ExpiresAt: &past},
		ontology.Line{SKU: "MILK", Lot: "B-GOOD", Qty: ontology.Units(10), ExpiresAt: &future})
	svc := alertService(r, inventory.AlertConfig{Thresholds: []inventory.Threshold{safety("MILK", 25)}})
	raised, err := svc.Evaluate(r.ctx, r.tenant, "MILK")
	if err != nil {
		t.Fatal(err)
	}
	exp := byRule(raised, inventory.RuleExpiry)
	if exp == nil || exp.Cell.Lot != "A-EXPIRED" || exp.Severity != inventory.SeverityCritical {
		t.Fatalf("raised %+v: want a critical EXPIRY alert on A-EXPIRED", raised)
	}
	a := byRule(raised, inventory.RuleStockout)
	want := []inventory.TransferLine{{Lot: "B-GOOD", Qty: ontology.Units(10)}}
	if a == nil || a.Proposal == nil || a.Proposal.Qty != ontology.Units(10) || !reflect.DeepEqual(a.Proposal.Lines, want) {
		t.Fatalf("stock-out %+v: want a proposal of 10 of B-GOOD", a)
	}
	if _, err := svc.CreateTransfer(r.ctx, r.tenant, a.ID, ontology.Units(11), "person:x"); !errors.Is(err, inventory.ErrNotEnoughToMove) {
		t.Fatalf("moving 11 where 10 are good: %v", err)
	}
	res, err := svc.CreateTransfer(r.ctx, r.tenant, a.ID, 0, "person:x")
	if err != nil || !reflect.DeepEqual(res.Transfer.Proposal.Lines, want) {
		t.Fatalf("transfer = %+v, %v: want 10 of B-GOOD", res.Transfer.Proposal, err)
	}
	if got := r.onHandAt("MILK", wh); got != ontology.Units(30) {
		t.Fatalf("warehouse holds %s after the transfer, want the 30 expired", got)
	}
}

// TestStaleWeightKeepsItsAlert: a pallet that reports less often than maxReadingAge
// keeps its weight alert between readings instead of resolving it and raising a new one
// with the next; stale readings never raise an alert; the alert resolves when the
// ledger comes to agree with what the pallet weighed, and a fresh reading decides again.
func TestStaleWeightKeepsItsAlert(t *testing.T) {
	r := newRig(t)
	r.receive(lot("PEAS", "P1", 100))
	const sscc = "012345678901234567"
	svc := alertService(r, inventory.AlertConfig{Pallets: []inventory.Pallet{{SSCC: sscc, SKU: "PEAS", Lot: "P1", Location: wh,
		UnitWeight: ontology.Units(1), Tare: ontology.Units(20)}}})
	now := time.Now().UTC().Truncate(time.Millisecond)
	svc.Now = func() time.Time { return now }
	weigh := func(kg string) {
		t.Helper()
		if err := svc.Readings(r.ctx, r.tenant, []ontology.Reading{{DeviceID: "d1", PalletSSCC: sscc, At: now, Metric: "weight_kg", Value: kg}}); err != nil {
			t.Fatal(err)
		}
	}
	evaluate := func(step string) []inventory.Alert {
		t.Helper()
		raised, err := svc.Evaluate(r.ctx, r.tenant, "PEAS")
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return raised
	}
	weightAlerts := func() []inventory.Alert {
		t.Helper()
		as, err := svc.Alerts(r.ctx, r.tenant, "", 20)
		if err != nil {
			t.Fatal(err)
		}
		return slices.DeleteFunc(as, func(a inventory.Alert) bool { return a.Rule != inventory.RuleSensorLedger })
	}

	// 140 kg less 20 of tare: 120 units on a pallet the ledger holds 100 of.
	weigh("140")
	a := byRule(evaluate("fresh reading"), inventory.RuleSensorLedger)
	if a == nil {
		t.Fatal("a fresh reading 20 units over the ledger raised nothing")
	}
	if _, err := svc.Acknowledge(r.ctx, r.tenant, a.ID, "person:x"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(61 * time.Minute) // the sensor silent past maxReadingAge
	if raised := evaluate("stale"); len(raised) != 0 {
		t.Fatalf("stale readings raised %+v", raised)
	}
	if as := weightAlerts(); len(as) != 1 || as[0].ID != a.ID || as[0].Status != inventory.AlertAcknowledged {
		t.Fatalf("after the readings went stale: %+v, want alert %s still acknowledged", as, a.ID)
	}
	now = now.Add(30 * time.Minute)
	weigh("140") // the next reading says the same
	if raised := evaluate("the next reading"); len(raised) != 0 {
		t.Fatalf("the same disagreement raised %+v again", raised)
	}
	if as := weightAlerts(); len(as) != 1 || as[0].ID != a.ID || as[0].Status == inventory.AlertResolved {
		t.Fatalf("after the next reading: %+v, want alert %s alone and not resolved", as, a.ID)
	}

	// Stale again; the ledger is corrected to the 120 the pallet weighed: resolved.
	now = now.Add(61 * time.Minute)
	r.receive(lot("PEAS", "P1", 20))
	evaluate("the ledger agrees")
	if as := weightAlerts(); len(as) != 1 || as[0].Status != inventory.AlertResolved {
		t.Fatalf("after the ledger came to agree: %+v, want alert %s resolved", as, a.ID)
	}
	// The ledger moves on while the readings are stale: they cannot raise an alert.
	r.receive(lot("PEAS", "P1", 10))
	if raised := evaluate("stale, disagreeing, nothing open"); len(raised) != 0 {
		t.Fatalf("stale readings raised %+v", raised)
	}
	// A fresh reading decides again.
	weigh("140")
	if b := byRule(evaluate("fresh again"), inventory.RuleSensorLedger); b == nil || b.ID == a.ID {
		t.Fatalf("a fresh reading 10 units under the ledger raised %+v, want a new alert", b)
	}
}

// TestSweepReachesDocumentExpiries: products that no setting names, whose stock does
// not move and that have no alert open, are evaluated by the sweep as their lots'
// expiries (from their receipts) come: a lot already expired when the process starts at
// once, a lot entering its expiry window when it does.
func TestSweepReachesDocumentExpiries(t *testing.T) {
	r := newRig(t)
	base := time.Now().UTC()
	past, soon := base.Add(-48*time.Hour), base.Add(8*24*time.Hour)
	r.receive(ontology.Line{SKU: "JAM", Lot: "J-OLD", Qty: ontology.Units(4), ExpiresAt: &past})
	r.receive(ontology.Line{SKU: "HAM", Lot: "H-SOON", Qty: ontology.Units(6), ExpiresAt: &soon})
	// The settings name neither product: alerts on with every default (a week's window).
	svc := inventory.NewAlertService(r.store, r.cache, r.proj, map[string]inventory.AlertConfig{r.tenant: {}}, nil,
		inventory.AlertServiceConfig{Sweep: 20 * time.Millisecond})
	var shift atomic.Int64
	svc.Now = func() time.Time { return base.Add(time.Duration(shift.Load())) }
	ctx, cancel := context.WithCancel(r.ctx)
	done := make(chan struct{})
	go func() { defer close(done); svc.Run(ctx, nil) }()
	defer func() { cancel(); <-done }()
	expiry := func(sku string) *inventory.Alert {
		as, err := r.store.Alerts(r.ctx, r.tenant, inventory.AlertOpen, 10)
		if err != nil {
			t.Fatal(err)
		}
		for i := range as {
			if as[i].Rule == inventory.RuleExpiry && as[i].Cell.SKU == sku {
				return &as[i]
			}
		}
		return nil
	}
	waitFor := func(sku string) *inventory.Alert {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if a := expiry(sku); a != nil {
				return a
			}
		}
		t.Fatalf("no EXPIRY alert on %s within 10 s", sku)
		return nil
	}
	if a := waitFor("JAM"); a.Severity != inventory.SeverityCritical || a.Cell.Lot != "J-OLD" {
		t.Fatalf("JAM: %+v, want a critical alert on J-OLD", a)
	}
	time.Sleep(100 * time.Millisecond) // sweeps that must not raise HAM's yet
	if a := expiry("HAM"); a != nil {
		t.Fatalf("HAM raised eight days before its expiry, a week's window: %+v", a)
	}
	shift.Store(int64(2 * 24 * time.Hour))
	if a := waitFor("HAM"); a.Severity != inventory.SeverityWarning || a.Cell.Lot != "H-SOON" {
		t.Fatalf("HAM: %+v, want a warning on H-SOON", a)
	}
}
