// Package webhook receives pushed documents at POST /webhooks/{tenant}/{system}: it
// verifies each source's own signature on the raw body, answers redeliveries from the
// delivery id, and hands the body to the intake.
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ErrSignature is returned when a request's signature is missing or wrong.
var ErrSignature = errors.New("signature invalid")

// Scheme verifies one source's webhook signature and tells what the delivery is.
type Scheme struct {
	// Verify checks the signature of body with secret; url is the full URL the sender
	// posted to (Square signs it together with the body).
	Verify func(h http.Header, url string, body []byte, secret []byte, now time.Time) error
	// DeliveryID returns the sender's own id for this delivery ("" when it has none),
	// the same for every redelivery.
	DeliveryID func(h http.Header, body []byte) string
	// Route tells what the delivery is, from the topic header or envelope (see Route);
	// a Route without Type, Ignore, Fetch or Ping means it cannot tell, and the caller
	// may then use ?type=.
	Route func(h http.Header, body []byte) Route
}

// Schemes are the signature schemes and event catalogues of the sources that push, by
// system name. Sources without a scheme of their own use "generic": an X-Seam-Signature
// header holding "sha256=" and the hex HMAC-SHA256 of the body.
func Schemes() map[string]Scheme {
	return map[string]Scheme{
		"shopify": {
			Verify:     base64HMAC("X-Shopify-Hmac-Sha256"),
			DeliveryID: header("X-Shopify-Webhook-Id"),
			Route:      shopifyRoute,
		},
		"woocommerce": {
			Verify:     base64HMAC("X-WC-Webhook-Signature"),
			DeliveryID: header("X-WC-Webhook-Delivery-ID"),
			Route:      wooRoute,
		},
		"square": {
			Verify:     squareHMAC,
			DeliveryID: jsonField("event_id"),
			Route:      squareRoute,
		},
		"aftership": {
			Verify:     base64HMAC("Aftership-Hmac-Sha256"),
			DeliveryID: jsonField("event_id"),
			Route:      aftershipRoute,
		},
		"stripe": {
			Verify:     stripeSignature,
			DeliveryID: jsonField("id"),
			Route:      stripeRoute,
		},
		"erpnext": {
			Verify:     frappeOrGeneric,
			DeliveryID: header("X-Seam-Delivery-Id"),
			Route:      frappeRoute,
		},
		"shipbob": {
			Verify:     standardOrGeneric,
			DeliveryID: standardOrSeamID,
			Route:      shipbobRoute,
		},
		"generic": {
			Verify:     genericHMAC,
			DeliveryID: header("X-Seam-Delivery-Id"),
			Route:      func(http.Header, []byte) Route { return Route{} },
		},
	}
}

func header(name string) func(http.Header, []byte) string {
	return func(h http.Header, _ []byte) string { return h.Get(name) }
}

func mac(secret, msg []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write(msg)
	return m.Sum(nil)
}

// base64HMAC is the Shopify / WooCommerce / AfterShip scheme: the header holds the
// base64 HMAC-SHA256 of the raw body.
func base64HMAC(name string) func(http.Header, string, []byte, []byte, time.Time) error {
	return func(h http.Header, _ string, body, secret []byte, _ time.Time) error {
		return equalBase64(h.Get(name), mac(secret, body), name)
	}
}

func equalBase64(got string, want []byte, name string) error {
	if got == "" {
		return fmt.Errorf("%w: header %s missing", ErrSignature, name)
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(got))
	if err != nil {
		return fmt.Errorf("%w: header %s is not base64", ErrSignature, name)
	}
	if !hmac.Equal(sig, want) {
		return fmt.Errorf("%w: header %s does not match the body", ErrSignature, name)
	}
	return nil
}

// squareHMAC: Square signs the notification URL followed by the raw body.
func squareHMAC(h http.Header, url string, body, secret []byte, _ time.Time) error {
	msg := append([]byte(url), body...)
	return equalBase64(h.Get("X-Square-Hmacsha256-Signature"), mac(secret, msg), "X-Square-HmacSha256-Signature")
}

// stripeTolerance bounds the age of a Stripe signature, against replayed requests.
const stripeTolerance = 5 * time.Minute

// stripeSignature: "Stripe-Signature: t=<unix>,v1=<hex>[,v1=...]" over "<t>.<body>".
func stripeSignature(h http.Header, _ string, body, secret []byte, now time.Time) error {
	v := h.Get("Stripe-Signature")
	if v == "" {
		return fmt.Errorf("%w: header Stripe-Signature missing", ErrSignature)
	}
	var ts string
	var sigs []string
	for _, part := range strings.Split(v, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = val
		case "v1":
			sigs = append(sigs, val)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return fmt.Errorf("%w: Stripe-Signature needs t= and v1=", ErrSignature)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > stripeTolerance || d < -stripeTolerance {
		return fmt.Errorf("%w: Stripe-Signature timestamp is %s away from now", ErrSignature, d.Round(time.Second))
	}
	want := mac(secret, append([]byte(ts+"."), body...))
	for _, s := range sigs {
		got, err := hex.DecodeString(s)
		if err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return fmt.Errorf("%w: no v1 signature in Stripe-Signature matches the body", ErrSignature)
}

// frappeHeader is where a Frappe site's Webhook (Webhook doctype, "Enable Security")
// puts the base64 HMAC-SHA256 of the JSON body it posts, keyed with the webhook's secret.
const frappeHeader = "X-Frappe-Webhook-Signature"

// frappeOrGeneric verifies an ERPNext delivery: Frappe's own signature when the request
// carries it (a webhook configured on the site), else X-Seam-Signature (a script or
// middleware posting documents it read from the REST API).
func frappeOrGeneric(h http.Header, url string, body, secret []byte, now time.Time) error {
	if h.Get(frappeHeader) != "" {
		return equalBase64(h.Get(frappeHeader), mac(secret, body), frappeHeader)
	}
	return genericHMAC(h, url, body, secret, now)
}

func genericHMAC(h http.Header, _ string, body, secret []byte, _ time.Time) error {
	v := h.Get("X-Seam-Signature")
	hexSig, ok := strings.CutPrefix(v, "sha256=")
	if !ok {
		return fmt.Errorf("%w: header X-Seam-Signature must be sha256=<hex HMAC of the body>", ErrSignature)
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil || !hmac.Equal(got, mac(secret, body)) {
		return fmt.Errorf("%w: header X-Seam-Signature does not match the body", ErrSignature)
	}
	return nil
}

// Sign returns the headers a sender of system would set for body: the simulator and the
// tests deliver webhooks exactly as the real systems do.
func Sign(system string, body, secret []byte, url string, now time.Time) http.Header {
	h := http.Header{}
	switch system {
	case "shopify":
		h.Set("X-Shopify-Hmac-Sha256", base64.StdEncoding.EncodeToString(mac(secret, body)))
	case "woocommerce":
		h.Set("X-WC-Webhook-Signature", base64.StdEncoding.EncodeToString(mac(secret, body)))
	case "erpnext":
		h.Set(frappeHeader, base64.StdEncoding.EncodeToString(mac(secret, body)))
	case "aftership":
		h.Set("Aftership-Hmac-Sha256", base64.StdEncoding.EncodeToString(mac(secret, body)))
	case "square":
		h.Set("X-Square-Hmacsha256-Signature", base64.StdEncoding.EncodeToString(mac(secret, append([]byte(url), body...))))
	case "shipbob":
		signStandard(h, body, secret, now)
	case "stripe":
		ts := strconv.FormatInt(now.Unix(), 10)
		h.Set("Stripe-Signature", "t="+ts+",v1="+hex.EncodeToString(mac(secret, append([]byte(ts+"."), body...))))
	default:
		h.Set("X-Seam-Signature", "sha256="+hex.EncodeToString(mac(secret, body)))
	}
	return h
}
