package main

import (
	"bufio"
	"strings"
	"testing"
)

func TestVmRSS(t *testing.T) {
	for _, c := range []struct {
		name, status string
		want         int64
	}{
		{"status file", "Name:\tseam\nVmPeak:\t  900 kB\nVmRSS:\t   123456 kB\nRssAnon:\t 1 kB\n", 123456 * 1024},
		{"no VmRSS line", "Name:\tseam\nVmPeak:\t  900 kB\n", 0},
		{"no number", "VmRSS:\n", 0},
		{"not a number", "VmRSS:\t  many kB\n", 0},
	} {
		if got := vmRSS(bufio.NewScanner(strings.NewReader(c.status))); got != c.want {
			t.Errorf("%s: vmRSS = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestRSSOfThisProcess(t *testing.T) {
	// Any running Go test binary holds a few megabytes, and far less than a terabyte.
	if got := rss(); got < 1<<20 || got > 1<<40 {
		t.Errorf("rss() = %d bytes", got)
	}
}
