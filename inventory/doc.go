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
//
// A cell (product, location, lot) has five buckets: on hand, reserved, incoming (announced,
// not received), in transit (left with a carrier, not delivered) and on hold (received
// but rejected, not sellable). Available is on hand minus reserved; a lot past its expiry
// has none. Goods that name no lot leave first expired, first out ([PlanLots], lots.go);
// people's counts of a cell book their difference from the ledger ([Counts], counts.go).
//
// # Reservations
//
// Recording what happened cannot stop an oversell; [Reservations] can. A channel
// reserves before it sells, and a reservation succeeds only while the cell's available
// stock covers it:
//
//	available = on hand - reserved - safety hold
//
// summed over every lot at the location (an order that names no lot takes from the
// location as a whole), and, when the request names a lot, also within that lot; the
// smaller counts. Reserved already includes every live reservation, as explained next.
//
// A reservation is a ledger movement in the reserved bucket. Its hold movement
// (rsv:<id>:hold, +qty reserved) exists from the moment it is made; a release or an
// expiry appends its end movement (rsv:<id>:end, -qty). Nothing new is needed to prove
// the cache: the ledger's Totals count the holds like any movement, so `seam cache
// verify` compares them, and `seam cache rebuild` restores them. The alternative, a
// separate "held" figure in Redis journaled on its own, would need its own verify and
// rebuild, and an order that later arrives could not net its reservation through the
// ledger's ordinary arithmetic (below).
//
// Who decides, who records. The decision must be taken where every concurrent request
// is seen in one order, so Redis takes it: one Lua script per decision (reserve, commit,
// release or expire, consume), atomic because Redis runs scripts alone, with every key
// under the tenant's hash tag so that it stays atomic on a Cluster. The reserve script
// reads the cell, checks the quantity, adds the hold to the reserved figure and writes
// the reservation's record in one step: under any concurrency, from any number of
// replicas, no more is reserved than is available. The idempotency key names the
// reservation ([ReservationID] hashes tenant and key), so a replay finds the same record
// and holds nothing more; the same key with other terms is ErrIdempotencyConflict (a
// [ConflictError], which carries the reservation so that the API can tell another
// channel's key apart and say nothing of it). A replay that gives another order
// reference moves a live reservation to it (the number is often learnt after checkout);
// the record's refat orders references, so the ledger keeps the latest however its
// states arrive.
//
// Neo4j records every reservation and its end: a Reservation node and its movements.
// The movements are written without the Unprojected mark, because the script that
// decided them already applied them to live stock.
//
// Ordering, and crashes between the two. Each script also writes, in the same step, the
// reservation's id into a journal in Redis (an outbox); the service then records the
// state in Neo4j and only then drops the journal entry, and only if no newer decision was
// made since (a version in the record). Answers to the caller are given after the record.
//   - A crash after the decision and before the record leaves the journal entry: the
//     sweeper (any replica), or the next verify or rebuild, records it.
//   - A crash after the record and before the journal entry is dropped records it again:
//     recording is idempotent (fixed movement ids) and only moves a reservation forward
//     (active, committed, then an end; a later reference), so a late or repeated record
//     changes nothing. It compares under the node's write lock, so two records at once
//     cannot both pass on the same old state.
//   - A failover to a Redis replica that had not received the newest decisions loses
//     them from the cache, not from the record: every answered decision is in Neo4j
//     first. Until `seam cache rebuild` runs, the cache may offer those units again.
//     Seam sends no WAIT: it would narrow that window, not close it (replication stays
//     asynchronous), and a failover loses projected stock the same way.
//   - Refused requests are not journaled and cost Neo4j nothing: a flash sale that
//     refuses most requests does not become a write load on the ledger.
//
// Writing to Neo4j first (pending, then decide, then mark) would also be safe, but every
// attempt, refused or not, would cost a Neo4j write before Redis could decide, and a
// pending record left by a crash would need Redis asked again anyway.
//
// An ended reservation's record stays in Redis for 30 days, so replays find it. A key
// replayed later makes a fresh hold in Redis, which the ledger refuses as a second life
// of the key (another creation time): the service gives the fresh hold back (Void) and
// answers with the ledger's reservation.
//
// Expiry. A reservation holds until its TTL passes (Redis's clock decides, so replicas
// with skewed clocks agree). The sweeper ([Reservations.Run], on every replica) lists
// due reservations and runs the expire script on each; the script refuses one whose time
// has not come or that has already ended, so sweeping twice is harmless. A commit that
// comes after the TTL expires the reservation instead of reviving it.
//
// Commit and orders. The ledger's truth about a sale is the order document, which Plan
// turns into reserved stock until the goods leave. So committing does not take stock
// itself: it marks the reservation as a confirmed sale that holds (up to CommitTTL,
// against an order lost on its way) until the order arrives. When the order arrives, by
// the key the channel reserved with or by its order number, the resolver consumes the
// reservation (Consume, one script per reservation) and, inside the resolution
// transaction, attaches its hold movement to the order's event. The event's movements
// so far then include the hold, and [Reconcile] appends only the difference between the
// order's plan and the hold: nothing when they agree, the difference when the order asks
// more or less or elsewhere, and the whole hold back if the order is cancelled. The
// stock is never held twice and never unheld in between, because the hold does not move
// in Redis; it only changes owner.
package inventory
