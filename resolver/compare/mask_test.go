package compare

import "testing"

// maskTests are the IsMasked table, also the seeds of FuzzMask.
var maskTests = []struct {
	in     string
	masked bool
}{
	{"138****5678", true},
	{"+86 138****5678", true},
	{"138xxxx5678", true},
	{"138XXXX5678", true},
	{"张**", true},
	{"*伟", true},
	{"李＊＊", true}, // full-width asterisks
	{"上海市上海市浦东新区****", true},
	{"j***@gmail.com", true},
	{"王××", true},
	{"●●●●", true},
	{"13812345678", false},
	{"张伟", false},
	{"Max Fox", false},
	{"a1x2@example.com", false}, // one x between digits is a real value
	{"12xx34", false},
	{"", false},
}

func TestIsMasked(t *testing.T) {
	for _, tt := range maskTests {
		if got := IsMasked(tt.in); got != tt.masked {
			t.Errorf("IsMasked(%q) = %v, want %v", tt.in, got, tt.masked)
		}
	}
}

func TestMaskCompatible(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"张**", "张伟", true},
		{"张**", "張偉", true}, // traditional folded
		{"张*", "张伟明", true}, // a mask run hides any number of characters
		{"*伟", "张伟", true},
		{"李**", "张伟", false},
		{"*伟", "张玮", false},
		{"j***@gmail.com", "john@gmail.com", true},
		{"J***@Gmail.com", "john@gmail.com", true},
		{"j***@gmail.com", "john@yahoo.com", false},
		{"138****5678", "13812345678", true},
		{"138****5678", "13912345678", false},
		{"138xxxx5678", "13800005678", true},
		{"李**", "李*", true},   // both masked: visible start agrees
		{"李*伟", "李**", true},  // one shows more at the end
		{"李*伟", "李*明", false}, // the ends disagree
		{"138****5678", "138****5679", false},
		{"张伟", "张伟", true}, // plain values: equal
		{"张伟", "张玮", false},
	} {
		if got := MaskCompatible(tt.a, tt.b); got != tt.want {
			t.Errorf("MaskCompatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := MaskCompatible(tt.b, tt.a); got != tt.want {
			t.Errorf("MaskCompatible(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestMaskedOnly(t *testing.T) {
	masked := Level{Kind: MaskedCompatible}
	for _, tt := range []struct {
		levels []Level
		want   bool
	}{
		{[]Level{masked, {Kind: Null}, {Kind: Different}}, true},
		{[]Level{masked, masked}, true},
		{[]Level{masked, {Kind: Exact}}, false},
		{[]Level{masked, {Kind: Partial}}, false},
		{[]Level{masked, {Kind: MaskedDigits}}, false}, // seven digits of a number: agreement of its own
		{[]Level{{Kind: Exact}}, false},
		{nil, false},
	} {
		if got := MaskedOnly(tt.levels...); got != tt.want {
			t.Errorf("MaskedOnly(%v) = %v, want %v", tt.levels, got, tt.want)
		}
	}
}

func FuzzMask(f *testing.F) {
	for _, tt := range maskTests {
		f.Add(tt.in, "张伟")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if MaskCompatible(a, b) != MaskCompatible(b, a) {
			t.Fatalf("MaskCompatible(%q, %q) is not symmetric", a, b)
		}
		if !IsMasked(a) && !MaskCompatible(a, a) {
			t.Fatalf("MaskCompatible(%q, %q) = false for a plain value", a, a)
		}
		// A masked value fits what it was made from: hide the middle of b.
		if r := []rune(maskForm(b)); len(r) >= 3 && !IsMasked(b) {
			m := string(r[0]) + "**" + string(r[len(r)-1])
			if !MaskCompatible(m, b) {
				t.Fatalf("MaskCompatible(%q, %q) = false", m, b)
			}
		}
	})
}
