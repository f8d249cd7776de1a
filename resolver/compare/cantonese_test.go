package compare

import (
	"testing"
	"unicode"
)

// TestCantoneseNames reads Han names against Hong Kong's Cantonese romanisation: the
// same person as under pinyin, and another member of the family still another.
func TestCantoneseNames(t *testing.T) {
	for _, tt := range []struct {
		a, b Name
		want Kind
	}{
		{Name{Given: "永軒", Family: "趙"}, Name{Given: "Wing-hin", Family: "CHIU"}, Transliterated},
		{Name{Given: "明", Family: "趙"}, Name{Given: "Calvin Ming", Family: "Chiu"}, Transliterated},
		{Name{Given: "文錦", Family: "鄧"}, Name{Given: "Man-kam", Family: "TANG"}, Transliterated},
		{Name{Full: "陳大文"}, Name{Given: "Tai Man", Family: "Chan"}, Transliterated},
		{Name{Full: "陈大文"}, Name{Given: "Peter Tai Man", Family: "Chan"}, Transliterated}, // simplified
		{Name{Full: "余儀嘉"}, Name{Given: "Yee-ka", Family: "Yu"}, Transliterated},
		{Name{Given: "永天", Family: "趙"}, Name{Given: "Chiu", Family: "Wing Tin"}, Transliterated},
		// An English name first that pinyin happens to spell (ka-ren), or last (Hugo).
		{Name{Full: "陳嘉穎"}, Name{Given: "Karen", Family: "Chan Ka Wing"}, Transliterated},
		{Name{Given: "永軒", Family: "趙"}, Name{Given: "CHIU", Family: "Wing Hin Hugo"}, Transliterated},
		// Siblings and namesakes of one family name stay apart.
		{Name{Given: "家豪", Family: "陳"}, Name{Given: "Ka Wai", Family: "Chan"}, Different},
		{Name{Full: "陳大文"}, Name{Given: "Tai Wai", Family: "Chan"}, Different},
		{Name{Given: "永軒", Family: "趙"}, Name{Given: "Wing Tin", Family: "Chiu"}, Different},
		// Pinyin still reads as before.
		{Name{Full: "赵永轩"}, Name{Given: "Yongxuan", Family: "Zhao"}, Transliterated},
	} {
		if got := NameLevel(tt.a, tt.b); got.Kind != tt.want {
			t.Errorf("NameLevel(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestCantoneseTable checks the table's shape: lower-case Latin spellings, Han
// characters only, and every variant beside a spelling the table uses.
func TestCantoneseTable(t *testing.T) {
	m := cantonese()
	if len(m) < 400 {
		t.Fatalf("table holds %d characters, want the common few hundred", len(m))
	}
	for r, sp := range m {
		if !unicode.Is(unicode.Han, r) {
			t.Errorf("%q is no Han character", r)
		}
		for _, s := range sp {
			for _, c := range s {
				if c < 'a' || c > 'z' {
					t.Errorf("%c: spelling %q is not lower-case Latin", r, s)
				}
			}
		}
	}
	for _, tc := range []struct {
		r    rune
		want string
	}{{'赵', "chiu"}, {'轩', "hin"}, {'陈', "chan"}, {'仪', "yi"}, {'余', "yue"}} {
		found := false
		for _, s := range m[tc.r] {
			found = found || s == tc.want
		}
		if !found {
			t.Errorf("%c: spellings %v lack %q", tc.r, m[tc.r], tc.want)
		}
	}
}

// TestEnglishBesideCantonese: an English given name against a Chinese one alone under
// one family name, however spelt; two English or two Chinese given names, or two
// family names, are not.
func TestEnglishBesideCantonese(t *testing.T) {
	for _, tt := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "Vincent", Family: "Chan"}, Name{Given: "CHAN", Family: "CHI KIT"}, true}, // Kit, an English nickname too
		{Name{Given: "Karen", Family: "Chow"}, Name{Given: "Yuet Ka", Family: "Chow"}, true},   // Karen reads ka-ren in pinyin
		{Name{Given: "Annie", Family: "Jie"}, Name{Given: "Rong", Family: "Jie"}, true},
		{Name{Given: "明", Family: "趙"}, Name{Given: "Calvin", Family: "Chiu"}, true},
		{Name{Given: "Vincent", Family: "Chan"}, Name{Given: "Peter", Family: "Chan"}, false},
		{Name{Given: "Ka Wai", Family: "Chan"}, Name{Given: "Ka Ho", Family: "Chan"}, false},
		{Name{Given: "Mary", Family: "Chan"}, Name{Given: "Tai Man", Family: "Wong"}, false},
		{Name{Given: "Ming", Family: "Chiu"}, Name{Given: "Wing Hin", Family: "Chiu"}, false},
		// Bozhe spells pinyin: beside a Han or pinyin name, a son's, not an English name.
		{Name{Given: "Bozhe", Family: "Dai"}, Name{Given: "建华", Family: "戴"}, false},
		{Name{Given: "Bozhe", Family: "Dai"}, Name{Given: "Jian Hua", Family: "Dai"}, false},
		// Karen and Queenie read as pinyin too (ka-ren, que-e-nie), but are English
		// names Chinese customers go by, beside Han and pinyin names as well.
		{Name{Full: "Karen Zhang"}, Name{Given: "玉华", Family: "张"}, true},
		{Name{Given: "Queenie", Family: "Cao"}, Name{Given: "桂榮", Family: "曹"}, true},
		{Name{Given: "Karen", Family: "Hu"}, Name{Given: "ZHI QIANG", Family: "HU"}, true},
		// A Taiwanese given name in Wade-Giles without its hyphen, a pinyin one joined.
		{Name{Given: "Cherry", Family: "Kuo"}, Name{Given: "Hsiuchin", Family: "Kuo"}, true},
		{Name{Given: "Derek", Family: "Hsu"}, Name{Given: "Shihchang", Family: "Hsu"}, true},
		{Name{Given: "Karen", Family: "Zhang"}, Name{Given: "Yuhua", Family: "Zhang"}, true},
		// A Hong Kong given name joined in one first-name field: Kwok Fong.
		{Name{Full: "Amy Mak", Given: "Amy", Family: "Mak"}, Name{Full: "Kwokfong Mak", Given: "Kwokfong", Family: "Mak"}, true},
		{Name{Given: "Kwokfong", Family: "Mak"}, Name{Given: "Kaman", Family: "Mak"}, false}, // two Chinese given names
		{Name{Given: "Vincent", Family: "Chan"}, Name{Given: "Sharon", Family: "Chan"}, false},
	} {
		if got := EnglishBesideCantonese(tt.a, tt.b); got != tt.want {
			t.Errorf("EnglishBesideCantonese(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestEnglishBesideCantoneseNeedsChineseFamily: Guillaume and Océane Thomas, a French
// couple on the family's mailbox and landline, are no English and Chinese name of one
// person because Océane spells pinyin syllables (o-ce-an-e): the family name they share
// is no Chinese one. Vincent and Chi Kit Chan still are.
func TestEnglishBesideCantoneseNeedsChineseFamily(t *testing.T) {
	n := func(given, family string) Name { return Name{Full: given + " " + family, Given: given, Family: family} }
	if EnglishBesideCantonese(n("Oceane", "Thomas"), Name{Full: "Guillaume Thomas"}) {
		t.Error("Oceane Thomas beside Guillaume Thomas: an English name beside a Cantonese one, want not")
	}
	if !EnglishBesideCantonese(n("Vincent", "Chan"), n("Chi Kit", "Chan")) {
		t.Error("Vincent Chan beside Chi Kit Chan: want an English name beside a Cantonese one")
	}
	if !EnglishBesideCantonese(n("Karen", "Au Yeung"), n("Ka Yan", "Au Yeung")) {
		t.Error("Karen Au Yeung beside Ka Yan Au Yeung: want an English name beside a Cantonese one")
	}
}
