package iot

import (
	"errors"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		topic, payload string
		want           Format
	}{
		{"spBv1.0/NL-WH1/DDATA/gw-07/PALLET-SENSOR-0042", "\x08\x01", FormatSparkplugB},
		{"spBv1.0/STATE/host", `{"online":true}`, FormatSparkplugB},
		{"v1/devices/P1/telemetry", senmlSample, FormatSenML},
		{"sensors/P1", ` [{"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}]`, FormatSenML},
		{"sensors/P1", `[{"bt":1741054522,"bn":"P1:"},{"n":"temp","v":1}]`, FormatSenML},
		{"v1/devices/P1/telemetry", tbPlain, FormatThingsBoard},
		{"v1/devices/P1/telemetry", tbBatch, FormatThingsBoard},
		{"v1/gateway/telemetry", tbGateway, FormatThingsBoard},
		{"v1/devices/P1/telemetry", `[]`, FormatThingsBoard},
		{"v1/devices/P1/telemetry", `[7]`, FormatThingsBoard},
		{"v1/devices/P1/telemetry", `not json`, FormatThingsBoard},
		{"spBv1.0x/G/NDATA/e", `[{"n":"x"}]`, FormatSenML},
	} {
		if got := Detect(tc.topic, []byte(tc.payload)); got != tc.want {
			t.Errorf("Detect(%q, %.30q) = %s, want %s", tc.topic, tc.payload, got, tc.want)
		}
	}
}

func TestDeviceFromTopic(t *testing.T) {
	for topic, want := range map[string]string{
		"v1/devices/PALLET-SENSOR-0042/telemetry":     "PALLET-SENSOR-0042",
		"acme/site-1/devices/PALLET-7/senml":          "PALLET-7",
		"v1/devices/me/telemetry":                     "",
		"v1/devices/+/telemetry":                      "",
		"v1/gateway/telemetry":                        "",
		"v1/devices":                                  "",
		"pallets/PALLET-7":                            "",
		"spBv1.0/NL-WH1/DDATA/gw-07/PALLET-SENSOR-42": "",
	} {
		if got := DeviceFromTopic(topic); got != want {
			t.Errorf("DeviceFromTopic(%q) = %q, want %q", topic, got, want)
		}
	}
}

// TestParse goes through the one entry point the MQTT adapter uses, with Detect.
func TestParse(t *testing.T) {
	aliases := NewAliasTable()
	run := func(topic string, payload []byte) ([]string, error) {
		rs, _, err := Parse(Detect(topic, payload), topic, payload, received, aliases)
		checkInvariants(t, rs)
		return show(rs), err
	}
	tests := []struct {
		topic   string
		payload []byte
		want    []string
	}{
		{"v1/devices/PALLET-SENSOR-0042/telemetry", []byte(`{"ts":1741054522123,"values":{"weight":512.4}}`),
			[]string{"PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z weight_kg=512.4"}},
		{"v1/gateway/telemetry", []byte(`{"PALLET-9":[{"humidity":61}]}`),
			[]string{"PALLET-9 2025-03-04T02:30:00Z humidity_rh=61 recv"}},
		{"senml/PALLET-SENSOR-0042", []byte(`[{"bn":"urn:dev:mac:0024befffe804ff1:","n":"temp","u":"Cel","v":4.2}]`),
			[]string{"urn:dev:mac:0024befffe804ff1 2025-03-04T02:30:00Z temperature_c=4.2 recv"}},
		{"v1/devices/PALLET-1/senml", []byte(`[{"bn":"urn:dev:mac:0024befffe804ff1:","n":"temp","u":"Cel","v":4.2}]`),
			[]string{"PALLET-1 2025-03-04T02:30:00Z temperature_c=4.2 recv"}},
		{device(DBirth), EncodeSparkplug(palletBirth(0)), []string{
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z weight_kg=512 seq=0",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z temperature_c=4 seq=0",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:00Z humidity_rh=60.5 seq=0",
		}},
		{device(DData), EncodeSparkplug(sampleData(1)), []string{
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z weight_kg=512.4 seq=1",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z temperature_c=4.2 seq=1",
			"gw-07/PALLET-SENSOR-0042 2025-03-04T02:15:22.123Z humidity_rh=61 seq=1",
		}},
	}
	for _, tc := range tests {
		got, err := run(tc.topic, tc.payload)
		if err != nil {
			t.Fatalf("Parse(%s): %v", tc.topic, err)
		}
		if len(got) != len(tc.want) {
			t.Fatalf("Parse(%s) = %q, want %q", tc.topic, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Fatalf("Parse(%s)[%d] = %q, want %q", tc.topic, i, got[i], tc.want[i])
			}
		}
	}

	_, err := run("v1/devices/me/telemetry", []byte(tbPlain))
	wantFieldError(t, err, FormatThingsBoard, "topic", "required")
	_, _, err = Parse("csv", "x", []byte("a,b"), received, nil)
	wantFieldError(t, err, "csv", "format", "unsupported")
	_, err = run("spBv1.0/NL-WH1/DDATA/gw-99/P", EncodeSparkplug(sampleData(1)))
	if !errors.Is(err, ErrUnknownAlias) {
		t.Fatalf("DDATA of an unborn node: %v, want ErrUnknownAlias", err)
	}
	if _, _, err := Parse(FormatSparkplugB, node(NDeath), nil, received, nil); err != nil {
		t.Fatalf("empty NDEATH without table: %v", err)
	}
}

func TestMetricName(t *testing.T) {
	for key, want := range map[string]string{
		"weight": "weight_kg", "Weight": "weight_kg", "weight_kg": "weight_kg", "WEIGHT-KG": "weight_kg",
		"temperature": "temperature_c", "temp": "temperature_c", "Temp": "temperature_c", "temperature_c": "temperature_c",
		"humidity": "humidity_rh", "humidity_rh": "humidity_rh", "Humidity %RH": "humidity_rh",
		"battery": "battery", "Battery Level (%)": "battery_level", "__rssi__": "rssi", "Gewicht/Brutto": "gewicht_brutto",
		"température": "temp_rature", "hum": "hum",
	} {
		got, err := MetricName(key)
		if err != nil || got != want {
			t.Errorf("MetricName(%q) = %q, %v; want %q", key, got, err, want)
		}
	}
	for _, key := range []string{"", "%%", "温度", string(make([]byte, 600))} {
		if got, err := MetricName(key); err == nil {
			t.Errorf("MetricName(%q) = %q, want an error", key, got)
		}
	}
}

func TestExactDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"4.2": "4.2", "4.20": "4.20", "-0": "-0", "007": "007", "512400": "512400",
		"5.124e2": "512.4", "1E+1": "10", "1e-7": "0.0000001", "-2.50E-1": "-0.250",
		"12345678901234567890.123456789": "12345678901234567890.123456789",
	} {
		if got, err := exactDecimal(in); err != nil || got != want {
			t.Errorf("exactDecimal(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-", "+1", ".5", "5.", "1e", "0x10", "NaN", "Inf", "1_000", "1,5", " 1", "1e401", "1e-401"} {
		if got, err := exactDecimal(in); err == nil {
			t.Errorf("exactDecimal(%q) = %q, want an error", in, got)
		}
	}
	for in, want := range map[string]string{"512400": "512.400", "4.2": "0.0042", "-1250.5": "-1.2505", "0": "0.000"} {
		if got, err := gramsToKg(in); err != nil || got != want {
			t.Errorf("gramsToKg(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
