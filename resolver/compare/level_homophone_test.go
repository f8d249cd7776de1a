package compare

import "testing"

// TestHomophoneStrongerThanTypo: the better of two readings of a name given in parts
// counts, and a Homophone, appended after Different among the kinds, ranks between
// Transliterated and Nickname.
func TestHomophoneStrongerThanTypo(t *testing.T) {
	for _, c := range []struct {
		k, o Kind
		want bool
	}{
		{Homophone, Typo, true}, {Homophone, Phonetic, true}, {Homophone, Different, true}, {Transliterated, Homophone, true},
		{Homophone, Exact, false}, {Phonetic, Homophone, false}, {Exact, Typo, true}, {Different, Typo, false},
	} {
		if got := c.k.Stronger(c.o); got != c.want {
			t.Errorf("%v stronger than %v: %v, want %v", c.k, c.o, got, c.want)
		}
	}
}
