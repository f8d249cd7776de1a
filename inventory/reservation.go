package inventory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/seamhub/seam/ontology"
)

// ReservationStatus is where a reservation is in its life. A reservation is live while
// active or committed; every other status is an end, and an end is final.
type ReservationStatus string

// The reservation statuses.
const (
	// ReservationActive holds stock until it is committed, released, consumed or expires.
	ReservationActive ReservationStatus = "active"
	// ReservationCommitted holds stock for a sale the channel confirmed, until the sale's
	// order reaches the ledger and consumes it (or, if it never comes, CommitTTL passes).
	ReservationCommitted ReservationStatus = "committed"
	// ReservationConsumed ended because an order took it over: its hold became part of
	// the order's event, so the order reserves nothing again.
	ReservationConsumed ReservationStatus = "consumed"
	// ReservationReleased ended because the channel gave the stock back.
	ReservationReleased ReservationStatus = "released"
	// ReservationExpired ended because nobody committed or released it in time.
	ReservationExpired ReservationStatus = "expired"
)

// Live reports whether a reservation in this status still holds stock on its own.
func (s ReservationStatus) Live() bool {
	return s == ReservationActive || s == ReservationCommitted
}

// Rank orders statuses along a reservation's life: active, then committed, then any end.
// The ledger only ever moves a reservation to a higher rank, so recording the same
// decision twice, or an older decision after a newer one, changes nothing. It is -1 for
// an unknown status.
func (s ReservationStatus) Rank() int {
	switch s {
	case ReservationActive:
		return 0
	case ReservationCommitted:
		return 1
	case ReservationConsumed, ReservationReleased, ReservationExpired:
		return 2
	}
	return -1
}

// Reservation is stock set aside for a channel that is about to sell it.
type Reservation struct {
	Tenant string `json:"tenant"`
	// ID is derived from the tenant and the idempotency key (ReservationID), so every
	// replica, and the ledger, name the same reservation the same way without a lookup.
	ID string `json:"id"`
	ontology.Cell
	Qty            ontology.Qty `json:"qty"`
	IdempotencyKey string       `json:"idempotencyKey"`
	OrderRef       string       `json:"orderRef,omitempty"` // the channel's order number, when it gave one
	// RefAt is when OrderRef was set (the cache's clock): a replay may correct the
	// reference of a live reservation, and the ledger takes a reference only from a
	// later decision than the one it holds, however late or often states are recorded.
	RefAt time.Time `json:"-"`
	// Channel names the source systems whose orders may consume it (ChannelOf); empty
	// for any.
	Channel   string            `json:"channel,omitempty"`
	Status    ReservationStatus `json:"status"`
	CreatedAt time.Time         `json:"createdAt"`
	ExpiresAt time.Time         `json:"expiresAt"`
	EndedAt   time.Time         `json:"endedAt,omitzero"`
	// ConsumedBy names what consumed the reservation: the order document's uid.
	ConsumedBy string `json:"consumedBy,omitempty"`
	// Version counts the decisions the cache made on this reservation. The ledger does
	// not keep it; it tells the cache's journal which state the ledger has recorded.
	Version int64 `json:"-"`
}

// HoldMovement is the ledger movement that puts the reservation's quantity into the
// reserved bucket of its cell. It exists from the moment the reservation is made.
func (r Reservation) HoldMovement() ontology.Movement {
	return ontology.Movement{
		Tenant: r.Tenant, ID: "rsv:" + r.ID + ":hold", EventID: "rsv:" + r.ID,
		SKU: r.SKU, Location: r.Location, Lot: r.Lot, Bucket: ontology.BucketReserved,
		Qty: r.Qty, At: r.CreatedAt, Reason: "reservation",
	}
}

// EndMovement is the ledger movement that gives the held quantity back when the
// reservation is released or expires. A consumed reservation has none: its hold moved to
// the order's event, whose plan decides what becomes of it. ok is false when the
// reservation has no end movement (still live, or consumed).
func (r Reservation) EndMovement() (ontology.Movement, bool) {
	if r.Status != ReservationReleased && r.Status != ReservationExpired {
		return ontology.Movement{}, false
	}
	return ontology.Movement{
		Tenant: r.Tenant, ID: "rsv:" + r.ID + ":end", EventID: "rsv:" + r.ID,
		SKU: r.SKU, Location: r.Location, Lot: r.Lot, Bucket: ontology.BucketReserved,
		Qty: -r.Qty, At: r.EndedAt, Reason: "reservation " + string(r.Status),
	}, true
}

// ReservationID names the reservation an idempotency key makes in a tenant. It is a hash,
// so the key never appears in Redis key names and two tenants' keys never collide.
func ReservationID(tenant, idempotencyKey string) string {
	h := sha256.Sum256([]byte(tenant + "\x1f" + idempotencyKey))
	return "rsv_" + hex.EncodeToString(h[:12])
}

// ReserveRequest asks to set stock aside.
type ReserveRequest struct {
	SKU      string
	Location string
	// Lot, when set, reserves from that lot; otherwise from the location as a whole,
	// as an order that names no lot takes it.
	Lot            string
	Qty            ontology.Qty
	IdempotencyKey string
	// OrderRef is the channel's order number, when it knows it already; an order that
	// arrives with it consumes the reservation.
	OrderRef string
	// Channel, when set, names the source systems whose orders may consume the
	// reservation ("shopify"; "amazon,shopify" for an integration that sells on both,
	// see ChannelOf): order numbers are the channels' own, and a WooCommerce order 1001
	// is not the Shopify order 1001 a checkout reserved for. Empty lets any order with
	// the reference consume it.
	Channel string
	// TTL is how long the reservation holds unless committed; zero takes the default.
	TTL time.Duration
}

// ChannelOf is the channel of a reservation made for the orders of these source
// systems: their names, sorted, without repeats, joined by commas (system names hold no
// comma: keys list them comma-separated). Empty for none, which is any channel.
func ChannelOf(systems ...string) string {
	var out []string
	for _, s := range systems {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return strings.Join(out, ",")
}

// Channels lists the source systems whose orders may consume the reservation; none
// means any.
func (r Reservation) Channels() []string {
	if r.Channel == "" {
		return nil
	}
	return strings.Split(r.Channel, ",")
}

// Cell is the stock cell the request reserves from.
func (q ReserveRequest) Cell() ontology.Cell {
	return ontology.Cell{SKU: q.SKU, Location: q.Location, Lot: q.Lot}
}

// ReserveResult is the answer to a reservation request.
type ReserveResult struct {
	// OK is true when the key holds a reservation: made now, or made by an earlier
	// request with the same idempotency key (Replayed) that still holds (active,
	// committed) or whose sale took it over (consumed). A replay of one that was released
	// or expired is not OK: nothing is held for the key, and a channel that retries a
	// checkout after the TTL and looks at OK alone must not sell goods it no longer holds.
	OK       bool
	Replayed bool
	// Reservation is the key's reservation, also when a replay finds it ended; nil when
	// the request was refused for want of stock.
	Reservation *Reservation
	// Available is what can still be reserved in the cell after this request (when OK)
	// or what was available when it was refused.
	Available ontology.Qty
}

// Errors of the reservation service. They are wrapped with context; test with errors.Is.
var (
	// ErrInvalidReservation is a request that cannot be a reservation (no SKU, a quantity
	// that is not positive, a TTL out of range...).
	ErrInvalidReservation = errors.New("invalid reservation request")
	// ErrIdempotencyConflict is an idempotency key used again for a different reservation.
	ErrIdempotencyConflict = errors.New("idempotency key already used for a different reservation")
	// ErrReservationNotFound is an id the tenant has no reservation under.
	ErrReservationNotFound = errors.New("reservation not found")
	// ErrReservationEnded is a change asked of a reservation that has already ended in a
	// way that forbids it (committing a released one, releasing a consumed one).
	ErrReservationEnded = errors.New("reservation has already ended")
)

// ConflictError is ErrIdempotencyConflict with the reservation the key already holds, so
// that the caller can decide whether the one asking may be told of it (a channel must
// not learn another channel's reservation by replaying its key).
type ConflictError struct {
	Key  string
	Held Reservation
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%v: key %q holds %s of %s at %s lot %q", ErrIdempotencyConflict,
		e.Key, e.Held.Qty, e.Held.SKU, e.Held.Location, e.Held.Lot)
}

// Unwrap makes errors.Is(err, ErrIdempotencyConflict) hold.
func (e *ConflictError) Unwrap() error { return ErrIdempotencyConflict }

// maxKeyLen bounds idempotency keys and order references: they are stored in Redis and
// Neo4j and carried in every reply.
const maxKeyLen = 256

// ValidateReserve checks a request against the rules every reservation must follow,
// after the TTL default is applied. It returns the request with that default.
func ValidateReserve(q ReserveRequest, defaultTTL, maxTTL time.Duration) (ReserveRequest, error) {
	if q.TTL == 0 {
		q.TTL = defaultTTL
	}
	bad := func(format string, a ...any) (ReserveRequest, error) {
		return q, fmt.Errorf("%w: "+format, append([]any{ErrInvalidReservation}, a...)...)
	}
	switch {
	case q.SKU == "":
		return bad("sku is empty")
	case q.Location == "":
		return bad("location is empty")
	case q.Qty <= 0:
		return bad("quantity %s is not positive", q.Qty)
	case strings.TrimSpace(q.IdempotencyKey) == "":
		// Only blanks is as good as none: no channel means it as a checkout's name.
		return bad("idempotency key is empty or blank")
	case len(q.IdempotencyKey) > maxKeyLen || len(q.OrderRef) > maxKeyLen:
		return bad("idempotency key or order reference longer than %d bytes", maxKeyLen)
	case !utf8.ValidString(q.IdempotencyKey) || !utf8.ValidString(q.OrderRef):
		return bad("idempotency key or order reference is not UTF-8")
	case q.TTL < time.Millisecond:
		return bad("ttl %s is shorter than a millisecond", q.TTL)
	case q.TTL > maxTTL:
		return bad("ttl %s is longer than %s", q.TTL, maxTTL)
	}
	for _, s := range []string{q.SKU, q.Location, q.Lot} {
		// The cache joins location, lot and bucket with this byte.
		for i := 0; i < len(s); i++ {
			if s[i] == 0x1f {
				return bad("%q holds a unit separator", s)
			}
		}
	}
	return q, nil
}

// SafetyHolds tell how much of a cell is kept back from reservations: stock that is on
// hand but must not be promised (display stock, a buffer against miscounts).
type SafetyHolds interface {
	// SafetyHold returns the quantity held back in cell c. A cell with an empty Lot asks
	// for the hold of the product at the location as a whole.
	SafetyHold(ctx context.Context, tenant string, c ontology.Cell) (ontology.Qty, error)
}

// HoldRule is one configured safety hold: SKU at Location (any location when empty) in
// Lot (any lot when empty).
type HoldRule struct {
	SKU      string       `yaml:"sku"`
	Location string       `yaml:"location"`
	Lot      string       `yaml:"lot"`
	Qty      ontology.Qty `yaml:"qty"`
}

// HoldTable is a fixed set of safety holds, as the config file gives them. The most
// specific rule wins: the exact cell, then the product at the location, then the product
// anywhere. It holds nothing for products it does not name. Keys are tenants.
type HoldTable map[string][]HoldRule

// SafetyHold implements SafetyHolds.
func (t HoldTable) SafetyHold(_ context.Context, tenant string, c ontology.Cell) (ontology.Qty, error) {
	best, found := -1, ontology.Qty(0)
	for _, r := range t[tenant] {
		if r.SKU != c.SKU {
			continue
		}
		score := -1
		switch {
		case r.Location == c.Location && r.Lot == c.Lot:
			score = 2
		case r.Location == c.Location && r.Lot == "":
			score = 1
		case r.Location == "" && r.Lot == "":
			score = 0
		}
		if score > best {
			best, found = score, r.Qty
		}
	}
	return found, nil
}

// Validate reports rules that cannot work: a rule without a product, or a hold that is
// not a positive quantity (a negative one would promise stock that is not there).
func (t HoldTable) Validate() error {
	var errs []error
	for tenant, rules := range t {
		for i, r := range rules {
			switch {
			case r.SKU == "":
				errs = append(errs, fmt.Errorf("safety hold %d of tenant %s names no sku", i+1, tenant))
			case r.Qty <= 0:
				errs = append(errs, fmt.Errorf("safety hold %d of tenant %s (%s): quantity %s is not positive", i+1, tenant, r.SKU, r.Qty))
			case r.Location == "" && r.Lot != "":
				errs = append(errs, fmt.Errorf("safety hold %d of tenant %s (%s): a lot needs a location", i+1, tenant, r.SKU))
			}
		}
	}
	return errors.Join(errs...)
}
