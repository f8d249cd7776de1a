package compare

import (
	"strings"
	"unicode"
)

// A Chinese flat written in English by the people who live in it. Mainland buyers
// filling an English checkout write the flat as the Han form numbers it, after a word
// for the building: "Bldg 16-4-402" for 16栋4单元402室 (building, unit, room), often
// with the compound's name before it and the house number and road after it
// ("China Resources City, Bldg 16-4-402, 707 Wangjing St, Chaoyang District"). Read
// as a place, the flat was lost, and 周梓涵 at 华润城16栋4单元402室 met Zihan Zhou there
// with no flat on one side. A new district (新区) is written "Pudong New Area", as its
// official English name is, and it is the district.

// buildingRun reports whether a segment is a building word and the flat's numbers run
// together the Chinese way, building first: "Bldg 16-4-402", "Building 9#1203". Three
// numbers at least (building, unit and room, or building and room with a floor), so
// that a storefront's "Unit 4-12" or "Apt 3-2" is left to the rules of its country.
func buildingRun(seg string) bool {
	word, rest, ok := strings.Cut(strings.TrimSpace(seg), " ")
	if !ok {
		return false
	}
	switch strings.TrimSuffix(strings.ToLower(word), ".") {
	case "bldg", "building", "block", "blk":
	default:
		return false
	}
	rest = strings.TrimSpace(rest)
	return chineseStyleDetail(rest) && strings.ContainsAny(rest, "-#") && len(digitRuns(rest)) >= 3
}

// newArea reports whether the words of a segment end in "new area": 浦东新区 is
// Pudong New Area.
func newArea(words []string) bool {
	n := len(words)
	return n >= 3 && words[n-2] == "new" && strings.TrimSuffix(words[n-1], ".") == "area"
}

// roomWorded reports whether two details name one room of a Chinese address, one as
// the Han form leaves it after the house number (46号503: room 503 of No. 46) and the
// other with a word for it (Room 503, Rm 503, Flat 503): a room's number, three digits
// or more, alone on the one side, and the same number with flat words and nothing else
// on the other. Storefronts elsewhere write a bare number for many things, and are left
// as they were (see sameFlatWorded); the caller asks it only of Chinese addresses.
func roomWorded(a, b string) bool {
	bare, worded := strings.TrimSpace(a), strings.TrimSpace(b)
	if !onlyDigits(bare) {
		bare, worded = worded, bare
	}
	if !onlyDigits(bare) || onlyDigits(worded) || !namesFlat(worded) {
		return false
	}
	nb, nw := DigitRuns(bare), DigitRuns(worded)
	return len(nb) == 1 && len(nw) == 1 && nb[0] == nw[0] && len(nb[0]) >= 3
}

// onlyDigits reports whether s is digits and nothing else, once widened forms are
// narrowed (５０３).
func onlyDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// chineseAddress reports whether an address is written in Han characters in its
// street or area: the other side of a comparison may be its English form.
func chineseAddress(a Address) bool {
	return hasHan(a.Street) || hasHan(a.Locality) || hasHan(a.City)
}
