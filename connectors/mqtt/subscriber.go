// Package mqtt takes pallet-sensor readings from an MQTT broker: ThingsBoard telemetry
// JSON and SenML on seam/{tenant}/sensors/{deviceId}, and Sparkplug B on spBv1.0 topics
// mapped to a tenant by configuration.
//
// Delivery is at least once end to end: subscriptions are QoS 1 on a persistent session
// (the broker queues readings while Seam is away), and a message is acknowledged only
// after the intake has stored it (or quarantined it). A reading stored twice is the same
// document and is ignored the second time.
package mqtt

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/iot"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
)

// SensorTopic is the topic filter of JSON sensor readings: seam/{tenant}/sensors/{device}.
const SensorTopic = "seam/+/sensors/+"

// UnroutedTenant is where messages no tenant may own are quarantined: a topic with an
// empty level, a tenant name the naming rule refuses, a tenant the configuration does
// not list. The name breaks the tenant rule on purpose (apikey.ValidTenant refuses a
// leading '_'), so no real tenant has it and no topic can name it; list its items with
// `seam quarantine list --tenant _mqtt`.
const UnroutedTenant = "_mqtt"

// DefaultMaxPayload is the largest message taken when Subscriber.MaxPayload is 0: a
// pallet sensor's reading is a few hundred bytes and a gateway's batch a few dozen
// kilobytes, so anything larger is a broken or hostile sender, and it is not decoded.
const DefaultMaxPayload = 256 << 10

// DefaultAttempts is how often a message the store refuses (with an error that is not
// an outage) is tried before it is quarantined, when Subscriber.Attempts is 0.
const DefaultAttempts = 5

// DefaultWorkers is how many messages are stored at once when Subscriber.Workers is 0.
// Mosquitto lets 20 QoS 1 messages per client be in flight unacknowledged, so more would
// rarely have work.
const DefaultWorkers = 32

// Accepter is the intake.
type Accepter interface {
	Accept(ctx context.Context, payloads []connectors.Payload) (connectors.Result, error)
	// Refuse quarantines a payload that cannot be accepted, with the reasons.
	Refuse(ctx context.Context, p connectors.Payload, problems []ontology.Problem) error
}

// SparkplugGroup maps a Sparkplug group id to the tenant its readings belong to.
type SparkplugGroup struct {
	Group  string `yaml:"group"`
	Tenant string `yaml:"tenant"`
}

// Subscriber routes MQTT messages to the intake.
//
// No message may stall the session: the broker sends a client only so many
// unacknowledged QoS 1 messages (20 for Mosquitto), so a handful that are never
// acknowledged would stop every tenant's readings for good, again after each reconnect.
// Every message therefore ends acknowledged once it is stored or quarantined; the only
// one left unacknowledged is one the store cannot take because it is down (or Seam is
// stopping), which the broker must then deliver again.
type Subscriber struct {
	intake Accepter
	groups map[string]string // sparkplug group -> tenant
	log    *slog.Logger
	ctx    context.Context
	// Retry is the pause between attempts to store a message while the store is down.
	Retry time.Duration
	// ShareGroup, when set, makes the JSON sensor subscription a shared one (see Topics).
	ShareGroup string
	// Tenants, when set, are the only tenants whose messages are taken; a message on
	// another tenant's topic is quarantined under UnroutedTenant. Nil takes any tenant
	// whose name is valid (see Route).
	Tenants map[string]bool
	// TenantPrefix, when set, is the prefix of the tenants this server owns (config
	// tenantPrefix): servers sharing a broker each take their own. A message of a tenant
	// outside it is another server's: it is acknowledged and counted (Elsewhere), never
	// stored or quarantined here.
	TenantPrefix string
	// MaxPayload is the largest message taken, in bytes (0: DefaultMaxPayload); a
	// larger one is quarantined, its first MaxPayload bytes kept.
	MaxPayload int
	// Attempts bounds the tries of a message the store refuses with an error Transient
	// does not call an outage (0: DefaultAttempts); then it is quarantined.
	Attempts int
	// Transient tells an outage of the store (retried for as long as it lasts, the
	// message unacknowledged) from a refusal of this message. Nil counts every error as
	// a refusal; a refused message is acknowledged only once its quarantine is stored,
	// so during an outage it is still never acknowledged unstored.
	Transient func(error) bool
	// Workers bounds the messages stored at once, and the goroutines and queues that
	// store them (0: DefaultWorkers). Set it before the first Dispatch.
	Workers int

	mu      sync.Mutex
	rebirth func(topic string, payload []byte) // publishes an NCMD (set on Subscribe)
	queues  []chan paho.Message                // by hash of the order key, started on first use
	workers sync.WaitGroup
	closed  bool // Wait was called: no new queue starts

	elsewhere atomic.Int64 // messages left to other servers (TenantPrefix)
}

// errElsewhere is a topic of a tenant outside TenantPrefix: another server's to take.
var errElsewhere = errors.New("tenant outside this server's tenant prefix")

// Elsewhere counts the messages left to other servers: their tenant is outside
// TenantPrefix. They were acknowledged and neither stored nor quarantined.
func (s *Subscriber) Elsewhere() int64 { return s.elsewhere.Load() }

// NewSubscriber builds a subscriber; ctx bounds the retries of messages in hand.
func NewSubscriber(ctx context.Context, intake Accepter, groups []SparkplugGroup, log *slog.Logger) *Subscriber {
	g := map[string]string{}
	for _, x := range groups {
		g[x.Group] = x.Tenant
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Subscriber{intake: intake, groups: g, log: log, ctx: ctx, Retry: time.Second}
}

// Topics returns the topic filters to subscribe to.
//
// With a share group, the JSON sensor topics go through the shared subscription
// $share/{group}/seam/+/sensors/+, so that replicas split the readings between them. Each
// JSON message is a whole reading, so any replica may store any of them. Sparkplug topics
// are never shared: a DDATA names metrics by the aliases its edge node's DBIRTH declared,
// and a broker that spread one edge node's messages across replicas would hand most of
// them a DDATA without its birth. Every replica takes all Sparkplug messages instead and
// the store keeps each reading once (its key is the device, time and sequence number).
func (s *Subscriber) Topics() []string {
	t := []string{SensorTopic}
	if s.ShareGroup != "" {
		t[0] = "$share/" + s.ShareGroup + "/" + SensorTopic
	}
	for g := range s.groups {
		t = append(t, "spBv1.0/"+g+"/#")
	}
	return t
}

// Subscribe subscribes c to every topic at QoS 1. Call it from the client's
// on-connect handler, so that subscriptions are renewed after each reconnect.
func (s *Subscriber) Subscribe(c paho.Client) error {
	s.mu.Lock()
	s.rebirth = func(topic string, payload []byte) { c.Publish(topic, 1, false, payload) }
	s.mu.Unlock()
	filters := map[string]byte{}
	for _, t := range s.Topics() {
		filters[t] = 1
	}
	tok := c.SubscribeMultiple(filters, func(_ paho.Client, m paho.Message) { s.Dispatch(m) })
	if !tok.WaitTimeout(10 * time.Second) {
		return fmt.Errorf("subscribing to %v: timed out", s.Topics())
	}
	return tok.Error()
}

// Route tells the tenant and device of a topic (the device is empty for Sparkplug, whose
// payload names it). It refuses a topic with an empty tenant or device level, a tenant
// name apikey.ValidTenant refuses, a tenant outside Tenants when that is set, and a
// Sparkplug group no configuration maps.
func (s *Subscriber) Route(topic string) (tenant, device string, err error) {
	tenant, err = s.tenantOf(topic)
	if err != nil {
		return "", "", err
	}
	if parts := strings.Split(topic, "/"); parts[0] == "seam" {
		if device = parts[3]; device == "" {
			return "", "", fmt.Errorf("topic %q has an empty device level: want seam/{tenant}/sensors/{device}", topic)
		}
	}
	return tenant, device, nil
}

// tenantOf is the tenant a topic names, if it may own the topic's messages.
func (s *Subscriber) tenantOf(topic string) (string, error) {
	parts := strings.Split(topic, "/")
	var tenant string
	switch {
	case len(parts) == 4 && parts[0] == "seam" && parts[2] == "sensors":
		tenant = parts[1]
		if s.TenantPrefix != "" && !strings.HasPrefix(tenant, s.TenantPrefix) {
			// Another server's, even a name no server could own (empty, invalid): that
			// is for a server without a prefix to quarantine, not for every one.
			return "", fmt.Errorf("%w: tenant %q of topic %q", errElsewhere, tenant, topic)
		}
		if tenant == "" {
			return "", fmt.Errorf("topic %q has an empty tenant level: want seam/{tenant}/sensors/{device}", topic)
		}
	case len(parts) >= 4 && parts[0] == "spBv1.0":
		t, ok := s.groups[parts[1]]
		if !ok {
			return "", fmt.Errorf("sparkplug group %q is not mapped to a tenant (mqtt.sparkplug)", parts[1])
		}
		tenant = t
	default:
		return "", fmt.Errorf("topic %q is not one Seam takes: want seam/{tenant}/sensors/{device} or spBv1.0/{group}/...", topic)
	}
	if s.TenantPrefix != "" && !strings.HasPrefix(tenant, s.TenantPrefix) {
		// Checked before the name and the tenants list: whatever is wrong with another
		// server's topic is for that server to say.
		return "", fmt.Errorf("%w: tenant %q of topic %q", errElsewhere, tenant, topic)
	}
	if !apikey.ValidTenant(tenant) {
		return "", fmt.Errorf("tenant %q of topic %q is not a valid tenant name (lower-case letters, digits, - and _, at most 63)", tenant, topic)
	}
	if s.Tenants != nil && !s.Tenants[tenant] {
		return "", fmt.Errorf("tenant %q of topic %q is not configured (tenants)", tenant, topic)
	}
	return tenant, nil
}

// Dispatch hands a message to its source's queue and returns at once. The client calls
// it in arrival order (order matters is on), and each queue is worked by one goroutine,
// so the messages of one Sparkplug edge node (its births, then data naming the births'
// aliases) or of one device are stored in the order they were published, while
// different sources are stored concurrently. A full queue makes dispatch wait: the
// broker then holds the rest, unacknowledged.
//
// Sources share a fixed set of queues (by a hash of the source), not one queue each:
// devices come and go, and a sender publishing under ever new device ids must not grow
// the goroutines and buffers without bound. A source always hashes to the same queue,
// which keeps its order.
func (s *Subscriber) Dispatch(m paho.Message) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return // shutting down: unacknowledged, the broker delivers it again
	}
	if s.queues == nil {
		n := s.Workers
		if n <= 0 {
			n = DefaultWorkers
		}
		s.queues = make([]chan paho.Message, n)
	}
	i := queueIndex(orderKey(m.Topic()), len(s.queues))
	q := s.queues[i]
	if q == nil {
		q = make(chan paho.Message, 256)
		s.queues[i] = q
		s.workers.Add(1)
		go s.work(q)
	}
	s.mu.Unlock()
	select {
	case q <- m:
	case <-s.ctx.Done():
	}
}

// queueIndex spreads order keys over n queues.
func queueIndex(key string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(n))
}

// Wait returns once every queue's goroutine has stopped, after the context given to
// NewSubscriber is done: a message being stored when it ended is finished first, so the
// store may be closed after Wait and not before.
func (s *Subscriber) Wait() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.workers.Wait()
}

func (s *Subscriber) work(q chan paho.Message) {
	defer s.workers.Done()
	for {
		select {
		case m := <-q:
			s.handleSafely(m)
		case <-s.ctx.Done():
			return
		}
	}
}

// handleSafely is Handle, keeping a panic from ending the source's queue or leaving the
// message unacknowledged (a message that crashes Seam once crashes it on every
// redelivery): the message is quarantined with the panic as its reason.
func (s *Subscriber) handleSafely(m paho.Message) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("handling an mqtt message panicked; quarantining it", "topic", m.Topic(), "panic", r, "stack", string(debug.Stack()))
			// No format detection here: it may be what crashed.
			s.refuseRetrying(m, s.payload(m, false), ontology.Problem{Field: "payload", Rule: "panic",
				Message: fmt.Sprintf("handling the message crashed: %v", r)})
		}
	}()
	s.Handle(m)
}

// orderKey names the source whose messages must be stored in order: a Sparkplug edge
// node (spBv1.0/{group}/{type}/{edge}[/{device}]: births and data of all its devices
// share aliases and a sequence) or a topic.
func orderKey(topic string) string {
	if parts := strings.Split(topic, "/"); len(parts) >= 4 && parts[0] == "spBv1.0" {
		return parts[1] + "/" + parts[3]
	}
	return topic
}

// payload is the intake's payload of a message: its tenant is the topic's when that
// tenant may own it (a message of its that cannot be stored is the tenant's to see),
// else UnroutedTenant (for quarantine only); its bytes are cut at MaxPayload. detect
// names the payload's format from its bytes (else the mapping does).
func (s *Subscriber) payload(m paho.Message, detect bool) connectors.Payload {
	tenant, err := s.tenantOf(m.Topic())
	if err != nil {
		tenant = UnroutedTenant
	}
	raw := m.Payload()
	if limit := s.maxPayload(); len(raw) > limit {
		raw = raw[:limit]
	}
	p := connectors.Payload{
		Tenant: tenant, System: "iot", Type: "reading", Raw: append([]byte(nil), raw...),
		Topic: m.Topic(), Via: "mqtt", ReceivedAt: time.Now().UTC(),
	}
	if detect {
		p.Format = string(iot.Detect(m.Topic(), raw))
	}
	return p
}

func (s *Subscriber) maxPayload() int {
	if s.MaxPayload > 0 {
		return s.MaxPayload
	}
	return DefaultMaxPayload
}

// Handle stores one message and acknowledges it once stored. It blocks, retrying, while
// the store is unavailable, so that the broker keeps the message until Seam has it. A
// message Seam cannot take (no tenant may own its topic, too large, refused by the store
// Attempts times) is quarantined and acknowledged.
func (s *Subscriber) Handle(m paho.Message) {
	if _, err := s.tenantOf(m.Topic()); errors.Is(err, errElsewhere) {
		// Acknowledged, or the broker's in-flight window would fill with them.
		s.elsewhere.Add(1)
		s.log.Debug("mqtt message of another server's tenant; left to it", "topic", m.Topic())
		m.Ack()
		return
	}
	p := s.payload(m, true)
	if _, _, err := s.Route(m.Topic()); err != nil {
		s.log.Warn("mqtt message on a topic no tenant may own; quarantined", "topic", m.Topic(), "err", err)
		s.refuseRetrying(m, p, ontology.Problem{Field: "topic", Rule: "route", Value: m.Topic(), Message: err.Error()})
		return
	}
	if n := len(m.Payload()); n > s.maxPayload() {
		s.log.Warn("mqtt message too large; quarantined", "topic", m.Topic(), "bytes", n)
		s.refuseRetrying(m, p, ontology.Problem{Field: "payload", Rule: "size", Value: strconv.Itoa(n),
			Message: fmt.Sprintf("the message holds %d bytes, more than the %d taken; its first %d are kept", n, s.maxPayload(), s.maxPayload())})
		return
	}
	attempts := s.Attempts
	if attempts <= 0 {
		attempts = DefaultAttempts
	}
	refused := 0
	for {
		err := s.accept(p)
		if err == nil {
			m.Ack()
			return
		}
		if s.ctx.Err() != nil {
			return // stopping: not acknowledged, the broker delivers it again
		}
		var crash *panicError
		switch {
		case errors.As(err, &crash):
			s.log.Error("storing mqtt reading panicked; quarantining it", "topic", m.Topic(), "panic", crash.value, "stack", crash.stack)
			s.refuseRetrying(m, p, ontology.Problem{Field: "payload", Rule: "panic", Message: err.Error()})
			return
		case s.Transient != nil && s.Transient(err):
			refused = 0 // an outage says nothing about this message
			s.log.Warn("storing mqtt reading; store unavailable, retrying", "topic", m.Topic(), "err", err)
		default:
			refused++
			if refused >= attempts {
				s.log.Error("the store keeps refusing an mqtt reading; quarantining it", "topic", m.Topic(), "attempts", refused, "err", err)
				if s.refuse(m, p, ontology.Problem{Field: "payload", Rule: "store",
					Message: fmt.Sprintf("the store refused the reading %d times: %v", refused, err)}) {
					return
				}
			} else {
				s.log.Warn("storing mqtt reading; retrying", "topic", m.Topic(), "attempt", refused, "err", err)
			}
		}
		select {
		case <-s.ctx.Done():
			return // not acknowledged: the broker delivers it again to the next session
		case <-time.After(s.Retry):
		}
	}
}

// panicError is a panic while storing a message, turned into an error.
type panicError struct {
	value any
	stack string
}

func (e *panicError) Error() string { return fmt.Sprintf("storing the message crashed: %v", e.value) }

// accept is one attempt at storing p, a panic returned as a *panicError.
func (s *Subscriber) accept(p connectors.Payload) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &panicError{value: r, stack: string(debug.Stack())}
		}
	}()
	_, err = s.intake.Accept(s.ctx, []connectors.Payload{p})
	return err
}

// refuseRetrying is refuse, tried again while the store cannot keep the quarantine,
// until it can or Seam stops (then the message is left for the broker to deliver again).
func (s *Subscriber) refuseRetrying(m paho.Message, p connectors.Payload, problem ontology.Problem) {
	for !s.refuse(m, p, problem) {
		select {
		case <-s.ctx.Done():
			return
		case <-time.After(s.Retry):
		}
	}
}

// refuse quarantines a message and acknowledges it once the quarantine is stored. If
// the store cannot keep it (down, or Seam stopping) the message stays unacknowledged:
// refused or not, a message is never dropped. It reports whether the message was
// acknowledged.
func (s *Subscriber) refuse(m paho.Message, p connectors.Payload, problem ontology.Problem) bool {
	if err := s.intake.Refuse(s.ctx, p, []ontology.Problem{problem}); err != nil {
		s.log.Error("quarantining an mqtt message; not acknowledged", "topic", m.Topic(), "err", err)
		return false
	}
	m.Ack()
	return true
}

// AskRebirth publishes a Sparkplug rebirth request to an edge node, used when a DATA
// message names an alias no birth has told us.
func (s *Subscriber) AskRebirth(group, edge string) {
	s.mu.Lock()
	pub := s.rebirth
	s.mu.Unlock()
	if pub != nil {
		pub("spBv1.0/"+group+"/NCMD/"+edge, iot.RebirthRequest(time.Now()))
	}
}
