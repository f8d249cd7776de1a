package main

import (
	"log/slog"
	"sort"
)

// LogValue is what a log shows of the configuration: where Seam connects and how it is
// tuned, never a password, token or signing secret; a secret that is set shows as
// REDACTED, so a reader still sees that it is.
func (c Config) LogValue() slog.Value {
	tenants := make([]slog.Attr, 0, len(c.Tenants))
	names := make([]string, 0, len(c.Tenants))
	for n := range c.Tenants {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		systems := make([]string, 0, len(c.Tenants[n].Secrets))
		for s := range c.Tenants[n].Secrets {
			systems = append(systems, s)
		}
		sort.Strings(systems)
		tenants = append(tenants, slog.Any(n, map[string]any{"signedSystems": systems}))
	}
	pulls := make([]string, 0, len(c.Pull))
	for _, p := range c.Pull {
		pulls = append(pulls, p.Tenant+"/"+p.System)
	}
	return slog.GroupValue(
		slog.Group("neo4j", "uri", c.Neo4j.URI, "user", c.Neo4j.User, "password", redacted(string(c.Neo4j.Password)), "database", c.Neo4j.Database),
		slog.Group("redis", "addr", c.Redis.Addr, "password", redacted(string(c.Redis.Password)), "masterName", c.Redis.MasterName),
		slog.Group("mqtt", "url", c.MQTT.URL, "user", c.MQTT.User, "password", redacted(string(c.MQTT.Password)), "clientId", c.MQTT.ClientID),
		slog.Group("http", "addr", c.HTTP.Addr, "publicUrl", c.HTTP.PublicURL, "maxWebhooks", c.HTTP.MaxWebhooks),
		slog.String("webhookSecret", redacted(string(c.WebhookSecret))),
		slog.Any("tenants", slog.GroupValue(tenants...)),
		slog.Any("pull", pulls),
		slog.String("tenantPrefix", c.TenantPrefix),
		slog.String("logLevel", c.LogLevel),
	)
}

// redacted is REDACTED for a secret that is set, empty for one that is not.
func redacted(s string) string {
	if s == "" {
		return ""
	}
	return "REDACTED"
}
