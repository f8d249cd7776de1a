package compare

import (
	"slices"
	"strconv"
	"strings"
)

// homeMarkers are the words a home's numbers stand before: a building (号楼, 栋, 幢,
// 座, 号), its unit (单元), a floor (层, 楼), a flat (室) and a village's group (组).
var homeMarkers = []string{"号楼", "栋", "幢", "座", "单元", "层", "楼", "室", "组", "号"}

// hanDigitValue is each Han numeral's digit; 十 and 百 are places, not digits.
var hanDigitValue = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7,
	'八': 8, '九': 9}

// hanNumeralsAsDigits writes the Han numerals of a home's numbers as digits:
// 九栋二单元四零三室 as 9栋2单元403室, 大王庄三组 as 大王庄3组, 十二楼 as 12楼. A buyer
// writes them so as often in a village's group and an older estate's building as
// another writes digits, and the flat is told by its numbers (chineseDetail), which
// Han numerals hid: 9栋2单元403 against 九栋二单元403 compared as numbers 9-2-403
// against 403. Only a run of numerals right before one of homeMarkers, and not right
// after a digit, is read: 二七区, 三好街 and 十里堡 are names.
func hanNumeralsAsDigits(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && isHanNumeral(rs[j]) {
			j++
		}
		if j == i {
			out = append(out, rs[i])
			i++
			continue
		}
		n, ok := hanNumber(rs[i:j])
		if ok && (i == 0 || !isASCIIDigit(rs[i-1])) && slices.ContainsFunc(homeMarkers, func(m string) bool { return hasAt(rs, j, m) }) {
			out = append(out, []rune(n)...)
		} else {
			out = append(out, rs[i:j]...)
		}
		i = j
	}
	return out
}

func isHanNumeral(r rune) bool {
	_, ok := hanDigitValue[r]
	return ok || r == '十' || r == '百'
}

// hanNumber reads a run of Han numerals: with places (十二 12, 二十三 23, 一百零三 103)
// as a number, without (四零三, 一二零一) digit by digit, as flats are read out.
func hanNumber(rs []rune) (string, bool) {
	if !strings.ContainsAny(string(rs), "十百") {
		var b strings.Builder
		for _, r := range rs {
			b.WriteByte(byte('0' + hanDigitValue[r]))
		}
		return b.String(), true
	}
	total, digit := 0, -1
	for _, r := range rs {
		switch r {
		case '十', '百':
			place := 10
			if r == '百' {
				place = 100
			}
			if digit < 0 {
				digit = 1 // 十二: one ten
			}
			total += digit * place
			digit = -1
		default:
			if digit >= 0 && digit != 0 {
				return "", false // two digits in a row among places: not a number
			}
			digit = hanDigitValue[r]
		}
	}
	if digit > 0 {
		total += digit
	}
	return strconv.Itoa(total), true
}
