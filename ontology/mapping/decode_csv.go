package mapping

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// decodeCSV reads a header row, then one record per row: a map from column name to the
// row's text. With GroupBy, the rows that share a value of that column (the lines of one
// receipt in a row-per-line export) are one record: the first row's columns, and every
// row under "_rows". A record's Raw is the header line followed by its own rows, byte for
// byte as received, so a quarantined row can be replayed on its own.
func decodeCSV(raw []byte, opt DecodeOptions) ([]Record, error) {
	data := bytes.TrimPrefix(raw, bom)
	r := csv.NewReader(bytes.NewReader(data))
	if opt.Comma != 0 {
		r.Comma = opt.Comma
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty CSV: no header row")
	}
	if err != nil {
		return nil, fmt.Errorf("malformed CSV header: %w", err)
	}
	headerRaw := data[:r.InputOffset()]
	if !bytes.HasSuffix(headerRaw, []byte("\n")) {
		headerRaw = append(bytes.Clone(headerRaw), '\n')
	}
	seen := map[string]bool{}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
		if header[i] != "" && seen[header[i]] {
			return nil, fmt.Errorf("malformed CSV header: column %q appears twice", header[i])
		}
		seen[header[i]] = true
	}
	if opt.GroupBy != "" && !seen[opt.GroupBy] {
		return nil, fmt.Errorf("CSV has no column %q to group rows by (columns: %s)", opt.GroupBy, strings.Join(header, ", "))
	}
	var out []Record
	groups := map[string]int{} // group value -> index in out
	for row := 2; ; row++ {
		start := r.InputOffset()
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		rowRaw := data[start:r.InputOffset()]
		pos := "row " + strconv.Itoa(row)
		if err != nil {
			out = append(out, Record{Raw: concat(headerRaw, rowRaw), Pos: pos, Err: fmt.Errorf("malformed CSV %s: %w", pos, err)})
			continue
		}
		if line, _ := r.FieldPos(0); line != row {
			pos += " (line " + strconv.Itoa(line) + ")" // a quoted field spans lines above
		}
		m := make(map[string]any, len(header))
		for i, h := range header {
			if i < len(fields) && h != "" {
				m[h] = fields[i]
			}
		}
		var rowErr error
		if len(fields) != len(header) {
			rowErr = fmt.Errorf("CSV %s has %d fields, the header %d", pos, len(fields), len(header))
		}
		if opt.GroupBy == "" {
			rec := Record{Raw: concat(headerRaw, rowRaw), Tree: m, Pos: pos, Err: rowErr}
			if rowErr != nil {
				rec.Tree = nil
			}
			out = append(out, rec)
			continue
		}
		key, _ := m[opt.GroupBy].(string)
		if i, ok := groups[key]; ok {
			// A bad row spoils its whole group: a receipt missing one line must not be
			// booked as if complete.
			g := &out[i]
			g.Raw = append(g.Raw, rowRaw...)
			g.Pos += ", " + strconv.Itoa(row)
			if rowErr != nil && g.Err == nil {
				g.Err, g.Tree = rowErr, nil
			}
			if g.Err == nil {
				t := g.Tree.(map[string]any)
				t["_rows"] = append(t["_rows"].([]any), m)
			}
			continue
		}
		g := make(map[string]any, len(m)+1)
		for k, v := range m {
			g[k] = v
		}
		g["_rows"] = []any{m}
		groups[key] = len(out)
		rec := Record{Raw: concat(headerRaw, rowRaw), Tree: g, Pos: "rows " + pos[len("row "):], Err: rowErr}
		if rowErr != nil {
			rec.Tree = nil
		}
		out = append(out, rec)
	}
	for i := range out {
		if strings.HasPrefix(out[i].Pos, "rows ") && !strings.Contains(out[i].Pos, ",") {
			out[i].Pos = "row " + out[i].Pos[len("rows "):]
		}
	}
	return out, nil
}

func concat(a, b []byte) []byte {
	out := make([]byte, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}
