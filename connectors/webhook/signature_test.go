package webhook

import (
	"encoding/hex"
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestSchemesVerifyTheirOwnSignatures(t *testing.T) {
	body := []byte(`{"id":5820193847261,"name":"#1047"}`)
	secret := []byte("s3cret")
	url := "https://hub.example.com/webhooks/acme/square"
	now := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	for system, scheme := range Schemes() {
		t.Run(system, func(t *testing.T) {
			h := Sign(system, body, secret, url, now)
			if err := scheme.Verify(h, url, body, secret, now); err != nil {
				t.Fatalf("valid signature refused: %v", err)
			}
			if err := scheme.Verify(h, url, append([]byte(" "), body...), secret, now); !errors.Is(err, ErrSignature) {
				t.Errorf("changed body accepted: %v", err)
			}
			if err := scheme.Verify(h, url, body, []byte("other"), now); !errors.Is(err, ErrSignature) {
				t.Errorf("wrong secret accepted: %v", err)
			}
			if err := scheme.Verify(http.Header{}, url, body, secret, now); !errors.Is(err, ErrSignature) {
				t.Errorf("missing header accepted: %v", err)
			}
		})
	}
}

func TestSquareSignsTheURL(t *testing.T) {
	body := []byte(`{"event_id":"e1"}`)
	h := Sign("square", body, []byte("k"), "https://a.example/webhooks/t/square", time.Now())
	if err := squareHMAC(h, "https://b.example/webhooks/t/square", body, []byte("k"), time.Now()); !errors.Is(err, ErrSignature) {
		t.Fatalf("signature for another URL accepted: %v", err)
	}
}

func TestStripeRefusesOldSignatures(t *testing.T) {
	body := []byte(`{"id":"evt_1"}`)
	signed := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	h := Sign("stripe", body, []byte("whsec"), "", signed)
	if err := stripeSignature(h, "", body, []byte("whsec"), signed.Add(4*time.Minute)); err != nil {
		t.Fatalf("4-minute-old signature refused: %v", err)
	}
	if err := stripeSignature(h, "", body, []byte("whsec"), signed.Add(6*time.Minute)); !errors.Is(err, ErrSignature) {
		t.Fatalf("6-minute-old signature accepted: %v", err)
	}
}

func TestDeliveryIDsAndTypes(t *testing.T) {
	s := Schemes()
	h := http.Header{}
	h.Set("X-Shopify-Webhook-Id", "b54557e4")
	h.Set("X-Shopify-Topic", "orders/create")
	if got := s["shopify"].DeliveryID(h, nil); got != "b54557e4" {
		t.Errorf("shopify delivery id = %q", got)
	}
	if got := s["shopify"].Route(h, nil).Type; got != "order" {
		t.Errorf("shopify type = %q", got)
	}
	sq := []byte(`{"merchant_id":"M","type":"payment.updated","event_id":"6a8f5f28","data":{"id":"x"}}`)
	if got := s["square"].DeliveryID(nil, sq); got != "6a8f5f28" {
		t.Errorf("square delivery id = %q", got)
	}
	if got := s["square"].Route(nil, sq).Type; got != "payment" {
		t.Errorf("square type = %q", got)
	}
	st := []byte(`{"id":"evt_1N","object":"event","type":"charge.succeeded","data":{"object":{"id":"ch_1","object":"charge"}}}`)
	if got := s["stripe"].Route(nil, st).Type; got != "charge" {
		t.Errorf("stripe type = %q", got)
	}
	if got := s["stripe"].DeliveryID(nil, []byte(`not json`)); got != "" {
		t.Errorf("delivery id of malformed body = %q, want empty", got)
	}
}

// FuzzSchemes feeds arbitrary headers and bodies to every scheme: verifying, reading the
// delivery id and the document type must never panic, and never accept a forged body.
func FuzzSchemes(f *testing.F) {
	f.Add("t=1741054522,v1=abc", []byte(`{"id":"evt_1","type":"charge.succeeded"}`))
	f.Add("sha256=00", []byte(`{"event_id":"e","type":"payment.created"}`))
	f.Add("", []byte(`not json`))
	f.Fuzz(func(t *testing.T, sig string, body []byte) {
		now := time.Unix(1741054522, 0)
		for name, s := range Schemes() {
			h := http.Header{}
			for _, k := range []string{"X-Shopify-Hmac-Sha256", "X-WC-Webhook-Signature", "X-Square-Hmacsha256-Signature",
				"Aftership-Hmac-Sha256", "Stripe-Signature", "X-Seam-Signature", "X-Shopify-Topic", "X-Shopify-Webhook-Id"} {
				h.Set(k, sig)
			}
			if err := s.Verify(h, "https://x/webhooks/t/"+name, body, []byte("secret"), now); err == nil {
				// Only a signature computed with the secret may pass.
				good := Sign(name, body, []byte("secret"), "https://x/webhooks/t/"+name, now)
				if !sameSignature(good, h) {
					t.Fatalf("%s accepted a signature it did not make: %q", name, sig)
				}
			}
			_ = s.DeliveryID(h, body)
			_ = s.Route(h, body)
		}
	})
}

func sameSignature(good, got http.Header) bool {
	for k, v := range good {
		if got.Get(k) != v[0] {
			return false
		}
	}
	return true
}

// TestERPNextTakesFrappesSignature: a Frappe site's Webhook signs with
// X-Frappe-Webhook-Signature, the base64 HMAC-SHA256 of the JSON body
// (frappe/integrations/doctype/webhook/webhook.py); X-Seam-Signature still works for
// documents posted by a script. Before, the Frappe header was refused with 401.
func TestERPNextTakesFrappesSignature(t *testing.T) {
	body := []byte(`{"name": "MAT-PRE-2026-00019", "docstatus": 1, "doctype": "Purchase Receipt"}`)
	secret := []byte("erp-secret")
	// The value Python's base64.b64encode(hmac.new(secret, body, sha256).digest()) gives.
	frappe := http.Header{}
	frappe.Set("X-Frappe-Webhook-Signature", "yioK8OMmXK0YXa+7w/wfDTAj5DKa9vr+EmS1XJQIkjE=")
	s := Schemes()["erpnext"]
	if s.Verify == nil {
		t.Fatal("no erpnext scheme")
	}
	if err := s.Verify(frappe, "", body, secret, time.Now()); err != nil {
		t.Fatalf("Frappe's signature refused: %v", err)
	}
	if err := s.Verify(frappe, "", body, []byte("other"), time.Now()); !errors.Is(err, ErrSignature) {
		t.Errorf("Frappe's header with a wrong secret accepted: %v", err)
	}
	seam := http.Header{}
	seam.Set("X-Seam-Signature", "sha256="+hex.EncodeToString(mac(secret, body)))
	if err := s.Verify(seam, "", body, secret, time.Now()); err != nil {
		t.Fatalf("X-Seam-Signature refused: %v", err)
	}
}
