package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// TestReplicasShareSensorTopics: two replicas with their own client ids and one share
// group split the JSON sensor readings between them; every reading is stored once.
func TestReplicasShareSensorTopics(t *testing.T) {
	tenant := neo4jtest.Tenant(t)
	cfgA, cfgB := testConfig(t), testConfig(t)
	if cfgA.MQTT.ClientID == cfgB.MQTT.ClientID {
		t.Fatal("the two replicas need their own client ids")
	}
	group := "g" + tenant[len(tenant)-12:]
	cfgA.MQTT.ShareGroup, cfgB.MQTT.ShareGroup = group, group
	a, b := startServer(t, cfgA), startServer(t, cfgB)
	waitMQTT(t, a)
	waitMQTT(t, b)
	pub := publisher(t, cfgA)
	const n = 20
	for i := 0; i < n; i++ {
		publish(t, pub, "seam/"+tenant+"/sensors/PALLET-7",
			[]byte(fmt.Sprintf(`{"ts":%d,"values":{"weight":%d.5}}`, 1741054522000+int64(i)*1000, 400+i)))
	}
	for i := 0; i < n; i++ {
		waitDocument(t, a, ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading",
			ExternalID: fmt.Sprintf("PALLET-7@%d", 1741054522000+int64(i)*1000)})
	}
	took := func(s *Server) float64 {
		return testutil.ToFloat64(s.App.metrics.documents.WithLabelValues("iot", "reading", "mqtt", "new")) +
			testutil.ToFloat64(s.App.metrics.documents.WithLabelValues("iot", "reading", "mqtt", "duplicate"))
	}
	ta, tb := took(a), took(b)
	if ta+tb != n || ta == 0 || tb == 0 {
		t.Fatalf("replica A took %v readings and B %v; want the %d split between both, none twice", ta, tb, n)
	}
}

// TestServersOfTwoPrefixesInOneShareGroup: two servers configured with one share group
// but different tenant prefixes (two deployments sharing a broker) each take every
// reading of their own tenants; in one broker group, each would have been handed about
// half of the other's and left them.
func TestServersOfTwoPrefixesInOneShareGroup(t *testing.T) {
	prefix := neo4jtest.TenantPrefix(t)
	cfgA, cfgB := testConfig(t), testConfig(t)
	cfgA.TenantPrefix, cfgB.TenantPrefix = prefix+"-a", prefix+"-b"
	group := "g" + neo4jtest.Tenant(t)[len(prefix)+1:]
	cfgA.MQTT.ShareGroup, cfgB.MQTT.ShareGroup = group, group
	a, b := startServer(t, cfgA), startServer(t, cfgB)
	waitMQTT(t, a)
	waitMQTT(t, b)
	suffix := neo4jtest.Tenant(t)[len(prefix):]
	tenants := map[*Server]string{a: cfgA.TenantPrefix + suffix, b: cfgB.TenantPrefix + suffix}
	pub := publisher(t, cfgA)
	const n = 12
	for i := 0; i < n; i++ {
		for _, tenant := range tenants {
			publish(t, pub, "seam/"+tenant+"/sensors/PALLET-9",
				[]byte(fmt.Sprintf(`{"ts":%d,"values":{"weight":%d.5}}`, 1741054522000+int64(i)*1000, 400+i)))
		}
	}
	for s, tenant := range tenants {
		for i := 0; i < n; i++ {
			waitDocument(t, s, ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading",
				ExternalID: fmt.Sprintf("PALLET-9@%d", 1741054522000+int64(i)*1000)})
		}
	}
	env := map[string]string{"SEAM_MQTT_SHARE_GROUP": "seam", "SEAM_TENANT_PREFIX": "a/b"}
	if _, err := LoadConfig(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "tenantPrefix") {
		t.Fatalf("a prefix with a slash beside a share group: %v", err)
	}
}

// TestServeWithoutBroker: with SEAM_MQTT_URL=off, Seam is ready without any broker and
// says so on /readyz.
func TestServeWithoutBroker(t *testing.T) {
	cfg := testConfig(t)
	cfg.MQTT.URL = "off"
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, cfg)
	resp, err := http.Get("http://" + s.Addr + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var r struct {
		Ready bool
		MQTT  map[string]any `json:"mqtt"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !r.Ready || r.MQTT["disabled"] != true {
		t.Fatalf("/readyz without a broker: %d %s", resp.StatusCode, body)
	}
	if s.App.mqtt != nil {
		t.Fatal("an mqtt client was created although mqtt is off")
	}
}

func TestLogFormatAndClientIDSettings(t *testing.T) {
	env := map[string]string{"SEAM_LOG_FORMAT": "json", "SEAM_MQTT_SHARE_GROUP": "seam"}
	cfg, err := LoadConfig(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.LogFormat != "json" || cfg.MQTT.ShareGroup != "seam" || !strings.HasPrefix(cfg.MQTT.ClientID, "seam") {
		t.Fatalf("config = %+v", cfg.MQTT)
	}
	env["SEAM_LOG_FORMAT"] = "xml"
	if _, err := LoadConfig(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "SEAM_LOG_FORMAT") {
		t.Fatalf("a bad log format: %v", err)
	}
	env["SEAM_LOG_FORMAT"], env["SEAM_MQTT_SHARE_GROUP"] = "text", "a/b"
	if _, err := LoadConfig(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "shareGroup") {
		t.Fatalf("a share group with a slash: %v", err)
	}
	for host, want := range map[string]string{"pod-7f9c": "seam-pod-7f9c", "a.very.long.host-name.example.com": "seam-averylonghost-name"} {
		if got := defaultClientID(func() (string, error) { return host, nil }); got != want {
			t.Errorf("client id for host %q = %q, want %q", host, got, want)
		}
	}
}

func TestNearCacheSetting(t *testing.T) {
	env := map[string]string{}
	load := func() (Config, error) { return LoadConfig(func(k string) string { return env[k] }) }
	cfg, err := load()
	if err != nil || !cfg.Redis.NearCache {
		t.Fatalf("default: near cache %v, %v; want on", cfg.Redis.NearCache, err)
	}
	env["SEAM_REDIS_NEAR_CACHE"] = "false"
	if cfg, err = load(); err != nil || cfg.Redis.NearCache {
		t.Fatalf("SEAM_REDIS_NEAR_CACHE=false: near cache %v, %v; want off", cfg.Redis.NearCache, err)
	}
	env["SEAM_REDIS_NEAR_CACHE"] = "sometimes"
	if _, err := load(); err == nil || !strings.Contains(err.Error(), "SEAM_REDIS_NEAR_CACHE") {
		t.Fatalf("a bad value: %v", err)
	}
}

func TestServerCommandsTuneTheCollector(t *testing.T) {
	for args, want := range map[string]bool{"serve": true, "demo --days 7": true, "bench stock --reads 100": true,
		"bench parties --sets febrl4": true, "parties train --tenant t": true, "parties confirm": false,
		"bench ingest": false, "ingest --dir x": false, "bench": false, "parties": false, "": false} {
		if got := hostsServer(strings.Fields(args)); got != want {
			t.Errorf("hostsServer(%q) = %v, want %v", args, got, want)
		}
	}
}
