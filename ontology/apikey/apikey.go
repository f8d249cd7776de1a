// Package apikey is who may call Seam's API: keys that each belong to one tenant and carry
// one role. A key is a random secret shown once when it is made; only its hash is stored,
// so a copy of the database does not hand out working keys.
//
// The key alone decides the tenant of a request: no header or argument can name another.
// Roles say what a key may read or change (see Role); the GraphQL layer enforces them.
package apikey

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Role is what a key may do. Roles are not ranked: a partner may read what a reader may
// not (its own systems' documents and quarantine) and nothing a reader may.
type Role string

// The roles.
const (
	// Reader reads stock, events and the documents' metadata, never raw payloads.
	Reader Role = "reader"
	// Partner reads the documents and quarantine of its own systems (Key.Systems) only:
	// a connector's maintainer checking what arrived and what was refused.
	Partner Role = "partner"
	// Finance reads what a reader reads, plus raw payloads (personal data).
	Finance Role = "finance"
	// Operator reads what a reader reads, acknowledges alerts and books the transfers
	// they propose: the people on shift in a warehouse, who must act on an alert at
	// night without a key that can also merge events or read personal data.
	Operator Role = "operator"
	// Admin reads everything and may change anything; alone it decides matches and
	// aliases.
	Admin Role = "admin"
)

// Roles lists every role, for usage messages and validation.
func Roles() []Role { return []Role{Reader, Partner, Finance, Operator, Admin} }

// ParseRole reads a role name.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Roles(), r) {
		return "", fmt.Errorf("unknown role %q (one of reader, partner, finance, operator, admin)", s)
	}
	return r, nil
}

// Key is an API key as stored: everything but the secret.
type Key struct {
	ID     string
	Tenant string
	Role   Role
	// Name says whose key it is (a person, a team, an integration); decisions made with
	// the key are recorded under it.
	Name string
	// Systems limits a partner key to these source systems (shopify, square, ...).
	Systems   []string
	CreatedAt time.Time
	// RevokedAt is zero while the key works.
	RevokedAt time.Time
}

// Active reports whether the key still works.
func (k Key) Active() bool { return k.RevokedAt.IsZero() }

// Who names the key's holder in decisions: its name, or its id when it has none.
func (k Key) Who() string {
	if k.Name != "" {
		return k.Name
	}
	return k.ID
}

// Errors of checking a presented key; the API answers both with 401.
var (
	// ErrUnknown means no key has that secret.
	ErrUnknown = errors.New("unknown API key")
	// ErrRevoked means the key existed and was revoked.
	ErrRevoked = errors.New("revoked API key")
)

// ErrNotFound is returned when a key id names no key (revoking, for instance).
var ErrNotFound = errors.New("no such API key")

// prefix marks Seam keys, so that a secret scanner (or a person) recognises a leaked one.
const prefix = "seam_"

// secretBytes is the entropy of a key: 256 bits, far past guessing.
const secretBytes = 32

// secretLetters is how many base32 letters write secretBytes, unpadded; secretLen the
// length of a whole secret.
const (
	secretLetters = (secretBytes*8 + 4) / 5
	secretLen     = len(prefix) + secretLetters
)

var encoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewSecret makes a random key secret from crypto/rand: "seam_" and 52 base32 letters.
func NewSecret() string {
	var b [secretBytes]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (it aborts the program instead)
	return prefix + strings.ToLower(encoding.EncodeToString(b[:]))
}

// NewID makes a key's public id, by which it is listed and revoked.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "key_" + hex.EncodeToString(b[:])
}

// Hash is what is stored of a secret, and how a presented secret is looked up.
//
// One round of SHA-256 is right here, where it would be wrong for passwords: slow,
// salted hashes (bcrypt, argon2) exist because people choose guessable passwords, so an
// attacker with the hashes can try likely ones. A key is 256 random bits; no guess list
// exists, and a hash leaks nothing even at billions of tries a second. Being unsalted and
// fast, the hash is also the lookup index: checking a key is one indexed read, not a
// scan comparing a slow hash against every stored key.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// WellFormed reports whether s looks like a key this package made, so that obvious junk
// is refused without a database read: the prefix, then secretLetters letters of the
// base32 alphabet in either case, which are exactly what decodes to secretBytes.
//
// It runs on every request, so it allocates nothing and decodes nothing
// (TestWellFormedIsWhatDecodes holds it to the decoder). A string with other bytes
// (non-ASCII letters whose upper case is ASCII, line breaks the decoder would skip) is
// refused here, where strings.ToUpper and DecodeString once let it through to a lookup
// that could only miss: every stored secret is NewSecret's.
func WellFormed(s string) bool {
	letters, ok := strings.CutPrefix(s, prefix)
	if !ok || len(letters) != secretLetters {
		return false
	}
	for i := range len(letters) {
		switch c := letters[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '2' <= c && c <= '7':
		default:
			return false
		}
	}
	return true
}

// Bearer reads the secret from an Authorization header value ("Bearer seam_...").
func Bearer(header string) (string, bool) {
	scheme, secret, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	secret = strings.TrimSpace(secret)
	return secret, secret != ""
}

var tenantRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

// ValidTenant reports whether t can name a tenant: lower-case letters, digits, '-' and
// '_', at most 63. Tenants are prefixes of stored ids ("tenant/..."), so no '/'.
func ValidTenant(t string) bool { return tenantRE.MatchString(t) }

// HasRole reports whether the key holds one of roles. Admin holds every role: whatever
// a reader or a partner may do, an admin may too. An operator holds the reader's role as
// well, so that every field a reader may read is open to it without naming it twice.
func (k Key) HasRole(roles ...Role) bool {
	return k.Role == Admin || slices.Contains(roles, k.Role) || k.Role == Operator && slices.Contains(roles, Reader)
}

// SeesSystem reports whether the key may read documents of a source system: a partner
// key only its own systems', every other key all of them.
func (k Key) SeesSystem(system string) bool {
	return k.Role != Partner || slices.Contains(k.Systems, system)
}
