package iot

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

const sm = FormatSenML

// relativeLimit is 2^28 seconds: RFC 8428 §4.5.3 reads a resolved time below it as
// relative to "now" (here: the receive time) and at or above it as Unix time.
func relativeLimit() decimal.Decimal { return decimal.New(1<<28, 0) }

// ParseSenML reads a SenML JSON pack (RFC 8428): an array of records with base fields
// (bn, bt, bu, bv) that apply to their record and every later one until replaced.
//
// Device and metric: a non-empty deviceID names the device of every record and n names
// the metric. Otherwise the device is bn minus its trailing separators (":", "/", "."),
// so "urn:dev:mac:0024befffe804ff1:" gives "urn:dev:mac:0024befffe804ff1", and n names
// the metric. With neither, the record's n is the device (RFC 8428's own examples) and
// the unit names the metric. The unit (u, else bu) decides the canonical metric: "kg"
// and "g" give weight_kg (grams moved three decimal places), "Cel" temperature_c, "%RH"
// humidity_rh. A name that is a canonical alias (see [CanonicalMetric]) with another
// unit is an error; any other name with another unit keeps its own name and drops
// the unit. A record without n (its name is bn alone, as RFC 8428 allows) and with
// another unit is named by its unit, sanitised as [MetricName] does with "%" read as
// "pct": RFC 8428 example 5.1.4's "lon", "lat" and "%EL" give lon, lat and pct_el.
//
// Values: v (plus bv) is exact decimal text; vs, vb and vd are kept as text for
// non-canonical metrics, and vs holding a decimal number is accepted for canonical ones.
// Time: bt + t seconds; a t of 2^28 or more is absolute on its own; a resolved time
// below 2^28 is relative to received (ReceiveTime set), as the RFC says.
//
// A record Seam cannot use does not sink its pack: it is returned in skipped, one
// [*FieldError] each (no or several values in a record, sum values (s), a value that is
// not the type or decimal its metric needs, a unit that does not fit its name, a record
// naming no device or metric, a time out of range), and the pack's other records are
// read. The caller keeps skipped visible (the MQTT adapter quarantines them beside the
// stored readings). The pack as a whole fails (error, no readings) when it is not a JSON
// array of objects, when a base field (bn, bt, bu, bv, bver) is malformed (every later
// record would be read wrong), for a must-understand field (a name ending in "_"; RFC
// 8428 §4.4 requires an error), bver above 10, a pack with no values at all, and a pack
// whose every value record is unusable (the first record's error).
func ParseSenML(payload []byte, deviceID string, received time.Time) (readings []ontology.Reading, skipped []*FieldError, err error) {
	if err := checkReceived(sm, received); err != nil {
		return nil, nil, err
	}
	root, err := decodeRoot(sm, payload)
	if err != nil {
		return nil, nil, err
	}
	recs, err := elements(sm, "", root)
	if err != nil {
		return nil, nil, err
	}
	deviceID = strings.TrimSpace(deviceID)
	var base record
	var out []ontology.Reading
	for i, raw := range recs {
		path := index("", i)
		rec, bad, err := readRecord(path, raw)
		if err != nil {
			return nil, nil, err
		}
		base.inherit(rec)
		if bad != nil {
			skipped = append(skipped, bad)
			continue
		}
		r, ok, err := senmlReading(path, rec, base, deviceID, received.UTC())
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				return nil, nil, err
			}
			skipped = append(skipped, fe)
			continue
		}
		if ok {
			out = append(out, r)
		}
	}
	switch {
	case len(out) == 0 && len(skipped) > 0:
		return nil, nil, skipped[0]
	case len(out) == 0:
		return nil, nil, fieldErr(sm, "payload", "required", "", "pack has no record with a value")
	}
	return out, skipped, nil
}

// record is one SenML record; has* say which optional fields were present.
type record struct {
	bn, bu, n, u, vs, vd, v           string
	bt, bv, t                         decimal.Decimal
	hasBN, hasBU, hasBT, hasBV, hasT  bool
	hasV, hasVS, hasVB, hasVD, hasSum bool
	vb                                bool
}

// inherit takes r's base fields as the new base.
func (b *record) inherit(r record) {
	if r.hasBN {
		b.bn, b.hasBN = r.bn, true
	}
	if r.hasBU {
		b.bu, b.hasBU = r.bu, true
	}
	if r.hasBT {
		b.bt, b.hasBT = r.bt, true
	}
	if r.hasBV {
		b.bv, b.hasBV = r.bv, true
	}
}

// readRecord reads one record. err is for what sinks the pack: a record that is not a
// JSON object, a malformed base field, a must-understand field, a version above 10.
// bad is for a record that cannot be used while its base fields still count.
func readRecord(path string, raw json.RawMessage) (r record, bad *FieldError, err error) {
	ms, err := members(sm, path, raw)
	if err != nil {
		return r, nil, err
	}
	for _, m := range ms {
		f := join(path, m.key)
		var err error
		base := false
		switch m.key {
		case "bn":
			r.bn, err = stringField(sm, f, m.value)
			r.hasBN, base = true, true
		case "bu":
			r.bu, err = stringField(sm, f, m.value)
			r.hasBU, base = true, true
		case "n":
			r.n, err = stringField(sm, f, m.value)
		case "u":
			r.u, err = stringField(sm, f, m.value)
		case "vs":
			r.vs, err = stringField(sm, f, m.value)
			r.hasVS = true
		case "vd":
			r.vd, err = stringField(sm, f, m.value)
			r.hasVD = true
		case "vb":
			r.vb, err = boolField(sm, f, m.value)
			r.hasVB = true
		case "v":
			r.v, err = numberField(sm, f, m.value)
			r.hasV = true
		case "bt":
			r.bt, err = senmlNumber(f, m.value)
			r.hasBT, base = true, true
		case "bv":
			r.bv, err = senmlNumber(f, m.value)
			r.hasBV, base = true, true
		case "t":
			r.t, err = senmlNumber(f, m.value)
			r.hasT = true
		case "s":
			r.hasSum = true
		case "bver":
			err, base = checkVersion(f, m.value), true
		case "bs", "ut":
			_, err = senmlNumber(f, m.value)
		default:
			if strings.HasSuffix(m.key, "_") {
				return r, nil, fieldErr(sm, f, "unsupported", "", "must-understand field not supported")
			}
		}
		switch {
		case err == nil:
		case base:
			return r, nil, err
		case bad == nil:
			if !errors.As(err, &bad) {
				return r, nil, err
			}
		}
	}
	return r, bad, nil
}

func senmlNumber(field string, raw json.RawMessage) (decimal.Decimal, error) {
	n, err := numberField(sm, field, raw)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d, err := parseDecimal(n)
	if err != nil {
		return decimal.Decimal{}, fieldErr(sm, field, "decimal", n, "%v", err)
	}
	return d, nil
}

// checkVersion refuses packs newer than the RFC's version 10, as §4.4 requires.
func checkVersion(field string, raw json.RawMessage) error {
	n, err := numberField(sm, field, raw)
	if err != nil {
		return err
	}
	if v, err := strconv.ParseUint(n, 10, 8); err != nil || v > 10 {
		return fieldErr(sm, field, "unsupported", n, "SenML version above 10 not supported")
	}
	return nil
}

// senmlReading resolves one record against the base; ok is false for a base-only record.
func senmlReading(path string, r, base record, deviceID string, received time.Time) (ontology.Reading, bool, error) {
	var none ontology.Reading
	values := 0
	for _, has := range []bool{r.hasV, r.hasVS, r.hasVB, r.hasVD, r.hasSum} {
		if has {
			values++
		}
	}
	switch {
	case values == 0 && (r.n != "" || r.u != "" || r.hasT):
		return none, false, fieldErr(sm, path, "required", "", "record has no value (v, vs, vb or vd)")
	case values == 0 && !(r.hasBN || r.hasBU || r.hasBT || r.hasBV):
		return none, false, fieldErr(sm, path, "required", "", "record has neither a value nor a base field")
	case values == 0:
		return none, false, nil
	case r.hasSum:
		return none, false, fieldErr(sm, join(path, "s"), "unsupported", "", "sum values are not supported")
	case values > 1:
		return none, false, fieldErr(sm, path, "duplicate", "", "record has more than one of v, vs, vb, vd")
	}

	device, key := strings.TrimRight(base.bn, ":/."), r.n
	switch {
	case deviceID != "":
		device = deviceID
	case base.bn == "":
		// The name is the device; a metric word there means the device is missing.
		if s, err := sanitise(r.n); err == nil {
			if _, ok := CanonicalMetric(s); ok {
				return none, false, fieldErr(sm, join(path, "bn"), "required", r.n, "record names no device")
			}
		}
		device, key = strings.TrimSpace(r.n), ""
	}
	if device == "" {
		return none, false, fieldErr(sm, join(path, "bn"), "required", base.bn, "record names no device")
	}
	unit := base.bu
	if r.u != "" {
		unit = r.u
	}
	metric, grams, err := senmlMetric(path, key, unit)
	if err != nil {
		return none, false, err
	}
	value, err := senmlValue(path, r, base, metric, grams)
	if err != nil {
		return none, false, err
	}
	at, recv, err := senmlTime(path, r, base, received)
	if err != nil {
		return none, false, err
	}
	return ontology.Reading{
		DeviceID: device, At: at, Metric: metric, Value: value, Format: string(sm), ReceiveTime: recv,
	}, true, nil
}

// unitMetric is the canonical metric a SenML unit measures; grams says the value is in
// grams and must be moved to kilograms.
func unitMetric(unit string) (metric string, grams bool) {
	switch unit {
	case "kg":
		return MetricWeight, false
	case "g":
		return MetricWeight, true
	case "Cel":
		return MetricTemperature, false
	case "%RH":
		return MetricHumidity, false
	}
	return "", false
}

func senmlMetric(path, key, unit string) (string, bool, error) {
	um, grams := unitMetric(unit)
	if key == "" {
		if um != "" {
			return um, grams, nil
		}
		if unit == "" {
			return "", false, fieldErr(sm, join(path, "n"), "required", "",
				"record names no metric: no n and no unit")
		}
		s, err := sanitise(strings.ReplaceAll(unit, "%", " pct "))
		if err != nil {
			return "", false, fieldErr(sm, join(path, "u"), "name", unit, "unit cannot name the metric: %v", err)
		}
		return s, false, nil
	}
	s, err := sanitise(key)
	if err != nil {
		return "", false, fieldErr(sm, join(path, "n"), "name", key, "%v", err)
	}
	if c, ok := CanonicalMetric(s); ok {
		switch unit {
		case "":
			return c, false, nil
		case "kg", "g", "Cel", "%RH":
			if um == c {
				return c, grams, nil
			}
		}
		return "", false, fieldErr(sm, join(path, "u"), "unit", unit, "unit does not fit %s", c)
	}
	if um != "" {
		return um, grams, nil
	}
	return s, false, nil
}

func senmlValue(path string, r, base record, metric string, grams bool) (string, error) {
	_, canonical := CanonicalMetric(metric)
	var text, field string
	switch {
	case r.hasV:
		field, text = join(path, "v"), r.v
		if base.hasBV {
			d, err := parseDecimal(r.v)
			if err != nil {
				return "", fieldErr(sm, field, "decimal", r.v, "%v", err)
			}
			text = plain(base.bv.Add(d))
		}
	case r.hasVS && canonical:
		field, text = join(path, "vs"), strings.TrimSpace(r.vs)
	case canonical:
		return "", fieldErr(sm, path, "type", "", "%s needs a number (v)", metric)
	case r.hasVS:
		if strings.TrimSpace(r.vs) == "" {
			return "", fieldErr(sm, join(path, "vs"), "required", "", "empty string value")
		}
		return r.vs, nil
	case r.hasVB:
		return strconv.FormatBool(r.vb), nil
	default:
		if r.vd == "" {
			return "", fieldErr(sm, join(path, "vd"), "required", "", "empty data value")
		}
		return r.vd, nil
	}
	v, err := exactDecimal(text)
	if err == nil && grams {
		v, err = gramsToKg(v)
	}
	if err != nil {
		return "", fieldErr(sm, field, "decimal", text, "%v", err)
	}
	return v, nil
}

func senmlTime(path string, r, base record, received time.Time) (time.Time, bool, error) {
	t := base.bt
	if r.hasT {
		if r.t.GreaterThanOrEqual(relativeLimit()) {
			t = r.t
		} else {
			t = t.Add(r.t)
		}
	}
	if t.GreaterThanOrEqual(relativeLimit()) {
		sec := t.Floor()
		if sec.GreaterThan(decimal.New(maxMillis/1000, 0)) {
			return time.Time{}, false, fieldErr(sm, join(path, "t"), "range", t.String(), "time is after year 9999")
		}
		ns := t.Sub(sec).Shift(9).Round(0)
		return time.Unix(sec.IntPart(), ns.IntPart()).UTC(), false, nil
	}
	if t.LessThanOrEqual(relativeLimit().Neg()) {
		return time.Time{}, false, fieldErr(sm, join(path, "t"), "range", t.String(),
			"relative time more than 2^28 s in the past")
	}
	return received.Add(time.Duration(t.Shift(9).Round(0).IntPart())), true, nil
}
