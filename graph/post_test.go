package graph

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
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

// Every request answers exactly as gqlgen's own POST transport answers it: status,
// content type and body, for data, field errors, parse and validation errors, bad JSON
// and bad variables.
func TestPlainPOSTAnswersAsGqlgenDoes(t *testing.T) {
	cfg := generated.Config{Resolvers: &Resolver{}}
	cfg.Directives.HasRole = hasRole
	es := generated.NewExecutableSchema(cfg)
	plain, gqlgen := handler.New(es), handler.New(es)
	plain.AddTransport(plainPOST{})
	plain.AddTransport(transport.POST{})
	gqlgen.AddTransport(transport.POST{})
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
	} {
		for _, accept := range []string{"", "application/graphql-response+json"} {
			answer := func(h http.Handler) *httptest.ResponseRecorder {
				r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				if accept != "" {
					r.Header.Set("Accept", accept)
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				return w
			}
			got, want := answer(plain), answer(gqlgen)
			if got.Code != want.Code || got.Header().Get("Content-Type") != want.Header().Get("Content-Type") || got.Body.String() != want.Body.String() {
				t.Errorf("body %q accept %q:\n got %d %s %s\nwant %d %s %s", body, accept,
					got.Code, got.Header().Get("Content-Type"), got.Body, want.Code, want.Header().Get("Content-Type"), want.Body)
			}
		}
	}
}
