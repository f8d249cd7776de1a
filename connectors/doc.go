// Package connectors is how source systems' documents get into Seam: webhook push, HTTP
// pull, file drop and MQTT, each in a subpackage, all ending in one [Intake].
//
// Invariants every way in keeps:
//   - Nothing is dropped. A payload either becomes stored documents or is quarantined
//     whole, with its raw bytes and a precise reason, and the caller learns which.
//   - Nothing is stored twice. Documents are keyed by (tenant, system, type, external id)
//     and the store ignores a repeat of the same bytes, so every way in may retry freely.
//   - Persist first, then process. The intake stores documents and returns; resolution
//     and live stock follow asynchronously (the resolver's Worker), so a webhook sender
//     gets its answer in milliseconds and a crash never loses an accepted document.
//   - Checkpoints and cursors live in Neo4j next to the documents, so they survive a
//     restart of Seam and of Redis.
package connectors
