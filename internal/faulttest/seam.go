package faulttest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// builds holds the seam binary built for this test process: building it takes seconds
// with a warm cache, so every test of a package shares one build.
var builds struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// Binary builds the real seam command (not under -race: the binary a user runs) once per
// test process and returns its path. Main removes it when the tests end.
func Binary(tb testing.TB) string {
	tb.Helper()
	skipShort(tb)
	builds.once.Do(func() {
		root, err := RepoRoot()
		if err != nil {
			builds.err = err
			return
		}
		builds.dir, err = os.MkdirTemp("", "seam-faulttest-")
		if err != nil {
			builds.err = err
			return
		}
		builds.path = filepath.Join(builds.dir, "seam")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "go", "build", "-o", builds.path, "./cmd/seam")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			builds.err = fmt.Errorf("go build ./cmd/seam: %v\n%s", err, out)
		}
	})
	if builds.err != nil {
		tb.Fatal(builds.err)
	}
	return builds.path
}

// Main runs a package's tests and removes the binary Binary built.
func Main(m *testing.M) int {
	code := m.Run()
	if builds.dir != "" {
		os.RemoveAll(builds.dir)
	}
	return code
}

// Env is what a seam process is told through its SEAM_* variables.
type Env struct {
	Neo4jURI, RedisAddr string
	// MQTTURL is the broker; empty runs without one.
	MQTTURL string
	// MQTTClientID names seam's persistent session at the broker.
	MQTTClientID  string
	TenantPrefix  string
	WebhookSecret string
	// Extra are further NAME=value settings.
	Extra []string
}

// List is the environment entries, over this process's own.
func (e Env) List() []string {
	mqtt := e.MQTTURL
	if mqtt == "" {
		mqtt = "off"
	}
	out := []string{
		"SEAM_CONFIG=", // never a developer's own file
		"SEAM_NEO4J_URI=" + e.Neo4jURI,
		"SEAM_REDIS_ADDR=" + e.RedisAddr,
		"SEAM_MQTT_URL=" + mqtt,
		"SEAM_TENANT_PREFIX=" + e.TenantPrefix,
		"SEAM_WEBHOOK_SECRET=" + e.WebhookSecret,
		"SEAM_LOG_LEVEL=info",
	}
	if e.MQTTClientID != "" {
		out = append(out, "SEAM_MQTT_CLIENT_ID="+e.MQTTClientID)
	}
	return append(out, e.Extra...)
}

// Server is a `seam serve` child process on a fixed loopback port, so that a restart
// answers where the old one did.
type Server struct {
	Port int
	Proc *Proc
	env  Env
	bin  string
	dir  string
	tb   testing.TB
	runs int
}

// Serve starts `seam serve` and waits until /healthz answers (not /readyz: a test may
// start it while a dependency is down on purpose).
func Serve(tb testing.TB, env Env) *Server {
	tb.Helper()
	s := &Server{Port: FreePort(tb), env: env, bin: Binary(tb), dir: tb.TempDir(), tb: tb}
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("the last lines of %s:\n%s", s.Proc, s.Proc.Tail(6000))
			if os.Getenv("SEAM_FAULT_STACKS") != "" && s.Proc.Running() {
				// Go prints every goroutine's stack on SIGQUIT: where a stuck server waits.
				_ = s.Proc.cmd.Process.Signal(syscall.SIGQUIT)
				<-s.Proc.Exited()
				tb.Logf("stacks in %s", s.Proc.Log)
			}
		}
	})
	s.Start()
	return s
}

// Base is the server's http:// address.
func (s *Server) Base() string { return "http://127.0.0.1:" + strconv.Itoa(s.Port) }

// Start starts the server again on its port, after Kill.
func (s *Server) Start() {
	s.tb.Helper()
	s.runs++
	env := append(s.env.List(), "SEAM_HTTP_ADDR=127.0.0.1:"+strconv.Itoa(s.Port))
	s.Proc = Start(s.tb, s.dir, fmt.Sprintf("seam-serve-%d", s.runs), env, s.bin, "serve")
	WaitPort(s.tb, s.Proc, s.Port, 30*time.Second)
}

// Kill kills the server with SIGKILL.
func (s *Server) Kill() {
	s.tb.Helper()
	s.Proc.Kill(s.tb)
}

// Ready is one answer of /readyz.
type Ready struct {
	Code int
	Body map[string]any
}

// Part reports whether /readyz called one dependency ("neo4j", "redis", "mqtt") ok.
func (r Ready) Part(name string) bool {
	m, _ := r.Body[name].(map[string]any)
	return m["ok"] == true
}

// Readyz asks /readyz once.
func (s *Server) Readyz() (Ready, error) {
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(s.Base() + "/readyz")
	if err != nil {
		return Ready{}, err
	}
	defer resp.Body.Close()
	r := Ready{Code: resp.StatusCode}
	if err := json.NewDecoder(resp.Body).Decode(&r.Body); err != nil {
		return r, fmt.Errorf("decoding /readyz: %w", err)
	}
	return r, nil
}

// WaitReadyz polls /readyz until it answers code, failing the test after within.
func (s *Server) WaitReadyz(code int, within time.Duration) Ready {
	s.tb.Helper()
	deadline := time.Now().Add(within)
	for {
		r, err := s.Readyz()
		if err == nil && r.Code == code {
			return r
		}
		if time.Now().After(deadline) {
			s.tb.Fatalf("/readyz did not answer %d within %s: last %+v %v\n%s", code, within, r, err, s.Proc.Tail(3000))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Run runs one seam command (ingest, cache verify...) to its end, at most within, and
// returns its stdout and stderr.
func Run(tb testing.TB, env Env, within time.Duration, args ...string) (stdout, stderr string, err error) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	cmd := exec.CommandContext(ctx, Binary(tb), args...)
	cmd.Env = append(os.Environ(), env.List()...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.String(), errb.String(), err
}
