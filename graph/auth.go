package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

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
// header for clients that can.
func websocketInit(keys KeyChecker) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		auth := p.Authorization()
		if auth == "" {
			if k, ok := keyOf(ctx); ok {
				if t := p.GetString(TenantHeader); t != "" && t != k.Tenant {
					return refuse(ctx, wsForbidden, fmt.Errorf("the key belongs to another tenant than %s names", TenantHeader))
				}
				return ctx, nil, nil
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
		return withKey(ctx, k), nil, nil
	}
}

func refuse(ctx context.Context, code int, err error) (context.Context, *transport.InitPayload, error) {
	ctx = transport.WithWebsocketCloseCode(ctx, code)
	ctx = transport.AppendCloseReason(ctx, http.StatusText(code-4000)) // 4401: Unauthorized, ...
	return ctx, nil, err
}
