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
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/iot"
)

// SensorTopic is the topic filter of JSON sensor readings: seam/{tenant}/sensors/{device}.
const SensorTopic = "seam/+/sensors/+"

// Accepter is the intake.
type Accepter interface {
	Accept(ctx context.Context, payloads []connectors.Payload) (connectors.Result, error)
}

// SparkplugGroup maps a Sparkplug group id to the tenant its readings belong to.
type SparkplugGroup struct {
	Group  string `yaml:"group"`
	Tenant string `yaml:"tenant"`
}

// Subscriber routes MQTT messages to the intake.
type Subscriber struct {
	intake Accepter
	groups map[string]string // sparkplug group -> tenant
	log    *slog.Logger
	ctx    context.Context
	// Retry is the pause between attempts to store a message while the store is down.
	Retry time.Duration
	// ShareGroup, when set, makes the JSON sensor subscription a shared one (see Topics).
	ShareGroup string

	mu      sync.Mutex
	rebirth func(topic string, payload []byte) // publishes an NCMD (set on Subscribe)
	queues  map[string]chan paho.Message       // per edge node or device, in arrival order
	workers sync.WaitGroup
	closed  bool // Wait was called: no new queue starts
}

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

// Route tells the tenant and device of a topic; ok is false for topics Seam does not take.
func (s *Subscriber) Route(topic string) (tenant, device string, ok bool) {
	parts := strings.Split(topic, "/")
	if len(parts) == 4 && parts[0] == "seam" && parts[2] == "sensors" && parts[1] != "" && parts[3] != "" {
		return parts[1], parts[3], true
	}
	if len(parts) >= 4 && parts[0] == "spBv1.0" {
		if t, ok := s.groups[parts[1]]; ok {
			return t, "", true
		}
	}
	return "", "", false
}

// Dispatch hands a message to its source's queue and returns at once. The client calls
// it in arrival order (order matters is on), and each queue is worked by one goroutine,
// so the messages of one Sparkplug edge node (its births, then data naming the births'
// aliases) or of one device are stored in the order they were published, while
// different sources are stored concurrently. A full queue makes dispatch wait: the
// broker then holds the rest, unacknowledged.
func (s *Subscriber) Dispatch(m paho.Message) {
	key := orderKey(m.Topic())
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return // shutting down: unacknowledged, the broker delivers it again
	}
	q, ok := s.queues[key]
	if !ok {
		if s.queues == nil {
			s.queues = map[string]chan paho.Message{}
		}
		q = make(chan paho.Message, 256)
		s.queues[key] = q
		s.workers.Add(1)
		go s.work(q)
	}
	s.mu.Unlock()
	select {
	case q <- m:
	case <-s.ctx.Done():
	}
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

// handleSafely is Handle, keeping a panic from ending the source's queue: the message
// stays unacknowledged (the broker delivers it again) and the queue goes on.
func (s *Subscriber) handleSafely(m paho.Message) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("handling an mqtt message panicked; not acknowledged", "topic", m.Topic(), "panic", r)
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

// Handle stores one message and acknowledges it once stored. It blocks, retrying, while
// the store is unavailable, so that the broker keeps the message until Seam has it.
func (s *Subscriber) Handle(m paho.Message) {
	tenant, _, ok := s.Route(m.Topic())
	if !ok {
		s.log.Warn("mqtt message on a topic no tenant owns; not acknowledged", "topic", m.Topic())
		return
	}
	p := connectors.Payload{
		Tenant: tenant, System: "iot", Type: "reading", Raw: append([]byte(nil), m.Payload()...),
		Format: string(iot.Detect(m.Topic(), m.Payload())), Topic: m.Topic(), Via: "mqtt",
		ReceivedAt: time.Now().UTC(),
	}
	for {
		_, err := s.intake.Accept(s.ctx, []connectors.Payload{p})
		if err == nil {
			m.Ack()
			return
		}
		s.log.Warn("storing mqtt reading; retrying", "topic", m.Topic(), "err", err)
		select {
		case <-s.ctx.Done():
			return // not acknowledged: the broker delivers it again to the next session
		case <-time.After(s.Retry):
		}
	}
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
