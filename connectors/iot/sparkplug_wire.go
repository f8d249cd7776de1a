package iot

import (
	"fmt"
	"math"

	"google.golang.org/protobuf/encoding/protowire"
)

// The Sparkplug B payload, hand-encoded with protowire after the public
// sparkplug_b.proto (eclipse/tahu): only the parts readings need are modelled; the
// nested messages we do not read (metadata, properties, dataset, template, extension)
// are kept as their encoded bytes so that a payload survives decode and encode intact.

// Payload is a Sparkplug B payload (org.eclipse.tahu.protobuf.Payload).
type Payload struct {
	Timestamp uint64 // Unix ms when the message was sent; 0 when absent
	Metrics   []Metric
	Seq       *uint64 // 0-255 rolling per edge node; nil when absent (NDEATH)
	UUID      string
	Body      []byte
}

// Metric is one metric of a payload. Exactly one of the value fields is meaningful,
// the one Kind names.
type Metric struct {
	Name         string // sent in BIRTH; DATA may carry only Alias
	Alias        *uint64
	Timestamp    uint64 // Unix ms of acquisition; 0 when absent
	Datatype     DataType
	IsHistorical bool
	IsTransient  bool
	IsNull       bool
	Metadata     []byte // encoded MetaData message, as received
	Properties   []byte // encoded PropertySet message, as received

	Kind         ValueKind
	IntValue     uint32 // Int8-32 as two's complement, UInt8-32
	LongValue    uint64 // Int64 as two's complement, UInt64, DateTime
	FloatValue   float32
	DoubleValue  float64
	BooleanValue bool
	StringValue  string
	// BytesValue is bytes_value, or the encoded message of a DataSet, Template or
	// extension value.
	BytesValue []byte
}

// DataType is a Sparkplug metric datatype.
type DataType uint32

// The Sparkplug B datatypes.
const (
	TypeUnknown  DataType = 0
	TypeInt8     DataType = 1
	TypeInt16    DataType = 2
	TypeInt32    DataType = 3
	TypeInt64    DataType = 4
	TypeUInt8    DataType = 5
	TypeUInt16   DataType = 6
	TypeUInt32   DataType = 7
	TypeUInt64   DataType = 8
	TypeFloat    DataType = 9
	TypeDouble   DataType = 10
	TypeBoolean  DataType = 11
	TypeString   DataType = 12
	TypeDateTime DataType = 13
	TypeText     DataType = 14
	TypeUUID     DataType = 15
	TypeDataSet  DataType = 16
	TypeBytes    DataType = 17
	TypeFile     DataType = 18
	TypeTemplate DataType = 19
)

func (t DataType) String() string {
	names := [...]string{"Unknown", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32",
		"UInt64", "Float", "Double", "Boolean", "String", "DateTime", "Text", "UUID", "DataSet",
		"Bytes", "File", "Template"}
	if int(t) < len(names) {
		return names[t]
	}
	return fmt.Sprintf("DataType(%d)", uint32(t))
}

// ValueKind says which member of the metric's value oneof is set.
type ValueKind uint8

// The value kinds, one per member of Metric's value oneof.
const (
	KindNone ValueKind = iota
	KindInt
	KindLong
	KindFloat
	KindDouble
	KindBool
	KindString
	KindBytes
	KindDataSet
	KindTemplate
	KindExtension
)

// Field numbers of sparkplug_b.proto.
const (
	fPayloadTimestamp protowire.Number = 1
	fPayloadMetrics   protowire.Number = 2
	fPayloadSeq       protowire.Number = 3
	fPayloadUUID      protowire.Number = 4
	fPayloadBody      protowire.Number = 5

	fName          protowire.Number = 1
	fAlias         protowire.Number = 2
	fTimestamp     protowire.Number = 3
	fDatatype      protowire.Number = 4
	fIsHistorical  protowire.Number = 5
	fIsTransient   protowire.Number = 6
	fIsNull        protowire.Number = 7
	fMetadata      protowire.Number = 8
	fProperties    protowire.Number = 9
	fIntValue      protowire.Number = 10
	fLongValue     protowire.Number = 11
	fFloatValue    protowire.Number = 12
	fDoubleValue   protowire.Number = 13
	fBooleanValue  protowire.Number = 14
	fStringValue   protowire.Number = 15
	fBytesValue    protowire.Number = 16
	fDataSetValue  protowire.Number = 17
	fTemplateValue protowire.Number = 18
	fExtension     protowire.Number = 19
)

// valueField is the field number of a value kind: the kinds follow the oneof's order.
func valueField(k ValueKind) protowire.Number { return fIntValue + protowire.Number(k-KindInt) }

// EncodeSparkplug writes p in the protobuf wire format. Zero timestamps and datatypes,
// empty names and false flags are left out, as proto2 senders do.
func EncodeSparkplug(p Payload) []byte {
	var b []byte
	if p.Timestamp != 0 {
		b = protowire.AppendTag(b, fPayloadTimestamp, protowire.VarintType)
		b = protowire.AppendVarint(b, p.Timestamp)
	}
	for _, m := range p.Metrics {
		b = protowire.AppendTag(b, fPayloadMetrics, protowire.BytesType)
		b = protowire.AppendBytes(b, encodeMetric(m))
	}
	if p.Seq != nil {
		b = protowire.AppendTag(b, fPayloadSeq, protowire.VarintType)
		b = protowire.AppendVarint(b, *p.Seq)
	}
	if p.UUID != "" {
		b = protowire.AppendTag(b, fPayloadUUID, protowire.BytesType)
		b = protowire.AppendString(b, p.UUID)
	}
	if p.Body != nil {
		b = protowire.AppendTag(b, fPayloadBody, protowire.BytesType)
		b = protowire.AppendBytes(b, p.Body)
	}
	return b
}

func encodeMetric(m Metric) []byte {
	var b []byte
	varint := func(n protowire.Number, v uint64) {
		b = protowire.AppendTag(b, n, protowire.VarintType)
		b = protowire.AppendVarint(b, v)
	}
	bytes := func(n protowire.Number, v []byte) {
		b = protowire.AppendTag(b, n, protowire.BytesType)
		b = protowire.AppendBytes(b, v)
	}
	flag := func(n protowire.Number, v bool) {
		if v {
			varint(n, 1)
		}
	}
	if m.Name != "" {
		bytes(fName, []byte(m.Name))
	}
	if m.Alias != nil {
		varint(fAlias, *m.Alias)
	}
	if m.Timestamp != 0 {
		varint(fTimestamp, m.Timestamp)
	}
	if m.Datatype != 0 {
		varint(fDatatype, uint64(m.Datatype))
	}
	flag(fIsHistorical, m.IsHistorical)
	flag(fIsTransient, m.IsTransient)
	flag(fIsNull, m.IsNull)
	if m.Metadata != nil {
		bytes(fMetadata, m.Metadata)
	}
	if m.Properties != nil {
		bytes(fProperties, m.Properties)
	}
	n := valueField(m.Kind)
	switch m.Kind {
	case KindInt:
		varint(n, uint64(m.IntValue))
	case KindLong:
		varint(n, m.LongValue)
	case KindFloat:
		b = protowire.AppendTag(b, n, protowire.Fixed32Type)
		b = protowire.AppendFixed32(b, math.Float32bits(m.FloatValue))
	case KindDouble:
		b = protowire.AppendTag(b, n, protowire.Fixed64Type)
		b = protowire.AppendFixed64(b, math.Float64bits(m.DoubleValue))
	case KindBool:
		varint(n, boolBit(m.BooleanValue))
	case KindString:
		bytes(n, []byte(m.StringValue))
	case KindBytes, KindDataSet, KindTemplate, KindExtension:
		bytes(n, m.BytesValue)
	}
	return b
}

func boolBit(v bool) uint64 {
	if v {
		return 1
	}
	return 0
}

// DecodeSparkplug reads a Sparkplug B payload. Unknown fields are skipped, as protobuf
// requires; a truncated or malformed payload, or a known field with the wrong wire type,
// is a [*FieldError] naming the field. Byte fields are copied, never aliased to b.
func DecodeSparkplug(b []byte) (Payload, error) {
	var p Payload
	r := wireReader{b: b}
	for r.more() {
		num, typ, err := r.tag("payload")
		if err != nil {
			return Payload{}, err
		}
		switch num {
		case fPayloadTimestamp:
			p.Timestamp, err = r.varint("timestamp", typ)
		case fPayloadMetrics:
			field := index("metrics", len(p.Metrics))
			var raw []byte
			if raw, err = r.bytes(field, typ); err == nil {
				var m Metric
				m, err = decodeMetric(field, raw)
				p.Metrics = append(p.Metrics, m)
			}
		case fPayloadSeq:
			var v uint64
			v, err = r.varint("seq", typ)
			p.Seq = &v
		case fPayloadUUID:
			var v []byte
			v, err = r.bytes("uuid", typ)
			p.UUID = string(v)
		case fPayloadBody:
			p.Body, err = r.bytes("body", typ)
		default:
			err = r.skip("payload", num, typ)
		}
		if err != nil {
			return Payload{}, err
		}
	}
	return p, nil
}

func decodeMetric(path string, b []byte) (Metric, error) {
	var m Metric
	r := wireReader{b: b}
	for r.more() {
		num, typ, err := r.tag(path)
		if err != nil {
			return m, err
		}
		field := join(path, metricFieldName(num))
		var v uint64
		var raw []byte
		switch num {
		case fName:
			raw, err = r.bytes(field, typ)
			m.Name = string(raw)
		case fAlias:
			v, err = r.varint(field, typ)
			m.Alias = &v
		case fTimestamp:
			m.Timestamp, err = r.varint(field, typ)
		case fDatatype:
			v, err = r.varint(field, typ)
			m.Datatype = DataType(uint32(v)) // proto uint32 semantics: truncate
		case fIsHistorical:
			v, err = r.varint(field, typ)
			m.IsHistorical = v != 0
		case fIsTransient:
			v, err = r.varint(field, typ)
			m.IsTransient = v != 0
		case fIsNull:
			v, err = r.varint(field, typ)
			m.IsNull = v != 0
		case fMetadata:
			m.Metadata, err = r.bytes(field, typ)
		case fProperties:
			m.Properties, err = r.bytes(field, typ)
		case fIntValue:
			v, err = r.varint(field, typ)
			m.Kind, m.IntValue = KindInt, uint32(v)
		case fLongValue:
			m.Kind = KindLong
			m.LongValue, err = r.varint(field, typ)
		case fBooleanValue:
			v, err = r.varint(field, typ)
			m.Kind, m.BooleanValue = KindBool, v != 0
		case fStringValue:
			raw, err = r.bytes(field, typ)
			m.Kind, m.StringValue = KindString, string(raw)
		case fFloatValue:
			var f uint32
			f, err = r.fixed32(field, typ)
			m.Kind, m.FloatValue = KindFloat, math.Float32frombits(f)
		case fDoubleValue:
			v, err = r.fixed64(field, typ)
			m.Kind, m.DoubleValue = KindDouble, math.Float64frombits(v)
		case fBytesValue, fDataSetValue, fTemplateValue, fExtension:
			m.Kind = KindBytes + ValueKind(num-fBytesValue)
			m.BytesValue, err = r.bytes(field, typ)
		default:
			err = r.skip(path, num, typ)
		}
		if err != nil {
			return m, err
		}
	}
	return m, nil
}

func metricFieldName(n protowire.Number) string {
	names := [...]string{"", "name", "alias", "timestamp", "datatype", "is_historical", "is_transient",
		"is_null", "metadata", "properties", "int_value", "long_value", "float_value", "double_value",
		"boolean_value", "string_value", "bytes_value", "dataset_value", "template_value", "extension_value"}
	if n > 0 && int(n) < len(names) {
		return names[n]
	}
	return fmt.Sprintf("field %d", n)
}
