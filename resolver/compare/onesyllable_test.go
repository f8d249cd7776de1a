package compare

import "testing"

// TestOneSyllableAgainstSeveral: one Han character's syllable against a romanised given
// name of several syllables is part of it only where it is one of them (艳 in Ling Yan);
// one that only comes close (杨, yang, against yan) is another given name.
func TestOneSyllableAgainstSeveral(t *testing.T) {
	for _, c := range []struct {
		field, latin, han string
		want              Kind
	}{
		{"given", "Ling Yan", "杨", Different},
		{"given", "Ling Yan", "艳", Partial},
		{"given", "Ling Yan", "玲", Partial},
		{"given", "Yan", "杨", Different}, // one against one, as before
		{"name", "Wang Wei", "王", Partial},
		{"given", "Jack Yan", "杨", Partial}, // an English name beside: not judged here
	} {
		if got := NamePartLevel(c.field, c.latin, c.han); got.Kind != c.want {
			t.Errorf("%s %q against %q: %v (%s), want %v", c.field, c.latin, c.han, got.Kind, got.Why, c.want)
		}
	}
}
