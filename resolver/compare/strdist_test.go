package compare

import "testing"

func TestEditDistances(t *testing.T) {
	for _, tt := range []struct {
		a, b        string
		lev, damlev int
	}{
		{"", "", 0, 0},
		{"", "abc", 3, 3},
		{"abc", "abc", 0, 0},
		{"kitten", "sitting", 3, 3},
		{"jon", "john", 1, 1},
		{"martha", "marhta", 2, 1}, // a swap is one edit for Damerau
		{"ca", "abc", 3, 2},        // OSA would say 3: only true Damerau edits a swapped pair again
		{"19560909", "19569009", 2, 1},
		{"张伟", "张玮", 1, 1}, // runes, not bytes
		{"smith", "smtih", 2, 1},
		{"abcdef", "badcfe", 4, 3},
	} {
		if got := Levenshtein(tt.a, tt.b); got != tt.lev {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.lev)
		}
		if got := Levenshtein(tt.b, tt.a); got != tt.lev {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.lev)
		}
		if got := DamerauLevenshtein(tt.a, tt.b); got != tt.damlev {
			t.Errorf("DamerauLevenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.damlev)
		}
		if got := DamerauLevenshtein(tt.b, tt.a); got != tt.damlev {
			t.Errorf("DamerauLevenshtein(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.damlev)
		}
	}
}

func TestMongeElkan(t *testing.T) {
	for _, tt := range []struct {
		a, b   []string
		lo, hi float64
	}{
		{nil, []string{"a"}, 0, 0},
		{[]string{"kingsford", "village"}, []string{"kingsford", "village"}, 1, 1},
		{[]string{"kingsford", "vilage"}, []string{"kingsfrod", "village"}, 0.95, 0.99},
		{[]string{"main", "st"}, []string{"high", "rd"}, 0, 0.6},
	} {
		got := MongeElkan(tt.a, tt.b)
		if got < tt.lo || got > tt.hi {
			t.Errorf("MongeElkan(%q, %q) = %.3f, want in [%.2f, %.2f]", tt.a, tt.b, got, tt.lo, tt.hi)
		}
		if back := MongeElkan(tt.b, tt.a); back != got {
			t.Errorf("MongeElkan is not symmetric on %q, %q: %.3f and %.3f", tt.a, tt.b, got, back)
		}
	}
}

func BenchmarkDamerauLevenshtein(b *testing.B) {
	for b.Loop() {
		DamerauLevenshtein("catherine", "kathryn")
	}
}

func BenchmarkLevenshtein(b *testing.B) {
	for b.Loop() {
		Levenshtein("catherine", "kathryn")
	}
}

// TestOneEditIsDistanceOne holds OneEdit to the full table's answer on every pair of
// strings of up to five runes over a three-rune alphabet (swaps, runs, repeats, empty),
// and on runes outside ASCII, since the levels rely on the two giving the same answer.
func TestOneEditIsDistanceOne(t *testing.T) {
	var all []string
	var grow func(s string, n int)
	grow = func(s string, n int) {
		all = append(all, s)
		if n == 0 {
			return
		}
		for _, r := range []string{"a", "b", "张"} {
			grow(s+r, n-1)
		}
	}
	grow("", 5)
	ones := 0
	for _, a := range all {
		for _, b := range all {
			want := DamerauLevenshtein(a, b) == 1
			if got := OneEdit(a, b); got != want {
				t.Fatalf("OneEdit(%q, %q) = %v, DamerauLevenshtein = %d", a, b, got, DamerauLevenshtein(a, b))
			}
			if want {
				ones++
			}
		}
	}
	if ones == 0 {
		t.Fatal("no pair one edit apart: the alphabet tests nothing")
	}
	for _, tt := range [][2]string{{"martha", "marhta"}, {"jon", "john"}, {"19560909", "19569009"}, {"ca", "abc"}, {"smith", "smtih"}, {"a\xffb", "a\xfeb"},
		{"4620985", "4620958"}, {"4620985", "462098"}, {"4620985", "46209851"}, {"4620985", "4620995"}, {"4620985", "4602958"}, {"4620985", "2640985"}} {
		if got, want := OneEdit(tt[0], tt[1]), DamerauLevenshtein(tt[0], tt[1]) == 1; got != want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tt[0], tt[1], got, want)
		}
	}
}
