// Package simulate models a business across real systems, day by day and event by event,
// and writes what each system would say in its real public format, together with the
// ground truth: which documents are one business action, which records are one party or
// one product, and what stock the documents add up to.
//
// The business has two sides. A coffee and tea chain: stores with Square POS, Meituan
// delivery orders and Douyin group-buy vouchers, many of them rung up again at the POS
// (sometimes with the marketplace's order number in the POS reference, sometimes with no
// shared key at all), drinks consumed per recipe, ingredients received through ERPNext.
// A cross-border e-shop: Shopify and WooCommerce orders shipped with AfterShip tracking,
// paid through Stripe (charges, balance transactions, payouts) and invoiced in ERPNext;
// Pinduoduo orders; goods bought from suppliers, declared at China customs and received
// at ShipBob and Amazon FBA with quantities that do not quite agree. Pallets at the
// warehouse report weight and temperature over MQTT.
//
// The hard preset adds what clerks, accountants, brokers and marketplaces really write:
// order numbers in their own spellings and with typos, references only in free text,
// goods named in Chinese declaration elements, listings' own titles, store codes nobody
// configured (noise_refs.go, noise_goods.go); truth/noise.jsonl lists each document that
// carries such noise and what a perfect integration does with it.
//
// The same seed gives the same output, byte for byte: one seeded generator drives every
// choice, and nothing iterates a map or reads the clock.
package simulate
