package compare

import "strings"

// dialectSurnames are the spellings Hong Kong, Macau, Singapore and Malaysia give family
// names, from Cantonese, Hokkien, Teochew and Hakka rather than Mandarin: 陳 is Chan in
// a Hong Kong passport and Tan in a Singaporean one, 黃 Wong or Ng or Wee. A buyer
// from there writes the name so at one shop and in characters at another, and pinyin
// (chen, huang) reads neither. Only family names are listed: given names are spelled
// syllable by syllable and too freely for a table (輝雯 is Fai-man), and a family name
// that agrees across scripts is what the household rules need.
var dialectSurnames = map[rune][]string{
	'陈': {"chan", "tan", "chin"}, '黄': {"wong", "ng", "wee", "oei"}, '王': {"wong", "ong"},
	'李': {"lee", "lei"}, '张': {"cheung", "teo", "teoh", "chong", "chang"}, '刘': {"lau", "low", "lao"},
	'吴': {"ng", "goh", "woo"}, '伍': {"ng"}, '何': {"ho"}, '林': {"lam", "lim"}, '梁': {"leung", "neo", "leong"},
	'杨': {"yeung", "yeo", "yeoh", "yong"}, '谢': {"tse", "chia", "seah"}, '冯': {"fung"},
	'卢': {"lo", "lou"}, '罗': {"law", "lo", "loh"}, '蔡': {"choi", "chua", "tsoi"}, '曾': {"tsang", "chan"},
	'郭': {"kwok", "quek", "kwek"}, '周': {"chow", "chau", "chew"}, '叶': {"yip", "yap", "yeap"},
	'邓': {"tang", "teng"}, '胡': {"wu", "oh"}, '黎': {"lai"}, '麦': {"mak"}, '潘': {"poon", "phua"},
	'谭': {"tam"}, '余': {"yu", "yue", "ee"}, '许': {"hui", "koh", "khor"}, '萧': {"siu", "seow"},
	'郑': {"cheng", "tay", "teh"}, '朱': {"chu", "choo"}, '关': {"kwan"}, '袁': {"yuen"}, '区': {"au"},
	'方': {"fong", "png"}, '钟': {"chung", "chong"}, '施': {"sze"}, '苏': {"so", "soh"}, '彭': {"pang"},
	'江': {"kong"}, '汤': {"tong"}, '姚': {"yiu"}, '孔': {"hung"}, '洪': {"hung", "ang"}, '徐': {"tsui", "chee"},
	'崔': {"tsui"}, '韦': {"wai"}, '邱': {"yau", "khoo"}, '莫': {"mok"}, '严': {"yim"}, '温': {"wan"},
	'尹': {"wan"}, '钱': {"chin"}, '龙': {"lung"}, '岑': {"shum"}, '文': {"man"}, '甘': {"kam"},
	'金': {"kam"}, '雷': {"lui"}, '吕': {"lui"}, '石': {"shek"}, '程': {"ching"}, '沈': {"shum", "sim"},
	'宋': {"sung"}, '邵': {"shiu"}, '孙': {"suen", "sng"}, '唐': {"tong"}, '陆': {"luk"}, '高': {"ko", "koh"},
	'戴': {"tai"}, '廖': {"liu", "leow"}, '蒋': {"tseung"}, '翁': {"yung"}, '容': {"yung"}, '赖': {"lai"},
	'魏': {"ngai", "gwee"}, '倪': {"ngai"}, '杜': {"to", "toh"}, '卓': {"cheuk", "toh"}, '庄': {"chong", "chng"},
	'柯': {"kuah", "or"}, '傅': {"fu", "poh"}, '马': {"ma"}, '侯': {"hau"}, '蓝': {"lam"}, '饶': {"yiu"},
}

// CommonFamilyName reports whether a Han character is one of the common family names
// the dialect table spells (陈, 王, 张, 李 ...), in either script: what 小王 names is
// the family, where 小敏 names the given name.
func CommonFamilyName(r rune) bool {
	rs := []rune(Simplify(string(r)))
	return len(rs) == 1 && len(dialectSurnames[rs[0]]) > 0
}

// dialectFamilySpellings returns the spellings of a one-character family name beyond
// its pinyin, in lower case.
func dialectFamilySpellings(family string) []string {
	rs := []rune(Simplify(strings.TrimSpace(family)))
	if len(rs) != 1 {
		return nil
	}
	return dialectSurnames[rs[0]]
}

// readingFamilySpellings returns the spellings a romanised name may give a
// one-character family name beyond its pinyin: the table's, and where the table has
// none, the Hong Kong spellings of the character (cantonese.go), so that 赵 is Chiu
// beside a pinyin given name (Zhifei Chiu, 赵志飞) as it is in a whole Hong Kong name
// (Chiu Wing Hin). For reading a romanised name as the Han one only: where the given
// names are compared apart from the family name (FamilyInDialect), a spelling the Hong
// Kong table holds is one whose given name that table reads too, and tells brothers
// (Chiu Ka Lok, 趙永軒) apart.
func readingFamilySpellings(family string) []string {
	if sp := dialectFamilySpellings(family); len(sp) > 0 {
		return sp
	}
	rs := []rune(Simplify(strings.TrimSpace(family)))
	if len(rs) != 1 {
		return nil
	}
	return cantonese()[rs[0]]
}
