package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The Standard Webhooks headers (standardwebhooks.com): ShipBob signs this way since its
// dated API versions (2025-07 on), and so do senders built on Svix.
const (
	standardID        = "Webhook-Id"
	standardTimestamp = "Webhook-Timestamp"
	standardSignature = "Webhook-Signature"
)

// standardTolerance bounds how far a Standard Webhooks timestamp may be from now, either
// way: the spec's five minutes. A replay within it carries the same webhook-id and is
// answered as a duplicate; one after it is refused.
const standardTolerance = 5 * time.Minute

// standardKeys are the HMAC keys a Standard Webhooks secret may stand for. The spec's
// secret is "whsec_" and the key in base64, as ShipBob and Svix issue it; some dashboards
// show the base64 without the prefix. A secret that is not base64 (one an operator chose,
// or the shared development secret) is a key as it is. The first key is the one signing
// uses; verifying takes any, all of them being the configured secret's.
func standardKeys(secret []byte) [][]byte {
	s := strings.TrimPrefix(strings.TrimSpace(string(secret)), "whsec_")
	if k, err := base64.StdEncoding.DecodeString(s); err == nil && len(k) > 0 {
		return [][]byte{k, secret}
	}
	return [][]byte{secret}
}

// standardSignatureOf is the HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed with key.
func standardSignatureOf(id, ts string, body, key []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id + "." + ts + "."))
	m.Write(body)
	return m.Sum(nil)
}

// standardHMAC verifies a Standard Webhooks delivery: webhook-signature is a
// space-separated list of "v1,<base64>" signatures (several while a secret is rotated;
// other versions, such as the asymmetric v1a, are passed over), any of which may match.
func standardHMAC(h http.Header, _ string, body, secret []byte, now time.Time) error {
	id, ts, sigs := h.Get(standardID), h.Get(standardTimestamp), h.Get(standardSignature)
	if id == "" || ts == "" || sigs == "" {
		return fmt.Errorf("%w: Standard Webhooks needs the headers webhook-id, webhook-timestamp and webhook-signature", ErrSignature)
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: webhook-timestamp %q is not seconds since 1970", ErrSignature, ts)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > standardTolerance || d < -standardTolerance {
		return fmt.Errorf("%w: webhook-timestamp is %s away from now", ErrSignature, d.Round(time.Second))
	}
	keys := standardKeys(secret)
	for _, s := range strings.Fields(sigs) {
		version, b64, ok := strings.Cut(s, ",")
		if !ok || version != "v1" {
			continue
		}
		got, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			continue
		}
		for _, k := range keys {
			if hmac.Equal(got, standardSignatureOf(id, ts, body, k)) {
				return nil
			}
		}
	}
	return fmt.Errorf("%w: no v1 signature in webhook-signature matches the body", ErrSignature)
}

// standardOrGeneric verifies a delivery signed the Standard Webhooks way when it carries
// webhook-signature (ShipBob's own deliveries), else X-Seam-Signature (a script posting
// documents it read from the API).
func standardOrGeneric(h http.Header, url string, body, secret []byte, now time.Time) error {
	if h.Get(standardSignature) != "" {
		return standardHMAC(h, url, body, secret, now)
	}
	return genericHMAC(h, url, body, secret, now)
}

// standardOrSeamID is the delivery id of either: webhook-id, the same for every retry of
// one message, else X-Seam-Delivery-Id.
func standardOrSeamID(h http.Header, _ []byte) string {
	if id := h.Get(standardID); id != "" {
		return id
	}
	return h.Get("X-Seam-Delivery-Id")
}

// signStandard sets the Standard Webhooks headers for body. The message id is derived from
// the body, so that signing the same body twice makes the same delivery, as a retry is.
func signStandard(h http.Header, body, secret []byte, now time.Time) {
	sum := sha256.Sum256(body)
	id := "msg_" + hex.EncodeToString(sum[:12])
	ts := strconv.FormatInt(now.Unix(), 10)
	h.Set(standardID, id)
	h.Set(standardTimestamp, ts)
	h.Set(standardSignature, "v1,"+base64.StdEncoding.EncodeToString(standardSignatureOf(id, ts, body, standardKeys(secret)[0])))
}

// The reasons given for ShipBob events that make no document.
const (
	whyShipBobShipment = "a ShipBob order or shipment event: Seam maps no ShipBob orders or shipments (the sale is the storefront's order, and ShipBob's stock moves are read from its receipts); not mapped, kept as a notification"
	whyShipBobReturn   = "a ShipBob return: not mapped (the storefront's refund carries the goods back); kept as a notification"
)

// shipbobRoute routes by x-webhook-topic (the dated API versions: wro.completed,
// order.shipped) or shipbob-topic (1.0 and 2.0 subscriptions: order_shipped). A topic
// about a Warehouse Receiving Order carries the WRO itself, which the receipt mapping
// reads; shipments, returns and billing are kept as notifications. A delivery without
// a topic (posted by a script) is the system's only type, or ?type=.
func shipbobRoute(h http.Header, _ []byte) Route {
	topic := h.Get("X-Webhook-Topic")
	if topic == "" {
		topic = h.Get("Shipbob-Topic")
	}
	r := Route{Topic: topic}
	resource, _, _ := strings.Cut(strings.ToLower(topic), ".")
	switch {
	case topic == "":
	case resource == "wro":
		// The body is the WRO; one the mapping cannot read is quarantined, where a
		// person sees it, rather than kept unread.
		r.Type = "receipt"
	case resource == "order" || strings.HasPrefix(topic, "order_") || strings.HasPrefix(topic, "shipment_"):
		r.Ignore = whyShipBobShipment
	case resource == "return":
		r.Ignore = whyShipBobReturn
	case resource == "billing":
		r.Ignore = whyMoneyOnly
	case resource == "inventory":
		r.Ignore = whyStockLevel
	case resource == "product":
		r.Ignore = whyCatalogue
	default:
		r.Ignore = whyNotUsed
	}
	return r
}
