package compare

import "testing"

// TestPinyinGivenApart: a family name in Hanyu pinyin beside a pinyin given name that
// the Han given name does not read as is another person; a reading, an English name,
// a Hong Kong or Wade-Giles spelling, or another number of syllables is not judged.
func TestPinyinGivenApart(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "慧", Family: "张"}, Name{Given: "Hua", Family: "Zhang"}, true},
		{Name{Given: "Zhang", Family: "Hua"}, Name{Given: "慧", Family: "张"}, true}, // fields swapped
		{Name{Full: "张雪"}, Name{Given: "Xu", Family: "Zhang"}, true},
		{Name{Full: "张华"}, Name{Given: "Hua", Family: "Zhang"}, false},      // its reading
		{Name{Full: "张华"}, Name{Full: "Zhang Hua"}, false},                  // whole, either order
		{Name{Full: "周文明"}, Name{Given: "Wen-ming", Family: "Zhou"}, false}, // hyphenated reading
		{Name{Full: "周文明"}, Name{Given: "Wenming", Family: "Zhou"}, false},
		{Name{Full: "周文明"}, Name{Given: "Wenting", Family: "Zhou"}, true},
		{Name{Full: "刘凌轩"}, Name{Given: "linxuan", Family: "Liu"}, false}, // fuzzy pinyin: ling as lin // a sibling's
		{Name{Full: "张伟"}, Name{Given: "Ben", Family: "Zhang"}, false},    // an English name
		{Name{Full: "张伟"}, Name{Given: "Coco", Family: "Zhang"}, false},
		{Name{Full: "李家伟"}, Name{Given: "Ka Wai", Family: "Li"}, false},       // Li: Hong Kong's spelling too
		{Name{Full: "陈家伟"}, Name{Given: "Ka Wai", Family: "Chan"}, false},     // Cantonese
		{Name{Full: "张志明"}, Name{Given: "Chih-ming", Family: "Chang"}, false}, // Wade-Giles
		{Name{Full: "张伟"}, Name{Given: "Weiming", Family: "Zhang"}, false},    // two syllables against one
		{Name{Full: "张伟"}, Name{Given: "Hua", Family: "Wang"}, false},
		{Name{Given: "明", Family: "傅"}, Name{Given: "Jia", Family: "Fu"}, true}, // Fu is Hong Kong's too, Jia is not
		{Name{Full: "李家伟"}, Name{Given: "Jiawei", Family: "Li"}, false},         // another family
		{Name{Full: "Hua Zhang"}, Name{Full: "Hui Zhang"}, false},
		{Name{Full: "谢先生"}, Name{Given: "Xie", Family: "Haojun"}, false}, // a title, no given name
		{Name{Full: "张女士"}, Name{Given: "Hui", Family: "Zhang"}, false},
		{Name{Full: "小张"}, Name{Given: "Hui", Family: "Zhang"}, false},  // a pet name
		{Name{Full: "张**"}, Name{Given: "Hui", Family: "Zhang"}, false}, // no Han name
		// One syllable for a two-character given name: another character where it
		// reads neither (Jian Tu, the father, against 涂家刚, his son), one of its own
		// where it reads either.
		{Name{Given: "家刚", Family: "涂"}, Name{Given: "Jian", Family: "Tu"}, true},
		{Name{Given: "家刚", Family: "涂"}, Name{Given: "Jia", Family: "Tu"}, false},
		{Name{Given: "家刚", Family: "涂"}, Name{Given: "Gang", Family: "Tu"}, false},
		{Name{Full: "刘凌轩"}, Name{Given: "Lin", Family: "Liu"}, false},    // fuzzy pinyin: ling as lin
		{Name{Full: "张志明"}, Name{Given: "Chih", Family: "Chang"}, false}, // Wade-Giles
		{Name{Full: "张家刚"}, Name{Given: "Ken", Family: "Zhang"}, false},  // an English name
	} {
		if got := PinyinGivenApart(c.a, c.b); got != c.want {
			t.Errorf("PinyinGivenApart(%+v, %+v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestPinyinGivensApart: two Latin names of a family spelt in pinyin alone whose
// Chinese given names are other syllables are two people; the same syllables written
// otherwise, an English name beside them, or a family Hong Kong spells alike are not
// judged.
func TestPinyinGivensApart(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Given: "Xu", Family: "Zhang"}, Name{Given: "Jessica Xue", Family: "Zhang"}, true},
		{Name{Given: "Hua", Family: "Zhang"}, Name{Given: "Zhang", Family: "Hui"}, true},
		{Name{Given: "Hua", Family: "Zhang"}, Name{Given: "慧", Family: "张"}, true},
		{Name{Given: "Xue", Family: "Zhang"}, Name{Given: "Jessica Xue", Family: "Zhang"}, false},
		{Name{Given: "Wen-ting", Family: "Zhou"}, Name{Given: "Wenting", Family: "Zhou"}, false},
		{Name{Given: "Wenting", Family: "Zhou"}, Name{Given: "Wen", Family: "Zhou"}, false}, // one syllable of two
		{Name{Given: "Hua", Family: "Li"}, Name{Given: "Hui", Family: "Li"}, false},         // Li: Hong Kong's too
		{Name{Given: "Hua", Family: "Wang"}, Name{Given: "Hui", Family: "Wang"}, false},     // Wang: Wade-Giles too
		{Name{Given: "Andy", Family: "Zhang"}, Name{Given: "Hui", Family: "Zhang"}, false},
		{Name{Given: "Lingxuan", Family: "Zhou"}, Name{Given: "Linxuan", Family: "Zhou"}, false}, // fuzzy pinyin
		// One syllable against two, neither of them it: HU XIANG, the father, and HU ZHI
		// QIANG, his son, typed family first; x, q and zh are pinyin's alone, so Hu is too.
		{Name{Given: "HU", Family: "XIANG", Full: "HU XIANG"}, Name{Given: "HU", Family: "ZHI QIANG", Full: "HU ZHI QIANG"}, true},
		{Name{Given: "Xiang", Family: "Zhou"}, Name{Given: "Zhiqiang", Family: "Zhou"}, true},
		{Name{Given: "Qiang", Family: "Hu"}, Name{Given: "Zhi Qiang", Family: "Hu"}, false}, // one syllable of two
		{Name{Given: "Xiang", Family: "Hu"}, Name{Given: "Xiong", Family: "Hu"}, true},      // both pinyin alone
		{Name{Given: "Wai", Family: "Hu"}, Name{Given: "Ka Wai", Family: "Hu"}, false},
		{Name{Given: "Ming", Family: "Li"}, Name{Given: "Ka Wai", Family: "Li"}, false}, // Hong Kong's spelling may be either
	} {
		if got := PinyinGivensApart(c.a, c.b); got != c.want {
			t.Errorf("PinyinGivensApart(%+v, %+v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
