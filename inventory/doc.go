// Package inventory is the ledger of stock: it derives movements from business events and
// keeps live stock per product, location and lot.
//
// Invariants:
//   - The ledger is append-only. Stock in a cell is the sum of its movements. A correction
//     (a late document, a merge, an unmerge) is a compensating movement, never an edit, so
//     every past figure can be explained.
//   - An event's movements always sum to its [Plan]: whenever an event's members change,
//     [Reconcile] appends exactly the difference between what the event should have done
//     and what its movements did so far. Replanning an unchanged event appends nothing.
//   - Stock may go negative: a sale that happened is recorded even when the ledger had no
//     stock for it; the negative cell is the signal that a receipt is missing.
//   - Neo4j holds the ledger; Redis (subpackage rediscache) holds a projection of it that
//     can be rebuilt and verified at any time.
package inventory
