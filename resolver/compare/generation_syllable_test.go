package compare

import "testing"

// TestOtherSyllable: given names that read alike but for one syllable of two, each a
// syllable of its own, in any script (文明 and Wen-ting, Chih-ming and Chih-wei); not
// a name read alike (文明 and Wen-ming, 志偉 and 志瑋), one run together, one of one
// syllable, or one whose other word is no syllable (Wen-tign).
func TestOtherSyllable(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"文明", "Wen-ting", true},
		{"Chih-ming", "Chih-wei", true},
		{"家豪", "家偉", true},
		{"Ka Ming", "Ka Wai", true},
		{"文明", "Wen-ming", false},
		{"志偉", "志瑋", false},
		{"文明", "Wenting", false},
		{"明", "Ting", false},
		{"Wen-ting", "Wen-tign", false},
		{"Chia-ling", "Shu-min", false},
	} {
		if got := OtherSyllable(c.a, c.b); got != c.want {
			t.Errorf("OtherSyllable(%q, %q) = %v, want %v (%v, %v)", c.a, c.b, got, c.want, givenSyllables(c.a), givenSyllables(c.b))
		}
	}
}
