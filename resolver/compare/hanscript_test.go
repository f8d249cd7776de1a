package compare

import "testing"

// hasHan and isHan answer for ASCII text without the Unicode table (a speed-up only):
// the answers are the table's, for text of every script.
func TestHanScriptChecks(t *testing.T) {
	for _, c := range []struct {
		s           string
		has, allHan bool
	}{
		{"", false, false}, {"zhang wei", false, false}, {"José", false, false}, {"张伟", true, true},
		{"张 伟", true, false}, {"Wei 张", true, false}, {"Ｚｈａｎｇ", false, false}, {"さくら", false, false}, {"林", true, true},
	} {
		if got := hasHan(c.s); got != c.has {
			t.Errorf("hasHan(%q) = %v, want %v", c.s, got, c.has)
		}
		if got := isHan(c.s); got != c.allHan {
			t.Errorf("isHan(%q) = %v, want %v", c.s, got, c.allHan)
		}
	}
}

// TestPinyinSyllables: a romanised name's syllables, each word read as the fewest it
// splits into; an English word is no pinyin.
func TestPinyinSyllables(t *testing.T) {
	for _, c := range []struct {
		name string
		want int
	}{
		{"Zheng Kaihua", 3}, {"Kai-hua Zheng", 3}, {"Hao Chen", 2}, {"xian", 1}, {"Ouyang Nana", 4},
		{"Yáng Zhāng", 2}, {"Zhèng Kǎihuá", 3}, {"Emma Lin", 0}, {"", 0}, {"郑凯华", 0},
	} {
		if got := PinyinSyllables(c.name); got != c.want {
			t.Errorf("PinyinSyllables(%q) = %d, want %d", c.name, got, c.want)
		}
	}
}
