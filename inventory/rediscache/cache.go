// Package rediscache projects the inventory ledger into Redis for live stock reads and
// fans stock changes out to every Seam replica with pub/sub.
//
// Redis is a cache here, never the truth: every key can be rebuilt from the ledger in
// Neo4j (Rebuild) and compared with it (the ledger side of `seam cache verify`). All of a
// tenant's keys share the hash tag {tenant}, so they live in one slot of a Redis Cluster
// and one Lua script can update them atomically.
//
// Reservations are the one thing Redis decides rather than copies: each reserve, commit,
// release, expiry and consumption is one Lua script (reservation_scripts.go) that checks
// and changes the stock hash and the reservation's record together, and journals the
// decision for the ledger to record (see package inventory, "Reservations").
package rediscache

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

// appliedTTL is how long the cache remembers that it applied a movement. The ledger marks
// a movement projected right after applying it; the mark only matters when the process
// died in between, and a restart catches up long before this expires.
const appliedTTL = 7 * 24 * time.Hour

// sep joins location, lot and bucket in a hash field; it cannot occur in source codes.
const sep = "\x1f"

// A cell's hash fields hold its buckets' quantities and, beside them, two facts that are
// not quantities: when the cell last changed (Unix ms, Redis's clock; set by every script
// that changes it) and its lot's expiry (Unix ms; set when its movements are projected).
// Scripts that sum stock read only the buckets they know.
const (
	updatedField = "updatedAt"
	expiresField = "expiresAt"
)

// Cache is live stock in Redis. It is safe for concurrent use.
type Cache struct {
	rdb redis.UniversalClient
	// near, when set, is the near cache rdb reads through, and parsed the cells of the
	// replies it gave last (see Near.Stock).
	near   *Near
	parsed *parsedHashes
}

// New wraps a Redis client (single node, Sentinel or Cluster).
func New(rdb redis.UniversalClient) *Cache { return &Cache{rdb: rdb} }

// Ping checks that Redis answers.
func (c *Cache) Ping(ctx context.Context) error { return c.rdb.Ping(ctx).Err() }

func stockKey(tenant, sku string) string { return "seam:{" + tenant + "}:stock:" + sku }
func skusKey(tenant string) string       { return "seam:{" + tenant + "}:skus" }
func appliedKey(tenant, id string) string {
	return "seam:{" + tenant + "}:applied:" + id
}

// Channel is the pub/sub channel of a tenant's stock changes.
func Channel(tenant string) string { return "seam:{" + tenant + "}:stock-changes" }

// applyScript adds each movement once: SET NX on the movement's applied key guards the
// HINCRBY, so a movement projected twice (a retry, two replicas, a restart between the
// Redis write and the ledger's mark) counts once. It stamps each changed cell's updatedAt.
// KEYS: per movement, its applied key then its stock key; then the sku-set key.
// ARGV: ttl seconds, then per movement its field and delta, then per movement its sku,
// then per movement its cell's updatedAt field.
var applyScript = redis.NewScript(`
local n = (#KEYS - 1) / 2
local applied = 0
local t = redis.call('TIME')
local now = string.format('%.0f', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
for j = 1, n do
  if redis.call('SET', KEYS[2*j-1], '1', 'NX', 'EX', ARGV[1]) then
    redis.call('HINCRBY', KEYS[2*j], ARGV[2*j], ARGV[2*j+1])
    redis.call('HSET', KEYS[2*j], ARGV[3*n+1+j], now)
    redis.call('SADD', KEYS[#KEYS], ARGV[2*n+1+j])
    applied = applied + 1
  end
end
return applied`)

// Apply adds movements to live stock, each at most once, and announces the changed
// cells. It returns how many movements were new to the cache.
func (c *Cache) Apply(ctx context.Context, tenant string, ms []ontology.Movement) (int, error) {
	total := 0
	for start := 0; start < len(ms); start += 200 {
		part := ms[start:min(start+200, len(ms))]
		keys := make([]string, 0, 2*len(part)+1)
		args := make([]any, 0, 3*len(part)+1)
		args = append(args, int(appliedTTL.Seconds()))
		for _, m := range part {
			keys = append(keys, appliedKey(tenant, m.ID), stockKey(tenant, m.SKU))
			args = append(args, field(m.Location, m.Lot, m.Bucket), int64(m.Qty))
		}
		keys = append(keys, skusKey(tenant))
		for _, m := range part {
			args = append(args, m.SKU)
		}
		for _, m := range part {
			args = append(args, cellField(m.Location, m.Lot, updatedField))
		}
		n, err := applyScript.Run(ctx, c.rdb, keys, args...).Int()
		if err != nil {
			return total, fmt.Errorf("applying %d movements to redis: %w", len(part), err)
		}
		total += n
	}
	if total > 0 {
		if err := c.announce(ctx, tenant, ms); err != nil {
			return total, err
		}
	}
	return total, nil
}

func (c *Cache) announce(ctx context.Context, tenant string, ms []ontology.Movement) error {
	cells := make([]ontology.Cell, 0, len(ms))
	for _, m := range ms {
		cells = append(cells, ontology.Cell{SKU: m.SKU, Location: m.Location, Lot: m.Lot})
	}
	return c.publishCells(ctx, tenant, cells)
}

// publishCells announces each changed cell once on the tenant's channel.
func (c *Cache) publishCells(ctx context.Context, tenant string, cells []ontology.Cell) error {
	seen := map[ontology.Cell]bool{}
	for _, ch := range cells {
		if seen[ch] {
			continue
		}
		seen[ch] = true
		b, _ := json.Marshal(ch)
		if err := c.rdb.Publish(ctx, Channel(tenant), b).Err(); err != nil {
			return fmt.Errorf("announcing stock change: %w", err)
		}
	}
	return nil
}

func field(location, lot string, b ontology.Bucket) string {
	return cellField(location, lot, string(b))
}

// splitCellField reads a field cellField wrote; ok is false for any other field.
func splitCellField(f string) (location, lot, name string, ok bool) {
	location, rest, ok1 := strings.Cut(f, sep)
	lot, name, ok2 := strings.Cut(rest, sep)
	if !ok1 || !ok2 || strings.Contains(name, sep) {
		return "", "", "", false
	}
	return location, lot, name, true
}

// cellField names one of a cell's fields: a bucket, or updatedField or expiresField.
func cellField(location, lot, name string) string {
	return location + sep + lot + sep + name
}

// Stock returns the cells of one product, optionally at one location, sorted by location
// and lot.
//
// The hash is read as Redis sent it (a RawCmd, which the near cache keeps and serves
// like any HGETALL) and parsed here: HGetAll's map costs a map and two strings per field,
// and this runs on every live stock read. The cells' locations and lots are slices of one
// string of the reply.
func (c *Cache) Stock(ctx context.Context, tenant, sku, location string) ([]inventory.Stock, error) {
	var raw []byte
	var ok bool
	if c.near != nil {
		raw, ok = c.near.stockHash(ctx, tenant, sku)
	}
	if !ok {
		cmd := redis.NewRawCmd(ctx, "hgetall", stockKey(tenant, sku))
		_ = c.rdb.Process(ctx, cmd)
		var err error
		if raw, err = cmd.Result(); err != nil {
			return nil, fmt.Errorf("reading stock of %s: %w", sku, unavailable(err))
		}
	}
	if c.parsed == nil {
		return parseStock(string(raw), sku, location)
	}
	// The same reply is the same cells: a product read again and again, unchanged, is
	// parsed once. Each caller gets its own copy.
	cells, ok := c.parsed.get(tenant, sku, raw)
	if !ok {
		reply := string(raw)
		var err error
		if cells, err = parseStock(reply, sku, ""); err != nil {
			return nil, err
		}
		c.parsed.put(tenant, sku, reply, cells)
	}
	out := make([]inventory.Stock, 0, len(cells))
	for _, s := range cells {
		if location == "" || s.Location == location {
			out = append(out, s)
		}
	}
	return out, nil
}

// parseStock reads the cells of a product's stock hash from its HGETALL reply, at one
// location or all, sorted by location and lot.
func parseStock(reply, sku, location string) ([]inventory.Stock, error) {
	// Most products have a handful of cells: searching them in order costs less than a
	// map. A product stocked at hundreds of locations gets an index once it outgrows the
	// search.
	out := make([]inventory.Stock, 0, 8)
	var index map[ontology.Cell]int
	err := hashFields(reply, func(f, v string) error {
		loc, lot, name, ok := splitCellField(f)
		if !ok || (location != "" && loc != location) {
			return nil
		}
		q, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("field %q holds %q: %w", f, v, err)
		}
		cell := ontology.Cell{SKU: sku, Location: loc, Lot: lot}
		k := -1
		if index != nil {
			if i, ok := index[cell]; ok {
				k = i
			}
		} else {
			for i := range out {
				if out[i].Location == loc && out[i].Lot == lot {
					k = i
					break
				}
			}
		}
		if k < 0 {
			k = len(out)
			out = append(out, inventory.Stock{Cell: cell})
			switch {
			case index != nil:
				index[cell] = k
			case len(out) > 16:
				index = make(map[ontology.Cell]int, 2*len(out))
				for i := range out {
					index[out[i].Cell] = i
				}
			}
		}
		s := &out[k]
		switch name {
		case updatedField:
			s.UpdatedAt = msTime(q)
		case expiresField:
			s.ExpiresAt = msTime(q)
		default:
			s.Set(ontology.Bucket(name), ontology.Qty(q))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stock of %s: %w", sku, err)
	}
	slices.SortFunc(out, func(a, b inventory.Stock) int {
		if c := strings.Compare(a.Location, b.Location); c != 0 {
			return c
		}
		return strings.Compare(a.Lot, b.Lot)
	})
	return out, nil
}

// parsedHashes remembers, per product, the last HGETALL reply of its stock hash that
// was parsed and the cells it holds. An entry is used only for a reply equal to it byte
// for byte, so it can never answer anything but what parsing the reply would. It is
// bounded; when full it starts again empty.
type parsedHashes struct {
	mu    sync.RWMutex
	byKey map[[2]string]parsedHash
}

type parsedHash struct {
	reply string
	cells []inventory.Stock // never changed once stored
}

// maxParsed bounds parsedHashes: a reply and its cells are a few KB.
const maxParsed = 4096

func newParsedHashes() *parsedHashes {
	return &parsedHashes{byKey: map[[2]string]parsedHash{}}
}

// get returns the cells of reply when it is the reply last parsed for the product.
func (p *parsedHashes) get(tenant, sku string, reply []byte) ([]inventory.Stock, bool) {
	p.mu.RLock()
	e, ok := p.byKey[[2]string{tenant, sku}]
	p.mu.RUnlock()
	if !ok || e.reply != string(reply) {
		return nil, false
	}
	return e.cells, true
}

func (p *parsedHashes) put(tenant, sku, reply string, cells []inventory.Stock) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.byKey) >= maxParsed {
		p.byKey = make(map[[2]string]parsedHash, maxParsed)
	}
	p.byKey[[2]string{tenant, sku}] = parsedHash{reply: reply, cells: cells}
}

// hashFields calls fn with each field and value of an HGETALL reply in its RESP form:
// a RESP3 map or a RESP2 array of blob strings. An error reply is an error.
func hashFields(raw string, fn func(field, value string) error) error {
	if raw == "" {
		return errors.New("empty reply to HGETALL")
	}
	kind := raw[0]
	head, rest, ok := strings.Cut(raw[1:], "\r\n")
	if !ok {
		return fmt.Errorf("HGETALL reply %.40q is cut short", raw)
	}
	n, err := strconv.Atoi(head)
	switch {
	case kind == '-' || kind == '!':
		return fmt.Errorf("redis: %s", head)
	case err != nil || n < 0:
		return fmt.Errorf("HGETALL reply starts %.40q", raw)
	case kind == '*' && n%2 == 0:
		n /= 2 // RESP2: field, value, field, value...
	case kind != '%':
		return fmt.Errorf("HGETALL reply starts %.40q", raw)
	}
	for range n {
		var f, v string
		if f, rest, err = blobString(rest); err != nil {
			return err
		}
		if v, rest, err = blobString(rest); err != nil {
			return err
		}
		if err := fn(f, v); err != nil {
			return err
		}
	}
	if rest != "" {
		return fmt.Errorf("HGETALL reply has %d bytes past its end", len(rest))
	}
	return nil
}

// blobString reads one RESP blob string ($<length>\r\n<bytes>\r\n) from the start of s.
func blobString(s string) (val, rest string, err error) {
	head, body, ok := strings.Cut(s, "\r\n")
	if !ok || len(head) < 2 || head[0] != '$' {
		return "", "", fmt.Errorf("HGETALL reply holds %.40q where a string was expected", s)
	}
	n, err := strconv.Atoi(head[1:])
	if err != nil || n < 0 || len(body) < n+2 || body[n:n+2] != "\r\n" {
		return "", "", fmt.Errorf("HGETALL reply holds a malformed string %.40q", s)
	}
	return body[:n], body[n+2:], nil
}

// SKUs lists the products with live stock for a tenant.
func (c *Cache) SKUs(ctx context.Context, tenant string) ([]string, error) {
	s, err := c.rdb.SMembers(ctx, skusKey(tenant)).Result()
	if err != nil {
		return nil, fmt.Errorf("listing skus: %w", err)
	}
	sort.Strings(s)
	return s, nil
}

// Replace sets a tenant's live stock to exactly totals (the ledger's sums), dropping cells
// the ledger does not have. Used by rebuild.
func (c *Cache) Replace(ctx context.Context, tenant string, totals []inventory.Stock) error {
	old, err := c.SKUs(ctx, tenant)
	if err != nil {
		return err
	}
	bySKU := map[string]map[string]any{}
	for _, s := range totals {
		h := bySKU[s.SKU]
		if h == nil {
			h = map[string]any{}
			bySKU[s.SKU] = h
		}
		for b, q := range s.Buckets() {
			if q != 0 {
				h[field(s.Location, s.Lot, b)] = int64(q)
			}
		}
		if !s.ExpiresAt.IsZero() {
			h[cellField(s.Location, s.Lot, expiresField)] = s.ExpiresAt.UnixMilli()
		}
	}
	_, err = c.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for _, sku := range old {
			p.Del(ctx, stockKey(tenant, sku))
		}
		p.Del(ctx, skusKey(tenant))
		for sku, h := range bySKU {
			if len(h) > 0 {
				p.HSet(ctx, stockKey(tenant, sku), h)
			}
			p.SAdd(ctx, skusKey(tenant), sku)
		}
		p.HSet(ctx, "seam:{"+tenant+"}:meta", "rebuiltAt", time.Now().UTC().Format(time.RFC3339Nano))
		return nil
	})
	if err != nil {
		return fmt.Errorf("replacing stock of tenant %s: %w", tenant, err)
	}
	return nil
}

// lotExpiryScript records lots' expiries, each product's in its hash (KEYS[k]): on the
// cells named, and on every other cell of the lot the hash holds, whatever the location.
// ARGV[1] is the field separator; then, for each key in turn, the number of cells named
// and their (field, expiry) pairs, then the number of lots and their (lot, expiry) pairs
// (expiries in Unix milliseconds). All of a tenant's keys share its hash tag, so one
// call serves any number of products, also on a cluster. It returns the cells it wrote
// beyond those named, as key number, place and lot, each after the separator.
var lotExpiryScript = redis.NewScript(`
local sep = ARGV[1]
local i = 2
local wrote = {}
for k = 1, #KEYS do
  local cells = tonumber(ARGV[i])
  i = i + 1
  for _ = 1, cells do
    redis.call('HSET', KEYS[k], ARGV[i], ARGV[i + 1])
    i = i + 2
  end
  local lots = tonumber(ARGV[i])
  i = i + 1
  local fields = redis.call('HKEYS', KEYS[k])
  for _ = 1, lots do
    local lot, at = ARGV[i], ARGV[i + 1]
    i = i + 2
    local places = {}
    for _, f in ipairs(fields) do
      local a = string.find(f, sep, 1, true)
      if a then
        local b = string.find(f, sep, a + 1, true)
        if b and string.sub(f, a + 1, b - 1) == lot then
          places[string.sub(f, 1, a - 1)] = true
        end
      end
    end
    for place in pairs(places) do
      redis.call('HSET', KEYS[k], place .. sep .. lot .. sep .. '` + expiresField + `', at)
      wrote[#wrote + 1] = k .. sep .. place .. sep .. lot
    end
  end
end
return wrote`)

// expiryWrite is one product's part of a lotExpiryScript call.
type expiryWrite struct {
	cells []any // field, expiry
	lots  map[string]int64
}

// expiryWrites are a lotExpiryScript call's parts, by product.
type expiryWrites map[string]*expiryWrite

// of returns sku's part, made when missing.
func (w expiryWrites) of(sku string) *expiryWrite {
	p := w[sku]
	if p == nil {
		p = &expiryWrite{lots: map[string]int64{}}
		w[sku] = p
	}
	return p
}

// writeExpiries runs lotExpiryScript for the products in bySKU and returns the cells
// it wrote beyond those named.
func (c *Cache) writeExpiries(ctx context.Context, tenant string, bySKU expiryWrites) ([]ontology.Cell, error) {
	skus := make([]string, 0, len(bySKU))
	for sku := range bySKU {
		skus = append(skus, sku)
	}
	// Sorted so that the same expiries make the same call, whatever the map's order.
	slices.Sort(skus)
	keys := make([]string, 0, len(skus))
	args := []any{sep}
	for _, sku := range skus {
		p := bySKU[sku]
		keys = append(keys, stockKey(tenant, sku))
		args = append(args, len(p.cells)/2)
		args = append(args, p.cells...)
		args = append(args, len(p.lots))
		for lot, at := range p.lots {
			args = append(args, lot, at)
		}
	}
	wrote, err := lotExpiryScript.Run(ctx, c.rdb, keys, args...).StringSlice()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("recording the expiry of lots of %d products: %w", len(skus), err)
	}
	cells := make([]ontology.Cell, 0, len(wrote))
	for _, w := range wrote {
		k, rest, _ := strings.Cut(w, sep)
		place, lot, _ := strings.Cut(rest, sep)
		i, err := strconv.Atoi(k)
		if err != nil || i < 1 || i > len(skus) {
			return nil, fmt.Errorf("recording lot expiries: the script named key %q of %d", k, len(skus))
		}
		cells = append(cells, ontology.Cell{SKU: skus[i-1], Location: place, Lot: lot})
	}
	return cells, nil
}

// SetExpiries records lots' expiries, for reads and for the reserve script, which does
// not count an expired lot as available: on the cells named and on every other cell of
// the same lot. A lot's expiry is the lot's, not a place's: a customs declaration that
// brings it moves the lot at no warehouse of its own (its movements are incoming at the
// declaration's place), and the cells where the lot was received before must learn it
// as well, or they would sell an expired lot. It is one round trip however many
// products the expiries name: it runs on the projector's way to the subscribers, whose
// announcement of the movements follows.
func (c *Cache) SetExpiries(ctx context.Context, tenant string, expiries map[ontology.Cell]time.Time) error {
	if len(expiries) == 0 {
		return nil
	}
	bySKU := expiryWrites{}
	for cell, at := range expiries {
		p := bySKU.of(cell.SKU)
		ms := at.UnixMilli()
		p.cells = append(p.cells, cellField(cell.Location, cell.Lot, expiresField), ms)
		p.lots[cell.Lot] = ms
	}
	_, err := c.writeExpiries(ctx, tenant, bySKU)
	return err
}

// SetLotExpiries records lots' expiries on every cell the cache holds of them, and
// announces those cells, as Apply announces a movement's: a lot that expires changes
// what is available there, and subscribers and alert rules must hear it. It serves an
// expiry that came without a movement (Projector.CatchUp).
func (c *Cache) SetLotExpiries(ctx context.Context, tenant string, lots []inventory.LotExpiry) error {
	if len(lots) == 0 {
		return nil
	}
	bySKU := expiryWrites{}
	for _, l := range lots {
		bySKU.of(l.SKU).lots[l.Lot] = l.ExpiresAt.UnixMilli()
	}
	cells, err := c.writeExpiries(ctx, tenant, bySKU)
	if err != nil {
		return err
	}
	return c.publishCells(ctx, tenant, cells)
}

// Subscribe delivers the tenant's stock changes until ctx ends. The returned channel is
// closed when the subscription ends.
func (c *Cache) Subscribe(ctx context.Context, tenant string) (<-chan ontology.Cell, error) {
	return listen(ctx, c.rdb.Subscribe(ctx, Channel(tenant)), "stock changes", func(m *redis.Message) (ontology.Cell, bool) {
		var ch ontology.Cell
		// Not ours when it does not decode: the channel is namespaced, so a stray publisher.
		return ch, json.Unmarshal([]byte(m.Payload), &ch) == nil
	})
}

// unavailable marks err with inventory.ErrCacheUnavailable when Redis could not be reached.
func unavailable(err error) error {
	if IsUnavailable(err) {
		return fmt.Errorf("%w: %w", inventory.ErrCacheUnavailable, err)
	}
	return err
}

// IsUnavailable reports whether err means Redis could not be reached.
func IsUnavailable(err error) bool {
	var ne interface{ Timeout() bool }
	return errors.As(err, &ne) || errors.Is(err, redis.ErrClosed)
}

// settledTTL is how long the cache still remembers an applied movement once the ledger
// has marked it projected. After the mark, only a CatchUp that read the movement as
// unprojected just before the mark committed can apply it again, and it does so within
// the same call, seconds later at most (the projector applies no page older than
// inventory's stale-read bound). An hour covers that with a wide
// margin, and bounds the applied keys to the movements of the last hour rather than of
// the last appliedTTL: at a million movements a day, about 40 thousand keys rather than
// seven million (over a gigabyte of Redis).
const settledTTL = time.Hour

// Settle tells the cache that the ledger has marked these movements projected, so their
// applied keys need not outlive settledTTL. Keys of movements never applied are left
// alone (EXPIRE of a missing key does nothing); a failure only leaves keys to their
// longer TTL.
func (c *Cache) Settle(ctx context.Context, tenant string, ids []string) error {
	for start := 0; start < len(ids); start += 1000 {
		part := ids[start:min(start+1000, len(ids))]
		_, err := c.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			for _, id := range part {
				// Plain EXPIRE, not EXPIRE ... LT (Redis 7 only): settling a key twice
				// only sets its hour again, and a guard only costs memory.
				p.Expire(ctx, appliedKey(tenant, id), settledTTL)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("settling %d applied movements in redis: %w", len(part), err)
		}
	}
	return nil
}

// DropTenant removes every key of a tenant: stock, SKU names, reservations, alerts,
// sensor states and the applied-movement guards. It is for benchmarks and for a customer
// who leaves, next to the store's DeleteTenant; it scans the keyspace (all of a tenant's
// keys share its hash tag, but Redis has no index by tag), so it is not for request
// paths. It returns how many keys it removed.
func (c *Cache) DropTenant(ctx context.Context, tenant string) (int64, error) {
	if tenant == "" {
		return 0, fmt.Errorf("dropping a tenant's keys: no tenant given")
	}
	pattern := "seam:{" + globEscape(tenant) + "}:*"
	var total int64
	var mu sync.Mutex
	drop := func(ctx context.Context, rdb redis.Cmdable) error {
		iter := rdb.Scan(ctx, 0, pattern, 1000).Iterator()
		batch := make([]string, 0, 500)
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			n, err := rdb.Unlink(ctx, batch...).Result()
			if err != nil {
				return err
			}
			mu.Lock()
			total += n
			mu.Unlock()
			batch = batch[:0]
			return nil
		}
		for iter.Next(ctx) {
			batch = append(batch, iter.Val())
			if len(batch) == cap(batch) {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := iter.Err(); err != nil {
			return err
		}
		return flush()
	}
	var err error
	if cc, ok := c.rdb.(*redis.ClusterClient); ok {
		// One slot holds the tenant, but which master serves it is the cluster's business.
		err = cc.ForEachMaster(ctx, func(ctx context.Context, m *redis.Client) error { return drop(ctx, m) })
	} else {
		err = drop(ctx, c.rdb)
	}
	if err != nil {
		return total, fmt.Errorf("dropping the keys of tenant %s: %w", tenant, err)
	}
	return total, nil
}

// globEscape quotes the characters a SCAN MATCH pattern gives a meaning, so that a
// tenant named "a*" matches only itself.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '*', '?', '[', ']', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
