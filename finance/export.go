package finance

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Format is how results are written: json (one array, one object per event) or csv (one
// row per reason, one row for an event without any).
type Format string

// The export formats.
const (
	JSON Format = "json"
	CSV  Format = "csv"
)

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	switch Format(strings.ToLower(strings.TrimSpace(s))) {
	case JSON:
		return JSON, nil
	case CSV:
		return CSV, nil
	}
	return "", fmt.Errorf("format %q: want json or csv", s)
}

// Writer writes results one by one as they stream, never holding them: a JSON array
// opened on the first result and closed by Close, or CSV rows under one header.
type Writer struct {
	format Format
	w      io.Writer
	csv    *csv.Writer
	n      int
}

// NewWriter starts an export of results to w.
func NewWriter(w io.Writer, f Format) *Writer {
	x := &Writer{format: f, w: w}
	if f == CSV {
		x.csv = csv.NewWriter(w)
	}
	return x
}

// csvHeader names the columns of a CSV export.
var csvHeader = []string{"event", "kind", "occurredAt", "status", "code", "sku", "expected", "actual", "reasonDocuments",
	"amount", "currency", "documents", "note"}

// Write writes one result.
func (x *Writer) Write(r Result) error {
	defer func() { x.n++ }()
	if x.format == CSV {
		if x.n == 0 {
			if err := x.csv.Write(csvHeader); err != nil {
				return err
			}
		}
		for _, row := range csvRows(r) {
			if err := x.csv.Write(row); err != nil {
				return err
			}
		}
		x.csv.Flush()
		return x.csv.Error()
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encoding result of %s: %w", r.Event, err)
	}
	sep := ",\n"
	if x.n == 0 {
		sep = "[\n"
	}
	_, err = io.WriteString(x.w, sep+string(b))
	return err
}

// Close ends the export: the JSON array is closed (an empty period is "[]"); a CSV of
// no results still has its header.
func (x *Writer) Close() error {
	if x.format == CSV {
		if x.n == 0 {
			if err := x.csv.Write(csvHeader); err != nil {
				return err
			}
		}
		x.csv.Flush()
		return x.csv.Error()
	}
	end := "\n]\n"
	if x.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(x.w, end)
	return err
}

func csvRows(r Result) [][]string {
	amt, cur := "", ""
	if r.Amount != nil {
		amt, cur = amount(r.Amount.Amount, r.Amount.Currency), r.Amount.Currency
	}
	base := func(code, sku, expected, actual string, docs []DocRef, note string) []string {
		return []string{r.Event, r.Kind, r.OccurredAt.UTC().Format(time.RFC3339), string(r.Status), code, sku, expected, actual,
			refsText(docs), amt, cur, refsText(r.Documents), note}
	}
	if len(r.Reasons) == 0 {
		return [][]string{base("", "", "", "", nil, "")}
	}
	rows := make([][]string, 0, len(r.Reasons))
	for _, x := range r.Reasons {
		rows = append(rows, base(string(x.Code), x.SKU, x.Expected, x.Actual, x.Documents, x.Note))
	}
	return rows
}

// refsText writes documents as "system/type/externalId" joined by "; ".
func refsText(refs []DocRef) string {
	parts := make([]string, len(refs))
	for i, d := range refs {
		parts[i] = d.System + "/" + d.Type + "/" + d.ExternalID
	}
	return strings.Join(parts, "; ")
}

// WriteSummary writes a summary as indented JSON, or as CSV rows of
// section,status,currency,code,value.
func WriteSummary(w io.Writer, s Summary, f Format) error {
	if f == JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	c := csv.NewWriter(w)
	rows := [][]string{{"section", "status", "currency", "code", "value"},
		{"events", "", "", "", strconv.Itoa(s.Events)},
		{"autoReconciled", "", "", "", strconv.Itoa(s.AutoReconciled)},
		{"autoReconciledRate", "", "", "", s.Rate}}
	for _, st := range s.ByStatus {
		rows = append(rows, []string{"events", string(st.Status), "", "", strconv.Itoa(st.Events)})
		for _, a := range st.Amounts {
			rows = append(rows, []string{"amount", string(st.Status), a.Currency, "", a.Amount})
		}
		for _, a := range st.PaidOut {
			rows = append(rows, []string{"paidOut", string(st.Status), a.Currency, "", a.Amount})
		}
		for _, a := range st.Settlements {
			rows = append(rows, []string{"settlements", string(st.Status), a.Currency, "", a.Amount})
		}
	}
	for _, a := range s.Fees {
		rows = append(rows, []string{"fees", "", a.Currency, "", a.Amount})
	}
	for _, e := range s.Exceptions {
		rows = append(rows, []string{"exceptions", "", "", string(e.Code), strconv.Itoa(e.Events)})
	}
	rows = append(rows, []string{"arrived", "", "", "", strconv.Itoa(s.Arrived)})
	for _, d := range s.ArrivedDocuments {
		rows = append(rows, []string{"arrivedDocument", "", "", "", refsText([]DocRef{d})})
	}
	if err := c.WriteAll(rows); err != nil {
		return fmt.Errorf("writing summary: %w", err)
	}
	return nil
}

// ParsePeriod reads a period's bounds as people write them: a date ("2025-03-01", a
// whole day in UTC, so that --to 2025-03-31 includes the 31st) or an RFC 3339 time
// (exact; to excludes it). The period must not be empty.
func ParsePeriod(from, to string) (time.Time, time.Time, error) {
	f, _, err := parseBound(from)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("from: %w", err)
	}
	t, date, err := parseBound(to)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("to: %w", err)
	}
	if date {
		t = t.AddDate(0, 0, 1)
	}
	if !f.Before(t) {
		return time.Time{}, time.Time{}, fmt.Errorf("the period from %s to %s is empty", from, to)
	}
	return f, t, nil
}

func parseBound(s string) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, fmt.Errorf("no date given (want 2025-03-01 or 2025-03-01T00:00:00Z)")
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("%q is neither a date (2025-03-01) nor an RFC 3339 time", s)
	}
	return t.UTC(), false, nil
}
