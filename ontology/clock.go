package ontology

import "time"

// SourceClock is a source's own order of the versions of one document: the revision
// number it keeps (Square's version), when it changed the record (updated_at,
// date_modified_gmt, an event's created), or both. A zero Time and a nil Version mean
// the source said nothing.
type SourceClock struct {
	Version *int64
	Time    time.Time
}

// Supersedes reports whether a version with clock next, arriving after the current
// version with clock cur, becomes the current one. Versions are ordered by the source's
// clock, never by arrival: a webhook retried for an hour can arrive after the change
// that followed it, and must not undo it.
//
//   - Both carry a version number and the numbers differ: the higher one is newer. A
//     revision counter is exact where times can tie or drift between a source's servers.
//   - Otherwise both carry a time and the times differ: the later one is newer.
//   - Otherwise the later arrival wins. Equal clocks say the source saw no change it
//     counts (a record re-sent in another wrapper, or two changes inside one second of
//     a seconds clock), and a clock on one side only cannot be compared with the other;
//     what arrived last is then the best evidence left, and it is the rule for sources
//     that keep no clock at all.
//
// A version that does not supersede the current one is stale: it is kept as history
// and never becomes current.
func Supersedes(cur, next SourceClock) bool {
	if cur.Version != nil && next.Version != nil && *cur.Version != *next.Version {
		return *next.Version > *cur.Version
	}
	if !cur.Time.IsZero() && !next.Time.IsZero() && !cur.Time.Equal(next.Time) {
		return next.Time.After(cur.Time)
	}
	return true
}
