package signals

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/seamhub/seam/ontology"
)

// ParseTrend reads a search-trend export: optional "Key: value" lines and blank lines,
// then a header whose first column is the period (Day, Week, Month, Date, 日期, 周, 月)
// and whose other columns are series ("coffee: (Worldwide)"), then one row per period.
// Google Trends writes "<1" for an index below one; it is read as 0.5, the middle of
// what it can be. An empty cell is a day without a value, not a zero.
func ParseTrend(raw []byte) ([]ontology.Signal, error) {
	var sc Scope
	lines := bytes.SplitAfter(raw, []byte("\n"))
	start, lineNo := 0, 0
	for start < len(lines) {
		l := strings.TrimSpace(string(lines[start]))
		if l != "" && !sc.preamble(l) {
			break
		}
		start++
	}
	lineNo = start
	r := csv.NewReader(bytes.NewReader(bytes.Join(lines[start:], nil)))
	r.FieldsPerRecord = 0
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("no header row: want a period column (Day, Week, Month) and one column per series")
	}
	if err != nil {
		return nil, fmt.Errorf("line %d: %w", lineNo+1, err)
	}
	if len(header) < 2 {
		return nil, fmt.Errorf("line %d: header %q has no series column", lineNo+1, strings.Join(header, ","))
	}
	period, ok := periodOf(header[0])
	if !ok {
		return nil, fmt.Errorf("line %d: first column %q is not a period (Day, Week, Month, Date)", lineNo+1, header[0])
	}
	sigs := make([]ontology.Signal, len(header)-1)
	for j := range sigs {
		name := trendName(header[j+1])
		if sc.Name != "" {
			name = sc.Name
			if len(sigs) > 1 {
				name += ":" + trendName(header[j+1])
			}
		}
		if name == "" {
			return nil, fmt.Errorf("line %d: column %d has no name", lineNo+1, j+2)
		}
		sigs[j] = ontology.Signal{Name: name, Kind: ontology.SignalRegressor, SKU: sc.SKU, Location: sc.Location, Period: period}
	}
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err, lineNo)
		}
		line, _ := r.FieldPos(0)
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		read := parseDay
		if period == "month" {
			read = parseMonth
		}
		day, ok := read(row[0])
		if !ok {
			return nil, fmt.Errorf("line %d: %s %q is not a date (YYYY-MM-DD)", lineNo+line, header[0], row[0])
		}
		for j := range sigs {
			v := strings.TrimSpace(row[j+1])
			if v == "" || v == "-" {
				continue
			}
			if v == "<1" {
				v = "0.5"
			}
			d, err := decimal.NewFromString(strings.ReplaceAll(v, ",", ""))
			if err != nil {
				return nil, fmt.Errorf("line %d: %s on %s: %q is not a number", lineNo+line, header[j+1], day, row[j+1])
			}
			sigs[j].Points = append(sigs[j].Points, ontology.SignalPoint{Day: day, Value: d.String()})
		}
	}
	out := sigs[:0]
	for _, s := range sigs {
		if len(s.Points) == 0 {
			continue
		}
		if err := sortPoints(s.Name, s.Points); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, errors.New("no values in any series")
	}
	return out, nil
}

// periodOf reads the period a trend export's first column names.
func periodOf(h string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(h)) {
	case "day", "date", "日期", "时间", "日", "天":
		return "day", true
	case "week", "周", "星期":
		return "week", true
	case "month", "月", "月份":
		return "month", true
	}
	return "", false
}

// trendName names a trend column's series: "coffee: (Worldwide)" is "trend:coffee
// (Worldwide)", so two regions of one term stay apart.
func trendName(h string) string {
	h = strings.TrimSpace(h)
	if term, geo, ok := strings.Cut(h, ":"); ok {
		h = strings.TrimSpace(term) + " " + strings.TrimSpace(geo)
	}
	h = strings.TrimSpace(h)
	if h == "" {
		return ""
	}
	return "trend:" + h
}
