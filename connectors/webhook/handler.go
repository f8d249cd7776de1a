package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
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

// TypeGuesser tells the one document type a system has, when it has only one.
type TypeGuesser interface {
	OnlyType(system string) (string, bool)
}

// Handler serves POST /webhooks/{tenant}/{system}.
type Handler struct {
	Schemes    map[string]Scheme
	Secrets    Secrets
	Intake     Accepter
	Deliveries Deliveries
	Types      TypeGuesser
	Log        *slog.Logger
	// MaxBody bounds a request body (default 5 MiB); larger bodies get 413.
	MaxBody int64
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
	Status      string             `json:"status"` // accepted, duplicate, quarantined, rejected
	Documents   []string           `json:"documents,omitempty"`
	Duplicates  int                `json:"duplicates,omitempty"`
	Stale       int                `json:"stale,omitempty"` // versions older than the current one by the source's clock: kept as history
	Quarantined int                `json:"quarantined,omitempty"`
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
	max := h.MaxBody
	if max <= 0 {
		max = 5 << 20
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return reply(w, http.StatusRequestEntityTooLarge, Response{Status: "rejected", Error: "body larger than the limit"})
		}
		return reply(w, http.StatusBadRequest, Response{Status: "rejected", Error: "reading body: " + err.Error()})
	}
	scheme, ok := h.Schemes[system]
	if !ok {
		scheme = h.Schemes["generic"]
	}
	secret, ok := h.Secrets.Secret(tenant, system)
	if !ok {
		// Never accept unsigned pushes: without a secret nobody can prove the sender.
		return reply(w, http.StatusUnauthorized, Response{Status: "rejected", Error: "no signing secret configured for this tenant and system"})
	}
	if err := scheme.Verify(r.Header, h.url(r), body, secret, now()); err != nil {
		return reply(w, http.StatusUnauthorized, Response{Status: "rejected", Error: err.Error()})
	}
	// Senders time out within seconds (Shopify: 5 s); answer 503 in time so that they
	// retry, rather than letting a stalled store hold the request.
	ctx, cancel := context.WithTimeout(r.Context(), 4*time.Second)
	defer cancel()
	delivery := scheme.DeliveryID(r.Header, body)
	if delivery != "" && h.Deliveries != nil {
		seen, err := h.Deliveries.SeenDelivery(ctx, tenant, system, delivery)
		if err != nil {
			h.logError("checking delivery id", err, tenant, system)
			return reply(w, http.StatusServiceUnavailable, Response{Status: "rejected", Error: "store unavailable; retry later"})
		}
		if seen {
			return reply(w, http.StatusOK, Response{Status: "duplicate", Duplicates: 1})
		}
	}
	typ := r.URL.Query().Get("type")
	if typ == "" {
		typ = scheme.Type(r.Header, body)
	}
	if typ == "" && h.Types != nil {
		typ, _ = h.Types.OnlyType(system)
	}
	if typ == "" {
		return reply(w, http.StatusBadRequest, Response{Status: "rejected", Error: "cannot tell the document type of this delivery; add ?type=<type> to the URL"})
	}
	res, err := h.Intake.Accept(ctx, []connectors.Payload{{
		Tenant: tenant, System: system, Type: typ, Raw: body, Via: "webhook",
		DeliveryID: delivery, ReceivedAt: now().UTC(),
	}})
	if err != nil {
		h.logError("storing webhook", err, tenant, system)
		return reply(w, http.StatusServiceUnavailable, Response{Status: "rejected", Error: "store unavailable; retry later"})
	}
	out := Response{Duplicates: res.Duplicates, Stale: res.Stale, Quarantined: res.Quarantined, Problems: res.Problems}
	for _, k := range res.Documents {
		out.Documents = append(out.Documents, k.UID())
	}
	switch {
	case res.Quarantined > 0 && res.Malformed:
		out.Status, out.Error = "quarantined", "malformed body; kept in quarantine"
		return reply(w, http.StatusBadRequest, out)
	case res.Quarantined > 0 && len(out.Documents) == 0 && res.Duplicates == 0:
		out.Status, out.Error = "quarantined", "invalid document; kept in quarantine"
		return reply(w, http.StatusUnprocessableEntity, out)
	case len(out.Documents) == 0 && res.Duplicates > 0:
		out.Status = "duplicate"
	default:
		out.Status = "accepted"
	}
	return reply(w, http.StatusOK, out)
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
