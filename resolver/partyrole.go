package resolver

import (
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

// roleName reports whether a person's name key (normalize.PersonName) is only a role:
// a desk, a gatehouse, a mail room, alone or after an organisation's name. It reads the
// desks' one lexicon (deskReceiver): a key the desk's note is run into (张伟前台代收)
// names the person before it, and so is no role.
func roleName(key string) bool {
	person, desk := deskReceiver(key)
	return desk && person == ""
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
