package compare

import "testing"

// TestEnglishBesideCantoneseOnlyUnderAChineseFamily: Jesse Schwartz and MELANIE
// SCHWARTZ, a couple on the family's mailbox and landline, share a family name that is
// no Chinese one, though MELANIE spells me-la-nie in pinyin: not one person's English
// and Chinese given names. Vincent Chan and CHAN CHI KIT still are.
func TestEnglishBesideCantoneseOnlyUnderAChineseFamily(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "Jesse", Family: "Schwartz"}, Name{Given: "MELANIE", Family: "SCHWARTZ"}, false},
		{Name{Given: "Vincent", Family: "Chan"}, Name{Given: "CHI KIT", Family: "CHAN"}, true},
		{Name{Given: "Karen", Family: "Chow"}, Name{Given: "Yuet Ka", Family: "Chow"}, true},
	} {
		if got := EnglishBesideCantonese(c.a, c.b); got != c.want {
			t.Errorf("EnglishBesideCantonese(%+v, %+v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
