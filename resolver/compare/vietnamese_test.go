package compare

import "testing"

// TestEnglishBesideVietnamese: an English given name against a Vietnamese one under one
// Vietnamese family name, in either field order and with or without the marks; two
// English or two Vietnamese given names, a form of the same English name, two family
// names, or a Chinese name in pinyin are not.
func TestEnglishBesideVietnamese(t *testing.T) {
	n := func(given, family string) Name { return Name{Full: given + " " + family, Given: given, Family: family} }
	for _, tt := range []struct {
		a, b Name
		want bool
	}{
		{n("Andy", "Pham"), n("Phạm", "Hiếu"), true}, // the family name typed first
		{n("Tony", "Ngô"), n("Huy", "Ngo"), true},
		{n("Kathy", "Phan"), n("Thi Phuong", "Phan"), true},
		{n("Kevin", "Vũ"), n("Kim Hieu", "Vu"), true}, // Kim is English too, Hieu is not
		{n("Tony", "Le"), n("Quốc Dũng", "Lê"), true}, // Lê is Vietnamese by its letters
		{n("Kevin", "Pham"), n("David", "Pham"), false},
		{n("Minh", "Pham"), n("Lan", "Pham"), false},
		{n("Tony", "Nguyen"), n("Anthony", "Nguyen"), false},
		{n("Tony", "Nguyen"), n("Huy", "Tran"), false},
		{n("Kevin", "Zhang"), n("Wei", "Zhang"), false},
		{n("Kevin", "Le"), n("Hung", "Le"), false}, // Le alone is French as often
	} {
		if got := EnglishBesideVietnamese(tt.a, tt.b); got != tt.want {
			t.Errorf("EnglishBesideVietnamese(%v, %v) = %v, want %v", tt.a.Full, tt.b.Full, got, tt.want)
		}
	}
}

// FuzzEnglishBesideVietnamese: any two names, in parts or whole, never panic, and the
// answer does not depend on which side is which.
func FuzzEnglishBesideVietnamese(f *testing.F) {
	f.Add("Andy", "Pham", "", "Phạm", "Hiếu", "")
	f.Add("Kevin", "Vũ", "", "", "", "Kim Hieu Vu")
	f.Add("", "", "Tony Ngô", "Huy", "Ngo", "")
	f.Fuzz(func(t *testing.T, ga, fa, wa, gb, fb, wb string) {
		a, b := Name{Full: wa, Given: ga, Family: fa}, Name{Full: wb, Given: gb, Family: fb}
		if EnglishBesideVietnamese(a, b) != EnglishBesideVietnamese(b, a) {
			t.Errorf("EnglishBesideVietnamese(%q, %q) is not symmetric", a, b)
		}
	})
}
