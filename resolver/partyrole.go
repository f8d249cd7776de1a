package resolver

import (
	"strings"

	"github.com/seamhub/seam/resolver/compare"
)

// A receiver named by a role. Parcels to an office go to its front desk, and Douyin,
// Pinduoduo and Meituan buyers write the receiver as the desk: 前台, 公司前台, 前台收,
// 杭州恒通贸易有限公司前台, beside the desk's landline or their own mobile. Such a name is
// nobody's: every colleague who orders to the office writes it, so read as a name it
// made two colleagues' orders one person's (name exact +8.6), and set against the
// buyer's own name it made the buyer's own mobile on the order another person's (a
// household's). The desk's landline is everyone's at the office, as a home's line is
// its household's: it relates the orders that give it, it names no one. A mobile beside
// the role is a person's own, as any mobile is, and stays a key.

// roleSuffixes are what a desk receiver's name may end with after the role: 前台收,
// 前台代收.
var roleSuffixes = []string{"代收", "收"}

// roleWords are receivers that are a place's desk, not a person.
var roleWords = []string{"前台", "门卫", "收发室", "传达室", "保安室", "物业"}

// orgWords mark the part before a role as an organisation or a department
// (杭州恒通贸易有限公司前台, 行政前台), not a person's name (张伟前台代收 is 张伟).
var orgWords = []string{"公司", "集团", "企业", "工作室", "中心", "大厦", "行政", "办公室", "部", "店", "厂", "医院", "学校", "银行"}

// roleName reports whether a person's name key (normalize.PersonName) is only a role:
// the front desk, the gatehouse, the mail room, alone or after an organisation's name.
func roleName(key string) bool {
	if key == "" || !compare.HasHan(key) {
		return false
	}
	for _, s := range roleSuffixes {
		if rest, ok := strings.CutSuffix(key, s); ok && rest != "" {
			key = rest
			break
		}
	}
	for _, w := range roleWords {
		before, ok := strings.CutSuffix(key, w)
		if !ok {
			continue
		}
		if before == "" || before == "公司" {
			return true
		}
		for _, o := range orgWords {
			if strings.Contains(before, o) {
				return true
			}
		}
	}
	return false
}

// asRole clears a profile whose name is only a role (roleName): no name, and a fixed
// line beside it (or a number no plan reads) moved to Line, where it relates and does
// not identify.
func asRole(pr PartyProfile) PartyProfile {
	if pr.Company || !roleName(pr.Name) {
		return pr
	}
	pr.Name, pr.FullName, pr.Given, pr.Family = "", "", "", ""
	return deskLine(pr)
}

// deskLine moves the fixed line of a profile that names no one but a desk (or a number
// no plan reads) to Line, where it relates and does not identify.
func deskLine(pr PartyProfile) PartyProfile {
	switch {
	case compare.FixedLine(pr.Phone):
		pr.Line, pr.Phone = pr.Phone, ""
	case pr.PhoneDigits != "":
		// A number no plan reads beside a desk (025-65607649 on an order that names no
		// country, which a mobile's eleven digits do not need): the desk's line as well.
		pr.Line, pr.PhoneDigits = pr.PhoneDigits, ""
	}
	return pr
}
