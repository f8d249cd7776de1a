package iot

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/seamhub/seam/ontology"
)

const spb = FormatSparkplugB

// SparkplugResult is what one Sparkplug message gave.
type SparkplugResult struct {
	Topic    Topic
	Payload  Payload
	Readings []ontology.Reading
	// Gap is set when the edge node's seq skipped: messages were lost. It is reported
	// even when the message itself could not be read.
	Gap *Gap
}

// ParseSparkplug reads one Sparkplug B message (topic and protobuf payload) into
// readings, updating aliases (the session state; nil means a throwaway table, so only
// metrics carrying their names can be read).
//
// Readings: one per metric of an NBIRTH, DBIRTH, NDATA or DDATA message, with the
// device of the topic ("{edge node}/{device}", else the edge node id; see
// [Topic.DeviceID]), the metric name mapped by
// [MetricName] (tried on the whole name, then on its last "/" segment: "Sensors/Weight"
// gives weight_kg, "Sensors/Battery" gives sensors_battery), the payload seq, and the
// metric timestamp, else the payload timestamp, else received (ReceiveTime set). None
// come from metrics flagged is_null (the device says there is no value), from bdSeq and
// Node Control/* or Device Control/* metrics (session plumbing, not measurements), or
// from DEATH, NCMD, DCMD and STATE messages.
//
// Values: integers as decimal text after their datatype (Int8-Int64 are two's
// complement in the unsigned field; int_value and long_value are both accepted, as
// implementations differ), Float and Double formatted exactly, Boolean as "true"/"false",
// String, Text and UUID as sent, DateTime as RFC 3339 UTC with milliseconds. A datatype
// missing from DATA is taken from the birth.
//
// Errors: a [*FieldError] for a bad topic, malformed protobuf, a metric without name or
// alias, a value missing, not matching its datatype, out of its datatype's range, NaN or
// infinite, a non-number for a canonical metric, or an unsupported datatype (DataSet,
// Bytes, File, Template); a [*UnknownAliasError] for an alias no birth named.
func ParseSparkplug(topic string, payload []byte, received time.Time, aliases *AliasTable) (SparkplugResult, error) {
	t, err := ParseTopic(topic)
	if err != nil {
		return SparkplugResult{}, err
	}
	res := SparkplugResult{Topic: t}
	switch t.Type {
	case NCmd, DCmd, State:
		return res, nil
	}
	if err := checkReceived(spb, received); err != nil {
		return res, err
	}
	if res.Payload, err = DecodeSparkplug(payload); err != nil {
		return res, err
	}
	if aliases == nil {
		aliases = &AliasTable{}
	}
	defs, gap, err := aliases.observe(t, &res.Payload)
	res.Gap = gap
	if err != nil {
		return res, err
	}
	p := &res.Payload
	var seq *int64
	if p.Seq != nil {
		s := int64(*p.Seq) // observe checked it is at most 255
		seq = &s
	}
	var out []ontology.Reading
	for i, d := range defs {
		m := p.Metrics[i]
		if m.IsNull || isControlMetric(d.name) {
			continue
		}
		field := index("metrics", i)
		metric, err := sparkplugMetric(d.name)
		if err != nil {
			return res, fieldErr(spb, join(field, "name"), "name", d.name, "%v", err)
		}
		value, err := sparkplugValue(field, m, d.datatype, metric)
		if err != nil {
			return res, err
		}
		at, recv, err := sparkplugTime(field, m.Timestamp, p.Timestamp, received)
		if err != nil {
			return res, err
		}
		out = append(out, ontology.Reading{
			DeviceID: t.DeviceID(), At: at, Metric: metric, Value: value,
			Format: string(spb), Seq: seq, ReceiveTime: recv,
		})
	}
	res.Readings = out
	return res, nil
}

// RebirthRequest is the NCMD payload that asks an edge node to publish its births again
// (metric "Node Control/Rebirth" = true), stamped with at.
func RebirthRequest(at time.Time) []byte {
	return EncodeSparkplug(Payload{
		Timestamp: uint64(max(at.UnixMilli(), 0)),
		Metrics: []Metric{{
			Name: "Node Control/Rebirth", Datatype: TypeBoolean, Kind: KindBool, BooleanValue: true,
		}},
	})
}

func isControlMetric(name string) bool {
	return name == "bdSeq" || strings.HasPrefix(name, "Node Control/") || strings.HasPrefix(name, "Device Control/")
}

// sparkplugMetric maps a Sparkplug metric name, whose "/" separates folders.
func sparkplugMetric(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", errors.New("name is not valid UTF-8")
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		if s, err := sanitise(name[i+1:]); err == nil {
			if c, ok := CanonicalMetric(s); ok {
				return c, nil
			}
		}
	}
	return MetricName(name)
}

func sparkplugTime(field string, metricTS, payloadTS uint64, received time.Time) (time.Time, bool, error) {
	ms, name := metricTS, join(field, "timestamp")
	if ms == 0 {
		ms, name = payloadTS, "timestamp"
	}
	if ms == 0 {
		return received.UTC(), true, nil
	}
	at, err := fromMillis(ms)
	if err != nil {
		return time.Time{}, false, fieldErr(spb, name, "range", strconv.FormatUint(ms, 10), "%v", err)
	}
	return at, false, nil
}

// sparkplugValue is the reading value of a metric, checked against its datatype.
func sparkplugValue(field string, m Metric, dt DataType, metric string) (string, error) {
	_, canonical := CanonicalMetric(metric)
	dtField := join(field, "datatype")
	if dt == TypeUnknown {
		// Not in this message nor in the birth: only self-describing values can be read.
		switch m.Kind {
		case KindFloat:
			dt = TypeFloat
		case KindDouble:
			dt = TypeDouble
		case KindBool:
			dt = TypeBoolean
		case KindString:
			dt = TypeString
		default:
			return "", fieldErr(spb, dtField, "required", "", "datatype not given here nor in the birth")
		}
	}
	want := func(k ValueKind, name string) error {
		if m.Kind != k {
			return fieldErr(spb, field, "type", "", "%s metric needs %s", dt, name)
		}
		return nil
	}
	var v string
	switch dt {
	case TypeInt8, TypeInt16, TypeInt32, TypeInt64, TypeUInt8, TypeUInt16, TypeUInt32, TypeUInt64:
		s, err := intValue(field, m, dt)
		if err != nil {
			return "", err
		}
		return s, nil // an integer is a decimal number for any metric
	case TypeFloat:
		if err := want(KindFloat, "float_value"); err != nil {
			return "", err
		}
		return floatText(join(field, "float_value"), float64(m.FloatValue), 32)
	case TypeDouble:
		if err := want(KindDouble, "double_value"); err != nil {
			return "", err
		}
		return floatText(join(field, "double_value"), m.DoubleValue, 64)
	case TypeBoolean:
		if err := want(KindBool, "boolean_value"); err != nil {
			return "", err
		}
		v = strconv.FormatBool(m.BooleanValue)
	case TypeString, TypeText, TypeUUID:
		if err := want(KindString, "string_value"); err != nil {
			return "", err
		}
		if !utf8.ValidString(m.StringValue) || strings.TrimSpace(m.StringValue) == "" {
			return "", fieldErr(spb, join(field, "string_value"), "required", shorten(m.StringValue), "empty or not valid UTF-8")
		}
		v = m.StringValue
	case TypeDateTime:
		if err := want(KindLong, "long_value"); err != nil {
			return "", err
		}
		t, err := fromMillis(m.LongValue)
		if err != nil {
			return "", fieldErr(spb, join(field, "long_value"), "range", strconv.FormatUint(m.LongValue, 10), "%v", err)
		}
		v = t.Format("2006-01-02T15:04:05.000Z07:00")
	default:
		return "", fieldErr(spb, dtField, "unsupported", "", "%s metrics cannot be read as a reading", dt)
	}
	if canonical {
		d, err := exactDecimal(strings.TrimSpace(v))
		if err != nil {
			return "", fieldErr(spb, field, "type", shorten(v), "%s needs a number, got %s", metric, dt)
		}
		return d, nil
	}
	return v, nil
}

// intValue reads an integer metric. Senders put Int8-Int32 in int_value, sign-extended
// to 32 bits (Tahu's Java) or in their own width; some put UInt32 in long_value. Both
// fields and both widths are accepted, and the result must fit the datatype.
func intValue(field string, m Metric, dt DataType) (string, error) {
	var raw uint64
	width := uint(32)
	name := join(field, "int_value")
	switch m.Kind {
	case KindInt:
		raw = uint64(m.IntValue)
	case KindLong:
		raw, width, name = m.LongValue, 64, join(field, "long_value")
	default:
		return "", fieldErr(spb, field, "type", "", "%s metric needs int_value or long_value", dt)
	}
	bits := intBits(dt)
	outOfRange := fieldErr(spb, name, "range", strconv.FormatUint(raw, 10), "out of range for %s", dt)
	if dt >= TypeUInt8 {
		if bits < 64 && raw >= 1<<bits {
			return "", outOfRange
		}
		return strconv.FormatUint(raw, 10), nil
	}
	var v int64
	switch {
	case bits < width && raw < 1<<bits: // sent in its own width
		v = int64(raw<<(64-bits)) >> (64 - bits)
	case width == 32:
		v = int64(int32(uint32(raw)))
	default:
		v = int64(raw)
	}
	if bits < 64 && (v < -(1<<(bits-1)) || v >= 1<<(bits-1)) {
		return "", outOfRange
	}
	return strconv.FormatInt(v, 10), nil
}

// intBits is the width of an integer datatype.
func intBits(dt DataType) uint {
	switch dt {
	case TypeInt8, TypeUInt8:
		return 8
	case TypeInt16, TypeUInt16:
		return 16
	case TypeInt32, TypeUInt32:
		return 32
	}
	return 64
}

// floatText formats a float exactly: the shortest decimal that reads back to the same
// float of that size. NaN and infinities are not readings.
func floatText(field string, f float64, size int) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fieldErr(spb, field, "decimal", strconv.FormatFloat(f, 'g', -1, size), "not a finite number")
	}
	return strconv.FormatFloat(f, 'f', -1, size), nil
}
