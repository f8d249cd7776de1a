package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Chinese addresses are also written in English: mainland road signs and shops in the
// pinyin of GB/T 17733 ("No. 2061 Wensan Road", "Jiangdong Middle Road" for 江东中路),
// Taiwan in Chunghwa Post's format, smallest part first ("9F., No. 293, Ln. 51, Sec. 4,
// Minquan Rd., Qianzhen Dist., 800, Kaohsiung City" for 高雄市前鎮區民權路四段51巷293號9樓),
// with cities and districts often in Wade-Giles or postal spellings (Kaohsiung, Taipei).

// romanTypes are the English and pinyin words for a street type, by the Han suffix.
var romanTypes = map[string]string{
	"road": "路", "rd": "路", "lu": "路",
	"street": "街", "st": "街", "jie": "街",
	"avenue": "大道", "ave": "大道", "av": "大道", "blvd": "大道", "boulevard": "大道", "dadao": "大道",
	"dajie": "大街", "hutong": "胡同",
	"lane": "巷", "ln": "巷", "xiang": "巷", "alley": "弄", "aly": "弄", "nong": "弄",
}

// romanCoreWords are English words that translate part of a Chinese street's name
// rather than spell it, by the pinyin they stand for: Fuhua 1st Road is 福华一路,
// Zhongshan 5th Road 中山五路, Jiefangbei Pedestrian Street 解放碑步行街.
var romanCoreWords = map[string]string{
	"1st": "yi", "first": "yi", "2nd": "er", "second": "er", "3rd": "san", "third": "san",
	"4th": "si", "fourth": "si", "5th": "wu", "fifth": "wu", "6th": "liu", "sixth": "liu",
	"7th": "qi", "seventh": "qi", "8th": "ba", "eighth": "ba", "9th": "jiu", "ninth": "jiu",
	"10th": "shi", "tenth": "shi", "pedestrian": "buxing",
}

// romanDirections are the words for the direction a street part takes: 东, 西, 南, 北, 中.
var romanDirections = map[string]string{
	"east": "东", "e": "东", "dong": "东", "west": "西", "w": "西", "xi": "西",
	"south": "南", "s": "南", "nan": "南", "north": "北", "n": "北", "bei": "北",
	"middle": "中", "mid": "中", "central": "中", "zhong": "中",
}

// romanAreaWords are the English and pinyin words for an administrative area, dropped
// before the name is compared: Xuanwu District is 玄武区.
var romanAreaWords = map[string]bool{"district": true, "dist": true, "qu": true, "city": true, "shi": true,
	"county": true, "xian": true, "province": true, "prov": true, "sheng": true, "new": true, "area": true,
	"township": true, "town": true, "zhen": true, "subdistrict": true, "jiedao": true}

// postalSpellings are Taiwan's postal spellings that neither pinyin nor Wade-Giles
// give.
var postalSpellings = map[string]string{"keelung": "基隆", "tamsui": "淡水", "hualien": "花莲"}

var hanNumerals = map[rune]string{'一': "1", '二': "2", '三': "3", '四': "4", '五': "5", '六': "6", '七': "7", '八': "8", '九': "9", '十': "10"}

// streetKey is a street in a form both scripts reach: the name's letters (pinyin for
// Han), its directions and type as Han words, and Taiwan's section, lane and alley.
type streetKey struct {
	core     []string // Latin: the name words; Han: the name's characters
	dirs     string
	typ      string
	sec      string
	lane     string
	alley    string
	hanCore  bool
	numbered bool
	// street: the type was the English Street (or St), which translates 大街 as well
	// as 街 (回龙观西大街 is Huilongguan West Street on a map), where pinyin Jie does not.
	street bool
}

// latinStreetKey reads a street written in English or pinyin.
func latinStreetKey(s string) streetKey {
	var k streetKey
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i < len(words); i++ {
		w := words[i]
		next := ""
		if i+1 < len(words) && allDigits(words[i+1]) {
			next = words[i+1]
		}
		switch {
		case (w == "sec" || w == "section") && next != "":
			k.sec, i = next, i+1
		case (w == "ln" || w == "lane") && next != "":
			k.lane, i = next, i+1
		case (w == "aly" || w == "alley") && next != "":
			k.alley, i = next, i+1
		case len(k.core) > 0 && romanTypes[w] != "":
			k.typ, k.street = romanTypes[w], w == "street" || w == "st"
		case len(k.core) > 0 && romanDirections[w] != "":
			k.dirs += romanDirections[w]
		case allDigits(w):
			k.numbered = true
		case romanCoreWords[w] != "":
			k.core = append(k.core, romanCoreWords[w])
		default:
			k.core = append(k.core, w)
		}
	}
	return k
}

// hanStreetKey reads a Han street: 江东中路, 江南大道中, 民权路四段51巷.
func hanStreetKey(s string) streetKey {
	rs := []rune(Simplify(s))
	k := streetKey{hanCore: true}
	num := func(end int) (string, int) { // the number before end: 51, 四
		i := end
		for i > 0 && (rs[i-1] >= '0' && rs[i-1] <= '9' || hanNumerals[rs[i-1]] != "") {
			i--
		}
		var b strings.Builder
		for _, r := range rs[i:end] {
			if d := hanNumerals[r]; d != "" {
				b.WriteString(d)
			} else {
				b.WriteRune(r)
			}
		}
		return b.String(), i
	}
	for _, unit := range []struct {
		suf rune
		to  *string
	}{{'弄', &k.alley}, {'巷', &k.lane}, {'段', &k.sec}} {
		if n := len(rs); n > 1 && rs[n-1] == unit.suf {
			if v, i := num(n - 1); v != "" && i > 0 {
				*unit.to, rs = v, rs[:i]
			}
		}
	}
	for len(rs) > 2 && strings.ContainsRune("东西南北中", rs[len(rs)-1]) && !hanTypeAt(rs) {
		k.dirs = string(rs[len(rs)-1]) + k.dirs
		rs = rs[:len(rs)-1]
	}
	for _, t := range []string{"大道", "大街", "胡同", "路", "街", "巷", "弄"} {
		if rest, ok := strings.CutSuffix(string(rs), t); ok && rest != "" {
			k.typ, rs = t, []rune(rest)
			break
		}
	}
	for len(rs) > 2 && strings.ContainsRune("东西南北中", rs[len(rs)-1]) {
		k.dirs = string(rs[len(rs)-1]) + k.dirs
		rs = rs[:len(rs)-1]
	}
	for _, r := range rs {
		k.core = append(k.core, string(r))
	}
	return k
}

// daJie reads the 大 of a 大街 that a romanisation wrote with the name rather than the
// type: Xudongda Jie and Xudong Da Jie for 徐东大街, as Xudong Dajie writes it.
func daJie(k streetKey) streetKey {
	n := len(k.core)
	if n == 0 {
		return k
	}
	last := k.core[n-1]
	switch {
	case last == "da" && n > 1:
		k.core = k.core[:n-1]
	case strings.HasSuffix(last, "da") && len(last) > 2:
		k.core = append(slices.Clone(k.core[:n-1]), strings.TrimSuffix(last, "da"))
	default:
		return k
	}
	k.typ = "大街"
	return k
}

// hanTypeAt reports whether rs ends with a street type.
func hanTypeAt(rs []rune) bool {
	s := string(rs)
	return strings.HasSuffix(s, "路") || strings.HasSuffix(s, "街") || strings.HasSuffix(s, "大道")
}

// sortedRunes sorts the runes of s, so that directions compare as a set.
func sortedRunes(s string) string {
	rs := []rune(s)
	slices.Sort(rs)
	return string(rs)
}

// readsAsPlace reports whether Han place or street characters can be read as the
// romanised words: in pinyin, any reading of each character, or in Wade-Giles, as
// Taiwan writes its cities and districts.
func readsAsPlace(han []string, latin []string) bool {
	text := strings.Join(latin, "")
	if text == "" || len(han) == 0 {
		return false
	}
	if h, ok := postalSpellings[text]; ok && h == strings.Join(han, "") {
		return true
	}
	choices := make([][]string, len(han))
	for i, c := range han {
		rs := []rune(c)
		if len(rs) != 1 {
			return false
		}
		for _, r := range readings(rs[0]) { // a copy: the table is shared
			choices[i] = append(choices[i], uFold(r))
		}
		if len(choices[i]) == 0 {
			return false
		}
	}
	text = uFold(text)
	if _, ok := spell(choices, text); ok {
		return true
	}
	_, ok := spell(wadeGilesChoices(choices), text)
	return ok
}

// crossScriptPart compares a part written in Han on one side and romanised on the
// other: the same street, district or city read aloud. It returns false where the
// part is not one it reads (numbers, details) or the Latin side is not a romanisation.
func crossScriptPart(field string, p Part, a, b string) (Level, bool) {
	han, latin := a, b
	if !hasHan(han) {
		han, latin = b, a
	}
	if hasHan(latin) || !hasHan(han) {
		return Level{}, false
	}
	switch p {
	case PartStreet:
		h, l := hanStreetKey(han), latinStreetKey(latin)
		if h.typ == "大街" && l.typ == "街" {
			if l.street {
				l.typ = "大街"
			} else {
				l = daJie(l)
			}
		}
		reads := readsAsPlace(h.core, l.core)
		if !reads && h.dirs != "" && l.dirs == "" {
			// Taibainan Lu for 太白南路: the direction run into the name, as pinyin
			// writes it as often as apart (Taibai South Road, Taibai Nan Lu).
			withDirs := slices.Clone(h.core)
			for _, r := range h.dirs {
				withDirs = append(withDirs, string(r))
			}
			if reads = readsAsPlace(withDirs, l.core); reads {
				l.dirs = h.dirs
			}
		}
		if !reads {
			return level(field, Different, "%s does not read as %s", han, latin), true
		}
		if sortedRunes(h.dirs) != sortedRunes(l.dirs) {
			return level(field, Different, "%s reads as %s, but the direction differs", han, latin), true
		}
		for _, pair := range [][2]string{{h.typ, l.typ}, {h.sec, l.sec}, {h.lane, l.lane}, {h.alley, l.alley}} {
			if pair[0] != "" && pair[1] != "" && pair[0] != pair[1] {
				return level(field, Different, "%s reads as %s, but %s is not %s", han, latin, pair[0], pair[1]), true
			}
		}
		if h.typ == l.typ && h.sec == l.sec && h.lane == l.lane && h.alley == l.alley {
			return level(field, Exact, "%s transliterated as %s", han, latin), true
		}
		return level(field, Similar, "%s transliterated as %s, a part left out", han, latin), true
	case PartTown, PartLocality, PartCity, PartRegion:
		var core []string
		for _, r := range partKey(p, han) {
			core = append(core, string(r))
		}
		all := strings.FieldsFunc(strings.ToLower(latin), func(r rune) bool { return !unicode.IsLetter(r) })
		var words []string
		for _, w := range all {
			if !romanAreaWords[w] {
				words = append(words, w)
			}
		}
		if readsAsPlace(core, words) || readsAsPlace(core, placeWords(all)) {
			return level(field, Exact, "%s transliterated as %s", han, latin), true
		}
		if strings.HasSuffix(Simplify(han), "新区") && readsAsPlace(append(core, "新"), placeWords(all)) {
			// Pudongxin District for 浦东新区: the 新 of a new district read with the
			// name, the 区 translated.
			return level(field, Exact, "%s transliterated as %s", han, latin), true
		}
		return level(field, Different, "%s does not read as %s", han, latin), true
	}
	return Level{}, false
}

// placeWords drops the area words that follow a place's name (Xihu District, Hangzhou
// Shi), keeping its first word whatever it is: Xian is 西安 read aloud as well as the
// word for a county, and "Xian City" is the city.
func placeWords(words []string) []string {
	end := len(words)
	for end > 1 && romanAreaWords[words[end-1]] {
		end--
	}
	return words[:end]
}

// romanNumber matches the house number of an English-format Chinese address: "No.
// 2061", "No 12-3".
var romanNumber = regexp.MustCompile(`(?i)^no\.?\s*(\d+[a-z]?(?:-\d+)?)$`)

// romanNumberedStreet matches a house number written against its "No." before the
// street, as mainland shops print it: "No.2714 Jiahe Lu".
var romanNumberedStreet = regexp.MustCompile(`(?i)^no\.\d+[a-z]?(?:-\d+)?\s+\pL`)

// romanDetail matches a floor, building, unit or room word with its number: "9F.",
// "Room 2204", "Bldg. 3", "Unit 2", "Rm 5".
var romanDetail = regexp.MustCompile(`(?i)^(?:(\d+)\s*f\.?|(?:floor|fl\.?)\s*(\d+)|(bldg\.?|building|block|unit|room|rm\.?|flat|apt\.?)\s*(\d+[a-z]?))$`)

// isRomanChinese reports whether comma-separated segments look like a Chinese address
// written in English: a "No." house number, a District, a section, or a six-digit
// postcode standing alone.
func isRomanChinese(segs []string) bool {
	for _, seg := range segs {
		words := strings.Fields(strings.ToLower(seg))
		if len(words) == 0 {
			continue
		}
		last := strings.TrimSuffix(words[len(words)-1], ".")
		switch {
		case romanNumber.MatchString(seg) || strings.HasPrefix(strings.ToLower(seg), "no. ") || romanNumberedStreet.MatchString(seg):
			return true
		case last == "district" || last == "dist" || words[0] == "sec." || words[0] == "ln.":
			return true
		case buildingRun(seg) || newArea(words):
			return true
		case len(seg) == 6 && allDigits(seg):
			return true
		}
	}
	return false
}

// parseRomanChinese reads a Chinese address written in English, in either order:
// mainland's "No. 2061 Wensan Road, Xihu District, 310012, Hangzhou" or Taiwan's "9F.,
// No. 293, Ln. 51, Sec. 4, Minquan Rd., Qianzhen Dist., 800, Kaohsiung City". Section,
// lane and alley go with the street, as the Han form writes them (民权路四段51巷); floor,
// building and room go to the detail, in the Han order (building, unit, floor, room).
func parseRomanChinese(segs []string) Address {
	var a Address
	var street, extra, building, unit, floor, room []string
	var places []string
	for _, seg := range segs {
		lower := strings.ToLower(seg)
		words := strings.Fields(lower)
		last := strings.TrimSuffix(words[len(words)-1], ".")
		if m := romanDetail.FindStringSubmatch(seg); m != nil {
			switch w := strings.ToLower(strings.TrimSuffix(m[3], ".")); {
			case m[1] != "" || m[2] != "":
				floor = append(floor, m[1]+m[2]+"F")
			case w == "bldg" || w == "building" || w == "block":
				building = append(building, seg)
			case w == "unit":
				unit = append(unit, seg)
			default:
				room = append(room, seg)
			}
			continue
		}
		if m := romanNumber.FindStringSubmatch(seg); m != nil {
			a.Number = m[1]
			continue
		}
		switch {
		case allDigits(seg) && len(seg) >= 3:
			a.Postcode = seg
		case strings.ContainsAny(seg, "-#") && chineseStyleDetail(seg):
			// 4-2906, 21#1803: the flat as a Chinese form writes it, in an English one.
			room = append(room, seg)
		case buildingRun(seg):
			// Bldg 16-4-402: the same numbers after a word for the building.
			room = append(room, seg)
		case words[0] == "sec." || words[0] == "sec" || words[0] == "ln." || words[0] == "aly.":
			extra = append(extra, seg)
		case last == "district" || last == "dist" || last == "county" || newArea(words):
			a.Locality = seg
		case last == "city":
			a.City = seg
		case last == "province" || last == "prov":
			a.Region = seg
		case a.Number == "" && (strings.HasPrefix(lower, "no.") || strings.HasPrefix(lower, "no ") || leadingNumber(seg) != ""):
			// "No. 2061 Wensan Road", "1534 Jiangdong Middle Road"
			rest := seg
			if !allDigits(seg[:1]) {
				rest = strings.TrimSpace(seg[3:])
			}
			if f := strings.Fields(rest); len(f) > 1 && leadingNumber(f[0]) != "" {
				a.Number, street = f[0], append(street, strings.Join(f[1:], " "))
			} else {
				street = append(street, seg)
			}
		case len(street) == 0 && hasStreetType(words):
			street = append(street, seg)
		default:
			places = append(places, seg)
		}
	}
	a.Street = strings.Join(append(street, extra...), " ")
	a.Detail = strings.Join(slices.Concat(building, unit, floor, room), " ")
	for _, pl := range places { // plain names after the street: the city, then the province
		switch {
		case a.City == "":
			a.City = pl
		case a.Region == "":
			a.Region = pl
		default:
			a.Detail = strings.TrimSpace(a.Detail + " " + pl)
		}
	}
	return a
}

// hasStreetType reports whether a street type word is among words.
func hasStreetType(words []string) bool {
	for _, w := range words[1:] {
		if romanTypes[strings.TrimSuffix(w, ".")] != "" {
			return true
		}
	}
	return false
}

// englishDetail compares the detail of a Chinese address with its English form where
// the numbers in order disagree: Room 1506, Building 17 for 17号1506室, Apt 1702,
// Building 14, Rongqiao Cheng for 融侨14栋1702 read the numbers the other way round,
// the compound's name, if kept, in pinyin, and may leave out the unit. The same
// numbers, two at least and the last of the Han form a flat's, are the same home
// (Dwelling), as 17号1506室 and 17-1506 are; one side's within the other's, Similar.
func englishDetail(field, a, b string) (Level, bool) {
	han, latin := a, b
	if !chineseStyleDetail(han) {
		han, latin = b, a
	}
	if chineseStyleDetail(latin) || !chineseStyleDetail(han) || !strings.ContainsFunc(latin, unicode.IsLetter) {
		return Level{}, false
	}
	ha, la := digitRuns(norm.NFKC.String(han)), digitRuns(latin)
	if len(ha) < 2 || len(la) < 2 || !within(la, ha) && !within(ha, la) {
		return Level{}, false
	}
	if len(ha) == len(la) && dwellingNumbers(ha) {
		return level(field, Dwelling, "%s names the home %s", latin, han), true
	}
	return level(field, Similar, "%s has the numbers of %s", latin, han), true
}

// within reports whether every number of short is one of long's, each used once.
func within(short, long []string) bool {
	left := slices.Clone(long)
	for _, n := range short {
		i := slices.Index(left, n)
		if i < 0 {
			return false
		}
		left = slices.Delete(left, i, i+1)
	}
	return true
}

// chineseStyleDetail reports whether a flat is written the Chinese way: in Han
// characters (9号楼3202室), or in its numbers alone (9-3202, 9#3202), which is how
// Chinese forms write it in any script and English forms never do (Bldg 9, Rm 3202).
func chineseStyleDetail(s string) bool {
	if hasHan(s) {
		return true
	}
	digits := false
	for _, r := range norm.NFKC.String(s) {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case !strings.ContainsRune("-#/ ", r):
			return false
		}
	}
	return digits
}
