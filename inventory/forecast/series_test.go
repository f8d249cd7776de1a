package forecast

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

func TestBuildSeries(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	a := Key{SKU: "TEA-OOL-250G", Location: "STORE-SH-01"}
	b := Key{SKU: "BEANS-1KG", Location: "STORE-SH-01"}
	at := func(day, hour int) time.Time { return time.Date(2025, 3, day, hour, 0, 0, 0, shanghai) }
	sales := []Sale{
		{Key: a, At: at(1, 9), Qty: ontology.Units(2)},
		{Key: a, At: at(1, 23), Qty: ontology.Units(1)},
		// 23:30 UTC on the 1st is 07:30 on the 2nd in Shanghai: the store's day 2.
		{Key: a, At: time.Date(2025, 3, 1, 23, 30, 0, 0, time.UTC), Qty: ontology.Units(5)},
		{Key: b, At: at(3, 12), Qty: ontology.Qty(1_500_000)}, // 1.5 kg, kept exact
		{Key: b, At: at(9, 12), Qty: ontology.Units(99)},      // after the range: ignored
	}
	stockouts := []Stockout{{Key: a, Day: at(3, 0)}, {Key: Key{SKU: "NEVER-SOLD"}, Day: at(3, 0)}}
	got, err := BuildSeries(sales, stockouts, at(1, 0), at(4, 0), shanghai)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Key != b || got[1].Key != a {
		t.Fatalf("series %v, want BEANS then TEA (sorted), and none for a stock-out without sales", got)
	}
	if want := []ontology.Qty{0, 0, 1_500_000, 0}; !equalQty(got[0].Sales, want) || got[0].Censored != nil {
		t.Errorf("beans sales %v censored %v, want %v and none censored", got[0].Sales, got[0].Censored, want)
	}
	if want := []ontology.Qty{ontology.Units(3), ontology.Units(5), 0, 0}; !equalQty(got[1].Sales, want) {
		t.Errorf("tea sales %v, want %v", got[1].Sales, want)
	}
	if c := got[1].Censored; len(c) != 4 || !c[2] || c[0] || c[1] || c[3] {
		t.Errorf("tea censored %v, want only day 3", c)
	}
	if _, err := BuildSeries([]Sale{{Key: a, At: at(2, 0), Qty: -1}}, nil, at(1, 0), at(4, 0), shanghai); !errors.Is(err, ErrSeries) {
		t.Errorf("a negative sale gave %v, want ErrSeries", err)
	}
	if _, err := BuildSeries(nil, nil, at(4, 0), at(1, 0), shanghai); !errors.Is(err, ErrSeries) {
		t.Errorf("an empty range gave %v, want ErrSeries", err)
	}
}

func TestDayIndexAcrossDaylightSaving(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	// 30 March 2025 has 23 hours in Berlin.
	a := time.Date(2025, 3, 29, 0, 0, 0, 0, berlin)
	b := time.Date(2025, 3, 31, 0, 0, 0, 0, berlin)
	if got := DayIndex(a, b); got != 2 {
		t.Errorf("DayIndex over the spring change = %d, want 2", got)
	}
}

func equalQty(a, b []ontology.Qty) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestValidate(t *testing.T) {
	ok := Series{Key: Key{SKU: "A"}, Sales: []ontology.Qty{1, 2, 3}}
	tests := []struct {
		name string
		s    Series
		h    int
		msg  string // "" when valid
	}{
		{"valid", ok, 2, ""},
		{"empty", Series{Key: Key{SKU: "A"}}, 1, "no days"},
		{"negative", Series{Sales: []ontology.Qty{1, -1}}, 1, "negative sales"},
		{"long mask", Series{Sales: []ontology.Qty{1}, Censored: []bool{false, true}}, 1, "censored flags"},
		{"short regressor: the rest is unknown", Series{Sales: []ontology.Qty{1, 2}, Regressors: []Regressor{{Name: "temp", Values: []float64{1, 2}}}}, 1, ""},
		{"NaN regressor: a day unknown", Series{Sales: []ontology.Qty{1}, Regressors: []Regressor{{Name: "temp", Values: []float64{1, math.NaN()}}}}, 1, ""},
		{"infinite regressor", Series{Sales: []ontology.Qty{1}, Regressors: []Regressor{{Name: "temp", Values: []float64{1, math.Inf(1)}}}}, 1, "infinite on day 1"},
	}
	for _, tt := range tests {
		err := tt.s.Validate(tt.h)
		switch {
		case tt.msg == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.msg != "" && (err == nil || !errors.Is(err, ErrSeries) || !strings.Contains(err.Error(), tt.msg)):
			t.Errorf("%s: error %v, want ErrSeries saying %q", tt.name, err, tt.msg)
		}
	}
}

func TestWeeklyRollUp(t *testing.T) {
	// Ten days from Wednesday 2025-03-05: Wed..Sun (5 days), then Mon..Fri (5 days).
	f := Forecast{Start: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC), Daily: []float64{1, 1, 1, 1, 1, 2, 2, 2, 2, 2.5}}
	got := f.Weekly()
	want := []Week{
		{Start: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), Days: 5, Demand: 5},
		{Start: time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC), Days: 5, Demand: 10.5},
	}
	if len(got) != len(want) {
		t.Fatalf("Weekly() = %+v, want %+v", got, want)
	}
	for i := range want {
		if !got[i].Start.Equal(want[i].Start) || got[i].Days != want[i].Days || !near(got[i].Demand, want[i].Demand, 1e-12) {
			t.Errorf("week %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	s := []Series{{Key: Key{SKU: "A", Location: "S1"}, Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Sales: []ontology.Qty{ontology.Units(3), 1_500_000}}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, s); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "id,date,y\nA@S1,2025-01-01,3\nA@S1,2025-01-02,1.5\n"; got != want {
		t.Errorf("WriteCSV = %q, want %q", got, want)
	}
	// Forecast files come back per model and id, in date order whatever the row order.
	in := "id,date,AutoETS,Croston\nA@S1,2025-01-04,2,1\nA@S1,2025-01-03,1.5,1\nB@S1,2025-01-03,0,0.25\n"
	got, err := ReadForecastCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if a := got["AutoETS"]["A@S1"]; len(a) != 2 || a[0] != 1.5 || a[1] != 2 {
		t.Errorf("AutoETS A@S1 = %v, want [1.5 2]", a)
	}
	if c := got["Croston"]["B@S1"]; len(c) != 1 || c[0] != 0.25 {
		t.Errorf("Croston B@S1 = %v, want [0.25]", c)
	}
}

func TestReadForecastCSVRefusesBadInput(t *testing.T) {
	tests := []struct{ name, in, msg string }{
		{"empty", "", "reading header"},
		{"wrong header", "a,b,c\n", "want id,date"},
		{"no model", "id,date\n", "want id,date"},
		{"bad date", "id,date,m\nA,03/01/2025,1\n", "line 2: date"},
		{"empty value", "id,date,m\nA,2025-01-01,\n", "line 2: m forecast"},
		{"NaN", "id,date,m\nA,2025-01-01,NaN\n", "not a finite number"},
		{"short row", "id,date,m\nA,2025-01-01\n", "line 2"},
		{"duplicate day", "id,date,m\nA,2025-01-01,1\nA,2025-01-01,2\n", "two rows"},
	}
	for _, tt := range tests {
		_, err := ReadForecastCSV(strings.NewReader(tt.in))
		if err == nil || !errors.Is(err, ErrForecastCSV) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %v, want ErrForecastCSV saying %q", tt.name, err, tt.msg)
		}
	}
}

func FuzzReadForecastCSV(f *testing.F) {
	f.Add("id,date,AutoETS\nA@S,2025-01-01,1.5\n")
	f.Add("id,date,a,b\nX,2025-02-28,0,1e3\nX,2025-02-27,2,-1\n")
	f.Add("id,date,m\n\"A,B\",2025-01-01,1\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ReadForecastCSV(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrForecastCSV) {
				t.Fatalf("error %v does not wrap ErrForecastCSV", err)
			}
			return
		}
		for m, byID := range got {
			for id, vs := range byID {
				for _, v := range vs {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Fatalf("%s %s: non-finite value %v accepted", m, id, v)
					}
				}
			}
		}
	})
}
