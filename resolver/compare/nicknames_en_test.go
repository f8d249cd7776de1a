package compare

import "testing"

// TestEnglishDiminutives: the short forms English-speaking customers write at one shop
// and the full name at the next (Ally and Allison on one mailbox), which the table
// lacked, and the English forms Hispanic, Italian and Indian customers go by (Frank for
// Francisco); names of no line in common stay apart.
func TestEnglishDiminutives(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"sue", "susannah", true},
		{"maddie", "madison", true},
		{"ally", "allison", true},
		{"harry", "harrison", true},
		{"mo", "mohammed", true},
		{"mo", "muhammad", true},
		{"sammie", "samantha", true},
		{"johnny", "jonathan", true},
		{"venky", "venkatesh", true},
		{"wes", "wesley", true},
		{"frank", "francisco", true},
		{"paco", "francisco", true},
		{"pepe", "jose", true},
		{"joe", "jose", true},
		{"tony", "antonio", true},
		{"raj", "rajesh", true},
		{"subbu", "subramanian", true},
		{"bob", "robert", true},
		{"liz", "elizabeth", true},
		{"bill", "william", true},
		{"paddy", "padraig", true},
		{"shaun", "sean", true},
		{"manny", "manuel", true},
		{"bea", "beatriz", true}, // Spain's short form; Brazil's is Bia
		{"bia", "beatriz", true},
		{"frank", "paco", false}, // two forms of Francisco, of two languages
		{"joe", "pepe", false},
		{"harrison", "harold", false}, // both Harry, never each other
		{"madison", "madeline", false},
		{"mo", "maureen", false},
		{"bea", "bianca", false},
		{"shevaun", "siobhan", true}, // Irish names spelt by their sound (accents folded by the caller)
		{"neve", "niamh", true},
		{"kieran", "ciaran", true},
		{"niamh", "siobhan", false},
	} {
		if got := Nicknames(tt.a, tt.b); got != tt.want {
			t.Errorf("Nicknames(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Nicknames(tt.b, tt.a); got != tt.want {
			t.Errorf("Nicknames(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}
