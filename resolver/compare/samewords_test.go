package compare

import "testing"

// sameWords is the sorted comparison it replaced, and tells lists of other lengths and
// single words without copying them.
func TestSameWords(t *testing.T) {
	for _, c := range []struct {
		a, b []string
		want bool
	}{
		{nil, nil, true}, {[]string{"lin"}, []string{"lin"}, true}, {[]string{"lin"}, []string{"mei"}, false},
		{[]string{"lin", "mei"}, []string{"mei", "lin"}, true}, {[]string{"lin", "mei"}, []string{"lin"}, false},
		{[]string{"lin", "lin"}, []string{"lin", "mei"}, false}, {[]string{"a", "b", "c"}, []string{"c", "a", "b"}, true},
	} {
		if got := sameWords(c.a, c.b); got != c.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	a, b, c := []string{"smith"}, []string{"smyth"}, []string{"john", "smith"}
	if n := testing.AllocsPerRun(20, func() { sameWords(a, b); sameWords(a, c) }); n > 0 {
		t.Errorf("comparing one word with one, and with two, made %.0f allocations, want none", n)
	}
}
