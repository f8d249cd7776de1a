package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/seamhub/seam/graph/generated"
)

func TestPlainPOSTSupports(t *testing.T) {
	for _, c := range []struct {
		method, contentType, accept, upgrade string
		want                                 bool
	}{
		{"POST", "application/json", "", "", true},
		{"POST", "application/json; charset=utf-8", "*/*", "", true},
		{"POST", "application/json", "application/json", "", true},
		{"POST", "application/json", "text/html, application/*;q=0.9", "", true},
		{"POST", "application/json", "application/graphql-response+json, application/json", "", false},
		{"POST", "application/json", "text/html", "", false},
		{"POST", "application/graphql", "", "", false},
		{"POST", "text/plain", "", "", false},
		{"GET", "application/json", "", "", false},
		{"POST", "application/json", "", "websocket", false},
	} {
		r := httptest.NewRequest(c.method, "/graphql", nil)
		r.Header.Set("Content-Type", c.contentType)
		if c.accept != "" {
			r.Header.Set("Accept", c.accept)
		}
		if c.upgrade != "" {
			r.Header.Set("Upgrade", c.upgrade)
		}
		if got := (plainPOST{}).Supports(r); got != c.want {
			t.Errorf("%s %q accept %q upgrade %q: Supports = %v, want %v", c.method, c.contentType, c.accept, c.upgrade, got, c.want)
		}
	}
}

// Every request answers as gqlgen's own POST transport answers it: status, content type
// and the same JSON, for data, field errors, parse, validation and limit errors, bad
// JSON, bad variables and a client gone before the answer.
func TestPlainPOSTAnswersAsGqlgenDoes(t *testing.T) {
	cfg := generated.Config{Resolvers: &Resolver{}}
	cfg.Directives.HasRole = hasRole
	es := generated.NewExecutableSchema(cfg)
	plain, gqlgen := handler.New(es), handler.New(es)
	plain.AddTransport(plainPOST{})
	for _, h := range []*handler.Server{plain, gqlgen} {
		h.AddTransport(transport.POST{})
		// The limits refuse in CreateOperationContext, as parse and validation do.
		h.Use(extension.Introspection{})
		useLimits(h)
	}
	for _, body := range []string{
		`{"query":"{ __typename }"}`,
		`{"query":"query Q { t: __typename }","operationName":"Q","variables":{}}`,
		`{"query":"{ stock(sku: \"TEA\") { sku } }"}`, // no key: a field error beside null data
		`{"query":"{ stock(sku: $s) { sku } }"}`,      // validation: an undefined variable
		`{"query":"{ nope }"}`,
		`{"query":"{ "}`,
		`{"query":"query($s: String!) { stock(sku: $s) { sku } }","variables":{"s":12}}`,
		`{"query":`,
		``,
		`[]`,
		// Descriptions hold "<" and "&": encoding/json escapes them, plainPOST need not.
		`{"query":"{ __schema { types { name description } } }"}`,
		`{"query":"{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }"}`, // too deep
	} {
		for _, c := range []struct {
			accept    string
			cancelled bool
		}{{"", false}, {"application/graphql-response+json", false}, {"", true}} {
			accept, cancelled := c.accept, c.cancelled
			answer := func(h http.Handler) *httptest.ResponseRecorder {
				r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				if accept != "" {
					r.Header.Set("Accept", accept)
				}
				w := httptest.NewRecorder()
				if cancelled {
					ctx, cancel := context.WithCancel(r.Context())
					cancel()
					r = r.WithContext(ctx)
				}
				h.ServeHTTP(w, r)
				return w
			}
			got, want := answer(plain), answer(gqlgen)
			if got.Code != want.Code || got.Header().Get("Content-Type") != want.Header().Get("Content-Type") || !sameJSON(got.Body.Bytes(), want.Body.Bytes()) {
				t.Errorf("body %q accept %q cancelled %v:\n got %d %s %s\nwant %d %s %s", body, accept, cancelled,
					got.Code, got.Header().Get("Content-Type"), got.Body, want.Code, want.Header().Get("Content-Type"), want.Body)
			}
		}
	}
}

// sameJSON reports whether two answers are the same JSON (or the same bytes, when not JSON).
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(x, y)
}
