package simulate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	"github.com/seamhub/seam/connectors/webhook"
)

// Feeder is a Sink that delivers documents to a running Seam in real time, each the way
// its real system would: signed webhooks (Shopify, WooCommerce, Square, AfterShip, Stripe
// with their own schemes; the others with Seam's generic signature), and pallet readings
// over MQTT. Documents dated before Now are delivered at once.
type Feeder struct {
	Ctx    context.Context
	URL    string // Seam's base URL, e.g. http://127.0.0.1:8080
	Tenant string
	Secret []byte
	// Hour is the real time one simulated hour takes.
	Hour time.Duration
	// SimNow is the simulated moment that corresponds to the feed's start.
	SimNow time.Time
	// MQTT publishes readings; nil sends them as webhooks of system iot.
	MQTT paho.Client
	// Override, when set, is offered each document first; it returns true when it
	// delivered it some other way (the demo's partner API and file drop).
	Override func(d Doc) (bool, error)
	Client   *http.Client
	Log      *slog.Logger

	began time.Time
}

// Put implements Sink.
func (f *Feeder) Put(d Doc) error {
	if f.began.IsZero() {
		f.began = time.Now()
	}
	due := f.began.Add(time.Duration(float64(d.Deliver.Sub(f.SimNow)) / float64(time.Hour) * float64(f.Hour)))
	select {
	case <-f.Ctx.Done():
		return f.Ctx.Err()
	case <-time.After(time.Until(due)):
	}
	err := f.deliver(d)
	if err != nil && f.Ctx.Err() == nil && f.Log != nil {
		f.Log.Warn("delivering a simulated document", "system", d.System, "type", d.Type, "err", err)
	}
	return nil // a failed delivery is the receiver's to report; the feed goes on
}

func (f *Feeder) deliver(d Doc) error {
	if f.Override != nil {
		if done, err := f.Override(d); done {
			return err
		}
	}
	if d.System == "iot" && f.MQTT != nil {
		return f.publish(d)
	}
	body := d.Raw
	if d.System == "square" {
		body = squareEvent(d)
	}
	return f.post(d, body)
}

// squareEvent wraps an order in the order.updated event Square pushes.
func squareEvent(d Doc) []byte {
	var order json.RawMessage = d.Raw
	if !json.Valid(d.Raw) {
		return d.Raw // corrupted on purpose: delivered as broken as it is
	}
	b, _ := json.Marshal(map[string]any{
		// A redelivery is the same event: same id, same bytes.
		"merchant_id": "MLSEAMDEMO", "type": "order.updated", "event_id": fmt.Sprintf("%x", sha256.Sum256([]byte(d.ExternalID)))[:32],
		"created_at": d.At.UTC().Format(time.RFC3339),
		"data":       map[string]any{"type": "order", "id": d.ExternalID, "object": map[string]any{"order": order}},
	})
	return b
}

func (f *Feeder) post(d Doc, body []byte) error {
	url := f.URL + "/webhooks/" + f.Tenant + "/" + d.System + "?type=" + d.Type
	req, err := http.NewRequestWithContext(f.Ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header = webhook.Sign(d.System, body, f.Secret, url, time.Now())
	if d.Format == "xml" {
		req.Header.Set("Content-Type", "application/xml")
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	switch d.System {
	case "shopify":
		req.Header.Set("X-Shopify-Topic", "orders/create")
		req.Header.Set("X-Shopify-Webhook-Id", fmt.Sprintf("%s-%d", d.ExternalID, d.Deliver.UnixNano()))
	case "woocommerce":
		req.Header.Set("X-WC-Webhook-Topic", "order.created")
		req.Header.Set("X-WC-Webhook-Delivery-ID", fmt.Sprintf("%d", d.Deliver.UnixNano()))
	}
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 || resp.StatusCode == http.StatusUnauthorized {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		return fmt.Errorf("%s webhook answered %s: %s", d.System, resp.Status, b)
	}
	return nil
}

// publish sends a reading as a pallet sensor does: ThingsBoard telemetry on the device's
// own topic.
func (f *Feeder) publish(d Doc) error {
	var gw map[string][]json.RawMessage
	if err := json.Unmarshal(d.Raw, &gw); err != nil {
		// Corrupted on purpose: the broker carries it, the intake quarantines it.
		f.MQTT.Publish("seam/"+f.Tenant+"/sensors/PALLET-UNKNOWN", 1, false, d.Raw)
		return nil
	}
	for dev, msgs := range gw {
		for _, m := range msgs {
			f.MQTT.Publish("seam/"+f.Tenant+"/sensors/"+dev, 1, false, []byte(m))
		}
	}
	return nil
}
