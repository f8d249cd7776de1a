package forecast

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"time"
)

// WriteCSV writes each series' sales in the long format forecasting libraries read:
// a header id,date,y, then one row per day, id being SKU@location. Stock-out days are
// written as they sold: the reader sees what a ledger without stock-out marks shows.
func WriteCSV(w io.Writer, series []Series) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "date", "y"}); err != nil {
		return fmt.Errorf("writing csv header: %w", err)
	}
	for i := range series {
		s := &series[i]
		id := s.Key.String()
		for t, q := range s.Sales {
			if err := cw.Write([]string{id, s.Day(t).Format(time.DateOnly), q.String()}); err != nil {
				return fmt.Errorf("writing csv row for %s: %w", id, err)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ErrForecastCSV is wrapped by every error reading a forecast CSV.
var ErrForecastCSV = errors.New("forecast csv")

// ReadForecastCSV reads forecasts written as a header id,date,<model>... and one row per
// series and day. It returns, per model column and series id, the forecasts in date
// order. An empty cell or one that is not a finite number is an error naming its line:
// a silently missing forecast would flatter whoever made it.
func ReadForecastCSV(r io.Reader) (map[string]map[string][]float64, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%w: reading header: %w", ErrForecastCSV, err)
	}
	if len(head) < 3 || head[0] != "id" || head[1] != "date" {
		return nil, fmt.Errorf("%w: header %q, want id,date,<model>...", ErrForecastCSV, head)
	}
	models := append([]string(nil), head[2:]...)
	type point struct {
		day time.Time
		v   []float64
	}
	byID := map[string][]point{}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrForecastCSV, line, err)
		}
		day, err := time.Parse(time.DateOnly, rec[1])
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: date %q is not YYYY-MM-DD", ErrForecastCSV, line, rec[1])
		}
		p := point{day: day, v: make([]float64, len(models))}
		for j := range models {
			v, err := strconv.ParseFloat(rec[2+j], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: line %d: %s forecast %q is not a finite number", ErrForecastCSV, line, models[j], rec[2+j])
			}
			p.v[j] = v
		}
		byID[rec[0]] = append(byID[rec[0]], p)
	}
	out := make(map[string]map[string][]float64, len(models))
	for _, m := range models {
		out[m] = make(map[string][]float64, len(byID))
	}
	for id, pts := range byID {
		sort.SliceStable(pts, func(a, b int) bool { return pts[a].day.Before(pts[b].day) })
		for i := 1; i < len(pts); i++ {
			if pts[i].day.Equal(pts[i-1].day) {
				return nil, fmt.Errorf("%w: %s has two rows for %s", ErrForecastCSV, id, pts[i].day.Format(time.DateOnly))
			}
		}
		for j, m := range models {
			vs := make([]float64, len(pts))
			for i, p := range pts {
				vs[i] = p.v[j]
			}
			out[m][id] = vs
		}
	}
	return out, nil
}
