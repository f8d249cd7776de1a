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
	for _, w := range strings.Fields(strings.ToLower(strings.NewReplacer(".", " ", ",", " ").Replace(text))) {
		switch w {
		case "mr":
			return GenderMale
		case "mrs", "ms", "miss":
			return GenderFemale
		}
	}
	return GenderUnknown
}

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
	differ := func(x, y Gender) bool { return x != GenderUnknown && y != GenderUnknown && x != y }
	ta, tb := TitleGender(a), TitleGender(b)
	return differ(ta, tb) || differ(ta, GivenGender(b)) || differ(tb, GivenGender(a))
}
