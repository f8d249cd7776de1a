package mapping

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	xtransform "golang.org/x/text/transform"
)

// decodeXML reads a document into nested maps: an element with children becomes a map
// of its children (a repeated child becomes a list), a leaf becomes its text, attributes
// become "@name" keys and mixed text "#text". Namespaces are dropped, so the CEB
// namespace and none read the same. GBK and GB18030, which Chinese customs software
// still writes, are read through their declared encoding.
func decodeXML(raw []byte) ([]Record, error) {
	dec := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(raw, bom)))
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "gbk", "gb2312", "gb18030":
			return xtransform.NewReader(in, simplifiedchinese.GB18030.NewDecoder()), nil
		case "utf-8", "utf8", "us-ascii":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q (UTF-8, GBK, GB2312 and GB18030 are read)", label)
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
				if root != nil {
					return nil, fmt.Errorf("malformed XML: a second root element <%s>", f.name)
				}
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
