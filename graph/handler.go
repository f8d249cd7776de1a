package graph

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/seamhub/seam/graph/generated"
)

// TenantHeader chooses the tenant of a request until API keys exist.
const TenantHeader = "X-Seam-Tenant"

type tenantKey struct{}

// WithTenant returns ctx carrying the request's tenant.
func WithTenant(ctx context.Context, tenant string) context.Context {
	return context.WithValue(ctx, tenantKey{}, tenant)
}

// UserHeader names the person making a decision, until API keys carry identities.
const UserHeader = "X-Seam-User"

type userKey struct{}

func userOf(ctx context.Context) string {
	if u, _ := ctx.Value(userKey{}).(string); u != "" {
		return u
	}
	return "anonymous"
}

// ErrNoTenant is returned when a request names no valid tenant.
var ErrNoTenant = errors.New("no tenant: set the X-Seam-Tenant header")

var tenantRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

func tenantOf(ctx context.Context) (string, error) {
	t, _ := ctx.Value(tenantKey{}).(string)
	if !tenantRE.MatchString(t) {
		return "", ErrNoTenant
	}
	return t, nil
}

// complexityLimit refuses queries that would fan out too far before they touch the store.
const complexityLimit = 2000

// NewHandler serves /graphql: POST and GET queries, a GraphiQL page for browsers, and
// subscriptions over websocket (graphql-transport-ws and the older graphql-ws).
func NewHandler(svc Services) http.Handler {
	if svc.Log == nil {
		svc.Log = slog.New(slog.DiscardHandler)
	}
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{svc: svc}}))
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 15 * time.Second,
		Implementation: transport.CoderWebsocketImplementation{
			// Any origin: the tenant comes from a header or the init payload, never from
			// cookies, so a foreign page gains nothing by opening a socket.
			AcceptOptions: websocket.AcceptOptions{InsecureSkipVerify: true},
		},
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			// Browsers cannot set headers on a websocket; the tenant may come in the
			// connection_init payload instead.
			if t := p.GetString(TenantHeader); t != "" {
				ctx = WithTenant(ctx, t)
			}
			return ctx, &p, nil
		},
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(complexityLimit))
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		ge := graphql.DefaultErrorPresenter(ctx, err)
		switch {
		case errors.Is(err, ErrNoTenant):
			ge.Extensions = map[string]any{"code": "UNAUTHENTICATED"}
		case errors.As(err, new(*userError)):
			ge.Extensions = map[string]any{"code": "BAD_USER_INPUT"}
		case errors.As(err, new(*gqlerror.Error)) && ge.Extensions != nil:
			// parse and validation errors keep gqlgen's own code
		default:
			svc.Log.Error("graphql request failed", "path", ge.Path.String(), "err", err)
			ge.Message = "internal error"
			ge.Extensions = map[string]any{"code": "INTERNAL"}
		}
		return ge
	})
	srv.SetRecoverFunc(func(_ context.Context, v any) error {
		svc.Log.Error("graphql resolver panicked", "panic", v)
		return errors.New("internal error")
	})
	page := playground.Handler("Seam", "/graphql", playground.WithGraphiqlFetcherHeaders(map[string]string{TenantHeader: "demo"}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Query().Get("query") == "" && r.Header.Get("Upgrade") == "" {
			page.ServeHTTP(w, r)
			return
		}
		ctx := withDetailCache(r.Context())
		if t := r.Header.Get(TenantHeader); t != "" {
			ctx = WithTenant(ctx, t)
		}
		if u := r.Header.Get(UserHeader); u != "" {
			ctx = context.WithValue(ctx, userKey{}, u)
		}
		srv.ServeHTTP(w, r.WithContext(ctx))
	})
}

// userError is a mistake in the request, shown to the caller as it is.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }
