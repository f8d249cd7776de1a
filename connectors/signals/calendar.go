package signals

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/seamhub/seam/ontology"
)

// maxCampaignDays bounds one campaign's length: a typo in a year ("2205-11-11") must
// not make a calendar of centuries.
const maxCampaignDays = 366

// campaign is one row of a calendar: a named campaign over days, for a scope.
type campaign struct {
	name, start, end, sku, location string
	at                              string // the row or element, for errors
}

// ParseCalendar reads a marketplace campaign calendar, as CSV (optional "Key: value"
// lines, then a header with date, or start and end, and campaign or name; sku and
// location columns are optional) or as JSON (a list of objects with the same keys, or
// an object with "campaigns" and optional "name", "sku", "location"). Each scope gets
// one series of campaign days, each day valued 1 and labelled with its campaigns.
func ParseCalendar(raw []byte) ([]ontology.Signal, error) {
	var sc Scope
	var rows []campaign
	var err error
	if b := bytes.TrimLeft(raw, " \t\r\n"); len(b) > 0 && (b[0] == '{' || b[0] == '[') {
		rows, err = calendarJSON(b, &sc)
	} else {
		rows, err = calendarCSV(raw, &sc)
	}
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, errors.New("no campaigns")
	}
	type scope struct{ sku, location string }
	byScope := map[scope]map[string][]string{}
	for _, c := range rows {
		if c.name == "" {
			return nil, fmt.Errorf("%s: the campaign has no name", c.at)
		}
		if c.end == "" {
			c.end = c.start
		}
		a, ok1 := parseDay(c.start)
		b, ok2 := parseDay(c.end)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%s: %q to %q is not a range of days (YYYY-MM-DD)", c.at, c.start, c.end)
		}
		from, _ := time.Parse(time.DateOnly, a)
		to, _ := time.Parse(time.DateOnly, b)
		n := int(to.Sub(from).Hours()/24) + 1
		if n <= 0 || n > maxCampaignDays {
			return nil, fmt.Errorf("%s: %s to %s is %d days; a campaign runs 1 to %d", c.at, a, b, n, maxCampaignDays)
		}
		k := scope{c.sku, c.location}
		if k.sku == "" && k.location == "" {
			k = scope{sc.SKU, sc.Location}
		}
		if byScope[k] == nil {
			byScope[k] = map[string][]string{}
		}
		for d := range n {
			day := from.AddDate(0, 0, d).Format(time.DateOnly)
			byScope[k][day] = append(byScope[k][day], c.name)
		}
	}
	name := "calendar:campaigns"
	if sc.Name != "" {
		name = "calendar:" + sc.Name
	}
	keys := make([]scope, 0, len(byScope))
	for k := range byScope {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].sku+"\x00"+keys[i].location < keys[j].sku+"\x00"+keys[j].location })
	out := make([]ontology.Signal, 0, len(keys))
	for _, k := range keys {
		s := ontology.Signal{Name: name, Kind: ontology.SignalCalendar, SKU: k.sku, Location: k.location, Period: "day"}
		for day, names := range byScope[k] {
			s.Points = append(s.Points, ontology.SignalPoint{Day: day, Value: "1", Label: strings.Join(names, "+")})
		}
		if err := sortPoints(name, s.Points); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func calendarCSV(raw []byte, sc *Scope) ([]campaign, error) {
	lines := bytes.SplitAfter(raw, []byte("\n"))
	start := 0
	for start < len(lines) {
		l := strings.TrimSpace(string(lines[start]))
		if l != "" && !sc.preamble(l) {
			break
		}
		start++
	}
	r := csv.NewReader(bytes.NewReader(bytes.Join(lines[start:], nil)))
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("no header row: want date (or start and end) and campaign")
	}
	if err != nil {
		return nil, fmt.Errorf("line %d: %w", start+1, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	pick := func(names ...string) int {
		for _, n := range names {
			if i, ok := col[n]; ok {
				return i
			}
		}
		return -1
	}
	iStart, iEnd := pick("start", "from", "date", "day", "开始", "日期"), pick("end", "to", "结束")
	iName, iSKU, iLoc := pick("campaign", "name", "event", "活动"), pick("sku", "product"), pick("location", "store")
	if iStart < 0 || iName < 0 {
		return nil, fmt.Errorf("line %d: header %q needs a date (or start) column and a campaign (or name) column", start+1, strings.Join(header, ","))
	}
	cell := func(row []string, i int) string {
		if i < 0 || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	var out []campaign
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, csvError(err, start)
		}
		line, _ := r.FieldPos(0)
		out = append(out, campaign{name: cell(row, iName), start: cell(row, iStart), end: cell(row, iEnd),
			sku: cell(row, iSKU), location: cell(row, iLoc), at: fmt.Sprintf("line %d", start+line)})
	}
}

func calendarJSON(raw []byte, sc *Scope) ([]campaign, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("reading the JSON: %w", err)
	}
	list, ok := v.([]any)
	if m, isObj := v.(map[string]any); isObj {
		*sc = Scope{Name: text(m["name"]), SKU: text(m["sku"]), Location: text(m["location"])}
		list, ok = m["campaigns"].([]any)
	}
	if !ok {
		return nil, errors.New(`want a list of campaigns, or an object with "campaigns"`)
	}
	out := make([]campaign, 0, len(list))
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("campaigns[%d] is not an object", i)
		}
		first := func(keys ...string) string {
			for _, k := range keys {
				if s := text(m[k]); s != "" {
					return s
				}
			}
			return ""
		}
		out = append(out, campaign{name: first("campaign", "name", "event"), start: first("start", "from", "date", "day"),
			end: first("end", "to"), sku: first("sku"), location: first("location", "store"), at: fmt.Sprintf("campaigns[%d]", i)})
	}
	return out, nil
}
