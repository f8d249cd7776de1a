package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

func TestValidateReserve(t *testing.T) {
	ok := ReserveRequest{SKU: "TEA", Location: "WH", Qty: ontology.Units(1), IdempotencyKey: "cart-1"}
	with := func(f func(*ReserveRequest)) ReserveRequest { q := ok; f(&q); return q }
	tests := []struct {
		name    string
		in      ReserveRequest
		wantTTL time.Duration
		wantErr string
	}{
		{"default ttl", ok, 15 * time.Minute, ""},
		{"own ttl", with(func(q *ReserveRequest) { q.TTL = time.Minute }), time.Minute, ""},
		{"fraction of a unit", with(func(q *ReserveRequest) { q.Qty = 500_000 }), 15 * time.Minute, ""},
		{"no sku", with(func(q *ReserveRequest) { q.SKU = "" }), 0, "sku is empty"},
		{"no location", with(func(q *ReserveRequest) { q.Location = "" }), 0, "location is empty"},
		{"zero qty", with(func(q *ReserveRequest) { q.Qty = 0 }), 0, "quantity 0 is not positive"},
		{"negative qty", with(func(q *ReserveRequest) { q.Qty = ontology.Units(-2) }), 0, "quantity -2 is not positive"},
		{"no key", with(func(q *ReserveRequest) { q.IdempotencyKey = "" }), 0, "idempotency key is empty"},
		{"long key", with(func(q *ReserveRequest) { q.IdempotencyKey = strings.Repeat("k", 257) }), 0, "longer than 256"},
		{"long ref", with(func(q *ReserveRequest) { q.OrderRef = strings.Repeat("r", 257) }), 0, "longer than 256"},
		{"key not utf-8", with(func(q *ReserveRequest) { q.IdempotencyKey = "\xff" }), 0, "not UTF-8"},
		{"negative ttl", with(func(q *ReserveRequest) { q.TTL = -time.Second }), 0, "shorter than a millisecond"},
		{"ttl too long", with(func(q *ReserveRequest) { q.TTL = 25 * time.Hour }), 0, "longer than 24h0m0s"},
		{"separator in location", with(func(q *ReserveRequest) { q.Location = "WH\x1fX" }), 0, "unit separator"},
		{"separator in lot", with(func(q *ReserveRequest) { q.Lot = "\x1f" }), 0, "unit separator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ValidateReserve(tt.in, 15*time.Minute, 24*time.Hour)
			if tt.wantErr != "" {
				if err == nil || !errors.Is(err, ErrInvalidReservation) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ValidateReserve(%+v) error = %v, want %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.TTL != tt.wantTTL {
				t.Fatalf("ValidateReserve(%+v) = ttl %s, %v; want ttl %s", tt.in, got.TTL, err, tt.wantTTL)
			}
		})
	}
}

func TestReservationID(t *testing.T) {
	a := ReservationID("acme", "cart-1")
	if a != ReservationID("acme", "cart-1") {
		t.Fatal("the same key gives another id")
	}
	if !strings.HasPrefix(a, "rsv_") || len(a) != 4+24 {
		t.Fatalf("id %q: want rsv_ and 24 hex digits", a)
	}
	for _, other := range []string{ReservationID("acme", "cart-2"), ReservationID("other", "cart-1"), ReservationID("acm", "ecart-1")} {
		if other == a {
			t.Fatalf("%q collides with another tenant or key", a)
		}
	}
}

func TestStatusRank(t *testing.T) {
	tests := []struct {
		s    ReservationStatus
		rank int
		live bool
	}{
		{ReservationActive, 0, true},
		{ReservationCommitted, 1, true},
		{ReservationConsumed, 2, false},
		{ReservationReleased, 2, false},
		{ReservationExpired, 2, false},
		{"cancelled", -1, false},
	}
	for _, tt := range tests {
		if tt.s.Rank() != tt.rank || tt.s.Live() != tt.live {
			t.Errorf("%q: rank %d live %v, want %d %v", tt.s, tt.s.Rank(), tt.s.Live(), tt.rank, tt.live)
		}
	}
}

func TestReservationMovements(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r := Reservation{Tenant: "acme", ID: "rsv_1", Cell: ontology.Cell{SKU: "TEA", Location: "WH", Lot: "B1"},
		Qty: ontology.Units(3), Status: ReservationActive, CreatedAt: at}
	h := r.HoldMovement()
	if h.ID != "rsv:rsv_1:hold" || h.Bucket != ontology.BucketReserved || h.Qty != ontology.Units(3) || !h.At.Equal(at) || h.Lot != "B1" {
		t.Fatalf("hold = %+v", h)
	}
	for _, s := range []ReservationStatus{ReservationActive, ReservationCommitted, ReservationConsumed} {
		r.Status = s
		if m, ok := r.EndMovement(); ok {
			t.Fatalf("%s has an end movement %+v", s, m)
		}
	}
	r.Status, r.EndedAt = ReservationExpired, at.Add(time.Minute)
	end, ok := r.EndMovement()
	if !ok || end.ID != "rsv:rsv_1:end" || end.Qty != ontology.Units(-3) || end.Reason != "reservation expired" || !end.At.Equal(r.EndedAt) {
		t.Fatalf("end = %+v, %v", end, ok)
	}
	// Hold and end net to nothing: a released reservation leaves the cell as it found it.
	if n := Net([]ontology.Movement{h, end}); len(n) != 0 {
		t.Fatalf("hold and end leave %v", n)
	}
}

func TestHoldTable(t *testing.T) {
	table := HoldTable{"acme": {
		{SKU: "TEA", Qty: ontology.Units(1)},
		{SKU: "TEA", Location: "STORE", Qty: ontology.Units(2)},
		{SKU: "TEA", Location: "STORE", Lot: "B1", Qty: ontology.Units(3)},
		{SKU: "MUG", Location: "WH", Qty: ontology.Units(4)},
	}}
	tests := []struct {
		tenant string
		cell   ontology.Cell
		want   int64
	}{
		{"acme", ontology.Cell{SKU: "TEA", Location: "STORE", Lot: "B1"}, 3},
		{"acme", ontology.Cell{SKU: "TEA", Location: "STORE", Lot: "B2"}, 2},
		{"acme", ontology.Cell{SKU: "TEA", Location: "STORE"}, 2},
		{"acme", ontology.Cell{SKU: "TEA", Location: "WH"}, 1},
		{"acme", ontology.Cell{SKU: "MUG", Location: "STORE"}, 0},
		{"acme", ontology.Cell{SKU: "MUG", Location: "WH", Lot: "L"}, 4},
		{"acme", ontology.Cell{SKU: "BEANS", Location: "WH"}, 0},
		{"other", ontology.Cell{SKU: "TEA", Location: "STORE"}, 0},
	}
	for _, tt := range tests {
		got, err := table.SafetyHold(context.Background(), tt.tenant, tt.cell)
		if err != nil || got != ontology.Units(tt.want) {
			t.Errorf("SafetyHold(%s, %+v) = %s, %v; want %d", tt.tenant, tt.cell, got, err, tt.want)
		}
	}
}

func TestCompareReservations(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r := func(id string, n int64, s ReservationStatus) Reservation {
		return Reservation{ID: id, Cell: ontology.Cell{SKU: "TEA", Location: "WH"}, Qty: ontology.Units(n), Status: s, CreatedAt: at}
	}
	ledger := []Reservation{r("a", 1, ReservationActive), r("b", 1, ReservationActive), r("c", 2, ReservationCommitted), r("d", 1, ReservationActive)}
	cache := []Reservation{r("a", 1, ReservationActive), r("b", 1, ReservationCommitted), r("c", 3, ReservationCommitted), r("e", 1, ReservationActive)}
	got := CompareReservations(ledger, cache)
	var ids []string
	for _, d := range got {
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, ",") != "b,c,d,e" {
		t.Fatalf("differences %v, want b (status), c (qty), d (cache lacks), e (ledger lacks)", ids)
	}
	if got[2].Cache != nil || got[3].Ledger != nil {
		t.Fatalf("missing sides not nil: %+v", got)
	}
	if d := CompareReservations(ledger[:1], cache[:1]); len(d) != 0 {
		t.Fatalf("equal sides differ: %+v", d)
	}
}

func TestHoldTableValidate(t *testing.T) {
	tests := []struct {
		rule HoldRule
		want string
	}{
		{HoldRule{SKU: "TEA", Location: "WH", Lot: "B1", Qty: ontology.Units(1)}, ""},
		{HoldRule{SKU: "TEA", Qty: 1}, ""},
		{HoldRule{Location: "WH", Qty: ontology.Units(1)}, "names no sku"},
		{HoldRule{SKU: "TEA", Location: "WH"}, "quantity 0 is not positive"},
		{HoldRule{SKU: "TEA", Qty: ontology.Units(-1)}, "quantity -1 is not positive"},
		{HoldRule{SKU: "TEA", Lot: "B1", Qty: ontology.Units(1)}, "a lot needs a location"},
	}
	for _, tt := range tests {
		err := HoldTable{"acme": {tt.rule}}.Validate()
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Validate(%+v) = %v, want %q", tt.rule, err, tt.want)
		}
	}
}

// A channel names its systems the same way whatever order a key lists them in, and
// reads back as the same systems.
func TestChannelOf(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{" "}, ""},
		{[]string{"shopify"}, "shopify"},
		{[]string{"woocommerce", "shopify", "woocommerce"}, "shopify,woocommerce"},
	} {
		got := ChannelOf(c.in...)
		if got != c.want {
			t.Errorf("ChannelOf(%q) = %q; want %q", c.in, got, c.want)
		}
		if back := (Reservation{Channel: got}).Channels(); strings.Join(back, ",") != c.want || (got == "") != (back == nil) {
			t.Errorf("Channels of %q = %q", got, back)
		}
	}
}
