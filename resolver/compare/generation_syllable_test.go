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

// TestGivenSyllablesApart: Zi-Ting against Ning shares no syllable (ting and ning look
// alike, two characters): Different, where it was Partial by the look-alike; Zi-Ting
// against Ting shares one and stays Partial, and Western names are left to the rules
// of their own (Anna Maria against Ana).
func TestGivenSyllablesApart(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"Zi-Ting", "Ning", Different},
		{"Chia Ling", "Min", Different},
		{"Zi-Ting", "Ting", Partial},
		{"Anna Maria", "Ana", Partial},
	} {
		if got := compareNames("given", c.a, c.b); got.Kind != c.want {
			t.Errorf("%s ~ %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

// TestOneGivenCharacterAgainstAnotherSyllable: 张慧 against Zhang Hua (either order) is
// another name, hui and hua a letter apart but two syllables, as 萍 against Jing is;
// against Zhang Hui it reads alike, and against Zhang Hiu (no syllable) it is a slip.
func TestOneGivenCharacterAgainstAnotherSyllable(t *testing.T) {
	han := Name{Given: "慧", Family: "张"}
	for _, c := range []struct {
		latin Name
		want  Kind
	}{
		{Name{Given: "Zhang", Family: "Hua"}, Different},
		{Name{Given: "Hua", Family: "Zhang"}, Different},
		{Name{Given: "Hui", Family: "Zhang"}, Transliterated},
		{Name{Given: "Hiu", Family: "Zhang"}, Typo},
	} {
		if got := NameLevel(han, c.latin); got.Kind != c.want {
			t.Errorf("张慧 ~ %+v: %v (%s), want %v", c.latin, got.Kind, got.Why, c.want)
		}
	}
}
