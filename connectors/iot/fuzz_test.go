package iot

import (
	"bytes"
	"errors"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// The fuzz targets hold every parser to its contract on any input: no panic, and every
// reading complete (device, metric, plain decimal for canonical metrics, time).

func FuzzThingsBoard(f *testing.F) {
	for _, s := range []string{tbPlain, tbTS, tbBatch, tbGateway,
		`{"ts":1741054522123,"values":{"weight":"512.40","status":"ok","door_open":false,"meta":{"fw":"1.2"}}}`,
		`[{"sscc":376123450000012347,"weight":5.124e2},{"values":{"temp":-18.5}}]`,
		`{"A":[{"ts":1,"values":{"weight":1}}],"B":[{"temperature":-20.5}]}`,
		`{"ts":1741054522123.5,"values":{"weight":1}}`, `{"weight": 1e999}`, `{"weight": null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		rs, err := ParseThingsBoard(payload, "PALLET-1", received)
		checkResult(t, rs, err)
		rs, err = ParseThingsBoardGateway(payload, received)
		checkResult(t, rs, err)
	})
}

func FuzzSenML(f *testing.F) {
	for _, s := range []string{senmlSample,
		`[{"bn":"P1/","bt":1741054522,"bu":"Cel","n":"temp","t":-60,"v":4.1},{"n":"temp","t":-30.5,"v":4.3}]`,
		`[{"bn":"PALLET-7/","bu":"g","n":"weight","v":512400},{"n":"load","v":1250.5}]`,
		`[{"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}]`,
		`[{"bn":"P1:","bv":500,"n":"weight","u":"kg","v":12.4},{"n":"door","vb":true},{"n":"fw","vs":"1.4.2"},{"n":"b","vd":"AQID"}]`,
		`[{"bn":"P1:","n":"weight","u":"kg","t":1741054522.123,"v":1},{"bt":1741054000,"n":"weight","t":22,"v":2}]`,
		`[{"bn":"P1:","bt":1e12,"n":"temp","v":1}]`, `[{"bn":"P1:","n":"temp","t":-268435455.999999999999,"v":1}]`,
	} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte(senmlSample), "PALLET-SENSOR-0042")
	f.Fuzz(func(t *testing.T, payload []byte, device string) {
		rs, skipped, err := ParseSenML(payload, device, received)
		checkResult(t, rs, err)
		checkSkipped(t, rs, skipped, err)
	})
}

func FuzzSparkplug(f *testing.F) {
	node := Payload{Seq: u64(0), Metrics: []Metric{
		{Name: "bdSeq", Datatype: TypeInt64, Kind: KindLong, LongValue: 3},
		{Name: "Sensors/Temperature", Alias: u64(9), Datatype: TypeInt16, Kind: KindInt, IntValue: 0xFFEC},
	}}
	for _, p := range []Payload{palletBirth(0), sampleData(1), node, wireGolden[0].payload, wireGolden[1].payload,
		{Seq: u64(2), Metrics: []Metric{{Alias: u64(1), IsNull: true}, {Alias: u64(2), Kind: KindLong, LongValue: 1<<64 - 5}}},
	} {
		f.Add(EncodeSparkplug(p), EncodeSparkplug(sampleData(1)))
	}
	f.Fuzz(func(t *testing.T, birth, data []byte) {
		aliases := NewAliasTable()
		for _, msg := range []struct {
			topic   string
			payload []byte
		}{
			{"spBv1.0/G/NBIRTH/e", birth}, {"spBv1.0/G/NDATA/e", data},
			{"spBv1.0/G/DBIRTH/e/d", birth}, {"spBv1.0/G/DDATA/e/d", data}, {"spBv1.0/G/NDEATH/e", data},
		} {
			res, err := ParseSparkplug(msg.topic, msg.payload, received, aliases)
			checkResult(t, res.Readings, err)
		}
		// What decodes must encode to bytes that decode to the same encoding.
		for _, b := range [][]byte{birth, data} {
			p, err := DecodeSparkplug(b)
			if err != nil {
				continue
			}
			enc := EncodeSparkplug(p)
			p2, err := DecodeSparkplug(enc)
			if err != nil {
				t.Fatalf("re-decoding %x: %v", enc, err)
			}
			if enc2 := EncodeSparkplug(p2); !bytes.Equal(enc, enc2) {
				t.Fatalf("round trip differs:\n %x\n %x", enc, enc2)
			}
		}
	})
}

// FuzzParse drives the entry point the MQTT adapter uses, with Detect choosing.
func FuzzParse(f *testing.F) {
	f.Add("v1/devices/PALLET-1/telemetry", []byte(tbTS))
	f.Add("v1/gateway/telemetry", []byte(tbGateway))
	f.Add("senml/x", []byte(senmlSample))
	f.Add("spBv1.0/NL-WH1/DBIRTH/gw-07/PALLET-SENSOR-0042", EncodeSparkplug(palletBirth(0)))
	f.Add("spBv1.0/STATE/host", []byte(`{"online":true}`))
	f.Fuzz(func(t *testing.T, topic string, payload []byte) {
		rs, skipped, err := Parse(Detect(topic, payload), topic, payload, received, NewAliasTable())
		checkResult(t, rs, err)
		checkSkipped(t, rs, skipped, err)
	})
}

// checkSkipped: skipped records come only beside readings, never with an error.
func checkSkipped(t *testing.T, rs []ontology.Reading, skipped []*FieldError, err error) {
	t.Helper()
	for _, s := range skipped {
		if s == nil || err != nil || len(rs) == 0 {
			t.Fatalf("skipped %v with %d readings and error %v", skipped, len(rs), err)
		}
	}
}

// checkResult: an error comes without readings and is one of the documented kinds.
func checkResult(t *testing.T, rs []ontology.Reading, err error) {
	t.Helper()
	if err != nil {
		var fe *FieldError
		if rs != nil || !(errors.As(err, &fe) || errors.Is(err, ErrUnknownAlias)) {
			t.Fatalf("error %v (%T) with %d readings", err, err, len(rs))
		}
		return
	}
	checkInvariants(t, rs)
}
