package main

import (
	"os"
	"runtime/debug"
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

// cgroupLimits are where Linux says how much memory the process's container may use.
var cgroupLimits = []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}

// memoryLimit is serverMemoryLimit, or three quarters of the container's limit when
// that is lower. "max" (v2) and v1's huge "no limit" number leave serverMemoryLimit.
func memoryLimit(readFile func(string) ([]byte, error)) int64 {
	limit := int64(serverMemoryLimit)
	for _, path := range cgroupLimits {
		b, err := readFile(path)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err == nil && n > 0 && n/4*3 < limit {
			limit = n / 4 * 3
		}
		break
	}
	return limit
}

// hostsServer tells the commands that run `seam serve`'s HTTP server in their process:
// serve and demo, and the stock bench, which measures that server as deployed.
func hostsServer(args []string) bool {
	switch {
	case len(args) == 0:
		return false
	case args[0] == "serve", args[0] == "demo":
		return true
	default:
		return len(args) > 1 && args[0] == "bench" && args[1] == "stock"
	}
}
