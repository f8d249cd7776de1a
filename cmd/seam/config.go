package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/seamhub/seam/connectors/mqtt"
	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/inventory/predict"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/ontology/apikey"
	"github.com/seamhub/seam/resolver"
)

// Config is everything Seam reads at start. Precedence: flags, then SEAM_* environment
// variables, then the YAML file named by SEAM_CONFIG, then the loopback defaults.
type Config struct {
	Neo4j struct {
		URI      string            `yaml:"uri"`
		User     string            `yaml:"user"`
		Password neo4jstore.Secret `yaml:"password"`
		Database string            `yaml:"database"`
	} `yaml:"neo4j"`
	Redis struct {
		// Addr is host:port, or several comma-separated for a Redis Cluster.
		Addr     string            `yaml:"addr"`
		Password neo4jstore.Secret `yaml:"password"`
		// MasterName selects Sentinel mode when set.
		MasterName string `yaml:"masterName"`
		// NearCache keeps the GraphQL stock query's answers in this process's memory,
		// invalidated by Redis itself (RESP3 client tracking), so that a repeated read
		// costs no round trip. On by default; it applies to a single Redis (not Cluster
		// or Sentinel, where reads always go to Redis). See rediscache.Near.
		NearCache bool `yaml:"nearCache"`
	} `yaml:"redis"`
	MQTT struct {
		URL      string            `yaml:"url"`
		User     string            `yaml:"user"`
		Password neo4jstore.Secret `yaml:"password"`
		// ClientID names Seam's persistent session at the broker. Replicas need
		// distinct ids (the broker disconnects a second client with the same id), so the
		// default is "seam-" and the host name, stable across restarts of one replica
		// so that its session and what the broker queued for it survive.
		ClientID string `yaml:"clientId"`
		// ShareGroup, when set, subscribes to the JSON sensor topics through the shared
		// subscription $share/{group}/...: replicas with the same group split those
		// messages between them instead of each storing all of them. Empty (the
		// default) subscribes every replica to everything, stored once all the same
		// (the document key dedups). It is off by default because Mosquitto 2.0 does
		// not queue shared-subscription messages for a persistent session that
		// disconnected cleanly: readings published while every replica is stopped
		// would be lost, which a plain subscription never does. Sparkplug topics are
		// never shared; see connectors/mqtt.
		// With a tenantPrefix, the group the server joins is this one, a dot and the
		// prefix (see Config.shareGroup).
		ShareGroup string `yaml:"shareGroup"`
		// Sparkplug maps Sparkplug B group ids to tenants.
		Sparkplug []mqtt.SparkplugGroup `yaml:"sparkplug"`
		// MaxPayload is the largest sensor message taken, in bytes (0: 256 KiB). A
		// larger one is quarantined (its first MaxPayload bytes kept), not decoded.
		MaxPayload int `yaml:"maxPayload"`
	} `yaml:"mqtt"`
	HTTP struct {
		Addr string `yaml:"addr"`
		// PublicURL is how senders reach Seam (for Square's URL-bound signature).
		PublicURL string `yaml:"publicUrl"`
		// MaxWebhooks bounds the webhook requests served at once (0: 32); more are
		// answered 429 with Retry-After, which providers retry. Each one holds a Neo4j
		// write, so this keeps a flood from queueing more than the store can take.
		MaxWebhooks int `yaml:"maxWebhooks"`
		// InlineResolution stores a webhook's few documents and resolves them in one
		// Neo4j transaction, in the request, instead of storing them and leaving them to
		// the worker: one commit and one hand-over fewer between an order and its
		// subscribers. On by default; a tenant holding channel reservations, a large
		// delivery and any failure take the ordinary way. See inlineStore.
		InlineResolution bool `yaml:"inlineResolution"`
		// InlineBudget bounds a webhook's resolution in its request (0: 1 s), and
		// never more than half the request's own time: past it the documents are stored
		// the ordinary way, for the worker. An idle tenant's takes a few milliseconds; a
		// host that is often saturated may give it more.
		InlineBudget time.Duration `yaml:"inlineBudget"`
	} `yaml:"http"`
	// WebhookSecret, when set, signs every tenant's and system's webhooks: for local use.
	WebhookSecret neo4jstore.Secret `yaml:"webhookSecret"`
	// Tenants holds per-tenant settings, by tenant name.
	Tenants map[string]TenantConfig `yaml:"tenants"`
	// Locations declares which system code names which canonical location.
	Locations []resolver.LocationAlias `yaml:"locations"`
	// Products declares which system item code names which canonical SKU.
	Products []resolver.ProductAlias `yaml:"products"`
	// TenantPrefix, when set, limits the tenants this process's worker takes up from the
	// store's pending work to those whose name starts with it: several deployments (or
	// test runs) sharing one database resolve only their own tenants. Work this
	// process's own intake stores is always resolved. It bounds the alert and
	// reservation sweeps too, and the MQTT readings taken: another tenant's topic (or one
	// naming no valid tenant) is acknowledged and left to its server.
	TenantPrefix string `yaml:"tenantPrefix"`
	// PartyModelPins pins a tenant's party model to a stored version ("v3"): training
	// a new one does not change what that tenant's parties are scored with.
	PartyModelPins map[string]string `yaml:"partyModelPins"`
	// PartyOneToOne lists the tenants ("*" for all) whose party matching is one-to-one
	// per source: one storefront account is one customer (resolver.SetPartyOneToOne).
	PartyOneToOne []string `yaml:"partyOneToOne"`
	// LocationLearning says how many business actions joining a code no alias names with
	// another location propose the alias.
	LocationLearning resolver.LocationLearning `yaml:"locationLearning"`
	// NoteFields restricts the free-text fields searched for other systems' identifiers
	// in one source's documents (all the mapping declares, by default).
	NoteFields []resolver.NoteFields `yaml:"noteFields"`
	// Recipes declares what products made to order consume.
	Recipes []resolver.Recipe `yaml:"recipes"`
	// SafetyHolds keep stock back from reservations, by tenant: a product at a location
	// (any location when empty), in a lot (any when empty).
	SafetyHolds inventory.HoldTable `yaml:"safetyHolds"`
	// Zones name each location's temperature zone, by tenant and location; stock rows
	// show it.
	Zones inventory.ZoneTable `yaml:"zones"`
	// Alerts holds each tenant's alert settings: thresholds, pallets, lots, zones and
	// the defaults (see the README's "Alerts"). Only the tenants named have alerts; an
	// empty entry turns on the stock rules with figures from consumption.
	Alerts map[string]inventory.AlertConfig `yaml:"alerts"`
	// AlertSweep is how often products are evaluated though their stock did not move
	// (0: 30 s): projections, expiry and excursions change as time passes.
	AlertSweep time.Duration `yaml:"alertSweep"`
	// Forecasts holds each tenant's stocking policies as settings in the sandbox's form
	// ("leadTime.*=3d", "safetyStock.BREAD=48h", "unitCost.BREAD=0.80 EUR"); see the
	// README's "Forecasts and proposals". Tenants not named get the default policy.
	Forecasts map[string][]string `yaml:"forecasts"`
	// ForecastEvery, when set, makes serve refresh the forecasts and order proposals of
	// every tenant (with the tenant prefix) this often. 0, the default, leaves it to
	// `seam forecast --tenant T`.
	ForecastEvery time.Duration `yaml:"forecastEvery"`
	// Pull lists the partner APIs to poll.
	Pull []PullConfig `yaml:"pull"`
	// Mappings is a folder of partner mapping files (YAML) loaded over the built-ins.
	Mappings string `yaml:"mappings"`
	// LogLevel is debug, info, warn or error.
	LogLevel string `yaml:"logLevel"`
	// LogFormat is text (default, for people) or json (one object per line, for log
	// collectors).
	LogFormat string `yaml:"logFormat"`
	// KeyCacheTTL is how long a server trusts an API key it has read (0: 10 s). A key
	// revoked with `seam keys revoke` stops working in running servers within it.
	KeyCacheTTL time.Duration `yaml:"keyCacheTTL"`
	// Finance holds reconciliation's tolerances, agreed payment terms and the bounds of
	// the contract-drift breaker.
	Finance FinanceConfig `yaml:"finance"`
}

// mqttOff are the values of mqtt.url (SEAM_MQTT_URL) that run Seam without a broker.
var mqttOff = map[string]bool{"off": true, "none": true, "disabled": true}

// MQTTEnabled reports whether a broker is configured. Without one Seam takes no sensor
// readings, and readiness does not wait for a broker.
func (c Config) MQTTEnabled() bool { return !mqttOff[strings.ToLower(c.MQTT.URL)] }

// mqttTenants are the tenants whose sensor topics Seam takes: those the configuration
// lists (tenants), or nil, which takes any validly named tenant, when it lists none.
//
// The tenant of a reading comes from its topic, seam/{tenant}/sensors/{device}, and
// anyone the broker lets publish there names it. A deployment that lists its tenants
// gets only those (a message for another is quarantined under mqtt.UnroutedTenant, never
// stored as a new tenant's); one that lists none keeps taking every tenant, as before
// this check existed, and should confine publishers with the broker's ACL instead
// (Mosquitto: `pattern write seam/%u/sensors/+`, the user name being the tenant).
func (c Config) mqttTenants() map[string]bool {
	if len(c.Tenants) == 0 {
		return nil
	}
	out := make(map[string]bool, len(c.Tenants))
	for t := range c.Tenants {
		out[t] = true
	}
	return out
}

// TenantConfig is one tenant's settings.
type TenantConfig struct {
	// Secrets are the webhook signing secrets by system name.
	Secrets map[string]neo4jstore.Secret `yaml:"secrets"`
	// TimeZone is where the tenant's days end (an IANA name such as Asia/Shanghai):
	// its demand days, forecasts, proposals' days and sandbox periods follow it, and a
	// signal's date is that local day. Empty is UTC.
	TimeZone string `yaml:"timeZone"`
}

// timeZone is a tenant's configured time zone, nil when none is (or, which Validate
// has already refused, it cannot be loaded).
func (c Config) timeZone(tenant string) *time.Location {
	t, ok := c.Tenants[tenant]
	if !ok || t.TimeZone == "" {
		return nil
	}
	tz, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		return nil
	}
	return tz
}

// DefaultConfig is the loopback set-up that `make services-up` starts.
func DefaultConfig() Config {
	var c Config
	c.Neo4j.URI = "bolt://127.0.0.1:7687"
	c.Redis.Addr = "127.0.0.1:6379"
	c.Redis.NearCache = true
	c.MQTT.URL = "tcp://127.0.0.1:1883"
	c.MQTT.ClientID = defaultClientID(os.Hostname)
	c.HTTP.Addr = "127.0.0.1:8080"
	c.HTTP.InlineResolution = true
	c.LogLevel = "info"
	c.LogFormat = "text"
	c.LocationLearning = resolver.DefaultLocationLearning()
	c.Finance = DefaultFinanceConfig()
	return c
}

// defaultClientID is "seam-" and the host name, cut to the 23 characters every MQTT
// 3.1.1 broker must accept, with characters outside [0-9A-Za-z-] dropped.
func defaultClientID(hostname func() (string, error)) string {
	h, err := hostname()
	if err != nil || h == "" {
		return "seam"
	}
	var b strings.Builder
	b.WriteString("seam-")
	for _, r := range h {
		if b.Len() >= 23 {
			break
		}
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// LoadConfig reads the file named by SEAM_CONFIG (if any) over the defaults, then the
// environment over that.
func LoadConfig(getenv func(string) string) (Config, error) {
	c := DefaultConfig()
	if path := getenv("SEAM_CONFIG"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("reading config: %w", err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) { // an empty file is fine
			return c, fmt.Errorf("config %s: %w", path, err)
		}
	}
	set := func(dst *string, name string) {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	set(&c.Neo4j.URI, "SEAM_NEO4J_URI")
	set(&c.Neo4j.User, "SEAM_NEO4J_USER")
	set((*string)(&c.Neo4j.Password), "SEAM_NEO4J_PASSWORD")
	set(&c.Neo4j.Database, "SEAM_NEO4J_DATABASE")
	set(&c.Redis.Addr, "SEAM_REDIS_ADDR")
	set((*string)(&c.Redis.Password), "SEAM_REDIS_PASSWORD")
	set(&c.Redis.MasterName, "SEAM_REDIS_MASTER")
	if v := getenv("SEAM_REDIS_NEAR_CACHE"); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("SEAM_REDIS_NEAR_CACHE=%q: want true or false", v)
		}
		c.Redis.NearCache = on
	}
	set(&c.MQTT.URL, "SEAM_MQTT_URL")
	set(&c.MQTT.User, "SEAM_MQTT_USER")
	set((*string)(&c.MQTT.Password), "SEAM_MQTT_PASSWORD")
	set(&c.MQTT.ClientID, "SEAM_MQTT_CLIENT_ID")
	set(&c.MQTT.ShareGroup, "SEAM_MQTT_SHARE_GROUP")
	set(&c.HTTP.Addr, "SEAM_HTTP_ADDR")
	set(&c.HTTP.PublicURL, "SEAM_PUBLIC_URL")
	set((*string)(&c.WebhookSecret), "SEAM_WEBHOOK_SECRET")
	set(&c.Mappings, "SEAM_MAPPINGS")
	set(&c.LogLevel, "SEAM_LOG_LEVEL")
	set(&c.LogFormat, "SEAM_LOG_FORMAT")
	set(&c.TenantPrefix, "SEAM_TENANT_PREFIX")
	if v := getenv("SEAM_INLINE_RESOLUTION"); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("SEAM_INLINE_RESOLUTION=%q: want true or false", v)
		}
		c.HTTP.InlineResolution = on
	}
	if v := getenv("SEAM_WEBHOOK_MAX_INFLIGHT"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return c, fmt.Errorf("SEAM_WEBHOOK_MAX_INFLIGHT %q: want a whole number", v)
		}
		c.HTTP.MaxWebhooks = n
	}
	return c, c.Validate()
}

// Validate reports settings that cannot work, naming the setting.
func (c Config) Validate() error {
	var errs []error
	if c.Neo4j.URI == "" {
		errs = append(errs, errors.New("neo4j.uri (SEAM_NEO4J_URI) is empty"))
	} else if !strings.Contains(c.Neo4j.URI, "://") {
		errs = append(errs, fmt.Errorf("neo4j.uri (SEAM_NEO4J_URI) %q needs a scheme: bolt://, neo4j:// or neo4j+s://", c.Neo4j.URI))
	}
	if c.Redis.Addr == "" {
		errs = append(errs, errors.New("redis.addr (SEAM_REDIS_ADDR) is empty"))
	}
	if c.MQTT.URL == "" {
		errs = append(errs, errors.New("mqtt.url (SEAM_MQTT_URL) is empty; set it to off to run without a broker"))
	}
	if c.MQTTEnabled() && c.MQTT.ClientID == "" {
		errs = append(errs, errors.New("mqtt.clientId (SEAM_MQTT_CLIENT_ID) is empty"))
	}
	if err := c.Finance.Validate(); err != nil {
		errs = append(errs, err)
	}
	if strings.ContainsAny(c.MQTT.ShareGroup, "/+#") {
		errs = append(errs, fmt.Errorf("mqtt.shareGroup (SEAM_MQTT_SHARE_GROUP) %q may not hold /, + or #", c.MQTT.ShareGroup))
	}
	if c.MQTT.ShareGroup != "" && strings.ContainsAny(c.TenantPrefix, "/+#") {
		errs = append(errs, fmt.Errorf("tenantPrefix (SEAM_TENANT_PREFIX) %q may not hold /, + or # beside mqtt.shareGroup: it names the broker's share group", c.TenantPrefix))
	}
	if c.MQTT.MaxPayload < 0 {
		errs = append(errs, fmt.Errorf("mqtt.maxPayload %d: want 0 (256 KiB) or more bytes", c.MQTT.MaxPayload))
	}
	allowed := c.mqttTenants()
	for _, g := range c.MQTT.Sparkplug {
		switch {
		case g.Group == "" || strings.ContainsAny(g.Group, "/+#"):
			errs = append(errs, fmt.Errorf("mqtt.sparkplug group %q: want a non-empty group id without /, + or #", g.Group))
		case !apikey.ValidTenant(g.Tenant):
			errs = append(errs, fmt.Errorf("mqtt.sparkplug group %s: tenant %q is not a valid tenant name", g.Group, g.Tenant))
		case allowed != nil && !allowed[g.Tenant]:
			errs = append(errs, fmt.Errorf("mqtt.sparkplug group %s: tenant %q is not listed under tenants", g.Group, g.Tenant))
		}
	}
	if c.LocationLearning.MinLinks < 1 {
		errs = append(errs, fmt.Errorf("locationLearning.minLinks %d: want 1 or more", c.LocationLearning.MinLinks))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("logFormat (SEAM_LOG_FORMAT) %q: want text or json", c.LogFormat))
	}
	if c.HTTP.MaxWebhooks < 0 {
		errs = append(errs, fmt.Errorf("http.maxWebhooks (SEAM_WEBHOOK_MAX_INFLIGHT) %d: want 0 (the default) or more", c.HTTP.MaxWebhooks))
	}
	if c.HTTP.Addr == "" {
		errs = append(errs, errors.New("http.addr (SEAM_HTTP_ADDR) is empty"))
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		errs = append(errs, err)
	}
	if err := c.SafetyHolds.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("safetyHolds: %w", err))
	}
	for tenant, settings := range c.Forecasts {
		if _, err := predict.ParsePolicies(settings); err != nil {
			errs = append(errs, fmt.Errorf("forecasts of tenant %s: %w", tenant, err))
		}
	}
	for tenant, t := range c.Tenants {
		if t.TimeZone == "" {
			continue
		}
		if _, err := time.LoadLocation(t.TimeZone); err != nil {
			errs = append(errs, fmt.Errorf("tenants.%s.timeZone %q: want an IANA time zone such as Asia/Shanghai: %w", tenant, t.TimeZone, err))
		}
	}
	if c.ForecastEvery < 0 {
		errs = append(errs, fmt.Errorf("forecastEvery %s: want 0 (off) or more", c.ForecastEvery))
	}
	for tenant, a := range c.Alerts {
		if err := a.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("alerts of tenant %s: %w", tenant, err))
		}
	}
	return errors.Join(errs...)
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, fmt.Errorf("logLevel (SEAM_LOG_LEVEL) %q: want debug, info, warn or error", s)
	}
	return l, nil
}

// Secret implements webhook.Secrets: the tenant's own secret for a system, else the
// shared development secret.
func (c Config) Secret(tenant, system string) ([]byte, bool) {
	if t, ok := c.Tenants[tenant]; ok {
		if s, ok := t.Secrets[system]; ok && s != "" {
			return []byte(s), true
		}
	}
	if c.WebhookSecret != "" {
		return []byte(c.WebhookSecret), true
	}
	return nil, false
}

// shareGroup is the broker's share group this server joins: the configured one, and with
// a tenant prefix that prefix after a dot. The broker hands each reading to one member
// of a group, and a member outside the reading's prefix acknowledges and leaves it: in
// one group, servers of different prefixes would lose each other's readings. Replicas of
// one prefix still split them; servers of different prefixes each get every reading and
// keep their own tenants'.
func (c Config) shareGroup() string {
	if c.MQTT.ShareGroup == "" || c.TenantPrefix == "" {
		return c.MQTT.ShareGroup
	}
	return c.MQTT.ShareGroup + "." + c.TenantPrefix
}
