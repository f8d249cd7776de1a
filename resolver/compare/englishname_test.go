package compare

import "testing"

func TestSameChineseFamily(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Lee", "Li", true},             // 李 in Taiwan and in pinyin
		{"LAU", "Liu", true},            // 劉 in Hong Kong and in pinyin
		{"蕭", "HSIAO", true},            // Wade-Giles
		{"Chiang", "江", true},           // Wade-Giles of jiang
		{"Chan", "陈", true},             // Cantonese
		{"Lim", "Lim", true},            // Hokkien 林
		{"Lee", "Wong", false},          // two families
		{"Crawford", "Crawford", false}, // not a Chinese family name: not this rule's question
		{"王", "李", false},
		// A family name outside the table of spellings still reads as itself.
		{"颜", "Yan", true},
		{"Wen", "闻", true},
		{"欧阳", "Ouyang", true},
		{"颜", "Wen", false},
	} {
		if got := SameChineseFamily(c.a, c.b); got != c.want {
			t.Errorf("%s, %s: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestEnglishBesideChinese(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "Jerry", Family: "LAU"}, Name{Given: "Weiping", Family: "Lau"}, true},
		{Name{Given: "Irene", Family: "Li"}, Name{Given: "Jianying", Family: "Lee"}, true},
		{Name{Given: "Ben", Family: "Wang"}, Name{Given: "Junjie", Family: "WANG"}, true},    // Ben reads as pinyin, but is an English name
		{Name{Given: "Fung", Family: "On-nga"}, Name{Given: "Steven", Family: "Fung"}, true}, // family name first, Cantonese syllables
		{Name{Given: "Sunny", Family: "CHOI"}, Name{Given: "Choi", Family: "Chi-hiu"}, true},
		{Name{Given: "Cindy", Family: "HSIAO"}, Name{Given: "秀雅", Family: "蕭"}, true},
		{Name{Given: "Allen", Family: "Chuang"}, Name{Given: "Hui Yen", Family: "Chuang"}, true},
		{Name{Full: "Cherry Lim"}, Name{Full: "Li Lim"}, true},
		{Name{Full: "Alex Yan"}, Name{Full: "颜艳颖"}, true}, // 颜 is in no table of spellings
		// A European given name that spells three pinyin syllables (ju-li-en, e-le-na):
		// a Chinese given name is of one or two.
		{Name{Given: "Julien", Family: "Zhou"}, Name{Given: "Zhou", Family: "Jiajun"}, true},
		{Name{Given: "Elena", Family: "Wu"}, Name{Given: "Meiling", Family: "Wu"}, true},
		{Name{Given: "Lina", Family: "Zhou"}, Name{Given: "Jiajun", Family: "Zhou"}, false}, // li-na: a Chinese name as well
		// Two English given names, or two Chinese ones, are two people of one family.
		{Name{Given: "Jerry", Family: "Lau"}, Name{Given: "Steven", Family: "Lau"}, false},
		{Name{Given: "Weiping", Family: "Lau"}, Name{Given: "Xiuying", Family: "Liu"}, false},
		{Name{Given: "Mary-Ann", Family: "Lee"}, Name{Given: "Irene", Family: "Li"}, false},
		// Another family name.
		{Name{Given: "Jerry", Family: "Lau"}, Name{Given: "Weiping", Family: "Wong"}, false},
		// Not a Chinese family name: an English name beside a pinyin-looking one says nothing.
		{Name{Given: "Joseph", Family: "Crawford"}, Name{Given: "Monique", Family: "Crawford"}, false},
	} {
		if got := EnglishBesideChinese(c.a, c.b); got != c.want {
			t.Errorf("%+v, %+v: %v, want %v", c.a, c.b, got, c.want)
		}
		if got := EnglishBesideChinese(c.b, c.a); got != c.want {
			t.Errorf("%+v, %+v (reversed): %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

func TestFamilyInDialect(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "fong yan", Family: "ng"}, Name{Given: "芳欣", Family: "吳"}, true}, // Cantonese given name, unread
		{Name{Full: "Chan Tai Man"}, Name{Full: "陳大文"}, true},
		{Name{Full: "Wu Li"}, Name{Full: "胡强"}, false},        // Wu is 吴's pinyin before it is 胡's Hokkien
		{Name{Full: "Xiuying Chen"}, Name{Full: "陈丽"}, false}, // pinyin: transliteration decides
		{Name{Full: "Fong Yan Wong"}, Name{Full: "吳芳欣"}, false},
		{Name{Full: "Ng"}, Name{Full: "吳芳欣"}, false}, // a family name alone
	} {
		if got := FamilyInDialect(c.a, c.b); got != c.want {
			t.Errorf("%+v, %+v: %v, want %v", c.a, c.b, got, c.want)
		}
		if got := FamilyInDialect(c.b, c.a); got != c.want {
			t.Errorf("%+v, %+v (reversed): %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

// TestHanWritingKeys: a name written in both scripts is filed under what its Han name
// alone, or its romanisation alone, is filed under.
func TestHanWritingKeys(t *testing.T) {
	both, han, latin := Name{Full: "Tingting Huang 黄婷婷"}, Name{Full: "黄婷婷"}, Name{Full: "Huang Tingting"}
	if a, b, c := NameLetters(both), NameLetters(han), NameLetters(latin); a != b || b != c {
		t.Errorf("letters %q, %q, %q: want one key", a, b, c)
	}
	if h := HanWriting("tingting huang 黄婷婷"); h != "黄婷婷" {
		t.Errorf("HanWriting: %q", h)
	}
	// A Han family name alone beside the English name keeps the English name.
	if NameLetters(Name{Full: "Tony 熊"}) == NameLetters(Name{Full: "熊"}) {
		t.Error("Tony 熊 filed as 熊 alone")
	}
	if h := HanWriting("黄婷婷"); h != "" {
		t.Errorf("HanWriting of a Han name alone: %q", h)
	}
}

// TestFamilyBesideEnglishNameWithDigits: the phone's last four digits a buyer adds to
// her Han name (梁晨5462) do not hide its family name.
func TestFamilyBesideEnglishNameWithDigits(t *testing.T) {
	if !SameFamilyAcrossScripts(Name{Given: "Liang", Family: "Tom"}, Name{Full: "梁晨5462"}) {
		t.Error("Liang Tom and 梁晨5462: want the family name across scripts")
	}
}

// TestFamilyInDialectLatin: Pengfei Ng and Péng fēi Wu are one name, 吳 spelt as Hong
// Kong spells it and in pinyin (and so are Pengfei Ng and Pengfei Huang: 黃 is Ng as
// well); another family name, another given name, or two pinyin family names are not.
func TestFamilyInDialectLatin(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Pengfei Ng", "Pengfei Wu", true},
		{"Pengfei Ng", "Péng fēi Wu", true},
		{"Mei Ling Chan", "Meiling Chen", true},
		{"Pengfei Ng", "Pengfei Huang", true}, // 黃 is Ng as well
		{"Pengfei Ng", "Pengfei Zhang", false},
		{"Pengfei Ng", "Junjie Wu", false},
		{"Pengfei Wu", "Pengfei Hu", false}, // two pinyin family names
	} {
		if got := FamilyInDialectLatin(Name{Full: c.a}, Name{Full: c.b}); got != c.want {
			t.Errorf("%s against %s: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
