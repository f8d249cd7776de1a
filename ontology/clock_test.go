package ontology

import (
	"fmt"
	"testing"
	"time"
)

func version(n int64) *int64 { return &n }

var t1 = time.Date(2025, 3, 4, 10, 15, 22, 0, time.UTC)

func TestSupersedes(t *testing.T) {
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
		{"higher version wins", SourceClock{Version: version(3)}, SourceClock{Version: version(4)}, true},
		{"lower version is stale", SourceClock{Version: version(4)}, SourceClock{Version: version(3)}, false},
		{"equal versions: the later arrival wins", SourceClock{Version: version(4)}, SourceClock{Version: version(4)}, true},
		{"version decides over a contrary time", SourceClock{Version: version(3), Time: t2}, SourceClock{Version: version(4), Time: t1}, true},
		{"lower version is stale even with a later time", SourceClock{Version: version(4), Time: t1}, SourceClock{Version: version(3), Time: t2}, false},
		{"equal versions fall back to the time", SourceClock{Version: version(4), Time: t2}, SourceClock{Version: version(4), Time: t1}, false},
		{"version on one side only: the times decide", SourceClock{Version: version(4), Time: t2}, SourceClock{Time: t1}, false},
		{"version on one side only, no times: the later arrival wins", SourceClock{Version: version(4)}, SourceClock{}, true},
		{"time on the current only: the later arrival wins", SourceClock{Time: t2}, SourceClock{}, true},
		{"time on the new version only: the later arrival wins", SourceClock{}, SourceClock{Time: t1}, true},
		{"version 0 is a version", SourceClock{Version: version(1)}, SourceClock{Version: version(0)}, false},
		{"same instant in another zone is equal", SourceClock{Time: t1}, SourceClock{Time: t1.In(time.FixedZone("CST", 8*3600))}, true},
		// Two Stripe events in one second: captured (1, 5000, 0) arriving after refunded
		// (1, 5000, 5000) is not newer; the progression tells what the clock cannot.
		{"equal times: the version further along stays", SourceClock{Time: t1, Progress: []int64{1, 5000, 5000}},
			SourceClock{Time: t1, Progress: []int64{1, 5000, 0}}, false},
		{"equal times: the version further along wins", SourceClock{Time: t1, Progress: []int64{1, 5000, 0}},
			SourceClock{Time: t1, Progress: []int64{1, 5000, 5000}}, true},
		{"equal times and progress: the later arrival wins", SourceClock{Time: t1, Progress: []int64{1, 0}},
			SourceClock{Time: t1, Progress: []int64{1, 0}}, true},
		{"a later time decides over a progression behind", SourceClock{Time: t1, Progress: []int64{9}},
			SourceClock{Time: t2, Progress: []int64{1}}, true},
		{"a higher version decides over a progression behind", SourceClock{Version: version(3), Progress: []int64{9}},
			SourceClock{Version: version(4), Progress: []int64{1}}, true},
		{"no times: the progression tells", SourceClock{Progress: []int64{2}}, SourceClock{Progress: []int64{1}}, false},
		{"progressions of different lengths cannot be compared", SourceClock{Time: t1, Progress: []int64{2, 0}},
			SourceClock{Time: t1, Progress: []int64{1}}, true},
		{"progression on one side only: the later arrival wins", SourceClock{Time: t1, Progress: []int64{2}},
			SourceClock{Time: t1}, true},
	}
	for _, c := range cases {
		if got := Supersedes(c.cur, c.next); got != c.want {
			t.Errorf("%s: Supersedes = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSortVersions(t *testing.T) {
	at := func(s int) SourceClock { return SourceClock{Time: t1.Add(time.Duration(s) * time.Second)} }
	cases := []struct {
		name string
		in   []DocumentVersion
		want string // the versions' numbers, newest first
	}{
		{"by time, whatever the arrival", []DocumentVersion{
			{Version: 1, Clock: at(20), Current: true}, {Version: 2, Clock: at(10)}, {Version: 3, Clock: at(5)}, {Version: 4, Clock: at(15)},
		}, "[1 4 2 3]"},
		{"current first", []DocumentVersion{
			{Version: 1, Clock: at(10)}, {Version: 2, Clock: at(20), Current: true},
		}, "[2 1]"},
		{"no clocks: by arrival", []DocumentVersion{
			{Version: 1}, {Version: 3, Current: true}, {Version: 2},
		}, "[3 2 1]"},
		{"by version number before time", []DocumentVersion{
			{Version: 1, Clock: SourceClock{Version: version(5), Time: t1}, Current: true},
			{Version: 2, Clock: SourceClock{Version: version(3), Time: t1.Add(time.Hour)}},
			{Version: 3, Clock: SourceClock{Version: version(4), Time: t1}},
		}, "[1 3 2]"},
		{"equal clocks: by arrival", []DocumentVersion{
			{Version: 2, Clock: at(0), Current: true}, {Version: 1, Clock: at(0)}, {Version: 3, Clock: at(0)},
		}, "[2 3 1]"},
	}
	for _, c := range cases {
		SortVersions(c.in)
		got := make([]int64, len(c.in))
		for i, v := range c.in {
			got[i] = v.Version
		}
		if fmt.Sprint(got) != c.want {
			t.Errorf("%s: order %v, want %s", c.name, got, c.want)
		}
	}
}
