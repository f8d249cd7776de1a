package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/ontology/apikey"
)

// KeyChecker tells which API key a presented secret is. Check returns apikey.ErrUnknown
// or apikey.ErrRevoked for a secret that must be refused; any other error means the
// keys could not be read (the request is answered 503, not 401).
type KeyChecker interface {
	Check(ctx context.Context, secret string) (apikey.Key, error)
}

// TenantHeader is accepted for compatibility only: the key decides the tenant, and a
// request whose header names another tenant than its key's is refused.
const TenantHeader = "X-Seam-Tenant"

type keyCtx struct{}

func withKey(ctx context.Context, k apikey.Key) context.Context {
	return context.WithValue(ctx, keyCtx{}, k)
}

// keyOf returns the API key the request was authenticated with.
func keyOf(ctx context.Context) (apikey.Key, bool) {
	k, ok := ctx.Value(keyCtx{}).(apikey.Key)
	return k, ok && k.Tenant != ""
}

// errUnauthenticated is returned when a request carries no valid key.
var errUnauthenticated = errors.New(`no valid API key: send the header "Authorization: Bearer <key>" (see seam keys create)`)

// tenantOf is the tenant of the request: its key's, never anything the request names.
func tenantOf(ctx context.Context) (string, error) {
	k, ok := keyOf(ctx)
	if !ok {
		return "", errUnauthenticated
	}
	return k.Tenant, nil
}

// userOf names who makes a decision: the key's holder.
func userOf(ctx context.Context) string {
	k, _ := keyOf(ctx)
	return k.Who()
}

// forbiddenError is a request its key may not make.
type forbiddenError struct{ msg string }

func (e *forbiddenError) Error() string { return e.msg }

// hasRole is the @hasRole directive: the one place where a field's roles are enforced.
func hasRole(ctx context.Context, _ any, next graphql.Resolver, roles []model.Role) (any, error) {
	k, ok := keyOf(ctx)
	if !ok {
		return nil, errUnauthenticated
	}
	allowed := make([]apikey.Role, 0, len(roles))
	for _, r := range roles {
		allowed = append(allowed, apikey.Role(strings.ToLower(string(r))))
	}
	if !k.HasRole(allowed...) {
		field := "this field"
		if fc := graphql.GetFieldContext(ctx); fc != nil {
			field = fc.Object + "." + fc.Field.Name
		}
		return nil, &forbiddenError{fmt.Sprintf("a %s key may not read or change %s", k.Role, field)}
	}
	return next(ctx)
}

// systemsOf returns the source systems the request's key may read, or nil when it may
// read every system. A partner key with no systems may read none: an empty, non-nil list.
func systemsOf(ctx context.Context) []string {
	k, _ := keyOf(ctx)
	if k.Role != apikey.Partner {
		return nil
	}
	return append([]string{}, k.Systems...)
}

// seesSystem reports whether the request's key may read documents of system.
func seesSystem(ctx context.Context, system string) bool {
	k, ok := keyOf(ctx)
	return ok && k.SeesSystem(system)
}

// authError is why a request's key was refused, with its HTTP status and GraphQL code.
type authError struct {
	status int
	code   string
	err    error
}

// authenticate checks an Authorization header value and an optional X-Seam-Tenant.
func authenticate(ctx context.Context, keys KeyChecker, authorization, tenant string) (apikey.Key, *authError) {
	secret, ok := apikey.Bearer(authorization)
	if !ok {
		return apikey.Key{}, &authError{http.StatusUnauthorized, "UNAUTHENTICATED", errUnauthenticated}
	}
	k, err := keys.Check(ctx, secret)
	switch {
	case errors.Is(err, apikey.ErrUnknown), errors.Is(err, apikey.ErrRevoked):
		return apikey.Key{}, &authError{http.StatusUnauthorized, "UNAUTHENTICATED", fmt.Errorf("%w (%v)", errUnauthenticated, err)}
	case err != nil:
		return apikey.Key{}, &authError{http.StatusServiceUnavailable, "UNAVAILABLE", err}
	}
	if tenant != "" && tenant != k.Tenant {
		return apikey.Key{}, &authError{http.StatusForbidden, "FORBIDDEN",
			fmt.Errorf("the key belongs to another tenant than %s %q names; the key alone decides the tenant", TenantHeader, tenant)}
	}
	return k, nil
}

// message is what the client is told: the store's own error stays in the log.
func (e *authError) message() string {
	if e.status == http.StatusServiceUnavailable {
		return "API keys cannot be checked right now; try again"
	}
	return e.err.Error()
}

// writeAuthError answers a refused HTTP request as GraphQL would answer an error.
func writeAuthError(w http.ResponseWriter, e *authError) {
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="seam"`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": e.message(), "extensions": map[string]any{"code": e.code}}},
		"data":   nil,
	})
}

// Close codes of the graphql-ws protocols for a refused connection_init.
const (
	wsUnauthorized = 4401
	wsForbidden    = 4403
	wsUnavailable  = 4500
)

// websocketInit authenticates a websocket from its connection_init payload (browsers
// cannot set headers on a websocket), or from the upgrade request's Authorization
// header for clients that can. The key is checked again every recheck while the socket
// lives (see watched).
func websocketInit(keys KeyChecker, recheck time.Duration, log *slog.Logger) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		auth := p.Authorization()
		if auth == "" {
			if k, ok := keyOf(ctx); ok {
				if t := p.GetString(TenantHeader); t != "" && t != k.Tenant {
					return refuse(ctx, wsForbidden, fmt.Errorf("the key belongs to another tenant than %s names", TenantHeader))
				}
				return watched(ctx, keys, sessionOf(ctx).authorization, recheck, log), nil, nil
			}
		}
		k, aerr := authenticate(ctx, keys, auth, p.GetString(TenantHeader))
		if aerr != nil {
			code := map[int]int{http.StatusForbidden: wsForbidden, http.StatusServiceUnavailable: wsUnavailable}[aerr.status]
			if code == 0 {
				code = wsUnauthorized
			}
			return refuse(ctx, code, errors.New(aerr.message()))
		}
		return watched(withKey(ctx, k), keys, auth, recheck, log), nil, nil
	}
}

// keyRecheck is the interval a websocket's key is checked again at: half the key
// cache's default TTL unless set, so that a key revoked in another process closes its
// sockets within one and a half TTLs, as requests are refused within one.
func keyRecheck(d time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return apikey.DefaultTTL / 2
}

// wsSession is what the handler knows of one websocket beside gqlgen's transport: the
// upgrade request's Authorization header and, once accepted, the connection, so that a
// key found revoked can close it with a code of its own.
type wsSession struct {
	authorization string

	mu   sync.Mutex
	conn transport.WebsocketConn
}

type wsSessionKey struct{}

// withSession gives an upgrade request its session.
func withSession(ctx context.Context, authorization string) context.Context {
	return context.WithValue(ctx, wsSessionKey{}, &wsSession{authorization: authorization})
}

// sessionOf is the request's websocket session. NewHandler gives every upgrade request
// one; without it (a server made otherwise) the session is empty: a revoked key's socket
// is then closed by ending its context alone, and a key taken from a header it does not
// hold reads as refused at the first check, closing the socket rather than trusting it.
func sessionOf(ctx context.Context) *wsSession {
	if s, ok := ctx.Value(wsSessionKey{}).(*wsSession); ok {
		return s
	}
	return &wsSession{}
}

// closeWith starts the connection's close handshake with code and reason; gqlgen's own
// close that follows finds it under way and adds nothing.
func (s *wsSession) closeWith(code int, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		_ = s.conn.WriteClose(code, reason)
	}
}

// sessionWebsockets accepts websockets as impl does and hands each connection to its
// request's session. The connection itself is returned as it is: a wrapper would hide
// the optional interfaces (read limit, read deadline) the transport looks for.
type sessionWebsockets struct {
	impl transport.WebsocketImplementation
}

func (w sessionWebsockets) Accept(rw http.ResponseWriter, r *http.Request, o transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	c, err := w.impl.Accept(rw, r, o)
	if err == nil {
		if s, ok := r.Context().Value(wsSessionKey{}).(*wsSession); ok {
			s.mu.Lock()
			s.conn = c
			s.mu.Unlock()
		}
	}
	return c, err
}

// watched returns the context the socket runs its subscriptions in, and checks the key
// (the Authorization value it was authenticated with) again every recheck until the
// socket ends. A key refused then (revoked, or gone) closes the socket with 4401 and
// ends its subscriptions at once, as connection_init would have refused it: a revoked
// key must not keep streaming what it may no longer read. Keys that cannot be read
// right now keep the socket: the next check decides.
func watched(ctx context.Context, keys KeyChecker, authorization string, recheck time.Duration, log *slog.Logger) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	s := sessionOf(ctx)
	go func() {
		defer cancel()
		t := time.NewTicker(recheck)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done(): // the socket ended; its request's context ends with it
				return
			case <-t.C:
			}
			_, aerr := authenticate(ctx, keys, authorization, "")
			switch {
			case aerr == nil:
				continue
			case aerr.status == http.StatusServiceUnavailable:
				if ctx.Err() == nil {
					log.Warn("checking a websocket's API key again", "err", aerr.err)
				}
				continue
			}
			// Said in the close frame, whose reason holds at most 123 bytes.
			s.closeWith(wsUnauthorized, "the API key was revoked")
			return
		}
	}()
	return ctx
}

func refuse(ctx context.Context, code int, err error) (context.Context, *transport.InitPayload, error) {
	ctx = transport.WithWebsocketCloseCode(ctx, code)
	ctx = transport.AppendCloseReason(ctx, http.StatusText(code-4000)) // 4401: Unauthorized, ...
	return ctx, nil, err
}
