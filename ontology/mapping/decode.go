package mapping

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Format is a payload encoding.
type Format string

// The payload formats a mapping can read.
const (
	JSON  Format = "json"  // one object; a top-level array is one record per element
	JSONL Format = "jsonl" // one JSON object per non-empty line
	CSV   Format = "csv"   // a header row, then one record per row (or per group of rows)
	XML   Format = "xml"   // one document; namespaces dropped, repeated elements become lists
	Form  Format = "form"  // application/x-www-form-urlencoded, as Meituan pushes
)

// Record is one source document inside a payload: its own bytes (kept as evidence, or
// quarantined) and its decoded tree of map[string]any, []any, string, json.Number, bool
// and nil. Numbers stay json.Number, so ids above 2^53 and decimal amounts keep every digit.
type Record struct {
	Raw  []byte
	Tree any
	// Pos says where the record sits in its payload ("line 12", "row 7", "item 3",
	// "document"), for messages.
	Pos string
	// Err is set when this record alone could not be decoded (a bad JSON line, a CSV row
	// with too few fields); the other records of the payload are unaffected.
	Err error
	// Received is when Seam received the payload (zero when not known): what a
	// mapping's $received path reads.
	Received time.Time
}

// DecodeOptions tune decoding; a mapping carries its own (delimiter and groupBy).
type DecodeOptions struct {
	Comma   rune   // CSV delimiter (default ',')
	GroupBy string // CSV: rows with the same value in this column are one record
	// Lists are where a JSON list answer holds its records, each a list of keys from the
	// top-level object: {"orders": [...]} is [orders], {"data": {"trackings": [...]}} is
	// [data trackings]. The first that a payload has gives one record per element; a
	// payload without any is one record, as always.
	Lists [][]string
}

// Decode splits a payload into records. An error means the payload as a whole could not
// be read (malformed JSON or XML, a CSV without a header); a record that alone is bad
// carries its own Err.
func Decode(f Format, raw []byte, opt DecodeOptions) ([]Record, error) {
	switch f {
	case JSON, "":
		return decodeJSON(raw, opt.Lists)
	case JSONL:
		return decodeJSONL(raw), nil
	case CSV:
		return decodeCSV(raw, opt)
	case XML:
		return decodeXML(raw)
	case Form:
		return decodeForm(raw)
	}
	return nil, fmt.Errorf("unknown payload format %q (%s)", f, strings.Join(formats, ", "))
}

var bom = []byte("\ufeff")

// decodeValue reads one JSON document; numbers stay json.Number, so ids above 2^53 stay
// exact and money never passes through a float64.
func decodeValue(raw []byte) (any, error) { return parseJSON(raw) }

func decodeJSON(raw []byte, lists [][]string) ([]Record, error) {
	// Files saved by Windows tools start with a byte order mark, which RFC 8259 lets a
	// parser ignore; Raw keeps it, as received.
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(raw, bom))
	if len(trimmed) == 0 {
		return nil, errors.New("empty JSON payload")
	}
	if trimmed[0] == '[' {
		vals, raws, err := parseJSONArray(trimmed)
		if err != nil {
			return nil, fmt.Errorf("malformed JSON: %w", err)
		}
		out := make([]Record, len(vals))
		for i, v := range vals {
			out[i] = Record{Raw: bytes.Clone(raws[i]), Tree: v, Pos: "item " + strconv.Itoa(i+1)}
		}
		return out, nil
	}
	v, err := decodeValue(trimmed)
	if err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	for _, keys := range lists {
		// An API's list answer saved to a file (Shopify's GET /orders.json, Square's
		// SearchOrders, a Stripe list): its documents, each with its own bytes.
		vals, raws, found, err := parseJSONListAt(trimmed, keys)
		if err != nil {
			return nil, fmt.Errorf("malformed JSON: %w", err)
		}
		if !found {
			continue
		}
		at := strings.Join(keys, ".")
		out := make([]Record, len(vals))
		for i, v := range vals {
			out[i] = Record{Raw: bytes.Clone(raws[i]), Tree: v, Pos: fmt.Sprintf("%s item %d", at, i+1)}
		}
		return out, nil
	}
	return []Record{{Raw: raw, Tree: v, Pos: "document"}}, nil
}

// decodeJSONL reads one record per non-empty line. Lines are cut by hand rather than by
// a bufio.Scanner, which would give up on the whole payload at its first long line.
func decodeJSONL(raw []byte) []Record {
	var out []Record
	rest := bytes.TrimPrefix(raw, bom)
	for n := 1; len(rest) > 0; n++ {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		cp := bytes.Clone(line)
		v, err := decodeValue(cp)
		if err != nil {
			err = fmt.Errorf("malformed JSON on line %d: %w", n, err)
		}
		out = append(out, Record{Raw: cp, Tree: v, Pos: fmt.Sprintf("line %d", n), Err: err})
	}
	return out
}

// decodeForm reads an application/x-www-form-urlencoded body: each parameter a field, a
// repeated one a list. Values that hold JSON (Meituan's detail) are read with json: true
// or a path's @json.
func decodeForm(raw []byte) ([]Record, error) {
	q, err := url.ParseQuery(strings.TrimSpace(string(raw)))
	if err != nil {
		return nil, fmt.Errorf("malformed form body: %w", err)
	}
	if len(q) == 0 {
		return nil, errors.New("empty form body")
	}
	m := make(map[string]any, len(q))
	for k, vs := range q {
		if len(vs) == 1 {
			m[k] = vs[0]
			continue
		}
		l := make([]any, len(vs))
		for i, v := range vs {
			l[i] = v
		}
		m[k] = l
	}
	return []Record{{Raw: raw, Tree: m, Pos: "document"}}, nil
}
