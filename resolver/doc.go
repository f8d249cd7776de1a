// Package resolver is Seam's entity resolution: it decides which source documents
// describe the same business action and keeps one business event for each, with the
// evidence of every decision.
//
// Resolution is incremental. Stored documents wait with a Pending mark; a [Matcher] takes
// them in arrival order, inside one store transaction that holds the tenant's resolution
// lock, looks up candidate events through the documents' indexed reference keys (never a
// scan), links each document to an event (or founds a new one), merges events that a late
// document proves to be one, and appends the ledger movements that bring every touched
// event to its plan. Because decisions and movements commit together, a crash at any
// point leaves either the old state or the new one, and the Pending marks say what is
// left to do.
//
// The main type is Matcher, not Resolver: gqlgen owns that word in package graph.
package resolver
