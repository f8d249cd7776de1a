package compare

import (
	"slices"
	"strings"
)

// Wade-Giles is how Taiwan's passports, banks and most of its customers still write
// their names in Latin letters: 王文正 is Wang Wen-Cheng, 謝宥廷 Hsieh You-Ting, 蔡欣怡
// Tsai Hsin-Yi. As written in forms the apostrophes and umlauts are dropped (Ch'en is
// Chen, Hsü is Hsu), so one romanisation stands for several pinyin syllables (Chang for
// zhang and chang): comparison goes from pinyin, which the Han name gives, to its
// Wade-Giles spellings, never the other way.

// wgInitials are the pinyin initials with their Wade-Giles spelling, longest first.
var wgInitials = []struct{ py, wg string }{
	{"zh", "ch"}, {"ch", "ch"}, {"sh", "sh"},
	{"b", "p"}, {"p", "p"}, {"m", "m"}, {"f", "f"},
	{"d", "t"}, {"t", "t"}, {"n", "n"}, {"l", "l"},
	{"g", "k"}, {"k", "k"}, {"h", "h"},
	{"j", "ch"}, {"q", "ch"}, {"x", "hs"},
	{"r", "j"}, {"z", "ts"}, {"c", "ts"}, {"s", "s"},
	{"y", "y"}, {"w", "w"},
}

// wgWhole are syllables whose Wade-Giles spelling is not initial plus final.
var wgWhole = map[string][]string{
	"zi": {"tzu", "tsu", "tsi"}, "ci": {"tzu", "tsu"}, "si": {"ssu", "szu", "su"},
	// The -h of chih, shih and jih is as often left off (Chen Chi-Ming for 陈志明).
	"zhi": {"chih", "chi"}, "chi": {"chih", "chi"}, "shi": {"shih", "shi"}, "ri": {"jih", "ji"},
	"er": {"erh"}, "e": {"o", "e"},
	// Taiwan's passports write yi as Yi and you as You far more often than the system's
	// I and Yu: those come first, since the first spelling is the one a block key files.
	"yi": {"yi", "i"}, "you": {"you", "yu"},
	// gui and kui are kuei (桂 Kuei, 貴, 奎); Taiwan also writes hui as Huei.
	"gui": {"kuei", "kui"}, "kui": {"kuei", "kui"}, "hui": {"hui", "huei"},
	// Taiwan's passports also spell 瑞, 睿 Juei, and 卓 Chuo beside Cho.
	"rui": {"jui", "ruei", "rui", "juei"}, "qiu": {"chiu", "chiou"}, "yu": {"yu"}, "yan": {"yen"}, "ye": {"yeh"},
	"yong": {"yung"}, "yue": {"yueh"}, "yuan": {"yuan"}, "yun": {"yun"},
	"ge": {"ko"}, "ke": {"ko"}, "he": {"ho"},
	"duo": {"to"}, "tuo": {"to"}, "nuo": {"no"}, "luo": {"lo"}, "zuo": {"tso"}, "cuo": {"tso"},
	"suo": {"so"}, "zhuo": {"cho", "chuo"}, "chuo": {"cho"}, "ruo": {"jo"},
	"ju": {"chu"}, "qu": {"chu"}, "xu": {"hsu"}, "jue": {"chueh"}, "que": {"chueh"}, "xue": {"hsueh"},
	"juan": {"chuan"}, "quan": {"chuan"}, "xuan": {"hsuan"}, "jun": {"chun"}, "qun": {"chun"}, "xun": {"hsun"},
	"lue": {"lueh"}, "nue": {"nueh"},
}

// wgFinals are pinyin finals spelled otherwise in Wade-Giles.
var wgFinals = map[string]string{
	"ian": "ien", "ie": "ieh", "ong": "ung", "iong": "iung", "ui": "ui",
}

// wadeGiles returns the Wade-Giles spellings of one pinyin syllable (no tone, ü as u or
// v), without apostrophes or umlauts.
func wadeGiles(py string) []string {
	py = strings.ReplaceAll(py, "v", "u")
	if w, ok := wgWhole[py]; ok {
		return w
	}
	for _, in := range wgInitials {
		rest, ok := strings.CutPrefix(py, in.py)
		if !ok {
			continue
		}
		if f, ok := wgFinals[rest]; ok {
			rest = f
		}
		// de and te are te, ze and ce tse, zhe and che che: -e after a consonant stays.
		return []string{in.wg + rest}
	}
	return []string{py} // a, ai, an, ang, ao, ou, o: as in pinyin
}

// wadeGilesChoices turns pinyin syllable choices into their Wade-Giles spellings, and
// keeps the pinyin ones after them: a name chosen for a passport or typed into a form
// mixes the two as often as not (Wen-Bin Hsu for 許文彬, where Wade-Giles has Pin).
func wadeGilesChoices(choices [][]string) [][]string {
	out := make([][]string, len(choices))
	for i, c := range choices {
		for _, s := range c {
			for _, w := range wadeGiles(s) {
				if !slices.Contains(out[i], w) {
					out[i] = append(out[i], w)
				}
			}
		}
		for _, s := range c {
			if !slices.Contains(out[i], s) {
				out[i] = append(out[i], s)
			}
		}
		// Lee, the spelling Taiwan's 李 takes as often as Li.
		if slices.Contains(c, "li") && !slices.Contains(out[i], "lee") {
			out[i] = append(out[i], "lee")
		}
	}
	return out
}
