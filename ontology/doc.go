// Package ontology is Seam's business vocabulary: the canonical shape that every source
// document is mapped into, and the entities and events that entity resolution builds from
// them.
//
// The flow is one-way. A connector receives a source's own payload (a Shopify order, a
// customs declaration, a pallet reading) and a mapping turns it into a [Document]: one
// record per source document, in the words of this package (verbs, roles, references,
// lines with decimal quantities). Resolution then decides which [BusinessEvent] a document
// evidences, and the inventory ledger derives [Movement]s from each event.
//
// Invariants that every package relies on:
//   - A source document is identified by its [DocKey] (tenant, system, type, external id).
//     Storing the same key twice with the same content is a no-op; a different content is
//     a new version of the same document. Every version is kept; the current one is the
//     newest by the source's own clock ([Supersedes]), not the last to arrive.
//   - Every stored node carries its tenant; no query crosses tenants.
//   - Quantities are [Qty] (fixed-point, six decimals) and money is [Money] (decimal plus
//     ISO 4217 currency). Neither is ever a float.
//   - Times are UTC instants; mappings convert source-local times with an explicit zone.
//
// The Neo4j adapter lives in the neo4jstore subpackage; domain checks (USCC, GS1, ISO 6346,
// customs numbers, currency codes) live in the check subpackage.
package ontology
