package signals

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// ParseWeather reads Open-Meteo's JSON (the forecast and the historical weather APIs
// answer alike): its "daily" block, "time" a list of days and each other key a variable
// with one value per day, null where there is none. Each variable is a series named
// "weather:" and the variable ("weather:temperature_2m_max"). A list of such objects
// (several coordinates in one request) is read object by object. Hourly data is not
// read: forecasts are daily.
func ParseWeather(raw []byte) ([]ontology.Signal, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("reading the JSON: %w", err)
	}
	objs, ok := v.([]any)
	if !ok {
		objs = []any{v}
	}
	var out []ontology.Signal
	for i, o := range objs {
		m, ok := o.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("element %d is not an object", i)
		}
		sigs, err := weatherObject(m)
		if err != nil {
			if len(objs) > 1 {
				return nil, fmt.Errorf("element %d: %w", i, err)
			}
			return nil, err
		}
		out = append(out, sigs...)
	}
	if len(out) == 0 {
		return nil, errors.New("no daily values")
	}
	return out, nil
}

func weatherObject(m map[string]any) ([]ontology.Signal, error) {
	if e, _ := m["error"].(bool); e {
		return nil, fmt.Errorf("the weather service answered with an error: %v", m["reason"])
	}
	sc := Scope{Name: text(m["name"]), SKU: text(m["sku"]), Location: text(m["location"])}
	daily, ok := m["daily"].(map[string]any)
	if !ok {
		return nil, errors.New(`no "daily" object: ask Open-Meteo for daily variables (daily=temperature_2m_max,...)`)
	}
	times, ok := daily["time"].([]any)
	if !ok || len(times) == 0 {
		return nil, errors.New(`daily.time is not a list of days`)
	}
	days := make([]string, len(times))
	for i, t := range times {
		d, ok := parseDay(text(t))
		if !ok {
			return nil, fmt.Errorf("daily.time[%d]: %v is not a day (YYYY-MM-DD; ask with timeformat=iso8601)", i, t)
		}
		days[i] = d
	}
	vars := make([]string, 0, len(daily))
	for k := range daily {
		if k != "time" {
			vars = append(vars, k)
		}
	}
	sort.Strings(vars)
	var out []ontology.Signal
	for _, k := range vars {
		vals, ok := daily[k].([]any)
		if !ok {
			return nil, fmt.Errorf("daily.%s is not a list", k)
		}
		if len(vals) != len(days) {
			return nil, fmt.Errorf("daily.%s has %d values for %d days", k, len(vals), len(days))
		}
		name := "weather:" + k
		if sc.Name != "" {
			name = sc.Name + ":" + k
		}
		s := ontology.Signal{Name: name, Kind: ontology.SignalRegressor, SKU: sc.SKU, Location: sc.Location, Period: "day"}
		for i, x := range vals {
			if x == nil {
				continue
			}
			n, ok := x.(json.Number)
			if !ok {
				// Sunrise and sunset are times, not measurements a forecast can take.
				s.Points = nil
				break
			}
			d, err := decimal.NewFromString(n.String())
			if err != nil {
				return nil, fmt.Errorf("daily.%s[%d]: %s is not a number", k, i, n)
			}
			s.Points = append(s.Points, ontology.SignalPoint{Day: days[i], Value: d.String()})
		}
		if len(s.Points) == 0 {
			continue
		}
		if err := sortPoints(name, s.Points); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// text is a JSON value as text: a string or a number, else "".
func text(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	}
	return ""
}
