package faulttest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// skipShort skips a test under -short: private services are not pure logic.
func skipShort(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("starts private services; runs without -short")
	}
}

// Redis is a private redis-server on a free port, with its own data folder.
type Redis struct {
	Port int
	Dir  string
	proc *Proc
	tb   testing.TB
}

// StartRedis starts a private Redis with an append-only file, as services.sh runs the
// shared one, so a restart keeps its data unless the test flushes it.
func StartRedis(tb testing.TB) *Redis {
	tb.Helper()
	skipShort(tb)
	if _, err := exec.LookPath("redis-server"); err != nil {
		tb.Fatalf("redis-server is not installed (make services-up installs it): %v", err)
	}
	r := &Redis{Port: FreePort(tb), Dir: tb.TempDir(), tb: tb}
	r.Start()
	return r
}

// Addr is host:port.
func (r *Redis) Addr() string { return "127.0.0.1:" + strconv.Itoa(r.Port) }

// Start starts the server again after Kill or Flush.
func (r *Redis) Start() {
	r.tb.Helper()
	r.proc = Start(r.tb, r.Dir, "redis", nil, "redis-server",
		"--bind", "127.0.0.1", "--port", strconv.Itoa(r.Port), "--dir", r.Dir,
		"--appendonly", "yes", "--save", "", "--daemonize", "no", "--logfile", "")
	WaitPort(r.tb, r.proc, r.Port, 20*time.Second)
}

// Kill ends the server with SIGKILL.
func (r *Redis) Kill() {
	r.tb.Helper()
	r.proc.Kill(r.tb)
	WaitPortClosed(r.tb, r.Port, 10*time.Second)
}

// Flush deletes the stopped server's data: when started again it is empty, as a Redis
// that lost its memory and disk.
func (r *Redis) Flush() {
	r.tb.Helper()
	if r.proc.Running() {
		r.tb.Fatal("flushing a running redis; kill it first")
	}
	entries, err := os.ReadDir(r.Dir)
	if err != nil {
		r.tb.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "redis.log" {
			continue
		}
		if err := os.RemoveAll(filepath.Join(r.Dir, e.Name())); err != nil {
			r.tb.Fatal(err)
		}
	}
}

// Mosquitto is a private MQTT broker on a free port with persistence on, so that
// persistent sessions and their queued QoS 1 messages survive a restart.
type Mosquitto struct {
	Port int
	Dir  string
	proc *Proc
	tb   testing.TB
}

// StartMosquitto starts a private broker.
func StartMosquitto(tb testing.TB) *Mosquitto {
	tb.Helper()
	skipShort(tb)
	m := &Mosquitto{Port: FreePort(tb), Dir: tb.TempDir(), tb: tb}
	conf := fmt.Sprintf("listener %d 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location %s/\n"+
		"autosave_interval 1\nmax_queued_messages 100000\nlog_dest stderr\n", m.Port, m.Dir)
	if os.Getuid() == 0 {
		// As root mosquitto would switch to its own user, which cannot write here.
		conf = "user root\n" + conf
	}
	if err := os.WriteFile(filepath.Join(m.Dir, "mosquitto.conf"), []byte(conf), 0o600); err != nil {
		tb.Fatal(err)
	}
	m.Start()
	return m
}

// URL is the broker's tcp:// address.
func (m *Mosquitto) URL() string { return "tcp://127.0.0.1:" + strconv.Itoa(m.Port) }

// Start starts the broker again after Stop.
func (m *Mosquitto) Start() {
	m.tb.Helper()
	bin := "mosquitto"
	if _, err := exec.LookPath(bin); err != nil {
		bin = "/usr/sbin/mosquitto"
	}
	m.proc = Start(m.tb, m.Dir, "mosquitto", nil, bin, "-c", filepath.Join(m.Dir, "mosquitto.conf"))
	WaitPort(m.tb, m.proc, m.Port, 20*time.Second)
}

// Stop ends the broker with SIGTERM, which saves its sessions and queues to disk.
func (m *Mosquitto) Stop() {
	m.tb.Helper()
	m.proc.Stop(m.tb, 10*time.Second)
	WaitPortClosed(m.tb, m.Port, 10*time.Second)
}

// Neo4j is a private Neo4j server from the same jars as the shared one, with its own
// home folder (data, logs, config) and Bolt port.
type Neo4j struct {
	Port int
	Home string
	lib  string
	java string
	proc *Proc
	tb   testing.TB
}

// StartNeo4j starts a private Neo4j and waits until it answers Bolt. It finds the jars
// and Java through `scripts/services.sh neo4j-runtime`, which fetches the jars on a
// fresh machine.
func StartNeo4j(tb testing.TB) *Neo4j {
	tb.Helper()
	skipShort(tb)
	root, err := RepoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("bash", filepath.Join(root, "scripts", "services.sh"), "neo4j-runtime").Output()
	if err != nil {
		tb.Fatalf("finding the neo4j runtime with scripts/services.sh neo4j-runtime: %v", err)
	}
	lines := strings.Fields(string(out))
	if len(lines) != 2 {
		tb.Fatalf("scripts/services.sh neo4j-runtime printed %q; want the jar folder and java", out)
	}
	n := &Neo4j{Port: FreePort(tb), Home: tb.TempDir(), lib: lines[0], java: lines[1], tb: tb}
	for _, d := range []string{"conf", "data", "logs", "plugins"} {
		if err := os.MkdirAll(filepath.Join(n.Home, d), 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	addr := "127.0.0.1:" + strconv.Itoa(n.Port)
	conf := strings.Join([]string{
		"server.bolt.listen_address=" + addr,
		"server.bolt.advertised_address=" + addr,
		"server.bolt.tls_level=DISABLED",
		"server.http.enabled=false",
		"server.https.enabled=false",
		"server.memory.pagecache.size=64m",
		"dbms.usage_report.enabled=false",
		"db.tx_log.preallocate=false",
		"dbms.security.auth_enabled=false",
		"server.directories.data=" + filepath.Join(n.Home, "data"),
		"server.directories.logs=" + filepath.Join(n.Home, "logs"),
		"server.directories.plugins=" + filepath.Join(n.Home, "plugins"),
		// No cluster or discovery ports in Community; the backup and JMX ones are off by default.
	}, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(n.Home, "conf", "neo4j.conf"), []byte(conf), 0o600); err != nil {
		tb.Fatal(err)
	}
	n.Start()
	return n
}

// URI is the private server's bolt:// address.
func (n *Neo4j) URI() string { return "bolt://127.0.0.1:" + strconv.Itoa(n.Port) }

// Start starts the server (again) and waits until Bolt answers a query, at most 3 minutes:
// a cold start on two busy cores takes 15-60 s.
func (n *Neo4j) Start() {
	n.tb.Helper()
	n.proc = Start(n.tb, n.Home, "neo4j", nil, n.java,
		"-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
		"--add-opens=java.base/java.nio=ALL-UNNAMED",
		"--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
		"--add-opens=java.base/java.lang=ALL-UNNAMED",
		"-Dfile.encoding=UTF-8",
		"-cp", n.lib+"/*", "org.neo4j.server.CommunityEntryPoint",
		"--home-dir="+n.Home, "--config-dir="+filepath.Join(n.Home, "conf"), "--console-mode")
	WaitPort(n.tb, n.proc, n.Port, 3*time.Minute)
	drv, err := neo4j.NewDriverWithContext(n.URI(), neo4j.NoAuth())
	if err != nil {
		n.tb.Fatal(err)
	}
	defer drv.Close(context.Background())
	deadline := time.Now().Add(2 * time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := neo4j.ExecuteQuery(ctx, drv, "RETURN 1", nil, neo4j.EagerResultTransformer)
		cancel()
		if err == nil {
			return
		}
		if !n.proc.Running() || time.Now().After(deadline) {
			n.tb.Fatalf("private neo4j on %s does not answer: %v\n%s", n.URI(), err, n.proc.Tail(3000))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Kill ends the server with SIGKILL: it recovers from its transaction log on the next
// start.
func (n *Neo4j) Kill() {
	n.tb.Helper()
	n.proc.Kill(n.tb)
	WaitPortClosed(n.tb, n.Port, 10*time.Second)
}

// RepoRoot is the folder holding go.mod, found upwards from the working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if f, err := os.Open(filepath.Join(dir, "go.mod")); err == nil {
			sc := bufio.NewScanner(f)
			isSeam := sc.Scan() && strings.TrimSpace(sc.Text()) == "module github.com/seamhub/seam"
			f.Close()
			if isSeam {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of github.com/seamhub/seam above the working directory")
		}
		dir = parent
	}
}
