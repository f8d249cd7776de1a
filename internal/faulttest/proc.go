// Package faulttest starts private copies of Seam's runtime parts (Neo4j, Redis,
// Mosquitto) and the real seam binary on free loopback ports, so that a test can kill,
// stop and restart them without touching the shared services other tests use.
//
// Every process a test starts here is ended by t.Cleanup, and every wait is bounded.
package faulttest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// FreePort returns a loopback TCP port nothing listens on right now.
func FreePort(tb testing.TB) int {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("finding a free port: %v", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Proc is one child process started by a test: a server that the test kills or stops.
type Proc struct {
	Name string
	// Log is the file that holds the process's stdout and stderr, for failure messages.
	Log string

	cmd  *exec.Cmd
	done chan struct{}
	mu   sync.Mutex
	err  error
}

// Start runs name with args and env (added to this process's environment), its output
// appended to a log file in dir. The process is killed when the test ends.
func Start(tb testing.TB, dir, name string, env []string, bin string, args ...string) *Proc {
	tb.Helper()
	log := filepath.Join(dir, name+".log")
	f, err := os.OpenFile(log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		tb.Fatalf("opening %s: %v", log, err)
	}
	defer f.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = f, f
	// Its own process group: a kill reaches nothing else, and a signal sent to the test's
	// group does not reach it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", name, err)
	}
	p := &Proc{Name: name, Log: log, cmd: cmd, done: make(chan struct{})}
	go func() {
		err := cmd.Wait()
		p.mu.Lock()
		p.err = err
		p.mu.Unlock()
		close(p.done)
	}()
	tb.Cleanup(func() { p.Kill(tb) })
	return p
}

// Pid is the process id.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// Running reports whether the process has not exited.
func (p *Proc) Running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Kill sends SIGKILL and waits for the process to be gone: a crash, nothing flushed.
func (p *Proc) Kill(tb testing.TB) {
	tb.Helper()
	if !p.Running() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		tb.Errorf("%s (pid %d) still runs 10 s after SIGKILL", p.Name, p.Pid())
	}
}

// Stop sends SIGTERM and waits up to grace for a clean exit, then kills.
func (p *Proc) Stop(tb testing.TB, grace time.Duration) {
	tb.Helper()
	if !p.Running() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(grace):
		tb.Logf("%s did not stop within %s of SIGTERM; killing it", p.Name, grace)
		p.Kill(tb)
	}
}

// Exited is closed when the process has exited.
func (p *Proc) Exited() <-chan struct{} { return p.done }

// Tail returns the last n bytes of the process's log, for failure messages.
func (p *Proc) Tail(n int) string {
	b, err := os.ReadFile(p.Log)
	if err != nil {
		return err.Error()
	}
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// WaitPort waits until something accepts connections on 127.0.0.1:port, failing the
// test after within, or as soon as p exits.
func WaitPort(tb testing.TB, p *Proc, port int, within time.Duration) {
	tb.Helper()
	addr := "127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(within)
	for {
		c, err := net.DialTimeout("tcp", addr, 500*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		if p != nil && !p.Running() {
			tb.Fatalf("%s exited before opening %s: %v\n%s", p.Name, addr, p.exitErr(), p.Tail(3000))
		}
		if time.Now().After(deadline) {
			msg := ""
			if p != nil {
				msg = p.Tail(3000)
			}
			tb.Fatalf("nothing listens on %s after %s\n%s", addr, within, msg)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WaitPortClosed waits until nothing accepts connections on 127.0.0.1:port.
func WaitPortClosed(tb testing.TB, port int, within time.Duration) {
	tb.Helper()
	addr := "127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(within)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err != nil {
			return
		}
		c.Close()
		if time.Now().After(deadline) {
			tb.Fatalf("%s still accepts connections after %s", addr, within)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *Proc) exitErr() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err == nil {
		return errors.New("exit status 0")
	}
	return p.err
}

// String names the process for messages.
func (p *Proc) String() string { return fmt.Sprintf("%s (pid %d)", p.Name, p.Pid()) }
