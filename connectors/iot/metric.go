package iot

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// Canonical metric names. Downstream (sensor alerts, the pallet view) only understands
// these three; other keys travel under their own names.
const (
	MetricWeight      = "weight_kg"
	MetricTemperature = "temperature_c"
	MetricHumidity    = "humidity_rh"
)

// maxKeyLen bounds a sanitised metric name; longer keys are more likely garbage than a
// metric and would bloat the graph's property index.
const maxKeyLen = 128

// CanonicalMetric maps a sanitised, lower-case key to its canonical metric. The key
// aliases partners use (free-form in ThingsBoard and Sparkplug, names in SenML):
//
//	key                                metric
//	weight, weight_kg                  weight_kg
//	temperature, temp, temperature_c   temperature_c
//	humidity, humidity_rh              humidity_rh
//
// Keys are compared after [MetricName]'s sanitising, so "Temperature" and "temp" both
// match. The aliases assume the canonical unit (kg, °C, %RH): a partner sending grams
// under "weight" must say so with a SenML unit or use a key of its own.
func CanonicalMetric(key string) (string, bool) {
	switch key {
	case "weight", MetricWeight:
		return MetricWeight, true
	case "temperature", "temp", MetricTemperature:
		return MetricTemperature, true
	case "humidity", MetricHumidity:
		return MetricHumidity, true
	}
	return "", false
}

// MetricName is the metric a source key is stored under: the canonical metric for a
// known alias, else the key sanitised (lower-case; every run of characters other than
// a-z, 0-9 becomes one "_"; "_" trimmed at both ends). It fails for a key that is empty
// after sanitising or longer than 128 characters.
func MetricName(key string) (string, error) {
	s, err := sanitise(key)
	if err != nil {
		return "", err
	}
	if m, ok := CanonicalMetric(s); ok {
		return m, nil
	}
	return s, nil
}

func sanitise(key string) (string, error) {
	if len(key) > 4*maxKeyLen {
		return "", fmt.Errorf("key is longer than %d characters", maxKeyLen)
	}
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(key) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(r)
			continue
		}
		sep = true
	}
	switch {
	case b.Len() == 0:
		return "", fmt.Errorf("key %q has no letters or digits", key)
	case b.Len() > maxKeyLen:
		return "", fmt.Errorf("key is longer than %d characters", maxKeyLen)
	}
	return b.String(), nil
}

// maxExponent bounds the decimal exponent accepted: a sensor value of 1e400 is garbage,
// and writing it out in full would cost memory for nothing.
const maxExponent = 400

// exactDecimal returns s as plain decimal text: unchanged when it already is one
// ("4.20" stays "4.20"), else an exponent form written out exactly ("5.124e2" becomes
// "512.4"). The grammar is JSON's number grammar, leading zeros allowed.
func exactDecimal(s string) (string, error) {
	exp, ok := decimalGrammar(s)
	if !ok {
		return "", fmt.Errorf("%q is not a decimal number", shorten(s))
	}
	if !exp {
		return s, nil
	}
	d, err := parseDecimal(s)
	if err != nil {
		return "", err
	}
	return plain(d), nil
}

// parseDecimal reads s (JSON number grammar) as an exact decimal.
func parseDecimal(s string) (decimal.Decimal, error) {
	if _, ok := decimalGrammar(s); !ok {
		return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number", shorten(s))
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number", shorten(s))
	}
	if e := d.Exponent(); e > maxExponent || e < -maxExponent {
		return decimal.Decimal{}, fmt.Errorf("%q is out of range", shorten(s))
	}
	return d, nil
}

// plain writes d without exponent and with exactly the digits it holds, so that
// 512400e-3 stays "512.400": the precision the device sent is kept.
func plain(d decimal.Decimal) string {
	places := int32(0)
	if e := d.Exponent(); e < 0 {
		places = -e
	}
	return d.StringFixed(places)
}

// gramsToKg moves the decimal point of a plain decimal three places to the left.
func gramsToKg(s string) (string, error) {
	d, err := parseDecimal(s)
	if err != nil {
		return "", err
	}
	return plain(d.Shift(-3)), nil
}

// decimalGrammar reports whether s is -?digits(.digits)?([eE][+-]?digits)? and whether
// it has an exponent part.
func decimalGrammar(s string) (exp, ok bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if !digits() {
		return false, false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false, false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		exp = true
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false, false
		}
	}
	return exp, i == len(s)
}

// Unix-millisecond timestamps are accepted from the epoch up to the end of year 9999,
// the range an RFC 3339 time (and so the store and the API) can hold.
const maxMillis = 253402300799999

func fromMillis(ms uint64) (time.Time, error) {
	if ms > maxMillis {
		return time.Time{}, fmt.Errorf("%d ms is after year 9999", ms)
	}
	return time.UnixMilli(int64(ms)).UTC(), nil
}

// FieldError says precisely why a payload cannot become readings: which field, which
// rule, which value. The MQTT adapter quarantines the payload with [FieldError.Problem].
type FieldError struct {
	Format Format
	// Field is the path of the offending field inside the payload, such as
	// "[1].values.weight" (JSON) or "metrics[2].alias" (Sparkplug); "payload" for the
	// whole payload and "topic" for the MQTT topic.
	Field string
	// Rule is a short word for the kind of problem: syntax, type, decimal, required,
	// range, duplicate, unit, unsupported, alias.
	Rule    string
	Value   string
	Message string
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s: %s", e.Format, e.Field, e.Message)
	}
	return fmt.Sprintf("%s: %s: %s (value %q)", e.Format, e.Field, e.Message, e.Value)
}

// Problem is the error in the form quarantine keeps.
func (e *FieldError) Problem() ontology.Problem {
	return ontology.Problem{Field: e.Field, Rule: e.Rule, Value: e.Value, Message: e.Message}
}

func fieldErr(f Format, field, rule, value, format string, args ...any) *FieldError {
	if field == "" {
		field = "payload"
	}
	return &FieldError{Format: f, Field: field, Rule: rule, Value: shorten(value), Message: fmt.Sprintf(format, args...)}
}

// shorten keeps error values readable: a 10 kB string in a quarantine list helps no one.
func shorten(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}

// join builds a field path: join("[0]", "values") is "[0].values".
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }
