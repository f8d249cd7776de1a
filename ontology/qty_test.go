package ontology

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

func TestParseQty(t *testing.T) {
	tests := []struct {
		in   string
		want Qty
		str  string
		err  error
	}{
		{"3", Units(3), "3", nil},
		{"-2", Units(-2), "-2", nil},
		{"1.70000", 1_700_000, "1.7", nil},
		{"0.000001", 1, "0.000001", nil},
		{" 12.5 ", 12_500_000, "12.5", nil},
		{"1e3", Units(1000), "1000", nil},
		{"0.0000001", 0, "", ErrQtyPrecision},
		{"99999999999999999999", 0, "", ErrQtyRange},
	}
	for _, tt := range tests {
		got, err := ParseQty(tt.in)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("ParseQty(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseQty(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			continue
		}
		if got.String() != tt.str {
			t.Errorf("ParseQty(%q).String() = %q, want %q", tt.in, got.String(), tt.str)
		}
	}
	for _, bad := range []string{"", "abc", "1,5", "--1"} {
		if _, err := ParseQty(bad); err == nil {
			t.Errorf("ParseQty(%q) accepted a non-number", bad)
		}
	}
}

func TestQtyJSONRoundTrip(t *testing.T) {
	in := []Qty{0, 1, Units(-7), 1_700_000, 123_456}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `["0","0.000001","-7","1.7","0.123456"]` {
		t.Fatalf("marshal = %s", b)
	}
	var out []Qty
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	for i := range in {
		if in[i] != out[i] {
			t.Errorf("round trip %d: %d != %d", i, in[i], out[i])
		}
	}
	var q Qty
	if err := json.Unmarshal([]byte(`2.5`), &q); err != nil || q != 2_500_000 {
		t.Errorf("number 2.5 = %d, %v", q, err)
	}
}

func FuzzParseQty(f *testing.F) {
	for _, s := range []string{"3", "-2", "1.70000", "0.000001", "1e3", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQty(s)
		if err != nil {
			return
		}
		back, err := ParseQty(q.String())
		if err != nil || back != q {
			t.Fatalf("ParseQty(%q) = %d; String %q parses back to %d, %v", s, q, q.String(), back, err)
		}
	})
}

func TestParseQtyRefusesHugeExponentsQuickly(t *testing.T) {
	for _, s := range []string{"1e999999999", "1e-999999999", "5e20"} {
		if _, err := ParseQty(s); err == nil {
			t.Errorf("ParseQty(%q) accepted", s)
		}
	}
}

func TestQtyString(t *testing.T) {
	for _, c := range []struct {
		q    Qty
		want string
	}{
		{0, "0"}, {1, "0.000001"}, {-1, "-0.000001"}, {Units(12), "12"}, {Units(-7), "-7"},
		{1_700_000, "1.7"}, {-1_700_000, "-1.7"}, {123_456, "0.123456"}, {10_000_010, "10.00001"},
		{math.MaxInt64, "9223372036854.775807"}, {math.MinInt64, "-9223372036854.775808"},
	} {
		if got := c.q.String(); got != c.want {
			t.Errorf("Qty(%d).String() = %q, want %q", int64(c.q), got, c.want)
		}
		if got := string(c.q.Append([]byte("x="))); got != "x="+c.want {
			t.Errorf("Qty(%d).Append = %q", int64(c.q), got)
		}
		// The same digits as the exact decimal.
		if d := c.q.Decimal().String(); d != c.want {
			t.Errorf("Qty(%d): decimal %q, String %q", int64(c.q), d, c.want)
		}
	}
}
