package refscan

import (
	"strings"

	"github.com/seamhub/seam/resolver/normalize"
)

// label is what the words in front of a number say it is, as a set of flags.
type label uint16

const (
	labMeituan label = 1 << iota
	labDouyin
	labPinduoduo
	labShopify
	labOrder    // an order number: "order", "No.", "订单号", "#"
	labPO       // a purchase order: "PO", "P.O.", "采购单", "合同号"
	labTracking // a parcel: "tracking", "运单号", "快递", a carrier's name
	labPhone    // "tel", "电话", "手机"
	labMoney    // "RMB", "total", "金额", "合计"
	labQty      // a count, a date or a time: "qty", "数量", "日期"
	labBL       // a bill of lading or air waybill: "B/L", "提单"

	labSystem = labMeituan | labDouyin | labPinduoduo | labShopify
	// labDecisive labels end the search for more labels: the nearest one decides.
	// A bare order label does not, so "Meituan order 2706…" still finds Meituan.
	labDecisive = labSystem | labPO | labTracking | labPhone | labMoney | labQty | labBL
	// labNamed labels make a number more than a bare number.
	labNamed = labSystem | labOrder | labPO | labTracking | labBL
)

// asciiLabels are label words written in Latin letters, lower case without dots.
var asciiLabels = map[string]label{
	"mt": labMeituan, "meituan": labMeituan, "mtwm": labMeituan,
	"dy": labDouyin, "douyin": labDouyin, "doudian": labDouyin,
	"pdd": labPinduoduo, "pinduoduo": labPinduoduo,
	"shopify": labShopify,
	"order":   labOrder, "orders": labOrder, "ord": labOrder, "no": labOrder, "nr": labOrder,
	"num": labOrder, "number": labOrder, "ref": labOrder, "reference": labOrder, "so": labOrder,
	"orderno": labOrder, "ordernumber": labOrder,
	// The word for an order in the languages shops write their notes in.
	"bestelling": labOrder, "bestelnummer": labOrder, "bestellung": labOrder, "bestellnummer": labOrder,
	"auftrag": labOrder, "commande": labOrder, "cde": labOrder, "pedido": labOrder, "ordine": labOrder,
	"zamowienie": labOrder, "objednavka": labOrder, "ordre": labOrder, "tilaus": labOrder,
	"po": labPO, "pono": labPO, "purchase": labPO, "contract": labPO,
	"tracking": labTracking, "track": labTracking, "trk": labTracking, "awb": labTracking,
	"waybill": labTracking, "parcel": labTracking, "consignment": labTracking,
	"tel": labPhone, "phone": labPhone, "mobile": labPhone, "mob": labPhone, "cell": labPhone,
	"fax": labPhone, "call": labPhone, "whatsapp": labPhone,
	"rmb": labMoney, "cny": labMoney, "usd": labMoney, "eur": labMoney, "gbp": labMoney,
	"hkd": labMoney, "jpy": labMoney, "yuan": labMoney, "total": labMoney, "amount": labMoney,
	"price": labMoney, "subtotal": labMoney, "tip": labMoney,
	"qty": labQty, "quantity": labQty, "date": labQty, "time": labQty,
	"bl": labBL, "bol": labBL, "mbl": labBL, "hbl": labBL, "mawb": labBL, "hawb": labBL, "lading": labBL,
}

// cjkLabels are label words in Chinese, found anywhere in a run of Han characters
// ("美团单号" holds 美团 and 单号). They are tried in this order, and a run may hold
// several: 运单号 is a tracking label before it is an order label.
var cjkLabels = []struct {
	word string
	lab  label
}{
	{"提单", labBL}, {"提运单", labBL},
	{"电话", labPhone}, {"手机", labPhone}, {"联系", labPhone}, {"致电", labPhone}, {"座机", labPhone}, {"来电", labPhone},
	{"运单", labTracking}, {"快递", labTracking}, {"物流", labTracking}, {"包裹", labTracking},
	{"顺丰", labTracking}, {"中通", labTracking}, {"圆通", labTracking}, {"申通", labTracking},
	{"韵达", labTracking}, {"邮政", labTracking}, {"极兔", labTracking}, {"德邦", labTracking},
	{"美团", labMeituan},
	{"抖音", labDouyin}, {"抖店", labDouyin},
	{"拼多多", labPinduoduo},
	{"采购", labPO}, {"合同", labPO},
	{"订单", labOrder}, {"单号", labOrder}, {"编号", labOrder},
	{"金额", labMoney}, {"合计", labMoney}, {"总计", labMoney}, {"实付", labMoney}, {"价格", labMoney},
	{"售价", labMoney}, {"单价", labMoney}, {"总价", labMoney}, {"小计", labMoney}, {"人民币", labMoney},
	{"数量", labQty}, {"日期", labQty}, {"时间", labQty},
}

// carrierPrefixes are the letters that some carriers put in front of their digits, by
// the carrier code normalize.Carrier gives: a label "SF" or "顺丰" before
// "1420012345678" may mean the tracking number "SF1420012345678".
var carrierPrefixes = map[string]string{"sf-express": "SF", "yto": "YT", "jd": "JD"}

// cjkCarriers are the Chinese carrier names whose numbers carry the carrier's letters.
var cjkCarriers = []struct{ name, prefix string }{{"顺丰", "SF"}, {"圆通", "YT"}}

// asciiLabel returns what a Latin word in front of a number says, and the carrier's
// letters if it names a carrier that writes them.
func asciiLabel(word string) (label, string) {
	w := strings.ToLower(stripJoiners(word))
	if l, ok := asciiLabels[w]; ok {
		return l, ""
	}
	if code, ok := normalize.Carrier(w); ok {
		return labTracking, carrierPrefixes[code]
	}
	if u := strings.ToUpper(w); carrierLetters[u] {
		return labTracking, u
	}
	return 0, ""
}

// cjkLabel returns what a run of Chinese characters in front of a number says.
func cjkLabel(word string) (label, string) {
	var l label
	for _, c := range cjkLabels {
		if strings.Contains(word, c.word) {
			l |= c.lab
		}
	}
	var prefix string
	if l&labTracking != 0 {
		for _, c := range cjkCarriers {
			if strings.Contains(word, c.name) {
				prefix = c.prefix
				break
			}
		}
	}
	// The nearest meaning wins inside one run: a phone label over everything, a
	// tracking label over the order label that 运单号 also holds.
	switch {
	case l&labPhone != 0:
		return labPhone, ""
	case l&labBL != 0:
		return labBL, ""
	case l&labTracking != 0:
		return labTracking, prefix
	}
	return l, prefix
}

// labelsBefore reads the words in front of lexeme i, nearest first, skipping the
// punctuation people put between a label and its number (":", "#", "-", ".", "/", "="),
// until a decisive label, a word that is no label, other punctuation or another number.
// It returns the labels found, a carrier's letters if a carrier was named, and the
// index of the furthest lexeme that said something (i when none did), where the evidence
// for the number starts.
func labelsBefore(lx []lexeme, i int) (got label, carrier string, from int) {
	from = i
	words := 0
	for j := i - 1; j >= 0 && words < 3; j-- {
		var l label
		var p string
		switch x := lx[j]; x.kind {
		case lexSpace:
			continue
		case lexPunct:
			if x.text == "#" {
				got |= labOrder
				from = j
			}
			if strings.Contains(":#-./=", x.text) {
				continue
			}
			return got, carrier, from
		case lexToken:
			if countDigits(x.text) > 0 {
				return got, carrier, from
			}
			l, p = asciiLabel(x.text)
		case lexWord:
			l, p = cjkLabel(x.text)
		}
		if l == 0 {
			return got, carrier, from
		}
		words++
		got |= l
		from = j
		if carrier == "" {
			carrier = p
		}
		if l&labDecisive != 0 {
			return got, carrier, from
		}
	}
	return got, carrier, from
}
