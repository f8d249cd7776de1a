package mqtt

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/iot"
)

var mapReceived = time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)

func mapPayload(topic, raw string) connectors.Payload {
	return connectors.Payload{Tenant: "acme", System: "iot", Type: "reading", Raw: []byte(raw), Topic: topic, Via: "mqtt", ReceivedAt: mapReceived}
}

// mappedIDs lists the external ids of what Map gave, quarantined ones marked "!".
func mappedIDs(out []connectors.Mapped) []string {
	var ids []string
	for _, m := range out {
		if m.Doc == nil {
			ids = append(ids, "!"+m.ExternalID)
			continue
		}
		ids = append(ids, m.ExternalID)
	}
	return ids
}

// TestMapSparkplugDevicePerEdgeNode: PALLET-SENSOR-0042 under edge nodes gw-07 and gw-08
// are two devices, so their readings of one instant are two documents.
func TestMapSparkplugDevicePerEdgeNode(t *testing.T) {
	r := NewReadings()
	seq := func(n uint64) *uint64 { return &n }
	alias := seq
	var ids []string
	for _, edge := range []string{"gw-07", "gw-08"} {
		for _, msg := range []struct {
			typ string
			p   iot.Payload
		}{
			{"NBIRTH", iot.Payload{Timestamp: 1741054500000, Seq: seq(0)}},
			{"DBIRTH", iot.Payload{Timestamp: 1741054500000, Seq: seq(1), Metrics: []iot.Metric{
				{Name: "weight", Alias: alias(1), Datatype: iot.TypeDouble, Kind: iot.KindDouble, DoubleValue: 512}}}},
			{"DDATA", iot.Payload{Timestamp: 1741054522123, Seq: seq(2), Metrics: []iot.Metric{
				{Alias: alias(1), Datatype: iot.TypeDouble, Kind: iot.KindDouble, DoubleValue: 512.4}}}},
		} {
			topic := "spBv1.0/NL-WH1/" + msg.typ + "/" + edge
			if msg.typ != "NBIRTH" {
				topic += "/PALLET-SENSOR-0042"
			}
			out, err := r.Map(mapPayload(topic, string(iot.EncodeSparkplug(msg.p))))
			if err != nil && msg.typ != "NBIRTH" {
				t.Fatalf("%s: %v", topic, err)
			}
			if msg.typ == "DDATA" {
				ids = append(ids, mappedIDs(out)...)
			}
		}
	}
	want := []string{"gw-07/PALLET-SENSOR-0042@1741054522123#2", "gw-08/PALLET-SENSOR-0042@1741054522123#2"}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("documents %q, want %q", ids, want)
	}
}

// TestMapSenMLKeepsUnusableRecordsVisible: RFC 8428 example 5.1.4 is stored whole; a
// record Seam cannot use is quarantined with its reason while the pack's other
// readings are stored.
func TestMapSenMLKeepsUnusableRecordsVisible(t *testing.T) {
	r := NewReadings()
	rfc514 := `[{"bn":"urn:dev:ow:10e2073a01080063:","bt":1.320067464e+09,"bu":"%RH","v":20},{"u":"lon","v":24.30621},{"u":"lat","v":60.07965},{"t":60,"v":20.3},{"u":"%EL","t":150,"v":98}]`
	out, err := r.Map(mapPayload("seam/acme/sensors/urn-dev-ow-10e2073a01080063", rfc514))
	if err != nil {
		t.Fatal(err)
	}
	if ids := mappedIDs(out); !reflect.DeepEqual(ids, []string{"urn-dev-ow-10e2073a01080063@1320067464000"}) || len(out[0].Doc.Readings) != 5 {
		t.Fatalf("RFC 8428 5.1.4: %q", ids)
	}

	pack := `[{"bn":"urn:dev:mac:0024befffe804ff1:","bt":1796570726.1,"n":"weight","u":"kg","v":512.4},{"n":"temperature","u":"K","v":277.4},{"n":"humidity","u":"%RH","v":61}]`
	out, err = r.Map(mapPayload("seam/acme/sensors/PALLET-2", pack))
	if err != nil {
		t.Fatal(err)
	}
	if ids := mappedIDs(out); !reflect.DeepEqual(ids, []string{"PALLET-2@1796570726100", "!PALLET-2@1796570726100/skipped"}) {
		t.Fatalf("mapped %q", ids)
	}
	if n := len(out[0].Doc.Readings); n != 2 {
		t.Errorf("%d readings stored, want weight and humidity", n)
	}
	if p := out[1].Problems; len(p) != 1 || p[0].Field != "[1].u" || p[0].Rule != "unit" || !strings.Contains(p[0].Message, "skipped") || string(out[1].Raw) != pack {
		t.Errorf("quarantined %+v (raw %d bytes)", p, len(out[1].Raw))
	}
}

// TestMapThingsBoardGatewayOnDeviceTopic: the gateway form sent on a device topic gives
// one document per named device, not metrics of the gateway holding JSON text.
func TestMapThingsBoardGatewayOnDeviceTopic(t *testing.T) {
	gw := `{"PALLET-RV19-G1": [{"ts": 1796570716000, "values": {"weight": 498.0, "temperature": 5.1}}], "PALLET-RV19-G2": [{"ts": 1796570716000, "values": {"weight": 301.5}}]}`
	out, err := NewReadings().Map(mapPayload("seam/acme/sensors/gw-1", gw))
	if err != nil {
		t.Fatal(err)
	}
	if ids := mappedIDs(out); !reflect.DeepEqual(ids, []string{"PALLET-RV19-G1@1796570716000", "PALLET-RV19-G2@1796570716000"}) {
		t.Fatalf("documents %q", ids)
	}
}

// TestMapSparkplugFormerIDs: a Sparkplug device reading timed before the mapper was
// built may be stored under its former id, the bare device id; one timed after it, or a
// node's own reading, never was, and asks the intake for nothing.
func TestMapSparkplugFormerIDs(t *testing.T) {
	seq := func(n uint64) *uint64 { return &n }
	data := func(ms uint64) string {
		return string(iot.EncodeSparkplug(iot.Payload{Timestamp: ms, Seq: seq(3), Metrics: []iot.Metric{
			{Name: "weight", Datatype: iot.TypeDouble, Kind: iot.KindDouble, DoubleValue: 512.4}}}))
	}
	r := NewReadings()
	r.FormerBefore = time.UnixMilli(1741054600000)
	for _, c := range []struct {
		topic  string
		ms     uint64
		former []string
	}{
		{"spBv1.0/NL-WH1/DDATA/gw-07/PALLET-SENSOR-0042", 1741054522123, []string{"PALLET-SENSOR-0042@1741054522123#3"}},
		{"spBv1.0/NL-WH1/DDATA/gw-07/PALLET-SENSOR-0042", 1741054600000, nil},
		{"spBv1.0/NL-WH1/NDATA/gw-07", 1741054522123, nil},
	} {
		out, err := r.Map(mapPayload(c.topic, data(c.ms)))
		if err != nil || len(out) != 1 {
			t.Fatalf("%s: %v %+v", c.topic, err, out)
		}
		if !reflect.DeepEqual(out[0].FormerIDs, c.former) {
			t.Errorf("%s at %d: former ids %q, want %q", c.topic, c.ms, out[0].FormerIDs, c.former)
		}
	}
}
