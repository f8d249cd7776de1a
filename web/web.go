// Package web serves Seam's dashboard: the bundle in dist/, built from src/ by `make web`
// and committed, so that `go build` needs no Node. `make web-check` fails when the
// committed bundle differs from what its sources build.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed dist
var dist embed.FS

// policy keeps the page to its own scripts and its own server: the key typed in is
// never sent anywhere else, and no other site may frame the page.
const policy = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type file struct {
	body  []byte
	ctype string
	etag  string
}

// Handler serves the dashboard: index.html for the root it is mounted at, the bundle
// under assets/. Anything else is not found. Files are revalidated by their ETag, so a
// new binary's bundle is picked up at once.
type Handler struct {
	files map[string]file
}

// NewHandler reads the embedded bundle.
func NewHandler() (*Handler, error) {
	h := &Handler{files: map[string]file{}}
	err := fs.WalkDir(dist, "dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := dist.ReadFile(p)
		if err != nil {
			return fmt.Errorf("reading the embedded %s: %w", p, err)
		}
		sum := sha256.Sum256(b)
		h.files[strings.TrimPrefix(p, "dist/")] = file{body: b, ctype: contentType(p), etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, ok := h.files["index.html"]; !ok {
		return nil, fmt.Errorf("the embedded dashboard has no index.html: run make web")
	}
	return h, nil
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// ServeHTTP answers GET and HEAD; the request's path is relative to the mount point
// (strip the prefix before it).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	f, ok := h.files[name]
	if !ok || (name != "index.html" && !strings.HasPrefix(name, "assets/")) {
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", f.ctype)
	hd.Set("ETag", f.etag)
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Content-Type-Options", "nosniff")
	if name == "index.html" {
		hd.Set("Content-Security-Policy", policy)
		hd.Set("Referrer-Policy", "no-referrer")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
}
