package inventory

import (
	"fmt"
	"sort"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Reconcile returns the movements that bring an event from what its movements did so far
// (done, the net per cell and bucket) to what it should do (want). The first movements
// of an event carry reason "plan"; later ones "compensation". Movement ids are the event
// id and a sequence number, so a retried write cannot append twice.
func Reconcile(tenant, eventID string, done, want Effect, seq int64, at time.Time) []ontology.Movement {
	keys := make([]Key, 0, len(done)+len(want))
	seen := map[Key]bool{}
	for _, m := range []Effect{done, want} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	// A stable order makes ids and the ledger's history reproducible.
	sort.Slice(keys, func(i, j int) bool { return keys[i].less(keys[j]) })
	reason := "plan"
	if seq > 0 {
		reason = "compensation"
	}
	var out []ontology.Movement
	for _, k := range keys {
		delta := want[k] - done[k]
		if delta == 0 {
			continue
		}
		seq++
		out = append(out, ontology.Movement{
			Tenant:   tenant,
			ID:       fmt.Sprintf("%s:%d", eventID, seq),
			EventID:  eventID,
			SKU:      k.SKU,
			Location: k.Location,
			Lot:      k.Lot,
			Bucket:   k.Bucket,
			Qty:      delta,
			At:       at,
			Reason:   reason,
		})
	}
	return out
}

func (k Key) less(o Key) bool {
	if k.SKU != o.SKU {
		return k.SKU < o.SKU
	}
	if k.Location != o.Location {
		return k.Location < o.Location
	}
	if k.Lot != o.Lot {
		return k.Lot < o.Lot
	}
	return k.Bucket < o.Bucket
}

// Net sums movements into an effect.
func Net(ms []ontology.Movement) Effect {
	e := Effect{}
	for _, m := range ms {
		e.add(Key{ontology.Cell{SKU: m.SKU, Location: m.Location, Lot: m.Lot}, m.Bucket}, m.Qty)
	}
	return e.clean()
}

// Stock is the state of one cell.
type Stock struct {
	ontology.Cell
	OnHand    ontology.Qty `json:"onHand"`
	Reserved  ontology.Qty `json:"reserved"`
	Incoming  ontology.Qty `json:"incoming"`
	InTransit ontology.Qty `json:"inTransit"`
	OnHold    ontology.Qty `json:"onHold"`
	// ExpiresAt is the lot's expiry, zero when the cell has no lot or none is known.
	ExpiresAt time.Time `json:"expiresAt,omitzero"`
	// UpdatedAt is when live stock last changed in the cell (the cache's clock); zero
	// when unknown (the ledger does not keep it; a rebuild forgets it).
	UpdatedAt time.Time `json:"updatedAt,omitzero"`
}

// Available is what can be sold now: on hand minus reserved.
func (s Stock) Available() ontology.Qty { return s.OnHand - s.Reserved }

// Buckets are the ledger's buckets of a cell with their quantities.
func (s Stock) Buckets() map[ontology.Bucket]ontology.Qty {
	return map[ontology.Bucket]ontology.Qty{
		ontology.BucketOnHand: s.OnHand, ontology.BucketReserved: s.Reserved, ontology.BucketIncoming: s.Incoming,
		ontology.BucketInTransit: s.InTransit, ontology.BucketOnHold: s.OnHold,
	}
}

// SameBuckets reports whether two cells hold the same quantities in every bucket.
func (s Stock) SameBuckets(o Stock) bool {
	return s.OnHand == o.OnHand && s.Reserved == o.Reserved && s.Incoming == o.Incoming &&
		s.InTransit == o.InTransit && s.OnHold == o.OnHold
}

// Set puts a bucket's value into s.
func (s *Stock) Set(b ontology.Bucket, q ontology.Qty) {
	switch b {
	case ontology.BucketOnHand:
		s.OnHand = q
	case ontology.BucketReserved:
		s.Reserved = q
	case ontology.BucketIncoming:
		s.Incoming = q
	case ontology.BucketInTransit:
		s.InTransit = q
	case ontology.BucketOnHold:
		s.OnHold = q
	}
}
