package rediscache

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
)

var _ inventory.AlertCache = (*Cache)(nil)

// AlertChannel is the pub/sub channel of a tenant's raised alerts.
func AlertChannel(tenant string) string { return "seam:{" + tenant + "}:alerts" }

func sensorsKey(tenant string) string    { return "seam:{" + tenant + "}:sensors" }
func alertSweepKey(tenant string) string { return "seam:{" + tenant + "}:alerts:sweep" }

// stockChangesPattern matches every tenant's stock channel (Channel).
const stockChangesPattern = "seam:{*}:stock-changes"

// recordSensorScript keeps the latest reading of one pallet's metric as
// "atMillis|value|outSinceMillis": a reading not newer than the kept one changes
// nothing; one outside the zone keeps the start of the run it continues, or starts one.
// KEYS: the tenant's sensors hash. ARGV: field, at (ms), value, out ("1" or "0").
var recordSensorScript = redis.NewScript(`
local cur = redis.call('HGET', KEYS[1], ARGV[1])
local since = ''
if cur then
  local at, _, s = string.match(cur, '^(%-?%d+)|([^|]*)|(%-?%d*)$')
  if at and tonumber(at) >= tonumber(ARGV[2]) then return 0 end
  if s then since = s end
end
if ARGV[4] ~= '1' then
  since = ''
elseif since == '' then
  since = ARGV[2]
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3] .. '|' .. since)
return 1`)

func sensorField(pallet, metric string) string { return pallet + sep + metric }

// RecordSensor implements inventory.AlertCache. The state lives beside live stock,
// shared by every replica (readings of one pallet may reach different ones); it is
// rebuilt by the readings themselves, so after a loss of Redis an excursion in progress
// counts from its next reading.
func (c *Cache) RecordSensor(ctx context.Context, tenant, pallet, metric string, at time.Time, value decimal.Decimal, out bool) error {
	o := "0"
	if out {
		o = "1"
	}
	err := recordSensorScript.Run(ctx, c.rdb, []string{sensorsKey(tenant)},
		sensorField(pallet, metric), at.UnixMilli(), value.String(), o).Err()
	if err != nil {
		return fmt.Errorf("recording %s of pallet %s: %w", metric, pallet, err)
	}
	return nil
}

// SensorStates implements inventory.AlertCache.
func (c *Cache) SensorStates(ctx context.Context, tenant string, pallets []string) (map[string]inventory.PalletSensors, error) {
	out := map[string]inventory.PalletSensors{}
	if len(pallets) == 0 {
		return out, nil
	}
	fields := make([]string, 0, 2*len(pallets))
	for _, p := range pallets {
		fields = append(fields, sensorField(p, inventory.MetricWeight), sensorField(p, inventory.MetricTemperature))
	}
	vals, err := c.rdb.HMGet(ctx, sensorsKey(tenant), fields...).Result()
	if err != nil {
		return nil, fmt.Errorf("reading sensor state: %w", err)
	}
	for i, p := range pallets {
		var ps inventory.PalletSensors
		for j, dst := range []**inventory.SensorState{&ps.Weight, &ps.Temperature} {
			s, ok := vals[2*i+j].(string)
			if !ok {
				continue
			}
			st, err := parseSensorState(s)
			if err != nil {
				return nil, fmt.Errorf("sensor state of pallet %s (%s): %w", p, fields[2*i+j], err)
			}
			*dst = &st
		}
		out[p] = ps
	}
	return out, nil
}

func parseSensorState(s string) (inventory.SensorState, error) {
	parts := strings.Split(s, "|")
	if len(parts) != 3 {
		return inventory.SensorState{}, fmt.Errorf("malformed %q", s)
	}
	at, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return inventory.SensorState{}, fmt.Errorf("time %q: %w", parts[0], err)
	}
	v, err := decimal.NewFromString(parts[1])
	if err != nil {
		return inventory.SensorState{}, fmt.Errorf("value %q: %w", parts[1], err)
	}
	st := inventory.SensorState{At: time.UnixMilli(at).UTC(), Value: v}
	if parts[2] != "" {
		since, err := strconv.ParseInt(parts[2], 10, 64)
		if err != nil {
			return inventory.SensorState{}, fmt.Errorf("excursion start %q: %w", parts[2], err)
		}
		st.OutSince = time.UnixMilli(since).UTC()
	}
	return st, nil
}

// PublishAlert implements inventory.AlertCache.
func (c *Cache) PublishAlert(ctx context.Context, tenant string, a inventory.Alert) error {
	b, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encoding alert %s: %w", a.ID, err)
	}
	if err := c.rdb.Publish(ctx, AlertChannel(tenant), b).Err(); err != nil {
		return fmt.Errorf("publishing alert %s: %w", a.ID, err)
	}
	return nil
}

// SubscribeAlerts delivers the tenant's raised alerts, from every replica, until ctx
// ends; the channel is closed when the subscription ends.
func (c *Cache) SubscribeAlerts(ctx context.Context, tenant string) (<-chan inventory.Alert, error) {
	return listen(ctx, c.rdb.Subscribe(ctx, AlertChannel(tenant)), "alerts", func(m *redis.Message) (inventory.Alert, bool) {
		var a inventory.Alert
		return a, json.Unmarshal([]byte(m.Payload), &a) == nil && a.Tenant == tenant
	})
}

// SubscribeAllStock delivers every tenant's stock changes (a pattern subscription on the
// channels Apply and the reservation scripts announce on), for the alert evaluator.
func (c *Cache) SubscribeAllStock(ctx context.Context) (<-chan inventory.TenantCell, error) {
	return listen(ctx, c.rdb.PSubscribe(ctx, stockChangesPattern), "every stock change", func(m *redis.Message) (inventory.TenantCell, bool) {
		rest, ok := strings.CutPrefix(m.Channel, "seam:{")
		if !ok {
			return inventory.TenantCell{}, false
		}
		tenant, ok := strings.CutSuffix(rest, "}:stock-changes")
		if !ok {
			return inventory.TenantCell{}, false
		}
		var cell ontology.Cell
		if json.Unmarshal([]byte(m.Payload), &cell) != nil {
			return inventory.TenantCell{}, false
		}
		return inventory.TenantCell{Tenant: tenant, Cell: cell}, true
	})
}

// ClaimSweep implements inventory.AlertCache: the first process to ask in a period
// sweeps the tenant.
func (c *Cache) ClaimSweep(ctx context.Context, tenant string, period time.Duration) (bool, error) {
	hold := period * 9 / 10 // the claimer's next sweep must find it free
	ok, err := c.rdb.SetNX(ctx, alertSweepKey(tenant), "1", hold).Result()
	if err != nil {
		return false, fmt.Errorf("claiming the alert sweep of %s: %w", tenant, err)
	}
	return ok, nil
}
