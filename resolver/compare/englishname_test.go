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
