package main

import (
	"errors"
	"io/fs"
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
