package iot

import (
	"fmt"

	"google.golang.org/protobuf/encoding/protowire"
)

// wireReader walks a protobuf message, turning protowire's negative lengths into errors.
type wireReader struct{ b []byte }

func (r *wireReader) more() bool { return len(r.b) > 0 }

func (r *wireReader) tag(path string) (protowire.Number, protowire.Type, error) {
	num, typ, n := protowire.ConsumeTag(r.b)
	if n < 0 {
		return 0, 0, wireErr(path, n)
	}
	r.b = r.b[n:]
	return num, typ, nil
}

func (r *wireReader) want(field string, got, want protowire.Type) error {
	if got != want {
		return fieldErr(FormatSparkplugB, field, "type", "", "wire type %d, want %d", got, want)
	}
	return nil
}

func (r *wireReader) varint(field string, typ protowire.Type) (uint64, error) {
	if err := r.want(field, typ, protowire.VarintType); err != nil {
		return 0, err
	}
	v, n := protowire.ConsumeVarint(r.b)
	if n < 0 {
		return 0, wireErr(field, n)
	}
	r.b = r.b[n:]
	return v, nil
}

func (r *wireReader) fixed32(field string, typ protowire.Type) (uint32, error) {
	if err := r.want(field, typ, protowire.Fixed32Type); err != nil {
		return 0, err
	}
	v, n := protowire.ConsumeFixed32(r.b)
	if n < 0 {
		return 0, wireErr(field, n)
	}
	r.b = r.b[n:]
	return v, nil
}

func (r *wireReader) fixed64(field string, typ protowire.Type) (uint64, error) {
	if err := r.want(field, typ, protowire.Fixed64Type); err != nil {
		return 0, err
	}
	v, n := protowire.ConsumeFixed64(r.b)
	if n < 0 {
		return 0, wireErr(field, n)
	}
	r.b = r.b[n:]
	return v, nil
}

func (r *wireReader) bytes(field string, typ protowire.Type) ([]byte, error) {
	if err := r.want(field, typ, protowire.BytesType); err != nil {
		return nil, err
	}
	v, n := protowire.ConsumeBytes(r.b)
	if n < 0 {
		return nil, wireErr(field, n)
	}
	r.b = r.b[n:]
	return append([]byte{}, v...), nil
}

func (r *wireReader) skip(path string, num protowire.Number, typ protowire.Type) error {
	n := protowire.ConsumeFieldValue(num, typ, r.b)
	if n < 0 {
		return wireErr(fmt.Sprintf("%s field %d", path, num), n)
	}
	r.b = r.b[n:]
	return nil
}

func wireErr(field string, n int) error {
	return fieldErr(FormatSparkplugB, field, "syntax", "", "malformed protobuf: %v", protowire.ParseError(n))
}
