package iot

import (
	"bytes"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"
)

// The golden bytes are written out by hand from sparkplug_b.proto's field numbers and
// the protobuf wire format, so that they check the encoder's field numbers and wire
// types independently of its own constants.
var wireGolden = []struct {
	name    string
	hex     string
	payload Payload
}{
	{
		name: "double metric with name and alias",
		hex: "0801" + // timestamp = 1
			"1210" + "0a0177" + "1001" + "200a" + "69000000000000e03f" + // metric: name "w", alias 1, datatype 10, double 0.5
			"1803", // seq = 3
		payload: Payload{Timestamp: 1, Seq: u64(3), Metrics: []Metric{
			{Name: "w", Alias: u64(1), Datatype: TypeDouble, Kind: KindDouble, DoubleValue: 0.5}}},
	},
	{
		name: "every value kind and flag",
		hex: "1213" + "0a0166" + "18ac02" + "2009" + "2801" + "3001" + "3801" + "650000003f" + // float, timestamp 300, flags
			"1208" + "1002" + "50fbffffff0f" + // int_value 0xFFFFFFFB
			"1204" + "1003" + "5805" + // long_value 5
			"1204" + "1004" + "7001" + // boolean_value true
			"1206" + "1005" + "7a026f6b" + // string_value "ok"
			"1207" + "1006" + "8201020102" + // bytes_value 01 02
			"120a" + "1007" + "4202" + "0801" + "4a02" + "0a00" + // metadata {is_multi_part}, properties {keys ""}
			"1800" + "220175" + "2a0101", // seq 0, uuid "u", body 01
		payload: Payload{Seq: u64(0), UUID: "u", Body: []byte{1}, Metrics: []Metric{
			{Name: "f", Timestamp: 300, Datatype: TypeFloat, IsHistorical: true, IsTransient: true, IsNull: true, Kind: KindFloat, FloatValue: 0.5},
			{Alias: u64(2), Kind: KindInt, IntValue: 0xFFFFFFFB},
			{Alias: u64(3), Kind: KindLong, LongValue: 5},
			{Alias: u64(4), Kind: KindBool, BooleanValue: true},
			{Alias: u64(5), Kind: KindString, StringValue: "ok"},
			{Alias: u64(6), Kind: KindBytes, BytesValue: []byte{1, 2}},
			{Alias: u64(7), Metadata: []byte{8, 1}, Properties: []byte{10, 0}},
		}},
	},
}

func TestSparkplugWireGolden(t *testing.T) {
	for _, tc := range wireGolden {
		t.Run(tc.name, func(t *testing.T) {
			want, err := hex.DecodeString(tc.hex)
			if err != nil {
				t.Fatal(err)
			}
			if got := EncodeSparkplug(tc.payload); !bytes.Equal(got, want) {
				t.Errorf("EncodeSparkplug\n got  %x\n want %x", got, want)
			}
			got, err := DecodeSparkplug(want)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.payload) {
				t.Errorf("DecodeSparkplug\n got  %+v\n want %+v", got, tc.payload)
			}
		})
	}
}

func TestSparkplugRoundTrip(t *testing.T) {
	payloads := []Payload{
		palletBirth(0),
		sampleData(17),
		{},
		{Seq: u64(255), Metrics: []Metric{
			{Name: "Sensors/Weight", Alias: u64(0), Timestamp: 1741054522123, Datatype: TypeInt64, Kind: KindLong, LongValue: 1<<64 - 1},
			{Name: "ds", Datatype: TypeDataSet, Kind: KindDataSet, BytesValue: []byte{8, 2}},
			{Name: "tpl", Datatype: TypeTemplate, Kind: KindTemplate, BytesValue: []byte{}},
			{Name: "ext", Kind: KindExtension, BytesValue: []byte{8, 1}},
			{Name: "n", IsNull: true, Datatype: TypeString},
		}},
	}
	for i, p := range payloads {
		got, err := DecodeSparkplug(EncodeSparkplug(p))
		if err != nil {
			t.Fatalf("payload %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Errorf("payload %d round trip\n got  %+v\n want %+v", i, got, p)
		}
	}
}

func TestDecodeSparkplugUnknownFields(t *testing.T) {
	// Payload field 6 (an extension) and Metric field 20 are skipped; the rest is read.
	b, _ := hex.DecodeString("3001" + "1208" + "0a0177" + "a00101" + "1001")
	got, err := DecodeSparkplug(b)
	if err != nil {
		t.Fatal(err)
	}
	want := Payload{Metrics: []Metric{{Name: "w", Alias: u64(1)}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestDecodeSparkplugErrors(t *testing.T) {
	for _, tc := range []struct{ name, hex, field, rule string }{
		{"field number 0", "00", "payload", "syntax"},
		{"truncated varint", "08ff", "timestamp", "syntax"},
		{"metric length past the end", "1205", "metrics[0]", "syntax"},
		{"name as varint", "12020801", "metrics[0].name", "type"},
		{"double as varint", "12026801", "metrics[0].double_value", "type"},
		{"truncated float", "1203650000", "metrics[0].float_value", "syntax"},
		{"unknown field truncated", "1202a001", "metrics[0] field 20", "syntax"},
		{"metrics as varint", "1001", "metrics[0]", "type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := hex.DecodeString(tc.hex)
			if err != nil {
				t.Fatal(err)
			}
			_, err = DecodeSparkplug(b)
			wantFieldError(t, err, FormatSparkplugB, tc.field, tc.rule)
			if !strings.Contains(err.Error(), "sparkplugb: "+tc.field) {
				t.Errorf("message %q does not name the field", err)
			}
		})
	}
}
