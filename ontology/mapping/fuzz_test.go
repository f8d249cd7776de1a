package mapping_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// Fuzz targets: one per payload format, seeded with the real samples of that format, one
// over every built-in mapping with every sample, and one over the mapping loader. Each
// must never panic; errors are fine.

// samples returns the testdata files whose name ends in ext, or all with ext "".
func samples(f *testing.F, ext string) [][]byte {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*"+ext))
	if err != nil || len(files) == 0 {
		f.Fatalf("no samples *%s: %v", ext, err)
	}
	var out [][]byte
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// checkRecords states what every decoded payload keeps, whatever the bytes.
func checkRecords(t *testing.T, recs []mapping.Record) {
	for _, r := range recs {
		if r.Pos == "" {
			t.Fatalf("a record without a position: %+v", r)
		}
		if r.Err != nil && r.Tree != nil {
			t.Fatalf("%s: a tree and an error", r.Pos)
		}
	}
}

func FuzzDecodeJSON(f *testing.F) {
	for _, s := range samples(f, ".json") {
		f.Add(s)
	}
	f.Add([]byte(`[{"id": 27061900338318741}, 1, "x", null]`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		recs, err := mapping.Decode(mapping.JSON, raw, mapping.DecodeOptions{})
		if err != nil {
			return
		}
		checkRecords(t, recs)
		if len(recs) == 1 && recs[0].Pos == "document" && !bytes.Equal(recs[0].Raw, raw) {
			t.Fatal("a single document's raw bytes changed")
		}
	})
}

func FuzzDecodeJSONL(f *testing.F) {
	f.Add([]byte("{\"id\": 1}\n\n{\"id\":\n{\"id\": 3}\r\n"))
	for _, s := range samples(f, ".json") {
		f.Add(append(append(bytes.ReplaceAll(s, []byte("\n"), nil), '\n'), s...))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		recs, err := mapping.Decode(mapping.JSONL, raw, mapping.DecodeOptions{})
		if err != nil {
			t.Fatalf("JSON lines fail per line, never as a whole: %v", err)
		}
		checkRecords(t, recs)
		for _, r := range recs {
			if len(r.Raw) == 0 || !bytes.Contains(raw, r.Raw) {
				t.Fatalf("%s: raw %q is not a line of the payload", r.Pos, r.Raw)
			}
		}
	})
}

func FuzzDecodeCSV(f *testing.F) {
	f.Add([]byte("receipt_no;sku;qty\nR-1;A;1\nR-1;B;2\nR-2;C;0.5\n"), byte(';'), true)
	f.Add([]byte("receipt_no,sku,qty\nR-1,A,1\nR-2,\"B,\"\"x\"\"\",2\nR-1,C\n"), byte(','), false)
	f.Add([]byte("\ufeffa\tb\n1\t2\r\n"), byte('\t'), false)
	f.Fuzz(func(t *testing.T, raw []byte, comma byte, group bool) {
		opt := mapping.DecodeOptions{Comma: rune(comma)}
		if comma == 0 || comma == '"' || comma == '\r' || comma == '\n' || comma >= 0x80 {
			opt.Comma = ','
		}
		if group {
			opt.GroupBy = "receipt_no"
		}
		recs, err := mapping.Decode(mapping.CSV, raw, opt)
		if err != nil {
			return
		}
		checkRecords(t, recs)
	})
}

func FuzzDecodeXML(f *testing.F) {
	for _, s := range samples(f, ".xml") {
		f.Add(s)
	}
	f.Add([]byte(`<?xml version="1.0" encoding="GBK"?><a x="1">t<b>2</b><b>3</b></a>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		recs, err := mapping.Decode(mapping.XML, raw, mapping.DecodeOptions{})
		if err != nil {
			return
		}
		if len(recs) != 1 {
			t.Fatalf("an XML document is one record, got %d", len(recs))
		}
		checkRecords(t, recs)
	})
}

func FuzzDecodeForm(f *testing.F) {
	for _, s := range samples(f, ".form") {
		f.Add(s)
	}
	f.Add([]byte("a=1&a=2&detail=%5B%7B%7D%5D&%zz"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		recs, err := mapping.Decode(mapping.Form, raw, mapping.DecodeOptions{})
		if err != nil {
			return
		}
		checkRecords(t, recs)
	})
}

// FuzzMapEverySample feeds every built-in mapping mutations of every sample of its
// system, in the sample's own format: mapping never panics, and whatever it maps is a
// whole document.
func FuzzMapEverySample(f *testing.F) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	type target struct{ system, typ string }
	var targets []target
	for _, sys := range reg.Systems() {
		for _, typ := range reg.Types(sys) {
			targets = append(targets, target{sys, typ})
		}
	}
	formats := []string{"", "json", "jsonl", "csv", "xml", "form"}
	for i, tg := range targets {
		files, _ := filepath.Glob(filepath.Join("testdata", tg.system, "*"))
		for _, file := range files {
			raw, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			format := strings.TrimPrefix(filepath.Ext(file), ".")
			for fi, name := range formats {
				if name == format || (name == "" && format == "json") {
					f.Add(uint16(i), uint8(fi), raw)
				}
			}
		}
	}
	val := ontology.NewValidator()
	f.Fuzz(func(t *testing.T, which uint16, format uint8, raw []byte) {
		tg := targets[int(which)%len(targets)]
		res, err := reg.MapPayload("fuzz", tg.system, tg.typ, formats[int(format)%len(formats)], raw)
		if err != nil {
			return
		}
		for _, r := range res {
			for _, p := range r.Problems {
				if strings.Contains(p.Message, " failed: ") {
					t.Fatalf("%s/%s panicked: %s", tg.system, tg.typ, p.Message)
				}
			}
			d := r.Doc
			if d == nil {
				if len(r.Problems) == 0 && r.Skipped == "" {
					t.Fatalf("%s/%s: neither a document, a problem nor a reason to skip", tg.system, tg.typ)
				}
				continue
			}
			if len(r.Problems) > 0 || d.Key.ExternalID == "" || !d.Verb.Valid() || d.OccurredAt.IsZero() ||
				d.OccurredAt.Location() != time.UTC {
				t.Fatalf("%s/%s: incomplete document %+v, problems %v", tg.system, tg.typ, d, r.Problems)
			}
			_ = val.Document(d)
		}
	})
}

// FuzzParseMapping feeds the loader mutations of the built-in mapping files: a partner's
// file, however broken, gives a *LoadError and never a panic.
func FuzzParseMapping(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("builtin", "*.yaml"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(benchPOSMapping))
	rec := mapping.Record{Tree: map[string]any{"id": "1", "items": []any{map[string]any{"q": "1"}}}, Pos: "document"}
	f.Fuzz(func(t *testing.T, yml []byte) {
		m, err := mapping.Parse("fuzz.yaml", yml)
		if err != nil {
			return
		}
		if _, err := m.Map("fuzz", rec); err != nil {
			for _, p := range ontology.ProblemsOf(err) {
				if strings.Contains(p.Message, " failed: ") {
					t.Fatalf("panicked: %s", p.Message)
				}
			}
		}
	})
}
