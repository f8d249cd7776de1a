package main

import (
	"errors"
	"io/fs"
	"runtime"
	"sync"
	"testing"
)

func TestMemoryLimitFollowsTheContainer(t *testing.T) {
	files := func(m map[string]string) func(string) ([]byte, error) {
		return func(path string) ([]byte, error) {
			if v, ok := m[path]; ok {
				return []byte(v), nil
			}
			return nil, fs.ErrNotExist
		}
	}
	const (
		v2Root = "/sys/fs/cgroup/memory.max"
		v1Root = "/sys/fs/cgroup/memory/memory.limit_in_bytes"
		self   = "/proc/self/cgroup"
	)
	for _, c := range []struct {
		name  string
		files map[string]string
		want  int64
	}{
		{"no cgroup files", nil, serverMemoryLimit},
		{"v2 without a limit", map[string]string{v2Root: "max\n"}, serverMemoryLimit},
		{"v2 with 512 MiB", map[string]string{v2Root: "536870912\n"}, 384 << 20},
		{"v2 with 4 GiB", map[string]string{v2Root: "4294967296\n"}, serverMemoryLimit},
		{"v1 without a limit", map[string]string{v1Root: "9223372036854771712\n"}, serverMemoryLimit},
		{"v1 with 256 MiB", map[string]string{v1Root: "268435456"}, 192 << 20},
		{"the lower of v1 and v2", map[string]string{v2Root: "max", v1Root: "268435456"}, 192 << 20},
		{"v2: the process's own cgroup", map[string]string{
			self:   "0::/kubepods/pod1/ctr\n",
			v2Root: "max",
			"/sys/fs/cgroup/kubepods/pod1/ctr/memory.max": "536870912",
		}, 384 << 20},
		{"v2: a parent's lower limit binds", map[string]string{
			self: "0::/kubepods/pod1/ctr\n",
			"/sys/fs/cgroup/kubepods/pod1/ctr/memory.max": "max",
			"/sys/fs/cgroup/kubepods/pod1/memory.max":     "268435456",
		}, 192 << 20},
		{"v1 memory controller beside others (this hybrid layout)", map[string]string{
			self: "9:name=systemd:/\n4:memory:/process_api/abc\n2:cpuacct,cpu:/\n0::/\n",
			"/sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes": "1073741824",
			v1Root: "9223372036854771712",
		}, 768 << 20},
		{"v1 joined controllers", map[string]string{
			self: "3:cpu,memory:/job\n",
			"/sys/fs/cgroup/memory/job/memory.limit_in_bytes": "268435456",
		}, 192 << 20},
		{"a host path the container's mount lacks: its root is read", map[string]string{
			self:   "0::/system.slice/docker-1.scope\n",
			v2Root: "536870912",
		}, 384 << 20},
	} {
		if got := memoryLimit(files(c.files)); got != c.want {
			t.Errorf("%s: limit %d, want %d", c.name, got, c.want)
		}
	}
	if got := memoryLimit(func(string) ([]byte, error) { return nil, errors.New("denied") }); got != serverMemoryLimit {
		t.Errorf("unreadable files: %d", got)
	}
}

func TestGCPercentKeepsTheHeapFloor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live, floor uint64
		want        int
	}{
		{5 * mib, 128 * mib, 2460},   // a small server: its goal is the floor
		{32 * mib, 128 * mib, 400},   // live × 5 = 160 MiB, above the floor
		{100 * mib, 128 * mib, 400},  // a large one keeps the proportional goal
		{1, 128 * mib, maxFloorGOGC}, // a near-empty heap asks for no more than the bound
		{0, 128 * mib, serverGOGC},   // no collection yet: nothing is known
		{5 * mib, 0, serverGOGC},     // no floor
	} {
		if got := gcPercentFor(c.live, c.floor); got != c.want {
			t.Errorf("live %d, floor %d: GOGC %d, want %d", c.live, c.floor, got, c.want)
		}
	}
}

// TestGCFloorTunerFollowsEachCollection runs the tuner on the real collector, with the
// setting it would make recorded instead of applied (GOGC is process-wide, and other
// tests run beside this one): each collection adjusts once, a steady heap is not set
// again, and stop ends it.
func TestGCFloorTunerFollowsEachCollection(t *testing.T) {
	var (
		mu   sync.Mutex
		set  []int
		live = uint64(5 << 20)
		runs int
	)
	tuner := &gcFloorTuner{floor: 128 << 20,
		setPercent: func(p int) int { mu.Lock(); defer mu.Unlock(); set = append(set, p); return 0 },
		live:       func() uint64 { mu.Lock(); defer mu.Unlock(); runs++; return live }}
	tuner.arm()
	collectUntil := func(what string, done func() bool) {
		t.Helper()
		for i := 0; ; i++ {
			runtime.GC()
			mu.Lock()
			ok := done()
			mu.Unlock()
			if ok {
				return
			}
			if i == 10_000 {
				t.Fatalf("%s after %d collections: set %v, %d adjustments", what, i, set, runs)
			}
			runtime.Gosched()
		}
	}
	collectUntil("no adjustment", func() bool { return len(set) == 1 })
	if set[0] != 2460 {
		t.Fatalf("GOGC set to %d for 5 MiB live, want 2460", set[0])
	}
	collectUntil("the steady heap adjusted no more", func() bool { return runs >= 3 })
	mu.Lock()
	if len(set) != 1 {
		t.Errorf("a steady heap set GOGC again: %v", set)
	}
	live = 64 << 20
	mu.Unlock()
	collectUntil("a grown heap was not followed", func() bool { return len(set) == 2 })
	if set[1] != serverGOGC {
		t.Errorf("GOGC set to %d for 64 MiB live, want %d", set[1], serverGOGC)
	}
	tuner.stop()
	mu.Lock()
	n := runs
	mu.Unlock()
	for range 5 {
		runtime.GC()
	}
	mu.Lock()
	defer mu.Unlock()
	if runs > n+1 { // one cleanup may already have been running when stop was called
		t.Errorf("the tuner went on after stop: %d adjustments, %d before", runs, n)
	}
}
