package compare

import "testing"

// TestDialectFamilySpellings: a Hong Kong or Singapore customer's family name written in
// Latin letters as their passport spells it reads as the Han one; two Han family names
// that those spellings share stay two families.
func TestDialectFamilySpellings(t *testing.T) {
	for _, c := range []struct {
		han, latin string
		want       bool
	}{
		{"陳", "Chan", true},
		{"陈", "Tan", true},
		{"黃", "Wong", true},
		{"楊", "Yeung", true},
		{"吳", "Ng", true},
		{"陈", "Wong", false},
		{"李", "Lee", true},
	} {
		got := NamePartLevel("family", c.han, c.latin).Kind.Agrees()
		if got != c.want {
			t.Errorf("%s ~ %s: agree = %v, want %v", c.han, c.latin, got, c.want)
		}
	}
	if !SameFamilyAcrossScripts(Name{Given: "輝雯", Family: "陳"}, Name{Full: "Fai-man Chan"}) {
		t.Error("陳輝雯 and Fai-man Chan do not share the family name")
	}
	for _, p := range [][2]string{{"黄伟", "吴伟"}, {"陈伟", "谭伟"}} {
		if l := NameLevel(Name{Full: p[0]}, Name{Full: p[1]}); l.Kind.Agrees() {
			t.Errorf("%s ~ %s: %v (%s); two families that one dialect spells alike", p[0], p[1], l.Kind, l.Why)
		}
	}
}
