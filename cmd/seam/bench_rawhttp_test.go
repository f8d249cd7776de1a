package main

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// The bench's direct client must read what any HTTP/1.1 server sends (a length, chunks,
// a closed connection) and keep one connection while the server allows it, or the
// headline ratio times reconnects instead of reads.
func TestRawHTTPReadsAnswersOnOneConnection(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/echo":
			w.Header().Set("X-Auth", r.Header.Get("Authorization"))
			_, _ = w.Write(body)
		case "/chunked":
			for _, part := range []string{"one,", "two,", "three"} {
				_, _ = io.WriteString(w, part)
				w.(http.Flusher).Flush()
			}
		case "/close":
			w.Header().Set("Connection", "close")
			_, _ = io.WriteString(w, "bye")
		}
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	c, err := newRawHTTP(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	for i := range 5 {
		status, body, err := c.do(http.MethodPost, "/echo", [][2]string{{"Authorization", "Bearer k"}}, []byte(`{"n":`+strings.Repeat("1", i+1)+`}`))
		if err != nil || status != http.StatusOK || string(body) != `{"n":`+strings.Repeat("1", i+1)+`}` {
			t.Fatalf("echo %d = %d %q %v", i, status, body, err)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("five requests opened %d connections, want 1", n)
	}
	if status, body, err := c.do(http.MethodGet, "/chunked", nil, nil); err != nil || status != http.StatusOK || string(body) != "one,two,three" {
		t.Errorf("chunked answer = %d %q %v", status, body, err)
	}
	if status, body, err := c.do(http.MethodGet, "/close", nil, nil); err != nil || string(body) != "bye" || status != http.StatusOK {
		t.Errorf("closing answer = %d %q %v", status, body, err)
	}
	if status, _, err := c.do(http.MethodPost, "/echo", nil, []byte("x")); err != nil || status != http.StatusOK {
		t.Errorf("the request after a closed connection = %d %v", status, err)
	}
	if n := conns.Load(); n != 2 {
		t.Errorf("connections opened = %d, want 2 (one more after the server closed it)", n)
	}

	// A kept connection the server dropped while idle is opened again once.
	srv.CloseClientConnections()
	if status, body, err := c.do(http.MethodPost, "/echo", nil, []byte("again")); err != nil || status != http.StatusOK || string(body) != "again" {
		t.Errorf("after the server dropped the idle connection = %d %q %v", status, body, err)
	}
	if _, err := newRawHTTP("https://example.com"); err == nil {
		t.Error("an https address was taken; the direct client speaks plain HTTP only")
	}
}
