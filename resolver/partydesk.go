package resolver

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/resolver/compare"
)

// Front desks. An order sent to an office is often addressed to no one: its receiver is
// the front desk (前台, 公司前台, 北京佳美广告有限公司前台, Reception), with the desk's own
// landline, and everyone who works there orders to it. The name and the phone then are
// the office's, not the buyer's: read as a person's, the desk's phone was a key every
// colleague's account shared and its name an exact match between them, and a blind kit's
// office of Douyin buyers became one party (review35, held-out zh 100: 23 of its 66
// false pairs). Such a mention keeps its account, e-mail and address; its name and phone
// say nothing of who ordered, so they are left out of its profile. A person named beside
// the desk (张伟(前台代收), 陈刚 at 某公司前台) is that person, and stays.

// deskWords are the receivers that name a desk or a room of a building, not a person,
// as the end of a Han receiver name.
var deskWords = []string{"前台代收", "行政前台", "前台", "总台", "收发室", "传达室", "门卫室", "门卫", "保安室", "快递室"}

// deskOwners end what may stand before a desk word: a company or a department of it
// (北京佳美广告有限公司前台, 行政部前台).
var deskOwners = []string{"公司", "集团", "中心", "事务所", "工作室", "办公室", "大厦", "部"}

// latinDesks are whole receiver names that are a desk in English.
var latinDesks = map[string]bool{"reception": true, "front desk": true, "frontdesk": true, "reception desk": true,
	"mailroom": true, "mail room": true, "concierge": true, "receptionist": true, "front office": true}

// deskReceiver reports whether a person's name, as written, is a desk's rather than a
// person's (see above).
func deskReceiver(name string) bool {
	s := strings.TrimSpace(norm.NFKC.String(name))
	if s == "" {
		return false
	}
	if !compare.HasHan(s) {
		return latinDesks[strings.Join(strings.Fields(strings.ToLower(s)), " ")]
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '(', ')', '（', '）', '【', '】', '[', ']', '-', '/':
			return -1
		}
		return r
	}, compare.Simplify(s))
	for _, w := range deskWords {
		rest, ok := strings.CutSuffix(s, w)
		if !ok {
			continue
		}
		if rest == "" {
			return true
		}
		for _, o := range deskOwners {
			if strings.HasSuffix(rest, o) {
				return true
			}
		}
		return false
	}
	return false
}
