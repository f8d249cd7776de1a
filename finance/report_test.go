package finance

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// memSource serves events from memory in the order and pages the store would.
type memSource []Event

func (m memSource) Events(_ context.Context, _ string, from, to time.Time, after Cursor, page int, fn func([]Event) error) error {
	evs := slices.Clone([]Event(m))
	slices.SortFunc(evs, func(a, b Event) int {
		if c := a.OccurredAt.Compare(b.OccurredAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	var batch []Event
	for _, ev := range evs {
		if ev.OccurredAt.Before(from) || !ev.OccurredAt.Before(to) {
			continue
		}
		if !after.At.IsZero() && (ev.OccurredAt.Before(after.At) || ev.OccurredAt.Equal(after.At) && ev.ID <= after.ID) {
			continue
		}
		batch = append(batch, ev)
		if len(batch) == page {
			if err := fn(batch); err != nil {
				if err == ErrStop {
					return nil
				}
				return err
			}
			batch = nil
		}
	}
	if len(batch) > 0 {
		if err := fn(batch); err != nil && err != ErrStop {
			return err
		}
	}
	return nil
}

func period() memSource {
	clean := sale(order(), tracking(), charge("ch_1", eur("48.00")), settlement("ch_1", eur("46.36"), eur("1.64")), invoice(eur("48.00")))
	clean.ID = "ev_a"
	short := sale(order(), tracking(), charge("ch_2", eur("45.00")))
	short.ID, short.OccurredAt = "ev_b", t0.Add(time.Hour)
	late := sale(order(), charge("ch_3", eur("48.00")))
	late.ID, late.OccurredAt = "ev_c", t0.Add(2*time.Hour)
	late.Docs[1].ReceivedAt = t0.AddDate(0, 0, 2)
	reading := Event{ID: "ev_r", Kind: ontology.KindObservation, OccurredAt: t0,
		Docs: []Doc{doc("iot", "reading", ontology.RoleReading, ontology.VerbObserved, "p@1", t0)}}
	return memSource{late, short, clean, reading}
}

func runReport(t *testing.T, src Source, q Query) (string, Summary) {
	t.Helper()
	var out bytes.Buffer
	w := NewWriter(&out, JSON)
	s, err := Run(context.Background(), src, q, DefaultConfig(), w.Write)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String(), s
}

func TestRunReport(t *testing.T) {
	q := Query{Tenant: "t", From: t0.Add(-time.Hour), To: t0.AddDate(0, 0, 1), AsOf: asOf}
	out, s := runReport(t, period(), q)
	// One object per event, in event order, with the contract's fields.
	var events []map[string]any
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var ids []string
	for _, e := range events {
		for _, k := range []string{"event", "status", "reasons", "documents"} {
			if _, ok := e[k]; !ok {
				t.Errorf("%v lacks %s", e["event"], k)
			}
		}
		ids = append(ids, e["event"].(string))
	}
	if strings.Join(ids, " ") != "ev_a ev_b ev_c" {
		t.Errorf("events %v", ids)
	}
	if s.Events != 3 || s.AutoReconciled != 1 || s.Rate != "0.3333" || s.PreviousRun != nil || s.Arrived != 0 {
		t.Errorf("summary %+v", s)
	}
	var codes []string
	for _, e := range s.Exceptions {
		codes = append(codes, string(e.Code)+"="+strconv.Itoa(e.Events))
	}
	if strings.Join(codes, " ") != "amount_mismatch=1 missing_shipment=1" {
		t.Errorf("exceptions %v", codes)
	}
	if got := s.ByStatus[0]; got.Status != Matched || got.Events != 1 || got.Amounts[0] != (CurrencyAmount{"EUR", "48.00"}) {
		t.Errorf("matched %+v", got)
	}
	if s.Fees[0] != (CurrencyAmount{"EUR", "1.64"}) {
		t.Errorf("fees %+v", s.Fees)
	}
	// Stable: the same period gives the same bytes.
	again, s2 := runReport(t, period(), q)
	if again != out || s2.Watermark != s.Watermark {
		t.Errorf("second run differs")
	}
	// The next run says what arrived since this one.
	q.Since = t0.AddDate(0, 0, 1)
	_, s3 := runReport(t, period(), q)
	if s3.PreviousRun == nil || s3.Arrived != 1 || s3.ArrivedDocuments[0].ExternalID != "ch_3" {
		t.Errorf("arrived %+v", s3)
	}
}

func TestPage(t *testing.T) {
	q := Query{Tenant: "t", From: t0.Add(-time.Hour), To: t0.AddDate(0, 0, 1), AsOf: asOf}
	ctx := context.Background()
	got, more, err := Page(ctx, period(), q, DefaultConfig(), Cursor{}, 2, nil)
	if err != nil || len(got) != 2 || !more || got[0].Event != "ev_a" {
		t.Fatalf("%v %v %v", got, more, err)
	}
	last := got[1]
	got, more, _ = Page(ctx, period(), q, DefaultConfig(), Cursor{At: last.OccurredAt, ID: last.Event}, 2, nil)
	if len(got) != 1 || more || got[0].Event != "ev_c" {
		t.Errorf("second page %v %v", got, more)
	}
	got, _, _ = Page(ctx, period(), q, DefaultConfig(), Cursor{}, 10, []Status{Partial, Unmatched})
	if len(got) != 2 || got[0].Event != "ev_b" {
		t.Errorf("exceptions only: %v", got)
	}
}

func TestCSV(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out, CSV)
	if _, err := Run(context.Background(), period(), Query{Tenant: "t", From: t0.Add(-time.Hour), To: t0.AddDate(0, 0, 1), AsOf: asOf},
		DefaultConfig(), w.Write); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("rows %q", rows)
	}
	if r := rows[2]; r[0] != "ev_b" || r[3] != "partial" || r[4] != "amount_mismatch" || r[6] != "48.00 EUR" || r[7] != "45.00 EUR" ||
		r[8] != "shopify/order/5820193801047; stripe/charge/ch_2" {
		t.Errorf("row %q", r)
	}
	var empty bytes.Buffer
	w = NewWriter(&empty, JSON)
	_ = w.Close()
	if empty.String() != "[]\n" {
		t.Errorf("empty json %q", empty.String())
	}
}

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"2025-03-01", "2025-03-31", "2025-03-01T00:00:00Z 2025-04-01T00:00:00Z"},
		{"2025-03-01T08:00:00+08:00", "2025-03-02T00:00:00Z", "2025-03-01T00:00:00Z 2025-03-02T00:00:00Z"},
		{"2025-03-01", "2025-03-01", "2025-03-01T00:00:00Z 2025-03-02T00:00:00Z"},
		{"2025-03-02", "2025-03-01", "error"},
		{"", "2025-03-01", "error"},
		{"March", "2025-03-01", "error"},
	} {
		f, to, err := ParsePeriod(c.from, c.to)
		got := f.Format(time.RFC3339) + " " + to.Format(time.RFC3339)
		if err != nil {
			got = "error"
		}
		if got != c.want {
			t.Errorf("%q..%q = %s (%v), want %s", c.from, c.to, got, err, c.want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025-03-01", "2025-03-01T08:00:00+08:00", "2025-13-45", "", "2025-03-01T00:00:00.123456789Z"} {
		f.Add(s, "2025-03-31")
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		a, b, err := ParsePeriod(from, to)
		if err == nil && !a.Before(b) {
			t.Errorf("%q..%q gave an empty period %s..%s", from, to, a, b)
		}
	})
}
