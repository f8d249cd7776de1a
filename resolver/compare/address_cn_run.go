package compare

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Run-together numbers. A Chinese address typed without the 号 after the street number
// runs that number into the building's: 书院路35115幢4单元606室 is 书院路351号15幢4单元
// 606室, 蜀都大道6910#2803 is 蜀都大道69号10栋2803. A parser cannot split 35115 on its
// own; against an address of the same street that writes the 号 it can: the run is
// that street number followed by the first number of the other's detail. Where the
// other gives no detail (江南大道中1487号), only a run of five digits or more is split,
// since street numbers that long hardly exist.

// SplitRunTogether returns two Chinese addresses of one street with a street number
// that runs into the building's split the way the other address writes it, and a note
// of the reading ("35115 read as 351号15"); the addresses unchanged and "" where
// neither runs together.
func SplitRunTogether(a, b Address) (Address, Address, string) {
	// The run is a Chinese writer's; the other address may be in English (珞喻路20774-2906
	// against No. 2077 Luoyu Rd, 4-2906), whose street then agrees by its reading.
	if !hasHan(a.Street) && !hasHan(b.Street) || !comparePart(PartStreet, a.Street, b.Street).Kind.Agrees() {
		return a, b, ""
	}
	if x, note, ok := splitAgainst(a, b); ok && hasHan(a.Street) {
		return x, b, note
	}
	if y, note, ok := splitAgainst(b, a); ok && hasHan(b.Street) {
		return a, y, note
	}
	return a, b, ""
}

// minRunDigits is the length of a run of digits that cannot be a street number alone.
const minRunDigits = 5

// splitAgainst splits x's run-together number as y writes its number and building.
func splitAgainst(x, y Address) (Address, string, bool) {
	n := norm.NFKC.String(strings.TrimSpace(y.Number))
	if !isDigits(n) {
		return x, "", false
	}
	building := buildingOf(norm.NFKC.String(y.Detail))
	xn, xd := norm.NFKC.String(strings.TrimSpace(x.Number)), norm.NFKC.String(strings.TrimSpace(x.Detail))
	switch {
	case xn == "":
		// The run opens the detail: 35115幢4单元606室.
		run := leadingNumber(xd)
		rest := xd[len(run):]
		r, ok := buildingAfter(run, n, building)
		if !ok || rest == "" || building == "" && len(run) < minRunDigits {
			return x, "", false
		}
		x.Number, x.Detail = n, r+rest
		return x, fmt.Sprintf("%s read as %s号%s", run, n, r), true
	case isDigits(xn) && building != "":
		// The parser took a building's 号 (19号楼) for the street's: 151919号楼701室.
		r, ok := buildingAfter(xn, n, building)
		if !ok {
			return x, "", false
		}
		x.Number, x.Detail = n, r+"号"+xd
		return x, fmt.Sprintf("%s read as %s号%s", xn, n, r), true
	}
	return x, "", false
}

// buildingAfter returns what follows the street number n in a run of digits, where it
// can be a building's number: the other address's building where it gives one, else one
// or two digits.
func buildingAfter(run, n, building string) (string, bool) {
	if len(run) <= len(n) || !strings.HasPrefix(run, n) || run[len(n)] == '0' {
		return "", false
	}
	r := run[len(n):]
	if building != "" {
		return r, r == building
	}
	return r, len(r) <= 2
}

// ChineseStreetKey is a Chinese address's street and street number as one key
// ("书院路351"): where a household lives, short of its flat, which forms write in too
// many ways to block on. "" for an address without a Han street or a number of digits.
func ChineseStreetKey(a Address) string {
	st, n := partKey(PartStreet, a.Street), partKey(PartNumber, a.Number)
	if !hasHan(st) || !isDigits(n) {
		return ""
	}
	return st + n
}

// hanSection reads the Han numeral of a road's section (忠孝東路一段, Sec. 1 in its
// English form) or of a numbered road (福华一路, Fuhua 1st Road) as digits.
var hanSection = func() *strings.Replacer {
	var pairs []string
	for i, n := range []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"} {
		// 福华一路 is Fuhua 1st Road, 中山五路 Zhongshan 5th Road.
		for _, unit := range []string{"段", "路"} {
			pairs = append(pairs, n+unit, fmt.Sprint(i+1)+unit)
		}
	}
	return strings.NewReplacer(pairs...)
}()

// HomeNumbersKey is the numbers of a Chinese or Taiwanese address short of its area
// (house number, lane, section, building, unit, floor, room), sorted, as one key
// ("1306.204.26" for 莫干山路1306号26栋204): what one home keeps however a form writes
// it, in Han or in its English form (16F., No. 15, Ln. 150, Sec. 1 for
// 文化路一段150巷15號16樓), with or without its compound's name. Sorted, since the
// English form reads them the other way round. "" where fewer than three numbers are
// written: a house number alone is shared by a street's every flat, and by the same
// number on every other street.
//
// A detail of three numbers is a building, its unit and the flat (26栋3单元1304, 26-3-1304,
// Room 1304, Unit 3, Building 26), and the unit is left out: one writer gives it and
// the next does not (26号楼1304室), as the flat's block rule reads it (see flatNumbers).
func HomeNumbersKey(a Address) string {
	detail := norm.NFKC.String(a.Detail)
	if d := digitRuns(detail); len(d) == 3 {
		detail = d[0] + " " + d[2]
	}
	s := norm.NFKC.String(a.Number + " " + hanSection.Replace(Simplify(a.Street)) + " " + detail)
	runs := digitRuns(s)
	if len(runs) < 3 {
		return ""
	}
	slices.SortFunc(runs, func(x, y string) int {
		if len(x) != len(y) {
			return len(x) - len(y)
		}
		return strings.Compare(x, y)
	})
	return strings.Join(runs, ".")
}

// englishBuilding finds the building's number in an English form's flat: Room 2403,
// Building 15 names the room first.
var englishBuilding = regexp.MustCompile(`(?i)\b(?:building|bldg|block|blk)\.?\s*(?:no\.?\s*)?#?\s*(\d+)`)

// buildingOf returns the building's number of a flat as written: the first number of
// a Chinese one (15幢4单元606室, 15-606), the number after Building in an English one.
func buildingOf(detail string) string {
	if !hasHan(detail) && strings.ContainsFunc(detail, unicode.IsLetter) {
		if m := englishBuilding.FindStringSubmatch(detail); m != nil {
			return strings.TrimLeft(m[1], "0")
		}
		return ""
	}
	if runs := digitRuns(detail); len(runs) > 0 {
		return runs[0]
	}
	return ""
}
