package compare

import "testing"

// TestEnglishSexesApart: a woman's and a man's English given name are two people
// however close the spelling (Stephanie and Stephen); names of one sex, names either
// sex bears, and one name with its fields swapped are not told apart by it.
func TestEnglishSexesApart(t *testing.T) {
	for _, tt := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "Stephanie", Family: "Rivera"}, Name{Given: "Stephen", Family: "Rivera"}, true},
		{Name{Given: "Stephanie", Family: "Rivera"}, Name{Full: "Steve Rivera JR"}, true},
		{Name{Given: "Madison", Family: "Lee"}, Name{Given: "Mason", Family: "Lee"}, true},
		{Name{Given: "Stephen", Family: "Rivera"}, Name{Given: "Steve", Family: "Rivera"}, false},
		{Name{Given: "Sam", Family: "Hill"}, Name{Given: "Samantha", Family: "Hill"}, false}, // Sam is either
		{Name{Given: "Ally", Family: "Vargas"}, Name{Given: "Allison", Family: "Vargas"}, false},
		{Name{Given: "Mary", Family: "Paul"}, Name{Given: "Paul", Family: "Mary"}, false}, // fields swapped
		{Name{Full: "陈家伟"}, Name{Given: "Mary", Family: "Chan"}, false},
	} {
		if got := EnglishSexesApart(tt.a, tt.b); got != tt.want {
			t.Errorf("EnglishSexesApart(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := EnglishSexesApart(tt.b, tt.a); got != tt.want {
			t.Errorf("EnglishSexesApart(%v, %v) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}
