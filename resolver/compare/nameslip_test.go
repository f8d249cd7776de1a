package compare

import "testing"

func TestScrambledName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"oeL", "Leo", true},          // the same letters in another order
		{"Pcire", "Price", true},      // two keys struck out of order
		{"Ezia", "Eliza", true},       // one letter dropped and two swapped
		{"aDvs", "Davis", true},       // likewise, with the case shuffled too
		{"eoookC", "Cooke", true},     // one letter more
		{"varHery", "Harvey", true},   // shuffled, one letter doubled
		{"Leo", "Leo", false},         // the same name is no slip
		{"Paul", "Paula", false},      // a name and its feminine form
		{"Louis", "Louise", false},    // likewise
		{"Cahlrae", "Charlie", false}, // a letter changed as well as shuffled
		{"Anna", "Mary", false},
		{"yI", "Ivy", false},           // too short to read
		{"Jean-Luc", "Jeanluc", false}, // not one word of letters
		{"Ann", "Annabel", false},
	} {
		if got := ScrambledName(c.a, c.b); got != c.want {
			t.Errorf("ScrambledName(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := ScrambledName(c.b, c.a); got != c.want {
			t.Errorf("ScrambledName(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

func TestLetterDifference(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"eliza", "ezia", 1}, {"charlie", "cahlrae", 2}, {"leo", "oel", 0}, {"", "abc", 3}, {"ab", "cd", 4},
	} {
		if got := LetterDifference(c.a, c.b); got != c.want {
			t.Errorf("LetterDifference(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestShuffledCase(t *testing.T) {
	for s, want := range map[string]bool{
		"oeL": true, "aDvs": true, "varHery": true, "geeorGe": true,
		"Leo": false, "McDonald": false, "DeShawn": false, "LEO": false, "leo": false, "": false, "van der Mast": false, "d'Angelo": false,
	} {
		if got := ShuffledCase(s); got != want {
			t.Errorf("ShuffledCase(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestGivenNameOfSomeone(t *testing.T) {
	for w, want := range map[string]bool{
		"noel": true, "leon": true, "jonas": true, "jason": true, "eliza": true, "charlie": true,
		"ezia": false, "cahlrae": false, "oel": false,
	} {
		if got := GivenNameOfSomeone(w); got != want {
			t.Errorf("GivenNameOfSomeone(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzScrambledName: the letter comparisons take any text, are symmetric, and never
// index past their table of letters.
func FuzzScrambledName(f *testing.F) {
	for _, s := range [][2]string{{"oeL", "Leo"}, {"Ezia", "Eliza"}, {"Paul", "Paula"}, {"ŁÓDŹ", "lodz"}, {"", "a"}, {"\xff", "Z"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if ScrambledName(a, b) != ScrambledName(b, a) {
			t.Errorf("ScrambledName(%q, %q) is not symmetric", a, b)
		}
		if d, e := LetterDifference(a, b), LetterDifference(b, a); d != e || d < 0 {
			t.Errorf("LetterDifference(%q, %q) = %d, reversed %d", a, b, d, e)
		}
		ShuffledCase(a)
		GivenNameOfSomeone(a)
	})
}
