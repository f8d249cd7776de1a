package simulate

import (
	"fmt"
	"strings"
)

// References as people write them. A clerk ringing up a delivery order at the till copies
// the marketplace's order number from the tablet into whatever field the till offers, in
// whatever form comes to hand; an accountant names the web order in the invoice's
// remarks; a broker puts the supplier's contract number where the buyer's PO belongs and
// the PO in the remarks. The forms below are what such people write, collected from
// shop manuals, forum posts and exported data, not from what Seam reads.

// posRef is what a till's free fields say about the order a ring-up is for.
type posRef struct {
	reference string // Order.reference_id (at most 40 characters)
	ticket    string // Order.ticket_name (at most 30)
	note      string // the first line item's note
}

// The ways clerks write a marketplace order number, per marketplace: %[1]s is the number,
// %[2]d the day's pickup number.
var clerkForms = map[string][]string{
	"meituan": {"%[1]s", "MT%[1]s", "MT-%[1]s", "MT %[1]s", "mt%[1]s", "meituan:%[1]s", "美团单号 %[1]s", "美团%[1]s",
		"美团#%[2]d %[1]s", "pickup #%[2]d / MT%[1]s", "%[1]s 自取", "Meituan order %[1]s", "美团外卖 %[1]s（#%[2]d）"},
	"douyin": {"%[1]s", "DY%[1]s", "DY-%[1]s", "dy %[1]s", "douyin:%[1]s", "抖音 %[1]s", "抖音订单%[1]s",
		"抖音团购 %[1]s 已核销", "Douyin %[1]s", "团购券 抖音 %[1]s"},
}

// tailLabels are how clerks write only the last digits of an order number ("尾号" is
// "ending in").
var tailLabels = map[string][]string{
	"meituan": {"美团尾号%s", "MT …%s", "美团 %s"},
	"douyin":  {"抖音尾号%s", "DY …%s"},
}

// clerkRef writes the marketplace order number a ring-up is for the way the clerk typed
// it, and records the noise it carries. orderID is the marketplace's id as issued,
// daySeq the pickup number of the day.
func (g *generator) clerkRef(pos Doc, system, orderID string, daySeq int) posRef {
	names := docName(system, "order", orderID)
	typo := g.maybe(g.cfg.Noise.RefTypo)
	if !typo && !g.maybe(g.cfg.Noise.RefSpelling) {
		return posRef{reference: orderID}
	}
	number, kind, expect := orderID, "ref-spelling", "reference"
	if typo {
		number, kind, expect = mistype(g, orderID, system), "ref-typo", "content"
	}
	var text string
	if !typo && g.r.IntN(8) == 0 {
		forms := tailLabels[system]
		text = fmt.Sprintf(forms[g.r.IntN(len(forms))], orderID[len(orderID)-4-g.r.IntN(3):])
		kind, expect = "ref-tail", "content"
	} else {
		forms := clerkForms[system]
		text = strings.TrimSpace(fmt.Sprintf(forms[g.r.IntN(len(forms))], number, daySeq))
		if g.r.IntN(6) == 0 {
			text = fullWidth(text)
		}
	}
	var ref posRef
	field := "reference_id"
	switch n := len([]rune(text)); {
	case n <= 30 && g.r.IntN(8) == 0:
		ref.ticket, field = text, "ticket_name"
	case n <= 40 && g.r.IntN(5) != 0:
		ref.reference = text
	default:
		ref.note, field = text, "line_items[0].note"
	}
	g.mark(pos, NoiseMark{Noise: kind, Field: field, Wrote: text, Names: names, Expect: expect})
	return ref
}

// mistype changes one digit of a marketplace order number, or swaps two neighbours, the
// way a clerk copying from a tablet does. Only the digits every id of the simulated
// marketplace shares are touched (the ids are issued in sequence, so a slip in the last
// digits would name another real order: there a real clerk's slip is as likely, but the
// simulator's ids are denser than a real marketplace's, whose neighbours belong to other
// shops). The result names no order of the business.
func mistype(g *generator, id, system string) string {
	fixed := 11 // 27061900338 of the Meituan ids
	if system == "douyin" {
		fixed = 10 // 6921384750 of the Douyin ids
	}
	b := []byte(id)
	for {
		i := 1 + g.r.IntN(fixed-1)
		if g.r.IntN(3) == 0 && i+1 < fixed && b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			return string(b)
		}
		d := byte('0' + g.r.IntN(10))
		if d != b[i] {
			b[i] = d
			return string(b)
		}
	}
}

// fullWidth writes ASCII letters and digits in their full-width forms, as a Chinese
// input method does when it is left in full-width mode.
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '!' && r <= '~' {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invoiceText is how an accountant names the web order in a Sales Invoice's remarks when
// the Customer's PO field is left empty.
func (g *generator) invoiceText(number int, shop string) string {
	forms := []string{
		"Order #%d, paid by card", "%s order %d – paid via Stripe", "Bestelling #%d, betaald met iDEAL",
		"Ref. SO-%d; card **** %04d", "Webshop order %d (%d items)", "Re: order no. %d", "%s #%d",
	}
	switch i := g.r.IntN(len(forms)); i {
	case 1, 6:
		return fmt.Sprintf(forms[i], shop, number)
	case 3:
		return fmt.Sprintf(forms[i], number, 1000+g.r.IntN(9000))
	case 4:
		return fmt.Sprintf(forms[i], number, 1+g.r.IntN(4))
	default:
		return fmt.Sprintf(forms[i], number)
	}
}

// chargeText is how a web shop's payment integration describes a Stripe charge when it
// does not fill the order number into metadata: the description names the order in its
// own words, and metadata holds it, if at all, under a key of its own.
func (g *generator) chargeText(number int, shop, customer string) (description string, meta map[string]string) {
	descriptions := []string{"Payment for order #%d", "%s order #%d (%s)", "Webshop bestelling %d", "#%d – %s",
		"Charge for %s order %d"}
	switch i := g.r.IntN(len(descriptions)); i {
	case 0, 2:
		description = fmt.Sprintf(descriptions[i], number)
	case 1:
		description = fmt.Sprintf(descriptions[i], shop, number, customer)
	case 3:
		description = fmt.Sprintf(descriptions[i], number, customer)
	default:
		description = fmt.Sprintf(descriptions[i], shop, number)
	}
	switch g.r.IntN(4) {
	case 0:
		meta = map[string]string{"shop_order": fmt.Sprintf("#%d", number)}
	case 1:
		meta = map[string]string{"order": fmt.Sprintf("SO-%d", number), "source": "webshop"}
	case 2:
		meta = map[string]string{"note": fmt.Sprintf("order %d", number)}
	}
	return description, meta
}

// contractNo is the supplier's own sales contract number, which brokers often declare
// as 合同协议号 instead of the buyer's PO.
func (g *generator) contractNo(at string) string {
	return fmt.Sprintf("HT%s%02d", at, 1+g.r.IntN(40))
}

// poRemark is how a broker names the buyer's PO in a declaration's remarks (备注).
func (g *generator) poRemark(po string) string {
	forms := []string{"客户订单号 %s", "PO#%s 随附发票", "采购单号：%s，唛头见箱", "ref %s / 海外仓 WH-NL-001",
		"Buyer PO %s", "订单%s 分批出运"}
	return fmt.Sprintf(forms[g.r.IntN(len(forms))], po)
}

// buyerRemark is a delivery customer's remark (Meituan caution): numbers that are no
// order reference, a room, a phone, a count.
func (g *generator) buyerRemark() string {
	forms := []string{"少冰，不要吸管，送到%d号楼%d室", "到了打电话 138%08d", "放前台，谢谢 房间%d", "%d份餐具",
		"备用电话 +86 139 %04d %04d", "门禁密码%d#"}
	switch i := g.r.IntN(len(forms)); i {
	case 0:
		return fmt.Sprintf(forms[i], 1+g.r.IntN(12), 101+g.r.IntN(1500))
	case 1:
		return fmt.Sprintf(forms[i], g.r.IntN(100000000))
	case 2:
		return fmt.Sprintf(forms[i], 1001+g.r.IntN(2000))
	case 3:
		return fmt.Sprintf(forms[i], 1+g.r.IntN(4))
	case 4:
		return fmt.Sprintf(forms[i], g.r.IntN(10000), g.r.IntN(10000))
	default:
		return fmt.Sprintf(forms[i], 1000+g.r.IntN(9000))
	}
}
