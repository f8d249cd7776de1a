package compare

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// nameLevelTests are the NameLevel table: pairs of full names and the level expected.
var nameLevelTests = []struct {
	a, b string
	want Kind
}{
	// Chinese names: scripts, order, traditional characters, compound family names.
	{"张伟", "张伟", Exact},
	{"張偉", "张伟", Exact},
	{"张伟", "Zhang Wei", Transliterated},
	{"张伟", "ZHANG Wei", Transliterated},
	{"张伟", "Wei Zhang", Transliterated},
	{"张伟", "zhangwei", Transliterated},
	{"張偉", "Zhang Wei", Transliterated},
	{"欧阳娜娜", "Ouyang Nana", Transliterated},
	{"欧阳娜娜", "Nana Ouyang", Transliterated},
	{"诸葛亮", "Zhuge Liang", Transliterated},
	{"曾国藩", "Zeng Guofan", Transliterated},
	{"吕布", "Lü Bu", Transliterated},
	{"吕布", "Lyu Bu", Transliterated},
	{"吕布", "Lv Bu", Transliterated},
	{"关羽", "Guan Yu", Transliterated},
	{"蔡欣雨", "Xinyu Cai", Transliterated},
	{"女娲", "Nyu Wa", Transliterated},
	{"张伟明", "Wei-Ming Zhang", Transliterated},
	{"张伟", "Zhang Wie", Typo},
	{"张伟", "章玮", Phonetic},    // typed with a pinyin input method
	{"张伟明", "张卫明", Homophone}, // one family name: the given name's characters picked wrong
	{"梁树林", "梁树临", Homophone},
	{"李雨欣", "李雨馨", Homophone},
	{"張雨欣", "张雨馨", Homophone}, // traditional folded first
	{"欧阳娜娜", "欧阳纳纳", Homophone},
	{"李薇", "李伟", Homophone},
	{"韩鹏飞", "寒鹏飞", Homophone}, // 寒, seldom a family name, typed for 韩: one slip
	{"刘红新", "留红新", Homophone},
	{"张晶琪", "彰晶琪", Homophone},
	{"韩鹏飞", "寒鹏菲", Phonetic}, // the given name typed otherwise as well: two slips
	{"周晶娜", "舟晶娜", Homophone},
	{"王娟萱", "汪娟萱", Phonetic}, // 汪 is many people's family, as 王 is
	{"梁树林", "梁树森", Typo},     // another sound: one character apart only
	{"张伟明", "张伟民", Typo},     // ming, min: one character apart
	// A family name of a fuzzy-pinyin reading beside the same given name: a slip of
	// the input method (chen for cheng, huang for wang, zou for zhou), not a sibling.
	{"陈国嘉", "程国嘉", Phonetic},
	{"黄娟萱", "王娟萱", Phonetic},
	{"周晶娜", "邹晶娜", Phonetic},
	{"陈国嘉", "程国佳", Phonetic}, // jia both
	{"黄娟萱", "王娟宣", Phonetic},
	{"陈", "程", Different},     // a family name alone: nothing beside it carries the name
	{"黄娟萱", "韩娟萱", Different}, // han is no fuzzy reading of huang
	{"欧阳娜娜", "欧阳娜妮", Typo},
	{"王先生", "王伟", Partial},    // delivery platforms: 王先生 is Mr Wang
	{"欧阳女士", "欧阳文怡", Partial}, // and 欧阳女士 Ms Ouyang, not 欧 阳
	{"歐陽女士", "欧阳文怡", Partial},
	{"欧阳", "欧阳文怡", Partial},
	{"欧阳女士", "欧文怡", Different}, // 欧 is a family name of its own
	{"王", "Wang Wei", Partial},
	// A nickname of one syllable against a romanised name: a part of it, as 王先生 is.
	{"阿波", "Jiabo Du", Partial},
	{"洋洋", "Yang Qian", Partial},
	{"洁洁", "Qian-Jie Cui", Partial},
	{"阿波", "Jiahui Du", Different},
	{"阿飞", "Amy Li", Different},
	// A pet name or a given name alone against the whole name in Latin letters.
	{"小辉", "HANGHUI WANG", Nickname},
	{"欣怡", "XINYI TAO", Nickname},
	{"欣怡", "Xinyue Tao", Different},
	{"小辉", "Hui Wang", Partial}, // one syllable: read as 小 before a family name, as before
	// A pet name against a family name under a title stays apart: on one phone the
	// two are a household's as often as one person's.
	{"军军", "吴先生", Different},
	{"小张", "吴先生", Different}, // 小张 names the family 张
	{"张伟", "李娜", Different},
	{"张伟", "Li Na", Different},
	{"Zhang Wei", "zhangwei", Exact},
	{"Zhang Wei", "Wei Zhang", Exact},
	// Masks.
	{"张**", "张伟", MaskedCompatible},
	{"*伟", "张伟", MaskedCompatible},
	{"张**", "張偉", MaskedCompatible},
	{"李**", "张伟", Different},
	// The family name typed by sound and masked as typed: 汪** for 王晶, 留** for 刘丽倩.
	{"汪**", "王晶", MaskedCompatible},
	{"留**", "刘丽倩", MaskedCompatible},
	{"汪**", "黄晶", Different}, // another sound
	{"**", "张伟", Null},
	{"小**", "郭旭轩", Null}, // a nickname's mask: no family name shown
	// A mask against a receiver's name that is no full name: 老王 and 小王 name the
	// family, 小飞, 阿亮, 飞飞 and the given name alone (雅琪) show none.
	{"王*", "老王", MaskedCompatible},
	{"陈*", "小陈", MaskedCompatible},
	{"陈*", "小飞", Null},
	{"魏*", "阿亮", Null},
	{"王**", "凯凯", Null},
	{"尹**", "雅琪", Null},
	{"王*", "老陈", Different}, // 老陈 names the family 陈
	{"王*", "金瑶", Different}, // 金 is a common family name: a full name
	{"王*", "陈飞飞", Different},
	{"阿**", "Yulu Mei", Null},
	{"O**", "Linyan OUYANG", MaskedCompatible}, // a Latin mask: any word's first letters
	{"Y**", "Xin Yao", MaskedCompatible},
	{"R**", "Philip Mitchell", Different},
	{"Y**", "姚欣", MaskedCompatible}, // a Latin letter against a Han name: its pinyin
	{"W**", "姚欣", Null},
	// A Han mask shows the family name: against Latin letters, read in pinyin.
	{"张**", "Zhang Wei", MaskedCompatible},
	{"张**", "Feng Zhang", MaskedCompatible},
	{"萧**", "Xiao Gang-Chen", MaskedCompatible},
	{"吕**", "Amy Lyu", MaskedCompatible},
	{"张**", "Li Na", Null},    // another reading: not compared across scripts
	{"*伟", "Zhang Wei", Null}, // the mask hides the family name
	// Against a Han name with an English one beside it, the Han part.
	{"唐**", "Michael 唐慧丹", MaskedCompatible},
	{"李**", "Michael 唐慧丹", Different},
	{"さくら", "Sakura", Null}, // kana are not read
	{"J*** Smith", "John Smith", MaskedCompatible},
	// Latin names.
	{"John Smith", "John Smith", Exact},
	{"Smith, John", "John Smith", Exact},
	{"Mr. John Smith", "john smith", Exact},
	{"José Álvarez", "Jose Alvarez", Exact},
	{"Bob Smith", "Robert Smith", Nickname},
	{"Bill Gates", "William Gates", Nickname},
	{"Liz Taylor", "Elizabeth Taylor", Nickname},
	{"Kate Smith", "Katherine Smith", Nickname},
	{"Jim Brown", "James Brown", Nickname},
	{"Jon Smith", "John Smith", Nickname},
	{"Jonh Smith", "John Smith", Typo},
	{"John Smtih", "John Smith", Typo},
	{"Bob Smyth", "Robert Smith", Typo}, // as strong as the weakest word
	{"John Smith", "John Schmidt", Phonetic},
	{"Philips", "Fillips", Phonetic},
	{"Thompson", "Tomson", Similar},
	{"Catherine", "Kathryn", Nickname},
	{"J. Smith", "John Smith", Initials},
	{"J Smith", "J Smith", Initials}, // never exact: J could be John or Jane
	{"John Smith", "Smith", Partial},
	{"John Paul Smith", "John Smith", Partial},
	{"John Smith", "Mary Smith", Different},
	{"John Smith", "Peter Jones", Different},
	{"", "John Smith", Null},
	{"  ", "John Smith", Null},
	{"---", "John Smith", Null},
}

func TestNameLevel(t *testing.T) {
	for _, tt := range nameLevelTests {
		checkLevel(t, fmt.Sprintf("NameLevel(%q, %q)", tt.a, tt.b),
			NameLevel(Name{Full: tt.a}, Name{Full: tt.b}), NameLevel(Name{Full: tt.b}, Name{Full: tt.a}), tt.want, NameKinds())
	}
}

func TestNameLevelParts(t *testing.T) {
	for _, tt := range []struct {
		a, b Name
		want Kind
	}{
		{Name{Given: "John", Family: "Smith"}, Name{Given: "John", Family: "Smith"}, Exact},
		{Name{Given: "Smith", Family: "John"}, Name{Given: "John", Family: "Smith"}, Exact}, // swapped fields
		{Name{Given: "伟", Family: "张"}, Name{Full: "张伟"}, Exact},
		{Name{Given: "Wei", Family: "Zhang"}, Name{Given: "伟", Family: "张"}, Transliterated},
		{Name{Given: "", Family: "Smith"}, Name{Given: "John", Family: "Smith"}, Partial},
		{Name{Full: "John Smith", Given: "X"}, Name{Full: "John Smith"}, Exact}, // Full wins
		{Name{}, Name{Full: "John Smith"}, Null},
	} {
		if got := NameLevel(tt.a, tt.b); got.Kind != tt.want {
			t.Errorf("NameLevel(%+v, %+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNamePartLevel(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want Level
	}{
		{"Robert", "Bob", Level{Nickname, "given: nickname (robert ~ bob)"}},
		{"Katherine", "Kathryn", Level{Nickname, "given: nickname (katherine ~ kathryn)"}},
		{"Jaems", "James", Level{Typo, "given: typo (jaems ~ james: damerau-levenshtein 1)"}},
		{"Thompson", "Tomson", Level{Similar, "given: similar (thompson ~ tomson: jaro-winkler 0.92 >= 0.88)"}},
		{"Smith", "Schmidt", Level{Phonetic, "given: phonetic (smith ~ schmidt: double metaphone XMT)"}},
		// A short name's sound is shared by other names: it counts where the spellings
		// are alike as well.
		{"Bill", "Paul", Level{Different, "given: different"}},
		{"Jane", "John", Level{Different, "given: different"}},
		{"Jon", "Jean", Level{Phonetic, "given: phonetic (jon ~ jean: double metaphone JN)"}},
		{"Alan", "Allen", Level{Phonetic, "given: phonetic (alan ~ allen: double metaphone ALN)"}},
		// A middle initial is not the other's first name: Jeffrey A. is not Ashley.
		{"Jeffrey A.", "Ashley", Level{Different, "given: different (jeffrey a against ashley: an initial beside another name)"}},
		{"A. Jeffrey", "Ashley", Level{Different, "given: different (a jeffrey against ashley: an initial beside another name)"}},
		{"Jeffrey A.", "Jeffrey", Level{Exact, "given: exact (jeffrey a ~ jeffrey: the same first name, a middle name written in part or on one side only)"}},
		{"J.", "Jeffrey", Level{Initials, "given: initials (j ~ jeffrey: initial)"}},
		{"Renee C.", "C.", Level{Different, "given: different (renee c against c: an initial beside another name)"}},
		{"John F.", "J. F.", Level{Initials, "given: initials (john ~ j: initial)"}},
		{"", "James", Level{Null, "given: null (missing)"}},
		// One syllable against another is another name, however few letters apart;
		// a slip that reads as no syllable stays a typo.
		{"萍", "Jing", Level{Different, "given: different (萍 reads ping, not jing)"}},
		{"刘", "Li", Level{Different, "given: different (刘 reads liu, not li)"}},
		{"萍", "Pnig", Level{Typo, "given: typo (ping ~ pnig: damerau-levenshtein 1)"}},
	} {
		if got := NamePartLevel("given", tt.a, tt.b); got != tt.want {
			t.Errorf("NamePartLevel(%q, %q) = %+v, want %+v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNicknames(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"bob", "robert", true},
		{"bob", "rob", true},
		{"bill", "william", true},
		{"liz", "elizabeth", true},
		{"kate", "katherine", true},
		{"jim", "james", true},
		{"peggy", "margaret", true},
		{"chris", "christopher", true},
		{"chris", "christine", true},
		{"kit", "tina", false}, // both with Chris, never with each other
		{"john", "john", false},
		{"john", "james", false},
		{"", "", false},
	} {
		if got := Nicknames(tt.a, tt.b); got != tt.want {
			t.Errorf("Nicknames(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Nicknames(tt.b, tt.a); got != tt.want {
			t.Errorf("Nicknames(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func BenchmarkNameLevelLatin(b *testing.B) {
	x, y := Name{Given: "Katherine", Family: "Thompson"}, Name{Given: "Kathryn", Family: "Tomson"}
	for b.Loop() {
		NameLevel(x, y)
	}
}

func BenchmarkNameLevelHan(b *testing.B) {
	x, y := Name{Full: "欧阳娜娜"}, Name{Full: "Nana Ouyang"}
	for b.Loop() {
		NameLevel(x, y)
	}
}

func FuzzNameLevel(f *testing.F) {
	for _, tt := range nameLevelTests {
		f.Add(tt.a, tt.b)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		got := NameLevel(Name{Full: a}, Name{Full: b})
		if !slices.Contains(NameKinds(), got.Kind) || got.Why == "" {
			t.Fatalf("NameLevel(%q, %q) = %+v", a, b, got)
		}
		if back := NameLevel(Name{Full: b}, Name{Full: a}); back.Kind != got.Kind {
			t.Fatalf("NameLevel(%q, %q) = %v, the other way round %v", a, b, got, back)
		}
		if self := NameLevel(Name{Full: a}, Name{Full: a}); self.Kind != Null && self.Kind != Exact &&
			self.Kind != Initials && self.Kind != MaskedCompatible {
			t.Fatalf("NameLevel(%q, itself) = %v", a, self)
		}
	})
}

func TestHanNameWrittenGivenFirst(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want Kind
	}{
		{Name{Full: "巩璐燕"}, Name{Full: "璐燕巩"}, Exact},
		{Name{Full: "欧阳娜娜"}, Name{Full: "娜娜欧阳"}, Exact},
		// Shopify's first name then last name: the parts say which is which.
		{Name{Full: "璐燕 巩", Given: "璐燕", Family: "巩"}, Name{Full: "巩璐燕"}, Exact},
		{Name{Full: "玉华 孔", Given: "玉华", Family: "孔"}, Name{Full: "孔 玉华", Given: "孔", Family: "玉华"}, Exact},
		{Name{Full: "李明"}, Name{Full: "明李"}, Exact},
		{Name{Full: "李明华"}, Name{Full: "华明李"}, Different},
	} {
		if got := NameLevel(c.a, c.b); got.Kind != c.want {
			t.Errorf("%+v vs %+v: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

func TestSameFamilyAcrossScripts(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Full: "Coco Wang"}, Name{Given: "华斌", Family: "汪"}, true},
		{Name{Full: "汪华斌"}, Name{Given: "Coco", Family: "WANG"}, true},
		{Name{Full: "Jiaxin YAN"}, Name{Full: "马龙"}, false},
		{Name{Full: "Amy Lyu"}, Name{Full: "吕波"}, true},
		{Name{Full: "Lyu Bo"}, Name{Full: "吕波"}, false}, // a pinyin name: transliteration decides, not this rule
		{Name{Full: "王芳"}, Name{Full: "王芳"}, false},     // one script: not this rule's question
		// A form filled given-first on both sides: 王 as the first name, Wang as the first name.
		{Name{Given: "王", Family: "婷娜"}, Name{Given: "Wang", Family: "Amy"}, true},
		{Name{Given: "Wang", Family: "Amy"}, Name{Given: "王", Family: "婷娜"}, true},
		{Name{Given: "李", Family: "婷娜"}, Name{Given: "Wang", Family: "Amy"}, false},
		// English names that split into pinyin syllables (lin-da, le-o).
		{Name{Full: "Linda Wang"}, Name{Full: "王云"}, true},
		{Name{Full: "Leo Zhou"}, Name{Given: "周", Family: "刚军"}, true},
		// An English name beside the Han one, shared by the Latin name.
		{Name{Full: "Lily 魏秀云"}, Name{Full: "Lily Wei"}, true},
		{Name{Full: "Lily 魏秀云"}, Name{Full: "Lily Zhang"}, false},
		// Pinyin that is as often a Chinese given name stays a family member.
		{Name{Full: "Nana Wang"}, Name{Full: "王云"}, false},
		// Both romanised: the English name and the pinyin one beside one family name.
		{Name{Full: "Amy He"}, Name{Full: "Fei Hua He"}, true},
		{Name{Given: "Jun Zhe", Family: "Zhang"}, Name{Full: "Helen Zhang"}, true},
		{Name{Full: "Amy He"}, Name{Full: "Helen He"}, false},     // two English names
		{Name{Full: "Feihua He"}, Name{Full: "Junzhe He"}, false}, // two Chinese ones
		{Name{Full: "Amy He"}, Name{Full: "Fei Hua Wang"}, false}, // another family
		// Pineda and Monique read as pinyin (pi-ne-da, mo-ni-que), but no family name
		// runs to three syllables: two English names of one family.
		{Name{Full: "Monique Pineda"}, Name{Full: "Jonathan Pineda"}, false},
		{Name{Full: "Amy Ouyang"}, Name{Full: "Na Na Ouyang"}, true}, // a compound family name
		{Name{Full: "Nana He"}, Name{Full: "Fei Hua He"}, false},     // Nana is as often 娜娜
	} {
		if got := SameFamilyAcrossScripts(c.a, c.b); got != c.want {
			t.Errorf("%+v, %+v: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestHanNamePartsInEitherOrder(t *testing.T) {
	// 王 typed as the first name, and 宇辉 a homophone of 宇晖.
	if got := NameLevel(Name{Given: "王", Family: "宇辉"}, Name{Full: "王宇晖"}); got.Kind != Homophone {
		t.Errorf("王 宇辉 (swapped parts) vs 王宇晖: %v (%s), want homophone", got.Kind, got.Why)
	}
	if got := NameLevel(Name{Given: "宇辉", Family: "王"}, Name{Full: "李宇辉"}); got.Kind != Different {
		t.Errorf("another family name: %v", got.Kind)
	}
}

func TestMixedScriptNames(t *testing.T) {
	if got := NameLevel(Name{Full: "Tony 熊"}, Name{Full: "Tony Xiong"}); got.Kind != Transliterated {
		t.Errorf("Tony 熊 vs Tony Xiong: %v (%s)", got.Kind, got.Why)
	}
	if got := NameLevel(Name{Full: "Tony 熊"}, Name{Full: "Tony Wang"}); got.Kind == Transliterated || got.Kind == Exact {
		t.Errorf("Tony 熊 vs Tony Wang: %v", got.Kind)
	}
}

// TestRomanisationBesideAMisreadHanName: Yanjing Shi 石艳品 against 石艳晶, the Han
// writings a character apart and not alike in sound: the name's own romanisation spells
// the other, so the character was misread, and the names agree as across scripts. A
// sister's name spelt as her own (Yanpin Shi 石艳品) stays another name.
func TestRomanisationBesideAMisreadHanName(t *testing.T) {
	if got := NameLevel(Name{Full: "Yanjing Shi 石艳品"}, Name{Full: "石艳晶"}); got.Kind != Transliterated {
		t.Errorf("Yanjing Shi 石艳品 vs 石艳晶: %v (%s), want transliterated", got.Kind, got.Why)
	}
	if got := NameLevel(Name{Full: "石艳晶"}, Name{Given: "Yanjing", Family: "Shi 石艳品"}); got.Kind != Transliterated {
		t.Errorf("石艳晶 vs Yanjing Shi 石艳品 in parts: %v (%s), want transliterated", got.Kind, got.Why)
	}
	if got := NameLevel(Name{Full: "Yanpin Shi 石艳品"}, Name{Full: "石艳晶"}); got.Kind == Transliterated || got.Kind == Exact {
		t.Errorf("Yanpin Shi 石艳品 vs 石艳晶: %v (%s)", got.Kind, got.Why)
	}
}

func TestFamilyMemberInPinyinIsNotAnEnglishName(t *testing.T) {
	if SameFamilyAcrossScripts(Name{Full: "Wang Linhua"}, Name{Full: "王鑫"}) {
		t.Error("Wang Linhua (pinyin) taken for an English name beside 王鑫")
	}
	for _, w := range []string{"linhua", "zizhen", "xiong", "lv", "zhuang"} {
		if !isPinyin(w) {
			t.Errorf("%s is pinyin", w)
		}
	}
	for _, w := range []string{"tony", "coco", "sherry", "vincent"} {
		if isPinyin(w) {
			t.Errorf("%s is not pinyin", w)
		}
	}
}

func TestHanNicknames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"阿月", "王瑶月", Nickname},
		{"珍珍", "任桂珍", Nickname},
		{"小孙", "孙雪蕾", Partial},
		{"阿强", "王瑶月", Different},
		{"阿华", "顾浩骅", Nickname}, // the sound, written with the everyday character
		{"阿华", "顾浩明", Different},
		{"小温", "Zhenbo Wen", Partial}, // across scripts, as 温先生 is
		{"老郝", "Yang HAO", Partial},
		{"小温", "Zhenbo Wang", Different},
		{"小张", "张先生", Partial}, // two ways of naming one family
		{"小张", "王先生", Different},
		// 小 before the given name's last character, and the given name alone: how a
		// receiver is written on Pinduoduo, Douyin and Meituan deliveries.
		{"小英", "王秀英", Nickname},
		{"小華", "王建华", Nickname}, // in traditional characters
		{"小英", "王秀兰", Different},
		{"小秀", "王秀英", Different}, // 小 goes with the last character
		{"秀英", "王秀英", Nickname},
		{"秀兰", "王秀英", Different},
		{"英", "王秀英", Different},
		{"王总", "王建华", Partial}, // a title after the family name, as 王先生
		{"李哥", "李强", Partial},  // brother Li
	} {
		if got := NameLevel(Name{Full: c.a}, Name{Full: c.b}); got.Kind != c.want {
			t.Errorf("%s vs %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

// TestPetNameOfTheFamilyInParts: 小吴 against a name given in parts whose family field
// holds 吴 (云 吴), or whose parts were typed into each other's fields (肖 依诺 with 肖
// as the given name), names the family only; read with the parts the other way round it
// was taken for the pet name of a member whose given name ends in 吴 or 肖.
func TestPetNameOfTheFamilyInParts(t *testing.T) {
	for _, c := range []struct {
		pet  string
		full Name
		want Kind
	}{
		{"小吴", Name{Full: "云 吴", Given: "云", Family: "吴"}, Partial},
		{"老吴", Name{Given: "云", Family: "吴"}, Partial},
		{"小肖", Name{Full: "肖 依诺", Given: "肖", Family: "依诺"}, Partial},
		{"小英", Name{Given: "秀英", Family: "王"}, Nickname}, // the member's own pet name
		{"小英", Name{Given: "英", Family: "王"}, Nickname},
		{"小吴", Name{Given: "云", Family: "王"}, Different},
	} {
		for _, p := range [][2]Name{{{Full: c.pet}, c.full}, {c.full, {Full: c.pet}}} {
			if got := NameLevel(p[0], p[1]); got.Kind != c.want {
				t.Errorf("%s vs %+v: %v (%s), want %v", c.pet, c.full, got.Kind, got.Why, c.want)
			}
		}
	}
}

func TestMailboxGeneration(t *testing.T) {
	for mail, want := range map[string]string{
		"craigs87jr@icloud.com":       "Jr.",
		"patrickolivierjr@yahoo.com":  "Jr.",
		"craig.sanchez.junior@x.com":  "Jr.",
		"darrell_bryant_sr1@mail.com": "Sr.",
		"craigs87@icloud.com":         "",
		"jr@example.com":              "", // nothing before it: not a suffix
		"zhangwei@163.com":            "",
		"no-at-sign-jr":               "",
	} {
		if got := MailboxGeneration(mail); got != want {
			t.Errorf("MailboxGeneration(%q) = %q, want %q", mail, got, want)
		}
	}
}

func TestWadeGiles(t *testing.T) {
	for _, c := range []struct {
		han, latin string
		want       Kind
	}{
		{"王文正", "Wen-Cheng Wang", Transliterated},
		{"謝宥廷", "HSIEH, You-Ting", Transliterated},
		{"蔡欣怡", "Tsai Hsin-Yi", Transliterated},
		{"徐秀珠", "Hsiu-Chu Hsu", Transliterated},
		{"張志明", "Chang Chih-Ming", Transliterated},
		{"林志忠", "Chi-Chung Lin", Transliterated}, // the -h of chih left off
		{"施世豪", "Shih Shi-Hao", Transliterated},
		{"李建國", "Lee Chien-Kuo", Transliterated},
		{"陳雅婷", "Chen Ya-Ting", Transliterated},
		{"王文正", "Wen-Cheng Huang", Different},
		{"康桂英", "Kang Kuei-Ying", Transliterated},
		{"林慧君", "Lin Huei-Chun", Transliterated},
		{"黃品睿", "Pin-Juei Huang", Transliterated}, // Juei for 睿, as passports spell it
		{"卓惠美", "Huei-Mei Chuo", Transliterated},  // and Chuo beside Cho for 卓
		{"卓惠美", "Huei-Mei Cho", Transliterated},
		{"饒子恩", "Tsi-En Jao", Transliterated}, // Tsi beside Tzu and Tsu for 子
		// Wade-Giles and pinyin mixed in one name: Bin where Wade-Giles has Pin.
		{"許文彬", "Wen-Bin Hsu", Transliterated},
		{"李冠宇", "Guan-Yu Lee", Transliterated}, // n then yu: guan yu, not a ü after n
		{"許文彬", "Wen-Bin Hsieh", Different},
	} {
		l := NameLevel(Name{Full: c.han}, Name{Full: c.latin})
		if l.Kind != c.want {
			t.Errorf("%s vs %s: %v (%s), want %v", c.han, c.latin, l.Kind, l.Why, c.want)
		}
	}
	for py, want := range map[string]string{"zheng": "cheng", "xie": "hsieh", "cai": "tsai", "xin": "hsin", "zhi": "chih",
		"jian": "chien", "guo": "kuo", "xiong": "hsiung", "ri": "jih", "de": "te", "zi": "tzu"} {
		if got := wadeGiles(py); !slices.Contains(got, want) {
			t.Errorf("wadeGiles(%s) = %v, want %s among them", py, got, want)
		}
	}
}

func TestNameLettersWadeGiles(t *testing.T) {
	han, latin := NameLettersWadeGiles(Name{Full: "謝勝雄"}), NameLettersWadeGiles(Name{Full: "Sheng-Hsiung Hsieh"})
	if han == "" || han != latin {
		t.Errorf("謝勝雄 files under %q, Sheng-Hsiung Hsieh under %q: want one key", han, latin)
	}
	// Taiwan's usual spellings of yi and you are the ones filed.
	for _, c := range [][2]string{{"蔡欣怡", "Tsai Hsin-Yi"}, {"謝宥廷", "Hsieh You-Ting"}} {
		if a, b := NameLettersWadeGiles(Name{Full: c[0]}), NameLettersWadeGiles(Name{Full: c[1]}); a != b {
			t.Errorf("%s files under %q, %s under %q", c[0], a, c[1], b)
		}
	}
	if NameLetters(Name{Full: "謝勝雄"}) == han {
		t.Error("the pinyin key and the Wade-Giles key of 謝勝雄 agree: the rule would add nothing")
	}
	if got, want := NameLettersWadeGiles(Name{Full: "Zhang Wei"}), NameLetters(Name{Full: "Zhang Wei"}); got != want {
		t.Errorf("a Latin name's Wade-Giles key %q differs from its letters %q", got, want)
	}
}

// TestEnglishNameBesideAChineseOne: people with an English name write it beside their
// Chinese one in some places and not in others; the Chinese name decides.
func TestEnglishNameBesideAChineseOne(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Kind
	}{
		{"Sherry Jinfeng Li", "李金凤", Transliterated},
		{"Sherry Jinfeng Li", "李金华", Different},     // another given name
		{"Sherry Jinfeng Wang", "李金凤", Different},   // another family
		{"Linda Jinfeng Li", "李金凤", Transliterated}, // an English name pinyin also spells
		{"Vincent 王单燕", "Vincent Danyan Wang", Transliterated},
		{"Vincent 王单燕", "Wang Danyan", Transliterated},
		{"Vincent 王单燕", "Wang Danhua", Different},
		{"张旭(Amy)", "Xu ZHANG", Transliterated},
		{"张旭(Amy)", "Xu WANG", Different},
		{"Michael 唐慧丹", "Tang Huidan", Transliterated},
		{"Jinfeng Li Smith", "李金凤", Partial}, // a Western family name is no English given name: never Transliterated
		{"Li Jinfeng Trading", "李金凤", Partial},
		// A given name split into syllables names a given name as fully as the Han
		// one: another one is Different, not Partial (张桂香 and 张桂花, a household's
		// two people); one letter off, a typo.
		{"Gui Xiang ZHANG", "张桂香", Transliterated},
		{"Gui Xiang ZHANG", "张桂花", Different},
		{"Zhang Gui Xian", "张桂香", Typo},
		{"Zhang", "张桂花", Partial},
		// An English name alone says nothing of the Chinese one either way; a
		// romanised word alone that reads as another name does.
		{"Sherry", "覃宇", Null},
		{"Emma", "Shi Mingzhi", Null}, // and of the Chinese name romanised
		{"Emma", "Emily Smith", Different},
		{"Alex", "张杰", Null},
		{"Wang", "张桂花", Different},
		{"Jie", "张杰", Partial},
	} {
		got := NameLevel(Name{Full: c.a}, Name{Full: c.b})
		if got.Kind != c.want {
			t.Errorf("%s vs %s: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
		if back := NameLevel(Name{Full: c.b}, Name{Full: c.a}); back.Kind != got.Kind {
			t.Errorf("%s vs %s: %v one way, %v the other", c.a, c.b, got.Kind, back.Kind)
		}
	}
}

// TestFamilySound: one key for a family name in Han characters, pinyin, Wade-Giles and
// the common Taiwanese spellings; different family names keep different keys.
func TestFamilySound(t *testing.T) {
	same := [][]Name{
		{{Given: "麗雪", Family: "葉"}, {Given: "Li-Hsue", Family: "Yeh"}, {Given: "Lixue", Family: "Ye"}, {Full: "叶丽雪"}},
		{{Full: "张伟"}, {Given: "Wei", Family: "Zhang"}, {Given: "Wei", Family: "CHANG"}, {Full: "張偉"}},
		{{Given: "美玲", Family: "李"}, {Given: "Mei-Ling", Family: "Lee"}, {Given: "Meiling", Family: "Li"}},
		{{Full: "谢宥廷"}, {Given: "You-Ting", Family: "Hsieh"}, {Given: "Youting", Family: "Xie"}},
		{{Full: "蔡欣怡"}, {Given: "Hsin-Yi", Family: "Tsai"}, {Given: "Xinyi", Family: "Cai"}},
		{{Full: "欧阳娜娜"}, {Given: "Nana", Family: "Ouyang"}},
		{{Given: "Bo", Family: "LYU"}, {Full: "吕波"}},
	}
	for _, names := range same {
		want := FamilySound(names[0])
		if want == "" {
			t.Errorf("FamilySound(%+v) is empty", names[0])
		}
		for _, n := range names[1:] {
			if got := FamilySound(n); got != want {
				t.Errorf("FamilySound(%+v) = %q, want %q as for %+v", n, got, want, names[0])
			}
		}
	}
	for _, pair := range [][2]Name{
		{{Full: "李伟"}, {Full: "黎伟"}}, // both li: a sound, not a character
	} {
		if a, b := FamilySound(pair[0]), FamilySound(pair[1]); a != b {
			t.Errorf("FamilySound(%+v) = %q, FamilySound(%+v) = %q: homophones share a key", pair[0], a, pair[1], b)
		}
	}
	for _, pair := range [][2]Name{
		{{Full: "王伟"}, {Full: "黄伟"}},
		{{Given: "Wei", Family: "Wang"}, {Given: "Wei", Family: "Wong"}}, // Cantonese is not read
		{{Given: "Anna", Family: "Smith"}, {Given: "Anna", Family: "Smyth"}},
	} {
		if a, b := FamilySound(pair[0]), FamilySound(pair[1]); a == b {
			t.Errorf("FamilySound(%+v) = FamilySound(%+v) = %q", pair[0], pair[1], a)
		}
	}
	for _, n := range []Name{{Full: "Zhang Wei"}, {Full: "张**"}, {}} {
		if got := FamilySound(n); got != "" {
			t.Errorf("FamilySound(%+v) = %q, want none", n, got)
		}
	}
}

func TestFamilyReading(t *testing.T) {
	for _, tt := range []struct {
		n    Name
		want string
	}{
		{Name{Full: "张伟"}, "zhang"},
		{Name{Full: "赵女士"}, "zhao"},
		{Name{Full: "欧阳娜娜"}, "ouyang"},
		{Name{Given: "婷敏", Family: "方"}, "fang"},
		{Name{Given: "方", Family: "婷敏"}, "fang"}, // the one character is the family name
		{Name{Given: "李", Family: "超"}, "li"},    // of two single characters, the common family name
		{Name{Given: "超", Family: "李"}, "li"},
		{Name{Given: "王", Family: "李"}, "li"},         // both common: the fields say
		{Name{Given: "磊", Family: "上官"}, "shangguan"}, // a compound family name is the family name
		{Name{Given: "上官", Family: "磊"}, "shangguan"}, // wherever it was typed
		{Name{Given: "歐陽", Family: "娜娜"}, "ouyang"},
		{Name{Given: "Wei", Family: "Zhang"}, "zhang"},
		{Name{Given: "Bo", Family: "LYU"}, "lu"},
		{Name{Given: "Wěi", Family: "Zhāng"}, "zhang"}, // tone marks drop, the letters stay
		{Name{Given: "Wei", Family: "Ceng"}, "zeng"},   // 曾 read as in 曾经: no family name reads ceng
		{Name{Given: "Wei", Family: "Céng"}, "zeng"},
		{Name{Given: "Wei", Family: "Tan"}, "tan"}, // 谭 as well as a misread 覃: kept
		{Name{Full: "Zhang Wei"}, ""},              // one field: which word is the family name is not said
		{Name{Full: "Zhiqiang Chen 陈志强"}, "chen"},  // the Han form says it
		{Name{Given: "Lily", Family: "魏秀云"}, "wei"},
		{Name{Full: "张**"}, ""},
		{Name{}, ""},
	} {
		if got := FamilyReading(tt.n); got != tt.want {
			t.Errorf("FamilyReading(%+v) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestHanFieldsSwapped: a Han name in two fields is read family name first, whichever
// field the family name was typed in, and 曾 read Ceng files where 曾 does.
func TestHanFieldsSwapped(t *testing.T) {
	// The sex a given name points to is read from the given name, wherever it was typed.
	if g := GivenGender(Name{Given: "张", Family: "丽"}); g != GivenGender(Name{Full: "张丽"}) || g == GenderUnknown {
		t.Errorf("GivenGender(张 / 丽) = %v, 张丽's %v: want one sex, known", g, GivenGender(Name{Full: "张丽"}))
	}
	for _, latin := range []string{"Ceng Wei", "Wei Ceng", "Céng Wěi"} {
		if got, want := NameLetters(Name{Full: latin}), NameLetters(Name{Full: "曾伟"}); got != want {
			t.Errorf("NameLetters(%s) = %q, 曾伟's %q: want one key", latin, got, want)
		}
	}
}

// TestRomanisedChinese: given names in pinyin read as Chinese, English ones do not.
func TestRomanisedChinese(t *testing.T) {
	for given, want := range map[string]bool{
		"Guixiang": true, "Gui Xiang": true, "Gui-Xiang": true, "XINLI": true,
		"Alex": false, "Vincent": false, "Linda": false, "Emma": false, "桂花": false, "": false,
	} {
		if got := RomanisedChinese(given); got != want {
			t.Errorf("RomanisedChinese(%q) = %v, want %v", given, got, want)
		}
	}
}

// FuzzFamilySound: any given and family name gives a key without capitals or spaces (a
// character with no known reading stays itself), the same whatever the family name's
// letter case, and RomanisedChinese never panics.
func FuzzFamilySound(f *testing.F) {
	for _, s := range [][2]string{{"麗雪", "葉"}, {"Li-Hsue", "Yeh"}, {"Mei-Ling", "Lee"}, {"Nana", "Ouyang"}, {"Bo", "LYU"}, {"", "张**"}, {"\xff", "\xfe"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, given, family string) {
		k := FamilySound(Name{Given: given, Family: family})
		if strings.ContainsAny(k, " \t") || k != strings.ToLower(k) {
			t.Fatalf("FamilySound(%q, %q) = %q: capitals or spaces", given, family, k)
		}
		if !hasHan(family) {
			if up := FamilySound(Name{Given: given, Family: strings.ToUpper(family)}); up != k && strings.ToLower(strings.ToUpper(family)) == strings.ToLower(family) {
				t.Fatalf("FamilySound(%q, %q) = %q, with the family name in capitals %q", given, family, k, up)
			}
		}
		_ = RomanisedChinese(given)
	})
}

// TestLatinMaskAgainstHanName: a mask that kept a romanised name's first letter (L** of
// Liang Zhang) fits the Han name whose family or given name reads with it, in either
// order; another letter does not.
func TestLatinMaskAgainstHanName(t *testing.T) {
	for _, c := range []struct {
		mask, name string
		want       Kind
	}{
		{"L**", "张亮", MaskedCompatible},
		{"L**", "亮 张", MaskedCompatible},
		{"Z**", "张亮", MaskedCompatible},
		{"H**", "张红艳", MaskedCompatible},
		{"Q**", "张亮", Null},
	} {
		if got := NameLevel(Name{Full: c.mask}, Name{Full: c.name}); got.Kind != c.want {
			t.Errorf("%s against %s: %v (%s), want %v", c.mask, c.name, got.Kind, got.Why, c.want)
		}
	}
}

// TestLookAlikeFamilyNames: one given name under family names a stroke apart is one
// name misread (a typo), for whole names and for family names compared alone; another
// given name, or family names that do not look alike, stay different.
func TestLookAlikeFamilyNames(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want Kind
		same bool
	}{
		{Name{Full: "王强"}, Name{Full: "主强"}, Typo, true},
		{Name{Given: "莉", Family: "主"}, Name{Given: "莉", Family: "王"}, Typo, true},
		{Name{Full: "陳飛鳴"}, Name{Full: "陆飞鸣"}, Typo, true},
		{Name{Given: "丽", Family: "主"}, Name{Full: "王丽7496"}, Typo, true}, // a waybill's name and number tail
		// The family name typed in the first-name field, as FamilyReading reads it:
		// 甲 / 莉莉 is 甲莉莉 misread from 田莉莉, 汤 / 勇 is 汤勇 misread from 杨勇.
		{Name{Given: "甲", Family: "莉莉"}, Name{Given: "莉莉", Family: "田"}, Typo, true},
		{Name{Given: "汤", Family: "勇"}, Name{Full: "杨勇"}, Typo, true},
		{Name{Full: "王强"}, Name{Full: "主刚"}, Different, false},
		{Name{Full: "王强"}, Name{Full: "赵强"}, Different, false},
	} {
		if got := NameLevel(c.a, c.b); got.Kind != c.want {
			t.Errorf("%+v against %+v: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
		if got := LookAlikeNames(c.a, c.b); got != c.same {
			t.Errorf("LookAlikeNames(%+v, %+v) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
	if got := NamePartLevel("family", "主", "王"); got.Kind != Typo {
		t.Errorf("family 主 against 王: %v (%s), want typo", got.Kind, got.Why)
	}
}

// TestLookAlikeFamilyAgainstRomanisation: a rare family name misread from a common one
// that looks alike (主 for 王, 季 for 李) is a typo against the romanisation of the
// common one, as it is against its characters, and the common one alone (王女士) is
// its family name only; a common family name is never taken for
// another (陈 against Lu is 陆's, 王 against Zhu is 朱's), nor one of another given name.
func TestLookAlikeFamilyAgainstRomanisation(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want Kind
	}{
		{Name{Given: "丽", Family: "主"}, Name{Given: "Li", Family: "Wang"}, Typo},
		{Name{Full: "主丽"}, Name{Full: "Wang Li"}, Typo},
		{Name{Full: "季金花"}, Name{Full: "Jinhua Li"}, Typo},
		{Name{Full: "主丽"}, Name{Full: "Wang Hong"}, Different},
		{Name{Full: "陈金振"}, Name{Full: "Lu Jinzhen"}, Different},
		{Name{Full: "王丽"}, Name{Full: "Zhu Li"}, Different},
		{Name{Given: "丽", Family: "主"}, Name{Full: "王女士"}, Partial},
		{Name{Full: "陈女士"}, Name{Full: "陆金振"}, Different},
	} {
		if got := NameLevel(c.a, c.b); got.Kind != c.want {
			t.Errorf("%+v against %+v: %v (%s), want %v", c.a, c.b, got.Kind, got.Why, c.want)
		}
	}
}

func TestGeneration(t *testing.T) {
	for _, tt := range []struct {
		n    Name
		want string
	}{
		{Name{Full: "Joseph Crawford Jr."}, "Jr."},
		{Name{Given: "Joseph", Family: "Crawford Jr."}, "Jr."},
		{Name{Full: "Darrell Bryant Sr"}, "Sr."},
		{Name{Full: "Henry Ford II"}, "II"},
		{Name{Full: "Smith, John, Jr."}, "Jr."},
		{Name{Full: "Joseph Crawford"}, ""},
		{Name{Full: "Jr"}, ""}, // a name of one word is no suffix
		{Name{Full: "张伟"}, ""},
	} {
		if got := Generation(tt.n); got != tt.want {
			t.Errorf("Generation(%+v) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
