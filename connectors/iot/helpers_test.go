package iot

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// received is the receive time every test passes in; readings that fall back on it are
// recognisable by "recv".
var received = time.Date(2025, 3, 4, 2, 30, 0, 0, time.UTC)

// show writes readings as one line each, so that a failing test shows what differs:
// "DEVICE TIME metric=value [sscc=...] [seq=N] [recv]".
func show(rs []ontology.Reading) []string {
	out := []string{}
	for _, r := range rs {
		s := fmt.Sprintf("%s %s %s=%s", r.DeviceID, r.At.Format(time.RFC3339Nano), r.Metric, r.Value)
		if r.PalletSSCC != "" {
			s += " sscc=" + r.PalletSSCC
		}
		if r.Seq != nil {
			s += fmt.Sprintf(" seq=%d", *r.Seq)
		}
		if r.ReceiveTime {
			s += " recv"
		}
		out = append(out, s)
	}
	return out
}

func wantReadings(t *testing.T, got []ontology.Reading, format Format, want ...string) {
	t.Helper()
	if g := show(got); !slices.Equal(g, want) {
		t.Fatalf("readings:\n got  %s\n want %s", strings.Join(g, "\n      "), strings.Join(want, "\n      "))
	}
	for _, r := range got {
		if r.Format != string(format) {
			t.Errorf("reading %s has format %q, want %q", r.Metric, r.Format, format)
		}
		if r.At.Location() != time.UTC {
			t.Errorf("reading %s at %v is not UTC", r.Metric, r.At)
		}
	}
}

// wantFieldError checks that err is a *FieldError about field, broken rule.
func wantFieldError(t *testing.T, err error, format Format, field, rule string) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v (%T), want a *FieldError at %s", err, err, field)
	}
	if fe.Format != format || fe.Field != field || fe.Rule != rule {
		t.Fatalf("error = %v\n got  format %s field %q rule %q\n want format %s field %q rule %q",
			err, fe.Format, fe.Field, fe.Rule, format, field, rule)
	}
	if p := fe.Problem(); p.Field != field || p.Rule != rule || p.Message == "" {
		t.Fatalf("Problem() = %+v, want field %q rule %q and a message", p, field, rule)
	}
}

// checkInvariants holds for every reading any parser returns, whatever the input.
func checkInvariants(t *testing.T, rs []ontology.Reading) {
	t.Helper()
	for i, r := range rs {
		if r.DeviceID == "" || r.Metric == "" || r.Value == "" || r.At.IsZero() {
			t.Fatalf("reading %d incomplete: %+v", i, r)
		}
		if _, canonical := CanonicalMetric(r.Metric); canonical {
			if exp, ok := decimalGrammar(r.Value); !ok || exp {
				t.Fatalf("reading %d: %s value %q is not a plain decimal", i, r.Metric, r.Value)
			}
		}
		if s, err := sanitise(r.Metric); err != nil || s != r.Metric {
			t.Fatalf("reading %d: metric %q is not sanitised", i, r.Metric)
		}
	}
}

func u64(v uint64) *uint64 { return &v }
