package iot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// JSON helpers shared by the ThingsBoard and SenML parsers. Objects are read member by
// member, in document order, so that readings come out in the order the device sent them
// and duplicate keys (which encoding/json would silently resolve) are caught.

type member struct {
	key   string
	value json.RawMessage
}

// decodeRoot checks that payload is exactly one JSON value and returns it.
func decodeRoot(f Format, payload []byte) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var root json.RawMessage
	if err := dec.Decode(&root); err != nil {
		return nil, jsonErr(f, "payload", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fieldErr(f, "payload", "syntax", "", "data after the JSON value at byte %d", dec.InputOffset())
	}
	return root, nil
}

func jsonErr(f Format, path string, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fieldErr(f, path, "syntax", "", "invalid JSON at byte %d: %v", syn.Offset, err)
	}
	if errors.Is(err, io.EOF) {
		return fieldErr(f, path, "syntax", "", "empty payload")
	}
	return fieldErr(f, path, "syntax", "", "invalid JSON: %v", err)
}

// kind is the JSON type of a raw value by its first byte: '{', '[', '"', 't' (true or
// false), 'n' (null) or '0' (a number).
func kind(raw json.RawMessage) byte {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return 0
	}
	switch c := raw[0]; c {
	case '{', '[', '"', 'n':
		return c
	case 't', 'f':
		return 't'
	default:
		return '0'
	}
}

func kindName(raw json.RawMessage) string {
	switch kind(raw) {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't':
		return "a boolean"
	case 'n':
		return "null"
	case '0':
		return "a number"
	}
	return "nothing"
}

// members reads an object's members in order; raw must be an object.
func members(f Format, path string, raw json.RawMessage) ([]member, error) {
	if kind(raw) != '{' {
		return nil, fieldErr(f, path, "type", "", "want an object, got %s", kindName(raw))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, jsonErr(f, path, err)
	}
	var out []member
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(f, path, err)
		}
		key, _ := tok.(string)
		if seen[key] {
			return nil, fieldErr(f, join(path, key), "duplicate", "", "key appears twice")
		}
		seen[key] = true
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, jsonErr(f, join(path, key), err)
		}
		out = append(out, member{key: key, value: v})
	}
	return out, nil
}

// elements reads an array's elements; raw must be an array.
func elements(f Format, path string, raw json.RawMessage) ([]json.RawMessage, error) {
	if kind(raw) != '[' {
		return nil, fieldErr(f, path, "type", "", "want an array, got %s", kindName(raw))
	}
	var out []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		return nil, jsonErr(f, path, err)
	}
	return out, nil
}

// scalar is a JSON value decoded with UseNumber: json.Number keeps the number's text.
func scalar(f Format, path string, raw json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonErr(f, path, err)
	}
	return v, nil
}

func stringField(f Format, path string, raw json.RawMessage) (string, error) {
	if kind(raw) != '"' {
		return "", fieldErr(f, path, "type", "", "want a string, got %s", kindName(raw))
	}
	v, err := scalar(f, path, raw)
	if err != nil {
		return "", err
	}
	str, ok := v.(string)
	if !ok {
		return "", fieldErr(f, path, "type", "", "want a string, got %T", v)
	}
	return str, nil
}

func numberField(f Format, path string, raw json.RawMessage) (string, error) {
	if kind(raw) != '0' {
		return "", fieldErr(f, path, "type", "", "want a number, got %s", kindName(raw))
	}
	v, err := scalar(f, path, raw)
	if err != nil {
		return "", err
	}
	n, ok := v.(json.Number)
	if !ok {
		return "", fieldErr(f, path, "type", "", "want a number, got %T", v)
	}
	return n.String(), nil
}

func boolField(f Format, path string, raw json.RawMessage) (bool, error) {
	if kind(raw) != 't' {
		return false, fieldErr(f, path, "type", "", "want a boolean, got %s", kindName(raw))
	}
	v, err := scalar(f, path, raw)
	if err != nil {
		return false, err
	}
	b, ok := v.(bool)
	if !ok {
		return false, fieldErr(f, path, "type", "", "want a boolean, got %T", v)
	}
	return b, nil
}

// compact is a JSON object or array value as one line, kept as the reading's value for
// keys that are not canonical metrics (ThingsBoard allows JSON values).
func compact(raw json.RawMessage) (string, error) {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return "", fmt.Errorf("compacting JSON value: %w", err)
	}
	return b.String(), nil
}
