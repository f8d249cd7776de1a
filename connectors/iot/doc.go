// Package iot turns pallet-sensor payloads into canonical readings ([ontology.Reading]).
// It is the pure part of the MQTT way in: no network, no clock, no logging. The MQTT
// adapter subscribes, calls [Detect] and [Parse] for each message, and stores or
// quarantines what comes back.
//
// Three public conventions are accepted (SOURCES.md §8):
//
//   - ThingsBoard telemetry JSON: a values object, {"ts":ms,"values":{...}}, an array of
//     either, or the gateway form {"DEVICE":[{"ts":ms,"values":{...}}]} ([ParseThingsBoard],
//     [ParseThingsBoardGateway]); the gateway form is recognised on a device topic too.
//   - SenML JSON, RFC 8428: an array of records with base fields carried forward
//     ([ParseSenML]).
//   - Sparkplug B: protobuf payloads on spBv1.0/... topics, with metric aliases learnt
//     from BIRTH messages ([ParseSparkplug], [AliasTable], [DecodeSparkplug],
//     [EncodeSparkplug]).
//
// Invariants every parser keeps:
//   - Values are exact decimal text as the device sent it (JSON number text, or a
//     float formatted with the shortest representation that reads back to the same
//     float). Nothing goes through float arithmetic; unit conversion (grams to
//     kilograms) moves the decimal point with shopspring/decimal.
//   - Metric names are canonical where the key or unit says what is measured
//     (weight_kg, temperature_c, humidity_rh, see [MetricName]); any other key is kept
//     under its own sanitised, lower-case name.
//   - Nothing is dropped quietly. A value that cannot be read makes the whole payload
//     an error, a [*FieldError] naming the field path and the rule broken, so that the
//     caller quarantines the payload whole. One exception: a SenML record Seam cannot
//     use is returned beside the pack's other readings as a skipped [*FieldError], for
//     the caller to keep visible ([ParseSenML]). The only things that yield no reading by
//     design are documented: Sparkplug metrics flagged is_null, Sparkplug protocol
//     metrics (bdSeq, Node Control/*, Device Control/*), DEATH, command and STATE
//     messages, and SenML base-only records.
//   - Every reading has a device id, a metric, a value and a time. When the device sent
//     no time, the receive time passed in is used and Reading.ReceiveTime is set.
//   - Parsers never panic on any input; fuzz targets hold them to it.
package iot
