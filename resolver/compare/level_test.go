package compare

import (
	"slices"
	"testing"
)

// checkLevel checks one comparison: its kind, that comparing the other way round gives
// the same kind, and that the kind is one the comparator documents.
func checkLevel(t *testing.T, call string, got, back Level, want Kind, kinds []Kind) {
	t.Helper()
	if got.Kind != want {
		t.Errorf("%s = %v, want %v", call, got, want)
	}
	if back.Kind != got.Kind {
		t.Errorf("%s = %v, the other way round %v", call, got, back)
	}
	if !slices.Contains(kinds, got.Kind) {
		t.Errorf("%s = %v, not one of %v", call, got.Kind, kinds)
	}
}

func TestKind(t *testing.T) {
	for k := range Kind(NumKinds) {
		if k.String() == "" || k.String() != kindNames[k] {
			t.Errorf("Kind(%d).String() = %q", k, k.String())
		}
	}
	if got := Kind(NumKinds).String(); got != "kind(18)" {
		t.Errorf("an unknown kind prints %q", got)
	}
	for _, tt := range []struct {
		k      Kind
		agrees bool
	}{{Null, false}, {Exact, true}, {MaskedCompatible, true}, {Partial, true}, {MaskedDigits, true}, {Dwelling, true}, {Building, true}, {OtherHome, false}, {Different, false}, {Kind(200), false}} {
		if got := tt.k.Agrees(); got != tt.agrees {
			t.Errorf("%v.Agrees() = %v, want %v", tt.k, got, tt.agrees)
		}
	}
}
