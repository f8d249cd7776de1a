// Package mapping turns a source system's own payloads into canonical [ontology.Document]s
// by declarative mappings that partners write in YAML, without Go. README.md beside this
// file is the reference of every key, with examples; this comment is the overview.
//
// # Flow
//
// A payload is first split into records by [Decode], in one of the [Format]s json, jsonl,
// csv, xml or form. Each [Record] keeps its own raw bytes (the evidence stored with the
// document, or quarantined with its problems) and a generic tree of map[string]any, []any,
// string, json.Number, bool and nil. Numbers keep their text, so ids above 2^53 and decimal
// amounts are exact. XML elements become keys with namespaces dropped, repeated elements
// lists, attributes "@name"; GBK and GB18030 documents are read through their declared
// encoding. CSV rows become records keyed by the header, and a mapping's groupBy makes one
// record of the rows of one receipt. A JSON list answer saved to a file (Shopify's
// {"orders": [...]}, a Stripe list's data) is one record per element where the mapping's
// records key names the list.
//
// A [Mapping], compiled from one YAML file by [Parse], then maps each record with
// [Mapping.Map]. Every path and value spec is compiled when the file is loaded, so that
// mapping a record walks prepared structures and never parses the mapping again; a
// loaded Mapping is immutable and safe for concurrent use.
//
// # The language
//
// A file maps one (system, type): its role, its format, optional unwrap paths (Shopify's
// {"order": ...}, Stripe's data.object), and one spec for each canonical field:
// externalId, verb, status, occurredAt, direction, channel, location, total, parties,
// lines and refs. A value spec is a path ("line_items[*].sku",
// "note_attributes[name=erp_ref].value", "$.currency", "detail@json[*]") or a mapping
// with one source (path, const, concat, first) and cleaning keys (transform, split and
// index, ignore, map, default, json). Times take a format (rfc3339, unix, unixMilli,
// yyyyMMdd, a Go layout) and a zone for offset-less local times; money takes an amount,
// a currency and a scale (decimal, minor units by ISO 4217 exponent or as Stripe counts
// them, or fixed places), and sum to add every amount a path reaches; money may be made
// of other money specs (first, add) and converted at a rate the source states in two
// currencies (convert); quantities take a factor. The verb is a value map over the source's status words plus
// ordered rules ("cancelled_at present → cancelled"); parties, lines and refs walk
// repeated parts with each: and filter them with if:.
//
// # Errors
//
// Loading reports every mistake of a file at once as a [*LoadError], each with file, line
// and field ("shopify-order.yaml:14: lines.qty.transform: unknown transform ..."), with a
// suggestion for misspelt names. Mapping a record that cannot be mapped gives an
// *ontology.InvalidError whose problems name the canonical field, the rule, the source
// value and, in the message, the concrete source path and the mapping line. Map never
// panics.
//
// # Registry
//
// A [Registry] holds mappings by (system, type): [NewRegistry] loads the built-ins
// embedded from builtin/*.yaml, [Registry.LoadFS] adds a partner's folder over them (a
// partner file replaces the built-in of the same system and type; a folder with any
// broken file changes nothing), and [Registry.MapPayload] decodes and maps a payload.
package mapping
