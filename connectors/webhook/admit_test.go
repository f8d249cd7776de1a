package webhook

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestAdmissionTurnsAwayBeyondTheLimit: with every slot held, a request waits its Wait
// and is answered 429 with Retry-After, without reaching the handler; once a slot frees,
// requests are served again.
func TestAdmissionTurnsAwayBeyondTheLimit(t *testing.T) {
	release := make(chan struct{})
	var served sync.WaitGroup
	inside := make(chan struct{}, 2)
	reached := 0
	var mu sync.Mutex
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		reached++
		mu.Unlock()
		inside <- struct{}{}
		<-release
		w.WriteHeader(http.StatusOK)
	})
	a := NewAdmission(2)
	a.Wait = 20 * time.Millisecond
	turned := 0
	a.Observe = func(string, string) { turned++ }
	srv := a.Wrap(h)
	for range 2 {
		served.Add(1)
		go func() {
			defer served.Done()
			srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/webhooks/t/s", nil))
		}()
		<-inside
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/webhooks/t/s", nil))
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" || turned != 1 {
		t.Fatalf("beyond the limit: HTTP %d, Retry-After %q, turned away %d; body %s", rec.Code, rec.Header().Get("Retry-After"), turned, rec.Body)
	}
	close(release)
	served.Wait()
	rec = httptest.NewRecorder()
	go func() { <-inside }()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/webhooks/t/s", nil))
	mu.Lock()
	defer mu.Unlock()
	if rec.Code != http.StatusOK || reached != 3 {
		t.Fatalf("after the slots freed: HTTP %d, handler reached %d times, want 3", rec.Code, reached)
	}
}
