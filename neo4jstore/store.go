// Package neo4jstore keeps Seam's system of record in Neo4j: source documents with their
// raw payloads, quarantine, business events, the ledger of movements, canonical entities
// and connector checkpoints.
//
// Every query is parameterised and every node carries its tenant. Writes are batched with
// UNWIND and run in managed transactions (retried by the driver on transient errors), so
// the functions passed to them compute and write, and never touch Redis, MQTT or anything
// else outside the transaction.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Config says how to reach Neo4j. URI may be bolt:// for one server or neo4j://,
// neo4j+s:// for a cluster or Aura; an empty User means no authentication.
type Config struct {
	URI      string
	User     string
	Password Secret
	Database string // "" for the server's default database
	// MaxPoolSize bounds the connections per server (driver default when 0).
	MaxPoolSize int
}

// Secret is a string that never appears in logs.
type Secret string

// LogValue keeps secrets out of structured logs.
func (Secret) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps secrets out of fmt output.
func (Secret) String() string { return "REDACTED" }

// MarshalJSON keeps secrets out of JSON: slog's JSON handler marshals a struct that holds
// one (a whole config logged by mistake) with encoding/json, which never calls LogValue
// on its fields.
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"REDACTED"`), nil }

// ErrUnavailable is returned when Neo4j cannot be reached; callers report not-ready and
// retry, and the driver reconnects by itself once the server is back.
var ErrUnavailable = errors.New("neo4j unavailable")

// Store is the Neo4j adapter. It is safe for concurrent use; create one per process.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	log    *slog.Logger
	// Now is the clock, replaceable in tests.
	Now func() time.Time
	// synced remembers which alert conditions this process last stored per product,
	// so that a changed set goes straight to its write (see SyncAlerts).
	synced *alertPrints
	// lots keeps the lot balances resolution read and wrote, for its next batch of the
	// same tenant (see lotKeeper).
	lots *lotKeeper
}

// Open creates the driver. It does not wait for the server: Seam starts and reports
// not-ready while Neo4j is down, and recovers when it returns.
func Open(cfg Config, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, string(cfg.Password), "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		if cfg.MaxPoolSize > 0 {
			c.MaxConnectionPoolSize = cfg.MaxPoolSize
		}
		c.ConnectionAcquisitionTimeout = 10 * time.Second
		c.SocketConnectTimeout = 3 * time.Second
		c.MaxTransactionRetryTime = 5 * time.Second // callers retry on their own schedule; a long stall helps no one
		// Test connections idle for over a second before reuse: after a server restart or
		// a network cut, stale pooled connections would otherwise fail one retry each,
		// and recovery would take many seconds instead of one round trip.
		c.ConnectionLivenessCheckTimeout = time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("creating neo4j driver for %s: %w", cfg.URI, err)
	}
	// The driver (v5.28) sets its dialer lazily on the first connection attempt without a
	// lock, which the race detector catches when the first attempts run concurrently.
	// One attempt here, whatever its outcome, sets it before anything runs in parallel.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	_ = drv.VerifyConnectivity(ctx)
	cancel()
	return &Store{driver: drv, db: cfg.Database, log: log, Now: time.Now, synced: newAlertPrints(), lots: newLotKeeper()}, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Ping checks that a Bolt handshake with the server succeeds.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		var ne *neo4j.Neo4jError
		var ae *neo4j.InvalidAuthenticationError
		if errors.As(err, &ae) || errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security.") {
			return fmt.Errorf("%w: %v", ErrAuth, err)
		}
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return nil
}

// ErrAuth is returned when Neo4j refuses the configured user and password.
var ErrAuth = errors.New("neo4j refused the credentials (check SEAM_NEO4J_USER and SEAM_NEO4J_PASSWORD)")

// WaitReady polls Ping until it succeeds or ctx ends. A cold Neo4j on two cores takes
// 10-30 s to open its Bolt port; a fixed sleep would be either too long or too short.
// Wrong credentials end the wait at once: retrying them only gets the client locked out.
func (s *Store) WaitReady(ctx context.Context) error {
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		err := s.Ping(ctx)
		if err == nil {
			return nil
		}
		if errors.Is(err, ErrAuth) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for neo4j: %w (last error: %v)", ctx.Err(), err)
		case <-tick.C:
		}
	}
}

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
}

// write runs fn in a managed write transaction.
func write[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	if p := profileOf(ctx); p != nil {
		var done time.Time
		v, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (T, error) {
			v, err := fn(tx)
			done = time.Now()
			return v, err
		})
		if err == nil {
			p.addCommit(time.Since(done))
		}
		return v, classify(err)
	}
	v, err := neo4j.ExecuteWrite(ctx, sess, fn)
	return v, classify(err)
}

// read runs fn in a managed read transaction.
func read[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	v, err := neo4j.ExecuteRead(ctx, sess, fn)
	return v, classify(err)
}

// classify turns connectivity failures into ErrUnavailable so callers above the adapter
// need not know the driver's error types. A managed transaction against a Neo4j that is
// down ends as the driver's TransactionExecutionLimit (it retried the connectivity
// errors until its time ran out), which is the same outage: GraphQL then says
// UNAVAILABLE, and webhooks 503, rather than an internal error.
func classify(err error) error {
	if err == nil || errors.Is(err, ErrUnavailable) {
		return err
	}
	var limit *neo4j.TransactionExecutionLimit
	if neo4j.IsConnectivityError(err) || errors.Is(err, context.DeadlineExceeded) || errors.As(err, &limit) {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return err
}

// readOnce runs one read statement as an auto-commit transaction. A managed read
// transaction (read) costs a round trip more, for its COMMIT: a statement asked once per
// document a client shows (a document's parties) took half as long again that way.
// Failures the driver calls retryable are tried again, as ExecuteRead would.
func readOnce(ctx context.Context, s *Store, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	var err error
	for range 3 {
		var recs []*neo4j.Record
		if recs, err = s.autoCommit(ctx, cypher, params); err == nil || !neo4j.IsRetryable(err) || ctx.Err() != nil {
			return recs, classify(err)
		}
	}
	return nil, classify(err)
}

func (s *Store) autoCommit(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	if p := profileOf(ctx); p != nil {
		// Two frames up: readOnce's caller.
		return p.profiledRun(ctx, func(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
			return sess.Run(ctx, cypher, params)
		}, cypher, params, true, 2)
	}
	res, err := sess.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// run executes one statement inside tx and collects its records.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if p := profileOf(ctx); p != nil {
		return p.profiledRun(ctx, tx.Run, cypher, params, true, 1)
	}
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// exec executes one statement inside tx and discards its records.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	if p := profileOf(ctx); p != nil {
		_, err := p.profiledRun(ctx, tx.Run, cypher, params, false, 1)
		return err
	}
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// get reads one typed value from a record; a missing or null value gives the zero value.
func get[T neo4j.RecordValue](rec *neo4j.Record, key string) T {
	v, _, _ := neo4j.GetRecordValue[T](rec, key)
	return v
}

// chunks splits n items into ranges of at most size, for UNWIND batches.
func chunks(n, size int) [][2]int {
	var out [][2]int
	for i := 0; i < n; i += size {
		j := min(i+size, n)
		out = append(out, [2]int{i, j})
	}
	return out
}
