package resolver

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/resolver/compare"
)

// Front desks. An office takes its parcels in at the front desk, and buyers write that
// into the receiver field in two ways. Beside their own name, as a note to the courier:
// 李伟（前台代收）, 张娜 前台代收, 陈强(前台代收). The note is no part of the name, and read
// as one word with it (李伟前台代收) it kept 吴海燕（前台代收） apart from 吴海燕's own orders
// on the same phone. Or instead of a name: 前台, 公司前台, 前台收, 杭州恒通贸易有限公司前台,
// Reception. Such a receiver names no person. Read as a name, it contradicted the buyer's
// own name on her own mobile and account (周杰's first Douyin order, 前台 with his mobile,
// kept his other shops' orders apart), and it was an exact match between colleagues.
//
// A mention addressed to the desk alone is therefore filed by what is the buyer's: the
// account, the mailbox, a mobile. The desk's landline and the office's address are every
// colleague's, so they are left out of its profile: with them, a desk order was scored
// against a colleague's order to the same office on the address alone and joined her (a
// first attempt that kept the address was reverted for that: review35 zh dev precision
// 0.9855 → 0.9707).

// One lexicon of desks serves both readings of a receiver: deskReceiver, on the name as
// written (a person beside the desk, or the desk alone), and roleName, on a name's key,
// for the names no writing shows as a desk (a role typed into a storefront's name
// fields). Two lists had grown apart: the gatehouse (门卫) and the mail room (收发室) were
// roles to one and names to the other, and 公司 after a desk was an owner to one only
// as the last word. What a buyer writes for a desk does not depend on which field it
// is read from.

// deskWords are the words for a place's desk that takes parcels in, in either script:
// an office's front desk, a building's gatehouse, mail room, guard room, the property
// office.
var deskWords = []string{"前台", "总台", "门卫", "收发室", "传达室", "保安室", "物业"}

// deskNotes may follow a desk word: who takes the parcel in (前台代收, 前台收).
var deskNotes = []string{"", "代收", "收", "签收", "转交"}

// deskOwners, anywhere before a desk, mark what precedes it as an organisation or a
// department (北京佳美广告有限公司前台, 行政部前台, 公司一楼前台), not a person's name. They
// are looked for anywhere in it, not only at its end: a floor or a wing may follow the
// owner (公司一楼前台), and a person's name of two to four characters holds none of them.
var deskOwners = []string{"公司", "集团", "企业", "中心", "事务所", "工作室", "办公室", "大厦", "部", "行政", "店", "厂", "医院", "学校", "银行"}

// deskPlaces before a desk make it a residential compound's gatehouse or mail room
// (小区门卫, 小区收发室): a parcel point, which the address rules read, and no person's
// name either; such a receiver is left as it is written.
var deskPlaces = []string{"小区", "社区"}

// latinDesks are whole receiver names that are a desk in English.
var latinDesks = map[string]bool{"reception": true, "front desk": true, "frontdesk": true, "reception desk": true,
	"receptionist": true, "front office": true}

// deskReceiver reads a person's receiver name written for an office's front desk. It
// returns the person named beside the desk ("李伟" for 李伟（前台代收）; "" for 公司前台, a
// desk alone) and whether the name was written for a desk at all. A desk word inside a
// name followed by more than a note (前台小王) is a person's name and is left as it is.
func deskReceiver(name string) (person string, desk bool) {
	s := strings.TrimSpace(norm.NFKC.String(name))
	if s == "" {
		return "", false
	}
	if !compare.HasHan(s) {
		return "", latinDesks[strings.Join(strings.Fields(strings.ToLower(s)), " ")]
	}
	rs, ts := []rune(s), []rune(compare.Simplify(s))
	if len(rs) != len(ts) {
		return "", false
	}
	flat := string(ts)
	for _, w := range deskWords {
		i := strings.Index(flat, w)
		if i < 0 {
			continue
		}
		at := utf8.RuneCountInString(flat[:i])
		tail := strings.Map(dropFrame, string(ts[at+utf8.RuneCountInString(w):]))
		if !slices.Contains(deskNotes, tail) {
			return "", false
		}
		head := strings.TrimFunc(string(rs[:at]), func(r rune) bool { return dropFrame(r) < 0 || unicode.IsPunct(r) })
		simple := compare.Simplify(head)
		switch n := utf8.RuneCountInString(head); {
		case n == 0:
			return "", true
		case slices.ContainsFunc(deskPlaces, func(o string) bool { return strings.HasSuffix(simple, o) }):
			return "", false
		case slices.ContainsFunc(deskOwners, func(o string) bool { return strings.Contains(simple, o) }):
			return "", true
		case compare.IsHanText(head) && n > 4:
			// A company's name without its legal form (杭州恒通贸易前台): longer than
			// any Han name.
			return "", true
		}
		return head, true
	}
	return "", false
}

// dropFrame drops the spaces and brackets a note is framed with.
func dropFrame(r rune) rune {
	switch r {
	case '(', ')', '（', '）', '【', '】', '[', ']', '<', '>', '《', '》', '-', '/', ',', '，', ':', '：':
		return -1
	}
	if unicode.IsSpace(r) {
		return -1
	}
	return r
}
