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
	for _, c := range []struct {
		name  string
		files map[string]string
		want  int64
	}{
		{"no cgroup files", nil, serverMemoryLimit},
		{"v2 without a limit", map[string]string{cgroupLimits[0]: "max\n"}, serverMemoryLimit},
		{"v2 with 512 MiB", map[string]string{cgroupLimits[0]: "536870912\n"}, 384 << 20},
		{"v2 with 4 GiB", map[string]string{cgroupLimits[0]: "4294967296\n"}, serverMemoryLimit},
		{"v1 without a limit", map[string]string{cgroupLimits[1]: "9223372036854771712\n"}, serverMemoryLimit},
		{"v1 with 256 MiB", map[string]string{cgroupLimits[1]: "268435456"}, 192 << 20},
		{"v2 wins over v1", map[string]string{cgroupLimits[0]: "max", cgroupLimits[1]: "268435456"}, serverMemoryLimit},
	} {
		if got := memoryLimit(files(c.files)); got != c.want {
			t.Errorf("%s: limit %d, want %d", c.name, got, c.want)
		}
	}
	if got := memoryLimit(func(string) ([]byte, error) { return nil, errors.New("denied") }); got != serverMemoryLimit {
		t.Errorf("unreadable files: %d", got)
	}
}
