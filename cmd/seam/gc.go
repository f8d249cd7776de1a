package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
)

// Garbage collection of a server. A stock read allocates about 34 KB (gqlgen's field
// sets and contexts, the near cache's reply reader, JSON), while the server's live heap is small (tens of MiB holding a tenant
// of a million events, `seam bench memory`): at Go's default GOGC=100 the collector ran
// about every 2,000 reads and took a fifth of a read's time. serverGOGC lets the heap
// grow to five times the live data between collections (measured: 24 → 19 µs of server
// time per stock read), and serverMemoryLimit keeps that growth from ever costing the
// memory bound: past it the collector runs as often as it must. In a container allowed
// less memory than that, the limit is three quarters of the container's (cgroup v2
// memory.max, or v1 memory.limit_in_bytes), so that the heap's growth never reaches the
// kernel's OOM killer.
const (
	serverGOGC        = 400
	serverMemoryLimit = 768 << 20
)

// tuneGC applies the server's collector settings, unless the operator set GOGC or
// GOMEMLIMIT, which the Go runtime has then already applied and which win. It is
// process-wide, so main calls it, for the commands that host a server (hostsServer),
// never a test.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serverGOGC)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit(os.ReadFile))
	}
}

// memoryLimit is serverMemoryLimit, or three quarters of the process's cgroup memory
// limit when that is lower. The limit that binds is the lowest of the process's own
// cgroup and every cgroup above it (a pod's limit sits above its container's), in the
// v2 hierarchy (memory.max) and the v1 memory controller (memory.limit_in_bytes) alike;
// /proc/self/cgroup names the process's cgroups. "max" (v2) and v1's huge "no limit"
// number leave serverMemoryLimit; so does a file that cannot be read.
func memoryLimit(readFile func(string) ([]byte, error)) int64 {
	limit := int64(serverMemoryLimit)
	for _, path := range cgroupLimitFiles(readFile) {
		b, err := readFile(path)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err == nil && n > 0 && n/4*3 < limit {
			limit = n / 4 * 3
		}
	}
	return limit
}

// cgroupLimitFiles lists the limit files of the process's cgroups and their parents up
// to the hierarchy's root. Without /proc/self/cgroup (another OS, a sandbox) only the
// roots are read. Inside a container the path /proc/self/cgroup gives may be the host's
// and not exist under the container's mount: walking up then reaches the mount's root,
// which is the container's own cgroup.
func cgroupLimitFiles(readFile func(string) ([]byte, error)) []string {
	const v2, v1 = "/sys/fs/cgroup", "/sys/fs/cgroup/memory"
	paths := map[string]string{v2: "/", v1: "/"}
	if b, err := readFile("/proc/self/cgroup"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			parts := strings.SplitN(strings.TrimSpace(line), ":", 3)
			switch {
			case len(parts) != 3:
			case parts[0] == "0" && parts[1] == "":
				paths[v2] = parts[2]
			case slices.Contains(strings.Split(parts[1], ","), "memory"):
				paths[v1] = parts[2]
			}
		}
	}
	var files []string
	for _, root := range []string{v2, v1} {
		name := "memory.max"
		if root == v1 {
			name = "memory.limit_in_bytes"
		}
		for dir := filepath.Clean("/" + paths[root]); ; dir = filepath.Dir(dir) {
			files = append(files, filepath.Join(root, dir, name))
			if dir == "/" {
				break
			}
		}
	}
	return files
}

// hostsServer tells the commands that run `seam serve`'s work in their process: serve
// and demo; the stock bench, which measures that server as deployed; the party bench,
// whose resolution and reads are the server's worker and GraphQL reads; and training a
// party model (parties train, and so the party bench's training too), tens of thousands
// of comparisons that allocate as a server's reads do, where the default collector took
// about a tenth of the run.
func hostsServer(args []string) bool {
	switch {
	case len(args) == 0:
		return false
	case args[0] == "serve", args[0] == "demo":
		return true
	case len(args) < 2:
		return false
	case args[0] == "bench":
		return args[1] == "stock" || args[1] == "parties"
	default:
		return args[0] == "parties" && args[1] == "train"
	}
}
