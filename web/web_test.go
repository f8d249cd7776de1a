package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h, err := NewHandler()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, ctype, contains string
		code                  int
	}{
		{"/", "text/html; charset=utf-8", `<script type="module" src="assets/app.js">`, http.StatusOK},
		{"/index.html", "text/html; charset=utf-8", `<div id="app">`, http.StatusOK},
		{"/assets/app.js", "text/javascript; charset=utf-8", "stockChanged", http.StatusOK},
		{"/assets/app.css", "text/css; charset=utf-8", ".handheld", http.StatusOK},
		{"/assets/missing.js", "", "", http.StatusNotFound},
		{"/web.go", "", "", http.StatusNotFound},
		{"/../web.go", "", "", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://seam"+tt.path, nil))
			if rec.Code != tt.code {
				t.Fatalf("GET %s: HTTP %d, want %d", tt.path, rec.Code, tt.code)
			}
			if tt.code != http.StatusOK {
				return
			}
			if got := rec.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("body lacks %q", tt.contains)
			}
		})
	}
}

func TestIndexPolicyAndRevalidation(t *testing.T) {
	h, err := NewHandler()
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	etag := rec.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("revalidating with the current ETag: HTTP %d, want 304", rec.Code)
	}
}
