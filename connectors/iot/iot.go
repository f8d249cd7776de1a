package iot

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
)

// Format is a payload convention; its value is what Reading.Format carries.
type Format string

// The accepted formats.
const (
	FormatThingsBoard Format = "thingsboard"
	FormatSenML       Format = "senml"
	FormatSparkplugB  Format = "sparkplugb"
)

// sparkplugNamespace is the first topic level of every Sparkplug B message.
const sparkplugNamespace = "spBv1.0"

// Detect tells which format a message is in: Sparkplug B by its topic namespace
// (spBv1.0/...), SenML when the payload is a JSON array whose first element is an object
// with a SenML name or base field (bn, n, bt, bu, bv, bver), ThingsBoard otherwise. It
// only looks as far as it needs; Parse still validates everything.
func Detect(topic string, payload []byte) Format {
	if topic == sparkplugNamespace || strings.HasPrefix(topic, sparkplugNamespace+"/") {
		return FormatSparkplugB
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') || !dec.More() {
		return FormatThingsBoard
	}
	var first map[string]json.RawMessage
	if err := dec.Decode(&first); err != nil {
		return FormatThingsBoard
	}
	for _, k := range []string{"bn", "n", "bt", "bu", "bv", "bver"} {
		if _, ok := first[k]; ok {
			return FormatSenML
		}
	}
	return FormatThingsBoard
}

// Parse turns one MQTT message into readings. received is when Seam received it, used
// for readings whose device sent no time. aliases holds Sparkplug session state (alias
// names, datatypes, seq); it may be nil for the JSON formats, and for Sparkplug a nil
// table means only metrics that carry their names can be read.
//
// The device of a ThingsBoard or SenML message comes from the topic (see
// [DeviceFromTopic]); ThingsBoard's gateway topic (a topic with a "gateway" level, such
// as v1/gateway/telemetry) takes devices from the payload's keys instead. A SenML pack on
// a topic that names no device takes its device from bn. Callers who know the device
// some other way (the MQTT client id, say) call [ParseThingsBoard] or [ParseSenML].
//
// Errors: a [*FieldError] for anything unreadable, and for Sparkplug a
// [*UnknownAliasError] (errors.Is ErrUnknownAlias) when a DATA message uses an alias no
// BIRTH has named. In every error case the payload yields no readings and should be
// quarantined whole. skipped holds the records of a SenML pack that could not be used
// while the rest could (see [ParseSenML]); the caller keeps them visible. Sparkplug seq
// gaps are not errors; [ParseSparkplug] reports them.
func Parse(format Format, topic string, payload []byte, received time.Time, aliases *AliasTable) (readings []ontology.Reading, skipped []*FieldError, err error) {
	switch format {
	case FormatThingsBoard:
		if isGatewayTopic(topic) {
			readings, err = ParseThingsBoardGateway(payload, received)
			return readings, nil, err
		}
		dev := DeviceFromTopic(topic)
		if dev == "" {
			return nil, nil, fieldErr(format, "topic", "required", topic,
				"topic names no device (want .../devices/{device}/... or a gateway topic)")
		}
		readings, err = ParseThingsBoard(payload, dev, received)
		return readings, nil, err
	case FormatSenML:
		return ParseSenML(payload, DeviceFromTopic(topic), received)
	case FormatSparkplugB:
		res, err := ParseSparkplug(topic, payload, received, aliases)
		return res.Readings, nil, err
	}
	return nil, nil, fieldErr(format, "format", "unsupported", string(format), "unknown payload format")
}

// DeviceFromTopic is the device a device topic names: the level after a "devices" level,
// as in ThingsBoard's v1/devices/{device}/telemetry. It is "" when there is no such
// level, and for "me" (ThingsBoard's "the device I authenticated as", which only the
// broker connection knows) and MQTT wildcards.
func DeviceFromTopic(topic string) string {
	levels := strings.Split(topic, "/")
	for i := 0; i+1 < len(levels); i++ {
		if levels[i] != "devices" {
			continue
		}
		switch d := strings.TrimSpace(levels[i+1]); d {
		case "", "me", "+", "#":
			return ""
		default:
			return d
		}
	}
	return ""
}

func isGatewayTopic(topic string) bool {
	for _, l := range strings.Split(topic, "/") {
		if l == "gateway" {
			return true
		}
	}
	return false
}

func checkReceived(f Format, received time.Time) error {
	if received.IsZero() {
		return fieldErr(f, "received", "required", "", "no receive time given")
	}
	return nil
}
