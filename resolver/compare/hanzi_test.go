package compare

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// pinyinTests are the Pinyin table, also the seeds of FuzzPinyin.
var pinyinTests = []struct {
	in   string
	want string
}{
	{"张伟", "zhang wei"},
	{"張偉", "zhang wei"}, // traditional
	{"欧阳娜娜", "ou yang na na"},
	{"歐陽娜娜", "ou yang na na"},
	{"司马光", "si ma guang"},
	{"诸葛亮", "zhu ge liang"},
	{"尉迟恭", "yu chi gong"},  // not wei chi
	{"曾国藩", "zeng guo fan"}, // 曾 as a family name, not ceng
	{"单田芳", "shan tian fang"},
	{"解缙", "xie jin"},
	{"吕布", "lv bu"},
	{"朱镕基", "zhu rong ji"}, // 镕 is outside GB 2312
	{"陶喆", "tao zhe"},
	{"王", "wang"},
	{"Zhang 伟", "wei"}, // Latin letters are dropped
	{"", ""},
}

func TestPinyin(t *testing.T) {
	for _, tt := range pinyinTests {
		if got := strings.Join(Pinyin(tt.in), " "); got != tt.want {
			t.Errorf("Pinyin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimplify(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"張偉", "张伟"},
		{"歐陽", "欧阳"},
		{"陳美華", "陈美华"},
		{"乾隆", "乾隆"}, // 乾 is simplified 干 only in some words: left alone
		{"張 Wei", "张 Wei"},
		{"abc", "abc"},
	} {
		if got := Simplify(tt.in); got != tt.want {
			t.Errorf("Simplify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseHanName(t *testing.T) {
	for _, tt := range []struct {
		in     string
		want   HanName
		wantOK bool
	}{
		{"张伟", HanName{"张", "伟"}, true},
		{"欧阳娜娜", HanName{"欧阳", "娜娜"}, true},
		{"歐陽娜娜", HanName{"欧阳", "娜娜"}, true},
		{"诸葛亮", HanName{"诸葛", "亮"}, true},
		{"欧阳", HanName{"欧", "阳"}, true}, // two characters: a family name 欧 and given name 阳
		{"王", HanName{"王", ""}, true},
		{"Zhang Wei", HanName{}, false},
		{"张伟Wei", HanName{}, false},
		{"", HanName{}, false},
		{"爱新觉罗溥仪八", HanName{}, false}, // too long for a name
	} {
		got, ok := ParseHanName(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseHanName(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

// TestHanziTables checks the generated tables as a whole: every syllable is pinyin
// letters, every traditional character folds onto a character with a reading, and the
// common family names are all there.
func TestHanziTables(t *testing.T) {
	d := hanzi()
	if len(d.readings) < 6763 || len(d.simplified) < 2000 {
		t.Fatalf("tables hold %d characters with readings and %d traditional ones", len(d.readings), len(d.simplified))
	}
	for r, rs := range d.readings {
		for _, s := range rs {
			if s == "" || strings.ContainsFunc(s, func(c rune) bool { return c < 'a' || c > 'z' }) {
				t.Fatalf("reading %q of %c", s, r)
			}
		}
	}
	for tr, s := range d.simplified {
		if len(d.readings[s]) == 0 || !unicode.Is(unicode.Han, tr) {
			t.Fatalf("%c folds to %c, which has no reading", tr, s)
		}
	}
	const common = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
	for _, r := range common {
		if len(readings(r)) == 0 {
			t.Errorf("family name %c has no reading", r)
		}
	}
	if rs := readings('长'); !slices.Contains(rs, "chang") || !slices.Contains(rs, "zhang") {
		t.Errorf("readings(长) = %q, want chang and zhang", rs)
	}
}

func FuzzPinyin(f *testing.F) {
	for _, tt := range pinyinTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, syl := range Pinyin(s) {
			if syl == "" {
				t.Fatalf("Pinyin(%q) has an empty syllable", s)
			}
		}
		if n, ok := ParseHanName(s); ok {
			if n.Family == "" || Simplify(n.Family+n.Given) != Simplify(strings.TrimSpace(s)) {
				t.Fatalf("ParseHanName(%q) = %+v", s, n)
			}
		}
		if got := Simplify(Simplify(s)); got != Simplify(s) {
			t.Fatalf("Simplify is not idempotent on %q", s)
		}
	})
}

// TestSyllableRunStopsEarlyOnlyWhereNothingReaches checks syllableRun, which gives up
// once no run of syllables reaches the last six letters, against the plain reading of
// every split: the same answer for pinyin, English names and random letters.
func TestSyllableRunStopsEarlyOnlyWhereNothingReaches(t *testing.T) {
	plain := func(w string, vowelled bool) bool {
		w = strings.ReplaceAll(uFoldBack(w), "'", "")
		if w == "" {
			return false
		}
		ok := make([]bool, len(w)+1)
		ok[0] = true
		for i := 1; i <= len(w); i++ {
			for j := max(0, i-6); j < i && !ok[i]; j++ {
				ok[i] = ok[j] && hanzi().syllables[w[j:i]] && (!vowelled || strings.ContainsAny(w[j:i], "aeiouv"))
			}
		}
		return ok[len(w)]
	}
	words := []string{"zhuangshuang", "xiaoming", "christopher", "jianguo", "lyu", "nyuer", "linda", "ng",
		"m", "xi'an", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "zhangzhangzhangzhangzhangzhangzhang", "chuangq"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 2000 {
		b := make([]byte, 1+rng.IntN(30))
		for i := range b {
			b[i] = "aeiouzhcsngxqjlrbpmfdtkwy"[rng.IntN(25)]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		for _, vowelled := range []bool{false, true} {
			if got, want := syllableRun(w, vowelled), plain(w, vowelled); got != want {
				t.Errorf("syllableRun(%q, %v) = %v, want %v", w, vowelled, got, want)
			}
		}
	}
}
