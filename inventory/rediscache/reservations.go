package rediscache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

var _ inventory.ReservationCache = (*Cache)(nil)

// endedTTL is how long the cache keeps a reservation after it ended and the ledger
// recorded the end, so that a replayed idempotency key still answers it without asking
// Neo4j. Past it, a replay makes a fresh reservation in the cache, which the ledger
// refuses as a second life, and the service voids it (Void).
const endedTTL = 30 * 24 * time.Hour

func rsvKey(tenant, id string) string   { return "seam:{" + tenant + "}:rsv:" + id }
func rsvExpiryKey(tenant string) string { return "seam:{" + tenant + "}:rsv-expiry" }
func rsvJournalKey(tenant string) string {
	return "seam:{" + tenant + "}:rsv-journal"
}

// rsvRefKey is the set of live reservations made with one order reference. The
// reference is hashed: it comes from a channel and may be long or hold any byte.
func rsvRefKey(tenant, ref string) string {
	h := sha256.Sum256([]byte(ref))
	return "seam:{" + tenant + "}:rsv-ref:" + hex.EncodeToString(h[:12])
}

// rsvByKey is the set of reservations one order consumed, kept as long as ended records.
func rsvByKey(tenant, by string) string {
	h := sha256.Sum256([]byte(by))
	return "seam:{" + tenant + "}:rsv-by:" + hex.EncodeToString(h[:12])
}

// rsvTenantsKey lists tenants by the time they last reserved, for the sweeper. It
// belongs to no tenant, so no script touches it: Reserve adds the tenant before deciding,
// so that a crash right after a decision cannot hide the tenant's journal from the
// sweepers. The time lets sweepers skip tenants whose reservations have all run out.
const rsvTenantsKey = "seam:reserving-tenants"

// reserving marks a tenant as reserving now. The process's clock is good enough here:
// sweepers look days back, not seconds.
func (c *Cache) reserving(ctx context.Context, tenant string) error {
	err := c.rdb.ZAdd(ctx, rsvTenantsKey, redis.Z{Score: float64(time.Now().UnixMilli()), Member: tenant}).Err()
	if err != nil {
		return fmt.Errorf("listing tenant %s for the reservation sweeper: %w", tenant, err)
	}
	return nil
}

// Reserve implements inventory.ReservationDecider.
func (c *Cache) Reserve(ctx context.Context, tenant, id string, q inventory.ReserveRequest, holdLot, holdLocation ontology.Qty) (inventory.Decision, error) {
	if err := c.reserving(ctx, tenant); err != nil {
		return inventory.Decision{}, err
	}
	for try := 1; ; try++ {
		// A replay may move the reservation to another order reference; the script needs
		// the set of the one it is under now. The first try guesses none, which holds for
		// a new reservation and for one made before its number was known, and costs no
		// read; the script refuses a wrong guess and the next try reads the record.
		was := ""
		if q.OrderRef != "" && try > 1 {
			var err error
			if _, was, err = c.routing(ctx, tenant, id); err != nil {
				return inventory.Decision{}, err
			}
		}
		keys := []string{rsvKey(tenant, id), stockKey(tenant, q.SKU), skusKey(tenant), rsvExpiryKey(tenant),
			rsvJournalKey(tenant), rsvRefKey(tenant, q.OrderRef), rsvRefKey(tenant, was)}
		res, err := reserveScript.Run(ctx, c.rdb, keys, id, q.SKU, q.Location, q.Lot, int64(q.Qty), q.IdempotencyKey,
			q.OrderRef, q.TTL.Milliseconds(), int64(holdLot), int64(holdLocation), q.Channel, was).StringSlice()
		if err != nil {
			return inventory.Decision{}, fmt.Errorf("running the reserve script: %w", err)
		}
		d, err := decision(tenant, id, res)
		if errors.Is(err, errMisrouted) && try < routeTries {
			continue
		}
		if err == nil && d.Outcome == inventory.Decided {
			c.notify(ctx, tenant, q.Cell())
		}
		return d, err
	}
}

// errMisrouted is a script's refusal to decide because a key it was given was built
// from a record field (the order reference) that a replay changed since it was read.
// Reading the record again routes the next try right.
var errMisrouted = errors.New("the reservation's order reference changed while deciding")

// routeTries bounds the tries of a decision whose order reference keeps changing. Past a
// reserve's first guess, a try fails only when another request moved the reference since
// it was read, and each replay
// moves it at most once, so every failed try is another request's success: only that
// many replays of one key with different numbers at the same moment exhaust it.
const routeTries = 64

// notify tells subscribers that a cell's stock changed. The decision is made and
// journaled by then, so a failed publish must not turn it into an error; like any
// pub/sub message, it may be lost, and the subscriber sees the cell at its next change.
func (c *Cache) notify(ctx context.Context, tenant string, cell ontology.Cell) {
	_ = c.announce(ctx, tenant, []ontology.Movement{{SKU: cell.SKU, Location: cell.Location, Lot: cell.Lot}})
}

// routing reads what a reservation's keys depend on (its product and order reference),
// which never change once it is made. Scripts check the values again.
func (c *Cache) routing(ctx context.Context, tenant, id string) (sku, ref string, err error) {
	v, err := c.rdb.HMGet(ctx, rsvKey(tenant, id), "sku", "ref").Result()
	if err != nil {
		return "", "", fmt.Errorf("reading reservation %s: %w", id, err)
	}
	sku, _ = v[0].(string)
	ref, _ = v[1].(string)
	return sku, ref, nil
}

// Commit implements inventory.ReservationDecider.
func (c *Cache) Commit(ctx context.Context, tenant, id string, ttl time.Duration) (inventory.Decision, error) {
	d, err := c.decideOn(ctx, tenant, id, commitScript, ttl.Milliseconds())
	if err == nil && d.Outcome == inventory.Over && d.Reservation.Status == inventory.ReservationExpired {
		c.notify(ctx, tenant, d.Reservation.Cell) // it may have expired just now
	}
	return d, err
}

// End implements inventory.ReservationDecider.
func (c *Cache) End(ctx context.Context, tenant, id string, status inventory.ReservationStatus) (inventory.Decision, error) {
	if status != inventory.ReservationReleased && status != inventory.ReservationExpired {
		return inventory.Decision{}, fmt.Errorf("ending reservation %s as %q: only released or expired", id, status)
	}
	return c.decideOn(ctx, tenant, id, endScript, string(status))
}

// decideOn runs a script that may give an existing reservation's stock back: its KEYS
// are the record, the stock hash, expiry, journal and order-ref set; its ARGV the id,
// arg, and the product and order reference the keys were built from.
func (c *Cache) decideOn(ctx context.Context, tenant, id string, script *redis.Script, arg any) (inventory.Decision, error) {
	for try := 1; ; try++ {
		sku, ref, err := c.routing(ctx, tenant, id)
		if err != nil {
			return inventory.Decision{}, err
		}
		keys := []string{rsvKey(tenant, id), stockKey(tenant, sku), rsvExpiryKey(tenant), rsvJournalKey(tenant), rsvRefKey(tenant, ref)}
		res, err := script.Run(ctx, c.rdb, keys, id, arg, sku, ref).StringSlice()
		if err != nil {
			return inventory.Decision{}, fmt.Errorf("running a reservation script: %w", err)
		}
		d, err := decision(tenant, id, res)
		if errors.Is(err, errMisrouted) && try < routeTries {
			continue
		}
		if err == nil && d.Outcome == inventory.Decided && !d.Reservation.Status.Live() {
			c.notify(ctx, tenant, d.Reservation.Cell)
		}
		return d, err
	}
}

// Consume implements inventory.ReservationDecider.
func (c *Cache) Consume(ctx context.Context, tenant, id, by, channel string) (inventory.Decision, error) {
	for try := 1; ; try++ {
		_, ref, err := c.routing(ctx, tenant, id)
		if err != nil {
			return inventory.Decision{}, err
		}
		keys := []string{rsvKey(tenant, id), rsvExpiryKey(tenant), rsvJournalKey(tenant), rsvRefKey(tenant, ref), rsvByKey(tenant, by)}
		res, err := consumeScript.Run(ctx, c.rdb, keys, id, by, ref, endedTTL.Milliseconds(), channel).StringSlice()
		if err != nil {
			return inventory.Decision{}, fmt.Errorf("running the consume script: %w", err)
		}
		d, err := decision(tenant, id, res)
		if errors.Is(err, errMisrouted) && try < routeTries {
			continue
		}
		return d, err
	}
}

// outcomes are the scripts' tags.
var outcomes = map[string]inventory.Outcome{
	"ok": inventory.Decided, "replay": inventory.Repeated, "short": inventory.Refused, "conflict": inventory.Conflict,
	"missing": inventory.Missing, "over": inventory.Over, "notdue": inventory.NotDue, "foreign": inventory.Foreign,
}

// decision reads a script's reply: tag, available, pending, then the record's fields.
func decision(tenant, id string, res []string) (inventory.Decision, error) {
	if len(res) < 3 {
		return inventory.Decision{}, fmt.Errorf("reservation %s: short script reply %q", id, res)
	}
	if res[0] == "misrouted" {
		return inventory.Decision{}, fmt.Errorf("reservation %s: %w", id, errMisrouted)
	}
	out, ok := outcomes[res[0]]
	if !ok {
		return inventory.Decision{}, fmt.Errorf("reservation %s: script answered %q (its keys were read from a record that changed)", id, res[0])
	}
	d := inventory.Decision{Outcome: out}
	if res[1] != "" {
		q, err := strconv.ParseInt(res[1], 10, 64)
		if err != nil {
			return d, fmt.Errorf("reservation %s: available %q: %w", id, res[1], err)
		}
		d.Available = ontology.Qty(q)
	}
	d.Pending = res[2] == "1"
	if len(res) > 3 {
		h := make(map[string]string, (len(res)-3)/2)
		for i := 3; i+1 < len(res); i += 2 {
			h[res[i]] = res[i+1]
		}
		r, err := reservationOf(tenant, id, h)
		if err != nil {
			return d, err
		}
		d.Reservation = &r
	}
	return d, nil
}

// reservationOf reads a reservation record.
func reservationOf(tenant, id string, h map[string]string) (inventory.Reservation, error) {
	ints := map[string]int64{}
	for _, f := range []string{"qty", "created", "expires", "ended", "refat", "ver"} {
		if h[f] == "" {
			continue
		}
		n, err := strconv.ParseInt(h[f], 10, 64)
		if err != nil {
			return inventory.Reservation{}, fmt.Errorf("reservation %s: field %s holds %q: %w", id, f, h[f], err)
		}
		ints[f] = n
	}
	r := inventory.Reservation{
		Tenant: tenant, ID: id,
		Cell:           ontology.Cell{SKU: h["sku"], Location: h["location"], Lot: h["lot"]},
		Qty:            ontology.Qty(ints["qty"]),
		IdempotencyKey: h["key"], OrderRef: h["ref"], Channel: h["channel"], Status: inventory.ReservationStatus(h["status"]),
		CreatedAt: msTime(ints["created"]), ExpiresAt: msTime(ints["expires"]),
		ConsumedBy: h["by"], Version: ints["ver"],
	}
	if ints["ended"] != 0 {
		r.EndedAt = msTime(ints["ended"])
	}
	if ints["refat"] != 0 {
		r.RefAt = msTime(ints["refat"])
	}
	return r, nil
}

// recordOf is a reservation as the fields and values of its record, for restoring.
func recordOf(r inventory.Reservation) []any {
	ms := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return strconv.FormatInt(t.UnixMilli(), 10)
	}
	return []any{"sku", r.SKU, "location", r.Location, "lot", r.Lot, "qty", int64(r.Qty),
		"key", r.IdempotencyKey, "ref", r.OrderRef, "channel", r.Channel, "status", string(r.Status),
		"created", r.CreatedAt.UnixMilli(), "expires", r.ExpiresAt.UnixMilli(), "ended", ms(r.EndedAt),
		"refat", ms(r.RefAt), "by", r.ConsumedBy, "ver", 0}
}

func msTime(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// Reservation implements inventory.ReservationDecider.
func (c *Cache) Reservation(ctx context.Context, tenant, id string) (*inventory.Reservation, error) {
	rs, _, err := c.records(ctx, tenant, []string{id})
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return &rs[0], nil
}

// records reads reservation records; gone lists ids without one.
func (c *Cache) records(ctx context.Context, tenant string, ids []string) (rs []inventory.Reservation, gone []string, err error) {
	if len(ids) == 0 {
		return nil, nil, nil
	}
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	_, err = c.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, id := range ids {
			cmds[i] = p.HGetAll(ctx, rsvKey(tenant, id))
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading %d reservations: %w", len(ids), err)
	}
	for i, cmd := range cmds {
		h := cmd.Val()
		if len(h) == 0 {
			gone = append(gone, ids[i])
			continue
		}
		r, err := reservationOf(tenant, ids[i], h)
		if err != nil {
			return nil, nil, err
		}
		rs = append(rs, r)
	}
	return rs, gone, nil
}

// ByOrderRef implements inventory.ReservationDecider.
func (c *Cache) ByOrderRef(ctx context.Context, tenant, ref string) ([]string, error) {
	ids, err := c.rdb.SMembers(ctx, rsvRefKey(tenant, ref)).Result()
	if err != nil {
		return nil, fmt.Errorf("listing reservations of order %q: %w", ref, err)
	}
	return ids, nil
}

// ConsumedBy implements inventory.ReservationDecider.
func (c *Cache) ConsumedBy(ctx context.Context, tenant, by string) ([]string, error) {
	ids, err := c.rdb.SMembers(ctx, rsvByKey(tenant, by)).Result()
	if err != nil {
		return nil, fmt.Errorf("listing reservations consumed by %s: %w", by, err)
	}
	return ids, nil
}

// Due implements inventory.ReservationDecider. "Now" is Redis's clock, the one the
// scripts decide by.
func (c *Cache) Due(ctx context.Context, tenant string, limit int) ([]string, error) {
	now, err := c.rdb.Time(ctx).Result()
	if err != nil {
		return nil, fmt.Errorf("reading redis time: %w", err)
	}
	ids, err := c.rdb.ZRangeByScore(ctx, rsvExpiryKey(tenant), &redis.ZRangeBy{
		Min: "-inf", Max: strconv.FormatInt(now.UnixMilli(), 10), Count: int64(limit),
	}).Result()
	if err != nil {
		return nil, fmt.Errorf("listing expired reservations: %w", err)
	}
	return ids, nil
}

// Tenants implements inventory.ReservationDecider. Tenants that last reserved before
// since are dropped from the list for good.
func (c *Cache) Tenants(ctx context.Context, since time.Time) ([]string, error) {
	cut := strconv.FormatInt(since.UnixMilli(), 10)
	if err := c.rdb.ZRemRangeByScore(ctx, rsvTenantsKey, "-inf", "("+cut).Err(); err != nil {
		return nil, fmt.Errorf("dropping tenants without reservations: %w", err)
	}
	ts, err := c.rdb.ZRange(ctx, rsvTenantsKey, 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("listing tenants with reservations: %w", err)
	}
	return ts, nil
}

// Holding implements inventory.ReservationDecider: an empty sorted set does not exist,
// so one EXISTS over the expiry and journal sets answers.
func (c *Cache) Holding(ctx context.Context, tenant string) (bool, error) {
	n, err := c.rdb.Exists(ctx, rsvExpiryKey(tenant), rsvJournalKey(tenant)).Result()
	if err != nil {
		return false, fmt.Errorf("looking for live reservations: %w", err)
	}
	return n > 0, nil
}

// Journal implements inventory.ReservationJournal.
func (c *Cache) Journal(ctx context.Context, tenant string, limit int) ([]inventory.Reservation, []string, error) {
	ids, err := c.rdb.ZRange(ctx, rsvJournalKey(tenant), 0, int64(limit)-1).Result()
	if err != nil {
		return nil, nil, fmt.Errorf("reading the reservation journal: %w", err)
	}
	return c.records(ctx, tenant, ids)
}

// Ack implements inventory.ReservationJournal.
func (c *Cache) Ack(ctx context.Context, tenant string, recorded []inventory.Reservation, gone []string) error {
	type entry struct{ id, ver string }
	entries := make([]entry, 0, len(recorded)+len(gone))
	for _, r := range recorded {
		entries = append(entries, entry{r.ID, strconv.FormatInt(r.Version, 10)})
	}
	for _, id := range gone {
		entries = append(entries, entry{id, ""})
	}
	for start := 0; start < len(entries); start += 200 {
		part := entries[start:min(start+200, len(entries))]
		keys := make([]string, 0, len(part)+1)
		args := make([]any, 0, 2*len(part)+1)
		args = append(args, endedTTL.Milliseconds())
		for _, e := range part {
			keys = append(keys, rsvKey(tenant, e.id))
			args = append(args, e.id, e.ver)
		}
		keys = append(keys, rsvJournalKey(tenant))
		if err := ackScript.Run(ctx, c.rdb, keys, args...).Err(); err != nil {
			return fmt.Errorf("acknowledging %d journal entries: %w", len(part), err)
		}
	}
	return nil
}

// Void implements inventory.ReservationJournal.
func (c *Cache) Void(ctx context.Context, tenant string, fresh, recorded inventory.Reservation) error {
	keys := []string{rsvKey(tenant, fresh.ID), stockKey(tenant, fresh.SKU), rsvExpiryKey(tenant), rsvJournalKey(tenant),
		rsvRefKey(tenant, fresh.OrderRef), rsvRefKey(tenant, recorded.OrderRef)}
	args := append([]any{fresh.ID, fresh.CreatedAt.UnixMilli(), endedTTL.Milliseconds()}, recordOf(recorded)...)
	if err := voidScript.Run(ctx, c.rdb, keys, args...).Err(); err != nil {
		return fmt.Errorf("voiding reservation %s: %w", fresh.ID, err)
	}
	c.notify(ctx, tenant, fresh.Cell)
	return nil
}

// Restore implements inventory.ReservationJournal.
func (c *Cache) Restore(ctx context.Context, tenant string, rs []inventory.Reservation) (int, error) {
	n := 0
	for _, r := range rs {
		if !r.Status.Live() {
			return n, fmt.Errorf("restoring reservation %s: it is %s, not live", r.ID, r.Status)
		}
		keys := []string{rsvKey(tenant, r.ID), rsvExpiryKey(tenant), rsvRefKey(tenant, r.OrderRef)}
		done, err := restoreScript.Run(ctx, c.rdb, keys, append([]any{r.ID}, recordOf(r)...)...).Int()
		if err != nil {
			return n, fmt.Errorf("restoring reservation %s: %w", r.ID, err)
		}
		n += done
	}
	if n > 0 {
		if err := c.reserving(ctx, tenant); err != nil {
			return n, err
		}
	}
	return n, nil
}

// Live implements inventory.ReservationJournal.
func (c *Cache) Live(ctx context.Context, tenant string) ([]inventory.Reservation, error) {
	ids, err := c.rdb.ZRange(ctx, rsvExpiryKey(tenant), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("listing live reservations: %w", err)
	}
	rs, _, err := c.records(ctx, tenant, ids)
	if err != nil {
		return nil, err
	}
	out := rs[:0]
	for _, r := range rs {
		if r.Status.Live() {
			out = append(out, r)
		}
	}
	return out, nil
}
