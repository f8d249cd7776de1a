package pull

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// StripePayoutTransactions reads which balance transactions each Stripe payout paid
// out. Stripe's balance transaction object does not name its payout; the payout's
// transactions are listed with GET /v1/balance_transactions?payout=po_… (automatic
// payouts). Each is stored as the stripe balance_transaction document it is, with the
// payout's id added as "payout", which the built-in mapping reads as a payout reference:
// reconciliation then checks each payout against what it paid out without Stripe's
// itemized report.
//
// A poll lists the payouts created after its watermark (GET /v1/payouts, newest first,
// paging with starting_after), then each paid payout's transactions. The watermark
// moves past a payout only once it is final: a payout still pending or in transit holds
// it (its transactions may still change), so the paid payouts after it are read again
// by the next poll and their transactions stored as duplicates. A failed or canceled
// payout paid nothing out and is skipped.
type StripePayoutTransactions struct {
	BaseURL string // https://api.stripe.com
	Key     string // secret key (a restricted key needs read access to payouts and balance)
	Limit   int    // default 100 (Stripe's maximum)
}

// payoutCursor is the poll's state, saved as JSON between pages and polls. With no
// Payout it is listing payouts; with one, reading that payout's transactions.
type payoutCursor struct {
	// Gt is the watermark: payouts created after it are listed.
	Gt int64 `json:"gt"`
	// After pages the payout listing.
	After string `json:"after,omitempty"`
	// Newest is the newest created of the payouts listed, OldestOpen the oldest of
	// those not yet final (0: none); together they make the next watermark.
	Newest     int64 `json:"newest,omitempty"`
	OldestOpen int64 `json:"oldestOpen,omitempty"`
	// Queue holds the paid payouts whose transactions are still to be read; Payout is
	// the one being read, TxnAfter pages its transactions.
	Queue    []string `json:"queue,omitempty"`
	Payout   string   `json:"payout,omitempty"`
	TxnAfter string   `json:"txnAfter,omitempty"`
}

func readPayoutCursor(s string) (payoutCursor, error) {
	var c payoutCursor
	if s == "" {
		return c, nil
	}
	if err := json.Unmarshal([]byte(s), &c); err != nil {
		return c, fmt.Errorf("stripe payout cursor %q: %w", s, err)
	}
	return c, nil
}

func (c payoutCursor) String() string {
	b, _ := json.Marshal(c)
	return string(b)
}

func (s StripePayoutTransactions) limit() int {
	if s.Limit <= 0 {
		return 100
	}
	return s.Limit
}

// Request implements Pager.
func (s StripePayoutTransactions) Request(ctx context.Context, cursor string) (*http.Request, error) {
	c, err := readPayoutCursor(cursor)
	if err != nil {
		return nil, err
	}
	q := url.Values{"limit": {strconv.Itoa(s.limit())}}
	path := "/v1/payouts"
	switch {
	case c.Payout != "":
		path = "/v1/balance_transactions"
		q.Set("payout", c.Payout)
		if c.TxnAfter != "" {
			q.Set("starting_after", c.TxnAfter)
		}
	default:
		if c.Gt > 0 {
			q.Set("created[gt]", strconv.FormatInt(c.Gt, 10))
		}
		if c.After != "" {
			q.Set("starting_after", c.After)
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.BaseURL+path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(s.Key, "")
	return req, nil
}

// Parse implements Pager.
func (s StripePayoutTransactions) Parse(body []byte, cursor string) ([][]byte, string, bool, error) {
	c, err := readPayoutCursor(cursor)
	if err != nil {
		return nil, "", false, err
	}
	data, hasMore, err := stripeList(body)
	if err != nil {
		return nil, "", false, err
	}
	if c.Payout != "" {
		return s.transactions(c, data, hasMore)
	}
	return s.payouts(c, data, hasMore)
}

// payouts reads a page of the payout listing: paid payouts join the queue, and the
// newest and oldest open creation times are kept for the next watermark.
func (s StripePayoutTransactions) payouts(c payoutCursor, data []json.RawMessage, hasMore bool) ([][]byte, string, bool, error) {
	for _, raw := range data {
		var p struct {
			ID        string      `json:"id"`
			Created   json.Number `json:"created"`
			Status    string      `json:"status"`
			Automatic *bool       `json:"automatic"`
			// Stripe: a payout's transaction list is complete once this is completed.
			Reconciliation string `json:"reconciliation_status"`
		}
		if err := decode(raw, &p); err != nil {
			return nil, "", false, err
		}
		created, err := p.Created.Int64()
		if err != nil || p.ID == "" {
			return nil, "", false, fmt.Errorf("stripe payout without id or created: %s", raw)
		}
		c.After = p.ID
		c.Newest = max(c.Newest, created)
		switch {
		case p.Automatic != nil && !*p.Automatic:
			// A manual payout: Stripe cannot say which transactions it paid out.
		case p.Status == "paid" && (p.Reconciliation == "" || p.Reconciliation == "completed"):
			c.Queue = append(c.Queue, p.ID)
		case p.Status == "failed" || p.Status == "canceled":
			// Paid nothing out: its transactions went back to the balance.
		default: // pending, in_transit, or paid but not reconciled yet: may still change
			if c.OldestOpen == 0 || created < c.OldestOpen {
				c.OldestOpen = created
			}
		}
	}
	if hasMore {
		return nil, c.String(), true, nil
	}
	c.After = ""
	c = s.next(c)
	return nil, c.String(), c.Payout != "", nil
}

// transactions reads a page of one payout's transactions and adds the payout's id.
func (s StripePayoutTransactions) transactions(c payoutCursor, data []json.RawMessage, hasMore bool) ([][]byte, string, bool, error) {
	items := make([][]byte, 0, len(data))
	for _, raw := range data {
		var t map[string]json.RawMessage
		if err := decode(raw, &t); err != nil {
			return nil, "", false, err
		}
		var id string
		if err := json.Unmarshal(t["id"], &id); err != nil || id == "" {
			return nil, "", false, fmt.Errorf("stripe balance transaction without id: %s", raw)
		}
		if _, ok := t["payout"]; !ok {
			t["payout"], _ = json.Marshal(c.Payout)
		}
		b, err := json.Marshal(t)
		if err != nil {
			return nil, "", false, err
		}
		items = append(items, b)
		c.TxnAfter = id
	}
	if hasMore {
		return items, c.String(), true, nil
	}
	c.Payout, c.TxnAfter = "", ""
	c = s.next(c)
	return items, c.String(), c.Payout != "", nil
}

// next takes the next queued payout, or, with none left, ends the poll at the next
// watermark: the newest payout listed, but never past one that is not final.
func (s StripePayoutTransactions) next(c payoutCursor) payoutCursor {
	if len(c.Queue) > 0 {
		c.Payout, c.Queue = c.Queue[0], c.Queue[1:]
		return c
	}
	// created[gt] compares whole seconds: stop one second short of the newest, so that
	// a payout created later in that same second is listed next time (the ones read
	// again come back as duplicates).
	gt := max(c.Gt, c.Newest-1)
	if c.OldestOpen > 0 {
		gt = max(c.Gt, min(gt, c.OldestOpen-1))
	}
	return payoutCursor{Gt: gt}
}
