package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
)

// oneKey accepts the single key "k" as tenant t's admin: the fuzz targets exercise what
// the handler does with a request, not key storage.
type oneKey struct{}

func (oneKey) Check(_ context.Context, secret string) (apikey.Key, error) {
	if secret != "k" {
		return apikey.Key{}, apikey.ErrUnknown
	}
	return apikey.Key{ID: "1", Tenant: "t", Role: apikey.Admin, Name: "fuzz"}, nil
}

// FuzzGraphQLRequest sends arbitrary queries and variables through the real handler
// (parsing, validation, depth and cost limits, argument coercion); with no services
// behind it every resolver that is reached fails. Whatever comes in, the handler answers
// with JSON and a status it documents, and never lets a panic out.
func FuzzGraphQLRequest(f *testing.F) {
	for _, seed := range []struct{ q, vars string }{
		{`{ stock(sku: "TEA-OOL-250G") { location lot onHand reserved available incoming } }`, `{}`},
		{`query($sku: String!) { stock(sku: $sku) { onHand } }`, `{"sku": "\"}) DETACH DELETE n //"}`},
		{`{ document(system: "shopify", type: "order", externalId: "1") { raw event { id sources { role } } } }`, `null`},
		{`{ reviewQueue(first: 500) { items { event { sources { document { externalId } } } } } }`, `{}`},
		{`mutation($k: DocumentKey!) { confirmMatch(document: $k, event: "e1") { id } }`, `{"k": {"system": "s", "type": "t", "externalId": "x"}}`},
		{`{ __schema { types { name } } }`, `{}`},
		{`fragment F on Query { ...F } { ...F }`, `{}`},
		{`{ a: stock(sku: "x") { onHand } b: stock(sku: "y") { onHand } }`, `{"sku": 1e400}`},
	} {
		f.Add(seed.q, seed.vars)
	}
	h := NewHandler(Services{Log: slog.New(slog.DiscardHandler)}, oneKey{})
	f.Fuzz(func(t *testing.T, query, vars string) {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": json.RawMessage(validJSON(vars))})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer k")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusUnprocessableEntity, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("HTTP %d for %q %q: %s", rec.Code, query, vars, rec.Body)
		}
		var out struct {
			Errors []struct{ Message string } `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("answer is not JSON (%v): %s", err, rec.Body)
		}
	})
}

// validJSON keeps fuzzed variables that are JSON and turns anything else into null, so
// the request itself stays well-formed and the variables reach coercion.
func validJSON(s string) string {
	if json.Valid([]byte(s)) {
		return s
	}
	return "null"
}

// FuzzDecimalInput: the Decimal scalar reads any client input without panicking, and
// what it accepts it writes back as the same quantity.
func FuzzDecimalInput(f *testing.F) {
	for _, s := range []string{"3", "-2", "1.700000", "1e3", "0.0000001", "9223372036854775807", "", "NaN", "1_000", "+5", "-0"} {
		f.Add(s, int64(0), false)
	}
	f.Add("", int64(42), true)
	f.Fuzz(func(t *testing.T, s string, n int64, asInt bool) {
		var in any = s
		if asInt {
			in = n
		}
		var d model.Decimal
		if err := d.UnmarshalGQL(in); err != nil {
			return // refused with an error: fine
		}
		var buf bytes.Buffer
		d.MarshalGQL(&buf)
		var text string
		if err := json.Unmarshal(buf.Bytes(), &text); err != nil {
			t.Fatalf("%v wrote %s, not a JSON string: %v", in, buf.Bytes(), err)
		}
		back, err := ontology.ParseQty(text)
		if err != nil || model.Decimal(back) != d {
			t.Fatalf("%v read as %s, which reads back as %v (%v)", in, text, back, err)
		}
	})
}
