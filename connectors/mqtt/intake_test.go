package mqtt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/neo4jstore"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// These tests run a Subscriber as `seam serve` does: a client with manual
// acknowledgement and ordered delivery on the real broker, the real intake and the real
// Neo4j store. Each subscribes only to its own tenants' topics. Other processes on the
// shared broker (a test's `seam serve`) may take the same messages and store them too,
// so what this subscriber did is read from what passed through it (recorder), not from
// the store's document counts.

// brokerURL is the broker the tests use: SEAM_MQTT_URL or the loopback default.
func brokerURL() string {
	if u := os.Getenv("SEAM_MQTT_URL"); u != "" {
		return u
	}
	return "tcp://127.0.0.1:1883"
}

// rig is a subscriber wired to the real store and broker.
type rig struct {
	t      *testing.T
	tenant string
	store  *neo4jstore.Store
	intake *connectors.Intake
	sub    *Subscriber
	rec    *recorder
	pub    paho.Client
}

// recorder notes the topics of the payloads the intake took from this subscriber.
type recorder struct {
	Accepter
	mu     sync.Mutex
	stored map[string]int
}

func (r *recorder) Accept(ctx context.Context, ps []connectors.Payload) (connectors.Result, error) {
	res, err := r.Accepter.Accept(ctx, ps)
	if err == nil {
		r.mu.Lock()
		for _, p := range ps {
			r.stored[p.Topic]++
		}
		r.mu.Unlock()
	}
	return res, err
}

func (r *recorder) times(topic string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stored[topic]
}

// waitStored waits until this subscriber has stored a message of every topic. The bound
// is generous: it only keeps a broken test from hanging, it measures nothing.
func (r *rig) waitStored(topics ...string) {
	r.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for _, topic := range topics {
		for r.rec.times(topic) == 0 {
			if time.Now().After(deadline) {
				r.t.Fatalf("no message of %s stored by the subscriber", topic)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// newRig builds the store and intake; wrap, when set, stands between the subscriber and
// the intake. Call start to connect once the subscriber's settings are made.
func newRig(t *testing.T, wrap func(*connectors.Intake) Accepter) *rig {
	t.Helper()
	store := neo4jtest.Open(t)
	r := &rig{t: t, tenant: neo4jtest.Tenant(t), store: store}
	r.intake = connectors.NewIntake(NewReadings(), ontology.NewValidator(), store, nil)
	var in Accepter = r.intake
	if wrap != nil {
		in = wrap(r.intake)
	}
	r.rec = &recorder{Accepter: in, stored: map[string]int{}}
	ctx, cancel := context.WithCancel(context.Background())
	r.sub = NewSubscriber(ctx, r.rec, nil, nil)
	r.sub.Retry = 20 * time.Millisecond
	r.sub.Transient = neo4jstore.IsTransient
	// Stop the subscriber before the store closes (cleanups run last registered first).
	t.Cleanup(func() { cancel(); r.sub.Wait() })
	return r
}

// start connects the subscriber's client to filters and a publisher.
func (r *rig) start(filters ...string) {
	t := r.t
	t.Helper()
	id := "mqtt-test-" + r.tenant[len(r.tenant)-12:]
	c := paho.NewClient(paho.NewClientOptions().AddBroker(brokerURL()).SetClientID(id).
		SetCleanSession(true).SetOrderMatters(true).SetAutoAckDisabled(true))
	if tok := c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("connecting to the broker at %s (start it with make services-up): %v", brokerURL(), tok.Error())
	}
	t.Cleanup(func() { c.Disconnect(100) })
	subs := map[string]byte{}
	for _, f := range filters {
		subs[f] = 1
	}
	if tok := c.SubscribeMultiple(subs, func(_ paho.Client, m paho.Message) { r.sub.Dispatch(m) }); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("subscribing to %v: %v", filters, tok.Error())
	}
	r.pub = paho.NewClient(paho.NewClientOptions().AddBroker(brokerURL()).SetClientID("pub-" + id))
	if tok := r.pub.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("connecting the publisher: %v", tok.Error())
	}
	t.Cleanup(func() { r.pub.Disconnect(100) })
}

func (r *rig) publish(topic string, payload []byte) {
	r.t.Helper()
	if tok := r.pub.Publish(topic, 1, false, payload); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		r.t.Fatalf("publishing to %s: %v", topic, tok.Error())
	}
}

// reading is a ThingsBoard telemetry payload.
func reading(ms int64, weight int) []byte {
	return fmt.Appendf(nil, `{"ts":%d,"values":{"weight":%d.5}}`, ms, weight)
}

// quarantined lists the items of a tenant whose topic holds marker.
func (r *rig) quarantined(tenant, marker string) []ontology.Quarantined {
	r.t.Helper()
	var out []ontology.Quarantined
	f := ontology.QuarantineFilter{Tenant: tenant, First: 1000}
	for {
		items, err := r.store.QuarantineList(context.Background(), f)
		if err != nil {
			r.t.Fatal(err)
		}
		for _, q := range items {
			if strings.Contains(q.Topic, marker) {
				out = append(out, q)
			}
		}
		if len(items) < f.First {
			return out
		}
		f.After = items[len(items)-1].ID
	}
}

// waitQuarantined waits until a tenant holds n items whose topic holds marker.
func (r *rig) waitQuarantined(tenant, marker string, n int) []ontology.Quarantined {
	r.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		items := r.quarantined(tenant, marker)
		if len(items) == n {
			return items
		}
		if len(items) > n || time.Now().After(deadline) {
			r.t.Fatalf("tenant %s: %d items quarantined from topics with %q, want %d", tenant, len(items), marker, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestPoisonTopicsDoNotStallTheSession: more messages than the broker lets be in flight
// unacknowledged (Mosquitto: 20) arrive on topics no tenant may own (an empty tenant or
// device level, a tenant name the rule refuses, a tenant the configuration does not
// list). Each is quarantined with its topic and bytes and acknowledged, so the readings
// published after them are still delivered and stored.
func TestPoisonTopicsDoNotStallTheSession(t *testing.T) {
	r := newRig(t, nil)
	other := neo4jtest.Tenant(t)
	upper := strings.ToUpper(r.tenant)
	r.sub.Tenants = map[string]bool{r.tenant: true}
	marker := r.tenant[len(r.tenant)-12:]
	r.start("seam/"+r.tenant+"/sensors/+", "seam//sensors/"+marker, "seam/"+upper+"/sensors/+", "seam/"+other+"/sensors/+")

	for i := range 25 {
		r.publish("seam//sensors/"+marker, reading(1741054522000+int64(i), i))
	}
	r.publish("seam/"+upper+"/sensors/PALLET-"+marker, reading(1741054523000, 1))
	r.publish("seam/"+other+"/sensors/PALLET-"+marker, reading(1741054524000, 1))
	for i := range 3 {
		r.publish("seam/"+r.tenant+"/sensors/", reading(1741054525000+int64(i), i))
	}
	var good []string
	for i := range 5 {
		good = append(good, fmt.Sprintf("seam/%s/sensors/PALLET-%d", r.tenant, i))
		r.publish(good[i], reading(1741054526000, i))
	}
	r.waitStored(good...)

	unrouted := r.waitQuarantined(UnroutedTenant, marker, 27)
	for _, q := range unrouted {
		if q.Via != "mqtt" || q.Problems[0].Rule != "route" || !bytes.HasPrefix(q.Raw, []byte(`{"ts":`)) {
			t.Fatalf("quarantined under %s: %+v", UnroutedTenant, q)
		}
	}
	byTopic := map[string]int{}
	for _, q := range unrouted {
		byTopic[q.Topic]++
	}
	if byTopic["seam//sensors/"+marker] != 25 || byTopic["seam/"+upper+"/sensors/PALLET-"+marker] != 1 || byTopic["seam/"+other+"/sensors/PALLET-"+marker] != 1 {
		t.Fatalf("quarantined topics: %v", byTopic)
	}
	// The tenant's own message without a device stays the tenant's to see.
	own := r.waitQuarantined(r.tenant, "seam/"+r.tenant+"/sensors/", 3)
	if !strings.Contains(own[0].Problems[0].Message, "empty device level") {
		t.Fatalf("reason of a topic without a device: %+v", own[0].Problems)
	}
	if n := r.rec.times("seam/" + other + "/sensors/PALLET-" + marker); n != 0 {
		t.Fatalf("a reading of an unconfigured tenant was stored %d times", n)
	}
}

// TestOtherServersTenantsAreLeftToThem: a server with a tenant prefix sharing a broker
// with others acknowledges the readings of tenants outside its prefix and counts them,
// without storing or quarantining them (more of them than the broker's in-flight window
// do not stall the session), while its own tenants' readings are stored.
func TestOtherServersTenantsAreLeftToThem(t *testing.T) {
	r := newRig(t, nil)
	r.sub.TenantPrefix = r.tenant[:len(r.tenant)-4]
	foreign := "x" + r.tenant // a valid name, outside the prefix
	marker := r.tenant[len(r.tenant)-12:]
	r.start("seam/"+r.tenant+"/sensors/+", "seam/"+foreign+"/sensors/+", "seam//sensors/"+marker)
	for i := range 24 {
		r.publish("seam/"+foreign+"/sensors/PALLET-"+marker, reading(1741054522000+int64(i), i))
	}
	// No tenant at all is no tenant of this server's either.
	r.publish("seam//sensors/"+marker, reading(1741054523000, 1))
	var good []string
	for i := range 3 {
		good = append(good, fmt.Sprintf("seam/%s/sensors/PALLET-%d", r.tenant, i))
		r.publish(good[i], reading(1741054526000, i))
	}
	r.waitStored(good...)
	deadline := time.Now().Add(30 * time.Second)
	for r.sub.Elsewhere() != 25 { // each message once: none stored, none quarantined
		if time.Now().After(deadline) {
			t.Fatalf("%d messages left to other servers, want 25", r.sub.Elsewhere())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := r.rec.times("seam/" + foreign + "/sensors/PALLET-" + marker); n != 0 {
		t.Fatalf("another server's reading was stored %d times", n)
	}
	// Each message takes one way through Handle: counted as elsewhere is neither stored
	// nor quarantined by this subscriber. (The store's _mqtt quarantine is no witness:
	// other processes on the shared broker, without a prefix, quarantine these topics.)
}

// crashing panics on payloads that hold "boom", as a bug a payload reaches would.
type crashing struct{ *connectors.Intake }

func (c crashing) Accept(ctx context.Context, ps []connectors.Payload) (connectors.Result, error) {
	for _, p := range ps {
		if bytes.Contains(p.Raw, []byte("boom")) {
			panic("boom")
		}
	}
	return c.Intake.Accept(ctx, ps)
}

// TestPanicQuarantinesTheMessage: a message whose storing panics is quarantined with the
// panic as its reason and acknowledged; more of them than the broker's in-flight window
// do not stop the readings after them.
func TestPanicQuarantinesTheMessage(t *testing.T) {
	r := newRig(t, func(in *connectors.Intake) Accepter { return crashing{in} })
	r.start("seam/" + r.tenant + "/sensors/+")
	for i := range 25 {
		r.publish(fmt.Sprintf("seam/%s/sensors/BOOM-%d", r.tenant, i), []byte(`{"ts":1741054522000,"values":{"boom":1}}`))
	}
	var good []string
	for i := range 3 {
		good = append(good, fmt.Sprintf("seam/%s/sensors/PALLET-%d", r.tenant, i))
		r.publish(good[i], reading(1741054522000, i))
	}
	r.waitStored(good...)
	// The same bytes from 25 devices are 25 items: each topic names its device.
	for _, q := range r.waitQuarantined(r.tenant, "/BOOM-", 25) {
		if q.Count != 1 || q.Problems[0].Rule != "panic" || !strings.Contains(q.Problems[0].Message, "boom") {
			t.Fatalf("quarantined panic: %+v", q)
		}
	}
}

// flaky refuses payloads that hold "refuse" always, with an error that is no outage,
// and fails payloads that hold "outage" with the store's outage error on their first
// outages calls.
type flaky struct {
	*connectors.Intake
	outages int
	mu      sync.Mutex
	calls   map[string]int // by topic
}

func (f *flaky) Accept(ctx context.Context, ps []connectors.Payload) (connectors.Result, error) {
	f.mu.Lock()
	f.calls[ps[0].Topic]++
	n := f.calls[ps[0].Topic]
	f.mu.Unlock()
	switch {
	case bytes.Contains(ps[0].Raw, []byte("refuse")):
		return connectors.Result{}, errors.New("storing documents: Neo.ClientError.Statement.TypeError: refused by this test")
	case bytes.Contains(ps[0].Raw, []byte("outage")) && n <= f.outages:
		return connectors.Result{}, fmt.Errorf("storing documents: %w: connection refused", neo4jstore.ErrUnavailable)
	}
	return f.Intake.Accept(ctx, ps)
}

// TestStoreRefusalAndOutage: a reading the store refuses is tried Attempts times, then
// quarantined with the store's reason; one met by an outage is retried for as long as it
// lasts (outage attempts do not count) and stored, not quarantined.
func TestStoreRefusalAndOutage(t *testing.T) {
	f := &flaky{outages: 6, calls: map[string]int{}}
	r := newRig(t, func(in *connectors.Intake) Accepter { f.Intake = in; return f })
	r.sub.Attempts = 2
	r.start("seam/" + r.tenant + "/sensors/+")
	refused := "seam/" + r.tenant + "/sensors/REFUSED"
	down := "seam/" + r.tenant + "/sensors/DOWN"
	r.publish(refused, []byte(`{"ts":1741054522000,"values":{"refuse":1}}`))
	r.publish(down, []byte(`{"ts":1741054522000,"values":{"outage":1}}`))
	r.waitStored(down)
	items := r.waitQuarantined(r.tenant, "/REFUSED", 1)
	if p := items[0].Problems[0]; p.Rule != "store" || !strings.Contains(p.Message, "2 times") || !strings.Contains(p.Message, "refused by this test") {
		t.Fatalf("reason of a refused reading: %+v", p)
	}
	if items := r.quarantined(r.tenant, "/DOWN"); len(items) != 0 {
		t.Fatalf("a reading met by an outage was quarantined: %+v", items)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.calls[refused] != 2 || f.calls[down] != 7 {
		t.Fatalf("store attempts: refused %d (want 2), outage %d (want 7)", f.calls[refused], f.calls[down])
	}
}

// TestOversizedPayloadQuarantined: a message over MaxPayload is not decoded; it is
// quarantined with its size, its first MaxPayload bytes kept.
func TestOversizedPayloadQuarantined(t *testing.T) {
	r := newRig(t, nil)
	r.sub.MaxPayload = 1024
	r.start("seam/" + r.tenant + "/sensors/+")
	big := fmt.Appendf(nil, `{"ts":1741054522000,"values":{"note":"%s"}}`, strings.Repeat("x", 5000))
	r.publish("seam/"+r.tenant+"/sensors/BIG", big)
	r.publish("seam/"+r.tenant+"/sensors/SMALL", reading(1741054522000, 1))
	r.waitStored("seam/" + r.tenant + "/sensors/SMALL")
	items := r.waitQuarantined(r.tenant, "/BIG", 1)
	q := items[0]
	if len(q.Raw) != 1024 || !bytes.Equal(q.Raw, big[:1024]) || q.Problems[0].Rule != "size" ||
		q.Problems[0].Value != fmt.Sprint(len(big)) || !strings.Contains(q.Problems[0].Message, "more than the 1024") {
		t.Fatalf("quarantined large message: %d bytes kept, %+v", len(q.Raw), q.Problems)
	}
}

// TestManyDevicesShareBoundedQueues: readings from many more devices than queues are all
// stored, and no more queues (each a goroutine and a buffer) start than Workers.
func TestManyDevicesShareBoundedQueues(t *testing.T) {
	r := newRig(t, nil)
	r.sub.Workers = 3
	r.start("seam/" + r.tenant + "/sensors/+")
	var tokens []paho.Token
	var topics []string
	for i := range 200 {
		topics = append(topics, fmt.Sprintf("seam/%s/sensors/DEV-%d", r.tenant, i))
		tokens = append(tokens, r.pub.Publish(topics[i], 1, false, reading(1741054522000, i)))
	}
	for _, tok := range tokens {
		if !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
			t.Fatalf("publishing: %v", tok.Error())
		}
	}
	r.waitStored(topics...)
	started := 0
	r.sub.mu.Lock()
	for _, q := range r.sub.queues {
		if q != nil {
			started++
		}
	}
	r.sub.mu.Unlock()
	if n := started; n < 1 || n > 3 {
		t.Fatalf("%d queues started for 200 devices, want at most 3", n)
	}
}
