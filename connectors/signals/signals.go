// Package signals reads external signals, the dated values a forecast may move with,
// from the files their providers export: a search-trend index (Google Trends' CSV,
// a Baidu index export in the same shape), daily weather (Open-Meteo's JSON) and a
// marketplace campaign calendar (CSV or JSON). Each series becomes one document of the
// source system "signals" (role signal, verb observed), stored like any other, whose
// [ontology.Signal] names the series, its scope (a canonical SKU, location, both or
// neither) and its points.
//
// Providers' files do not name the SKU or store they are meant for, so a file may say
// it itself, which keeps the stored bytes a complete record of what was meant: a CSV
// may start with lines such as "Location: STORE-1" or "SKU: COAT" (Google Trends'
// exports already start with "Category: All categories", read the same way), and a JSON
// object may hold "location", "sku" and "name" keys beside the provider's own.
//
// A file that cannot be read (a malformed date or value, no series) is refused with the
// row and column at fault, and the intake quarantines it whole: a series is never
// stored with a row missing.
package signals

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/ontology"
)

// System is the source system of every signal document.
const System = "signals"

// Types are the document types read, each a format.
var Types = []string{ontology.TypeTrend, ontology.TypeWeather, ontology.TypeCalendar}

// Scope is what a file says about whom its series are for, and what to call them.
type Scope struct {
	Name, SKU, Location string
}

// Parse reads the series of a payload of one type. An error names the row, column or
// field at fault.
func Parse(typ string, raw []byte) ([]ontology.Signal, error) {
	raw = []byte(strings.TrimPrefix(string(raw), "\ufeff"))
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("the file is not UTF-8 text")
	}
	switch typ {
	case ontology.TypeTrend:
		return ParseTrend(raw)
	case ontology.TypeWeather:
		return ParseWeather(raw)
	case ontology.TypeCalendar:
		return ParseCalendar(raw)
	}
	return nil, fmt.Errorf("unknown signal type %q (known: %s)", typ, strings.Join(Types, ", "))
}

// Map implements the intake's Mapper for the signals source: one document per series.
func Map(p connectors.Payload) ([]connectors.Mapped, error) {
	sigs, err := Parse(p.Type, p.Raw)
	if err != nil {
		return nil, &ontology.InvalidError{Problems: []ontology.Problem{{Field: "payload", Rule: p.Type, Message: err.Error()}}}
	}
	out := make([]connectors.Mapped, 0, len(sigs))
	for _, s := range sigs {
		doc := Document(p.Tenant, p.Type, s)
		out = append(out, connectors.Mapped{Doc: doc, Raw: p.Raw, ExternalID: doc.Key.ExternalID})
	}
	return out, nil
}

// Document wraps a series into its canonical document. The external id is the series'
// name, scope and days, so the same export ingested again is the same document, and a
// later export over other days is a document of its own.
func Document(tenant, typ string, s ontology.Signal) *ontology.Document {
	first, last := s.Points[0].Day, s.Points[len(s.Points)-1].Day
	id := fmt.Sprintf("%s|%s|%s|%s..%s", s.Name, s.SKU, s.Location, first, last)
	if len(id) > 200 {
		sum := sha256.Sum256([]byte(id))
		id = id[:150] + "#" + hex.EncodeToString(sum[:8])
	}
	at, _ := time.Parse(time.DateOnly, first)
	sig := s
	return &ontology.Document{Key: ontology.DocKey{Tenant: tenant, System: System, Type: typ, ExternalID: id},
		Role: ontology.RoleSignal, Verb: ontology.VerbObserved, Status: string(s.Kind), OccurredAt: at, Signal: &sig}
}

// preamble reads a "Key: value" line before a CSV header into the scope; ok is false
// for a line that is not one. Keys other than name, sku and location (Google Trends'
// "Category") are allowed and ignored.
func (sc *Scope) preamble(line string) bool {
	k, v, ok := strings.Cut(line, ":")
	if !ok || strings.Contains(k, ",") {
		return false
	}
	v = strings.TrimSpace(v)
	switch strings.ToLower(strings.TrimSpace(k)) {
	case "name", "series":
		sc.Name = v
	case "sku", "product":
		sc.SKU = v
	case "location", "store":
		sc.Location = v
	}
	return true
}

// dayLayouts are the ways exports write a day.
var dayLayouts = []string{time.DateOnly, "2006/01/02", "20060102", "2006-1-2", "2006/1/2", "2006.01.02"}

// parseDay reads a day in any of dayLayouts and gives it back as YYYY-MM-DD. A year
// before 1800 or after 2200 is not a day: 0001-01-01 is how many exports write "no
// date", and a series dated by it would start before everything else.
func parseDay(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly), plausibleYear(t)
		}
	}
	return "", false
}

func plausibleYear(t time.Time) bool { return t.Year() >= 1800 && t.Year() <= 2200 }

// parseMonth reads a month row ("2025-06"), giving its first day.
func parseMonth(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range []string{"2006-01", "2006/01", "2006-1"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly), plausibleYear(t)
		}
	}
	return parseDay(s)
}

// sortPoints orders points by day (the layout sorts as text) and refuses a day given
// twice: which value would be meant?
func sortPoints(name string, ps []ontology.SignalPoint) error {
	slices.SortStableFunc(ps, func(a, b ontology.SignalPoint) int { return strings.Compare(a.Day, b.Day) })
	for i := 1; i < len(ps); i++ {
		if ps[i].Day == ps[i-1].Day {
			return fmt.Errorf("series %q gives %s twice", name, ps[i].Day)
		}
	}
	return nil
}

// csvError names the file line of a CSV reader's error: the reader counts from the
// header, which may follow preamble lines.
func csvError(err error, offset int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d: %w", offset+pe.Line, pe.Err)
	}
	return err
}
