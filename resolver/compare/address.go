package compare

import (
	"slices"
	"strings"
	"unicode"
)

// Address is a postal address split into the parts that are compared one by one. Latin
// sources send most parts apart already (FEBRL's street_number, address_1, address_2,
// suburb, postcode and state; Shopify's address1, address2, city, province and zip):
// build them with LatinAddress. Chinese addresses come as one string: read them with
// ParseChineseAddress, or ParseAddress for either script.
type Address struct {
	Number   string // house number: FEBRL street_number, the 号 of a Chinese address
	Street   string // street name and type: "kingsford street", 文三路
	Detail   string // what the street does not say: a building or complex, unit, room (FEBRL address_2; 小区, 栋, 单元, 室)
	Town     string // township or subdistrict: 街道, 镇, 乡
	Locality string // suburb, district or county: FEBRL suburb, 区, 县
	City     string // city: 市, or a Latin city where a source names it apart from the suburb
	Region   string // state or province: FEBRL state, 省, 自治区; 北京, 上海, 天津 and 重庆 are both region and city
	Postcode string
}

// Part names one part of an Address.
type Part uint8

// The parts of an address, in the order AddressComparison holds them.
const (
	PartNumber Part = iota
	PartStreet
	PartDetail
	PartTown
	PartLocality
	PartCity
	PartRegion
	PartPostcode
	NumParts = int(PartPostcode) + 1
)

var partNames = [NumParts]string{"number", "street", "detail", "town", "locality", "city", "region", "postcode"}

// String returns the part's name as explanations print it.
func (p Part) String() string {
	if int(p) < NumParts {
		return partNames[p]
	}
	return "part?"
}

// get returns one part of the address.
func (a Address) get(p Part) string {
	return [NumParts]string{a.Number, a.Street, a.Detail, a.Town, a.Locality, a.City, a.Region, a.Postcode}[p]
}

// AddressComparison is the comparison of two addresses: a level for each part (Null
// where either side lacks it), and one for the address as a whole.
type AddressComparison struct {
	Parts   [NumParts]Level
	Overall Level
}

// AddressPartKinds are the levels each part of AddressLevels gets, strongest first.
func AddressPartKinds() []Kind {
	return []Kind{Null, Dwelling, Exact, Typo, Similar, Building, Partial, MaskedCompatible, Different, OtherHome}
}

// AddressKinds are the levels of AddressComparison.Overall, strongest first.
func AddressKinds() []Kind {
	return []Kind{Null, Exact, Similar, Partial, MaskedCompatible, Different}
}

// Address similarity: street names and details whose words are this Monge-Elkan
// similar (each word paired with its most Jaro-Winkler-similar one) are Similar.
const similarAddress = 0.9

// AddressLevels compares two addresses part by part and as a whole.
//
// Each part gets, strongest first: Null (missing on either side), Exact (equal once
// normalised: case, width, accents, street types abbreviated as in normalize.Address,
// traditional characters simplified, and in Chinese the suffixes 省, 市, 区, 县, 街道,
// 镇 dropped, so 浦东新区 is 浦东), Typo (one edit apart, in a part of at least three
// characters), Similar (street and detail words alike, see MongeElkan), Partial (a
// postcode with the same first three characters, a house number range or suffix around
// the same number, 12 and 12a), MaskedCompatible (a masked part whose visible characters
// fit) and Different.
//
// Overall is, strongest first:
//   - Null: no part present on both sides;
//   - Exact: every part present on both sides exact, the street (or, for an address
//     without one, the detail) among them;
//   - Similar: the street agrees (exact, typo or similar; the detail where a side has
//     no street), no part of number, street and detail differs, and no part of the area
//     (town to postcode) differs;
//   - Partial: the street or number differ or are missing, but the area agrees and
//     nothing in it differs: the same suburb, the same district;
//   - MaskedCompatible: a side is masked (上海市上海市浦东新区**** against a full
//     address in 浦东), and what is visible agrees: what is hidden is where the address
//     tells people apart, so it can never be more;
//   - Different.
func AddressLevels(a, b Address) AddressComparison {
	var c AddressComparison
	for p := range Part(NumParts) {
		c.Parts[p] = AddressPartLevel(p, a, b)
	}
	c.Overall = overall(a, b, c.Parts)
	return c
}

// AddressPartLevel is the level AddressLevels gives one part of two addresses, for
// callers that weigh a few parts and not the whole: party matching compares addresses
// by the thousand a batch, and the parts it does not weigh were most of the work.
func AddressPartLevel(p Part, a, b Address) Level {
	l := comparePart(p, a.get(p), b.get(p))
	if p == PartDetail && l.Kind == Exact && homeInStreet(a) && homeInStreet(b) && areaDetail(a.Detail) {
		// Ap Lei Chau under Flat B, 24/F, Block 3, South Horizons on both sides: the
		// district every namesake of the estate writes, the homes being in the first
		// line (three 陳家偉 of South Horizons, each in another block).
		return level("address.detail", Null, "%s names the area; the homes are in the first line", a.Detail)
	}
	if p == PartDetail && l.Kind == Different && (chineseAddress(a) || chineseAddress(b)) && roomWorded(a.Detail, b.Detail) &&
		comparePart(PartNumber, a.Number, b.Number).Kind == Exact {
		// 46号503 against Room 503, No. 46: one room of one house number, named in the
		// Han form by its number alone (see roomWorded).
		return level("address.detail", Dwelling, "%s ~ %s: the room %s, worded otherwise", a.Detail, b.Detail, strings.Join(digitRuns(a.Detail), ""))
	}
	if p == PartStreet && l.Kind.Agrees() && l.Kind != Exact && homeInStreet(a) && homeInStreet(b) {
		// Flat B, 24/F, Block 3 against Flat C, 23/F, Block 8 of one estate: the first
		// line holds the flat, and its numbers say another home however alike the words.
		na, nb := numberedWords(a.Street), numberedWords(b.Street)
		slices.Sort(na)
		slices.Sort(nb)
		if len(na) == len(nb) && !slices.Equal(na, nb) {
			return level("address.street", Different, "%s ~ %s: another flat or floor", a.Street, b.Street)
		}
	}
	return l
}

// overall summarises the part levels.
func overall(a, b Address, parts [NumParts]Level) Level {
	agrees := func(p Part) bool { k := parts[p].Kind; return k.Agrees() && k != MaskedCompatible }
	differs := func(p Part) bool { return parts[p].Kind.Differs() }
	area := []Part{PartTown, PartLocality, PartCity, PartRegion, PartPostcode}
	areaAgrees, areaDiffers := false, false
	compared := false
	for p := range Part(NumParts) {
		compared = compared || parts[p].Kind != Null
	}
	for _, p := range area {
		areaAgrees = areaAgrees || agrees(p)
		areaDiffers = areaDiffers || differs(p)
	}
	if addressMasked(a) || addressMasked(b) {
		return maskedAddress(a, b, areaDiffers)
	}
	// The line below the area: the street, or where a side has none (Chinese estates,
	// 阳光小区3栋) the detail.
	lineAgrees := agrees(PartStreet) || (parts[PartStreet].Kind == Null && agrees(PartDetail))
	lineDiffers := differs(PartNumber) || differs(PartStreet) || differs(PartDetail)
	switch {
	case !compared:
		return level("address", Null, "no part on both sides")
	case allExact(parts) && (parts[PartStreet].Kind == Exact || parts[PartDetail].Kind.Same()):
		return level("address", Exact, "")
	case lineAgrees && !lineDiffers && !areaDiffers:
		return level("address", Similar, "%s", notExact(parts))
	case areaAgrees && !areaDiffers:
		return level("address", Partial, "same area, %s", notExact(parts))
	}
	return level("address", Different, "%s", notExact(parts))
}

// allExact reports whether every part compared is exact.
func allExact(parts [NumParts]Level) bool {
	for _, l := range parts {
		if l.Kind != Null && !l.Kind.Same() {
			return false
		}
	}
	return true
}

// notExact lists the parts that are not exact, for the explanation.
func notExact(parts [NumParts]Level) string {
	var out []string
	for p, l := range parts {
		if l.Kind != Null && !l.Kind.Same() {
			out = append(out, Part(p).String()+" "+l.Kind.String())
		}
	}
	if len(out) == 0 {
		return "parts missing"
	}
	return strings.Join(out, ", ")
}

// addressMasked reports whether any part of the address is masked.
func addressMasked(a Address) bool {
	for p := range Part(NumParts) {
		if IsMasked(a.get(p)) {
			return true
		}
	}
	return false
}

// maskedAddress compares addresses of which one or both are masked. Parsers split a
// masked address where they can (上海市上海市浦东新区**** has no street, the mask stands
// for it), so what follows the area is compared as one string: number, street and
// detail, in the order addresses write them.
func maskedAddress(a, b Address, areaDiffers bool) Level {
	ra, rb := streetLine(a), streetLine(b)
	if areaDiffers {
		return level("address", Different, "the visible area differs")
	}
	if ra != "" && rb != "" && !MaskCompatible(ra, rb) {
		return level("address", Different, "%s does not fit %s", ra, rb)
	}
	return level("address", MaskedCompatible, "%s fits %s", displayLine(a), displayLine(b))
}

// streetLine is the part of an address below its area, in the order of its script:
// street, number, detail for Chinese ("文三路90号1号楼"), number, street, detail otherwise.
func streetLine(a Address) string {
	if strings.ContainsFunc(a.Street+a.Detail, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		if a.Number != "" {
			return a.Street + a.Number + "号" + a.Detail
		}
		return a.Street + a.Detail
	}
	return strings.TrimSpace(strings.Join(strings.Fields(a.Number+" "+a.Street+" "+a.Detail), " "))
}

// displayLine writes an address on one line for an explanation.
func displayLine(a Address) string {
	var parts []string
	for _, p := range []Part{PartRegion, PartCity, PartLocality, PartTown} {
		if v := a.get(p); v != "" && !(p == PartCity && v == a.Region) {
			parts = append(parts, v)
		}
	}
	if s := streetLine(a); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}
