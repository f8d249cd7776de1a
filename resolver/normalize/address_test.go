package normalize

import (
	"slices"
	"strings"
	"testing"
)

// addressTests are the Address table, also the seeds of FuzzAddress.
var addressTests = []struct{ in, want string }{
	{"12 Main Street", "12 main st"},
	{"12 Main St.", "12 main st"},
	{"12, MAIN   st", "12 main st"},
	{"350 Fifth Avenue, Suite 3300", "350 fifth ave ste 3300"},
	{"350 5th Ave. #3300", "350 5th ave 3300"},
	{"1 Infinite Loop Road North", "1 infinite loop rd n"},
	{"Hauptstraße 5", "hauptstrasse 5"},
	{"Haupt Straße 5", "haupt str 5"},
	{"Coolsingel 40, 3011 AD Rotterdam", "coolsingel 40 3011 ad rotterdam"},
	{"Rue de l'Église 3", "rue de leglise 3"},
	{"广东省深圳市南山区科技园路１号", "广东省深圳市南山区科技园路1号"},
	{"广东省 深圳市 南山区 科技园路 1号", "广东省深圳市南山区科技园路 1号"},
	{"Flat 12-3, Block B", "flat 12 3 block b"},
	{"45 Bd Haussmann", "45 blvd haussmann"},
	{"45 Boulevard Haussmann", "45 blvd haussmann"},
	{"Avda. de América 12", "ave de america 12"},
	{"Avenida de América 12", "ave de america 12"},
	{"ul. Długa 5", "ul długa 5"},
	{"Ulica Długa 5", "ul długa 5"},
	{"", ""},
	{" ,. ", ""},
}

func TestAddress(t *testing.T) {
	for _, tt := range addressTests {
		key, toks := Address(tt.in)
		if key != tt.want || strings.Join(toks, " ") != key {
			t.Errorf("Address(%q) = %q, %q; want %q", tt.in, key, toks, tt.want)
		}
	}
	_, a := Address("12 Main Street, Springfield")
	_, b := Address("12 main st springfield")
	if !slices.Equal(a, b) {
		t.Errorf("same address, different tokens: %q, %q", a, b)
	}
}

func FuzzAddress(f *testing.F) {
	for _, tt := range addressTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		key, toks := Address(s)
		if again, _ := Address(key); again != key {
			t.Fatalf("Address(%q) = %q, but Address(%q) = %q", s, key, key, again)
		}
		if strings.Join(toks, " ") != key || slices.Contains(toks, "") {
			t.Fatalf("Address(%q) = %q, %q", s, key, toks)
		}
	})
}
