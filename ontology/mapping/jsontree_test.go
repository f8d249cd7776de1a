package mapping

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// reference decodes one whole JSON document with encoding/json, numbers kept as text:
// what parseJSON must give.
func reference(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, errBadTail
	}
	return v, nil
}

var errBadTail = jsonTailError{}

type jsonTailError struct{}

func (jsonTailError) Error() string { return "data after the value" }

func TestParseJSONAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`{"id": 27061900338318741, "total": 58.6, "neg": -0.0e+3, "big": 1E400}`,
		`[1, "a", true, false, null, {}, [], {"a": [{"b": "c"}]}]`,
		`"\u00e9\ud83d\ude00\ud83d \udc00 \" \\ \/ \b \f \n \r \t"`,
		"\"\xff\xfe invalid UTF-8 \xe6\x8b\"", `"拿铁"`, `{"a": 1, "a": 2}`, "  \r\n\t{}  \n",
		`{"a": 1}]`, `{"a": 1} {"b": 2}`, `{"a": 01}`, `{"a": 1.}`, `{"a": .5}`, `{"a": 1e}`, `{"a": -}`,
		`{"a": tru}`, `{a: 1}`, `{"a" 1}`, `{"a": 1,}`, `[1,]`, `"\x"`, `"\u12"`, "\"a\tb\"", `"open`, ``, ` `,
		`nul`, `{"a":[1,2}`, strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
		strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	} {
		want, werr := reference([]byte(s))
		got, gerr := parseJSON([]byte(s))
		if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%.60q: got %#v, %v; encoding/json %#v, %v", s, got, gerr, want, werr)
		}
	}
}

func FuzzParseJSON(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.json"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`"\ud83d\ude00\ud800\u0041" 1`))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, werr := reference(data)
		got, gerr := parseJSON(data)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%q: parseJSON error %v, encoding/json error %v", data, gerr, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: parseJSON %#v, encoding/json %#v", data, got, want)
		}
		if vals, raws, err := parseJSONArray(data); err == nil {
			if l, ok := want.([]any); !ok || !reflect.DeepEqual(vals, l) && !(len(vals) == 0 && len(l) == 0) {
				t.Fatalf("%q: array %#v, encoding/json %#v", data, vals, want)
			}
			for i, r := range raws {
				if v, err := parseJSON(r); err != nil || !reflect.DeepEqual(v, vals[i]) {
					t.Fatalf("%q: element %d raw %q does not read back", data, i, r)
				}
			}
		}
	})
}
