package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/resolver/normalize"
)

// comparePart compares one part of two addresses.
func comparePart(p Part, a, b string) Level {
	field := "address." + p.String()
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return level(field, Null, "missing")
	}
	if IsMasked(a) || IsMasked(b) {
		for _, s := range []string{a, b} {
			if visible(maskForm(s)) == "" {
				return level(field, Null, "%s shows nothing", s)
			}
		}
		if MaskCompatible(partKey(p, a), partKey(p, b)) {
			return level(field, MaskedCompatible, "%s fits %s", a, b)
		}
		return level(field, Different, "%s does not fit %s", a, b)
	}
	ka := partKey(p, a)
	kb := ka // the same words on both sides, often the town: normalised once
	if b != a {
		kb = partKey(p, b)
	}
	if ka == "" || kb == "" {
		return level(field, Null, "nothing to compare")
	}
	if ka == kb {
		return level(field, Exact, "")
	}
	if p >= PartTown && p <= PartRegion && hasHan(ka) && hasHan(kb) {
		// An area written with the one above it and no 市 between (广州越秀区 for
		// 越秀区): the longer ends with the shorter.
		short, long := ka, kb
		if utf8.RuneCountInString(short) > utf8.RuneCountInString(long) {
			short, long = long, short
		}
		if utf8.RuneCountInString(short) >= 2 && strings.HasSuffix(long, short) {
			return level(field, Exact, "%s within %s", short, long)
		}
	}
	if p == PartStreet && hasHan(ka) && hasHan(kb) {
		if l, ok := streetAfterArea(field, ka, kb); ok {
			return l
		}
	}
	if p == PartStreet && !hasHan(a) && !hasHan(b) {
		// Sanmin Rd. Sec. 2 against Sanmin Rd. Ln. 272, Sec. 4: Taiwan's sections,
		// lanes and alleys are streets of their own, however alike the letters.
		la, lb := latinStreetKey(a), latinStreetKey(b)
		for _, pair := range [][2]string{{la.sec, lb.sec}, {la.lane, lb.lane}, {la.alley, lb.alley}} {
			if pair[0] != "" && pair[1] != "" && pair[0] != pair[1] {
				return level(field, Different, "%s ~ %s: %s is not %s", a, b, pair[0], pair[1])
			}
		}
		for _, pair := range [][2]string{{a, b}, {b, a}} {
			// Xinghu Street against "Xinghu Street, Industrial Park": the street, and
			// after a comma the area a shop's line went on to name.
			if head, _, ok := strings.Cut(pair[1], ","); ok && partKey(p, head) == partKey(p, pair[0]) {
				return level(field, Similar, "%s ~ %s: the street, and more after it on one side", a, b)
			}
		}
	}
	if p == PartStreet && !hasHan(ka) && !hasHan(kb) {
		// Calle Larios 12 against C/ Larios 14: the house number written in the street,
		// as continental Europe writes it after the name, differs; one edit or alike as
		// the words are, it is another house.
		if na, nb := digitRuns(ka), digitRuns(kb); len(na) > 0 && len(na) == len(nb) && !slices.Equal(na, nb) {
			return level(field, Different, "%s ~ %s: another house number", ka, kb)
		}
	}
	if len(ka) > maxNameBytes || len(kb) > maxNameBytes { // a field holding something else
		return level(field, Different, "too long to compare")
	}
	if hasHan(ka) != hasHan(kb) {
		if l, ok := crossScriptPart(field, p, a, b); ok {
			return l
		}
	}
	if p == PartDetail && !hasHan(ka) && !hasHan(kb) && chineseStyleDetail(ka) != chineseStyleDetail(kb) {
		// Bldg 3, Rm 2706 against 3-2706: an English form's flat against the numbers
		// a Chinese form writes.
		if e, ok := englishDetail(field, a, b); ok {
			return e
		}
	}
	if p == PartDetail && (hasHan(ka) || hasHan(kb)) {
		l, ok := chineseDetail(field, ka, kb)
		if ok && l.Kind.Differs() {
			if e, ok := englishDetail(field, a, b); ok {
				return e
			}
		}
		va, vb := villageOf(ka), villageOf(kb)
		if va == "" && vb == "" {
			if l, ok := parcelPointDetail(field, ka, kb); ok {
				return l
			}
		}
		switch {
		case va != "" && vb != "" && va != vb:
			// 刘湾10组 and 张湾10组: the same numbers in two villages.
			return level(field, Different, "%s ~ %s: the villages %s and %s", ka, kb, va, vb)
		case va != "" && va == vb && (!ok || l.Kind.Differs()) && (groupOf(ka) == "" || groupOf(kb) == ""):
			// 刘湾村口小卖部 and 刘湾10组100号: one village, named beside another landmark
			// or house, in the county both name. Two groups or two houses of one
			// group that differ are two households (the numbers said so above).
			return level(field, Partial, "%s ~ %s: the village %s", ka, kb, va)
		}
		if ok {
			return l
		}
		if (len(digitRuns(ka)) == 0) != (len(digitRuns(kb)) == 0) && hasHan(ka) && hasHan(kb) {
			// 菜鸟驿站 or 门卫室 against 7栋1504室: a place to collect parcels or a
			// landmark against a home; neither agrees nor says another home.
			return level(field, Null, "%s ~ %s: a home against a place without numbers", ka, kb)
		}
	}
	// Abbreviating street types makes a typo in them look bigger ("pike place" is "pike
	// pl", "pike mlace" stays), and sources drop the space in "hilderstreet"; the letters
	// and digits alone, unabbreviated, are compared too.
	pa, pb := ka, kb
	if p != PartNumber && p != PartPostcode {
		pa, pb = plainKey(a), plainKey(b)
		if pa == pb && pa != "" {
			return level(field, Exact, "same letters, spaced differently")
		}
	}
	minLen := 3
	if p == PartNumber || p == PartPostcode {
		minLen = 2 // short by nature; one digit apart is still a typo there
	}
	if p == PartDetail && !hasHan(a) && !hasHan(b) {
		na, nb := numberedWords(a), numberedWords(b)
		slices.Sort(na)
		slices.Sort(nb)
		switch {
		case pa != pb && sameFlatWorded(na, nb, a, b):
			// Apt 28 against #28 or Unit 28: one flat, worded otherwise.
			return level(field, Exact, "%s ~ %s: the same flat %s", ka, kb, strings.Join(na, ", "))
		case len(na) > 0 && len(na) == len(nb) && !slices.Equal(na, nb):
			// Room 1203 against Room 1204, Apt 31B against 31C, 20F against 10F: the
			// flat or floor next to it, a neighbour's as often as a slip, however
			// alike the letters. (A number left out on one side is another matter.)
			return level(field, Different, "%s ~ %s: another flat or floor", ka, kb)
		case len(na) >= 2 && slices.Equal(na, nb) && pa != pb:
			// Room 1505, Building 13 against Apt 1505, Building 13 or Building 13 Room
			// 1505: the same numbers, worded or ordered otherwise.
			return level(field, Similar, "%s ~ %s: the same numbers %s", ka, kb, strings.Join(na, ", "))
		}
	}
	for _, k := range [][2]string{{ka, kb}, {pa, pb}} {
		if min(utf8.RuneCountInString(k[0]), utf8.RuneCountInString(k[1])) >= minLen && OneEdit(k[0], k[1]) {
			return level(field, Typo, "%s ~ %s: one edit apart", k[0], k[1])
		}
	}
	switch p {
	case PartNumber:
		if na, nb := leadingNumber(ka), leadingNumber(kb); na != "" && na == nb {
			return level(field, Partial, "%s ~ %s: same number %s", ka, kb, na)
		}
	case PartPostcode:
		if zipPlusFour(ka, kb) || zipPlusFour(kb, ka) {
			// 62745 against 62745-6247: the ZIP code, and the ZIP+4 that names a block
			// of it, which one checkout asks for and the next does not.
			return level(field, Exact, "%s ~ %s: the ZIP code and its ZIP+4", ka, kb)
		}
		if len(ka) >= 4 && len(kb) >= 4 && ka[:3] == kb[:3] {
			return level(field, Partial, "%s ~ %s: same first three", ka, kb)
		}
		// Taiwan's postcodes are a district's three digits and two or three more
		// (800 and 80090): the short form is the long one's district.
		short, long := ka, kb
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) == 3 && len(long) >= 5 && allDigits(long) && strings.HasPrefix(long, short) {
			return level(field, Partial, "%s ~ %s: the district's three digits", ka, kb)
		}
	default:
		if s := partSimilarity(ka, kb, pa, pb); s >= similarAddress {
			return level(field, Similar, "%s ~ %s: similarity %.2f >= %.2f", ka, kb, s, similarAddress)
		}
	}
	return level(field, Different, "%s ~ %s", ka, kb)
}

// chineseDetail compares the building, unit and room of Chinese addresses by their
// numbers, which is what tells one flat from the next: 9号楼3202室, 9栋3202, 9幢3202室 and
// 9-3202 are one flat, however the building word and the estate's name (阳光花园, often
// left out) are written. The same numbers are Exact; one side's numbers ending the
// other's (a unit 2单元 written on one side only, 9栋2单元3202 and 9-3202) Similar;
// numbers that differ, Different. Without numbers on both sides it does not decide.
func chineseDetail(field, a, b string) (Level, bool) {
	na, nb := digitRuns(a), digitRuns(b)
	if len(na) == 0 || len(nb) == 0 {
		return Level{}, false
	}
	if slices.Equal(na, nb) {
		if dwellingNumbers(na) {
			return level(field, Dwelling, "%s ~ %s: same home %s", a, b, strings.Join(na, "-")), true
		}
		return level(field, Exact, "%s ~ %s: same numbers %s", a, b, strings.Join(na, "-")), true
	}
	short, long := na, nb
	if len(short) > len(long) {
		short, long = long, short
	}
	if short[len(short)-1] == long[len(long)-1] && isSubsequence(short, long) {
		if short[0] == long[0] && dwellingNumbers(short) {
			// 3号楼1606 against 3栋2单元1606: the unit left out on one side says no less
			// than on both (3栋1606 and 3号楼1606 are Dwelling).
			return level(field, Dwelling, "%s ~ %s: same home %s, %s on one side only", a, b, strings.Join(short, "-"), strings.Join(long, "-")), true
		}
		return level(field, Similar, "%s ~ %s: numbers %s within %s", a, b, strings.Join(short, "-"), strings.Join(long, "-")), true
	}
	// 东风村7组 against 东风村7组15号: a village's group without the house in it (or a
	// building without its flat), the numbers one side stops short of.
	if slices.Equal(short, long[:len(short)]) && hasHan(a) && hasHan(b) {
		return level(field, Similar, "%s ~ %s: numbers %s begin %s", a, b, strings.Join(short, "-"), strings.Join(long, "-")), true
	}
	if dwellingNumbers(na) && dwellingNumbers(nb) {
		return level(field, OtherHome, "%s ~ %s: homes %s and %s", a, b, strings.Join(na, "-"), strings.Join(nb, "-")), true
	}
	return level(field, Different, "%s ~ %s: numbers %s and %s", a, b, strings.Join(na, "-"), strings.Join(nb, "-")), true
}

// parcelWords begin the part of a detail that names where parcels are collected rather
// than a home: a courier's locker or station (丰巢快递柜, 菜鸟驿站, 中通快递超市,
// 京东快递自提点), the estate's management office or gatehouse, a shop that takes them
// in; the courier brands come first, since they stand before the station's word.
var parcelWords = []string{"丰巢", "菜鸟", "中通", "圆通", "申通", "韵达", "顺丰", "京东", "兔喜", "妈妈驿站", "极兔", "邮政",
	"驿站", "快递", "自提", "代收", "物业", "门卫", "收发室"}

// lockerNumber finds the number of a parcel locker a detail names (32号柜).
var lockerNumber = regexp.MustCompile(`(\d+)号柜`)

// ParcelPoint returns the compound a Chinese detail names a parcel point in (海信慧园
// for 海信慧园丰巢快递柜, 青特花溪地 for 青特花溪地物业服务中心(32号柜)), without 小区
// and the like; "" where the detail is no parcel point or names no compound before it.
func ParcelPoint(detail string) string {
	d := Simplify(norm.NFKC.String(detail))
	at := -1
	for _, w := range parcelWords {
		if i := strings.Index(d, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at <= 0 {
		return ""
	}
	return trimCompound(d[:at])
}

// homeCompound returns the compound a Chinese detail names before its building and
// flat (苏宁天润城 of 苏宁天润城16栋2单元2703), or alone (万科魅力之城, the flat left
// out), trimmed as ParcelPoint trims; "" where it names none.
func homeCompound(detail string) string {
	i := strings.IndexFunc(detail, func(r rune) bool { return r >= '0' && r <= '9' || r == '#' || r == '-' })
	if i < 0 {
		i = len(detail)
	}
	if i == 0 {
		return ""
	}
	return trimCompound(detail[:i])
}

// trimCompound drops what a compound's name may or may not carry: 小区, a phase (一期),
// a building word left before the numbers, and a side (北区) that one writer names
// and another does not.
func trimCompound(c string) string {
	c = strings.TrimRight(c, "小区一二三四五期栋幢号楼座")
	if r := []rune(c); len(r) > 3 && strings.ContainsRune("东南西北中", r[len(r)-1]) {
		c = strings.TrimRight(string(r[:len(r)-1]), "小区一二三四五期栋幢号楼座")
	}
	if !hasHan(c) || utf8.RuneCountInString(c) < 2 {
		return ""
	}
	return c
}

// parcelPointDetail compares a parcel point with a home (海信慧园丰巢快递柜 against
// 海信慧园7栋1504室, or against 海信慧园 with the flat left out): in the home's
// compound, Partial, the compound agreeing where the flat cannot be told, as a village
// without its group does; in another, Different. ok is false unless exactly one side
// is a parcel point naming its compound and the other names a compound. A locker's
// number (32号柜) is no building's.
func parcelPointDetail(field, a, b string) (Level, bool) {
	pa, pb := ParcelPoint(a), ParcelPoint(b)
	if (pa == "") == (pb == "") {
		return Level{}, false
	}
	parcel, home := pa, homeCompound(b)
	if pb != "" {
		parcel, home = pb, homeCompound(a)
	}
	if home == "" {
		return Level{}, false
	}
	short := min(utf8.RuneCountInString(parcel), utf8.RuneCountInString(home))
	if parcel == home || short >= 3 && (strings.HasPrefix(parcel, home) || strings.HasPrefix(home, parcel)) {
		// 鲁能星城中通快递超市(24号柜) against 鲁能星城12栋405: the locker is numbered by
		// the building it stands at, and another building's says nothing of this home.
		lockerSide, homeSide := a, b
		if pb != "" {
			lockerSide, homeSide = b, a
		}
		if m := lockerNumber.FindStringSubmatch(lockerSide); m != nil {
			switch bl := buildingOf(homeSide); {
			case bl != "" && strings.TrimLeft(m[1], "0") != bl:
				return level(field, Null, "%s ~ %s: the locker of building %s, a home in building %s", a, b, m[1], bl), true
			case bl != "":
				// The locker at the home's own building: the compound and the building
				// agree, the flat is not told.
				return level(field, Building, "%s ~ %s: the locker of building %s in the compound %s", a, b, bl, parcel), true
			}
		}
		return level(field, Partial, "%s ~ %s: a parcel point in the compound %s", a, b, parcel), true
	}
	return level(field, Different, "%s ~ %s: a parcel point in %s, a home in %s", a, b, parcel, home), true
}

// villageLandmarks end a village's name where a detail names a place in it rather than
// a house: its entrance, committee, clinic, shop, or a parcel point.
var villageLandmarks = []string{"村口", "村委会", "村委", "卫生室", "卫生院", "小卖部", "超市", "商店", "门卫", "代收",
	"快递", "驿站", "自提", "旁", "附近", "对面"}

// villageOf returns the name of the village a Chinese address's detail lies in, without
// 村 (刘湾 for 刘湾村口小卖部, 刘湾村10组 and 刘湾10组100号; 大王庄 for 大王庄卫生室旁), or
// "" where the detail does not read as a village's: an estate (清水河小区14栋), a
// landmark alone, or a name under two characters. A village is told by 村 after its
// name, a group (10组) in it, or a name ending as villages' do (庄, 屯, 寨, 营, 集, 湾).
func villageOf(detail string) string {
	rs := []rune(detail)
	end := 0
	for end < len(rs) && unicode.Is(unicode.Han, rs[end]) {
		end++
	}
	name := string(rs[:end])
	for _, w := range villageLandmarks {
		if i := strings.Index(name, w); i >= 0 {
			name = name[:i]
		}
	}
	rest := string(rs[utf8.RuneCountInString(name):])
	if i := strings.IndexAny(rest, "0123456789"); i >= 0 && strings.ContainsAny(rest[i:], "栋幢楼座单元室-#") {
		return "" // 桃源村24栋3单元1302, 橡树湾26-3-801: an estate's buildings and flats
	}
	village := strings.HasSuffix(name, "村") || strings.HasPrefix(rest, "村")
	name = strings.TrimSuffix(name, "村")
	if !village {
		digits := strings.TrimLeftFunc(rest, func(r rune) bool { return r >= '0' && r <= '9' })
		village = len(digits) < len(rest) && strings.HasPrefix(digits, "组")
	}
	if n := []rune(name); !village && len(n) > 0 {
		village = strings.ContainsRune("庄屯寨营集湾", n[len(n)-1])
	}
	if !village || utf8.RuneCountInString(name) < 2 || slices.ContainsFunc(estateWords, func(w string) bool { return strings.Contains(name, w) }) {
		return ""
	}
	return name
}

// estateWords name a city's estates, which are no villages whatever their numbers.
var estateWords = []string{"小区", "花园", "家园", "公寓", "大厦", "新村", "新城", "苑"}

// groupOf returns the number of the village group a detail names (10 for 刘湾10组100号),
// or "".
func groupOf(detail string) string {
	i := strings.Index(detail, "组")
	if i <= 0 {
		return ""
	}
	j := i
	for j > 0 && detail[j-1] >= '0' && detail[j-1] <= '9' {
		j--
	}
	return detail[j:i]
}

// dwellingNumbers reports whether a detail's numbers name one home rather than a
// building or a floor: at least two numbers, the last of three digits or more (a
// flat on its floor, 2701 or 902; a house in a village group, 10组100号). 1号楼 and
// 2902 alone, or H座906 without the building's number, say less.
func dwellingNumbers(n []string) bool {
	return len(n) >= 2 && len(n[len(n)-1]) >= 3
}

// DigitRuns returns the runs of digits in s, without leading zeros, in order: 29 and
// 303 for 瑞景新村29栋303 and for 瑞景新村29-303. Block keys that name a flat use them.
func DigitRuns(s string) []string { return digitRuns(norm.NFKC.String(s)) }

// digitRuns returns the runs of digits in s, without leading zeros: "11号楼1401室" gives
// 11 and 1401.
func digitRuns(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		if t := strings.TrimLeft(f, "0"); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// isSubsequence reports whether every element of short appears in long in order.
func isSubsequence(short, long []string) bool {
	i := 0
	for _, x := range long {
		if i < len(short) && short[i] == x {
			i++
		}
	}
	return i == len(short)
}

// partSimilarity scores two part keys and their plain forms: for Latin text the better
// of Monge-Elkan over the words and Jaro-Winkler over the letters run together (which
// forgives a space moved, "woodstokcipark"); for Chinese, which has no spaces between
// words, the Jaccard similarity of character pairs.
func partSimilarity(ka, kb, pa, pb string) float64 {
	if hasHan(ka) || hasHan(kb) {
		return normalize.Jaccard(Bigrams(ka), Bigrams(kb))
	}
	return max(MongeElkan(strings.Fields(ka), strings.Fields(kb)), normalize.JaroWinkler(pa, pb))
}

// Bigrams returns the overlapping pairs of runes of s, "文三路" gives 文三 and 三路: a
// similarity of Chinese and Latin text alike (with normalize.Jaccard) that needs no word
// boundaries.
func Bigrams(s string) []string {
	r := []rune(s)
	out := make([]string, 0, len(r))
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	return out
}

// HasHan reports whether s holds a Han character: whether an address or name is
// written in Chinese.
func HasHan(s string) bool { return hasHan(s) }

func hasHan(s string) bool {
	for _, r := range s {
		// No ASCII character is Han: most text compared is ASCII, and the table search
		// for each of its letters was a twentieth of training's comparisons.
		if r >= utf8.RuneSelf && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// areaSuffixes are the administrative words Chinese addresses put after a place name,
// longest first, and sometimes leave out: 浙江省 and 浙江, 浦东新区 and 浦东.
var areaSuffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县",
	"地区", "新区", "街道", "省", "市", "区", "县", "旗", "盟", "镇", "乡"}

// partKey is the comparable form of one address part. Latin text is normalised as by
// normalize.Address (street types abbreviated); postcodes and house numbers lose their
// spaces and case. Chinese text is simplified, and the administrative suffix of an area
// dropped; a house number loses its 号.
func partKey(p Part, s string) string {
	s = strings.TrimSpace(norm.NFKC.String(s))
	switch p {
	case PartPostcode:
		s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
		if strings.Trim(s, "0") == "" {
			return "" // 000000: a form's placeholder, not a postcode
		}
		return s
	case PartNumber:
		s = strings.TrimSuffix(strings.TrimSuffix(Simplify(s), "号"), "號")
		return strings.ToLower(strings.Join(strings.Fields(s), ""))
	}
	if hasHan(s) {
		s = Simplify(strings.Join(strings.Fields(s), ""))
		if p >= PartTown && p <= PartRegion {
			for _, suf := range areaSuffixes {
				if rest, ok := strings.CutSuffix(s, suf); ok && rest != "" {
					s = rest
					break
				}
			}
		}
		return s
	}
	if IsMasked(s) {
		return strings.ToLower(s) // normalize.Address would drop the mask characters
	}
	key, _ := normalize.Address(s)
	// Folding drops accents but keeps Polish ł, Danish ø and Vietnamese đ, which shops
	// and keyboards without them write l, o and d (ul. Długa and ul. Dluga, Łódź and
	// Lodz, Đà Nẵng and Da Nang): one place, not a letter slipped, as names are read
	// (nicknameKey).
	key = streetTypesShort(nicknameKey(key))
	if p == PartLocality || p == PartCity {
		key = cityName(key)
	}
	return key
}

// streetTypes maps the street types of continental Europe and Brazil that
// normalize.Address leaves whole to the short forms their owners write as often: C/
// Larios and Calle Larios, Pº and Paseo de Gracia, R. Dias and Rua Dias, r. and rue
// Adrien Thomas, Tv. and Travessa, Al. and Alameda, ch. and chemin. Compared only
// (stored keys keep normalize.Address's form).
var streetTypes = map[string]string{
	"calle": "c", "carrer": "c", "paseo": "po", "passeig": "pg", "rua": "r", "rue": "r", "travessa": "tv",
	"alameda": "al", "chemin": "ch", "plaza": "pl", "praca": "pc", "largo": "lgo", "viale": "vle",
	"piazza": "pza", "corso": "cso", "strada": "str",
}

// streetTypesShort writes a normalised Latin address's street types short (see
// streetTypes), a German street's -strasse, written as one word with its name
// (Bachmannstraße, Bachmannstr.), as -str, and drops the word for number before a
// house number (Rua Silveira, nº 120 and R. Silveira 120; Viale Ferrara n. 146).
func streetTypesShort(key string) string {
	ws := strings.Fields(key)
	out := ws[:0:0]
	changed := false
	for i, w := range ws {
		if s, ok := streetTypes[w]; ok {
			w, changed = s, true
		} else if head, ok := strings.CutSuffix(w, "strasse"); ok && head != "" {
			w, changed = head+"str", true
		} else if (w == "no" || w == "n" || w == "nr") && i+1 < len(ws) && ws[i+1][0] >= '0' && ws[i+1][0] <= '9' {
			changed = true
			continue
		}
		out = append(out, w)
	}
	if !changed {
		return key
	}
	return strings.Join(out, " ")
}

// numberedWords are the words of a detail that hold a digit, lower-cased: 1203 and 31b
// of "Room 1203, Apt 31B".
func numberedWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(norm.NFKC.String(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.ContainsFunc(w, unicode.IsDigit) {
			out = append(out, w)
		}
	}
	return out
}

// plainKey keeps only the letters and digits of s, lower-cased, in the order written,
// with ł, ø, ß and đ written as keyboards without them write them (see partKey).
func plainKey(s string) string {
	return nicknameKey(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, Simplify(norm.NFKC.String(s))))
}

// leadingNumber returns the digits a house number starts with: 12 of "12a" and "12-14".
func leadingNumber(s string) string {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i]
}

// streetAfterArea reads a Chinese street written with the area before it and nothing
// between (浙江省杭州莫干山路 leaves 杭州 on the street, 工业园区东吴北路 a district the
// parser does not take for one) as the street alone: both end with one street's name
// of three characters or more, and what comes before it on either side is nothing, an
// area's name with its suffix (工业园区) or a city's name without its 市 (two
// characters, as nearly every Chinese city's name is). A street of a longer name
// (新人民路 against 人民路) is another street.
func streetAfterArea(field, a, b string) (Level, bool) {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[len(ra)-1-n] == rb[len(rb)-1-n] {
		n++
	}
	if n < 3 || n == len(ra) && n == len(rb) {
		return Level{}, false
	}
	pa, pb := string(ra[:len(ra)-n]), string(rb[:len(rb)-n])
	if !areaPrefix(pa) || !areaPrefix(pb) {
		return Level{}, false
	}
	return level(field, Exact, "%s after the area %s", string(ra[len(ra)-n:]), strings.TrimSpace(pa+" "+pb)), true
}

// areaPrefix reports whether what a street's name was written after is an area, or
// nothing.
func areaPrefix(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n == 2 {
		return true
	}
	for _, suf := range areaSuffixes {
		if strings.HasSuffix(s, suf) && n > utf8.RuneCountInString(suf) {
			return true
		}
	}
	return false
}

// areaDetail reports whether a second address line in Latin letters names an area, not
// a home: no number and no flat letter (Ap Lei Chau, Quarry Bay, "Nehru Street,
// Andheri West"). Flat B or Apt 4 is a home.
func areaDetail(s string) bool {
	if hasHan(s) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(norm.NFKC.String(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if strings.ContainsFunc(w, unicode.IsDigit) || utf8.RuneCountInString(w) == 1 {
			return false
		}
	}
	return true
}

// homeInStreet reports whether an address's first line holds the home's numbers with
// no house number apart from it (Flat B, 24/F, Block 3, South Horizons): a Hong Kong
// or Indian storefront's first line, whose second line then names the district. Hong
// Kong's shorthand for the floor and flat (29H, Blk 8, Laguna City: flat H of the 29th
// floor), which the parser reads as a house number, is no house number either.
func homeInStreet(a Address) bool {
	return (a.Number == "" || floorAndFlat(a.Number)) && len(numberedWords(a.Street)) > 0
}

// floorAndFlat reports whether a number is a floor and a flat letter run together (29H,
// 7E): one or two digits and one letter.
func floorAndFlat(n string) bool {
	n = strings.TrimSpace(n)
	if len(n) < 2 || len(n) > 3 {
		return false
	}
	last := rune(n[len(n)-1])
	if !unicode.IsLetter(last) {
		return false
	}
	for _, r := range n[:len(n)-1] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// zipPlusFour reports whether long is short, a US ZIP code of five digits, with the
// four digits of a ZIP+4 after a hyphen.
func zipPlusFour(short, long string) bool {
	rest, ok := strings.CutPrefix(long, short)
	return ok && len(short) == 5 && allDigits(short) && len(rest) == 5 && rest[0] == '-' && allDigits(rest[1:])
}
