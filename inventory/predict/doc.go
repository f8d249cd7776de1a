// Package predict turns the ledger's history into forecasts, order proposals and
// replays of other stocking policies.
//
// Its input is [Flow]: one business event's net effect on one product at one location,
// dated when the event happened. A sale's flow is its demand (one event per real sale,
// however many systems reported it); every flow moves the on-hand trajectory from which
// stock-outs are read. [History.Days] lays the flows out day by day ([Daily]); a day on
// which a tracked product's on-hand stock reached zero is censored, so forecasting
// treats its sales as a lower bound (missing), never as demand of zero.
//
// [Propose] turns a forecast, the stock buckets and a [Policy] into an order proposal:
// safety stock for a service level, a reorder point and an order-up-to level over the
// lead time and review period, rounded to lot sizes, with the capital it ties up. The
// human breaker holds a proposal that is far above the historical demand it should
// cover, or that cannot keep stock near its safety stock, until a person approves it.
//
// [Replay] runs a period's real demand against another policy in memory and reports
// turnover, lost sales, the capital tied up and expiry write-offs beside the same
// figures for what really happened. It reads nothing and writes nothing: the [Service]
// reads the history once and hands it over.
package predict
