package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology/apikey"
)

// Reservations lets channels set stock aside before they sell it.
type Reservations interface {
	Reserve(ctx context.Context, tenant string, q inventory.ReserveRequest) (inventory.ReserveResult, error)
	Commit(ctx context.Context, tenant, id string) (inventory.Reservation, error)
	Release(ctx context.Context, tenant, id string) (inventory.Reservation, error)
	// Reservation returns a reservation as it stands, or inventory.ErrReservationNotFound.
	Reservation(ctx context.Context, tenant, id string) (inventory.Reservation, error)
}

// codedError is a refusal the caller can act on, with its extensions.code.
type codedError struct {
	code string
	msg  string
}

func (e *codedError) Error() string { return e.msg }

// reservationError turns the reservation service's errors into what the caller is told:
// its own mistakes and refusals with a code, anything else stays internal.
func reservationError(err error) error {
	switch {
	case errors.Is(err, inventory.ErrInvalidReservation):
		return &userError{err.Error()}
	case errors.Is(err, inventory.ErrIdempotencyConflict), errors.Is(err, inventory.ErrReservationEnded):
		return &codedError{"CONFLICT", err.Error()}
	case errors.Is(err, inventory.ErrReservationNotFound):
		return &codedError{"NOT_FOUND", err.Error()}
	}
	return err
}

// changeReservation runs a commit or release and answers the reservation as it left it.
func (r *mutationResolver) changeReservation(ctx context.Context, id string,
	fn func(ctx context.Context, tenant, id string) (inventory.Reservation, error)) (*model.Reservation, error) {
	tenant, err := tenantOf(ctx)
	if err != nil {
		return nil, err
	}
	id = strings.TrimSpace(id)
	if k, ok := keyOf(ctx); ok && k.Role == apikey.Partner {
		// Ids derive from idempotency keys, which a channel's orders show to anyone; a
		// partner may act on its own channel's reservations and those made for no
		// channel, and is told of no other.
		cur, err := r.svc.Reservations.Reservation(ctx, tenant, id)
		if err != nil {
			return nil, reservationError(err)
		}
		if !mayTouch(k, cur) {
			return nil, reservationError(fmt.Errorf("reservation %s: %w", id, inventory.ErrReservationNotFound))
		}
	}
	res, err := fn(ctx, tenant, id)
	if err != nil {
		return nil, reservationError(err)
	}
	return reservation(res), nil
}

// mayTouch reports whether key k may see and change reservation res: a partner key
// only those made for none of the channels or for its own systems alone (a reservation
// a key for Shopify and Amazon made is not a Shopify-only key's); every other role that
// may reserve, all of its tenant's.
func mayTouch(k apikey.Key, res inventory.Reservation) bool {
	if k.Role != apikey.Partner {
		return true
	}
	for _, ch := range res.Channels() {
		if !slices.Contains(k.Systems, ch) {
			return false
		}
	}
	return true
}

// canonicalSKU is the product any spelling of a SKU names; a spelling no product has
// yet is the name such a product would get.
func (r *Resolver) canonicalSKU(ctx context.Context, tenant, sku string) string {
	sku = trim(sku)
	if r.svc.Products != nil {
		if canonical, err := r.svc.Products.CanonicalSKU(ctx, tenant, sku); err == nil {
			return canonical
		}
	}
	return sku
}

func trim(s string) string { return strings.TrimSpace(s) }

func reservation(res inventory.Reservation) *model.Reservation {
	out := &model.Reservation{
		ID: res.ID, Sku: res.SKU, Location: res.Location, Lot: res.Lot, Qty: model.Decimal(res.Qty),
		Status: model.ReservationStatus(strings.ToUpper(string(res.Status))), IdempotencyKey: res.IdempotencyKey,
		OrderRef: opt(res.OrderRef), CreatedAt: res.CreatedAt, ExpiresAt: res.ExpiresAt, Channel: opt(res.Channel),
	}
	if !res.EndedAt.IsZero() {
		t := res.EndedAt
		out.EndedAt = &t
	}
	if res.ConsumedBy != "" {
		// A document uid is tenant/system/type/externalId; the tenant is the caller's own.
		by := res.ConsumedBy
		if _, rest, ok := strings.Cut(by, "/"); ok {
			by = rest
		}
		out.ConsumedBy = &by
	}
	return out
}

// reservingChannel is the channel a reservation is made for, whose orders alone may
// then consume it, since order numbers are each channel's own: the one the request names
// (a partner key only one of its own systems), else a partner key's systems (one for a
// storefront's integration). An admin's reservation that names none is consumed by an
// order of any channel that names it: an admin speaks for no channel.
func reservingChannel(ctx context.Context, named string) (string, error) {
	k, ok := keyOf(ctx)
	partner := ok && k.Role == apikey.Partner
	switch {
	case named != "" && strings.Contains(named, ","):
		return "", &userError{"channel names one source system"}
	case named != "" && partner && !slices.Contains(k.Systems, named):
		return "", &forbiddenError{fmt.Sprintf("channel %q is not one of this key's systems", named)}
	case named != "":
		return named, nil
	case partner:
		return inventory.ChannelOf(k.Systems...), nil
	}
	return "", nil
}

// keyHolds is the reservation an idempotency key already held when reserve answered a
// replay or a conflict; nil otherwise.
func keyHolds(res inventory.ReserveResult, err error) *inventory.Reservation {
	var c *inventory.ConflictError
	switch {
	case errors.As(err, &c):
		return &c.Held
	case err == nil && res.Replayed:
		return res.Reservation
	}
	return nil
}
