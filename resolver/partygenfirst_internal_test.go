package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestGenerationLeftOut: É. Gaudin fils and Émile Gaudin (or Émile Gaudin Jr) on one
// mailbox are one son who left fils out (or wrote it in English); Jr. against Sr., or
// fils beside another given name, are two.
func TestGenerationLeftOut(t *testing.T) {
	n := func(full, given, family string) compare.Name {
		return compare.Name{Full: full, Given: given, Family: family}
	}
	for _, tt := range []struct {
		a, b compare.Name
		want bool
	}{
		{n("É. Gaudin fils", "", ""), n("Émile Gaudin", "Émile", "Gaudin"), true},
		{n("Faraj Golla Jr.", "Faraj", "Golla Jr."), n("Faraj Golla", "Faraj", "Golla"), true},
		{n("Faraj Golla Jr.", "Faraj", "Golla Jr."), n("Faraj Golla Sr.", "Faraj", "Golla Sr."), false},
		{n("Faraj Golla", "Faraj", "Golla"), n("Faraj Golla", "Faraj", "Golla"), false},
		{n("P. Gaudin fils", "", ""), n("Émile Gaudin", "Émile", "Gaudin"), false},
		{n("É. Gaudin fils", "", ""), n("Émile Gaudin Jr", "Émile", "Gaudin Jr"), true},
	} {
		if got := generationLeftOut(tt.a, tt.b); got != tt.want {
			t.Errorf("generationLeftOut(%s, %s) = %v, want %v", tt.a.Full, tt.b.Full, got, tt.want)
		}
	}
}
