package resolver

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
)

// PanicError is a panic in resolution, caught and turned into the error of its batch.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("resolution panicked: %v", e.Value) }

// SetAside takes a document out of the resolution queue with the reason it could not be
// resolved. It keeps its raw bytes and canonical form; Retry puts it back once the cause
// is fixed.
type SetAside struct {
	DocUID string
	Reason string
}

// maxReason bounds the reason stored with a set-aside document: a panic's stack or a
// driver's message can be long, and the first lines say what happened.
const maxReason = 2000

// Process resolves up to limit pending documents of tenant and returns what it did,
// including the movements it appended (for the live-stock projection). It returns zero
// Documents when nothing is pending.
//
// One document must never stop a tenant. When a batch fails while the store is healthy,
// the fault is in one of its documents: the batch is split in halves, in arrival order,
// each half resolved in its own transaction, and the halves that fail are split again
// until the document that fails on its own is found. That document is set aside with
// its reason and the others are resolved as usual, in log2(batch) extra transactions per
// bad document. When the store itself is away, nothing is set aside: the error is
// returned and the worker tries again later.
func (m *Matcher) Process(ctx context.Context, tenant string, limit int) (Stats, error) {
	st, uids, err := m.resolveBatch(ctx, tenant, selection{limit: limit})
	if err == nil || len(uids) == 0 {
		return st, err
	}
	if herr := m.healthy(ctx, tenant); herr != nil {
		return Stats{}, err
	}
	m.log.Warn("a resolution batch failed; isolating the document that fails", "tenant", tenant,
		"documents", len(uids), "err", err)
	return m.isolate(ctx, tenant, uids, err)
}

// isolate resolves uids, known to fail together, in halves, and sets aside a single
// document that fails on its own.
func (m *Matcher) isolate(ctx context.Context, tenant string, uids []string, cause error) (Stats, error) {
	if len(uids) == 1 {
		if err := m.setAside(ctx, tenant, uids[0], cause); err != nil {
			return Stats{}, err
		}
		return Stats{Documents: 1, SetAside: 1}, nil
	}
	var total Stats
	mid := len(uids) / 2
	for _, half := range [][]string{uids[:mid], uids[mid:]} {
		st, loaded, err := m.resolveBatch(ctx, tenant, selection{uids: half})
		if err != nil && len(loaded) > 0 {
			if herr := m.healthy(ctx, tenant); herr != nil {
				return total, err
			}
			st, err = m.isolate(ctx, tenant, loaded, err)
		}
		if err != nil {
			return total, err
		}
		total.add(st)
	}
	return total, nil
}

// healthy tells whether the store takes a tenant-locked write now: if it does, a batch
// that failed failed because of what it held, not because the store was away.
func (m *Matcher) healthy(ctx context.Context, tenant string) error {
	return m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
		_, err := tx.PendingOf(ctx, []string{})
		return err
	})
}

func (m *Matcher) setAside(ctx context.Context, tenant, uid string, cause error) error {
	reason := cause.Error()
	var p *PanicError
	if errors.As(cause, &p) {
		// The panic value and where it happened: the top frames of the stack.
		reason = p.Error() + "\n" + stackTop(string(p.Stack), 12)
	}
	if len(reason) > maxReason {
		reason = reason[:maxReason]
	}
	m.log.Error("document set aside: its resolution fails on its own", "tenant", tenant, "document", uid, "reason", cause)
	err := m.store.WithTenantLock(ctx, tenant, func(ctx context.Context, tx Tx) error {
		return tx.Apply(ctx, &Changes{Tenant: tenant, SetAside: []SetAside{{DocUID: uid, Reason: reason}}})
	})
	if err != nil {
		return fmt.Errorf("setting aside %s: %w", uid, err)
	}
	return nil
}

// stackTop keeps the first n lines of a goroutine stack after its header.
func stackTop(stack string, n int) string {
	lines := strings.Split(stack, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// SetAsideDocument is a document resolution set aside, with why and when.
type SetAsideDocument struct {
	UID        string
	Key        ontology.DocKey
	Reason     string
	At         time.Time
	ReceivedAt time.Time
	// Attempts counts how often it was set aside (retried and failed again).
	Attempts int64
}
