// Package pull polls partner APIs for documents, each API the way it really pages:
// Shopify by since_id, Square by cursor, Stripe by starting_after, WooCommerce by page
// within a modified_after window.
//
// The cursor is durable: it is saved in the store after each page's documents are stored,
// never before, so a crash at any point re-reads at most one page (whose documents the
// store then ignores as duplicates) and never skips one. Requests respect a rate limit and
// back off with jitter on 429 and 5xx answers, honouring Retry-After.
package pull

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/seamhub/seam/connectors"
)

// Pager knows how one partner API pages.
type Pager interface {
	// Request builds the request for the page after cursor ("" = from the beginning).
	Request(ctx context.Context, cursor string) (*http.Request, error)
	// Parse reads a page: its items (each one document's raw JSON), the cursor of the
	// next page, and whether there is one.
	Parse(body []byte, cursor string) (items [][]byte, next string, more bool, err error)
}

// Checkpoints keeps cursors durably.
type Checkpoints interface {
	Cursor(ctx context.Context, tenant, name string) (string, error)
	SaveCursor(ctx context.Context, tenant, name, cursor string) error
}

// Lease keeps two replicas from polling the same API at once. Acquire returns false when
// another holder has it; the lease expires by itself after ttl, so a replica that dies
// frees it.
type Lease interface {
	Acquire(ctx context.Context, name string, ttl time.Duration) (bool, error)
	Release(ctx context.Context, name string) error
}

// Accepter is the intake.
type Accepter interface {
	Accept(ctx context.Context, payloads []connectors.Payload) (connectors.Result, error)
}

// Poller pulls one tenant's documents of one type from one API.
type Poller struct {
	Name   string // unique per tenant, e.g. "shopify-orders"
	Tenant string
	System string
	Type   string
	Pager  Pager
	Client *http.Client
	Store  Checkpoints
	Intake Accepter
	Log    *slog.Logger
	// Every is the pause between polls once caught up (default 30 s).
	Every time.Duration
	// MinInterval spaces requests (the partner's rate limit; default 500 ms).
	MinInterval time.Duration
	// MaxRetries bounds attempts of one request on 429/5xx (default 8).
	MaxRetries int
	// BaseBackoff is the first back-off; it doubles per attempt, with full jitter.
	BaseBackoff time.Duration
	// Lease, when set, is held for each poll.
	Lease Lease

	last time.Time
	rng  *rand.Rand
}

// Stats counts one poll.
type Stats struct {
	Pages     int
	Documents connectors.Result
}

// StatusError is a partner's answer that is neither success nor retryable.
type StatusError struct {
	Code int
	Body string
}

func (e *StatusError) Error() string { return fmt.Sprintf("partner answered %d: %s", e.Code, e.Body) }

// Poll reads pages from the saved cursor until the API has no more, storing each page's
// documents and then its cursor.
func (p *Poller) Poll(ctx context.Context) (Stats, error) {
	var st Stats
	cursor, err := p.Store.Cursor(ctx, p.Tenant, p.Name)
	if err != nil {
		return st, fmt.Errorf("reading cursor of %s: %w", p.Name, err)
	}
	for {
		body, err := p.fetch(ctx, cursor)
		if err != nil {
			return st, err
		}
		items, next, more, err := p.Pager.Parse(body, cursor)
		if err != nil {
			return st, fmt.Errorf("%s: reading page after cursor %q: %w", p.Name, cursor, err)
		}
		payloads := make([]connectors.Payload, 0, len(items))
		for _, it := range items {
			payloads = append(payloads, connectors.Payload{
				Tenant: p.Tenant, System: p.System, Type: p.Type, Raw: it, Format: "json", Via: "pull",
			})
		}
		if len(payloads) > 0 {
			res, err := p.Intake.Accept(ctx, payloads)
			if err != nil {
				return st, fmt.Errorf("%s: storing page: %w", p.Name, err)
			}
			st.Documents.Add(res)
		}
		st.Pages++
		if next != "" && next != cursor {
			if err := p.Store.SaveCursor(ctx, p.Tenant, p.Name, next); err != nil {
				return st, fmt.Errorf("%s: saving cursor: %w", p.Name, err)
			}
			cursor = next
		}
		if !more {
			return st, nil
		}
	}
}

// Run polls until ctx ends, pausing Every between polls and logging failures.
func (p *Poller) Run(ctx context.Context) {
	every := p.Every
	if every <= 0 {
		every = 30 * time.Second
	}
	for {
		st, err := p.pollLeased(ctx, every)
		switch {
		case err != nil && ctx.Err() == nil:
			p.log().Warn("poll failed; will retry", "poller", p.Name, "err", err)
		case st.Documents.Accepted+st.Documents.Updated > 0:
			p.log().Info("polled", "poller", p.Name, "pages", st.Pages, "accepted", st.Documents.Accepted, "updated", st.Documents.Updated)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// pollLeased polls while holding the poller's lease, or skips this round when another
// replica holds it.
func (p *Poller) pollLeased(ctx context.Context, every time.Duration) (Stats, error) {
	if p.Lease == nil {
		return p.Poll(ctx)
	}
	name := p.Tenant + "/" + p.Name
	ok, err := p.Lease.Acquire(ctx, name, every+2*time.Minute)
	if err != nil || !ok {
		return Stats{}, err
	}
	defer func() { _ = p.Lease.Release(context.WithoutCancel(ctx), name) }()
	return p.Poll(ctx)
}

func (p *Poller) log() *slog.Logger {
	if p.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return p.Log
}

// fetch gets one page, pacing requests and retrying 429/5xx with jittered back-off.
func (p *Poller) fetch(ctx context.Context, cursor string) ([]byte, error) {
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	retries := p.MaxRetries
	if retries <= 0 {
		retries = 8
	}
	base := p.BaseBackoff
	if base <= 0 {
		base = 500 * time.Millisecond
	}
	if p.rng == nil {
		p.rng = rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0))
	}
	var lastErr error
	for attempt := 0; attempt <= retries; attempt++ {
		if err := p.pace(ctx); err != nil {
			return nil, err
		}
		req, err := p.Pager.Request(ctx, cursor)
		if err != nil {
			return nil, fmt.Errorf("%s: building request: %w", p.Name, err)
		}
		resp, err := client.Do(req)
		if err != nil {
			lastErr = err
		} else {
			body, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
			resp.Body.Close()
			switch {
			case rerr != nil:
				lastErr = rerr
			case resp.StatusCode == http.StatusOK && len(bytes.TrimSpace(body)) == 0:
				// Said as it is, not as a JSON decoder's "EOF": a proxy or a partner
				// that answered nothing. Retried like a 5xx.
				lastErr = fmt.Errorf("%s answered 200 with an empty body", req.URL.Host)
			case resp.StatusCode == http.StatusOK:
				return body, nil
			case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
				lastErr = &StatusError{Code: resp.StatusCode, Body: snippet(body)}
				if d := retryAfter(resp.Header.Get("Retry-After")); d > 0 {
					if err := sleep(ctx, d); err != nil {
						return nil, err
					}
					continue
				}
			default:
				return nil, fmt.Errorf("%s: %w", p.Name, &StatusError{Code: resp.StatusCode, Body: snippet(body)})
			}
		}
		// Full jitter: a random wait up to the doubled back-off, so that many pollers
		// hitting one partner do not retry in lockstep.
		backoff := base << attempt
		if backoff > time.Minute {
			backoff = time.Minute
		}
		if err := sleep(ctx, time.Duration(p.rng.Int64N(int64(backoff))+1)); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("%s: giving up after %d attempts: %w", p.Name, retries+1, lastErr)
}

func (p *Poller) pace(ctx context.Context) error {
	min := p.MinInterval
	if min <= 0 {
		min = 500 * time.Millisecond
	}
	if wait := min - time.Since(p.last); wait > 0 {
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
	p.last = time.Now()
	return nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}

func snippet(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "..."
	}
	return string(b)
}

// ErrNoItems is returned by pagers when a page's item list is missing entirely (as
// opposed to empty), which means the partner changed its answer's shape.
var ErrNoItems = errors.New("page has no item list")
