package mapping

import (
	"bytes"
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	pathpkg "path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/seamhub/seam/ontology"
)

//go:embed builtin/*.yaml
var builtin embed.FS

// Registry holds mappings by (system, type). It is safe for concurrent use.
type Registry struct {
	mu       sync.RWMutex
	mappings map[[2]string]*Mapping
}

// NewRegistry returns a registry holding the built-in mappings.
func NewRegistry() (*Registry, error) {
	r := &Registry{mappings: map[[2]string]*Mapping{}}
	sub, err := fs.Sub(builtin, "builtin")
	if err != nil {
		return nil, err
	}
	if err := r.LoadFS(sub); err != nil {
		return nil, fmt.Errorf("built-in mappings: %w", err)
	}
	return r, nil
}

// LoadFS adds every *.yaml / *.yml mapping of a folder, replacing a mapping of the same
// system and type (a partner's file overrides a built-in one). All files are checked and
// all problems reported together; nothing is added when any file is wrong.
func (r *Registry) LoadFS(fsys fs.FS) error {
	var errs []error
	var loaded []*Mapping
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := strings.ToLower(pathpkg.Ext(p))
		if d.IsDir() || (ext != ".yaml" && ext != ".yml") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		m, err := Parse(p, b)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		loaded = append(loaded, m)
		return nil
	})
	if err != nil {
		return err
	}
	seen := map[[2]string]string{}
	for _, m := range loaded {
		k := [2]string{m.System, m.Type}
		if other, ok := seen[k]; ok {
			errs = append(errs, fmt.Errorf("%s: system %q type %q is mapped by %s too", m.File, m.System, m.Type, other))
		}
		seen[k] = m.File
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range loaded {
		for _, t := range m.Also {
			_, loading := seen[[2]string{m.System, t}]
			_, held := r.mappings[[2]string{m.System, t}]
			if t == m.Type || !loading && !held {
				errs = append(errs, fmt.Errorf("%s: also: no other mapping reads system %q type %q", m.File, m.System, t))
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, m := range loaded {
		r.mappings[[2]string{m.System, m.Type}] = m
	}
	return nil
}

// Lookup returns the mapping of a system and type.
func (r *Registry) Lookup(system, typ string) (*Mapping, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	m, ok := r.mappings[[2]string{system, typ}]
	return m, ok
}

// Types lists the document types mapped for a system, sorted.
func (r *Registry) Types(system string) []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	var out []string
	for k := range r.mappings {
		if k[0] == system {
			out = append(out, k[1])
		}
	}
	sort.Strings(out)
	return out
}

// SentTypes lists the types a payload of a system is sent as, sorted: its types but
// those another of its mappings reads alongside itself (also:), such as Meituan's refund
// push, which comes to the order's URL as well, or a Square order's return. A system
// with one such type needs no type named by its sender.
func (r *Registry) SentTypes(system string) []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	along := map[string]bool{}
	for k, m := range r.mappings {
		if k[0] == system {
			for _, t := range m.Also {
				if t != k[1] {
					along[t] = true
				}
			}
		}
	}
	var out []string
	for k := range r.mappings {
		if k[0] == system && !along[k[1]] {
			out = append(out, k[1])
		}
	}
	sort.Strings(out)
	return out
}

// Systems lists the mapped systems, sorted.
func (r *Registry) Systems() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	set := map[string]bool{}
	for k := range r.mappings {
		set[k[0]] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Result is one record of a payload after mapping.
type Result struct {
	Doc      *ontology.Document
	Raw      []byte
	Pos      string
	Problems []ontology.Problem
	// Skipped is why a record is no document by design (its mapping's skip:), when it
	// is one: Doc and Problems are then empty.
	Skipped string
}

// MapPayload decodes a payload with the mapping of its system and type (in format, or
// the mapping's own format when format is "") and maps every record: with that mapping
// when its if: test passes, and with each mapping it names in also: whose test passes,
// so one record may give several documents (a Square exchange: the sale and the return).
// A record no mapping reads is a problem (rule if), never dropped.
func (r *Registry) MapPayload(tenant, system, typ, format string, raw []byte) ([]Result, error) {
	return r.MapPayloadAt(tenant, system, typ, format, raw, time.Time{})
}

// MapPayloadAt is MapPayload for a payload received at received, the time a mapping's
// $received path reads (for sources that send no time of their own).
func (r *Registry) MapPayloadAt(tenant, system, typ, format string, raw []byte, received time.Time) ([]Result, error) {
	m, ok := r.Lookup(system, typ)
	if !ok {
		return nil, fmt.Errorf("no mapping for system %q type %q (mapped: %s)", system, typ, strings.Join(r.Systems(), ", "))
	}
	f := m.Format
	switch {
	case format != "":
		f = Format(format)
	case m.Format == XML || m.Format == JSON || m.Format == Form:
		// A webhook does not say its format: a mapping that reads XML and JSON alike
		// (customs), or a form push and a JSON pull of the same fields (Meituan), gets
		// what the body starts with. An encoded form never starts with {, [ or <.
		if b := bytes.TrimLeft(bytes.TrimPrefix(raw, []byte("\ufeff")), " \t\r\n"); len(b) > 0 {
			switch b[0] {
			case '{', '[':
				f = JSON
			case '<':
				f = XML
			}
		}
	}
	recs, err := Decode(f, raw, m.Decode)
	if err != nil {
		return nil, err
	}
	also := make([]*Mapping, 0, len(m.Also))
	for _, t := range m.Also {
		if o, ok := r.Lookup(system, t); ok {
			also = append(also, o)
		}
	}
	out := make([]Result, 0, len(recs))
	for _, rec := range recs {
		rec.Received = received
		if !m.readable(rec) {
			// A record that did not decode, or is not an object: one problem, its own
			// mapping's, not one per mapping of the payload.
			out = append(out, mapRecord(m, tenant, rec)...)
			continue
		}
		n, skipped := len(out), ""
		for _, x := range append([]*Mapping{m}, also...) {
			switch {
			case !x.Reads(rec):
			case x.Skips(rec) != "":
				skipped = cmp.Or(skipped, x.Skips(rec))
			default:
				out = append(out, mapRecord(x, tenant, rec)...)
			}
		}
		if len(out) == n && skipped != "" {
			// A record its mappings skip by design (an ERPNext draft) is no document
			// and no problem: it is counted, not stored.
			out = append(out, Result{Raw: rec.Raw, Pos: rec.Pos, Skipped: skipped})
			continue
		}
		if len(out) == n {
			// No mapping reads the record: it is quarantined with the reason, never
			// dropped, nor mapped as a document of a type it is not.
			out = append(out, unread(m, also, rec))
		}
	}
	if (f == CSV) != (m.Format == CSV) {
		wrongShape(m, f, out)
	}
	return out, nil
}

// wrongShape tells, first among the problems of each record that made no document, that
// the payload is a table where the mapping reads a tree or the other way round: a
// source's own spreadsheet export (Shopify's Orders > Export CSV) given to the mapping of
// its API answers fails on every field, and "no value for the document's id" alone does
// not say why.
func wrongShape(m *Mapping, f Format, out []Result) {
	msg := fmt.Sprintf("%s/%s reads %s payloads, the source's API answers or webhook bodies as saved, and this payload was read as %s; "+
		"a file exported from the source's own admin (Shopify's Orders > Export CSV) is not one of them: save the API's answers, or post the webhooks",
		m.System, m.Type, m.Format, f)
	if m.Format == CSV {
		msg = fmt.Sprintf("%s/%s reads CSV files and this payload was read as %s: give it the CSV file, or the mapping of the API's answers", m.System, m.Type, f)
	}
	for i := range out {
		if out[i].Doc == nil && len(out[i].Problems) > 0 {
			out[i].Problems = append([]ontology.Problem{{Field: "format", Rule: "format", Value: string(f), Message: msg}}, out[i].Problems...)
		}
	}
}

// unread is the result of a record that no mapping of a payload reads: each one's if:
// test failed.
func unread(m *Mapping, also []*Mapping, rec Record) Result {
	var tests []string
	for _, x := range append([]*Mapping{m}, also...) {
		tests = append(tests, fmt.Sprintf("%s/%s (if: %s)", x.System, x.Type, x.reads))
	}
	return Result{Raw: rec.Raw, Pos: rec.Pos, Problems: []ontology.Problem{{Field: "record", Rule: "if",
		Message: "not a document any mapping of this payload reads: " + strings.Join(tests, ", ")}}}
}

// mapRecord maps one record with one mapping.
func mapRecord(m *Mapping, tenant string, rec Record) []Result {
	if rec.Err != nil || m.splitKey == "" {
		doc, err := m.Map(tenant, rec)
		return []Result{result(rec, doc, err)}
	}
	roots, ids := m.split(rec)
	out := make([]Result, len(roots))
	for i, root := range roots {
		doc, err := m.mapRoot(tenant, rec, root, ids[i])
		out[i] = result(rec, doc, err)
	}
	return out
}

// result is the result of one document mapped from rec.
func result(rec Record, doc *ontology.Document, err error) Result {
	res := Result{Doc: doc, Raw: rec.Raw, Pos: rec.Pos}
	if err != nil {
		res.Problems = ontology.ProblemsOf(err)
	}
	return res
}
