package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentileIsTheNearestRank(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- { // out of order on purpose
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    int
		want time.Duration
	}{{50, 50 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {1, time.Millisecond}} {
		if got := percentile(d, c.p); got != c.want {
			t.Errorf("p%d = %s, want %s", c.p, got, c.want)
		}
	}
	if d[0] != 100*time.Millisecond {
		t.Error("percentile sorted its input")
	}
}

// Interleaved reads take turns, one of each kind per round, warm up for a tenth of the
// rounds without keeping those latencies, and stop at the first error with its kind.
func TestInterleavedTakesTurns(t *testing.T) {
	var calls []string
	kind := func(name string) readKind {
		return readKind{what: name, fn: func(i int) error {
			calls = append(calls, fmt.Sprint(name, i))
			return nil
		}}
	}
	took, err := interleaved(10, []readKind{kind("a"), kind("b")})
	if err != nil {
		t.Fatal(err)
	}
	if len(took) != 2 || len(took[0]) != 10 || len(took[1]) != 10 {
		t.Fatalf("latencies per kind: %d", len(took))
	}
	if want := "a0 b0 a1 b1 a2"; strings.Join(calls[:5], " ") != want || len(calls) != 22 {
		t.Fatalf("calls %v, want them in turns starting %q, 22 in all", calls, want)
	}
	_, err = interleaved(10, []readKind{kind("a"), {what: "broken", fn: func(int) error { return errors.New("no") }}})
	if err == nil || !strings.Contains(err.Error(), "broken: no") {
		t.Fatalf("error %v, want the kind named", err)
	}
}

// The typed client refuses an answer it cannot use: GraphQL errors, JSON cut short, a
// row without a location or a quantity, an HTTP error without a body to parse.
func TestStockReadRefusesBadAnswers(t *testing.T) {
	row := `{"location":"WH","lot":"A","onHand":"5","reserved":"1","available":"4"}`
	for _, c := range []struct {
		name, answer string
		status       int
		want         string // in the error; "" for none
	}{
		{"good", `{"data":{"stock":[` + row + `,` + row + `]}}`, http.StatusOK, ""},
		{"errors", `{"errors":[{"message":"no valid API key"}],"data":null}`, http.StatusUnauthorized, "no valid API key"},
		{"cut short", `{"data":{"stock":[` + row, http.StatusOK, "graphql answer"},
		{"no location", `{"data":{"stock":[{"location":"","lot":"A","onHand":"5","reserved":"1","available":"4"}]}}`, http.StatusOK, "incomplete row"},
		{"no quantity", `{"data":{"stock":[{"location":"WH","lot":"A","onHand":"5","reserved":"1"}]}}`, http.StatusOK, "incomplete row"},
		{"HTTP error", `{}`, http.StatusBadGateway, "HTTP 502"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got stockRequest
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if err := json.NewDecoder(r.Body).Decode(&got); err != nil || r.Header.Get("Authorization") != "Bearer k" {
					t.Errorf("request: %v, Authorization %q", err, r.Header.Get("Authorization"))
				}
				w.WriteHeader(c.status)
				_, _ = io.WriteString(w, c.answer)
			}))
			defer srv.Close()
			b := &stockBench{base: srv.URL, key: "k"}
			a, err := b.stockRead(srv.Client(), "tea_ool")
			if got.Query != benchStockQuery || got.Variables.SKU != "tea_ool" {
				t.Errorf("sent %+v, want the query with the spelling asked", got)
			}
			switch {
			case c.want == "" && (err != nil || len(a.Stock) != 2 || a.Stock[1].Available != "4"):
				t.Fatalf("answer %+v, %v; want both rows", a, err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}

// --server takes a server's base URL and nothing else, and refuses a server that is not
// ready before it sets anything up.
func TestBenchStockServerFlag(t *testing.T) {
	for raw, want := range map[string]string{
		"":                        "",
		"http://127.0.0.1:8080":   "http://127.0.0.1:8080",
		"https://seam.example/":   "https://seam.example",
		"127.0.0.1:8080":          "error",
		"ftp://host":              "error",
		"http://host/graphql":     "error",
		"http://host/?tenant=abc": "error",
		"http://":                 "error",
	} {
		got, err := benchServerURL(raw)
		switch {
		case want == "error" && !errors.As(err, new(usageError)):
			t.Errorf("benchServerURL(%q) = %q, %v; want a usage error", raw, got, err)
		case want != "error" && (err != nil || got != want):
			t.Errorf("benchServerURL(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `{"ready":false,"neo4j":{"ok":false,"error":"connection refused"}}`)
	}))
	defer down.Close()
	var out bytes.Buffer
	err := benchStock(context.Background(), Config{}, slog.New(slog.DiscardHandler), []string{"--server", down.URL}, &out)
	if err == nil || !strings.Contains(err.Error(), "not ready (HTTP 503)") || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("bench against a server that is not ready: %v, want it said with the server's own words", err)
	}
}

// With --server the reads are answered by the other server, a process's worth of
// distance away from the client (here another server in this process, on the same
// stores), every read row has its figures, and the pushes say why they did not run.
func TestBenchStockReadsAnotherServer(t *testing.T) {
	other := startServer(t, testConfig(t))
	cfg := testConfig(t)
	var out bytes.Buffer
	args := []string{"--server", "http://" + other.Addr, "--reads", "100", "--events", "100", "--clients", "0", "--skus", "2"}
	if err := benchStock(context.Background(), cfg, slog.New(slog.DiscardHandler), args, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	text := out.String()
	if !strings.Contains(text, "server http://"+other.Addr+"\n") {
		t.Errorf("the output does not name the server read from:\n%s", text)
	}
	for _, row := range []string{"GraphQL stock(sku:) over HTTP, any spelling, typed client, own loop", "the same answer computed in Neo4j", "raw Redis GET round trip (go-redis), interleaved"} {
		if !regexp.MustCompile(regexp.QuoteMeta(row) + ` +100 +[0-9.]+ ms`).MatchString(text) {
			t.Errorf("no figures for %q:\n%s", row, text)
		}
	}
	if !strings.Contains(text, "pushes and the loaded phase") || strings.Contains(text, "webhook") {
		t.Errorf("the pushes ran or did not say why not:\n%s", text)
	}
}

// Paced clients together send at an even pace: 8 clients at 2,000 reads a second are
// due one every 500 µs, none twice at once, client by client in turn.
func TestPacedClientsSendEvenly(t *testing.T) {
	started := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
	const clients, rate = 8, 2000
	every := time.Duration(float64(clients) / rate * float64(time.Second))
	var due []time.Time
	for i := range 3 {
		for c := range clients {
			due = append(due, pacedDue(started, every, clients, c, i))
		}
	}
	for k := 1; k < len(due); k++ {
		if gap := due[k].Sub(due[k-1]); gap != 500*time.Microsecond {
			t.Fatalf("request %d is due %s after the one before, want 500µs", k, gap)
		}
	}
	if !due[0].Equal(started) {
		t.Fatalf("the first request is due at %s, want the start", due[0])
	}
}

// A push is matched by the reserved total it shows or more: the legs only add
// reservations, and a late push may arrive folded into the next one.
func TestReservedAtMatchesThatTotalOrMore(t *testing.T) {
	push := func(loc, reserved string) json.RawMessage {
		return json.RawMessage(`{"data":{"stockChanged":{"location":"` + loc + `","reserved":"` + reserved + `"}}}`)
	}
	match := reservedAt(12)
	for _, c := range []struct {
		p    json.RawMessage
		want bool
	}{
		{push(benchLocations[0], "11"), false},
		{push(benchLocations[0], "12"), true},
		{push(benchLocations[0], "13"), true},
		{push(benchLocations[1], "12"), false},
		{push(benchLocations[0], "x"), false},
		{json.RawMessage(`{}`), false},
	} {
		if got := match(c.p); got != c.want {
			t.Errorf("reservedAt(12)(%s) = %v, want %v", c.p, got, c.want)
		}
	}
	if tooLate(2, 20) != nil || tooLate(3, 20) == nil {
		t.Errorf("a tenth of the pushes late may pass, more may not: %v, %v", tooLate(2, 20), tooLate(3, 20))
	}
}

// A delivery answered 503 or 429 is sent again after its Retry-After, as a provider's
// sender does, and the final answer is what the leg sees.
func TestBenchDeliveryRetriesWhenBusy(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.WriteHeader(http.StatusOK)
		}
	}))
	defer srv.Close()
	b := &stockBench{base: srv.URL, tenant: "t", secret: "s", client: srv.Client()}
	status, err := b.deliver(context.Background(), []byte(`{}`), 1)
	if err != nil || status != http.StatusOK || calls.Load() != 3 {
		t.Fatalf("deliver = %d, %v after %d calls; want 200 after 3", status, err, calls.Load())
	}
}
