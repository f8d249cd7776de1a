package simulate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A sink that may hold two files open writes every day's documents, in order, into
// that day's file however they interleave: the file used longest ago is closed and
// reopened for appending, never truncated. A file left from an earlier run is
// replaced, as before.
func TestFileSinkBoundsItsOpenFiles(t *testing.T) {
	dir := t.TempDir()
	day := func(i int) time.Time { return time.Date(2025, 3, 1+i, 12, 0, 0, 0, time.UTC) }
	stale := filepath.Join(dir, "square", "order", "2025-03-01.jsonl")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("from an earlier run\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewFileSink(dir)
	s.maxOpen = 2
	want := map[string][]string{}
	// Days 0..4, then late documents of days 0 and 2 after the others were closed.
	order := []int{0, 1, 0, 2, 3, 1, 4, 0, 2, 4}
	for n, d := range order {
		raw := fmt.Sprintf(`{"n":%d}`, n)
		if err := s.Put(Doc{System: "square", Type: "order", Format: "json", Deliver: day(d), Raw: []byte(raw)}); err != nil {
			t.Fatal(err)
		}
		if len(s.open) > 2 {
			t.Fatalf("after document %d, %d files open, want at most 2", n, len(s.open))
		}
		name := day(d).Format("2006-01-02") + ".jsonl"
		want[name] = append(want[name], raw)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for name, lines := range want {
		b, err := os.ReadFile(filepath.Join(dir, "square", "order", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"); strings.Join(got, "|") != strings.Join(lines, "|") {
			t.Errorf("%s holds %q, want %q", name, got, lines)
		}
	}
}
