package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/connectors/iot"
	"github.com/seamhub/seam/connectors/mqtt"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

func publisher(t *testing.T, cfg Config) paho.Client {
	t.Helper()
	c := paho.NewClient(paho.NewClientOptions().AddBroker(cfg.MQTT.URL).SetClientID("pub-" + neo4jtest.Tenant(t)))
	if tok := c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("connecting to the broker at %s (start it with make services-up): %v", cfg.MQTT.URL, tok.Error())
	}
	t.Cleanup(func() { c.Disconnect(100) })
	return c
}

func publish(t *testing.T, c paho.Client, topic string, payload []byte) {
	t.Helper()
	if tok := c.Publish(topic, 1, false, payload); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("publishing to %s: %v", topic, tok.Error())
	}
}

// waitDocument polls the store until the document exists.
func waitDocument(t *testing.T, s *Server, key ontology.DocKey) *ontology.StoredDocument {
	t.Helper()
	deadline := time.Now().Add(settle)
	for {
		d, err := s.App.store.Document(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		if d != nil {
			return d
		}
		if time.Now().After(deadline) {
			t.Fatalf("document %s not stored within %s", key, settle)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestMQTTReadingsInEveryFormat(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	group := "grp-" + tenant[len(tenant)-12:]
	cfg.MQTT.Sparkplug = []mqtt.SparkplugGroup{{Group: group, Tenant: tenant}}
	s := startServer(t, cfg)
	waitMQTT(t, s)
	pub := publisher(t, cfg)

	publish(t, pub, "seam/"+tenant+"/sensors/PALLET-0042", []byte(`{"ts":1741054522123,"values":{"weight":512.4,"temperature":4.2}}`))
	d := waitDocument(t, s, ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading", ExternalID: "PALLET-0042@1741054522123"})
	if d.Role != "reading" || d.Via != "mqtt" {
		t.Fatalf("thingsboard reading stored as %+v", d)
	}

	publish(t, pub, "seam/"+tenant+"/sensors/PALLET-0043",
		[]byte(`[{"bn":"urn:dev:mac:0024befffe804ff1:","bt":1741054600,"n":"weight","u":"kg","v":480.1},{"n":"temperature","u":"Cel","v":3.9}]`))
	waitDocument(t, s, ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading", ExternalID: "PALLET-0043@1741054600000"})

	// Sparkplug: the birth names the metrics, the data message carries aliases only.
	birth := iot.EncodeSparkplug(iot.Payload{Timestamp: 1741054700000, Seq: u64(0), Metrics: []iot.Metric{
		{Name: "bdSeq", Datatype: iot.TypeInt64, Kind: iot.KindLong, LongValue: 0},
	}})
	dbirth := iot.EncodeSparkplug(iot.Payload{Timestamp: 1741054700000, Seq: u64(1), Metrics: []iot.Metric{
		{Name: "weight", Alias: u64(1), Datatype: iot.TypeDouble, Kind: iot.KindDouble, DoubleValue: 500},
		{Name: "temperature", Alias: u64(2), Datatype: iot.TypeFloat, Kind: iot.KindFloat, FloatValue: 4},
	}})
	ddata := iot.EncodeSparkplug(iot.Payload{Timestamp: 1741054760000, Seq: u64(2), Metrics: []iot.Metric{
		{Alias: u64(1), Datatype: iot.TypeDouble, Kind: iot.KindDouble, DoubleValue: 498.5},
		{Alias: u64(2), Datatype: iot.TypeFloat, Kind: iot.KindFloat, FloatValue: 4.5},
	}})
	base := "spBv1.0/" + group
	publish(t, pub, base+"/NBIRTH/gw-07", birth)
	publish(t, pub, base+"/DBIRTH/gw-07/PALLET-0044", dbirth)
	publish(t, pub, base+"/DDATA/gw-07/PALLET-0044", ddata)
	d = waitDocument(t, s, ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading", ExternalID: "gw-07/PALLET-0044@1741054760000#2"})
	if d.Format != string(iot.FormatSparkplugB) {
		t.Fatalf("sparkplug reading format %q", d.Format)
	}
}

func waitMQTT(t *testing.T, s *Server) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.App.mqtt == nil || !s.App.mqtt.IsConnectionOpen() {
		if time.Now().After(deadline) {
			t.Fatal("seam did not connect to the broker")
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // the subscription follows the connection
}

// TestMQTTReadingsWhileSeamIsDown: QoS 1 on a persistent session, so readings published
// while Seam is stopped arrive when it returns.
func TestMQTTReadingsWhileSeamIsDown(t *testing.T) {
	cfg := testConfig(t)
	tenant := neo4jtest.Tenant(t)
	s := startServer(t, cfg)
	waitMQTT(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	cancel()
	pub := publisher(t, cfg)
	for i := 0; i < 3; i++ {
		publish(t, pub, "seam/"+tenant+"/sensors/PALLET-9",
			[]byte(fmt.Sprintf(`{"ts":%d,"values":{"weight":%d.5}}`, 1741054522000+int64(i)*1000, 500+i)))
	}
	s2 := startServer(t, cfg) // same client id: the broker kept the session
	for i := 0; i < 3; i++ {
		waitDocument(t, s2, ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading",
			ExternalID: fmt.Sprintf("PALLET-9@%d", 1741054522000+int64(i)*1000)})
	}
}

func u64(v uint64) *uint64 { return &v }

// TestMQTTConfigValidation: the Sparkplug groups' tenants must be valid names and, when
// tenants are listed, listed ones; a listed set of tenants is what the subscriber takes,
// and no list takes any tenant (as before tenant lists applied to MQTT).
func TestMQTTConfigValidation(t *testing.T) {
	cfg := DefaultConfig()
	if cfg.mqttTenants() != nil {
		t.Fatalf("no tenants configured, mqtt tenants %v", cfg.mqttTenants())
	}
	cfg.MQTT.Sparkplug = []mqtt.SparkplugGroup{{Group: "plant-1", Tenant: "acme"}}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("a sparkplug group without a tenant list: %v", err)
	}
	cfg.Tenants = map[string]TenantConfig{"other": {}}
	if got := cfg.mqttTenants(); len(got) != 1 || !got["other"] {
		t.Fatalf("mqtt tenants %v, want [other]", got)
	}
	for _, tc := range []struct {
		group mqtt.SparkplugGroup
		max   int
		want  string
	}{
		{mqtt.SparkplugGroup{Group: "plant-1", Tenant: "acme"}, 0, `tenant "acme" is not listed under tenants`},
		{mqtt.SparkplugGroup{Group: "plant-1", Tenant: "Other"}, 0, `tenant "Other" is not a valid tenant name`},
		{mqtt.SparkplugGroup{Group: "plant/1", Tenant: "other"}, 0, `group "plant/1"`},
		{mqtt.SparkplugGroup{Group: "plant-1", Tenant: "other"}, -1, "mqtt.maxPayload -1"},
	} {
		cfg.MQTT.Sparkplug = []mqtt.SparkplugGroup{tc.group}
		cfg.MQTT.MaxPayload = tc.max
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v maxPayload %d: %v, want an error saying %s", tc.group, tc.max, err, tc.want)
		}
	}
}

// TestMQTTTopicsOfUnlistedTenants: with tenants listed, a reading on another tenant's
// topic is quarantined under mqtt.UnroutedTenant with its topic, never stored as that
// tenant's; a message over mqtt.maxPayload is quarantined as the tenant's; the listed
// tenant's readings are stored.
func TestMQTTTopicsOfUnlistedTenants(t *testing.T) {
	cfg := testConfig(t)
	tenant, other := neo4jtest.Tenant(t), neo4jtest.Tenant(t)
	cfg.Tenants = map[string]TenantConfig{tenant: {}}
	cfg.MQTT.MaxPayload = 512
	s := startServer(t, cfg)
	waitMQTT(t, s)
	pub := publisher(t, cfg)
	marker := tenant[len(tenant)-12:]
	stranger := "seam/" + other + "/sensors/PALLET-" + marker
	publish(t, pub, stranger, []byte(`{"ts":1741054522123,"values":{"weight":1.5}}`))
	big := fmt.Appendf(nil, `{"ts":1741054522123,"values":{"note":"%s"}}`, strings.Repeat("x", 600))
	publish(t, pub, "seam/"+tenant+"/sensors/BIG", big)
	publish(t, pub, "seam/"+tenant+"/sensors/PALLET-1", []byte(`{"ts":1741054522123,"values":{"weight":2.5}}`))
	waitDocument(t, s, ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading", ExternalID: "PALLET-1@1741054522123"})

	find := func(tenant, topic string) ontology.Quarantined {
		t.Helper()
		deadline := time.Now().Add(settle)
		for {
			f := ontology.QuarantineFilter{Tenant: tenant, First: 1000}
			for {
				items, err := s.App.store.QuarantineList(context.Background(), f)
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range items {
					if q.Topic == topic {
						return q
					}
				}
				if len(items) < f.First {
					break
				}
				f.After = items[len(items)-1].ID
			}
			if time.Now().After(deadline) {
				t.Fatalf("nothing from %s quarantined under %s", topic, tenant)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	q := find(mqtt.UnroutedTenant, stranger)
	if q.Problems[0].Rule != "route" || !strings.Contains(q.Problems[0].Message, "not configured") {
		t.Fatalf("reason of a reading for an unlisted tenant: %+v", q.Problems)
	}
	q = find(tenant, "seam/"+tenant+"/sensors/BIG")
	if q.Problems[0].Rule != "size" || len(q.Raw) != 512 {
		t.Fatalf("a message over mqtt.maxPayload: %d bytes kept, %+v", len(q.Raw), q.Problems)
	}

	// Once the tenant is listed, a replay of the unrouted items routes the reading by
	// its topic and stores it as that tenant's, its device taken from the topic.
	cfg.Tenants[other] = TenantConfig{}
	var out bytes.Buffer
	if err := runQuarantine(context.Background(), cfg, slog.New(slog.DiscardHandler), []string{"replay", "--tenant", mqtt.UnroutedTenant}, &out); err != nil {
		t.Fatal(err)
	}
	waitDocument(t, s, ontology.DocKey{Tenant: other, System: "iot", Type: "reading", ExternalID: "PALLET-" + marker + "@1741054522123"})
	q = find(mqtt.UnroutedTenant, stranger)
	if q.Status != "replayed" {
		t.Fatalf("the unrouted item after its replay: %+v (%s)", q, out.String())
	}
}
