package webhook

import (
	"net/http"
	"strconv"
	"time"
)

// Admission bounds how many webhook requests are served at once. A request that finds
// every slot taken waits up to Wait for one, then is answered 429 with Retry-After:
// providers retry those, so a flood beyond capacity is slowed down rather than lost,
// and the store is never asked for more concurrent writes than it can take.
type Admission struct {
	slots chan struct{}
	// Wait is how long a request may queue for a slot before it is turned away.
	Wait time.Duration
	// RetryAfter is what the 429 answer tells the sender to wait.
	RetryAfter time.Duration
	// Observe, when set, is told of every request turned away (for metrics).
	Observe func(tenant, system string)
}

// NewAdmission admits limit requests at once (at least 1).
func NewAdmission(limit int) *Admission {
	return &Admission{slots: make(chan struct{}, max(limit, 1)), Wait: 100 * time.Millisecond, RetryAfter: time.Second}
}

// Limit is how many requests are served at once.
func (a *Admission) Limit() int { return cap(a.slots) }

// Wrap serves next within the limit.
func (a *Admission) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.acquire(r) {
			if a.Observe != nil {
				a.Observe(r.PathValue("tenant"), r.PathValue("system"))
			}
			secs := max(int(a.RetryAfter/time.Second), 1)
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			reply(w, http.StatusTooManyRequests, Response{Status: "rejected",
				Error: "too many webhooks at once; nothing was stored, retry after " + strconv.Itoa(secs) + " s"})
			return
		}
		defer func() { <-a.slots }()
		next.ServeHTTP(w, r)
	})
}

func (a *Admission) acquire(r *http.Request) bool {
	select {
	case a.slots <- struct{}{}:
		return true
	default:
	}
	if a.Wait <= 0 {
		return false
	}
	t := time.NewTimer(a.Wait)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-r.Context().Done():
		return false
	}
}
