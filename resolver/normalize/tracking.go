package normalize

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TrackingNumber returns the comparable form of a parcel tracking number: NFKC,
// upper-cased, without spaces or dashes ("1z 999 aa1-0123456784" is
// "1Z999AA10123456784"). A tracking number identifies a parcel only together with its
// carrier; pair it with Carrier.
func TrackingNumber(s string) string {
	return norm.NFKC.String(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) {
			return -1
		}
		return r
	}, upperNFKC(s)))
}

// carrierAliases lists, for each carrier code (AfterShip's slug), the names and codes
// other systems use: Shopify's tracking_company, Square's carrier, Douyin's company
// (pinyin codes such as "shunfeng"), people's spellings in Chinese and English. They are
// matched after carrierKey, so case, spaces and punctuation do not matter.
var carrierAliases = map[string][]string{
	"dhl":        {"dhl", "dhl express", "dhl express worldwide"},
	"ups":        {"ups", "united parcel service"},
	"fedex":      {"fedex", "fed ex", "federal express"},
	"usps":       {"usps", "united states postal service", "us postal service"},
	"sf-express": {"sf-express", "sf express", "sf", "shunfeng", "顺丰", "顺丰速运", "顺丰快递", "顺丰速递"},
	"china-ems":  {"china-ems", "china ems", "ems", "中国邮政ems", "邮政ems", "ems快递"},
	"china-post": {"china-post", "china post", "中国邮政", "邮政快递包裹", "youzhengguonei"},
	"yto":        {"yto", "yto express", "yuantong", "圆通", "圆通速递", "圆通快递"},
	"zto":        {"zto", "zto express", "zhongtong", "中通", "中通快递", "中通速递"},
	"sto":        {"sto", "sto express", "shentong", "申通", "申通快递", "申通速递"},
	"yunda":      {"yunda", "yunda express", "韵达", "韵达快递", "韵达速递"},
	"jd":         {"jd", "jd logistics", "jd express", "jingdong", "京东", "京东物流", "京东快递"},
	"postnl":     {"postnl", "post nl"},
	"dpd":        {"dpd"},
	"gls":        {"gls"},
}

// carrierCodes maps each carrierKey of an alias to its carrier code.
var carrierCodes = func() map[string]string {
	m := map[string]string{}
	for code, aliases := range carrierAliases {
		for _, a := range aliases {
			m[carrierKey(a)] = code
		}
	}
	return m
}()

// carrierKey folds a carrier name and keeps only its letters and digits.
func carrierKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, fold(s))
}

// Carrier maps a carrier name or code as any source writes it ("DHL Express", "dhl",
// "顺丰速运", "shunfeng", "SF Express") to one carrier code, AfterShip's slug ("dhl",
// "sf-express"). "EMS" is read as China EMS, the carrier Seam's sources mean by it. It
// returns ok = false for names it does not know; keep those as written rather than guess,
// since "DHL eCommerce" and "DHL Paket" are other carriers than DHL Express.
func Carrier(name string) (code string, ok bool) {
	code, ok = carrierCodes[carrierKey(name)]
	return code, ok
}
