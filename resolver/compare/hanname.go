package compare

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// HanName is a Chinese name written in Han characters, split into family and given name.
type HanName struct {
	Family, Given string
}

// compoundSurnames are the two-character family names still in use, with their reading
// as family names, which is not always the characters' usual reading (尉迟 is yuchi,
// 万俟 moqi). A name starting with one of them has a two-character family name.
var compoundSurnames = map[string][]string{
	"欧阳": {"ou", "yang"}, "司马": {"si", "ma"}, "诸葛": {"zhu", "ge"}, "上官": {"shang", "guan"},
	"东方": {"dong", "fang"}, "皇甫": {"huang", "fu"}, "尉迟": {"yu", "chi"}, "公孙": {"gong", "sun"},
	"慕容": {"mu", "rong"}, "长孙": {"zhang", "sun"}, "宇文": {"yu", "wen"}, "司徒": {"si", "tu"},
	"夏侯": {"xia", "hou"}, "轩辕": {"xuan", "yuan"}, "令狐": {"ling", "hu"}, "钟离": {"zhong", "li"},
	"闻人": {"wen", "ren"}, "澹台": {"tan", "tai"}, "公冶": {"gong", "ye"}, "太叔": {"tai", "shu"},
	"申屠": {"shen", "tu"}, "端木": {"duan", "mu"}, "呼延": {"hu", "yan"}, "南宫": {"nan", "gong"},
	"西门": {"xi", "men"}, "百里": {"bai", "li"}, "独孤": {"du", "gu"}, "赫连": {"he", "lian"},
	"万俟": {"mo", "qi"}, "司空": {"si", "kong"}, "濮阳": {"pu", "yang"}, "淳于": {"chun", "yu"},
	"单于": {"chan", "yu"}, "拓跋": {"tuo", "ba"}, "东郭": {"dong", "guo"}, "公羊": {"gong", "yang"},
	"仲孙": {"zhong", "sun"}, "左丘": {"zuo", "qiu"}, "第五": {"di", "wu"}, "梁丘": {"liang", "qiu"},
	"乐正": {"yue", "zheng"}, "漆雕": {"qi", "diao"}, "宗政": {"zong", "zheng"}, "司寇": {"si", "kou"},
	"鲜于": {"xian", "yu"}, "闾丘": {"lv", "qiu"}, "亓官": {"qi", "guan"}, "巫马": {"wu", "ma"},
	"公良": {"gong", "liang"}, "颛孙": {"zhuan", "sun"}, "羊舌": {"yang", "she"}, "微生": {"wei", "sheng"},
}

// surnameReadings are family names whose reading as a family name is not the
// character's usual reading.
var surnameReadings = map[rune]string{
	'单': "shan", '仇': "qiu", '区': "ou", '查': "zha", '曾': "zeng", '解': "xie", '朴': "piao",
	'盖': "ge", '乐': "yue", '覃': "qin", '翟': "zhai", '缪': "miao", '种': "chong", '秘': "bi",
	'召': "shao", '员': "yun", '繁': "po", '能': "nai", '薄': "bo", '牟': "mou", '黑': "he",
	'祭': "zhai", '折': "she", '隗': "wei", '尉': "wei", '重': "chong", '朝': "chao",
}

// ParseHanName splits a name written in Han characters into family and given name: a
// compound family name (欧阳, 司马, 诸葛, ...) when the name starts with one and has more
// characters, else the first character. Traditional characters are folded first, so
// 歐陽娜娜 gives 欧阳 and 娜娜. A single character is a family name alone, as delivery
// platforms write 王先生 for a customer called 王. It reports false for anything that is
// not one to six Han characters.
func ParseHanName(s string) (HanName, bool) {
	s = Simplify(strings.TrimSpace(s))
	n := utf8.RuneCountInString(s)
	if !isHan(s) || n > 6 {
		return HanName{}, false
	}
	if n >= 3 {
		if _, ok := compoundSurnames[string([]rune(s)[:2])]; ok {
			return HanName{Family: string([]rune(s)[:2]), Given: string([]rune(s)[2:])}, true
		}
	}
	_, size := utf8.DecodeRuneInString(s)
	return HanName{Family: s[:size], Given: s[size:]}, true
}

// familyPinyin returns the reading of a family name written in simplified characters.
func familyPinyin(family string) []string {
	if r, ok := compoundSurnames[family]; ok {
		return r
	}
	var out []string
	for _, r := range family {
		if s, ok := surnameReadings[r]; ok {
			out = append(out, s)
		} else if rs := readings(r); len(rs) > 0 {
			out = append(out, rs[0])
		} else {
			out = append(out, string(r))
		}
	}
	return out
}

// syllableChoices returns, for each character of a Han name in written order, the
// syllables it may be read as: the family name's reading as a family name first, then
// every reading the tables know. ü is folded to u, as romanised names write it (吕 is
// Lu, Lv or Lyu; see pinyinLatin).
func syllableChoices(n HanName) [][]string {
	var out [][]string
	add := func(r rune, first string) {
		var c []string
		if first != "" {
			c = append(c, uFold(first))
		}
		for _, s := range readings(r) {
			if s = uFold(s); !slices.Contains(c, s) {
				c = append(c, s)
			}
		}
		if len(c) == 0 {
			c = []string{string(r)}
		}
		out = append(out, c)
	}
	if rs, ok := compoundSurnames[n.Family]; ok {
		for i, r := range []rune(n.Family) {
			add(r, rs[i])
		}
	} else {
		for _, r := range n.Family {
			add(r, surnameReadings[r])
		}
	}
	for _, r := range n.Given {
		add(r, "")
	}
	return out
}

// uFold writes pinyin's v (ü) as u.
func uFold(s string) string { return strings.ReplaceAll(s, "v", "u") }

// pinyinLatin prepares romanised name words for comparison with pinyin: lower-case
// letters only, joined, with the spellings of ü ("lü", "lv", "lyu", "nyu") written u.
// Lyu and Nyu are read so only at the start of a word: within one, an n before yu ends
// the syllable before (Guanyu, Xinyu, Junyu), and joined words must not run together
// into one (Guan Yu is not guanu).
func pinyinLatin(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for _, sp := range []string{"lyu", "nyu"} {
			if rest, ok := strings.CutPrefix(w, sp); ok {
				w = sp[:1] + "u" + rest
			}
		}
		b.WriteString(w)
	}
	return uFold(b.String())
}

// readsAs reports whether the Han name can be read as the romanised text: its
// syllables, family name first or given name first, spell text exactly (as "Zhang Wei",
// "Wei Zhang" and "zhangwei" all spell 张伟). It returns the reading that matched.
func readsAs(n HanName, text string) (string, bool) {
	choices := syllableChoices(n)
	// 陳 spelled Chan or Tan (dialectSurnames): for reading a romanised name only, never
	// between two Han names, where 陈 and 曾 (both chan in Hong Kong) are two families.
	if sp := readingFamilySpellings(n.Family); len(sp) > 0 && len(choices) > 0 {
		choices = slices.Clone(choices)
		choices[0] = append(slices.Clip(choices[0]), sp...)
	}
	nf := utf8.RuneCountInString(n.Family)
	orders := [][][]string{choices}
	if nf < len(choices) {
		orders = append(orders, append(append([][]string{}, choices[nf:]...), choices[:nf]...))
	}
	for _, ch := range orders {
		if r, ok := spell(ch, text); ok {
			return r, true
		}
	}
	// Taiwan's Wade-Giles (Wen-Cheng, Hsieh): hyphens and apostrophes dropped.
	wg := wadeGilesMarks.Replace(text)
	for _, ch := range orders {
		if r, ok := spell(wadeGilesChoices(ch), wg); ok {
			return r, true
		}
	}
	return readsAsCantonese(n, text)
}

// readsAsCantonese reports whether the Han name reads as the romanised text in Hong
// Kong's Cantonese spellings (Chiu Wing Hin for 趙永軒), family name first or last.
func readsAsCantonese(n HanName, text string) (string, bool) {
	choices := syllableChoices(n)
	nf := utf8.RuneCountInString(n.Family)
	wg := strings.NewReplacer("-", "", "'", "", "’", "").Replace(text)
	if canto, ok := cantoneseChoices(n, choices); ok {
		orders := [][][]string{canto}
		if nf < len(canto) {
			orders = append(orders, append(append([][]string{}, canto[nf:]...), canto[:nf]...))
		}
		for _, ch := range orders {
			if r, ok := spell(ch, wg); ok {
				return r, true
			}
		}
	}
	return "", false
}

// wadeGilesMarks drops the hyphens and apostrophes of a Wade-Giles name (Wen-Cheng,
// Ch'en); built once, not per name.
var wadeGilesMarks = strings.NewReplacer("-", "", "'", "", "’", "")

// spell reports whether text is one syllable of each choice, in order, and returns
// them spaced. It explores the choices depth first; names are short and each
// character has few readings, so this stays small.
func spell(choices [][]string, text string) (string, bool) {
	if len(choices) == 0 {
		return "", text == ""
	}
	for _, s := range choices[0] {
		if rest, ok := strings.CutPrefix(text, s); ok {
			if tail, ok := spell(choices[1:], rest); ok {
				return strings.TrimSpace(s + " " + tail), true
			}
		}
	}
	return "", false
}

// homophoneLevel compares two Han names that are not the same: Homophone where they
// share the family name and the given names read alike character by character (梁树林
// and 梁树临, liang shu lin), the input method's slip on a name its owner typed;
// Phonetic where the family names differ in writing, though they read alike or
// fuzzily alike (张伟 and 章玮: 张 and 章 are two families; 陈国嘉 and 程国嘉), which a
// stranger's name does as often. ok is false where they do not read alike.
func homophoneLevel(a, b HanName) (k Kind, reading string, ok bool) {
	r, ok := homophones(a, b)
	switch {
	case !ok:
		return Null, "", false
	case a.Family == b.Family && a.Given != "" && b.Given != "":
		return Homophone, r, true
	case a.Given != "" && a.Given == b.Given && (familyTypedBySound(a.Family, b.Family) || familyTypedBySound(b.Family, a.Family)):
		return Homophone, r, true
	}
	return Phonetic, r, true
}

// familyTypedBySound reports whether a family name as written is a rare one that reads
// as a common one (留 for 刘, 寒 for 韩, 彰 for 张): the first candidate an input method
// offered for the sound, picked in haste. Beside one given name it is one slip of one
// person's name, as a given name's homophone under one family name is: no sibling or
// spouse bears the same given name under a family name one sound-slip away. Two common
// families (陈 and 程, 黄 and 王 by fuzzy pinyin) are two families, and stay Phonetic.
func familyTypedBySound(written, meant string) bool {
	if commonFamily(written) || !commonFamily(meant) {
		return false
	}
	wr, mr := []rune(written), []rune(meant)
	return len(wr) == 1 && len(mr) == 1 && slices.Contains(readings(wr[0]), familyPinyin(meant)[0])
}

// homophones reports whether two Han names of the same length can be read alike,
// character by character: 张伟 and 章玮 are both zhang wei. Pinyin input methods make
// exactly this mistake, and platforms show the name the buyer typed.
func homophones(a, b HanName) (string, bool) {
	ca, cb := syllableChoices(a), syllableChoices(b)
	if len(ca) != len(cb) {
		return "", false
	}
	// The family name may also be one the input method's fuzzy pinyin offered (陈
	// chen for 程 cheng, 黄 huang for 王 wang) where the given names are there to
	// carry the name: siblings share their family name, so another family name of a
	// fuzzy reading beside the same given name is a slip, not a relative.
	fam := 0
	if a.Given != "" && b.Given != "" && utf8.RuneCountInString(a.Family) == utf8.RuneCountInString(b.Family) {
		fam = utf8.RuneCountInString(a.Family)
	}
	var common []string
	for i := range ca {
		found := ""
		for _, s := range ca[i] {
			if slices.Contains(cb[i], s) {
				found = s
				break
			}
			if i < fam && slices.ContainsFunc(cb[i], func(t string) bool { return fuzzyPinyin(s) == fuzzyPinyin(t) }) {
				found = s
				break
			}
		}
		if found == "" {
			return "", false
		}
		common = append(common, found)
	}
	return strings.Join(common, " "), true
}

// fuzzyPinyin folds a pinyin syllable by the fuzzy-pinyin options of the common input
// methods, for speakers who do not tell the sounds apart: zh, ch and sh as z, c and s;
// n as l; h as f; r as l; a final -ng as -n (ang an, eng en, ing in); huang as wang.
func fuzzyPinyin(s string) string {
	if s == "huang" {
		s = "wang"
	}
	for _, r := range [][2]string{{"zh", "z"}, {"ch", "c"}, {"sh", "s"}, {"n", "l"}, {"h", "f"}, {"r", "l"}} {
		if rest, ok := strings.CutPrefix(s, r[0]); ok {
			s = r[1] + rest
			break
		}
	}
	if rest, ok := strings.CutSuffix(s, "ng"); ok && rest != "" {
		s = rest + "n"
	}
	return s
}
