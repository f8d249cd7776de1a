package apikey

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// Store keeps keys. Implementations store only hashes (see Hash).
type Store interface {
	// KeyByHash returns the key whose secret has that hash, revoked or not, or nil when
	// there is none.
	KeyByHash(ctx context.Context, hash string) (*Key, error)
	// RevokeKey marks a key revoked at the given time and returns it; ErrNotFound when
	// no key has that id. Revoking a revoked key keeps its first revocation time.
	RevokeKey(ctx context.Context, id string, at time.Time) (Key, error)
}

// DefaultTTL is how long a Checker trusts a key it has read. Within it a request costs no
// database read; past it the key is read again. A key revoked by another process (the
// `seam keys revoke` command) therefore keeps working in a running server for at most
// this long; one revoked through the server's own Checker stops at once.
const DefaultTTL = 10 * time.Second

// maxCached bounds the remembered keys. Only keys that exist are remembered, so this is
// reached only by an installation with that many keys in use at once; then the cache
// starts again empty rather than grow.
const maxCached = 10_000

// Checker checks presented secrets, remembering each active key it found for a short
// time (TTL) so that a stream of stock reads does not cost a database round trip each.
// Unknown secrets are never remembered: every guess costs a (cheap, indexed) read, and a
// key made a moment ago in another process works at once. It is safe for concurrent use.
type Checker struct {
	store Store
	ttl   time.Duration
	// Now is the clock, replaceable in tests.
	Now func() time.Time

	mu sync.Mutex
	// byHash is keyed by the secret's SHA-256 sum itself: its hex form (Hash), which
	// the store needs, is made only when the store is asked.
	byHash map[[sha256.Size]byte]remembered
}

type remembered struct {
	key   Key
	until time.Time
}

// NewChecker makes a checker over store; a ttl of 0 means DefaultTTL, a negative one
// remembers nothing.
func NewChecker(store Store, ttl time.Duration) *Checker {
	if ttl == 0 {
		ttl = DefaultTTL
	}
	return &Checker{store: store, ttl: ttl, Now: time.Now, byHash: map[[sha256.Size]byte]remembered{}}
}

// Check returns the key a secret belongs to. It returns ErrUnknown for a secret no key
// has (or that is not even shaped like one) and ErrRevoked for a revoked key; any other
// error means the store could not be read, and says nothing about the key.
func (c *Checker) Check(ctx context.Context, secret string) (Key, error) {
	if !WellFormed(secret) {
		return Key{}, ErrUnknown
	}
	// Hashed from an array: []byte(secret) would allocate on every request. WellFormed
	// made sure the secret is exactly secretLen bytes.
	var b [secretLen]byte
	copy(b[:], secret)
	h := sha256.Sum256(b[:])
	now := c.Now()
	c.mu.Lock()
	r, ok := c.byHash[h]
	c.mu.Unlock()
	if ok && now.Before(r.until) {
		return r.key, nil
	}
	k, err := c.store.KeyByHash(ctx, hex.EncodeToString(h[:]))
	switch {
	case err != nil:
		return Key{}, fmt.Errorf("reading API key: %w", err)
	case k == nil:
		c.forget(h)
		return Key{}, ErrUnknown
	case !k.Active():
		c.forget(h)
		return Key{}, ErrRevoked
	}
	if c.ttl > 0 {
		c.mu.Lock()
		if len(c.byHash) >= maxCached {
			c.byHash = map[[sha256.Size]byte]remembered{}
		}
		c.byHash[h] = remembered{key: *k, until: now.Add(c.ttl)}
		c.mu.Unlock()
	}
	return *k, nil
}

// Revoke revokes a key in the store and forgets it here at once, so that this process
// refuses it from the next request on. Other processes refuse it within their TTL.
func (c *Checker) Revoke(ctx context.Context, id string) (Key, error) {
	k, err := c.store.RevokeKey(ctx, id, c.Now().UTC())
	if err != nil {
		return Key{}, err
	}
	c.mu.Lock()
	for h, r := range c.byHash {
		if r.key.ID == id {
			delete(c.byHash, h)
		}
	}
	c.mu.Unlock()
	return k, nil
}

func (c *Checker) forget(hash [sha256.Size]byte) {
	c.mu.Lock()
	delete(c.byHash, hash)
	c.mu.Unlock()
}
