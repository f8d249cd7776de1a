package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// acmeSecret signs acme's generic webhooks only.
type acmeSecret struct{}

func (acmeSecret) Secret(tenant, system string) ([]byte, bool) {
	return []byte("s"), tenant == "acme" && system == "generic"
}

// gatedIntake stands in for the intake at the handler's boundary: each Accept reports
// that it was reached and waits for the gate, so a test can hold store slots.
type gatedIntake struct {
	reached chan struct{}
	gate    chan struct{}
}

func (g gatedIntake) Accept(ctx context.Context, ps []connectors.Payload) (connectors.Result, error) {
	g.reached <- struct{}{}
	<-g.gate
	return connectors.Result{Documents: []ontology.DocKey{{Tenant: ps[0].Tenant, System: ps[0].System, Type: "order", ExternalID: "1"}}}, nil
}

// admitServer is a real HTTP server (net/http's timeouts and connections) around a
// handler with the admission given.
func admitServer(t *testing.T, a *Admission, intake Accepter, bodyTimeout time.Duration) (*httptest.Server, func() []string) {
	t.Helper()
	var (
		mu       sync.Mutex
		outcomes []string
	)
	h := &Handler{Schemes: Schemes(), Secrets: acmeSecret{}, Intake: intake, Admission: a, BodyTimeout: bodyTimeout,
		Observe: func(_, _, outcome string) {
			mu.Lock()
			defer mu.Unlock()
			outcomes = append(outcomes, outcome)
		}}
	mux := http.NewServeMux()
	mux.Handle("POST /webhooks/{tenant}/{system}", h)
	srv := httptest.NewUnstartedServer(mux)
	srv.Config.ReadHeaderTimeout = 10 * time.Second // as seam serve: no timeout on bodies
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(outcomes)
	}
}

// signed posts a signed generic webhook for acme and returns the answer's status and
// Retry-After.
func signed(t *testing.T, url string) (int, string) {
	t.Helper()
	body := []byte(`{"id":"1"}`)
	req, _ := http.NewRequest(http.MethodPost, url+"/webhooks/acme/generic", bytes.NewReader(body))
	for k, v := range Sign("generic", body, []byte("s"), "", time.Now()) {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, resp.Header.Get("Retry-After")
}

// stall opens a connection that sends a webhook's headers and a few bytes of a body it
// never finishes.
func stall(t *testing.T, addr, path string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\nab", path)
	return c
}

// With every store slot held, a signed webhook waits its Wait and is answered 429 with
// Retry-After, without reaching the intake; once a slot frees it is stored.
func TestAdmissionTurnsAwayBeyondTheLimit(t *testing.T) {
	a := NewAdmission(2)
	a.Wait = 20 * time.Millisecond
	in := gatedIntake{reached: make(chan struct{}, 8), gate: make(chan struct{})}
	srv, outcomes := admitServer(t, a, in, 0)
	done := make(chan int, 2)
	for range 2 {
		go func() { code, _ := signed(t, srv.URL); done <- code }()
		<-in.reached
	}
	if code, retry := signed(t, srv.URL); code != http.StatusTooManyRequests || retry != "1" {
		t.Fatalf("beyond the limit: HTTP %d, Retry-After %q; want 429 and 1", code, retry)
	}
	close(in.gate)
	for range 2 {
		if code := <-done; code != http.StatusOK {
			t.Fatalf("a held webhook answered %d", code)
		}
	}
	if code, _ := signed(t, srv.URL); code != http.StatusOK {
		t.Fatalf("after the slots freed: HTTP %d", code)
	}
	if got := outcomes(); len(in.reached) != 1 || !slices.Contains(got, "throttled") {
		t.Fatalf("intake reached %d more times, outcomes %v; want once, one throttled", len(in.reached), got)
	}
}

// Senders that never finish their bodies hold no store slot: a signed webhook of a real
// tenant is stored beside them, whether they name an unknown tenant (turned away before
// the body is read) or a real one (reading places are several per slot); and a body
// that does not arrive in time is answered 408.
func TestSlowBodiesCannotKeepWebhooksOut(t *testing.T) {
	a := NewAdmission(1)
	in := gatedIntake{reached: make(chan struct{}, 8), gate: make(chan struct{})}
	close(in.gate)
	srv, _ := admitServer(t, a, in, 300*time.Millisecond)
	addr := srv.Listener.Addr().String()
	for range 8 {
		stall(t, addr, "/webhooks/nobody/generic")
	}
	stalled := stall(t, addr, "/webhooks/acme/generic")
	time.Sleep(50 * time.Millisecond) // the stalled requests are being served
	if code, _ := signed(t, srv.URL); code != http.StatusOK {
		t.Fatalf("a signed webhook beside stalled bodies answered %d, want 200", code)
	}
	_ = stalled.SetReadDeadline(time.Now().Add(5 * time.Second))
	answer, err := io.ReadAll(io.LimitReader(stalled, 4096))
	if err != nil && !bytes.Contains(answer, []byte("408")) {
		t.Fatalf("reading the stalled request's answer: %v", err)
	}
	head, rest, _ := bytes.Cut(answer, []byte("\r\n\r\n"))
	var r Response
	_ = json.Unmarshal(bytes.TrimSpace(rest[bytes.IndexByte(rest, '{'):]), &r)
	if !bytes.HasPrefix(head, []byte("HTTP/1.1 408")) || r.Status != "rejected" {
		t.Fatalf("a body that never arrived was answered:\n%s", answer)
	}
}

// abandonedIntake fails as the store does when the request's context ends first.
type abandonedIntake struct{ reached chan struct{} }

func (a abandonedIntake) Accept(ctx context.Context, _ []connectors.Payload) (connectors.Result, error) {
	a.reached <- struct{}{}
	<-ctx.Done()
	return connectors.Result{}, fmt.Errorf("saving documents: %w", ctx.Err())
}

// A sender that hangs up before the store answers costs no error in the log: nothing was
// kept and it sends again. A store that fails on its own still logs one.
func TestSenderGoneIsNoStoreError(t *testing.T) {
	var logged bytes.Buffer
	in := abandonedIntake{reached: make(chan struct{}, 1)}
	h := &Handler{Schemes: Schemes(), Secrets: acmeSecret{}, Intake: in, Log: slog.New(slog.NewTextHandler(&logged, nil))}
	body := []byte(`{"id":"1"}`)
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/webhooks/acme/generic", bytes.NewReader(body))
	req.SetPathValue("tenant", "acme")
	req.SetPathValue("system", "generic")
	for k, v := range Sign("generic", body, []byte("s"), "", time.Now()) {
		req.Header[k] = v
	}
	go func() { <-in.reached; cancel() }()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("answered %d, want 503", rec.Code)
	}
	if out := logged.String(); strings.Contains(out, "level=ERROR") || !strings.Contains(out, "the sender went away first") {
		t.Errorf("log after the sender went away:\n%s", out)
	}

	logged.Reset()
	h.Intake = failingIntake{}
	req = httptest.NewRequest(http.MethodPost, "/webhooks/acme/generic", bytes.NewReader(body))
	req.SetPathValue("tenant", "acme")
	req.SetPathValue("system", "generic")
	for k, v := range Sign("generic", body, []byte("s"), "", time.Now()) {
		req.Header[k] = v
	}
	h.ServeHTTP(httptest.NewRecorder(), req)
	if out := logged.String(); !strings.Contains(out, "level=ERROR") || !strings.Contains(out, "storing webhook") {
		t.Errorf("log after the store failed:\n%s", out)
	}
}

// failingIntake fails as a store that is down does.
type failingIntake struct{}

func (failingIntake) Accept(context.Context, []connectors.Payload) (connectors.Result, error) {
	return connectors.Result{}, errors.New("saving documents: connection refused")
}
