package webhook

import (
	"net/http"
	"strconv"
	"time"
)

// Admission bounds how many webhook requests are served at once, in two stages. A
// request holds a reading place while its body arrives and its signature is checked,
// and a slot only while it is stored: a sender that is slow to send its body, or sends
// one no secret signs, holds no slot, so it cannot keep signed webhooks of any tenant
// out of the store. Reading places bound the memory bodies in flight take (each at most
// the handler's MaxBody); slots bound the concurrent writes the store is asked for.
//
// A request that finds every place or slot taken waits up to Wait for one, then is
// answered 429 with Retry-After: providers retry those, so a flood beyond capacity is
// slowed down rather than lost.
type Admission struct {
	slots chan struct{}
	reads chan struct{}
	// Wait is how long a request may queue for a slot before it is turned away.
	Wait time.Duration
	// RetryAfter is what the 429 answer tells the sender to wait.
	RetryAfter time.Duration
}

// readsPerSlot is how many bodies may be read and verified for each slot of storing:
// reading waits on senders, verifying is a hash, storing is the store's work.
const readsPerSlot = 4

// NewAdmission stores limit requests at once (at least 1) and reads the bodies of
// readsPerSlot times as many.
func NewAdmission(limit int) *Admission {
	limit = max(limit, 1)
	return &Admission{slots: make(chan struct{}, limit), reads: make(chan struct{}, readsPerSlot*limit),
		Wait: 100 * time.Millisecond, RetryAfter: time.Second}
}

// Limit is how many requests are stored at once.
func (a *Admission) Limit() int { return cap(a.slots) }

// enterReading takes a reading place and enterStoring a slot for r; each returns the
// function that gives it back, or, when none came free in time, answers 429 and
// returns ok false. A nil Admission admits everything.
func (a *Admission) enterReading(w http.ResponseWriter, r *http.Request) (leave func(), ok bool) {
	if a == nil {
		return func() {}, true
	}
	return a.enter(w, r, a.reads)
}

func (a *Admission) enterStoring(w http.ResponseWriter, r *http.Request) (leave func(), ok bool) {
	if a == nil {
		return func() {}, true
	}
	return a.enter(w, r, a.slots)
}

func (a *Admission) enter(w http.ResponseWriter, r *http.Request, places chan struct{}) (func(), bool) {
	if !a.acquire(r, places) {
		secs := max(int(a.RetryAfter/time.Second), 1)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		reply(w, http.StatusTooManyRequests, Response{Status: "rejected",
			Error: "too many webhooks at once; nothing was stored, retry after " + strconv.Itoa(secs) + " s"})
		return nil, false
	}
	return func() { <-places }, true
}

func (a *Admission) acquire(r *http.Request, places chan struct{}) bool {
	select {
	case places <- struct{}{}:
		return true
	default:
	}
	if a.Wait <= 0 {
		return false
	}
	t := time.NewTimer(a.Wait)
	defer t.Stop()
	select {
	case places <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-r.Context().Done():
		return false
	}
}
