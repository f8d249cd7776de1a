package ontology

import (
	"testing"
	"time"
)

func TestSupersedes(t *testing.T) {
	v := func(n int64) *int64 { return &n }
	t1 := time.Date(2025, 3, 4, 10, 15, 22, 0, time.UTC)
	t2 := t1.Add(time.Second)
	cases := []struct {
		name      string
		cur, next SourceClock
		want      bool
	}{
		{"no clock on either side: the later arrival wins", SourceClock{}, SourceClock{}, true},
		{"later time wins", SourceClock{Time: t1}, SourceClock{Time: t2}, true},
		{"earlier time is stale", SourceClock{Time: t2}, SourceClock{Time: t1}, false},
		{"equal times: the later arrival wins", SourceClock{Time: t1}, SourceClock{Time: t1}, true},
		{"higher version wins", SourceClock{Version: v(3)}, SourceClock{Version: v(4)}, true},
		{"lower version is stale", SourceClock{Version: v(4)}, SourceClock{Version: v(3)}, false},
		{"equal versions: the later arrival wins", SourceClock{Version: v(4)}, SourceClock{Version: v(4)}, true},
		{"version decides over a contrary time", SourceClock{Version: v(3), Time: t2}, SourceClock{Version: v(4), Time: t1}, true},
		{"lower version is stale even with a later time", SourceClock{Version: v(4), Time: t1}, SourceClock{Version: v(3), Time: t2}, false},
		{"equal versions fall back to the time", SourceClock{Version: v(4), Time: t2}, SourceClock{Version: v(4), Time: t1}, false},
		{"version on one side only: the times decide", SourceClock{Version: v(4), Time: t2}, SourceClock{Time: t1}, false},
		{"version on one side only, no times: the later arrival wins", SourceClock{Version: v(4)}, SourceClock{}, true},
		{"time on the current only: the later arrival wins", SourceClock{Time: t2}, SourceClock{}, true},
		{"time on the new version only: the later arrival wins", SourceClock{}, SourceClock{Time: t1}, true},
		{"zero version counts as a version", SourceClock{Version: v(1)}, SourceClock{Version: v(0)}, false},
	}
	for _, c := range cases {
		if got := Supersedes(c.cur, c.next); got != c.want {
			t.Errorf("%s: Supersedes = %v, want %v", c.name, got, c.want)
		}
	}
}
