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

// TestEnglishNameOnVietnameseMailbox: an English and a Vietnamese given name of one
// family, from a mailbox that spells the Vietnamese one (as a word, or run together with
// the family name as Google's folded dots leave it), are the mailbox owner's two names;
// a mailbox that spells neither, or the English one, says nothing of that.
func TestEnglishNameOnVietnameseMailbox(t *testing.T) {
	n := func(given, family string) Name { return Name{Full: given + " " + family, Given: given, Family: family} }
	for _, tt := range []struct {
		a, b  Name
		email string
		want  bool
	}{
		{n("Amy", "Duong"), n("Linh", "Dương"), "linh.duong@yahoo.com", true},
		{n("Amy", "Duong"), n("Linh", "Dương"), "linhduong@gmail.com", true},
		{n("David", "Do"), n("Đỗ", "Thanh"), "thanh88@comcast.net", true}, // the family name typed first
		{n("Kathy", "Phan"), n("Thi Phuong", "Phan"), "phuong.phan@icloud.com", true},
		{n("Amy", "Duong"), n("Linh", "Dương"), "duonghome@yahoo.com", false}, // a family's mailbox
		{n("Amy", "Duong"), n("Linh", "Dương"), "amy.duong@yahoo.com", false}, // Amy's own
		{n("Amy", "Duong"), n("Linh", "Dương"), "amy.linh@yahoo.com", false},  // spells both
		{n("Amy", "Duong"), n("Linh", "Tran"), "linh.tran@yahoo.com", false},  // two families
		{n("Kevin", "Zhang"), n("Wei", "Zhang"), "wei.zhang@qq.com", false},   // pinyin has rules of its own
	} {
		if got := EnglishNameOnVietnameseMailbox(tt.a, tt.b, tt.email); got != tt.want {
			t.Errorf("EnglishNameOnVietnameseMailbox(%v, %v, %q) = %v, want %v", tt.a.Full, tt.b.Full, tt.email, got, tt.want)
		}
		if got := EnglishNameOnVietnameseMailbox(tt.b, tt.a, tt.email); got != tt.want {
			t.Errorf("EnglishNameOnVietnameseMailbox(%v, %v, %q) = %v, want %v", tt.b.Full, tt.a.Full, tt.email, got, tt.want)
		}
	}
}

// FuzzEnglishNameOnVietnameseMailbox: any two names and any mailbox never panic, and the
// answer does not depend on which name is which.
func FuzzEnglishNameOnVietnameseMailbox(f *testing.F) {
	f.Add("Amy", "Duong", "", "Linh", "Dương", "", "linh.duong@yahoo.com")
	f.Add("", "", "David Do", "Đỗ", "Thanh", "", "thanh88@comcast.net")
	f.Fuzz(func(t *testing.T, ga, fa, wa, gb, fb, wb, email string) {
		a, b := Name{Full: wa, Given: ga, Family: fa}, Name{Full: wb, Given: gb, Family: fb}
		if EnglishNameOnVietnameseMailbox(a, b, email) != EnglishNameOnVietnameseMailbox(b, a, email) {
			t.Errorf("EnglishNameOnVietnameseMailbox(%q, %q, %q) is not symmetric", a, b, email)
		}
	})
}

// TestOnsetApart: one-syllable given names that differ in their first letter alone are
// two names (Nam and Tâm), unless the letters are keyboard neighbours (a slip); other
// differences are left to the other rules.
func TestOnsetApart(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Nam", "Tâm", true},
		{"Hùng", "Tùng", true},
		{"Lan", "Lân", false}, // the marks, not the onset: MarkedLettersApart's
		{"Nam", "Mam", false}, // n and m are neighbours: a slip
		{"Linh", "Lihn", false},
		{"Nam", "Nam", false},
		{"Ngoc Tam", "Ngoc Nam", false}, // two words: not one syllable
		{"An", "", false},
	} {
		if got := OnsetApart(tt.a, tt.b); got != tt.want {
			t.Errorf("OnsetApart(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := OnsetApart(tt.b, tt.a); got != tt.want {
			t.Errorf("OnsetApart(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
	if !ShareAWord("Thi Phuong", "Phương") || ShareAWord("Nam", "Ngọc Tâm") {
		t.Error("ShareAWord: Phuong is a word of Thi Phuong; Nam is no word of Ngoc Tam")
	}
}

// FuzzOnsetApart: any two strings never panic, and the answer does not depend on
// which side is which.
func FuzzOnsetApart(f *testing.F) {
	f.Add("Nam", "Tâm")
	f.Add("Hùng", "Tùng")
	f.Fuzz(func(t *testing.T, a, b string) {
		if OnsetApart(a, b) != OnsetApart(b, a) {
			t.Errorf("OnsetApart(%q, %q) is not symmetric", a, b)
		}
	})
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
