package inventory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Counts: a person counts a stock cell (a PDA's cycle count, the month-end stocktake)
// and the ledger takes the count as the truth of that moment. The difference between
// what was counted and what the ledger held is booked as an adjustment event with one
// on-hand movement, written Unprojected like every other movement and projected by the
// usual path; the count itself, with the ledger's figure it was compared with, is the
// event's evidence. The ledger is read and the difference written in one transaction
// that holds the tenant's resolution lock, so no document is resolved in between and
// the difference is exactly what makes the cell equal the count.
//
// Counting again what was just counted books nothing: the ledger already agrees.
//
// Stock accuracy per location is the share of counted cells whose ledger matched the
// count within a tolerance, taking each cell's latest count: the figure an auditor asks
// for before trusting book stock.

// Count is one counted stock cell.
type Count struct {
	Tenant string
	ontology.Cell
	Counted   ontology.Qty
	CountedBy string    // who counted (a name, a device)
	At        time.Time // when; zero means now
	// RecordedBy is the API key's holder that sent the count.
	RecordedBy string
}

// CountRecord is a count as the ledger booked it.
type CountRecord struct {
	Count
	ID string
	// Ledger is what the ledger held on hand in the cell at the count's time.
	Ledger ontology.Qty
	// EventID names the adjustment event that evidences the count.
	EventID string
}

// Difference is what the count booked: counted minus the ledger's figure.
func (r CountRecord) Difference() ontology.Qty { return r.Counted - r.Ledger }

// Within reports whether the ledger matched the count within tolerance.
func (r CountRecord) Within(tolerance ontology.Qty) bool {
	d := r.Difference()
	return d <= tolerance && -d <= tolerance
}

// ErrInvalidCount is a count that cannot be booked.
var ErrInvalidCount = errors.New("invalid count")

// CountID names a count: the same cell counted by the same person at the same instant
// is one count, so a retried request books once.
func CountID(c Count) string {
	h := sha256.New()
	for _, s := range []string{c.Tenant, c.SKU, c.Location, c.Lot, c.CountedBy, c.At.UTC().Format(time.RFC3339Nano), c.Counted.String()} {
		h.Write([]byte(s))
		h.Write([]byte{0x1f})
	}
	return "cnt_" + hex.EncodeToString(h.Sum(nil)[:12])
}

// Adjustment is the movement that makes the ledger's ledger figure equal the count; ok
// is false when they agree already.
func (r CountRecord) Adjustment() (ontology.Movement, bool) {
	d := r.Difference()
	if d == 0 {
		return ontology.Movement{}, false
	}
	return ontology.Movement{
		Tenant: r.Tenant, ID: r.EventID + ":1", EventID: r.EventID, SKU: r.SKU, Location: r.Location, Lot: r.Lot,
		Bucket: ontology.BucketOnHand, Qty: d, At: r.At, Reason: "count",
	}, true
}

// Accuracy is how well a location's book stock matched its counts.
type Accuracy struct {
	Location  string
	Tolerance ontology.Qty
	// Counts are the latest count of each counted cell, by product and lot.
	Counts  []CountRecord
	Matched int
}

// Share is the matched share of counted cells; ok is false when nothing was counted.
func (a Accuracy) Share() (share float64, ok bool) {
	if len(a.Counts) == 0 {
		return 0, false
	}
	return float64(a.Matched) / float64(len(a.Counts)), true
}

// StockAccuracy computes a location's accuracy from its counts: the latest count of each
// cell decides whether the cell matched.
func StockAccuracy(location string, counts []CountRecord, tolerance ontology.Qty) Accuracy {
	latest := map[ontology.Cell]CountRecord{}
	for _, c := range counts {
		if c.Location != location {
			continue
		}
		if have, ok := latest[c.Cell]; !ok || c.At.After(have.At) || (c.At.Equal(have.At) && c.ID > have.ID) {
			latest[c.Cell] = c
		}
	}
	a := Accuracy{Location: location, Tolerance: tolerance}
	for _, c := range latest {
		a.Counts = append(a.Counts, c)
		if c.Within(tolerance) {
			a.Matched++
		}
	}
	sort.Slice(a.Counts, func(i, j int) bool {
		if a.Counts[i].SKU != a.Counts[j].SKU {
			return a.Counts[i].SKU < a.Counts[j].SKU
		}
		return a.Counts[i].Lot < a.Counts[j].Lot
	})
	return a
}

// CountLedger books counts in the system of record.
type CountLedger interface {
	// BookCount reads the cell's on-hand quantity and books the count's adjustment (the
	// event, the count and its movement, marked unprojected) in one transaction that no
	// resolution runs beside. A count booked before (same id) is answered as booked.
	BookCount(ctx context.Context, c Count, id string) (CountRecord, error)
	// Counts returns the counts booked at a location since a time.
	Counts(ctx context.Context, tenant, location string, since time.Time) ([]CountRecord, error)
}

// Projection applies booked movements to live stock.
type Projection interface {
	Project(ctx context.Context, tenant string, ms []ontology.Movement) error
}

// Counts books people's counts of stock cells and reports stock accuracy.
type Counts struct {
	ledger CountLedger
	proj   Projection
	log    *slog.Logger
	now    func() time.Time
}

// NewCounts builds the service; log may be nil.
func NewCounts(l CountLedger, p Projection, log *slog.Logger) *Counts {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Counts{ledger: l, proj: p, log: log, now: time.Now}
}

// Record books a count. The answer comes once the ledger holds it; live stock follows at
// once, or, should Redis fail, with the projector's next catch-up (the movement stays
// marked unprojected). A count in the future is refused.
func (s *Counts) Record(ctx context.Context, c Count) (CountRecord, error) {
	now := s.now().UTC()
	if c.At.IsZero() {
		c.At = now
	}
	c.At = c.At.UTC()
	switch {
	case c.SKU == "" || c.Location == "":
		return CountRecord{}, fmt.Errorf("%w: sku and location are needed", ErrInvalidCount)
	case c.Counted < 0:
		return CountRecord{}, fmt.Errorf("%w: counted %s is negative", ErrInvalidCount, c.Counted)
	case c.CountedBy == "":
		return CountRecord{}, fmt.Errorf("%w: countedBy is empty: say who counted", ErrInvalidCount)
	case c.At.After(now.Add(time.Minute)):
		return CountRecord{}, fmt.Errorf("%w: counted at %s, in the future", ErrInvalidCount, c.At.Format(time.RFC3339))
	}
	r, err := s.ledger.BookCount(ctx, c, CountID(c))
	if err != nil {
		return CountRecord{}, fmt.Errorf("booking the count of %s at %s lot %q: %w", c.SKU, c.Location, c.Lot, err)
	}
	if m, ok := r.Adjustment(); ok {
		if err := s.proj.Project(ctx, r.Tenant, []ontology.Movement{m}); err != nil {
			// Booked all the same: the movement stays unprojected for the next catch-up.
			s.log.WarnContext(ctx, "projecting a count; will catch up", "tenant", r.Tenant, "count", r.ID, "err", err)
		}
	}
	return r, nil
}

// Accuracy reports a location's stock accuracy from its counts since a time (zero: all).
func (s *Counts) Accuracy(ctx context.Context, tenant, location string, tolerance ontology.Qty, since time.Time) (Accuracy, error) {
	if tolerance < 0 {
		return Accuracy{}, fmt.Errorf("%w: tolerance %s is negative", ErrInvalidCount, tolerance)
	}
	counts, err := s.ledger.Counts(ctx, tenant, location, since)
	if err != nil {
		return Accuracy{}, fmt.Errorf("reading the counts at %s: %w", location, err)
	}
	return StockAccuracy(location, counts, tolerance), nil
}
