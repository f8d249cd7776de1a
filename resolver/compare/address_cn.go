package compare

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// provinces are China's province-level divisions by their short names, with the
// suffixes their full names take. The four municipalities are cities as well.
var provinces = map[string][]string{
	"北京": {"市"}, "上海": {"市"}, "天津": {"市"}, "重庆": {"市"},
	"河北": {"省"}, "山西": {"省"}, "辽宁": {"省"}, "吉林": {"省"}, "黑龙江": {"省"}, "江苏": {"省"},
	"浙江": {"省"}, "安徽": {"省"}, "福建": {"省"}, "江西": {"省"}, "山东": {"省"}, "河南": {"省"},
	"湖北": {"省"}, "湖南": {"省"}, "广东": {"省"}, "海南": {"省"}, "四川": {"省"}, "贵州": {"省"},
	"云南": {"省"}, "陕西": {"省"}, "甘肃": {"省"}, "青海": {"省"}, "台湾": {"省"},
	"内蒙古": {"自治区"}, "广西": {"壮族自治区", "自治区"}, "西藏": {"自治区"},
	"宁夏": {"回族自治区", "自治区"}, "新疆": {"维吾尔自治区", "自治区"},
	"香港": {"特别行政区"}, "澳门": {"特别行政区"},
}

var municipalities = map[string]bool{"北京": true, "上海": true, "天津": true, "重庆": true}

// notLocality are words ending in 区 that name a housing estate, campus or park
// inside a district, not a district.
var notLocality = []string{"小区", "社区", "园区", "校区", "景区", "营区", "片区"}

// ParseChineseAddress splits a Chinese address into its parts, reading from the largest
// area down as Chinese addresses are written: province (省, 自治区, or one of the four
// municipalities), city (市, 自治州, 地区, 盟), district or county (区, 县, 旗, or a
// county-level 市), township (街道, 镇, 乡), street (路, 街, 大道, 巷, 弄, 胡同), house
// number (…号), and the rest as detail (building, unit, room). Any part may be missing.
// Platforms that repeat a municipality (上海市上海市浦东新区) are read as meaning it
// once, and a masked remainder (****) becomes the detail. Full-width characters are
// folded and traditional characters simplified first.
//
// Some write the parts the other way round, separated as in a Western address
// ("江东中路1534, 210556, 南京市"): a part that is a postcode alone (six digits) is the
// postcode, and areas written after the street are read before it, as if written in
// Chinese order, with the street's trailing digits as its house number.
func ParseChineseAddress(s string) Address {
	body, areas, postcode := chineseParts(s)
	a := parseChineseOrdered(body)
	for _, area := range areas {
		// Each area is read on its own, so that no part runs from one into the next. An
		// area that names what the body already names (a second district: 东区 after
		// 南山区) is not one: it is kept as detail, so that nothing written is lost,
		// folded and simplified as the parts read from the body are.
		p := parseChineseOrdered(area)
		if (p.Region != "" && a.Region != "") || (p.City != "" && a.City != "") ||
			(p.Locality != "" && a.Locality != "") || (p.Town != "" && a.Town != "") {
			a.Detail += string(chineseRunes(area))
			continue
		}
		a.Region = cmp.Or(a.Region, p.Region)
		a.City = cmp.Or(a.City, p.City)
		a.Locality = cmp.Or(a.Locality, p.Locality)
		a.Town = cmp.Or(a.Town, p.Town)
	}
	if len(areas) > 0 && a.Number == "" && a.Street != "" && isDigits(a.Detail) {
		a.Number, a.Detail = a.Detail, ""
	}
	a.Postcode = postcode
	return a
}

// chineseParts splits an address written with separators (commas, enumeration commas,
// spaces) into the address in Chinese order, the areas written after its
// street (南京市 in "江东中路1534, 南京市"), and a part of six digits alone, the
// postcode. Without such parts body is the whole address.
func chineseParts(s string) (body string, areas []string, postcode string) {
	// Runes first: an invalid byte becomes U+FFFD as chineseRunes makes it, and no
	// split can join two halves of one into a character the writer never wrote.
	parts := strings.FieldsFunc(string([]rune(s)), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",，、", r) // what chineseRunes drops
	})
	kept := parts[:0]
	for _, p := range parts {
		if q := norm.NFKC.String(p); postcode == "" && len(q) == 6 && isDigits(q) {
			postcode = q
			continue
		}
		kept = append(kept, p)
	}
	for len(kept) > 1 && isAreaOnly(kept[len(kept)-1]) {
		areas = append(areas, kept[len(kept)-1])
		kept = kept[:len(kept)-1]
	}
	return strings.Join(kept, " "), areas, postcode
}

// isAreaOnly reports whether a part names an area (province, city, district,
// township) and nothing within it.
func isAreaOnly(part string) bool {
	for _, w := range notArea {
		if strings.HasSuffix(part, w) {
			return false
		}
	}
	a := parseChineseOrdered(part)
	return a.Street == "" && a.Number == "" && a.Detail == "" && a != Address{}
}

// notArea are words ending like an area (市, 区) that name a shop, a market or a part of
// an estate: 华联超市 written after the street is where in the building, not a city.
var notArea = append([]string{"超市", "门市", "菜市", "夜市", "集市", "街市", "东区", "西区", "南区", "北区", "中区", "生活区", "办公区", "A区", "B区", "C区", "D区"}, notLocality...)

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// parseChineseOrdered is ParseChineseAddress for an address in Chinese order.
func parseChineseOrdered(s string) Address {
	rs := chineseRunes(s)
	var a Address
	pos := 0
	if name, n := provinceAt(rs, pos); n > 0 && !streetNamedAfter(rs, pos, n) {
		a.Region = string(rs[pos : pos+n])
		pos += n
		if municipalities[name] {
			a.City = a.Region
			for { // 上海市上海市, 北京市市辖区
				if again, m := provinceAt(rs, pos); m > 0 && again == name {
					pos += m
				} else if hasAt(rs, pos, "市辖区") {
					pos += 3
				} else {
					break
				}
			}
		}
	}
	if a.City == "" {
		a.City, pos = takeSuffix(rs, pos, 8, "自治州", "地区", "市", "盟")
		// 天河区市桥街: a district and then a street whose name starts with 市 is no
		// city "天河区市"; a city never holds a district or county before its 市.
		// 紫薇田园都市H座3202, a compound named like a city and written without the road:
		// no city's name runs to five characters before its 市 (乌鲁木齐, 呼和浩特: four).
		if c, ok := strings.CutSuffix(a.City, "市"); ok && (strings.ContainsAny(c, "区县旗") || utf8.RuneCountInString(c) > 4) {
			pos -= len([]rune(a.City))
			a.City = ""
		}
	}
	a.Locality, pos = takeSuffix(rs, pos, 8, "区", "县", "旗", "市")
	if c, ok := strings.CutSuffix(a.Locality, "市"); ok && utf8.RuneCountInString(c) > 4 {
		pos -= len([]rune(a.Locality)) // a county-level city is as short as a city (昆山市, 张家港市)
		a.Locality = ""
	}
	for _, w := range notLocality {
		// An estate, not a district: give it back. Suzhou's 工业园区 (the Industrial
		// Park) is a district of the city, written where a district goes.
		if strings.HasSuffix(a.Locality, w) && !strings.HasSuffix(a.Locality, "工业园区") {
			pos -= len([]rune(a.Locality))
			a.Locality = ""
			break
		}
	}
	if estateSection(a.Locality) {
		pos -= len([]rune(a.Locality))
		a.Locality = ""
	}
	pos = skipRepeatedAreas(rs, pos, a)
	a.Town, pos = takeSuffix(rs, pos, 10, "街道", "镇", "乡")
	pos = skipRepeatedTown(rs, pos, a)
	if street, number, name, end, ok := pointOfInterest(rs, pos); ok {
		a.Street, a.Number, a.Detail = street, number, name+string(rs[end:])
		return a
	}
	a.Street, pos = takeSuffix(rs, pos, 14, hanStreetTypes...)
	if a.Street != "" {
		var more string
		more, pos = streetTail(rs, pos)
		a.Street += more
	}
	a.Number, pos = houseNumber(rs, pos)
	a.Detail = string(rs[pos:])
	return a
}

// hanStreetTypes end a Chinese street's name.
var hanStreetTypes = []string{"大道", "大街", "胡同", "路", "街", "巷", "弄", "道", "线"}

// pointOfInterest reads, at pos, a place as a map writes a point of interest: its name,
// then its street and house number in brackets (幸福华庭(钦州路1944号), 金地里(共和新路874号)).
// A delivery app's buyer picks the address from the map and adds the flat, so Meituan
// sends 幸福华庭(钦州路1944号)14号楼1单元2601 where a storefront's buyer types
// 钦州路1944号幸福华庭14号楼1单元2601: read in order, the name would be the street's and
// the bracket the flat's. It returns the street, the number, the name (the compound) and
// where the bracket closes; ok is false where the text at pos is not so written, or the
// bracket holds anything besides a street and its number (恒电大厦B座1层, a part of the
// building, stays detail).
func pointOfInterest(rs []rune, pos int) (street, number, name string, end int, ok bool) {
	open := slices.Index(rs[pos:], '(')
	if open <= 0 || open > 20 {
		return "", "", "", pos, false
	}
	open += pos
	shut := slices.Index(rs[open:], ')')
	if shut < 0 {
		return "", "", "", pos, false
	}
	shut += open
	inner := rs[open+1 : shut]
	street, at := takeSuffix(inner, 0, 14, hanStreetTypes...)
	if street == "" {
		return "", "", "", pos, false
	}
	more, at := streetTail(inner, at)
	number, at = houseNumber(inner, at)
	if number == "" || at != len(inner) {
		return "", "", "", pos, false
	}
	return street + more, number, string(rs[pos:open]), shut + 1, true
}

// estateSection reports whether a run ending in 区 numbers a section of an estate
// (翠苑一区, 天通苑东三区) rather than naming a district: a numeral before 区 after a
// name. 二七区 (Zhengzhou's, named for a date) is a name of numerals and a district.
//
// A compass point before 区 after a name of three characters or more is a section too
// (融创白象街南区, 金杨新村北区, written where a storefront's form leaves no district):
// districts named for a compass point are short (市南区, 江北区, 城东区, 市中区).
func estateSection(loc string) bool {
	rs := []rune(loc)
	n := len(rs)
	if n >= 5 && rs[n-1] == '区' && strings.ContainsRune("东南西北中", rs[n-2]) {
		return true
	}
	return n >= 4 && rs[n-1] == '区' && hanNumerals[rs[n-2]] != "" && hanNumerals[rs[n-3]] == ""
}

// skipRepeatedAreas skips, at pos, areas the address has already named: a
// marketplace prints the province, city and district its buyer picked from a list and
// then the line the buyer typed, which often names them again (玄武区玄武区苏宁天润城,
// 河南省郑州市二七区 河南省郑州市二七区建业森林半岛, 陕西省西安市雁塔区 陕西省西安市科技路).
// Left in, the repeat would begin the detail, and the compound it names
// (玄武区苏宁天润城) would be no other writing's. A city written again without its 市
// (陕西西安莲湖区) is skipped only where the district follows, so that a road named
// after the city (大连路 in Dalian) stays the road.
func skipRepeatedAreas(rs []rune, pos int, a Address) int {
	for {
		start := pos
		if name, n := provinceAt(rs, pos); n > 0 && a.Region != "" && strings.HasPrefix(a.Region, name) && !streetNamedAfter(rs, pos, n) {
			pos += n
		}
		if a.City != "" {
			if hasAt(rs, pos, a.City) {
				pos += utf8.RuneCountInString(a.City)
			} else if short, ok := strings.CutSuffix(a.City, "市"); ok && utf8.RuneCountInString(short) >= 2 && hasAt(rs, pos, short) &&
				a.Locality != "" && hasAt(rs, pos+utf8.RuneCountInString(short), a.Locality) {
				pos += utf8.RuneCountInString(short)
			}
		}
		if a.Locality != "" && hasAt(rs, pos, a.Locality) {
			pos += utf8.RuneCountInString(a.Locality)
		}
		if pos == start {
			return pos
		}
	}
}

// skipRepeatedTown skips, at pos, the town (街道, 镇, 乡) the address has just named,
// and the areas before it, written again: Douyin prints the province, city, district
// and 街道 its buyer picked and then the line the buyer typed, which names the 街道
// again as often as not (西湖区蒋村街道 蒋村街道西溪路1789号碧桂园5栋1单元701: a third of
// one blind kit's Douyin orders). Left in, the repeat was read as the street, the road
// and the compound fell into the detail, and the buyer's own orders on other platforms
// (西溪路1789号碧桂园5栋1单元701) no longer shared her home.
func skipRepeatedTown(rs []rune, pos int, a Address) int {
	if a.Town == "" {
		return pos
	}
	for {
		start := pos
		pos = skipRepeatedAreas(rs, pos, a)
		if hasAt(rs, pos, a.Town) {
			pos += utf8.RuneCountInString(a.Town)
		}
		if pos == start {
			return pos
		}
	}
}

// chineseRunes prepares a Chinese address for parsing: NFKC, traditional characters
// simplified, and spaces and the commas some writers put between parts dropped.
func chineseRunes(s string) []rune {
	// Each byte that is not UTF-8 becomes U+FFFD before NFKC (as ranging over s reads
	// it), which would otherwise pass it through and let the next character compose
	// differently on each reading.
	rs := hanNumeralsAsDigits([]rune(Simplify(norm.NFKC.String(string([]rune(s))))))
	// Spaces between numbers separate them (九棵树家园9 5 1006 is building 9, unit 5,
	// flat 1006, as 9-5-1006 writes it); run together they would be one number.
	for i := 1; i < len(rs)-1; i++ {
		if unicode.IsSpace(rs[i]) && isASCIIDigit(rs[i-1]) {
			j := i
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			if j < len(rs) && isASCIIDigit(rs[j]) {
				rs[i] = '-'
			}
		}
	}
	return slices.DeleteFunc(rs, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '，' || r == '、' })
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// provinceAt returns the province whose name starts at pos and how many runes its name
// and suffix take, or 0.
func provinceAt(rs []rune, pos int) (string, int) {
	for n := 3; n >= 2; n-- {
		if pos+n > len(rs) {
			continue
		}
		name := string(rs[pos : pos+n])
		sufs, ok := provinces[name]
		if !ok {
			continue
		}
		for _, suf := range sufs {
			if hasAt(rs, pos+n, suf) {
				return name, n + len([]rune(suf))
			}
		}
		return name, n
	}
	return "", 0
}

// streetNamedAfter reports whether the province name of n runes at pos, written
// without its suffix, begins a street named after it: 北京东路 in Nanjing, 湖北路 in
// many cities. Such a street follows the name at once, as a direction and a street type
// or a street type alone.
func streetNamedAfter(rs []rune, pos, n int) bool {
	name := string(rs[pos : pos+n])
	for _, suf := range provinces[name] {
		if hasAt(rs, pos+n, suf) {
			return false // 北京市: the municipality, written in full
		}
	}
	i := pos + n
	if i < len(rs) && strings.ContainsRune("东西南北中", rs[i]) {
		i++
	}
	for _, t := range []string{"大道", "大街", "路", "街", "巷"} {
		if hasAt(rs, i, t) {
			return true
		}
	}
	return false
}

// hasAt reports whether s is written at pos.
func hasAt(rs []rune, pos int, s string) bool {
	sr := []rune(s)
	return pos+len(sr) <= len(rs) && string(rs[pos:pos+len(sr)]) == s
}

// takeSuffix returns the shortest run from pos, at most limit runes and at least one
// rune before the suffix, that ends with one of suffixes, and the position after it;
// or "" and pos.
func takeSuffix(rs []rune, pos, limit int, suffixes ...string) (string, int) {
	for end := pos + 2; end <= len(rs) && end <= pos+limit; end++ {
		for _, suf := range suffixes {
			sr := []rune(suf)
			if end-pos > len(sr) && hasAt(rs, end-len(sr), suf) {
				if suf == "街" && hasAt(rs, end, "道") { // 街道 is a township, not a street
					continue
				}
				if suf == "线" && !numberedHouse(rs, end) {
					// 羊西线2216号 is a road (Chengdu names some so); 地铁2号线 is not.
					continue
				}
				if (suf == "弄" || suf == "巷") && hasAt(rs, end, "口") && end+1 < len(rs) && unicode.Is(unicode.Han, rs[end+1]) {
					// 闸弄口新村20号楼301: a place named after the mouth of a lane (闸弄口,
					// 巷口), whose name goes on; the lane is not the address's street.
					continue
				}
				return string(rs[pos:end]), end
			}
		}
	}
	return "", pos
}

// numberedHouse reports whether digits ending in 号 are written at pos.
func numberedHouse(rs []rune, pos int) bool {
	end := pos
	for end < len(rs) && isASCIIDigit(rs[end]) {
		end++
	}
	return end > pos && end < len(rs) && rs[end] == '号'
}

// houseNumber reads a house number at pos: digits, maybe a range or a letter, ending in
// 号 ("90号", "12-3号"), or digits the writer left 号 off before an estate's name.
// Other digits are left to the detail: they may be a building or room.
func houseNumber(rs []rune, pos int) (string, int) {
	end := pos
	for end < len(rs) && (rs[end] >= '0' && rs[end] <= '9' || end > pos && (rs[end] == '-' || rs[end] >= 'A' && rs[end] <= 'Z' || rs[end] >= 'a' && rs[end] <= 'z')) {
		end++
	}
	// 融创白象街12号楼803: 号楼 is a building's word (the twelfth building), not a
	// house number and then a floor (which is written 12号1楼).
	if end > pos && end < len(rs) && rs[end] == '号' && (end+1 == len(rs) || rs[end+1] != '楼') {
		return string(rs[pos:end]), end + 1
	}
	// "书院路1931世茂滨江花园": a number the writer left 号 off, followed by the name of
	// an estate, is the house number; one followed by a building or room word (栋, 楼,
	// 室, #, -) or nothing belongs to the detail.
	if end > pos && end < len(rs) && unicode.Is(unicode.Han, rs[end]) && !strings.ContainsRune("栋幢楼座单元室层号弄#-", rs[end]) {
		return string(rs[pos:end]), end
	}
	return "", pos
}

// ChineseAddressParts builds an Address from the parts a storefront sends for a Chinese
// address (Shopify address1, address2, city, zip, province; WooCommerce the same): the
// lines hold district, street, number and flat in Chinese order, and are parsed as one
// Chinese address; the city field holds a city (深圳市, Shenzhen) or a district
// (罗湖区), which fills what the lines left out; region is kept as given (a name or the
// shop's code for it).
func ChineseAddressParts(line1, line2, locality, postcode, region string) Address {
	a := ParseChineseAddress(line1 + line2)
	if hasHan(locality) {
		l := ParseChineseAddress(locality)
		if l.Region == "" && l.City == "" && l.Locality == "" && l.Town == "" && l.Street == "" && l.Number == "" {
			// 武汉 in the city field: a city's name without its 市, which the parser
			// reads as no area at all.
			l = Address{City: strings.TrimSpace(locality)}
		}
		if a.Locality == "" {
			a.Locality = l.Locality
		}
		if a.City == "" {
			a.City = l.City
		}
		if a.Region == "" {
			a.Region = l.Region
		}
	} else if a.City == "" {
		a.City = strings.TrimSpace(locality)
	}
	if a.Region == "" {
		a.Region = strings.TrimSpace(region)
	}
	if pc := strings.TrimSpace(postcode); pc != "" {
		a.Postcode = pc
	}
	return a
}

// streetTail reads what follows a street's type and still names the street: a
// direction after it (江南大道中), Taiwan's section (四段) and a lane or alley (51巷, 3弄)
// before the house number; Shanghai's lanes (1367弄) too, which name the lane whether the
// writer adds the estate's name after them or not.
func streetTail(rs []rune, pos int) (string, int) {
	start := pos
	if pos+1 < len(rs) && strings.ContainsRune("东西南北中", rs[pos]) && (rs[pos+1] >= '0' && rs[pos+1] <= '9' || rs[pos+1] == '段' ||
		hanNumerals[rs[pos+1]] != "" && pos+2 < len(rs) && rs[pos+2] == '段') {
		pos++ // 二环路西一段: the west side's first section
	}
	for _, unit := range []rune{'段', '巷', '弄'} {
		end := pos
		for end < len(rs) && (rs[end] >= '0' && rs[end] <= '9' || hanNumerals[rs[end]] != "") {
			end++
		}
		if end > pos && end < len(rs) && rs[end] == unit {
			pos = end + 1
		}
	}
	return string(rs[start:pos]), pos
}
