package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// rss returns this process's resident set size in bytes, as the kernel counts it
// (VmRSS in /proc/self/status): what the machine really gives the process, heap,
// stacks and the runtime's unreturned pages included. It is 0 where there is no /proc.
func rss() int64 { return rssOf("/proc/self/status") }

// rssOf reads the resident set size from a process's status file.
func rssOf(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	return vmRSS(bufio.NewScanner(f))
}

// vmRSS reads the VmRSS line ("VmRSS:	  123456 kB") of a status file.
func vmRSS(sc *bufio.Scanner) int64 {
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return 0
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0
		}
		return kb * 1024
	}
	return 0
}
