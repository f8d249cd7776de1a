package mapping

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Format is a payload encoding.
type Format string

// The payload formats a mapping can read.
const (
	JSON  Format = "json"  // one object; a top-level array is one record per element
	JSONL Format = "jsonl" // one JSON object per line
	CSV   Format = "csv"   // a header row, then one record per row (or per group of rows)
	XML   Format = "xml"   // one document; namespaces dropped, repeated elements become lists
	Form  Format = "form"  // application/x-www-form-urlencoded, as Meituan pushes
)

// Record is one source document inside a payload: its own bytes (kept as evidence or
// quarantined) and its decoded tree of map[string]any, []any, string, json.Number, bool
// and nil.
type Record struct {
	Raw  []byte
	Tree any
	// Pos says where the record sits in its payload ("line 12", "row 7", "item 3").
	Pos string
	// Err is set when this record alone could not be decoded (a bad JSON line); the
	// others of the payload are unaffected.
	Err error
}

// DecodeOptions tune decoding.
type DecodeOptions struct {
	Comma   rune   // CSV delimiter (default ',')
	GroupBy string // CSV: rows with the same value in this column are one record
}

// Decode splits a payload into records.
func Decode(f Format, raw []byte, opt DecodeOptions) ([]Record, error) {
	switch f {
	case JSON, "":
		return decodeJSON(raw)
	case JSONL:
		return decodeJSONL(raw), nil
	case CSV:
		return decodeCSV(raw, opt)
	case XML:
		return decodeXML(raw)
	case Form:
		return decodeForm(raw)
	}
	return nil, fmt.Errorf("unknown payload format %q (json, jsonl, csv, xml, form)", f)
}

func decodeValue(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // ids above 2^53 stay exact; money never passes through float64
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

func decodeJSON(raw []byte) ([]Record, error) {
	// Files saved by Windows tools start with a byte order mark, which RFC 8259 lets a
	// parser ignore; Raw keeps it, as received.
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\ufeff")))
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, fmt.Errorf("malformed JSON: %w", err)
		}
		out := make([]Record, 0, len(items))
		for i, it := range items {
			v, err := decodeValue(it)
			out = append(out, Record{Raw: []byte(it), Tree: v, Pos: fmt.Sprintf("item %d", i+1), Err: err})
		}
		return out, nil
	}
	v, err := decodeValue(trimmed)
	if err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	return []Record{{Raw: raw, Tree: v, Pos: "document"}}, nil
}

func decodeJSONL(raw []byte) []Record {
	var out []Record
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff"))))
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		cp := append([]byte(nil), line...)
		v, err := decodeValue(cp)
		if err != nil {
			err = fmt.Errorf("malformed JSON on line %d: %w", n, err)
		}
		out = append(out, Record{Raw: cp, Tree: v, Pos: fmt.Sprintf("line %d", n), Err: err})
	}
	if err := sc.Err(); err != nil {
		out = append(out, Record{Raw: raw, Pos: fmt.Sprintf("line %d", n+1), Err: fmt.Errorf("reading lines: %w", err)})
	}
	return out
}

func decodeCSV(raw []byte, opt DecodeOptions) ([]Record, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff"))))
	if opt.Comma != 0 {
		r.Comma = opt.Comma
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("malformed CSV: reading the header: %w", err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	headerLine := csvLine(header, r.Comma)
	var out []Record
	groups := map[string]int{} // group value -> index in out
	row := 1
	for {
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		row++
		if err != nil {
			out = append(out, Record{Raw: raw, Pos: fmt.Sprintf("row %d", row), Err: fmt.Errorf("malformed CSV row %d: %w", row, err)})
			continue
		}
		m := make(map[string]any, len(header))
		for i, h := range header {
			if i < len(fields) {
				m[h] = fields[i]
			}
		}
		line := csvLine(fields, r.Comma)
		if len(fields) != len(header) {
			out = append(out, Record{Raw: []byte(headerLine + line), Pos: fmt.Sprintf("row %d", row),
				Err: fmt.Errorf("CSV row %d has %d fields, the header %d", row, len(fields), len(header))})
			continue
		}
		if opt.GroupBy == "" {
			out = append(out, Record{Raw: []byte(headerLine + line), Tree: m, Pos: fmt.Sprintf("row %d", row)})
			continue
		}
		key, _ := m[opt.GroupBy].(string)
		if i, ok := groups[key]; ok {
			g := out[i].Tree.(map[string]any)
			g["_rows"] = append(g["_rows"].([]any), m)
			out[i].Raw = append(out[i].Raw, line...)
			continue
		}
		g := make(map[string]any, len(m)+1)
		for k, v := range m {
			g[k] = v
		}
		g["_rows"] = []any{m}
		groups[key] = len(out)
		out = append(out, Record{Raw: []byte(headerLine + line), Tree: g, Pos: fmt.Sprintf("row %d", row)})
	}
	return out, nil
}

func csvLine(fields []string, comma rune) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	_ = w.Write(fields)
	w.Flush()
	return b.String()
}

func decodeForm(raw []byte) ([]Record, error) {
	q, err := url.ParseQuery(strings.TrimSpace(string(raw)))
	if err != nil {
		return nil, fmt.Errorf("malformed form body: %w", err)
	}
	m := make(map[string]any, len(q))
	for k, vs := range q {
		if len(vs) == 1 {
			m[k] = vs[0]
		} else {
			l := make([]any, len(vs))
			for i, v := range vs {
				l[i] = v
			}
			m[k] = l
		}
	}
	return []Record{{Raw: raw, Tree: m, Pos: "document"}}, nil
}

// decodeXML reads a document into nested maps: an element with children becomes a map
// of its children (a repeated child becomes a list), a leaf becomes its text, attributes
// become "@name" keys and mixed text "#text". Namespaces are dropped, so the CEB
// namespace and none read the same. GBK and GB18030, which Chinese customs software
// still writes, are read through their declared encoding.
func decodeXML(raw []byte) ([]Record, error) {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "gbk", "gb2312", "gb18030":
			return transform.NewReader(in, simplifiedchinese.GB18030.NewDecoder()), nil
		case "utf-8", "utf8", "us-ascii":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	type frame struct {
		name     string
		children map[string]any
		text     strings.Builder
	}
	var stack []*frame
	var root map[string]any
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("malformed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			f := &frame{name: t.Name.Local, children: map[string]any{}}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				f.children["@"+a.Name.Local] = a.Value
			}
			stack = append(stack, f)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			var v any
			text := strings.TrimSpace(f.text.String())
			if len(f.children) == 0 {
				v = text
			} else {
				if text != "" {
					f.children["#text"] = text
				}
				v = f.children
			}
			if len(stack) == 0 {
				root = map[string]any{f.name: v}
				continue
			}
			parent := stack[len(stack)-1].children
			switch have := parent[f.name].(type) {
			case nil:
				parent[f.name] = v
			case []any:
				parent[f.name] = append(have, v)
			default:
				parent[f.name] = []any{have, v}
			}
		}
	}
	if root == nil {
		return nil, errors.New("malformed XML: no root element")
	}
	// The root element's own name is dropped: DecMessage and a bare DecHead wrapper
	// read alike, and paths start inside it.
	for _, v := range root {
		return []Record{{Raw: raw, Tree: v, Pos: "document"}}, nil
	}
	return nil, errors.New("malformed XML: empty")
}
