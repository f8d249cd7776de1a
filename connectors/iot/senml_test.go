package iot

import (
	"reflect"
	"testing"
)

// The SenML sample of SOURCES.md §8c.
const senmlSample = `[{"bn":"urn:dev:mac:0024befffe804ff1:","bt":1741054522.1,"n":"weight","u":"kg","v":512.4},{"n":"temperature","u":"Cel","v":4.2},{"n":"humidity","u":"%RH","v":61}]`

func TestParseSenML(t *testing.T) {
	const mac = "urn:dev:mac:0024befffe804ff1"
	tests := []struct {
		name, payload, device string
		want                  []string
	}{
		{"sample: base name and time carried forward", senmlSample, "", []string{
			mac + " 2025-03-04T02:15:22.1Z weight_kg=512.4",
			mac + " 2025-03-04T02:15:22.1Z temperature_c=4.2",
			mac + " 2025-03-04T02:15:22.1Z humidity_rh=61",
		}},
		{"caller's device wins over bn", senmlSample, "PALLET-SENSOR-0042", []string{
			"PALLET-SENSOR-0042 2025-03-04T02:15:22.1Z weight_kg=512.4",
			"PALLET-SENSOR-0042 2025-03-04T02:15:22.1Z temperature_c=4.2",
			"PALLET-SENSOR-0042 2025-03-04T02:15:22.1Z humidity_rh=61",
		}},
		{"times relative to bt", `[{"bn":"P1/","bt":1741054522,"bu":"Cel","n":"temp","t":-60,"v":4.1},{"n":"temp","t":-30.5,"v":4.3},{"n":"temp","v":4.4}]`, "", []string{
			"P1 2025-03-04T02:14:22Z temperature_c=4.1",
			"P1 2025-03-04T02:14:51.5Z temperature_c=4.3",
			"P1 2025-03-04T02:15:22Z temperature_c=4.4",
		}},
		{"absolute t without bt; t at or above 2^28 is absolute beside bt", `[{"bn":"P1:","n":"weight","u":"kg","t":1741054522.123,"v":1},{"bt":1741054000,"n":"weight","u":"kg","t":1741054522,"v":2},{"n":"weight","u":"kg","t":22,"v":3}]`, "", []string{
			"P1 2025-03-04T02:15:22.123Z weight_kg=1",
			"P1 2025-03-04T02:15:22Z weight_kg=2",
			"P1 2025-03-04T02:07:02Z weight_kg=3",
		}},
		{"no time is now, negative is seconds before now", `[{"bn":"P1:","n":"humidity","u":"%RH","v":55},{"n":"humidity","u":"%RH","t":-5,"v":56}]`, "", []string{
			"P1 2025-03-04T02:30:00Z humidity_rh=55 recv",
			"P1 2025-03-04T02:29:55Z humidity_rh=56 recv",
		}},
		{"base unit grams, moved to kg exactly", `[{"bn":"PALLET-7/","bu":"g","n":"weight","v":512400},{"n":"load","v":1250.5},{"n":"weight","u":"kg","v":0.25},{"n":"weight","v":4.2e1}]`, "", []string{
			"PALLET-7 2025-03-04T02:30:00Z weight_kg=512.400 recv",
			"PALLET-7 2025-03-04T02:30:00Z weight_kg=1.2505 recv",
			"PALLET-7 2025-03-04T02:30:00Z weight_kg=0.25 recv",
			"PALLET-7 2025-03-04T02:30:00Z weight_kg=0.042 recv",
		}},
		{"RFC style: the name is the device, the unit the metric", `[{"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}]`, "", []string{
			"urn:dev:ow:10e2073a01080063 2025-03-04T02:30:00Z temperature_c=23.1 recv",
		}},
		{"base value added exactly", `[{"bn":"P1:","bv":500,"n":"weight","u":"kg","v":12.4},{"n":"weight","u":"kg","v":-0.05}]`, "", []string{
			"P1 2025-03-04T02:30:00Z weight_kg=512.4 recv",
			"P1 2025-03-04T02:30:00Z weight_kg=499.95 recv",
		}},
		{"other names keep their own name and value text", `[{"bn":"P1:","bt":1741054522,"n":"battery","u":"V","v":3.61},{"n":"door","vb":true},{"n":"Firmware Version","vs":"1.4.2"},{"n":"blob","vd":"AQID"},{"n":"temperature","u":"Cel","vs":" 4.25"}]`, "", []string{
			"P1 2025-03-04T02:15:22Z battery=3.61",
			"P1 2025-03-04T02:15:22Z door=true",
			"P1 2025-03-04T02:15:22Z firmware_version=1.4.2",
			"P1 2025-03-04T02:15:22Z blob=AQID",
			"P1 2025-03-04T02:15:22Z temperature_c=4.25",
		}},
		{"no name: the unit names the metric", `[{"bn":"P1:","u":"V","v":3.6}]`, "", []string{
			"P1 2025-03-04T02:30:00Z v=3.6 recv",
		}},
		{"base name changes mid-pack; base-only records and unknown fields ignored", `[{"bn":"A:","bver":10,"ut":60},{"n":"temp","u":"Cel","v":1,"x":"y"},{"bn":"B:"},{"n":"temp","u":"Cel","v":2}]`, "", []string{
			"A 2025-03-04T02:30:00Z temperature_c=1 recv",
			"B 2025-03-04T02:30:00Z temperature_c=2 recv",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, skipped, err := ParseSenML([]byte(tc.payload), tc.device, received)
			if err != nil {
				t.Fatalf("ParseSenML(%s): %v", tc.payload, err)
			}
			if skipped != nil {
				t.Errorf("skipped %v", skipped)
			}
			wantReadings(t, got, FormatSenML, tc.want...)
			checkInvariants(t, got)
		})
	}
}

func TestParseSenMLErrors(t *testing.T) {
	tests := []struct {
		name, payload, field, rule string
	}{
		{"not an array", `{"bn":"x","v":1}`, "payload", "type"},
		{"empty pack", `[]`, "payload", "required"},
		{"only base records", `[{"bn":"P1:","bt":1741054522}]`, "payload", "required"},
		{"record not an object", `[{"bn":"P1:","n":"temp","v":1},2]`, "[1]", "type"},
		{"empty record", `[{}]`, "[0]", "required"},
		{"named record without value", `[{"bn":"P1:","n":"temp","u":"Cel"}]`, "[0]", "required"},
		{"two values", `[{"bn":"P1:","n":"temp","v":1,"vs":"1"}]`, "[0]", "duplicate"},
		{"sum", `[{"bn":"P1:","n":"energy","s":10}]`, "[0].s", "unsupported"},
		{"must-understand field", `[{"bn":"P1:","n":"temp","v":1,"rt_":"x"}]`, "[0].rt_", "unsupported"},
		{"newer version", `[{"bn":"P1:","bver":11,"n":"temp","v":1}]`, "[0].bver", "unsupported"},
		{"v as string", `[{"bn":"P1:","n":"temp","v":"4.2"}]`, "[0].v", "type"},
		{"bt as string", `[{"bn":"P1:","bt":"now","n":"temp","v":1}]`, "[0].bt", "type"},
		{"n as number", `[{"bn":"P1:","n":7,"v":1}]`, "[0].n", "type"},
		{"vb as string", `[{"bn":"P1:","n":"door","vb":"true"}]`, "[0].vb", "type"},
		{"unit does not fit the name", `[{"bn":"P1:","n":"weight","u":"Cel","v":1}]`, "[0].u", "unit"},
		{"unknown unit on a canonical name", `[{"bn":"P1:","n":"temperature","u":"K","v":277}]`, "[0].u", "unit"},
		{"boolean temperature", `[{"bn":"P1:","n":"temperature","vb":true}]`, "[0]", "type"},
		{"non-numeric string weight", `[{"bn":"P1:","n":"weight","u":"kg","vs":"heavy"}]`, "[0].vs", "decimal"},
		{"no name and no unit", `[{"bn":"P1:","v":3.6}]`, "[0].n", "required"},
		{"no name and a unit of no letters", `[{"bn":"P1:","u":"°","v":3.6}]`, "[0].u", "name"},
		{"no device: metric name without bn", `[{"n":"temperature","u":"Cel","v":4}]`, "[0].bn", "required"},
		{"no device: bn of separators only", `[{"bn":"::","n":"temperature","v":4}]`, "[0].bn", "required"},
		{"time after 9999", `[{"bn":"P1:","bt":1e12,"n":"temp","v":1}]`, "[0].t", "range"},
		{"relative time too far back", `[{"bn":"P1:","n":"temp","t":-268435456,"v":1}]`, "[0].t", "range"},
		{"empty vs", `[{"bn":"P1:","n":"note","vs":""}]`, "[0].vs", "required"},
		{"duplicate key", `[{"bn":"P1:","n":"temp","v":1,"v":2}]`, "[0].v", "duplicate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := ParseSenML([]byte(tc.payload), "", received)
			if got != nil {
				t.Errorf("readings %v returned with the error", show(got))
			}
			wantFieldError(t, err, FormatSenML, tc.field, tc.rule)
		})
	}
}

// RFC 8428 §5.1.4 verbatim: records without n (the name is bn alone), the base unit %RH,
// and lon, lat and %EL records in between.
const senmlRFC514 = `[
  {"bn":"urn:dev:ow:10e2073a01080063:","bt":1.320067464e+09,"bu":"%RH","v":20},
  {"u":"lon","v":24.30621},
  {"u":"lat","v":60.07965},
  {"t":60,"v":20.3},
  {"u":"lon","t":60,"v":24.30622},
  {"u":"lat","t":60,"v":60.07965},
  {"t":120,"v":20.7},
  {"u":"lon","t":120,"v":24.30623},
  {"u":"lat","t":120,"v":60.07966},
  {"u":"%EL","t":150,"v":98},
  {"t":180,"v":21.2},
  {"u":"lon","t":180,"v":24.30628},
  {"u":"lat","t":180,"v":60.07967}
]`

func TestSenMLRFC8428Example514(t *testing.T) {
	got, skipped, err := ParseSenML([]byte(senmlRFC514), "", received)
	if err != nil || skipped != nil {
		t.Fatalf("ParseSenML(RFC 8428 5.1.4): %v, skipped %v", err, skipped)
	}
	const d = "urn:dev:ow:10e2073a01080063 "
	wantReadings(t, got, FormatSenML,
		d+"2011-10-31T13:24:24Z humidity_rh=20", d+"2011-10-31T13:24:24Z lon=24.30621", d+"2011-10-31T13:24:24Z lat=60.07965",
		d+"2011-10-31T13:25:24Z humidity_rh=20.3", d+"2011-10-31T13:25:24Z lon=24.30622", d+"2011-10-31T13:25:24Z lat=60.07965",
		d+"2011-10-31T13:26:24Z humidity_rh=20.7", d+"2011-10-31T13:26:24Z lon=24.30623", d+"2011-10-31T13:26:24Z lat=60.07966",
		d+"2011-10-31T13:26:54Z pct_el=98",
		d+"2011-10-31T13:27:24Z humidity_rh=21.2", d+"2011-10-31T13:27:24Z lon=24.30628", d+"2011-10-31T13:27:24Z lat=60.07967",
	)
	checkInvariants(t, got)
}

// TestSenMLSkipsUnusableRecords: a record Seam cannot use is returned as skipped, with
// its field and rule, and the rest of the pack is read; base fields of a skipped record
// still count for the records after it.
func TestSenMLSkipsUnusableRecords(t *testing.T) {
	pack := `[{"bn":"P1:","bt":1741054522,"n":"humidity","u":"%RH","v":61},` +
		`{"bn":"P2:","n":"weight","u":"Cel","v":4},` + // unit does not fit the name
		`{"n":"temperature","vb":true},` + // a boolean temperature
		`{"n":"energy","s":10},` + // sum value
		`{"n":"temp","v":"4.2"},` + // v as a string
		`{"n":"temperature","u":"Cel","v":4.5}]`
	got, skipped, err := ParseSenML([]byte(pack), "", received)
	if err != nil {
		t.Fatalf("ParseSenML: %v", err)
	}
	wantReadings(t, got, FormatSenML, "P1 2025-03-04T02:15:22Z humidity_rh=61", "P2 2025-03-04T02:15:22Z temperature_c=4.5")
	var where []string
	for _, s := range skipped {
		where = append(where, s.Field+" "+s.Rule)
	}
	if want := []string{"[1].u unit", "[2] type", "[3].s unsupported", "[4].v type"}; !reflect.DeepEqual(where, want) {
		t.Fatalf("skipped %q, want %q", where, want)
	}
}
