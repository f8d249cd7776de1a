package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/seamhub/seam/graph/generated"
	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/inventory"
)

// NewHandler serves /graphql: POST and GET queries, a GraphiQL page for browsers, and
// subscriptions over websocket (graphql-transport-ws and the older graphql-ws). Every
// query, mutation and subscription needs an API key (Authorization: Bearer <key>, or
// {"Authorization": "Bearer <key>"} in a websocket's connection_init payload); the key
// decides the tenant and its role what may be read or changed.
func NewHandler(svc Services, keys KeyChecker) http.Handler {
	if svc.Log == nil {
		svc.Log = slog.New(slog.DiscardHandler)
	}
	srv, direct := newServer(svc, keys)
	// The page needs no key; the user pastes one into its headers pane, which GraphiQL
	// sends with queries and in the connection_init payload of subscriptions.
	page := playground.Handler("Seam", "/graphql",
		playground.WithGraphiqlUiHeaders(map[string]string{"Authorization": "Bearer <your key from seam keys create>"}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		upgrade := r.Header.Get("Upgrade") != ""
		switch {
		case r.Method == http.MethodGet && r.URL.Query().Get("query") == "" && !upgrade:
			page.ServeHTTP(w, r)
			return
		case r.Method == http.MethodOptions:
			srv.ServeHTTP(w, r) // CORS preflight: carries no key by design
			return
		}
		var body []byte
		if r.Body != nil && r.Method == http.MethodPost {
			var err error
			body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
			if err != nil {
				writeBodyError(w, err)
				return
			}
		}
		ctx := r.Context()
		auth := r.Header.Get("Authorization")
		if !upgrade || auth != "" {
			k, aerr := authenticate(ctx, keys, auth, r.Header.Get(TenantHeader))
			if aerr != nil {
				if aerr.status == http.StatusServiceUnavailable {
					svc.Log.Error("checking an API key", "err", aerr.err)
				}
				writeAuthError(w, aerr)
				return
			}
			ctx = withKey(ctx, k)
		}
		// A stock read whose body the direct path has answered before skips gqlgen's
		// server: plainPOST is the transport it would choose (the ones before it take
		// websockets, OPTIONS, HEAD and GET only), and its direct path what plainPOST
		// would run.
		if direct != nil && body != nil && (plainPOST{}).Supports(r) && direct.servePlanned(ctx, w, body) {
			return
		}
		if body != nil {
			r.Body = io.NopCloser(bytes.NewReader(body)) // read again by the transport
		}
		// A websocket without the header authenticates in its connection_init; either way
		// its session lets a key revoked later close it.
		if upgrade {
			ctx = withSession(ctx, auth)
		}
		srv.ServeHTTP(w, r.WithContext(ctx))
	})
}

// newServer is the GraphQL executor with its transports, limits and error presentation.
// It installs no field middleware (AroundFields, a FieldInterceptor extension): the
// fields of leaf objects are marshalled without it (graph/generated/leaflist.go), and
// TestNoFieldMiddleware keeps it so.
func newServer(svc Services, keys KeyChecker) (*handler.Server, *directStock) {
	cfg := generated.Config{Resolvers: &Resolver{svc: svc}}
	cfg.Directives.HasRole = hasRole
	costs(&cfg.Complexity)
	es := generated.NewExecutableSchema(cfg)
	srv := handler.New(es)
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 15 * time.Second,
		Implementation: sessionWebsockets{transport.CoderWebsocketImplementation{
			// Any origin: the key comes from a header or the init payload, never from
			// cookies, so a foreign page gains nothing by opening a socket.
			AcceptOptions: websocket.AcceptOptions{InsecureSkipVerify: true},
		}},
		InitFunc: websocketInit(keys, keyRecheck(svc.KeyRecheck), svc.Log),
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	// Before POST: it takes the common case (see post.go).
	direct := newDirectStock(es.Schema(), cfg.Resolvers.Query().Stock)
	srv.AddTransport(plainPOST{direct: direct})
	srv.AddTransport(transport.POST{})
	// Clients ask the same few queries again and again: each text is parsed and
	// validated once (limits still run on every request).
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	useLimits(srv)
	srv.AroundOperations(withLoaders(svc))
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		ge := graphql.DefaultErrorPresenter(ctx, err)
		var coded *codedError
		var badScalar *model.InputError
		switch {
		case errors.Is(err, errUnauthenticated):
			ge.Extensions = map[string]any{"code": "UNAUTHENTICATED"}
		case errors.As(err, new(*forbiddenError)):
			ge.Extensions = map[string]any{"code": "FORBIDDEN"}
		case errors.As(err, new(*userError)):
			ge.Extensions = map[string]any{"code": "BAD_USER_INPUT"}
		case errors.As(err, &badScalar):
			// A scalar that did not parse: gqlgen puts the argument's name (or the
			// input field's) last on the path; the message names it.
			ge.Message = badScalar.Error()
			if n := len(ge.Path); n > 0 {
				if name, ok := ge.Path[n-1].(ast.PathName); ok {
					ge.Message = "argument " + string(name) + ": " + ge.Message
				}
			}
			ge.Extensions = map[string]any{"code": "BAD_USER_INPUT"}
		case errors.As(err, &coded):
			ge.Extensions = map[string]any{"code": coded.code}
		case errors.Is(err, inventory.ErrCacheUnavailable):
			// Said plainly, never a stale or empty answer: the caller retries.
			ge.Message = "live stock is unavailable right now (the cache does not answer); retry shortly"
			ge.Extensions = map[string]any{"code": "UNAVAILABLE"}
		case errors.As(err, new(*gqlerror.Error)) && ge.Extensions != nil:
			// parse, validation and limit errors keep their own code
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
	return srv, direct
}

// MaxBody bounds a POSTed GraphQL request: a query with its variables. Real queries are
// a few KiB; larger bodies are answered 413 before anything is parsed.
const MaxBody = 1 << 20

// writeBodyError answers a body that could not be read: 413 over MaxBody, else 400.
func writeBodyError(w http.ResponseWriter, err error) {
	code, ext, msg := http.StatusBadRequest, "BAD_REQUEST", "reading the request body: "+err.Error()
	if errors.As(err, new(*http.MaxBytesError)) {
		code, ext, msg = http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE", fmt.Sprintf("request body larger than %d bytes", MaxBody)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{
		"message": msg, "extensions": map[string]any{"code": ext}}}})
}

// userError is a mistake in the request, shown to the caller as it is.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }
