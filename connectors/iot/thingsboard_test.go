package iot

import (
	"testing"
	"time"
)

// ThingsBoard samples after SOURCES.md §8a (values invented there).
const (
	tbPlain   = `{"temperature": 4.2, "humidity": 61, "weight": 512.4}`
	tbTS      = `{"ts": 1741054522123, "values": {"temperature": 4.2, "humidity": 61, "weight": 512.4}}`
	tbBatch   = `[{"ts":1741054522123,"values":{"weight":512.4}},{"ts":1741054582123,"values":{"weight":498.0,"temperature":4.5}},{"humidity":60}]`
	tbGateway = `{"PALLET-SENSOR-0042":[{"ts":1741054522123,"values":{"weight":512.4,"temperature":4.2,"humidity":61}}]}`
)

func TestParseThingsBoard(t *testing.T) {
	const dev = "PALLET-SENSOR-0042"
	const at = "2025-03-04T02:15:22.123Z"
	tests := []struct {
		name    string
		payload string
		want    []string
	}{
		{"values only: receive time", tbPlain, []string{
			dev + " 2025-03-04T02:30:00Z temperature_c=4.2 recv",
			dev + " 2025-03-04T02:30:00Z humidity_rh=61 recv",
			dev + " 2025-03-04T02:30:00Z weight_kg=512.4 recv",
		}},
		{"ts and values", tbTS, []string{
			dev + " " + at + " temperature_c=4.2",
			dev + " " + at + " humidity_rh=61",
			dev + " " + at + " weight_kg=512.4",
		}},
		{"batch of both forms", tbBatch, []string{
			dev + " " + at + " weight_kg=512.4",
			dev + " 2025-03-04T02:16:22.123Z weight_kg=498.0",
			dev + " 2025-03-04T02:16:22.123Z temperature_c=4.5",
			dev + " 2025-03-04T02:30:00Z humidity_rh=60 recv",
		}},
		{"values without ts", `{"values":{"temp":-18.5}}`, []string{
			dev + " 2025-03-04T02:30:00Z temperature_c=-18.5 recv",
		}},
		{"exact text, exponents written out, no float rounding", `{"ts":0,"values":{"weight":5.124e2,"temperature":4.20,"humidity":1E+1,"counter":9007199254740993,"tiny":1e-7}}`, []string{
			dev + " 1970-01-01T00:00:00Z weight_kg=512.4",
			dev + " 1970-01-01T00:00:00Z temperature_c=4.20",
			dev + " 1970-01-01T00:00:00Z humidity_rh=10",
			dev + " 1970-01-01T00:00:00Z counter=9007199254740993",
			dev + " 1970-01-01T00:00:00Z tiny=0.0000001",
		}},
		{"string, boolean and JSON values", `{"ts":1741054522123,"values":{"weight":" 512.40 ","status":"ok","door_open":false,"meta":{"fw": "1.2", "n": [1, 2]}}}`, []string{
			dev + " " + at + " weight_kg=512.40",
			dev + " " + at + " status=ok",
			dev + " " + at + " door_open=false",
			dev + " " + at + ` meta={"fw":"1.2","n":[1,2]}`,
		}},
		{"keys sanitised and aliased", `{"Temperature °C": 3, "Weight_KG": 12, "Battery Level (%)": 87, "RSSI": -71}`, []string{
			dev + " 2025-03-04T02:30:00Z temperature_c=3 recv",
			dev + " 2025-03-04T02:30:00Z weight_kg=12 recv",
			dev + " 2025-03-04T02:30:00Z battery_level=87 recv",
			dev + " 2025-03-04T02:30:00Z rssi=-71 recv",
		}},
		{"pallet SSCC as string", `{"ts":1741054522123,"values":{"weight":512.4,"pallet_sscc":"376123450000012347"}}`, []string{
			dev + " " + at + " weight_kg=512.4 sscc=376123450000012347",
		}},
		{"pallet SSCC as a number above 2^53, per entry", `[{"sscc":376123450000012347,"weight":512.4},{"weight":1}]`, []string{
			dev + " 2025-03-04T02:30:00Z weight_kg=512.4 sscc=376123450000012347 recv",
			dev + " 2025-03-04T02:30:00Z weight_kg=1 recv",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseThingsBoard([]byte(tc.payload), dev, received)
			if err != nil {
				t.Fatalf("ParseThingsBoard(%s): %v", tc.payload, err)
			}
			wantReadings(t, got, FormatThingsBoard, tc.want...)
			checkInvariants(t, got)
		})
	}
}

func TestParseThingsBoardErrors(t *testing.T) {
	tests := []struct {
		name, payload, field, rule string
	}{
		{"invalid JSON", `{"weight": 5`, "payload", "syntax"},
		{"data after the value", `{"weight": 5} {}`, "payload", "syntax"},
		{"empty payload", ``, "payload", "syntax"},
		{"not an object", `42`, "payload", "type"},
		{"empty batch", `[]`, "payload", "required"},
		{"empty object", `{}`, "payload", "required"},
		{"null value", `{"weight": null}`, "weight", "required"},
		{"boolean weight", `{"ts":1,"values":{"weight": true}}`, "values.weight", "type"},
		{"object temperature", `{"temperature": {"c": 4}}`, "temperature", "type"},
		{"non-numeric weight string", `[{"ts":1,"values":{"weight":"heavy"}}]`, "[0].values.weight", "decimal"},
		{"NaN string", `{"humidity":"NaN"}`, "humidity", "decimal"},
		{"empty string value", `{"status":"  "}`, "status", "required"},
		{"two keys one metric", `{"weight": 1, "weight_kg": 2}`, "weight_kg", "duplicate"},
		{"duplicate JSON key", `{"weight": 1, "weight": 2}`, "weight", "duplicate"},
		{"fractional ts", `{"ts":1741054522123.5,"values":{"weight":1}}`, "ts", "range"},
		{"negative ts", `{"ts":-1,"values":{"weight":1}}`, "ts", "range"},
		{"ts as string", `{"ts":"1741054522123","values":{"weight":1}}`, "ts", "type"},
		{"ts after 9999", `{"ts":253402300800000,"values":{"weight":1}}`, "ts", "range"},
		{"ts without values", `[{"weight":1},{"ts":1741054522123}]`, "[1].values", "required"},
		{"key beside ts and values", `{"ts":1,"values":{"weight":1},"weight":2}`, "weight", "unexpected"},
		{"values not an object", `{"ts":1,"values":[1]}`, "values", "type"},
		{"empty values", `{"ts":1,"values":{}}`, "values", "required"},
		{"only an SSCC", `{"sscc":"376123450000012347"}`, "payload", "required"},
		{"two SSCCs", `{"sscc":"376123450000012347","pallet_sscc":"376123450000012354","weight":1}`, "pallet_sscc", "duplicate"},
		{"fractional SSCC", `{"sscc":3.5,"weight":1}`, "sscc", "type"},
		{"key without letters", `{"%%": 1}`, "%%", "name"},
		{"huge exponent", `{"weight": 1e999}`, "weight", "decimal"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseThingsBoard([]byte(tc.payload), "PALLET-1", received)
			if got != nil {
				t.Errorf("readings %v returned with the error", show(got))
			}
			wantFieldError(t, err, FormatThingsBoard, tc.field, tc.rule)
		})
	}
	t.Run("no device", func(t *testing.T) {
		_, err := ParseThingsBoard([]byte(tbPlain), " ", received)
		wantFieldError(t, err, FormatThingsBoard, "device", "required")
	})
	t.Run("no receive time", func(t *testing.T) {
		_, err := ParseThingsBoard([]byte(tbPlain), "PALLET-1", time.Time{})
		wantFieldError(t, err, FormatThingsBoard, "received", "required")
	})
}

func TestParseThingsBoardGateway(t *testing.T) {
	got, err := ParseThingsBoardGateway([]byte(tbGateway), received)
	if err != nil {
		t.Fatal(err)
	}
	wantReadings(t, got, FormatThingsBoard,
		"PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z weight_kg=512.4",
		"PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z temperature_c=4.2",
		"PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z humidity_rh=61",
	)

	two := `{"PALLET-A":[{"ts":1741054522123,"values":{"weight":1}},{"ts":1741054523123,"values":{"weight":2,"pallet_sscc":"376123450000012347"}}],
	         "PALLET-B":[{"temperature":-20.5}]}`
	got, err = ParseThingsBoardGateway([]byte(two), received)
	if err != nil {
		t.Fatal(err)
	}
	wantReadings(t, got, FormatThingsBoard,
		"PALLET-A 2025-03-04T02:15:22.123Z weight_kg=1",
		"PALLET-A 2025-03-04T02:15:23.123Z weight_kg=2 sscc=376123450000012347",
		"PALLET-B 2025-03-04T02:30:00Z temperature_c=-20.5 recv",
	)

	for _, tc := range []struct{ name, payload, field, rule string }{
		{"not an object", `[{"weight":1}]`, "payload", "type"},
		{"no devices", `{}`, "payload", "required"},
		{"empty device name", `{" ":[{"weight":1}]}`, `" "`, "required"},
		{"entries not an array", `{"PALLET-A":{"weight":1}}`, "PALLET-A", "type"},
		{"no entries", `{"PALLET-A":[]}`, "PALLET-A", "required"},
		{"bad value in second device", `{"A":[{"weight":1}],"B":[{"ts":1,"values":{"weight":"x"}}]}`, "B[0].values.weight", "decimal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseThingsBoardGateway([]byte(tc.payload), received)
			wantFieldError(t, err, FormatThingsBoard, tc.field, tc.rule)
		})
	}
}

// tbGatewayDocs is the gateway telemetry example of ThingsBoard's gateway MQTT API
// (v1/gateway/telemetry): two devices, entries with ts and values.
const tbGatewayDocs = `{"Device A": [{"ts": 1483228800000, "values": {"temperature": 42, "humidity": 80}}, {"ts": 1483228801000, "values": {"temperature": 43, "humidity": 82}}], "Device B": [{"ts": 1483228800000, "values": {"temperature": 42, "humidity": 80}}]}`

// TestThingsBoardGatewayOnDeviceTopic: the gateway form published on a device's topic is
// read as the gateway form (devices from its keys), never as metrics holding JSON text;
// a key holding gateway entries beside plain values is refused with its own rule.
func TestThingsBoardGatewayOnDeviceTopic(t *testing.T) {
	got, err := ParseThingsBoard([]byte(tbGatewayDocs), "gw-1", received)
	if err != nil {
		t.Fatal(err)
	}
	wantReadings(t, got, FormatThingsBoard,
		"Device A 2017-01-01T00:00:00Z temperature_c=42", "Device A 2017-01-01T00:00:00Z humidity_rh=80",
		"Device A 2017-01-01T00:00:01Z temperature_c=43", "Device A 2017-01-01T00:00:01Z humidity_rh=82",
		"Device B 2017-01-01T00:00:00Z temperature_c=42", "Device B 2017-01-01T00:00:00Z humidity_rh=80",
	)
	for _, tc := range []struct{ name, payload, field string }{
		{"beside plain values", `{"Device A":[{"ts":1483228800000,"values":{"weight":1}}],"temperature":4}`, "Device A"},
		{"inside a batch", `[{"temperature":4},{"Device A":[{"values":{"weight":1}}]}]`, "[1].Device A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseThingsBoard([]byte(tc.payload), "gw-1", received)
			if got != nil {
				t.Errorf("readings %v with the error", show(got))
			}
			wantFieldError(t, err, FormatThingsBoard, tc.field, "gateway")
		})
	}
}
