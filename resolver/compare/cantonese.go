package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/normalize"
)

// Hong Kong and Macau write a Chinese name in Latin letters as it sounds in Cantonese,
// spelled the way the Hong Kong government's romanisation does (趙永軒 is Chiu Wing Hin,
// 陳大文 Chan Tai Man), where pinyin reads zhao yong xuan and chen da wen. A customer
// types the name so at one shop and in characters at another. The table below holds
// the characters common in Hong Kong given names and family names with their usual
// government spellings; it was written for Seam from the Cantonese readings, not
// copied. A character it does not hold is read in pinyin, which many share (明 ming,
// 天 tin is not, so it is here).
const cantoneseTable = `
chan 陳燦璨讚
chi 志智芝枝之池致稚治紫子
chak 澤擇
cheng 鄭
cheuk 卓綽灼
cheung 張祥翔章彰暢昌長蔣
chin 展錢前千
ching 正政清晴程呈貞楨精澄菁青晶情靜
chit 哲捷節
chiu 趙超昭朝潮釗照肖
choi 蔡才彩財采
chong 莊壯創
chow 周鄒
chu 珠朱柱
chuen 全泉川傳存
chui 翠聚萃
chuk 竹祝
chun 俊進津真振春珍臻晉駿
chung 中忠聰仲宗松頌鍾鐘從翀
fai 輝暉徽揮
fan 芬勳帆凡範繁分薰
fat 發
fei 菲飛妃斐
fong 方芳放坊
fook 福馥
fu 富芙夫傅符
fun 歡寬芬
fung 鳳峰豐楓馮風鋒逢奉
hang 行恆杏幸衡亨
hau 侯厚巧
hei 希熙喜曦禧晞熹浠
him 謙
hin 軒顯憲騫
hing 興慶卿馨
ho 浩好豪可何河皓灝昊賀濠
hoi 凱海開愷鎧
hok 學鶴
hon 翰漢瀚韓
hong 康航杭匡
hui 許栩煦
hung 雄熊鴻紅洪孔虹
ka 家嘉佳加珈迦
kai 啟啓繼溪楷
kam 金錦甘琴
kan 勤根謹
kat 吉
kei 基琪其祺棋旗淇期奇紀記麒騏
keung 強姜
kin 建健堅乾
king 景敬京瓊擎勁經
kit 傑杰潔結
kiu 喬橋翹嬌
ko 高
kong 江港剛綱
kuen 權娟
kuk 菊
kwai 貴桂葵季
kwan 君群軍均坤鈞筠關昆
kwok 國郭幗
kwong 光廣鄺
kwun 冠觀
lai 麗禮黎勵儷賴
lam 林琳霖嵐藍淋
lap 立
lau 劉柳留流
lee 李利理俐璃梨莉
leung 梁良亮量
lik 力歷
lim 廉濂
lin 蓮連璉憐
ling 玲齡靈凌翎伶鈴羚苓
lo 盧羅露路魯老
lok 樂洛
luk 陸綠
lui 雷蕾呂磊
lun 倫麟綸輪
lung 龍隆
ma 馬瑪
mak 麥墨默
man 文敏民萬曼雯汶聞旻蔓玟紋
mau 茂
mei 美薇媚微眉
ming 明銘鳴名茗
mo 毛武舞
mok 莫
mui 梅妹
mun 滿門
nam 南楠男
ng 吳伍五梧
nga 雅
ngai 魏藝倪毅
ngan 顏雁銀
ngo 敖傲娥
ngok 岳嶽
nin 年
ning 寧檸
oi 愛藹
on 安
pak 柏百伯白北珀
pang 彭鵬朋
pik 碧璧
ping 平萍屏冰炳秉兵
po 寶保普浦葆步
poon 潘
pui 佩珮培貝沛蓓
sai 世細西
sam 心三
san 新辰晨身
sau 秀修守壽
sek 錫
shan 珊山姍
shek 石碩
sheung 尚常雙嫦
shing 成誠城承盛勝聲聖
shiu 少兆韶邵
shu 樹書舒
shuk 淑叔
shun 信順純淳舜迅
sik 識
sin 善倩仙先冼
sing 星升昇
siu 小笑蕭紹肇
so 蘇素
suen 孫宣璇旋選
suet 雪
sui 瑞穗遂水
sum 森深岑沈
sung 宋崇
sze 思詩施師斯絲
tai 大泰戴弟
tak 德得
tam 譚談潭
tang 鄧騰藤
tat 達
ting 婷亭廷庭霆丁定鼎
tim 添甜恬
tin 天田
to 杜陶桃濤道圖
tong 唐湯堂棠塘
tsang 曾增
tse 謝
tsoi 蔡
tsui 徐崔
tsz 子梓紫慈芷姿
tung 東同彤通冬童桐棟董
wa 華樺
wai 偉維惠慧蕙韋威衛瑋煒為
wan 雲允韻運芸溫尹環蘊筠均
wang 宏弘泓
wing 永榮穎詠泳
wo 和禾
wong 王黃旺皇煌
wu 胡湖
yan 欣恩仁人因茵殷甄昕忻
yat 日一逸溢
yau 友有佑祐柔優悠游邱丘
yee 儀兒怡宜綺義意依伊貽頤爾而漪
yeuk 若
yeung 楊揚陽洋
yim 嚴艷
yin 燕然賢妍言彥研
ying 英瑩盈迎鷹映應櫻凝
yip 葉業
yiu 耀瑤堯姚
yu 余宇雨如瑜愉儒裕于於語俞汝羽
yuen 元袁源遠圓婉苑阮完沅園琬
yuet 月悅越粵
yuk 玉旭育毓郁鈺
yun 潤
yung 容勇榕蓉翁用湧融
`

// cantoneseVariants are the other ways Hong Kong writes a syllable of the table: the
// government's spelling beside those passports and people also use (余 Yu or Yue, 儀
// Yee or Yi, 華 Wa or Wah, 葉 Yip or Ip, 子 Tsz or Tze or Chi).
var cantoneseVariants = map[string][]string{
	"yee": {"yi"}, "lee": {"li", "lei"}, "wa": {"wah"}, "ka": {"kar"}, "ho": {"hou"},
	"yu": {"yue"}, "poon": {"pun"}, "tsz": {"tze", "chi"}, "sze": {"si", "see"}, "yip": {"ip"},
	"fun": {"foon"}, "kwok": {"kok"}, "chow": {"chau"}, "lo": {"law"}, "choi": {"tsoi"},
	"tsui": {"chui"}, "fai": {"fay"}, "kei": {"ki"}, "mei": {"may"}, "hei": {"hey"},
}

// cantonese maps each character, simplified, to its Hong Kong spellings; parsed on
// first use and never written to after.
var cantonese = sync.OnceValue(func() map[rune][]string {
	m := make(map[rune][]string, 700)
	for line := range strings.Lines(cantoneseTable) {
		syl, chars, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		spellings := append([]string{syl}, cantoneseVariants[syl]...)
		for _, r := range Simplify(chars) {
			for _, s := range spellings {
				if !slices.Contains(m[r], s) {
					m[r] = append(m[r], s)
				}
			}
		}
	}
	return m
})

// cantoneseChoices turns a Han name's pinyin syllable choices into Hong Kong spellings,
// character by character: the table's spellings of a character it holds (with the
// family name's dialect spellings), and the pinyin ones for a character it does not.
// Pinyin is not mixed in where the table knows the character, so that a name is read
// wholly in one or the other as far as the table goes.
func cantoneseChoices(n HanName, choices [][]string) ([][]string, bool) {
	rs := []rune(n.Family + n.Given)
	if len(rs) != len(choices) {
		return nil, false
	}
	known := false
	out := make([][]string, len(choices))
	for i, r := range rs {
		if c, ok := cantonese()[r]; ok {
			out[i], known = slices.Clone(c), true
		} else {
			out[i] = slices.Clone(choices[i])
		}
	}
	if sp := dialectFamilySpellings(n.Family); len(sp) > 0 && len(out) > 0 {
		for _, s := range sp {
			if !slices.Contains(out[0], s) {
				out[0] = append(out[0], s)
			}
		}
	}
	return out, known
}

// EnglishBesideCantonese reports whether two names share a Chinese family name and
// beside it one gives an English given name and the other a Chinese given name alone,
// in Hong Kong's syllables or pinyin: "Vincent Chan" and "CHAN CHI KIT", "Karen Chow"
// and "Yuet Ka Chow", "Calvin Chiu" and 趙明. Hong Kong and overseas Chinese use both
// names, and a Hong Kong given name carries syllables the nickname table knows as
// English (Kit, Ka), which EnglishBesideChinese therefore does not take for Chinese.
// It is weaker evidence than a transliteration: two relatives look the same, so the
// caller asks for more (one mailbox and one phone).
func EnglishBesideCantonese(a, b Name) bool {
	for _, ra := range familyGivenReadings(a) {
		for _, rb := range familyGivenReadings(b) {
			if !sameFamilyCantonese(ra.family, rb.family) {
				continue
			}
			if englishGivenWord(ra.given, hongKongGiven(rb.given)) && chineseSyllables(rb.given) ||
				englishGivenWord(rb.given, hongKongGiven(ra.given)) && chineseSyllables(ra.given) {
				return true
			}
		}
	}
	return false
}

// sameFamilyCantonese reports whether two family names write one Chinese family name:
// as SameChineseFamily does, or spelled alike in Latin letters, or a Han family name
// against its Hong Kong spelling (趙 and Chiu).
func sameFamilyCantonese(a, b string) bool {
	if SameChineseFamily(a, b) {
		return true
	}
	la, lb := strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if la != "" && la == lb && !hasHan(la) {
		// A Chinese family name's spelling (Chan, Chow, Wang), not any family name
		// written alike: Guillaume and Océane Thomas are a French couple, whose Océane
		// happens to spell pinyin syllables (o-ce-an-e), and MELANIE SCHWARTZ is no
		// Chinese name (me-la-nie). A name of two words counts by either (Au Yeung).
		return chineseSpelling(la) || slices.ContainsFunc(strings.FieldsFunc(la, func(r rune) bool { return r == ' ' || r == '-' }), func(w string) bool {
			return cantoneseSpelling(w) || pinyinFamilyName(w)
		})
	}
	for _, p := range [][2]string{{a, lb}, {b, la}} {
		if n, ok := ParseHanName(p[0]); ok && n.Given == "" && utf8.RuneCountInString(n.Family) == 1 {
			if slices.Contains(cantonese()[[]rune(n.Family)[0]], p[1]) {
				return true
			}
		}
	}
	return false
}

// chineseSpelling reports whether one Latin family name, lower-cased, spells a Chinese
// family name: a common one's romanisation, a Hong Kong spelling or a pinyin syllable.
// Schwartz beside SCHWARTZ is one family, not a Chinese one, whatever its given names
// spell in pinyin (MELANIE, me-la-nie).
func chineseSpelling(family string) bool {
	return len(chineseFamilies(family)) > 0 || cantoneseSpelling(family) || hanzi().syllables[family]
}

// englishGivenWord reports whether a given name is one Latin word that is no Hong Kong
// syllable (Vincent, Calvin; not Ming, Kit). hk says the other name is spelled in Hong
// Kong's syllables, which write no pinyin: there a word pinyin happens to spell in two
// syllables or more (Karen, ka-ren) is the English name it looks like. Beside a Han or
// a pinyin name it is a pinyin given name (Bozhe), a relative's, unless it is one of the
// English names Chinese customers go by (femaleEnglish, maleEnglish: Karen Zhang beside
// 张玉华, Queenie Cao beside 曹桂榮; pinyin spells ka-ren and que-e-nie, no given names).
func englishGivenWord(g string, hk bool) bool {
	g = strings.TrimSpace(g)
	if hasHan(g) || strings.ContainsAny(g, "-' ") {
		return false
	}
	words := normalize.PersonNameWords(g)
	if len(words) != 1 || len(words[0]) < 3 || cantoneseSpelling(words[0]) {
		return false
	}
	w := words[0]
	if knownEnglishGiven(w) || femaleEnglish[w] || maleEnglish[w] {
		return true
	}
	if joinedHongKongGiven(w) {
		return false // Kwokfong: Kwok Fong run together, no English word
	}
	return !isPinyin(w) || hk && !hanzi().syllables[w]
}

// hongKongGiven reports whether a Latin given name has a syllable only Hong Kong's
// spelling gives, no pinyin syllable (Yuet Ka, Chi Kit; not Ka Wei).
func hongKongGiven(g string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(g), func(r rune) bool { return r == ' ' || r == '-' }) {
		if cantoneseSpelling(w) && !hanzi().syllables[w] {
			return true
		}
	}
	return false
}

// chineseSyllables reports whether a given name is a Chinese one alone: Han characters,
// or Latin syllables each a Hong Kong spelling or a pinyin syllable (Chi Kit, Yuet-ka,
// Rong), or one word of two syllables joined (Yuying, Hsiuchin: joinedChineseGiven),
// with no English word beside them.
func chineseSyllables(g string) bool {
	g = strings.TrimSpace(g)
	if hasHan(g) {
		return isHan(strings.ReplaceAll(g, " ", ""))
	}
	words := strings.FieldsFunc(strings.ToLower(g), func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !cantoneseSpelling(w) && !hanzi().syllables[w] && !(len(words) == 1 && joinedChineseGiven(w)) {
			return false
		}
	}
	return true
}

// cantoneseSpellings is the set of the table's spellings, built on first use.
var cantoneseSpellings = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, sp := range cantonese() {
		for _, s := range sp {
			m[s] = true
		}
	}
	return m
})

// cantoneseSpelling reports whether a lower-case word is one of the table's spellings.
func cantoneseSpelling(w string) bool { return cantoneseSpellings()[w] }
