package signals

import (
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// googleTrends is the shape of a Google Trends "Interest over time" CSV export, with a
// store named above the header.
const googleTrends = "Category: All categories\nLocation: STORE-1\n\nDay,iced coffee: (Worldwide),hot chocolate: (Worldwide)\n" +
	"2025-06-01,41,12\n2025-06-02,<1,13\n2025-06-03,,9\n2025-06-04,57,11\n"

// openMeteo is the shape of an Open-Meteo /v1/forecast answer with daily variables.
const openMeteo = `{"latitude":52.52,"longitude":13.419998,"generationtime_ms":0.05,"utc_offset_seconds":7200,
"timezone":"Europe/Berlin","timezone_abbreviation":"GMT+2","elevation":38.0,"sku":"ICE-TEA",
"daily_units":{"time":"iso8601","temperature_2m_max":"°C","precipitation_sum":"mm","sunrise":"iso8601"},
"daily":{"time":["2025-06-03","2025-06-01","2025-06-02"],"temperature_2m_max":[24.1,21.30,null],
"precipitation_sum":[0.00,1.2,3.4],"sunrise":["2025-06-03T04:45","2025-06-01T04:46","2025-06-02T04:45"]}}`

const tmallCalendar = "Name: tmall\nstart,end,campaign,location\n2025-05-31,2025-06-02,618,\n2025-06-02,2025-06-02,Flash,\n2025-11-11,,Double 11,STORE-2\n"

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name, typ, raw string
		want           []string // per series: name|kind|sku|location|period|day=value[label] ...
	}{
		{"google trends", ontology.TypeTrend, googleTrends, []string{
			"trend:iced coffee (Worldwide)|regressor||STORE-1|day|2025-06-01=41 2025-06-02=0.5 2025-06-04=57",
			"trend:hot chocolate (Worldwide)|regressor||STORE-1|day|2025-06-01=12 2025-06-02=13 2025-06-03=9 2025-06-04=11"}},
		{"weekly baidu-style index", ontology.TypeTrend, "\ufeff周,奶茶\n2025/06/01,1200\n2025/06/08,\"1,350\"\n", []string{
			"trend:奶茶|regressor|||week|2025-06-01=1200 2025-06-08=1350"}},
		{"named single series, monthly", ontology.TypeTrend, "Name: footfall\nSKU: COAT\nMonth,x\n2025-01,3\n2025-02,4.5\n", []string{
			"footfall|regressor|COAT||month|2025-01-01=3 2025-02-01=4.5"}},
		{"open-meteo daily", ontology.TypeWeather, openMeteo, []string{
			"weather:precipitation_sum|regressor|ICE-TEA||day|2025-06-01=1.2 2025-06-02=3.4 2025-06-03=0",
			"weather:temperature_2m_max|regressor|ICE-TEA||day|2025-06-01=21.3 2025-06-03=24.1"}},
		{"calendar csv", ontology.TypeCalendar, tmallCalendar, []string{
			"calendar:tmall|calendar|||day|2025-05-31=1[618] 2025-06-01=1[618] 2025-06-02=1[618+Flash]",
			"calendar:tmall|calendar||STORE-2|day|2025-11-11=1[Double 11]"}},
		{"calendar json", ontology.TypeCalendar, `{"name":"jd","sku":"TV","campaigns":[{"name":"618","start":"2025-06-17","end":"2025-06-18"}]}`, []string{
			"calendar:jd|calendar|TV||day|2025-06-17=1[618] 2025-06-18=1[618]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sigs, err := Parse(tt.typ, []byte(tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sigs {
				got = append(got, describe(s))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func describe(s ontology.Signal) string {
	var ps []string
	for _, p := range s.Points {
		x := p.Day + "=" + p.Value
		if p.Label != "" {
			x += "[" + p.Label + "]"
		}
		ps = append(ps, x)
	}
	return strings.Join([]string{s.Name, string(s.Kind), s.SKU, s.Location, s.Period, strings.Join(ps, " ")}, "|")
}

func TestParseRefusesWithTheRowAtFault(t *testing.T) {
	tests := []struct{ name, typ, raw, want string }{
		{"bad value", ontology.TypeTrend, "Day,x\n2025-06-01,4\n2025-06-02,many\n", `line 3: x on 2025-06-02: "many" is not a number`},
		{"bad date", ontology.TypeTrend, "Day,x\n01.06.2025,4\n", `line 2: Day "01.06.2025" is not a date`},
		{"day twice", ontology.TypeTrend, "Day,x\n2025-06-01,4\n2025-06-01,5\n", `gives 2025-06-01 twice`},
		{"not a period", ontology.TypeTrend, "Region,x\nNL,4\n", `first column "Region" is not a period`},
		{"no header", ontology.TypeTrend, "Category: All categories\n", "no header row"},
		{"ragged row", ontology.TypeTrend, "Day,x\n2025-06-01,4,5\n", "line 2"},
		{"no values", ontology.TypeTrend, "Day,x\n2025-06-01,\n", "no values in any series"},
		{"weather without daily", ontology.TypeWeather, `{"hourly":{"time":[]}}`, `no "daily" object`},
		{"weather error", ontology.TypeWeather, `{"error":true,"reason":"Cannot initialize WeatherVariable from invalid String value tempeture_2m for key daily"}`, "Cannot initialize"},
		{"weather lengths", ontology.TypeWeather, `{"daily":{"time":["2025-06-01"],"t":[1,2]}}`, "daily.t has 2 values for 1 days"},
		{"weather bad day", ontology.TypeWeather, `{"daily":{"time":[1748736000],"t":[1]}}`, "daily.time[0]"},
		{"calendar range", ontology.TypeCalendar, "start,end,campaign\n2025-11-11,2035-11-11,Double 11\n", "line 2: 2025-11-11 to 2035-11-11"},
		{"placeholder day", ontology.TypeCalendar, "start,end,campaign\n0001-01-01,,Double 11\n", `line 2: "0001-01-01" to "0001-01-01" is not a range of days`},
		{"calendar backwards", ontology.TypeCalendar, "start,end,campaign\n2025-11-11,2025-11-01,Double 11\n", "a campaign runs 1 to 366"},
		{"calendar no name", ontology.TypeCalendar, `[{"start":"2025-06-18"}]`, "campaigns[0]: the campaign has no name"},
		{"calendar columns", ontology.TypeCalendar, "when,what\n2025-06-18,618\n", "needs a date (or start) column"},
		{"unknown type", "rainfall", "x", `unknown signal type "rainfall"`},
		{"not utf-8", ontology.TypeTrend, "Day,x\n2025-06-01,\xff\n", "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.typ, []byte(tt.raw))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestMapMakesValidDocumentsAndQuarantinesBadFiles(t *testing.T) {
	v := ontology.NewValidator()
	p := connectors.Payload{Tenant: "acme", System: System, Type: ontology.TypeTrend, Raw: []byte(googleTrends)}
	ms, err := Map(p)
	if err != nil || len(ms) != 2 {
		t.Fatalf("mapped %d, %v", len(ms), err)
	}
	d := ms[0].Doc
	if err := v.Document(d); err != nil {
		t.Fatal(err)
	}
	if d.Key.ExternalID != "trend:iced coffee (Worldwide)||STORE-1|2025-06-01..2025-06-04" || d.Role != ontology.RoleSignal ||
		d.Verb != ontology.VerbObserved || !d.OccurredAt.Equal(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)) || string(ms[0].Raw) != googleTrends {
		t.Errorf("document %+v", d)
	}
	again, _ := Map(p)
	if again[0].Doc.Key != d.Key {
		t.Error("the same export made another key")
	}
	p.Raw = []byte("Day,x\n2025-06-01,lots\n")
	_, err = Map(p)
	probs := ontology.ProblemsOf(err)
	if len(probs) != 1 || probs[0].Field != "payload" || !strings.Contains(probs[0].Message, "line 2") {
		t.Errorf("problems %+v", probs)
	}
}

func TestValidatorRefusesABrokenSeries(t *testing.T) {
	v := ontology.NewValidator()
	d := Document("acme", ontology.TypeTrend, ontology.Signal{Name: "x", Kind: ontology.SignalRegressor, Period: "day",
		Points: []ontology.SignalPoint{{Day: "2025-06-01", Value: "1e"}, {Day: "2025-06-01", Value: "2"}, {Day: "2025-13-01", Value: "2"}}})
	err := v.Document(d)
	var rules []string
	for _, p := range ontology.ProblemsOf(err) {
		rules = append(rules, p.Field+":"+p.Rule)
	}
	want := "signal.points[2].day:datetime signal.points[0].value:decimal signal.points[1].day:unique"
	if strings.Join(rules, " ") != want {
		t.Errorf("problems %v, want %s", rules, want)
	}
	d.Signal = nil
	if err := v.Document(d); err == nil || !strings.Contains(err.Error(), "needs a series") {
		t.Errorf("a signal document without a series: %v", err)
	}
}
