package webhook

import (
	"encoding/hex"
	"errors"
	"net/http"
	"testing"
	"time"
)

// The Standard Webhooks specification's published test vector (standard-webhooks
// libraries' tests): secret, message id, timestamp, body and the signature they make.
const (
	vectorSecret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vectorID        = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vectorTimestamp = "1614265330"
	vectorBody      = `{"test": 2432232314}`
	vectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

func vectorHeaders(sig string) http.Header {
	h := http.Header{}
	h.Set("webhook-id", vectorID)
	h.Set("webhook-timestamp", vectorTimestamp)
	h.Set("webhook-signature", sig)
	h.Set("x-webhook-topic", "wro.completed")
	return h
}

// TestShipBobSignsWithStandardWebhooks: ShipBob's dated API versions sign every delivery
// the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature "v1,<base64
// HMAC-SHA256 of id.timestamp.body>", keyed with the base64 after "whsec_"). Before, Seam
// knew only X-Seam-Signature for ShipBob and answered every real delivery 401.
func TestShipBobSignsWithStandardWebhooks(t *testing.T) {
	scheme, ok := Schemes()["shipbob"]
	if !ok {
		t.Fatal("ShipBob has no signature scheme of its own: only X-Seam-Signature is taken")
	}
	verify := scheme.Verify
	body := []byte(vectorBody)
	signed := time.Unix(1614265330, 0)
	if err := verify(vectorHeaders(vectorSignature), "", body, []byte(vectorSecret), signed.Add(time.Minute)); err != nil {
		t.Fatalf("the specification's test vector refused: %v", err)
	}
	// The key pasted without its prefix is the same key.
	if err := verify(vectorHeaders(vectorSignature), "", body, []byte("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), signed); err != nil {
		t.Errorf("the secret without whsec_ refused: %v", err)
	}
	// While a secret is rotated the header lists a signature per secret, space-separated,
	// and other versions (v1a, asymmetric) are passed over.
	several := "v1a,aGVsbG8= v1,Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg= " + vectorSignature
	if err := verify(vectorHeaders(several), "", body, []byte(vectorSecret), signed); err != nil {
		t.Errorf("a list holding the right signature refused: %v", err)
	}
	for name, c := range map[string]struct {
		h      http.Header
		body   string
		secret string
		now    time.Time
	}{
		"changed body":         {vectorHeaders(vectorSignature), `{"test": 2432232315}`, vectorSecret, signed},
		"wrong secret":         {vectorHeaders(vectorSignature), vectorBody, "whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ=", signed},
		"six minutes old":      {vectorHeaders(vectorSignature), vectorBody, vectorSecret, signed.Add(6 * time.Minute)},
		"six minutes ahead":    {vectorHeaders(vectorSignature), vectorBody, vectorSecret, signed.Add(-6 * time.Minute)},
		"only a v1a signature": {vectorHeaders("v1a," + vectorSignature[3:]), vectorBody, vectorSecret, signed},
		"another message id":   {func() http.Header { h := vectorHeaders(vectorSignature); h.Set("webhook-id", "msg_other"); return h }(), vectorBody, vectorSecret, signed},
		"timestamp not seconds": {func() http.Header {
			h := vectorHeaders(vectorSignature)
			h.Set("webhook-timestamp", "2021-02-25")
			return h
		}(), vectorBody, vectorSecret, signed},
		"no webhook-id": {func() http.Header { h := vectorHeaders(vectorSignature); h.Del("webhook-id"); return h }(), vectorBody, vectorSecret, signed},
	} {
		if err := verify(c.h, "", []byte(c.body), []byte(c.secret), c.now); !errors.Is(err, ErrSignature) {
			t.Errorf("%s: accepted (%v)", name, err)
		}
	}
	// Documents a script posts from ShipBob's API still sign with X-Seam-Signature.
	seam := http.Header{}
	seam.Set("X-Seam-Signature", "sha256="+hex.EncodeToString(mac([]byte("k"), body)))
	if err := verify(seam, "", body, []byte("k"), time.Now()); err != nil {
		t.Errorf("X-Seam-Signature refused: %v", err)
	}
}

// TestShipBobDeliveryIDIsTheWebhookID: a retry of one message carries the same
// webhook-id, which answers it as a duplicate (the spec's replay protection together
// with the timestamp's tolerance).
func TestShipBobDeliveryIDIsTheWebhookID(t *testing.T) {
	s, ok := Schemes()["shipbob"]
	if !ok {
		t.Fatal("ShipBob has no scheme of its own")
	}
	if got := s.DeliveryID(vectorHeaders(vectorSignature), nil); got != vectorID {
		t.Errorf("delivery id = %q, want the webhook-id", got)
	}
	h := http.Header{}
	h.Set("X-Seam-Delivery-Id", "wro-1")
	if got := s.DeliveryID(h, nil); got != "wro-1" {
		t.Errorf("delivery id of a script's post = %q", got)
	}
	a := Sign("shipbob", []byte(vectorBody), []byte(vectorSecret), "", time.Unix(1614265330, 0))
	b := Sign("shipbob", []byte(vectorBody), []byte(vectorSecret), "", time.Unix(1614265400, 0))
	if s.DeliveryID(a, nil) == "" || s.DeliveryID(a, nil) != s.DeliveryID(b, nil) {
		t.Errorf("a resent body is another delivery: %q, %q", s.DeliveryID(a, nil), s.DeliveryID(b, nil))
	}
}

// TestShipBobTopics: a Warehouse Receiving Order's topics carry the WRO, which is a
// receipt; every other topic ShipBob documents (the dated versions' x-webhook-topic and the
// 1.0/2.0 shipbob-topic) is kept as a notification that says it is not mapped.
func TestShipBobTopics(t *testing.T) {
	scheme, ok := Schemes()["shipbob"]
	if !ok {
		t.Fatal("ShipBob has no scheme of its own")
	}
	route := scheme.Route
	for topic, want := range map[string]string{
		"wro.completed": "receipt", "wro.created": "receipt", "wro.updated": "receipt",
		"order.shipped": "", "order.delivered": "", "order.shipment.delivered": "", "order.shipment.exception": "",
		"order.shipment.on_hold": "", "order.shipment.cancelled": "", "order.shipment.tracking.updated": "",
		"order.shipment.line_item.added": "", "return.created": "", "return.updated": "", "return.completed": "",
		"billing.charge.created": "", "something.new": "",
	} {
		h := http.Header{}
		h.Set("x-webhook-topic", topic)
		checkRoute(t, "shipbob "+topic, route(h, []byte(`{"id": 1}`)), want)
	}
	for _, topic := range []string{"order_shipped", "shipment_delivered", "shipment_exception", "shipment_onhold", "shipment_cancelled"} {
		h := http.Header{}
		h.Set("shipbob-topic", topic)
		r := route(h, []byte(`{"id": 1}`))
		checkRoute(t, "shipbob legacy "+topic, r, "")
		if r.Ignore != whyShipBobShipment {
			t.Errorf("shipbob legacy %s: reason %q", topic, r.Ignore)
		}
	}
	if r := route(http.Header{}, []byte(`{"id": 1}`)); r.Type != "" || r.Ignore != "" {
		t.Errorf("a post without a topic = %+v, want the caller to decide (?type= or the only type)", r)
	}
}
