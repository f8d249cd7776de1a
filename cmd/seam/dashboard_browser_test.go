package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// skipBrowserEnv, when set, lets the browser test skip where no Chromium (or no axe-core)
// is installed. Without it a missing browser fails the test: `make test` installs both.
const skipBrowserEnv = "SEAM_SKIP_BROWSER"

// chromium finds a Chrome or Chromium: SEAM_CHROMIUM, else the usual names on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SEAM_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "no Chromium found (tried SEAM_CHROMIUM, chromium, chromium-browser, google-chrome, headless-shell): "+
		"`make test` installs Debian's chromium (scripts/web.sh browser)")
	return ""
}

// browserTools skips in -short runs (the test drives a browser against a running Seam)
// and finds the browser and axe-core.
func browserTools(t *testing.T) (exe, axe string) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: drives headless Chromium against a running Seam; runs in make test and go test without -short")
	}
	return chromium(t), axeSource(t)
}

// axeSource is axe-core's bundle from web/node_modules (`make web-deps` installs it).
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "web", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		missing(t, fmt.Sprintf("axe-core is not installed (%v): run make web-deps", err))
	}
	return string(b)
}

func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv(skipBrowserEnv) != "" {
		t.Skipf("%s; skipped because %s is set", why, skipBrowserEnv)
	}
	t.Fatalf("%s (set %s=1 to skip this test where no browser can be installed)", why, skipBrowserEnv)
}

// browserTab is one headless Chromium tab that saves its screenshots in dir.
type browserTab struct {
	t   *testing.T
	ctx context.Context
	dir string
	n   int
}

func newBrowserTab(t *testing.T, exe, dir string) *browserTab {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "en-GB"))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", exe, err)
	}
	b := &browserTab{t: t, ctx: ctx, dir: dir}
	t.Cleanup(func() {
		if t.Failed() {
			b.shot("failure")
		}
	})
	return b
}

// do runs actions, each step with a deadline, failing the test with what was going on.
func (b *browserTab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into out.
func (b *browserTab) eval(expr string, out any) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %.80s: %v", expr, err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			b.t.Fatalf("decoding %s: %v", raw, err)
		}
	}
}

// waitFor polls a JavaScript predicate until it holds, failing after within.
func (b *browserTab) waitFor(what, predicate string, within time.Duration) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, within+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(within), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		var page string
		_ = chromedp.Do(b.ctx) // the tab is still there for the message below
		page, _ = chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('main') ? document.querySelector('main').innerText.slice(0, 1500) : document.body.innerText.slice(0, 1500)`))
		b.t.Fatalf("%s: %s did not hold within %s (%v); the page says:\n%s", what, predicate, within, err, page)
	}
}

// shot saves a full-page screenshot as NN-name.png in the artifacts folder.
func (b *browserTab) shot(name string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
		return ""
	}
	b.n++
	p := filepath.Join(b.dir, fmt.Sprintf("%02d-%s.png", b.n, name))
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		b.t.Errorf("saving %s: %v", p, err)
	}
	return p
}

// axeViolation is what axe-core reports for one rule a page breaks.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// axeCheck runs axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is,
// saves the report, and fails on any serious or critical violation.
func (b *browserTab) axeCheck(name, axe string) {
	b.t.Helper()
	var loaded bool
	b.eval(`typeof axe !== 'undefined'`, &loaded)
	if !loaded {
		b.eval(axe+"\n;true", nil)
	}
	var res struct {
		Passes     int            `json:"passes"`
		Violations []axeViolation `json:"violations"`
	}
	b.eval(`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
		.then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => ({target: n.target, html: n.html}))}))}))`, &res)
	if res.Passes < 10 {
		b.t.Fatalf("axe on %s checked only %d rules: it did not run", name, res.Passes)
	}
	vs := res.Violations
	report, _ := json.MarshalIndent(vs, "", "  ")
	if err := os.WriteFile(filepath.Join(b.dir, "axe-"+name+".json"), report, 0o644); err != nil {
		b.t.Errorf("saving the axe report: %v", err)
	}
	var bad []string
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, fmt.Sprintf("%s (%s): %s, at %v", v.ID, v.Impact, v.Help, v.Nodes))
		}
	}
	if len(bad) > 0 {
		b.t.Errorf("axe on %s: %d serious or critical violations:\n%s", name, len(bad), strings.Join(bad, "\n"))
	}
}

// focused describes the element that has the keyboard focus: its tag, its accessible
// text (label, aria-label or text), its href and the alert it is part of.
type focused struct {
	Tag, Name, Href, Alert string
}

// tab presses Tab and returns what took the focus.
func (b *browserTab) tab() focused {
	b.t.Helper()
	b.do("pressing Tab", chromedp.KeyEvent(kb.Tab))
	var f focused
	b.eval(`(() => { const e = document.activeElement; if (!e) return {};
		const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';
		return {tag: e.tagName.toLowerCase(), name: (e.getAttribute('aria-label') || label || e.innerText || '').trim(), href: e.getAttribute('href') || '',
		alert: e.closest('[data-alert]')?.dataset.alert || ''}; })()`, &f)
	return f
}

// tabTo presses Tab until an element whose name starts with name has the focus.
func (b *browserTab) tabTo(name string, max int) []focused {
	b.t.Helper()
	return b.tabUntil(name, max, func(f focused) bool { return strings.HasPrefix(f.Name, name) })
}

// tabUntil presses Tab until the focused element passes ok.
func (b *browserTab) tabUntil(what string, max int, ok func(focused) bool) []focused {
	b.t.Helper()
	var seen []focused
	for range max {
		f := b.tab()
		seen = append(seen, f)
		if ok(f) {
			return seen
		}
	}
	b.t.Fatalf("%s never took the focus in %d presses of Tab: %+v", what, max, seen)
	return nil
}

// signIn types a key into the sign-in form.
func (b *browserTab) signIn(key string) {
	b.t.Helper()
	b.do("signing in", chromedp.WaitVisible(chromedp.CSS("#api-key")), chromedp.SendKeys(chromedp.CSS("#api-key"), key+kb.Enter))
	b.waitFor("signed in", `!!document.querySelector('nav[aria-label="Views"]')`, 10*time.Second)
}

// signOut presses the header's Sign out.
func (b *browserTab) signOut() {
	b.t.Helper()
	b.eval(`(() => { [...document.querySelectorAll('header button')].find(x => x.innerText === 'Sign out').click(); return true; })()`, nil)
	b.waitFor("signed out", `!!document.querySelector('#api-key')`, 10*time.Second)
}

// hash is the page's address fragment.
func (b *browserTab) hash() string {
	b.t.Helper()
	var h string
	b.eval(`location.hash`, &h)
	return h
}
