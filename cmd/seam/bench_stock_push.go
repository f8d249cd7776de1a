package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/connectors/webhook"
)

// stockPush is one stock change a subscribed client received, and when.
type stockPush struct {
	location string
	reserved string
	at       time.Time
}

// subscribeStock opens a websocket to the server as a browser client would
// (graphql-transport-ws, the key in connection_init) and subscribes to one product's
// stock changes; every change arrives on the returned channel with its arrival time.
func (b *stockBench) subscribeStock(ctx context.Context, sku string) (<-chan stockPush, error) {
	c, _, err := websocket.Dial(ctx, "ws"+b.base[len("http"):]+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, fmt.Errorf("opening the subscription socket: %w", err)
	}
	type msg struct {
		Type    string          `json:"type"`
		ID      string          `json:"id,omitempty"`
		Payload json.RawMessage `json:"payload,omitempty"`
	}
	send := func(m any) error { return wsjson.Write(ctx, c, m) }
	if err := send(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + b.key}}); err != nil {
		return nil, err
	}
	var ack msg
	if err := wsjson.Read(ctx, c, &ack); err != nil || ack.Type != "connection_ack" {
		c.CloseNow()
		return nil, fmt.Errorf("subscription init answered %+v, %v", ack, err)
	}
	q := `subscription($sku: String) { stockChanged(sku: $sku) { location reserved } }`
	if err := send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": q, "variables": map[string]any{"sku": sku}}}); err != nil {
		return nil, err
	}
	out := make(chan stockPush, 1024)
	go func() {
		defer close(out)
		defer c.CloseNow()
		for {
			var m msg
			if err := wsjson.Read(ctx, c, &m); err != nil {
				return
			}
			at := time.Now()
			switch m.Type {
			case "ping":
				_ = send(map[string]any{"type": "pong"})
			case "next":
				var p struct {
					Data struct {
						StockChanged struct{ Location, Reserved string }
					}
				}
				if json.Unmarshal(m.Payload, &p) == nil {
					out <- stockPush{location: p.Data.StockChanged.Location, reserved: p.Data.StockChanged.Reserved, at: at}
				}
			}
		}
	}()
	// The server subscribes to Redis once the message is read; let it settle.
	time.Sleep(300 * time.Millisecond)
	return out, nil
}

// awaitReserved waits for the push that shows the warehouse holding reserved units.
func awaitReserved(ch <-chan stockPush, reserved int) (time.Time, error) {
	want := fmt.Sprint(reserved)
	timeout := time.After(10 * time.Second)
	for {
		select {
		case p, ok := <-ch:
			if !ok {
				return time.Time{}, fmt.Errorf("the subscription ended")
			}
			if p.location == benchLocations[0] && p.reserved == want {
				return p.at, nil
			}
		case <-timeout:
			return time.Time{}, fmt.Errorf("waiting for %s reserved: %w", want, errNoPush)
		}
	}
}

// pushes measures change-to-subscriber latency from each source: a signed Shopify order
// webhook (stored, resolved into a reservation of stock, projected, fanned out through
// Redis), a GraphQL reservation (decided in Redis, fanned out at once), and an MQTT
// reading (stored and resolved; it moves no stock, so no stock subscription carries it:
// its figure is until the reading is resolved and readable, polled).
func (b *stockBench) pushes(ctx context.Context, n int) ([]benchRow, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, err := b.subscribeStock(ctx, b.skus[0])
	if err != nil {
		return nil, err
	}
	reserved := 0
	hook, answered := make([]time.Duration, 0, n), make([]time.Duration, 0, n)
	for i := range n {
		body := []byte(fmt.Sprintf(`{"id": %d, "name": "#B%d", "order_number": %d, "email": "bench@example.com",
  "created_at": %q, "currency": "EUR", "financial_status": "paid", "fulfillment_status": null, "total_price": "1.00",
  "line_items": [{"id": %d, "variant_id": 1, "sku": %q, "title": "bench", "quantity": 1, "price": "1.00"}]}`,
			9_000_000+i, i, 9_000_000+i, time.Now().UTC().Format(time.RFC3339), 8_000_000+i, b.skus[0]))
		h := webhook.Sign("shopify", body, []byte(b.secret), "", time.Now())
		h.Set("X-Shopify-Topic", "orders/create")
		h.Set("X-Shopify-Webhook-Id", fmt.Sprint("bench-", i))
		h.Set("Content-Type", "application/json")
		req, _ := http.NewRequest(http.MethodPost, b.base+"/webhooks/"+b.tenant+"/shopify", bytes.NewReader(body))
		req.Header = h
		start := time.Now()
		resp, err := b.client.Do(req)
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
		answered = append(answered, time.Since(start))
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("webhook answered HTTP %d", resp.StatusCode)
		}
		reserved++
		at, err := awaitReserved(ch, reserved)
		if err != nil {
			return nil, fmt.Errorf("webhook %d: %w", i, err)
		}
		hook = append(hook, at.Sub(start))
	}
	rsv := make([]time.Duration, 0, n)
	for i := range n {
		q := fmt.Sprintf(`mutation { reserve(sku: %q, location: %q, qty: "1", idempotencyKey: "bench-%d", ttlSeconds: 600) { ok } }`,
			b.skus[0], benchLocations[0], i)
		var a struct{ Reserve struct{ OK bool } }
		start := time.Now()
		if err := b.graphQL(q, nil, &a); err != nil || !a.Reserve.OK {
			return nil, fmt.Errorf("reservation %d: %+v, %v", i, a, err)
		}
		reserved++
		at, err := awaitReserved(ch, reserved)
		if err != nil {
			return nil, fmt.Errorf("reservation %d: %w", i, err)
		}
		rsv = append(rsv, at.Sub(start))
	}
	rows := []benchRow{
		{"signed webhook answered (stored in Neo4j)", answered},
		{"signed webhook to stockChanged subscriber", hook},
		{"GraphQL reserve to stockChanged subscriber", rsv},
	}
	mqttRow := benchRow{what: "MQTT reading to resolved reading (polled; no subscription)"}
	if b.s.App.cfg.MQTTEnabled() {
		if mqttRow.took, err = b.readings(n); err != nil {
			return nil, err
		}
	}
	return append(rows, mqttRow), nil
}

// readings publishes sensor readings and measures until each is resolved.
func (b *stockBench) readings(n int) ([]time.Duration, error) {
	cfg := b.s.App.cfg.MQTT
	opts := paho.NewClientOptions().AddBroker(cfg.URL).SetClientID("seam-bench-" + b.tenant[len(b.tenant)-12:])
	if cfg.User != "" {
		opts.SetUsername(cfg.User).SetPassword(string(cfg.Password))
	}
	c := paho.NewClient(opts)
	if tok := c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		return nil, fmt.Errorf("connecting to the broker at %s: %v", cfg.URL, tok.Error())
	}
	defer c.Disconnect(100)
	out := make([]time.Duration, 0, n)
	base := time.Now().UnixMilli()
	for i := range n {
		ts := base + int64(i)
		start := time.Now()
		tok := c.Publish("seam/"+b.tenant+"/sensors/BENCH-PALLET", 1, false, []byte(fmt.Sprintf(`{"ts":%d,"values":{"weight":%d.5}}`, ts, 500+i)))
		if !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
			return nil, fmt.Errorf("publishing reading %d: %v", i, tok.Error())
		}
		q := fmt.Sprintf(`{ document(system: "iot", type: "reading", externalId: "BENCH-PALLET@%d") { pending } }`, ts)
		for {
			var a struct{ Document *struct{ Pending bool } }
			if err := b.graphQL(q, nil, &a); err != nil {
				return nil, err
			}
			if a.Document != nil && !a.Document.Pending {
				break
			}
			if time.Since(start) > 10*time.Second {
				return nil, fmt.Errorf("reading %d: not resolved within 10 s", i)
			}
			time.Sleep(time.Millisecond)
		}
		out = append(out, time.Since(start))
	}
	return out, nil
}
