package compare

import (
	"strings"

	"github.com/seamhub/seam/resolver/normalize"
)

// Gender is what a name says of its bearer's sex, when it says anything.
type Gender byte

// The genders a name can show.
const (
	GenderUnknown Gender = iota
	GenderMale
	GenderFemale
)

// Chinese given names are gendered by their characters more than by rule: 娟, 婷 and
// 燕 are girls' names, 刚, 强 and 鹏 boys'. Only characters that name one sex in the
// great majority of bearers are listed; 华, 英, 明, 敏, 红, 平 and the like, common to
// both (or to one generation's girls and another's boys), are not.
var (
	femaleGiven = runeSet("娟婷芳燕萍霞梅兰琴玲娜丽莉倩颖蕾薇媛嫣姗婉妮娇凤菊莲翠淑雯静雪艳秀慧惠琳瑶璐怡欣馨琪娥姣婕妍嫦姝月莹洁珍丹萱诗梦")
	maleGiven   = runeSet("伟强刚勇杰涛斌超鹏浩峰磊龙虎彪雄豪俊健毅兵武亮波辉东建国栋博帅凯飞岩松成德志军祥")
)

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// TitleGender returns the sex a courtesy title written into a name field states: 先生
// and Mr a man, 女士, 小姐, Mrs, Ms and Miss a woman. Delivery platforms write 王先生
// and 李女士 for a customer they know by family name only, and the title is then the
// one thing the name says of which member of the family it is.
func TitleGender(n Name) Gender {
	text := strings.TrimSpace(Simplify(n.Full + " " + n.Family + n.Given))
	switch {
	case strings.Contains(text, "先生"):
		return GenderMale
	case strings.Contains(text, "女士"), strings.Contains(text, "小姐"):
		return GenderFemale
	}
	if rs := []rune(strings.Join(strings.Fields(text), "")); len(rs) == 2 && isHan(string(rs[0])) {
		// A family name and 哥 or 姐 (李哥, 刘姐): brother or sister, as 先生 and 女士.
		switch rs[1] {
		case '哥':
			return GenderMale
		case '姐':
			return GenderFemale
		}
	}
	for _, w := range strings.Fields(strings.ToLower(titleMarks.Replace(text))) {
		switch w {
		case "mr":
			return GenderMale
		case "mrs", "ms", "miss":
			return GenderFemale
		}
	}
	return GenderUnknown
}

// titleMarks spaces the dots and commas around a title (Mr., Ms,); built once.
var titleMarks = strings.NewReplacer(".", " ", ",", " ")

// GivenGender returns the sex a Chinese given name written in Han characters points to:
// female when one of its characters is a girls' name and none a boys', male the other
// way round, unknown otherwise (a romanised name loses the characters that tell).
func GivenGender(n Name) Gender {
	given := n.Given
	if h, ok := ParseHanName(normalize.PersonName(n.text())); ok && h.Given != "" {
		given = h.Given
	}
	given = Simplify(given)
	var f, m bool
	for _, r := range given {
		f = f || femaleGiven[r]
		m = m || maleGiven[r]
	}
	return genderOf(f, m)
}

// genderOf is the sex that signs of a female (f) and a male (m) name point to: one
// alone, or unknown where there are both or neither.
func genderOf(f, m bool) Gender {
	switch {
	case f && !m:
		return GenderFemale
	case m && !f:
		return GenderMale
	}
	return GenderUnknown
}

// GendersClash reports whether one name carries a courtesy title of one sex and the
// other a title or a Chinese given name of the other: 张先生 and 张晶月, or 张先生 and
// 张女士, are two members of a family, never one person however much else they share.
func GendersClash(a, b Name) bool {
	ta, tb := TitleGender(a), TitleGender(b)
	return differ(ta, tb) || differ(ta, GivenGender(b)) || differ(tb, GivenGender(a))
}

func differ(x, y Gender) bool { return x != GenderUnknown && y != GenderUnknown && x != y }

// EnglishGenderClash reports whether an English given name of one sex in one name
// (Anna, Eric) meets a title or a Chinese given name of the other sex in the other:
// Anna Xu and 许凯, her husband, whose family name Xu spells too. It is weaker
// evidence than a title's (GendersClash): Hong Kong parents give 傑玉 to a girl, and
// not every Sophia is one, so it only keeps such a pair from counting as one person's
// two names (EnglishBesideChinese), never makes two people of names that agree.
func EnglishGenderClash(a, b Name) bool {
	ea, eb := EnglishGender(a), EnglishGender(b)
	return differ(ea, TitleGender(b)) || differ(eb, TitleGender(a)) || differ(ea, GivenGender(b)) || differ(eb, GivenGender(a))
}

// English given names that Chinese customers go by beside their Chinese names, and
// that name one sex in nearly all bearers. Names common to both (Alex, Chris, Sam,
// Jackie, Sunny, Terry) are left out, as are the rest: an unknown name is no evidence.
var (
	femaleEnglish = wordSet("alice amanda amy angela ann anna anne annie apple ava becky bella betty bonnie candy carol " +
		"catherine cathy cecilia celine cherry chloe christina cindy claire coco connie crystal daisy diana doris eileen " +
		"elaine elena elizabeth ella emily emma esther eva fiona gloria grace hannah helen helena irene iris ivy jade jane " +
		"janet jasmine jennifer jenny jessica jessie joanna josephine joyce judy julia karen kate katherine kelly kitty " +
		"laura lena lily linda lisa lucy lydia maggie mandy maria mary megan melissa mia michelle monica nancy natalie " +
		"nicole nina olivia penny phoebe queenie rachel rebecca rita rose ruby sally sandy sarah selina serena sharon " +
		"sherry shirley sophia sophie stella susan sylvia teresa tiffany tina tracy vanessa vicky victoria vivian wendy " +
		"winnie yvonne zoe")
	maleEnglish = wordSet("aaron adam alan albert allen alvin andrew andy anthony arthur ben benjamin bill bob bobby " +
		"brian bruce calvin carl charles daniel david dennis derek edward eric felix frank gary george gordon harry henry " +
		"howard ivan jack jackson jacky james jason jeff jerry jim jimmy joe john johnny jonathan joseph justin kelvin ken " +
		"kenny kevin larry lawrence leo leon louis marco mark martin matthew michael mike nelson nick oscar owen patrick " +
		"paul peter philip raymond richard ricky robert roger ronald ryan sean simon stanley stephen steve steven thomas " +
		"tim timothy tom tommy tony victor vincent walter wayne william wilson")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// EnglishGender returns the sex an English given name in a name points to (Anna female,
// Eric male), unknown where the name has none of the listed names or names of both.
// EnglishGenderClash sets it against a title or a Chinese given name only: two English
// names are told apart by NameLevel, as any two names are.
func EnglishGender(n Name) Gender {
	var f, m bool
	for _, w := range normalize.PersonNameWords(n.text()) {
		f = f || femaleEnglish[w]
		m = m || maleEnglish[w]
	}
	return genderOf(f, m)
}
