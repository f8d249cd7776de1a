// Package normalize turns the values that each source system writes its own way into
// comparable join keys for entity resolution: e-mail addresses, phone numbers, person and
// company names, order and tracking numbers, carriers and postal addresses.
//
// Two systems seldom agree on how to write the same thing. Shopify sends "+31 6 1234
// 5678", WooCommerce "06-12345678"; a customs declaration names "深圳市示例贸易有限公司"
// where the marketplace says "示例贸易"; AfterShip writes the carrier "sf-express" and
// Douyin "shunfeng". Each normaliser maps such variants onto one key, so that equal keys
// can join records and a small similarity toolkit (JaroWinkler, Jaccard) can score the
// near misses.
//
// The rules are deliberately conservative. A key must never join two different parties,
// so values that cannot identify anyone (masked phone numbers such as "138****1111",
// Meituan's privacy numbers "13812345678_1234", malformed e-mail addresses) normalise to
// nothing rather than to a guess. Each function documents what it folds together and
// what it leaves apart.
//
// Everything here is a pure function of its arguments: no I/O and no state, safe for
// concurrent use. Similarity scores are float64 in [0, 1]; nothing in this package does
// arithmetic on money or quantities.
package normalize
