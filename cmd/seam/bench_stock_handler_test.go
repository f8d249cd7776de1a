package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// BenchmarkGraphQLStockHandler is the server's own cost of one GraphQL stock read: the
// request through the whole HTTP handler (key check, parse cache, limits, resolver, near
// cache, JSON), without a network or a client. `seam bench stock` measures the same read
// end to end against a Redis round trip; this one shows where a change moves it.
//
//	go test -run '^$' -bench GraphQLStockHandler -benchmem ./cmd/seam/
func BenchmarkGraphQLStockHandler(b *testing.B) {
	cfg, err := LoadConfig(os.Getenv)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	sb, err := startStockBench(ctx, cfg, slog.New(slog.DiscardHandler), 20)
	if err != nil {
		b.Fatal(err)
	}
	defer sb.close(ctx, false)
	h := sb.s.http.Handler
	read := func(i int) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(sb.leanBody(i)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+sb.key)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	if w := read(0); w.Code != http.StatusOK || bytes.Count(w.Body.Bytes(), []byte(`"location":`)) != 2*len(benchLocations) {
		b.Fatalf("stock answered HTTP %d: %s", w.Code, w.Body)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if w := read(i); w.Code != http.StatusOK {
			b.Fatalf("HTTP %d: %s", w.Code, w.Body)
		}
	}
}
