package iot

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sync"
	"testing"
)

const (
	spNode   = "spBv1.0/NL-WH1/%s/gw-07"
	spDevice = "spBv1.0/NL-WH1/%s/gw-07/PALLET-SENSOR-0042"
)

func node(typ MessageType) string   { return fmt.Sprintf(spNode, typ) }
func device(typ MessageType) string { return fmt.Sprintf(spDevice, typ) }

// palletBirth is a DBIRTH naming the three pallet metrics with aliases 1 to 3.
func palletBirth(seq uint64) Payload {
	return Payload{Timestamp: 1741054500000, Seq: u64(seq), Metrics: []Metric{
		{Name: "weight", Alias: u64(1), Datatype: TypeDouble, Kind: KindDouble, DoubleValue: 512},
		{Name: "temperature", Alias: u64(2), Datatype: TypeFloat, Kind: KindFloat, FloatValue: 4},
		{Name: "humidity", Alias: u64(3), Datatype: TypeFloat, Kind: KindFloat, FloatValue: 60.5},
	}}
}

// sampleData is the decoded DDATA of SOURCES.md §8b: aliases only.
func sampleData(seq uint64) Payload {
	return Payload{Timestamp: 1741054522123, Seq: u64(seq), Metrics: []Metric{
		{Alias: u64(1), Datatype: TypeDouble, Kind: KindDouble, DoubleValue: 512.4},
		{Alias: u64(2), Datatype: TypeFloat, Kind: KindFloat, FloatValue: 4.2},
		{Alias: u64(3), Datatype: TypeFloat, Kind: KindFloat, FloatValue: 61.0},
	}}
}

func TestSparkplugSample(t *testing.T) {
	aliases := NewAliasTable()
	if _, err := ParseSparkplug(device(DBirth), EncodeSparkplug(palletBirth(16)), received, aliases); err != nil {
		t.Fatalf("DBIRTH: %v", err)
	}
	res, err := ParseSparkplug(device(DData), EncodeSparkplug(sampleData(17)), received, aliases)
	if err != nil {
		t.Fatalf("DDATA: %v", err)
	}
	if res.Gap != nil {
		t.Errorf("gap %+v after seq 16, 17", res.Gap)
	}
	wantReadings(t, res.Readings, FormatSparkplugB,
		"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z weight_kg=512.4 seq=17",
		"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z temperature_c=4.2 seq=17",
		"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z humidity_rh=61 seq=17",
	)
	if name, ok := aliases.Lookup("NL-WH1", "gw-07", "PALLET-SENSOR-0042", 2); !ok || name != "temperature" {
		t.Errorf("Lookup(alias 2) = %q, %v", name, ok)
	}
}

// TestSparkplugSession walks one edge node through births, data, loss and rebirth on one table.
func TestSparkplugSession(t *testing.T) {
	aliases := NewAliasTable()
	weight := func(seq uint64, v float64) Payload {
		return Payload{Seq: u64(seq), Metrics: []Metric{{Alias: u64(1), Kind: KindDouble, DoubleValue: v}}}
	}
	steps := []struct {
		name    string
		topic   string
		payload Payload
		want    []string
		gap     *Gap
		alias   uint64 // an UnknownAliasError for this alias is expected when non-zero
	}{
		{name: "NBIRTH: node metrics, control metrics skipped", topic: node(NBirth), payload: Payload{
			Timestamp: 1741054400000, Seq: u64(0), Metrics: []Metric{
				{Name: "bdSeq", Datatype: TypeInt64, Kind: KindLong, LongValue: 3},
				{Name: "Node Control/Rebirth", Datatype: TypeBoolean, Kind: KindBool},
				{Name: "Properties/Site", Alias: u64(100), Datatype: TypeString, Kind: KindString, StringValue: "NL-WH1"},
			}},
			want: []string{"gw-07 2025-03-04T02:13:20Z properties_site=NL-WH1 seq=0"}},
		{name: "DATA before its DBIRTH", topic: device(DData), payload: weight(1, 1), alias: 1},
		{name: "DBIRTH", topic: device(DBirth), payload: palletBirth(2), want: []string{
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z weight_kg=512 seq=2",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z temperature_c=4 seq=2",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z humidity_rh=60.5 seq=2",
		}},
		{name: "DDATA by alias, datatype from the birth, receive time", topic: device(DData), payload: weight(3, 498.25),
			want: []string{"gw-07/PALLET-SENSOR-0042 2025-03-04T02:30:00Z weight_kg=498.25 seq=3 recv"}},
		{name: "unknown alias", topic: device(DData), payload: Payload{Seq: u64(4), Metrics: []Metric{
			{Alias: u64(1), Kind: KindDouble, DoubleValue: 1}, {Alias: u64(9), Kind: KindDouble, DoubleValue: 2}}}, alias: 9},
		{name: "seq gap", topic: device(DData), payload: weight(6, 497), gap: &Gap{"NL-WH1", "gw-07", 5, 6, 1},
			want: []string{"gw-07/PALLET-SENSOR-0042 2025-03-04T02:30:00Z weight_kg=497 seq=6 recv"}},
		{name: "redelivery is no gap", topic: device(DData), payload: weight(6, 497),
			want: []string{"gw-07/PALLET-SENSOR-0042 2025-03-04T02:30:00Z weight_kg=497 seq=6 recv"}},
		{name: "node data by name, metric timestamp, is_null skipped", topic: node(NData), payload: Payload{
			Timestamp: 1741054522123, Seq: u64(7), Metrics: []Metric{
				{Name: "Properties/Site", IsNull: true},
				{Alias: u64(100), Timestamp: 1741054521000, Kind: KindString, StringValue: "NL-WH2"},
				{Name: "Sensors/Temperature", Datatype: TypeInt16, Kind: KindInt, IntValue: 0xFFEC},
			}},
			want: []string{
				"gw-07 2025-03-04T02:15:21Z properties_site=NL-WH2 seq=7",
				"gw-07 2025-03-04T02:15:22.123Z temperature_c=-20 seq=7",
			}},
		{name: "gap across the 255 roll-over", topic: node(NData), payload: Payload{Seq: u64(250), Metrics: []Metric{
			{Name: "x", Datatype: TypeUInt8, Kind: KindInt, IntValue: 1}}}, gap: &Gap{"NL-WH1", "gw-07", 8, 250, 242},
			want: []string{"gw-07 2025-03-04T02:30:00Z x=1 seq=250 recv"}},
		{name: "DDEATH drops the device's aliases", topic: device(DDeath), payload: Payload{Seq: u64(251)}},
		{name: "DATA after DDEATH", topic: device(DData), payload: weight(252, 1), alias: 1},
		{name: "DBIRTH again", topic: device(DBirth), payload: palletBirth(253), want: []string{
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z weight_kg=512 seq=253",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z temperature_c=4 seq=253",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z humidity_rh=60.5 seq=253",
		}},
		{name: "stale NDEATH of an older session is ignored", topic: node(NDeath), payload: Payload{Metrics: []Metric{
			{Name: "bdSeq", Datatype: TypeInt64, Kind: KindLong, LongValue: 2}}}},
		{name: "seq rolls over without a gap", topic: device(DData), payload: weight(254, 2), want: []string{
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:30:00Z weight_kg=2 seq=254 recv"}},
		{name: "NDEATH of this session ends it", topic: node(NDeath), payload: Payload{Metrics: []Metric{
			{Name: "bdSeq", Datatype: TypeInt64, Kind: KindLong, LongValue: 3}}}},
		{name: "DATA after NDEATH", topic: device(DData), payload: weight(255, 1), alias: 1},
		{name: "new NBIRTH starts afresh: no gap", topic: node(NBirth), payload: Payload{Seq: u64(0), Metrics: []Metric{
			{Name: "bdSeq", Datatype: TypeInt64, Kind: KindLong, LongValue: 4}}}},
		{name: "device must be reborn after NBIRTH", topic: device(DData), payload: weight(1, 1), alias: 1},
		{name: "commands are not readings", topic: node(NCmd), payload: Payload{Metrics: []Metric{
			{Name: "Node Control/Rebirth", Datatype: TypeBoolean, Kind: KindBool, BooleanValue: true}}}},
	}
	for _, s := range steps {
		res, err := ParseSparkplug(s.topic, EncodeSparkplug(s.payload), received, aliases)
		if s.alias != 0 {
			var ua *UnknownAliasError
			if !errors.Is(err, ErrUnknownAlias) || !errors.As(err, &ua) || ua.Alias != s.alias {
				t.Fatalf("%s: error = %v, want unknown alias %d", s.name, err, s.alias)
			}
			if ua.RebirthTopic() != "spBv1.0/NL-WH1/NCMD/gw-07" || ua.Topic.String() != s.topic {
				t.Fatalf("%s: rebirth topic %q, topic %q", s.name, ua.RebirthTopic(), ua.Topic)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if !reflect.DeepEqual(res.Gap, s.gap) {
			t.Fatalf("%s: gap %+v, want %+v", s.name, res.Gap, s.gap)
		}
		t.Run(s.name, func(t *testing.T) { wantReadings(t, res.Readings, FormatSparkplugB, s.want...) })
	}
}

func TestSparkplugValues(t *testing.T) {
	m := func(dt DataType, k ValueKind) Metric { return Metric{Name: "v", Datatype: dt, Kind: k} }
	with := func(mt Metric, f func(*Metric)) Metric { f(&mt); return mt }
	tests := []struct {
		name   string
		metric Metric
		want   string // the reading's value, or "field rule" of the error when it starts with "!"
	}{
		{"Int8 sign-extended to 32 bits", with(m(TypeInt8, KindInt), func(m *Metric) { m.IntValue = 0xFFFFFFFB }), "-5"},
		{"Int8 in its own width", with(m(TypeInt8, KindInt), func(m *Metric) { m.IntValue = 0xFB }), "-5"},
		{"Int8 out of range", with(m(TypeInt8, KindInt), func(m *Metric) { m.IntValue = 300 }), "!metrics[0].int_value range"},
		{"Int16 negative", with(m(TypeInt16, KindInt), func(m *Metric) { m.IntValue = 0xFFFFFED4 }), "-300"},
		{"Int32 -1", with(m(TypeInt32, KindInt), func(m *Metric) { m.IntValue = math.MaxUint32 }), "-1"},
		{"Int32 in long_value, 64-bit", with(m(TypeInt32, KindLong), func(m *Metric) { m.LongValue = math.MaxUint64 }), "-1"},
		{"Int32 in long_value, 32-bit", with(m(TypeInt32, KindLong), func(m *Metric) { m.LongValue = math.MaxUint32 }), "-1"},
		{"Int64 negative", with(m(TypeInt64, KindLong), func(m *Metric) { m.LongValue = uint64(1<<64 - 42) }), "-42"},
		{"Int64 minimum", with(m(TypeInt64, KindLong), func(m *Metric) { m.LongValue = 1 << 63 }), "-9223372036854775808"},
		{"Int64 beyond 2^53 stays exact", with(m(TypeInt64, KindLong), func(m *Metric) { m.LongValue = 1<<53 + 1 }), "9007199254740993"},
		{"UInt64 maximum", with(m(TypeUInt64, KindLong), func(m *Metric) { m.LongValue = math.MaxUint64 }), "18446744073709551615"},
		{"UInt32 in long_value (Tahu Java)", with(m(TypeUInt32, KindLong), func(m *Metric) { m.LongValue = math.MaxUint32 }), "4294967295"},
		{"UInt32 too large", with(m(TypeUInt32, KindLong), func(m *Metric) { m.LongValue = 1 << 32 }), "!metrics[0].long_value range"},
		{"UInt8 too large", with(m(TypeUInt8, KindInt), func(m *Metric) { m.IntValue = 256 }), "!metrics[0].int_value range"},
		{"integer without value", m(TypeInt32, KindNone), "!metrics[0] type"},
		{"Float", with(m(TypeFloat, KindFloat), func(m *Metric) { m.FloatValue = 4.2 }), "4.2"},
		{"Float negative small", with(m(TypeFloat, KindFloat), func(m *Metric) { m.FloatValue = -0.001 }), "-0.001"},
		{"Double", with(m(TypeDouble, KindDouble), func(m *Metric) { m.DoubleValue = 512.4 }), "512.4"},
		{"Double large, no exponent", with(m(TypeDouble, KindDouble), func(m *Metric) { m.DoubleValue = 1e21 }), "1000000000000000000000"},
		{"Float NaN", with(m(TypeFloat, KindFloat), func(m *Metric) { m.FloatValue = float32(math.NaN()) }), "!metrics[0].float_value decimal"},
		{"Double infinite", with(m(TypeDouble, KindDouble), func(m *Metric) { m.DoubleValue = math.Inf(-1) }), "!metrics[0].double_value decimal"},
		{"Double sent as float_value", with(m(TypeDouble, KindFloat), func(m *Metric) { m.FloatValue = 1 }), "!metrics[0] type"},
		{"Boolean", with(m(TypeBoolean, KindBool), func(m *Metric) { m.BooleanValue = true }), "true"},
		{"String", with(m(TypeString, KindString), func(m *Metric) { m.StringValue = "ok" }), "ok"},
		{"Text", with(m(TypeText, KindString), func(m *Metric) { m.StringValue = "line 1\nline 2" }), "line 1\nline 2"},
		{"empty String", m(TypeString, KindString), "!metrics[0].string_value required"},
		{"String not UTF-8", with(m(TypeString, KindString), func(m *Metric) { m.StringValue = "\xff" }), "!metrics[0].string_value required"},
		{"DateTime", with(m(TypeDateTime, KindLong), func(m *Metric) { m.LongValue = 1741054522123 }), "2025-03-04T02:15:22.123Z"},
		{"DateTime after 9999", with(m(TypeDateTime, KindLong), func(m *Metric) { m.LongValue = math.MaxUint64 }), "!metrics[0].long_value range"},
		{"DataSet", with(m(TypeDataSet, KindDataSet), func(m *Metric) { m.BytesValue = []byte{8, 1} }), "!metrics[0].datatype unsupported"},
		{"unknown datatype", with(m(DataType(99), KindInt), func(m *Metric) { m.IntValue = 1 }), "!metrics[0].datatype unsupported"},
		{"no datatype, double inferred", with(m(TypeUnknown, KindDouble), func(m *Metric) { m.DoubleValue = 2.5 }), "2.5"},
		{"no datatype, integer sign unknown", with(m(TypeUnknown, KindInt), func(m *Metric) { m.IntValue = 1 }), "!metrics[0].datatype required"},
		{"weight as a numeric string", Metric{Name: "weight", Datatype: TypeString, Kind: KindString, StringValue: "512.4"}, "512.4"},
		{"weight as a word", Metric{Name: "weight", Datatype: TypeString, Kind: KindString, StringValue: "heavy"}, "!metrics[0] type"},
		{"temperature as a boolean", Metric{Name: "temperature", Datatype: TypeBoolean, Kind: KindBool}, "!metrics[0] type"},
		{"metric timestamp after 9999", with(m(TypeBoolean, KindBool), func(m *Metric) { m.Timestamp = math.MaxUint64 }), "!metrics[0].timestamp range"},
		{"name without letters", Metric{Name: "//", Datatype: TypeBoolean, Kind: KindBool}, "!metrics[0].name name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Payload{Timestamp: 1741054522123, Seq: u64(0), Metrics: []Metric{tc.metric}}
			res, err := ParseSparkplug(device(DBirth), EncodeSparkplug(p), received, nil)
			if tc.want[0] == '!' {
				var field, rule string
				fmt.Sscan(tc.want[1:], &field, &rule)
				wantFieldError(t, err, FormatSparkplugB, field, rule)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Readings) != 1 || res.Readings[0].Value != tc.want {
				t.Fatalf("readings %q, want one with value %q", show(res.Readings), tc.want)
			}
			checkInvariants(t, res.Readings)
		})
	}
}

func TestSparkplugErrors(t *testing.T) {
	birth := EncodeSparkplug(palletBirth(0))
	tests := []struct {
		name, topic string
		payload     []byte
		field, rule string
	}{
		{"other namespace", "spAv1.0/G/DDATA/e/d", birth, "topic", "topic"},
		{"unknown type", "spBv1.0/G/DINFO/e/d", birth, "topic", "topic"},
		{"device type without device", "spBv1.0/G/DDATA/e", birth, "topic", "topic"},
		{"node type with device", "spBv1.0/G/NDATA/e/d", birth, "topic", "topic"},
		{"wildcard", "spBv1.0/G/DDATA/+/d", birth, "topic", "topic"},
		{"empty level", "spBv1.0//DDATA/e/d", birth, "topic", "topic"},
		{"truncated protobuf", device(DBirth), birth[:len(birth)-3], "metrics[2]", "syntax"},
		{"wrong wire type for seq", device(DBirth), []byte{0x1d, 0, 0, 0, 0}, "seq", "type"},
		{"seq above 255", device(DData), EncodeSparkplug(Payload{Seq: u64(300)}), "seq", "range"},
		{"BIRTH metric without name", device(DBirth), EncodeSparkplug(Payload{Metrics: []Metric{
			{Alias: u64(1), Datatype: TypeBoolean, Kind: KindBool}}}), "metrics[0].name", "required"},
		{"BIRTH alias used twice", device(DBirth), EncodeSparkplug(Payload{Metrics: []Metric{
			{Name: "a", Alias: u64(1), Datatype: TypeBoolean, Kind: KindBool},
			{Name: "b", Alias: u64(1), Datatype: TypeBoolean, Kind: KindBool}}}), "metrics[1].alias", "duplicate"},
		{"DATA metric without name or alias", device(DData), EncodeSparkplug(Payload{Metrics: []Metric{
			{Datatype: TypeBoolean, Kind: KindBool}}}), "metrics[0]", "required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ParseSparkplug(tc.topic, tc.payload, received, NewAliasTable())
			if res.Readings != nil {
				t.Errorf("readings %v returned with the error", show(res.Readings))
			}
			wantFieldError(t, err, FormatSparkplugB, tc.field, tc.rule)
		})
	}
}

func TestParseTopic(t *testing.T) {
	for topic, want := range map[string]Topic{
		"spBv1.0/NL-WH1/NBIRTH/gw-07":                    {Group: "NL-WH1", Type: NBirth, EdgeNode: "gw-07"},
		"spBv1.0/NL-WH1/DDATA/gw-07/PALLET-SENSOR-0042":  {Group: "NL-WH1", Type: DData, EdgeNode: "gw-07", Device: "PALLET-SENSOR-0042"},
		"spBv1.0/NL-WH1/DCMD/gw-07/PALLET-SENSOR-0042":   {Group: "NL-WH1", Type: DCmd, EdgeNode: "gw-07", Device: "PALLET-SENSOR-0042"},
		"spBv1.0/NL-WH1/NDEATH/gw-07":                    {Group: "NL-WH1", Type: NDeath, EdgeNode: "gw-07"},
		"spBv1.0/STATE/seam-host":                        {Type: State, HostID: "seam-host"},
		"spBv1.0/NL-WH1/DDEATH/gw-07/PALLET-SENSOR-0042": {Group: "NL-WH1", Type: DDeath, EdgeNode: "gw-07", Device: "PALLET-SENSOR-0042"},
	} {
		got, err := ParseTopic(topic)
		if err != nil || got != want {
			t.Errorf("ParseTopic(%q) = %+v, %v; want %+v", topic, got, err, want)
		}
		if got.String() != topic {
			t.Errorf("Topic.String() = %q, want %q", got.String(), topic)
		}
	}
	if d := (Topic{EdgeNode: "gw-07"}).DeviceID(); d != "gw-07" {
		t.Errorf("node DeviceID = %q", d)
	}
	if d := (Topic{EdgeNode: "gw-07", Device: "PALLET-SENSOR-0042"}).DeviceID(); d != "gw-07/PALLET-SENSOR-0042" {
		t.Errorf("device DeviceID = %q, want the edge node in it", d)
	}
}

func TestRebirthRequest(t *testing.T) {
	p, err := DecodeSparkplug(RebirthRequest(received))
	if err != nil {
		t.Fatal(err)
	}
	want := Payload{Timestamp: uint64(received.UnixMilli()), Metrics: []Metric{
		{Name: "Node Control/Rebirth", Datatype: TypeBoolean, Kind: KindBool, BooleanValue: true}}}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("rebirth payload %+v, want %+v", p, want)
	}
}

// TestAliasTableConcurrent runs many edge nodes through one table at once; -race checks it.
func TestAliasTableConcurrent(t *testing.T) {
	aliases := NewAliasTable()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Go(func() {
			edge := fmt.Sprintf("gw-%02d", g)
			topic := func(typ MessageType) string { return fmt.Sprintf("spBv1.0/NL-WH1/%s/%s/PALLET-%d", typ, edge, g) }
			for range 50 {
				for _, msg := range []struct {
					topic string
					p     Payload
				}{
					{fmt.Sprintf("spBv1.0/NL-WH1/NBIRTH/%s", edge), Payload{Seq: u64(0)}},
					{topic(DBirth), palletBirth(1)},
					{topic(DData), sampleData(2)},
				} {
					res, err := ParseSparkplug(msg.topic, EncodeSparkplug(msg.p), received, aliases)
					if err == nil && (res.Gap != nil || (msg.p.Metrics != nil && len(res.Readings) != 3)) {
						err = fmt.Errorf("%s: gap %+v, %d readings", msg.topic, res.Gap, len(res.Readings))
					}
					if err != nil {
						errs <- err
						return
					}
					aliases.Lookup("NL-WH1", edge, "", 1)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestSparkplugDeviceWithinEdgeNode: Sparkplug device ids are unique only within their
// edge node, so the same device name under two edge nodes is two devices (SOURCES.md
// §8d: edge_node_id/device_id).
func TestSparkplugDeviceWithinEdgeNode(t *testing.T) {
	aliases := NewAliasTable()
	devices := map[string]bool{}
	for _, edge := range []string{"gw-07", "gw-08"} {
		topic := func(typ MessageType) string {
			return fmt.Sprintf("spBv1.0/NL-WH1/%s/%s/PALLET-SENSOR-0042", typ, edge)
		}
		for _, msg := range []struct {
			topic string
			p     Payload
		}{
			{"spBv1.0/NL-WH1/NBIRTH/" + edge, Payload{Seq: u64(0)}},
			{topic(DBirth), palletBirth(1)},
			{topic(DData), sampleData(2)},
		} {
			res, err := ParseSparkplug(msg.topic, EncodeSparkplug(msg.p), received, aliases)
			if err != nil {
				t.Fatalf("%s: %v", msg.topic, err)
			}
			for _, r := range res.Readings {
				devices[r.DeviceID] = true
			}
		}
	}
	want := map[string]bool{"gw-07/PALLET-SENSOR-0042": true, "gw-08/PALLET-SENSOR-0042": true}
	if !reflect.DeepEqual(devices, want) {
		t.Fatalf("devices %v, want %v", devices, want)
	}
}
