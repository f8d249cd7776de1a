package iot

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
)

const tb = FormatThingsBoard

// ParseThingsBoard reads a ThingsBoard device telemetry payload sent by deviceID, in any
// of the device API's forms:
//
//	{"temperature":4.2,"humidity":61,"weight":512.4}   time: received, ReceiveTime set
//	{"ts":1741054522123,"values":{...}}                ts: Unix milliseconds
//	[ either of the above, ... ]                       batch or offline buffer
//
// The gateway form ([ParseThingsBoardGateway]) sent on a device's topic is read as the
// gateway form when its shape is unmistakable: every key holds a non-empty array of
// {"ts":..,"values":{..}} entries. Each reading then has the device of its key, not
// deviceID. A key holding such entries beside plain values is an error (rule
// "gateway"): its entries are never stored as JSON text under a metric.
//
// Each key of a values object becomes one reading named by [MetricName]. The keys
// "pallet_sscc" and "sscc" are not readings: they name the pallet the entry's readings
// belong to and set Reading.PalletSSCC (its check digit is validated downstream).
//
// Values: numbers keep their JSON text (exponent forms written out exactly). For the
// canonical metrics a string holding a decimal number is accepted too. Other keys keep
// strings as sent, booleans as "true"/"false" and objects or arrays as compact JSON.
// null, an empty string, a non-numeric value for a canonical metric, two keys giving the
// same metric in one entry, and an entry without values are errors ([*FieldError]).
func ParseThingsBoard(payload []byte, deviceID string, received time.Time) ([]ontology.Reading, error) {
	deviceID = strings.TrimSpace(deviceID)
	if deviceID == "" {
		return nil, fieldErr(tb, "device", "required", "", "no device id given")
	}
	if err := checkReceived(tb, received); err != nil {
		return nil, err
	}
	root, err := decodeRoot(tb, payload)
	if err != nil {
		return nil, err
	}
	p := tbParser{received: received.UTC()}
	switch kind(root) {
	case '{':
		if gatewayShape(root) {
			return parseGateway(root, received)
		}
		err = p.entry("", root, deviceID)
	case '[':
		var elems []json.RawMessage
		if elems, err = elements(tb, "", root); err != nil {
			return nil, err
		}
		if len(elems) == 0 {
			return nil, fieldErr(tb, "payload", "required", "", "empty batch")
		}
		for i, e := range elems {
			if err = p.entry(index("", i), e, deviceID); err != nil {
				break
			}
		}
	default:
		return nil, fieldErr(tb, "payload", "type", "", "want an object or an array, got %s", kindName(root))
	}
	if err != nil {
		return nil, err
	}
	return p.out, nil
}

// ParseThingsBoardGateway reads a ThingsBoard gateway telemetry payload, an object keyed
// by device name whose values are arrays of entries in the device forms:
//
//	{"PALLET-SENSOR-0042":[{"ts":1741054522123,"values":{"weight":512.4}}]}
//
// Readings, values and errors are as for [ParseThingsBoard], each with the device of its key.
func ParseThingsBoardGateway(payload []byte, received time.Time) ([]ontology.Reading, error) {
	if err := checkReceived(tb, received); err != nil {
		return nil, err
	}
	root, err := decodeRoot(tb, payload)
	if err != nil {
		return nil, err
	}
	return parseGateway(root, received)
}

// gatewayShape reports whether root is unmistakably ThingsBoard's gateway form: an
// object whose every member is a non-empty array of telemetry entries (see gatewayEntry).
func gatewayShape(root json.RawMessage) bool {
	devices, err := members(tb, "", root)
	if err != nil || len(devices) == 0 {
		return false
	}
	for _, d := range devices {
		if !gatewayEntries(d.value) {
			return false
		}
	}
	return true
}

// gatewayEntries reports whether raw is a non-empty array of objects that each hold a
// "values" object and nothing but "ts" beside it: the entries of one gateway device.
func gatewayEntries(raw json.RawMessage) bool {
	if kind(raw) != '[' {
		return false
	}
	entries, err := elements(tb, "", raw)
	if err != nil || len(entries) == 0 {
		return false
	}
	for _, e := range entries {
		ms, err := members(tb, "", e)
		if err != nil {
			return false
		}
		values := false
		for _, m := range ms {
			switch m.key {
			case "values":
				values = kind(m.value) == '{'
			case "ts":
			default:
				return false
			}
		}
		if !values {
			return false
		}
	}
	return true
}

func parseGateway(root json.RawMessage, received time.Time) ([]ontology.Reading, error) {
	devices, err := members(tb, "", root)
	if err != nil {
		return nil, err
	}
	if len(devices) == 0 {
		return nil, fieldErr(tb, "payload", "required", "", "gateway payload names no device")
	}
	p := tbParser{received: received.UTC()}
	for _, d := range devices {
		dev := strings.TrimSpace(d.key)
		if dev == "" {
			return nil, fieldErr(tb, strconv.Quote(d.key), "required", "", "empty device name")
		}
		entries, err := elements(tb, d.key, d.value)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 {
			return nil, fieldErr(tb, d.key, "required", "", "device has no entries")
		}
		for i, e := range entries {
			if err := p.entry(index(d.key, i), e, dev); err != nil {
				return nil, err
			}
		}
	}
	return p.out, nil
}

type tbParser struct {
	received time.Time
	out      []ontology.Reading
}

// entry reads one telemetry entry: a values object, or {"ts":..,"values":{..}}.
func (p *tbParser) entry(path string, raw json.RawMessage, device string) error {
	ms, err := members(tb, path, raw)
	if err != nil {
		return err
	}
	var ts, values json.RawMessage
	for _, m := range ms {
		switch m.key {
		case "ts":
			ts = m.value
		case "values":
			values = m.value
		}
	}
	if ts == nil && values == nil {
		return p.values(path, ms, device, p.received, true)
	}
	for _, m := range ms {
		if m.key != "ts" && m.key != "values" {
			return fieldErr(tb, join(path, m.key), "unexpected", "", "key beside ts and values")
		}
	}
	if values == nil {
		return fieldErr(tb, join(path, "values"), "required", "", "ts without values")
	}
	at, recv := p.received, true
	if ts != nil {
		if at, err = tbTime(join(path, "ts"), ts); err != nil {
			return err
		}
		recv = false
	}
	vs, err := members(tb, join(path, "values"), values)
	if err != nil {
		return err
	}
	return p.values(join(path, "values"), vs, device, at, recv)
}

func (p *tbParser) values(path string, ms []member, device string, at time.Time, recv bool) error {
	sscc := ""
	for _, m := range ms {
		if s, err := sanitise(m.key); err != nil || (s != "pallet_sscc" && s != "sscc") {
			continue
		}
		v, err := ssccValue(join(path, m.key), m.value)
		if err != nil {
			return err
		}
		if sscc != "" && sscc != v {
			return fieldErr(tb, join(path, m.key), "duplicate", v, "a second, different pallet SSCC (first %q)", sscc)
		}
		sscc = v
	}
	from := map[string]string{} // metric -> the key that gave it
	start := len(p.out)
	for _, m := range ms {
		field := join(path, m.key)
		s, err := sanitise(m.key)
		if err != nil {
			return fieldErr(tb, field, "name", m.key, "%v", err)
		}
		if s == "pallet_sscc" || s == "sscc" {
			continue
		}
		metric := s
		if c, ok := CanonicalMetric(s); ok {
			metric = c
		}
		if k, dup := from[metric]; dup {
			return fieldErr(tb, field, "duplicate", "", "key %q already gave metric %s", k, metric)
		}
		from[metric] = m.key
		if gatewayEntries(m.value) {
			return fieldErr(tb, field, "gateway", "",
				"holds ThingsBoard gateway entries ({\"ts\":..,\"values\":{..}}) beside plain values; send the gateway form alone, one key per device")
		}
		v, err := tbValue(field, metric, m.value)
		if err != nil {
			return err
		}
		p.out = append(p.out, ontology.Reading{
			DeviceID: device, PalletSSCC: sscc, At: at, Metric: metric, Value: v,
			Format: string(tb), ReceiveTime: recv,
		})
	}
	if len(p.out) == start {
		return fieldErr(tb, path, "required", "", "no telemetry values")
	}
	return nil
}

// tbValue is the reading value of one telemetry key (see ParseThingsBoard).
func tbValue(field, metric string, raw json.RawMessage) (string, error) {
	_, canonical := CanonicalMetric(metric)
	v, err := scalar(tb, field, raw)
	if err != nil {
		return "", err
	}
	switch x := v.(type) {
	case json.Number:
		s, err := exactDecimal(x.String())
		if err != nil {
			return "", fieldErr(tb, field, "decimal", x.String(), "%v", err)
		}
		return s, nil
	case string:
		if canonical {
			s, err := exactDecimal(strings.TrimSpace(x))
			if err != nil {
				return "", fieldErr(tb, field, "decimal", x, "%s needs a decimal number: %v", metric, err)
			}
			return s, nil
		}
		if strings.TrimSpace(x) == "" {
			return "", fieldErr(tb, field, "required", "", "empty string value")
		}
		return x, nil
	case nil:
		return "", fieldErr(tb, field, "required", "", "value is null")
	}
	if canonical {
		return "", fieldErr(tb, field, "type", "", "%s needs a number, got %s", metric, kindName(raw))
	}
	if b, ok := v.(bool); ok {
		return strconv.FormatBool(b), nil
	}
	s, err := compact(raw)
	if err != nil {
		return "", fieldErr(tb, field, "syntax", "", "%v", err)
	}
	return s, nil
}

// tbTime reads ts, whole Unix milliseconds.
func tbTime(field string, raw json.RawMessage) (time.Time, error) {
	n, err := numberField(tb, field, raw)
	if err != nil {
		return time.Time{}, err
	}
	ms, err := strconv.ParseUint(n, 10, 64)
	if err != nil {
		return time.Time{}, fieldErr(tb, field, "range", n, "want whole, non-negative Unix milliseconds")
	}
	t, err := fromMillis(ms)
	if err != nil {
		return time.Time{}, fieldErr(tb, field, "range", n, "%v", err)
	}
	return t, nil
}

// ssccValue reads a pallet SSCC given as a string or as a JSON integer (18 digits exceed
// float64's 2^53, which is why payloads are decoded with UseNumber).
func ssccValue(field string, raw json.RawMessage) (string, error) {
	v, err := scalar(tb, field, raw)
	if err != nil {
		return "", err
	}
	var s string
	switch x := v.(type) {
	case string:
		s = strings.TrimSpace(x)
	case json.Number:
		s = x.String()
		if strings.Trim(s, "0123456789") != "" {
			return "", fieldErr(tb, field, "type", s, "an SSCC is a whole number of 18 digits")
		}
	default:
		return "", fieldErr(tb, field, "type", "", "want an SSCC string, got %s", kindName(raw))
	}
	if s == "" {
		return "", fieldErr(tb, field, "required", "", "empty SSCC")
	}
	return s, nil
}
