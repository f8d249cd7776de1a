package rediscache

import (
	"strings"
	"testing"
)

// hashFields reads HGETALL's reply in both protocols, binary-safe, and refuses error
// replies and anything cut short or malformed rather than reading part of a hash.
func TestHashFieldsReadsBothProtocols(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want string // field=value pairs joined by ";", or "error"
	}{
		{"%0\r\n", ""},
		{"*0\r\n", ""},
		{"%2\r\n$1\r\na\r\n$2\r\n10\r\n$3\r\nb\x1fc\r\n$0\r\n\r\n", "a=10;b\x1fc="},
		{"*4\r\n$1\r\na\r\n$2\r\n10\r\n$4\r\nx\r\ny\r\n$2\r\n-3\r\n", "a=10;x\r\ny=-3"},
		{"-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "error"},
		{"!21\r\nSYNTAX invalid syntax\r\n", "error"},
		{"*3\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n", "error"}, // odd RESP2 array
		{"%1\r\n$1\r\na\r\n", "error"},                       // value missing
		{"%1\r\n$1\r\na\r\n$5\r\n1\r\n", "error"},            // length past the end
		{"%1\r\n$1\r\na\r\n$1\r\n12\r\n", "error"},           // no CRLF after the length
		{"%1\r\n$1\r\na\r\n:1\r\n", "error"},                 // not a blob string
		{"%1\r\n$1\r\na\r\n$1\r\n1\r\nextra", "error"},
		{"%-1\r\n", "error"},
		{"$3\r\nabc\r\n", "error"},
		{"%1", "error"},
		{"", "error"},
	} {
		var got []string
		err := hashFields(c.raw, func(f, v string) error {
			got = append(got, f+"="+v)
			return nil
		})
		switch {
		case c.want == "error" && err == nil:
			t.Errorf("%q: read %q, want an error", c.raw, got)
		case c.want != "error" && err != nil:
			t.Errorf("%q: %v", c.raw, err)
		case c.want != "error" && strings.Join(got, ";") != c.want:
			t.Errorf("%q: read %q, want %q", c.raw, strings.Join(got, ";"), c.want)
		}
	}
}
