package compare

import "testing"

// TestEnglishNameBeside: a name is the other with an English given name written beside
// it, in either field and either order of family and given name; a relative's name, or
// an English name beside another English one, is not.
func TestEnglishNameBeside(t *testing.T) {
	for _, tt := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "Annie Yuying", Family: "Yan"}, Name{Given: "Yu Ying", Family: "Yan"}, true},
		{Name{Given: "Natalie", Family: "Ho Yee Nga"}, Name{Given: "Yee Nga", Family: "Ho"}, true},
		{Name{Given: "Ken", Family: "Wong Ming Keung"}, Name{Given: "Wong", Family: "Ming Keung"}, true},
		{Name{Given: "Vincent Chi Kit", Family: "Chan"}, Name{Given: "CHAN", Family: "CHI KIT"}, true}, // Kit, a nickname too
		{Name{Given: "Tiffany Yi Lai", Family: "Chan"}, Name{Given: "怡麗", Family: "陳"}, true},
		{Name{Given: "Hugo Ka Ming", Family: "Chiu"}, Name{Given: "Ka Wai", Family: "Chiu"}, false}, // his brother
		{Name{Given: "Mary Ann", Family: "Chan"}, Name{Given: "Ann", Family: "Chan"}, false},        // an English name both
		{Name{Given: "Hugo", Family: "Chiu"}, Name{Given: "Ka Ming", Family: "Chiu"}, false},        // no Chinese name to agree
	} {
		if got := EnglishNameBeside(tt.a, tt.b); got != tt.want {
			t.Errorf("EnglishNameBeside(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
