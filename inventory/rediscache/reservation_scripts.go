package rediscache

import "github.com/redis/go-redis/v9"

// The reservation scripts. Each is one decision, atomic because Redis runs a script
// alone; every key a script touches shares the tenant's hash tag, so it stays atomic on
// a Redis Cluster too. Time is Redis's own (TIME), so replicas with skewed clocks agree
// on when a reservation expires.
//
// A reservation is a hash (its record). KEYS[1] is always that record. Its fields:
// sku, location, lot, qty (millionths), key (idempotency key), ref (order reference),
// channel (the source systems whose orders may consume it), status, created, expires,
// ended, refat (when ref was set) (Unix ms), by (what consumed it), ver (decisions so
// far). Every decision that changes a record raises ver and puts the id into the
// tenant's journal (a sorted set by time of decision) in the same script; the journal
// entry is dropped only when the ledger has recorded that very version.
//
// Lua numbers are doubles: quantities are exact up to 2^53 millionths (9 billion units
// in one cell), far beyond any stock a cell holds.

// luaPrelude holds the helpers every reservation script shares.
const luaPrelude = `
local SEP = '\31'
local function str(n) return string.format('%.0f', n) end
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function live(status) return status == 'active' or status == 'committed' end
-- reply answers a tag, the available quantity (reserve only), whether the journal
-- holds the reservation, and the record as it stands.
local function reply(tag, available, pend)
  local out = {tag, available, pend}
  local h = redis.call('HGETALL', KEYS[1])
  for i = 1, #h do out[#out + 1] = h[i] end
  return out
end
local function pending(journal, id)
  if redis.call('ZSCORE', journal, id) then return '1' end
  return '0'
end
local function journal(key, id, now)
  redis.call('HINCRBY', KEYS[1], 'ver', 1)
  redis.call('ZADD', key, now, id)
end
-- hold adds qty (a string) to a cell's reserved figure and stamps the cell's change.
local function hold(stock, location, lot, qty, now)
  redis.call('HINCRBY', stock, location .. SEP .. lot .. SEP .. 'reserved', qty)
  redis.call('HSET', stock, location .. SEP .. lot .. SEP .. 'updatedAt', str(now))
end
-- finish ends a live reservation with status and gives its hold back.
local function finish(stock, expiry, jkey, ref, id, status, now)
  local r = redis.call('HMGET', KEYS[1], 'location', 'lot', 'qty')
  hold(stock, r[1], r[2], '-' .. r[3], now)
  redis.call('HSET', KEYS[1], 'status', status, 'ended', str(now))
  redis.call('ZREM', expiry, id)
  redis.call('SREM', ref, id)
  journal(jkey, id, now)
end
`

// reserveScript decides one reservation. Available is computed over the product's stock
// hash: on hand minus reserved summed over every lot at the location, less the
// location's safety hold; when a lot is asked for, also that lot's own, less its hold,
// and the smaller counts. An order that names no lot takes from the location as a
// whole, so the location's figure is what a reservation must never exceed. A lot whose
// expiry has passed (by Redis's clock) is not available: its stock on hand is left out.
//
// A replay with the same terms and another order reference, while the reservation is
// live, moves the reservation to that reference.
//
// KEYS: record, stock hash, sku set, expiry, journal, order-ref set, the order-ref set
// of the reference the caller read from the record.
// ARGV: id, sku, location, lot, qty, idempotency key, order ref, ttl ms, hold of the
// lot, hold of the location, channel, the reference the caller read.
// Reply: tag (ok, replay, short, conflict; misrouted when the reference read is no
// longer the record's), available after the decision, pending, record.
var reserveScript = redis.NewScript(luaPrelude + `
local prefix = ARGV[3] .. SEP
local now = now_ms()
local atLocation, inLot = 0, 0
local onHand, expired = {}, {}
local h = redis.call('HGETALL', KEYS[2])
for i = 1, #h, 2 do
  local f = h[i]
  if string.sub(f, 1, #prefix) == prefix then
    local rest = string.sub(f, #prefix + 1)
    local cut = string.find(rest, SEP, 1, true)
    if cut then
      local lot, bucket, v = string.sub(rest, 1, cut - 1), string.sub(rest, cut + 1), tonumber(h[i + 1])
      if bucket == 'onHand' then
        onHand[lot] = (onHand[lot] or 0) + v
      elseif bucket == 'reserved' then
        atLocation = atLocation - v
        if lot == ARGV[4] then inLot = inLot - v end
      elseif bucket == 'expiresAt' and v <= now then
        expired[lot] = true
      end
    end
  end
end
for lot, v in pairs(onHand) do
  if not expired[lot] or v < 0 then
    atLocation = atLocation + v
    if lot == ARGV[4] then inLot = inLot + v end
  end
end
local available = atLocation - tonumber(ARGV[10])
if ARGV[4] ~= '' then available = math.min(available, inLot - tonumber(ARGV[9])) end
if redis.call('EXISTS', KEYS[1]) == 1 then
  local r = redis.call('HMGET', KEYS[1], 'sku', 'location', 'lot', 'qty', 'ref', 'status', 'refat')
  if r[1] ~= ARGV[2] or r[2] ~= ARGV[3] or r[3] ~= ARGV[4] or r[4] ~= ARGV[5] then
    return reply('conflict', str(available), '0')
  end
  if ARGV[7] ~= '' and r[5] ~= ARGV[7] and live(r[6]) then
    -- A retry that knows the order number now, or a corrected one: the order that
    -- arrives under it must find the reservation, and the old number no longer.
    if r[5] ~= ARGV[12] then return {'misrouted', '', '0'} end
    redis.call('SREM', KEYS[7], ARGV[1])
    redis.call('SADD', KEYS[6], ARGV[1])
    -- refat orders the references for the ledger, which keeps the latest: strictly
    -- later than the one it replaces, even within one millisecond.
    redis.call('HSET', KEYS[1], 'ref', ARGV[7], 'refat', str(math.max(now, (tonumber(r[7]) or 0) + 1)))
    journal(KEYS[5], ARGV[1], now)
    return reply('replay', str(available), '1')
  end
  return reply('replay', str(available), pending(KEYS[5], ARGV[1]))
end
local qty = tonumber(ARGV[5])
if available < qty then return {'short', str(available), '0'} end
local expires = now + tonumber(ARGV[8])
hold(KEYS[2], ARGV[3], ARGV[4], ARGV[5], now)
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('HSET', KEYS[1], 'sku', ARGV[2], 'location', ARGV[3], 'lot', ARGV[4], 'qty', ARGV[5],
  'key', ARGV[6], 'ref', ARGV[7], 'status', 'active', 'created', str(now), 'expires', str(expires), 'ver', '0',
  'channel', ARGV[11], 'refat', str(now))
redis.call('ZADD', KEYS[4], expires, ARGV[1])
if ARGV[7] ~= '' then redis.call('SADD', KEYS[6], ARGV[1]) end
journal(KEYS[5], ARGV[1], now)
return reply('ok', str(available - qty), '1')`)

// commitScript commits an active reservation and gives it ttl more; one past its expiry
// expires now instead (a commit must not revive what was abandoned).
// KEYS: record, stock hash, expiry, journal, order-ref set.
// ARGV: id, ttl ms, sku and order ref as the caller read them (to prove KEYS right).
var commitScript = redis.NewScript(luaPrelude + `
local r = redis.call('HMGET', KEYS[1], 'status', 'sku', 'ref', 'expires')
if not r[1] then return {'missing', '', '0'} end
if r[2] ~= ARGV[3] or r[3] ~= ARGV[4] then return {'misrouted', '', '0'} end
if r[1] == 'committed' or r[1] == 'consumed' then return reply('replay', '', pending(KEYS[4], ARGV[1])) end
if r[1] ~= 'active' then return reply('over', '', pending(KEYS[4], ARGV[1])) end
local now = now_ms()
if tonumber(r[4]) <= now then
  finish(KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[1], 'expired', now)
  return reply('over', '', '1')
end
local expires = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'status', 'committed', 'expires', str(expires))
redis.call('ZADD', KEYS[3], expires, ARGV[1])
journal(KEYS[4], ARGV[1], now)
return reply('ok', '', '1')`)

// endScript releases or expires a live reservation and gives its stock back. An expiry
// asked before the reservation's time is refused, so sweepers may race freely.
// KEYS: record, stock hash, expiry, journal, order-ref set.
// ARGV: id, status (released or expired), sku and order ref as the caller read them.
var endScript = redis.NewScript(luaPrelude + `
local r = redis.call('HMGET', KEYS[1], 'status', 'sku', 'ref', 'expires')
if not r[1] then
  redis.call('ZREM', KEYS[3], ARGV[1])
  return {'missing', '', '0'}
end
if r[2] ~= ARGV[3] or r[3] ~= ARGV[4] then return {'misrouted', '', '0'} end
if not live(r[1]) then
  redis.call('ZREM', KEYS[3], ARGV[1])
  local tag = 'over'
  if r[1] == ARGV[2] then tag = 'replay' end
  return reply(tag, '', pending(KEYS[4], ARGV[1]))
end
local now = now_ms()
if ARGV[2] == 'expired' and tonumber(r[4]) > now then return reply('notdue', '', '0') end
finish(KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[1], ARGV[2], now)
return reply('ok', '', '1')`)

// consumeScript hands a live reservation over to an order. The stock does not move: the
// hold stays where it is and becomes the order's. An order that comes after the expiry
// but before the sweep still takes it: the sale happened and the hold was there for it.
// The order's set lists what it consumed, so that a retried resolution finds the same.
// A reservation made for a channel (one source system, or several comma-separated) is
// consumed only by the orders of those systems.
// KEYS: record, expiry, journal, order-ref set, the order's set.
// ARGV: id, by (the order), order ref as the caller read it, retention ms, the order's
// channel (its source system; empty for any).
var consumeScript = redis.NewScript(luaPrelude + `
local r = redis.call('HMGET', KEYS[1], 'status', 'by', 'ref', 'channel')
if not r[1] then return {'missing', '', '0'} end
if r[3] ~= ARGV[3] then return {'misrouted', '', '0'} end
if r[1] == 'consumed' and r[2] == ARGV[2] then return reply('replay', '', pending(KEYS[3], ARGV[1])) end
if r[4] and r[4] ~= '' and ARGV[5] ~= '' and not string.find(',' .. r[4] .. ',', ',' .. ARGV[5] .. ',', 1, true) then
  return reply('foreign', '', pending(KEYS[3], ARGV[1]))
end
if not live(r[1]) then return reply('over', '', pending(KEYS[3], ARGV[1])) end
local now = now_ms()
redis.call('HSET', KEYS[1], 'status', 'consumed', 'by', ARGV[2], 'ended', str(now))
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('PEXPIRE', KEYS[5], ARGV[4])
journal(KEYS[3], ARGV[1], now)
return reply('ok', '', '1')`)

// ackScript drops journal entries the ledger recorded. An entry goes only if the record
// still has the version the ledger recorded (a newer decision must be recorded too), or
// if the caller saw no record and there still is none. A recorded, ended reservation is
// kept for the retention time, so a replayed key still finds it.
// KEYS: record per entry, then the journal.
// ARGV: retention ms, then per entry its id and version (empty for no record).
var ackScript = redis.NewScript(`
local n = #KEYS - 1
local dropped = 0
for i = 1, n do
  local id, ver = ARGV[2 * i], ARGV[2 * i + 1]
  local r = redis.call('HMGET', KEYS[i], 'ver', 'status')
  if (not r[1] and ver == '') or r[1] == ver then
    redis.call('ZREM', KEYS[#KEYS], id)
    dropped = dropped + 1
    if r[2] and r[2] ~= 'active' and r[2] ~= 'committed' then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
  end
end
return dropped`)

// voidScript undoes the life a reservation started in the cache under an id the ledger
// holds from an earlier life, and puts the ledger's record in its place.
// KEYS: record, stock hash, expiry, journal, the fresh life's order-ref set, the
// recorded life's order-ref set.
// ARGV: id, the fresh life's created, retention ms, then the recorded record's fields
// and values.
var voidScript = redis.NewScript(luaPrelude + `
local r = redis.call('HMGET', KEYS[1], 'status', 'created', 'location', 'lot', 'qty')
if r[2] ~= ARGV[2] then return 0 end
if r[1] ~= 'released' and r[1] ~= 'expired' then
  hold(KEYS[2], r[3], r[4], '-' .. r[5], now_ms())
end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
local st = redis.call('HMGET', KEYS[1], 'status', 'expires')
if live(st[1]) then
  redis.call('ZADD', KEYS[3], st[2], ARGV[1])
  redis.call('SADD', KEYS[6], ARGV[1])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 1`)

// restoreScript puts back a live reservation the cache lost; one it holds stays as is.
// KEYS: record, expiry, order-ref set. ARGV: id, then the record's fields and values.
var restoreScript = redis.NewScript(luaPrelude + `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
local st = redis.call('HMGET', KEYS[1], 'expires', 'ref')
redis.call('ZADD', KEYS[2], st[1], ARGV[1])
if st[2] ~= '' then redis.call('SADD', KEYS[3], ARGV[1]) end
return 1`)
