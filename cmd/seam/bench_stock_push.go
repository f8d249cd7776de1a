package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/connectors/webhook"
)

// wsNext is one message a subscription pushed, and when it arrived.
type wsNext struct {
	payload json.RawMessage
	at      time.Time
}

// subscribe opens a websocket to the server as a browser client would
// (graphql-transport-ws, the key in connection_init) and starts one subscription; every
// message it pushes arrives on the returned channel with its arrival time.
func (b *stockBench) subscribe(ctx context.Context, query string, vars map[string]any) (<-chan wsNext, error) {
	c, _, err := websocket.Dial(ctx, "ws"+b.base[len("http"):]+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, fmt.Errorf("opening the subscription socket: %w", err)
	}
	type msg struct {
		Type    string          `json:"type"`
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
	if err := send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query, "variables": vars}}); err != nil {
		return nil, err
	}
	out := make(chan wsNext, 1024)
	go func() {
		defer close(out)
		defer c.CloseNow()
		for {
			var m msg
			if err := wsjson.Read(ctx, c, &m); err != nil {
				return
			}
			switch m.Type {
			case "ping":
				_ = send(map[string]any{"type": "pong"})
			case "next":
				out <- wsNext{payload: m.Payload, at: time.Now()}
			}
		}
	}()
	// The server subscribes to Redis once the message is read; let it settle.
	time.Sleep(300 * time.Millisecond)
	return out, nil
}

// await waits for the first push that match accepts.
func await(ch <-chan wsNext, what string, within time.Duration, match func(json.RawMessage) bool) (time.Time, error) {
	timeout := time.After(within)
	for {
		select {
		case m, ok := <-ch:
			if !ok {
				return time.Time{}, fmt.Errorf("the subscription ended")
			}
			if match(m.payload) {
				return m.at, nil
			}
		case <-timeout:
			return time.Time{}, fmt.Errorf("waiting for %s: %w", what, errNoPush)
		}
	}
}

// reservedAt matches the push that shows the warehouse holding n reserved units or
// more. The legs only ever add reservations, so a push showing more is one that came
// after this change (a later push may carry two changes when the first was late).
func reservedAt(n int) func(json.RawMessage) bool {
	return func(p json.RawMessage) bool {
		var v struct {
			Data struct {
				StockChanged struct{ Location, Reserved string }
			}
		}
		if json.Unmarshal(p, &v) != nil || v.Data.StockChanged.Location != benchLocations[0] {
			return false
		}
		got, err := strconv.Atoi(v.Data.StockChanged.Reserved)
		return err == nil && got >= n
	}
}

// pushWait is how long a leg waits for one change's push. A push later than that is
// counted as taking pushWait (a censored sample: the p99 is then at least as bad as
// the truth only when more than 1% are late) and the leg goes on, so that one stall
// of a loaded machine does not cost the run its figures; more than a tenth late ends
// the leg, whose row then says why.
const pushWait = 10 * time.Second

// lateNote says how many of a leg's pushes came later than pushWait.
func lateNote(late int) string {
	if late == 0 {
		return ""
	}
	return fmt.Sprintf("(%d pushes not within %s, counted as %s)", late, pushWait, pushWait)
}

// tooLate is the error of a leg with more than a tenth of its pushes late.
func tooLate(late, n int) error {
	if late > n/10 {
		return fmt.Errorf("%d of %d pushes did not come within %s: %w", late, n, pushWait, errNoPush)
	}
	return nil
}

// pushes measures change-to-subscriber latency from each source: a signed Shopify order
// webhook (stored, resolved into a reservation of stock, projected, fanned out through
// Redis), a GraphQL reservation (decided in Redis, fanned out at once), and an MQTT
// weight reading of a pallet that disagrees with the ledger (stored, evaluated, the
// SENSOR_LEDGER alert raised and fanned out: readings move no stock, alerts carry them).
func (b *stockBench) pushes(ctx context.Context, n int) ([]benchRow, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, err := b.subscribe(ctx, `subscription($sku: String) { stockChanged(sku: $sku) { location reserved } }`,
		map[string]any{"sku": b.skus[0]})
	if err != nil {
		return nil, err
	}
	// The first webhooks after a start pay for what the process and Neo4j do once (the
	// JIT compiling the statements' code, plans cached, connections opened): on a freshly
	// started Neo4j the first runs' p99 was 70-180 ms against about 20 once warm. They
	// are timed in a row of their own and left out of the figures, as the reads leave out
	// their first tenth.
	warm := max(n/10, 10)
	warmAnswered, warmHook, warmLate, err := b.webhooks(ctx, ch, b.skus[0], warm, 900_000, 0)
	if err != nil {
		return nil, fmt.Errorf("warming up: %w", err)
	}
	answered, hook, late, err := b.webhooks(ctx, ch, b.skus[0], n, 0, warm)
	if err != nil {
		return nil, err
	}
	reserved := warm + n
	rsv, rsvLate := make([]time.Duration, 0, n), 0
	for i := range n {
		q := fmt.Sprintf(`mutation { reserve(sku: %q, location: %q, qty: "1", idempotencyKey: "bench-%d", ttlSeconds: 600) { ok } }`,
			b.skus[0], benchLocations[0], i)
		var a struct{ Reserve struct{ OK bool } }
		start := time.Now()
		if err := b.graphQL(q, nil, &a); err != nil || !a.Reserve.OK {
			return nil, fmt.Errorf("reservation %d: %+v, %v", i, a, err)
		}
		reserved++
		at, err := await(ch, fmt.Sprint(reserved, " reserved"), pushWait, reservedAt(reserved))
		switch {
		case errors.Is(err, errNoPush):
			if rsvLate++; tooLate(rsvLate, n) != nil {
				return nil, fmt.Errorf("reservations: %w", tooLate(rsvLate, n))
			}
			at = start.Add(pushWait)
		case err != nil:
			return nil, fmt.Errorf("reservation %d: %w", i, err)
		}
		rsv = append(rsv, at.Sub(start))
	}
	rows := []benchRow{
		{what: fmt.Sprintf("first %d signed webhooks answered (warm-up, left out of the rows below)", warm), took: warmAnswered, warmUp: true},
		{what: fmt.Sprintf("first %d signed webhooks to stockChanged subscriber (warm-up)", warm), took: warmHook, warmUp: true, note: lateNote(warmLate)},
		{what: "signed webhook answered (stored; and resolved, unless inline resolution is off)", took: answered},
		{what: "signed webhook to stockChanged subscriber", took: hook, note: lateNote(late)},
		{what: "GraphQL reserve to stockChanged subscriber", took: rsv, note: lateNote(rsvLate)},
	}
	mqttRow := benchRow{what: "MQTT weight reading to alertRaised subscriber"}
	switch {
	case !b.s.App.cfg.MQTTEnabled():
		mqttRow.note = "no broker configured"
	default:
		// Another Seam process on the same broker and database may store a reading
		// first (every replica subscribes to every sensor topic) and evaluate it with
		// its own alert settings: the leg is then reported as failed, not the bench.
		took, lost, err := b.readings(ctx, n)
		switch {
		case err != nil:
			mqttRow.note = err.Error()
		case lost > 0:
			mqttRow.took, mqttRow.note = took, fmt.Sprintf("(%d more went to another process on the broker)", lost)
		default:
			mqttRow.took = took
		}
	}
	return append(rows, mqttRow), nil
}

// readings publishes weight readings of the bench pallet and measures, for each one
// that disagrees with the ledger, how long until its alert reaches an alertRaised
// subscriber. An agreeing reading between two such clears the condition (and the
// alert), so that each disagreement raises an alert of its own.
func (b *stockBench) readings(ctx context.Context, n int) ([]time.Duration, int, error) {
	cfg := b.s.App.cfg.MQTT
	opts := paho.NewClientOptions().AddBroker(cfg.URL).SetClientID("seam-bench-pub-" + b.tenant[len(b.tenant)-12:])
	if cfg.User != "" {
		opts.SetUsername(cfg.User).SetPassword(string(cfg.Password))
	}
	c := paho.NewClient(opts)
	if tok := c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		return nil, 0, fmt.Errorf("connecting to the broker at %s: %v", cfg.URL, tok.Error())
	}
	defer c.Disconnect(100)
	ch, err := b.subscribe(ctx, `subscription { alertRaised { rule sku evidence { name value } } }`, nil)
	if err != nil {
		return nil, 0, err
	}
	// Readings of one pallet must be stamped in order, a millisecond apart at least: one
	// that is not newer than the last is the same reading to the sensor state.
	var last int64
	publish := func(at time.Time, kg int) error {
		last = max(last+1, at.UnixMilli())
		tok := c.Publish("seam/"+b.tenant+"/sensors/"+benchPallet, 1, false,
			[]byte(fmt.Sprintf(`{"ts":%d,"values":{"weight":%d}}`, last, kg)))
		if !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
			return fmt.Errorf("publishing a reading: %v", tok.Error())
		}
		return nil
	}
	out, lost := make([]time.Duration, 0, n), 0
	for i := 0; len(out) < n; i++ {
		if lost > n/10 {
			return out, lost, fmt.Errorf("%d readings raised no alert here: another Seam process on the broker stores readings first", lost)
		}
		// The pallet holds 1,000 units of 1 kg: 1,000 kg agrees, less does not. A
		// reading another process stored first never reaches this one's sensor state,
		// so the agreeing one is sent again until the alert clears, and a disagreeing
		// one that raises nothing here within 10 s is counted as lost, not measured.
		cleared := false
		for try := 0; try < 5 && !cleared; try++ {
			if err := publish(time.Now(), 1000); err != nil {
				return out, lost, err
			}
			cleared = b.noOpenAlert(2*time.Second) == nil
		}
		if !cleared {
			return out, lost, fmt.Errorf("reading %d: the alert did not clear after agreeing readings", i)
		}
		kg := 900 - i%50
		start := time.Now()
		if err := publish(start, kg); err != nil {
			return out, lost, err
		}
		at, err := await(ch, "the SENSOR_LEDGER alert", 10*time.Second, func(p json.RawMessage) bool {
			return strings.Contains(string(p), `"SENSOR_LEDGER"`) && strings.Contains(string(p), fmt.Sprintf(`"%d"`, kg))
		})
		switch {
		case errors.Is(err, errNoPush):
			lost++
			continue
		case err != nil:
			return out, lost, fmt.Errorf("reading %d (%d kg): %w", i, kg, err)
		}
		out = append(out, at.Sub(start))
	}
	return out, lost, nil
}

// noOpenAlert waits up to within until the tenant has no open alert: the last agreeing
// reading was evaluated and resolved it.
func (b *stockBench) noOpenAlert(within time.Duration) error {
	deadline := time.Now().Add(within)
	for {
		var a struct{ Alerts []struct{ Rule string } }
		if err := b.graphQL(`{ alerts(status: OPEN) { rule } }`, nil, &a); err != nil {
			return err
		}
		if len(a.Alerts) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("alerts still open after an agreeing reading: %+v", a.Alerts)
		}
		time.Sleep(time.Millisecond)
	}
}

// webhooks sends n signed Shopify orders of one unit of sku (order ids from first on)
// and measures each one's answer and its arrival at the stockChanged subscription ch,
// which watches sku and has seen held units of it reserved so far. A delivery answered
// 429 or 503 is sent again after its Retry-After, as the providers do, its time counted
// from the first send; late counts the pushes that took longer than pushWait.
func (b *stockBench) webhooks(ctx context.Context, ch <-chan wsNext, sku string, n, first, held int) (answered, pushed []time.Duration, late int, err error) {
	reserved := held
	pushed, answered = make([]time.Duration, 0, n), make([]time.Duration, 0, n)
	for k := range n {
		i := first + k
		body := []byte(fmt.Sprintf(`{"id": %d, "name": "#B%d", "order_number": %d, "email": "bench@example.com",
  "created_at": %q, "currency": "EUR", "financial_status": "paid", "fulfillment_status": null, "total_price": "1.00",
  "line_items": [{"id": %d, "variant_id": 1, "sku": %q, "title": "bench", "quantity": 1, "price": "1.00"}]}`,
			9_000_000+i, i, 9_000_000+i, time.Now().UTC().Format(time.RFC3339), 8_000_000+i, sku))
		start := time.Now()
		status, err := b.deliver(ctx, body, i)
		if err != nil {
			return nil, nil, late, err
		}
		answered = append(answered, time.Since(start))
		if status != http.StatusOK {
			return nil, nil, late, fmt.Errorf("webhook %d answered HTTP %d", i, status)
		}
		reserved++
		at, err := await(ch, fmt.Sprint(reserved, " reserved"), pushWait, reservedAt(reserved))
		switch {
		case errors.Is(err, errNoPush):
			if late++; tooLate(late, n) != nil {
				return nil, nil, late, fmt.Errorf("webhooks: %w", tooLate(late, n))
			}
			at = start.Add(pushWait)
		case err != nil:
			return nil, nil, late, fmt.Errorf("webhook %d: %w", i, err)
		}
		pushed = append(pushed, at.Sub(start))
	}
	return answered, pushed, late, nil
}

// deliver posts one signed Shopify orders/create webhook and returns its final status:
// a 429 or 503 (Seam busy, or Neo4j away) is delivered again after its Retry-After (at
// most 5 s, five tries), as the providers' senders do.
func (b *stockBench) deliver(ctx context.Context, body []byte, i int) (int, error) {
	for try := 1; ; try++ {
		h := webhook.Sign("shopify", body, []byte(b.secret), "", time.Now())
		h.Set("X-Shopify-Topic", "orders/create")
		h.Set("X-Shopify-Webhook-Id", fmt.Sprint("bench-", i))
		h.Set("Content-Type", "application/json")
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, b.base+"/webhooks/"+b.tenant+"/shopify", bytes.NewReader(body))
		req.Header = h
		resp, err := b.client.Do(req)
		if err != nil {
			return 0, fmt.Errorf("webhook %d: %w", i, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		busy := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable
		if !busy || try == 5 {
			return resp.StatusCode, nil
		}
		wait := time.Second
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
			wait = min(time.Duration(s)*time.Second, 5*time.Second)
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(wait):
		}
	}
}
