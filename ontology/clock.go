package ontology

import (
	"slices"
	"time"
)

// SourceClock is a source's own order of the versions of one document: the revision
// number it keeps (Square's version), when it changed the record (updated_at,
// date_modified_gmt, an event's created), or both. A zero Time and a nil Version mean
// the source said nothing.
type SourceClock struct {
	Version *int64
	Time    time.Time
	// Progress is how far the record has come along the source's own progression, for
	// sources whose records only move one way (a Stripe charge is captured, then
	// refunded, and its amount_refunded only grows): figures compared in order, the
	// first that differs deciding. It orders two versions only where Version and Time
	// cannot (see Compare). Nil where the source gives none.
	Progress []int64
}

// Compare orders two clocks of one document by the source: +1 when c is newer than o,
// -1 when it is older, 0 when the clocks cannot tell.
//
//   - Both carry a version number and the numbers differ: the higher one is newer. A
//     revision counter is exact where times can tie or drift between a source's servers.
//   - Otherwise both carry a time and the times differ: the later one is newer.
//   - Otherwise, when both carry a progression of as many figures and they differ,
//     the further along is newer: two changes inside one second of a seconds clock
//     (Stripe's charge.captured and charge.refunded sharing their event's created) are
//     told apart by what the source only ever raises.
//   - Otherwise the clocks cannot tell: they are equal (a record re-sent in another
//     wrapper), or one side has no clock to compare with.
func (c SourceClock) Compare(o SourceClock) int {
	if c.Version != nil && o.Version != nil && *c.Version != *o.Version {
		if *c.Version > *o.Version {
			return 1
		}
		return -1
	}
	if !c.Time.IsZero() && !o.Time.IsZero() {
		if t := c.Time.Compare(o.Time); t != 0 {
			return t
		}
	}
	if len(c.Progress) > 0 && len(c.Progress) == len(o.Progress) {
		return slices.Compare(c.Progress, o.Progress)
	}
	return 0
}

// Supersedes reports whether a version with clock next, arriving after the current
// version with clock cur, becomes the current one. Versions are ordered by the source's
// clock, never by arrival: a webhook retried for an hour can arrive after the change
// that followed it, and must not undo it. Where the clocks cannot tell (see Compare),
// the later arrival wins: what arrived last is the best evidence left, and it is the
// rule for sources that keep no clock at all.
//
// A version that does not supersede the current one is stale: it is kept as history
// and never becomes current.
func Supersedes(cur, next SourceClock) bool {
	return next.Compare(cur) >= 0
}

// DocumentVersion is one version of a source document as it was received: its bytes
// and the source's clock. Every version is kept; one of them is current.
type DocumentVersion struct {
	// Version numbers the versions of one document in the order they arrived, from 1.
	Version    int64
	ReceivedAt time.Time
	Clock      SourceClock
	Hash       string
	Raw        []byte
	Format     string
	Via        string
	// Current is true for the version the document stands for: the newest by the
	// source's clock when it arrived (Supersedes).
	Current bool
}

// SortVersions orders a document's versions newest first by the source's order: the
// current version, then the others by their clocks, and by arrival where the clocks
// cannot tell.
func SortVersions(vs []DocumentVersion) {
	slices.SortStableFunc(vs, func(a, b DocumentVersion) int {
		switch {
		case a.Current != b.Current:
			if a.Current {
				return -1
			}
			return 1
		}
		if c := b.Clock.Compare(a.Clock); c != 0 {
			return c
		}
		switch {
		case a.Version > b.Version:
			return -1
		case a.Version < b.Version:
			return 1
		}
		return 0
	})
}
