package webhook

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// Secrets finds the signing secret of a tenant's source system.
type Secrets interface {
	Secret(tenant, system string) ([]byte, bool)
}

// Accepter is the intake.
type Accepter interface {
	Accept(ctx context.Context, payloads []connectors.Payload) (connectors.Result, error)
}

// Deliveries remembers delivery ids already stored.
type Deliveries interface {
	SeenDelivery(ctx context.Context, tenant, system, deliveryID string) (bool, error)
}

// Systems knows the source systems Seam has mappings for.
type Systems interface {
	// OnlyType tells the one document type a system has, when it has only one.
	OnlyType(system string) (string, bool)
	// Known reports whether any mapping reads the system's documents.
	Known(system string) bool
	// Reads says why no mapping reads documents of system and typ (naming the types
	// there are), or nil when one does.
	Reads(system, typ string) error
}

// Notifications keeps deliveries that make no document.
type Notifications interface {
	SaveNotification(ctx context.Context, n ontology.Notification) (seen bool, err error)
}

// Fetcher reads a whole object that a summary notification names (a Square order) from
// the provider's API. ok is false when the tenant has no credentials for that API.
type Fetcher interface {
	Fetch(ctx context.Context, tenant, system string, f Fetch) (raw []byte, ok bool, err error)
}

// Handler serves POST /webhooks/{tenant}/{system}.
//
// Once the raw body is durably stored (as a document, a notification kept without a
// document, or in quarantine) the answer is 200 with the outcome in the body: providers
// retry every 4xx and 5xx and, after enough of them, disable the endpoint. 4xx is only for
// what the sender must fix: 401 a missing or wrong signature, 413 a body over the limit,
// 404 an unknown tenant or system. 503 says the store is down; the sender retries.
type Handler struct {
	Schemes       map[string]Scheme
	Secrets       Secrets
	Intake        Accepter
	Deliveries    Deliveries
	Systems       Systems
	Notifications Notifications
	// Fetcher, when set, fetches the objects summary notifications name.
	Fetcher Fetcher
	Log     *slog.Logger
	// MaxBody bounds a request body (default 5 MiB); larger bodies get 413.
	MaxBody int64
	// BodyTimeout bounds how long a body may take to arrive once its headers have
	// (default 10 s); a slower one gets 408. The server's own timeouts stop at the
	// headers, and a body trickled in forever would hold its reading place for ever.
	BodyTimeout time.Duration
	// Admission, when set, bounds the requests read and stored at once (see Admission);
	// a request beyond it is answered 429.
	Admission *Admission
	// PublicURL is the externally visible base URL ("https://hub.example.com"), needed
	// for Square's signature over the notification URL behind a proxy; when empty the
	// URL is rebuilt from the request.
	PublicURL string
	Now       func() time.Time
	// Observe, when set, is told the outcome of every request (for metrics).
	Observe func(tenant, system, outcome string)
}

var tenantRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

// Response is the JSON body of every answer.
type Response struct {
	// Status is accepted, duplicate, ignored or quarantined (all 200), or rejected.
	Status      string             `json:"status"`
	Topic       string             `json:"topic,omitempty"` // the provider's event name
	Documents   []string           `json:"documents,omitempty"`
	Duplicates  int                `json:"duplicates,omitempty"`
	Stale       int                `json:"stale,omitempty"` // versions older than the current one by the source's clock: kept as history
	Quarantined int                `json:"quarantined,omitempty"`
	Reason      string             `json:"reason,omitempty"` // why an ignored event makes no document
	Error       string             `json:"error,omitempty"`
	Problems    []ontology.Problem `json:"problems,omitempty"`
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tenant, system := r.PathValue("tenant"), r.PathValue("system")
	outcome := h.serve(w, r, tenant, system)
	if h.Observe != nil {
		h.Observe(tenant, system, outcome)
	}
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request, tenant, system string) string {
	now := time.Now
	if h.Now != nil {
		now = h.Now
	}
	if !tenantRE.MatchString(tenant) || !tenantRE.MatchString(system) {
		return reply(w, http.StatusNotFound, Response{Status: "rejected", Error: "tenant and system must be lower-case names"})
	}
	// Who may send is known before the body is read: a request for a tenant and
	// system without a secret takes no reading place and no memory.
	scheme, ok := h.Schemes[system]
	if !ok {
		if h.Systems != nil && !h.Systems.Known(system) {
			return reply(w, http.StatusNotFound, Response{Status: "rejected", Error: "unknown system " + system + ": no mapping reads its documents"})
		}
		scheme = h.Schemes["generic"]
	}
	secret, ok := h.Secrets.Secret(tenant, system)
	if !ok {
		// Never accept unsigned pushes: without a secret nobody can prove the sender.
		return reply(w, http.StatusNotFound, Response{Status: "rejected", Error: "unknown tenant or system: no signing secret is configured for " + tenant + "/" + system})
	}
	body, outcome, ok := h.readBody(w, r)
	if !ok {
		return outcome
	}
	if system == "woocommerce" && wooPing(r.Header, body) {
		// Sent unsigned when a webhook is saved in WooCommerce, which keeps the webhook
		// only if the ping is answered 2xx. It carries nothing to keep.
		return reply(w, http.StatusOK, Response{Status: "ignored", Topic: "ping", Reason: "WooCommerce ping when a webhook is saved; nothing to keep"})
	}
	if err := scheme.Verify(r.Header, h.url(r), body, secret, now()); err != nil {
		return reply(w, http.StatusUnauthorized, Response{Status: "rejected", Error: err.Error()})
	}
	leave, ok := h.Admission.enterStoring(w, r)
	if !ok {
		return "throttled"
	}
	defer leave()
	// Senders time out within seconds (Shopify: 5 s); answer 503 in time so that they
	// retry, rather than letting a stalled store hold the request.
	ctx, cancel := context.WithTimeout(r.Context(), 4*time.Second)
	defer cancel()
	delivery := scheme.DeliveryID(r.Header, body)
	route := scheme.Route(r.Header, body)
	if typ := r.URL.Query().Get("type"); typ != "" {
		route = Route{Topic: route.Topic, Type: typ}
	}
	// A redelivery is told by its delivery id where it is stored: saving a document or a
	// notification answers whether that delivery was stored before, in the same
	// statement that locks the document, so the common case (a new delivery) pays no
	// round trip for the question. Only a summary whose object must be fetched from
	// the provider asks first, so that a retry does not cost an API call.
	if delivery != "" && h.Deliveries != nil && route.Fetch != nil {
		seen, err := h.Deliveries.SeenDelivery(ctx, tenant, system, delivery)
		if err != nil {
			return h.unavailable(ctx, w, "checking delivery id", err, tenant, system)
		}
		if seen {
			return reply(w, http.StatusOK, Response{Status: "duplicate", Duplicates: 1})
		}
	}
	if route.Type == "" && route.Ignore == "" && route.Fetch == nil && !route.Ping && h.Systems != nil {
		route.Type, _ = h.Systems.OnlyType(system)
	}
	in := connectors.Payload{Tenant: tenant, System: system, Type: route.Type, Raw: body, Via: "webhook",
		DeliveryID: delivery, ReceivedAt: now().UTC()}
	switch {
	case route.Ping:
		return reply(w, http.StatusOK, Response{Status: "ignored", Topic: route.Topic, Reason: "a test delivery; nothing to keep"})
	case route.Fetch != nil:
		return h.fetch(ctx, w, in, route)
	case route.Ignore != "":
		if route.Alert && h.Log != nil {
			h.Log.Warn("provider event needs attention", "tenant", tenant, "system", system, "topic", route.Topic, "why", route.Ignore)
		}
		return h.ignore(ctx, w, in, route.Topic, route.Ignore)
	case route.Type == "":
		// Nothing tells what this is: keep it in quarantine, where a person sees it and
		// can replay it once the type is known; the sender is not made to retry.
		in.Type = "unknown"
		return h.accept(ctx, w, in, route.Topic, "cannot tell the document type of this delivery; post it with ?type=<type>")
	}
	if h.Systems != nil {
		// A type nothing reads (an ERPNext doctype without a mapping) is not a
		// malformed body: the answer says so, and the types there are.
		if err := h.Systems.Reads(system, route.Type); err != nil {
			return h.accept(ctx, w, in, route.Topic, err.Error())
		}
	}
	return h.accept(ctx, w, in, route.Topic, "")
}

// accept maps and stores a document payload and answers with its outcome; hint, when
// set, says what to do about a payload that ends in quarantine.
func (h *Handler) accept(ctx context.Context, w http.ResponseWriter, p connectors.Payload, topic, hint string) string {
	res, err := h.Intake.Accept(ctx, []connectors.Payload{p})
	if err != nil {
		return h.unavailable(ctx, w, "storing webhook", err, p.Tenant, p.System)
	}
	out := Response{Topic: topic, Duplicates: res.Duplicates, Stale: res.Stale, Quarantined: res.Quarantined, Problems: res.Problems}
	for _, k := range res.Documents {
		out.Documents = append(out.Documents, k.UID())
	}
	switch {
	case res.Quarantined > 0 && len(out.Documents) == 0 && res.Duplicates == 0:
		out.Status = "quarantined"
		switch {
		case hint != "":
			out.Error = hint + "; kept in quarantine"
		case res.Malformed:
			out.Error = "malformed body; kept in quarantine with the reason"
		default:
			out.Error = "invalid document; kept in quarantine with the reasons"
		}
	case res.Ignored > 0 && len(out.Documents) == 0:
		out.Status, out.Reason = "ignored", cmp.Or(res.IgnoredWhy, "the payload carries no document by design")
	case len(out.Documents) == 0 && res.Duplicates > 0:
		out.Status = "duplicate"
	default:
		out.Status = "accepted"
	}
	return reply(w, http.StatusOK, out)
}

// ignore keeps a delivery that makes no document.
func (h *Handler) ignore(ctx context.Context, w http.ResponseWriter, p connectors.Payload, topic, why string) string {
	if h.Notifications == nil {
		return h.unavailable(ctx, w, "keeping a notification", errors.New("no notification store"), p.Tenant, p.System)
	}
	seen, err := h.Notifications.SaveNotification(ctx, ontology.Notification{Tenant: p.Tenant, System: p.System,
		Topic: topic, Reason: why, Raw: p.Raw, DeliveryID: p.DeliveryID, ReceivedAt: p.ReceivedAt})
	if err != nil {
		return h.unavailable(ctx, w, "keeping a notification", err, p.Tenant, p.System)
	}
	if seen {
		return reply(w, http.StatusOK, Response{Status: "duplicate", Topic: topic, Duplicates: 1, Reason: why})
	}
	return reply(w, http.StatusOK, Response{Status: "ignored", Topic: topic, Reason: why})
}

// fetch reads the whole object a summary notification names and stores it as its
// document. Without credentials, or when the provider's API fails, the notification is
// kept instead and the poller catches up: the answer is 200 either way, because the
// sender cannot help by retrying.
func (h *Handler) fetch(ctx context.Context, w http.ResponseWriter, p connectors.Payload, route Route) string {
	why := whySummary
	if route.Fetch.Trashed {
		why = whyTrashedUnknown
	}
	if h.Fetcher != nil {
		raw, ok, err := h.Fetcher.Fetch(ctx, p.Tenant, p.System, *route.Fetch)
		switch {
		case err != nil:
			why = "summary only; fetching " + route.Fetch.Type + " " + route.Fetch.ID + " failed (" + err.Error() + "); the poller will catch up"
			h.logError("fetching a summarised object", err, p.Tenant, p.System)
		case ok:
			p.Type, p.Raw, p.Via = route.Fetch.Type, raw, "webhook-fetch"
			return h.accept(ctx, w, p, route.Topic, "")
		}
	}
	return h.ignore(ctx, w, p, route.Topic, why)
}

// readBody reads the request's body within MaxBody and BodyTimeout, holding one of the
// Admission's reading places meanwhile. When it cannot, it has answered and returns the
// outcome and ok false.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) (body []byte, outcome string, ok bool) {
	leave, ok := h.Admission.enterReading(w, r)
	if !ok {
		return nil, "throttled", false
	}
	defer leave()
	limit := h.MaxBody
	if limit <= 0 {
		limit = 5 << 20
	}
	timeout := h.BodyTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	// A ResponseWriter that cannot set a deadline (a test's recorder, a wrapper that
	// hides it) reads without one; net/http's own can.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(timeout))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return nil, reply(w, http.StatusRequestEntityTooLarge, Response{Status: "rejected", Error: "body larger than the limit"}), false
		case errors.Is(err, os.ErrDeadlineExceeded):
			return nil, reply(w, http.StatusRequestTimeout, Response{Status: "rejected",
				Error: "the body did not arrive within " + timeout.String() + "; nothing was stored"}), false
		}
		return nil, reply(w, http.StatusBadRequest, Response{Status: "rejected", Error: "reading body: " + err.Error()}), false
	}
	return body, "", true
}

func (h *Handler) unavailable(ctx context.Context, w http.ResponseWriter, msg string, err error, tenant, system string) string {
	if ctx.Err() != nil {
		// The sender hung up or timed out before the store answered: nothing was kept and
		// it sends again, as it does after any answer but 2xx. Not the store's failure, so
		// no error for an operator to chase.
		if h.Log != nil {
			h.Log.Info(msg+": the sender went away first; nothing kept, it sends again", "tenant", tenant, "system", system, "err", err)
		}
	} else {
		h.logError(msg, err, tenant, system)
	}
	w.Header().Set("Retry-After", "5")
	return reply(w, http.StatusServiceUnavailable, Response{Status: "rejected", Error: "store unavailable; retry later"})
}

func (h *Handler) url(r *http.Request) string {
	if h.PublicURL != "" {
		return h.PublicURL + r.URL.RequestURI()
	}
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.RequestURI()
}

func (h *Handler) logError(msg string, err error, tenant, system string) {
	if h.Log != nil {
		h.Log.Error(msg, "tenant", tenant, "system", system, "err", err)
	}
}

func reply(w http.ResponseWriter, code int, body Response) string {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
	return body.Status
}

// jsonField reads a top-level string field of a JSON body without decoding the rest.
func jsonField(name string) func(http.Header, []byte) string {
	return func(_ http.Header, body []byte) string {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		var top map[string]json.RawMessage
		if dec.Decode(&top) != nil {
			return ""
		}
		var s string
		if json.Unmarshal(top[name], &s) != nil {
			return ""
		}
		return s
	}
}
