package simulate

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// storeDay: walk-in POS sales, Meituan delivery orders and Douyin group-buy vouchers,
// many of the marketplace ones rung up again at the POS.
func (g *generator) storeDay(s *store, date time.Time) {
	menu := append(append([]*product{}, g.w.drinks...), g.w.packaged[:min(4, len(g.w.packaged))]...)
	walkIns := g.cfg.OrdersPerDay * (70 + g.r.IntN(60)) / 100
	for i := 0; i < walkIns; i++ {
		at := clock(date, i, walkIns, -1, 13) // 07:00-21:00 China time is 23:00-13:00 UTC
		lines := g.basket(menu, 2)
		id := "SQ" + randID(g.r, 22)
		action := g.truth.action("sale", at)
		g.truth.sale(action, s.ID, lines, true)
		d := Doc{System: "square", Type: "order", ExternalID: id, At: at}
		register := s.Square
		if g.maybe(g.cfg.Noise.UnknownStore) {
			register = s.Square2
			g.unlisted(action, d, "location_id", register)
		}
		g.emit(action, "pos", d, squareOrder(id, register, posRef{}, []string{"CARD", "CASH"}[g.r.IntN(2)], at, lines, g.w))
	}
	marketplace := g.cfg.OrdersPerDay / 4
	for i := 0; i < marketplace; i++ {
		at := clock(date, i, marketplace, 0, 12).Add(time.Duration(g.r.IntN(600)) * time.Second)
		lines := g.basket(g.w.drinks, 2)
		action := g.truth.action("sale", at)
		g.truth.sale(action, s.ID, lines, true)
		var ref, market string
		if i%3 == 2 {
			id := int64(6921384750000000000) + g.next("douyin")*10
			ref, market = fmt.Sprint(id), "douyin"
			d := Doc{System: "douyin", Type: "order", ExternalID: ref, At: at}
			dl := g.spell("douyin", lines)
			g.emit(action, "order", d, douyinOrder(id, s.Douyin, at, dl))
			g.markTitles(d, "sku_order_list[%d].product_name", dl)
		} else {
			id := int64(27061900338300000) + g.next("meituan")
			ref, market = fmt.Sprint(id), "meituan"
			phone := fmt.Sprintf("138%08d_%04d", g.r.IntN(100000000), g.r.IntN(10000))
			d := Doc{System: "meituan", Type: "order", ExternalID: ref, At: at}
			poi, poiName := s.Meituan, ""
			// The store's second Meituan shop is a delivery-only brand packed from the
			// tablet in its kitchen: its orders are never rung up at the till.
			second := g.maybe(g.cfg.Noise.UnknownStore)
			if second {
				poi, poiName = s.Meituan2, s.Name+" 甜品站"
				g.unlisted(action, d, "app_poi_code", poi)
			}
			var caution string
			if g.maybe(g.cfg.Noise.FreeText) {
				caution = g.buyerRemark()
				g.mark(d, NoiseMark{Noise: "distractor", Field: "caution", Wrote: caution, Expect: "none"})
			}
			ml := g.spell("meituan", lines)
			g.emit(action, "order", d, meituanOrder(id, poi, poiName, at, i+1, phone, caution, ml))
			g.markTitles(d, "detail[%d].food_name", ml)
			if second {
				continue
			}
		}
		// Most delivery orders are rung up again at the counter a minute or two later,
		// tendered as OTHER: the marketplace, not the customer, pays the store.
		if g.chance(0.8) {
			rung := at.Add(time.Duration(40+g.r.IntN(120)) * time.Second)
			if g.chance(g.cfg.Noise.MissingKey) {
				ref = ""
			}
			id := "SQ" + randID(g.r, 22)
			d := Doc{System: "square", Type: "order", ExternalID: id, At: rung}
			var pr posRef
			if ref != "" {
				pr = g.clerkRef(d, market, ref, i+1)
			}
			g.emit(action, "pos", d, squareOrder(id, s.Square, pr, "OTHER", rung, lines, g.w))
		}
	}
}

// spell writes the lines' products the way a marketplace's merchant codes spell them
// (some shops keyed their codes in lower case with underscores, "tea_ool_250g") and
// titles them the way its listings do.
func (g *generator) spell(system string, lines []line) []line {
	out := make([]line, len(lines))
	for i, l := range lines {
		out[i] = l
		if g.w.spelling(system, l.p, g.cfg.Noise.IDFormat) {
			out[i].code = strings.ToLower(strings.ReplaceAll(l.p.SKU, "-", "_"))
			g.truth.alias(l.p, system, out[i].code)
		}
		out[i].name = g.w.listingTitle(system, l.p, g.cfg.Noise.ItemNames)
	}
	return out
}

// orderRef writes an order number the way another system quotes it.
func (g *generator) orderRef(number int) string {
	if !g.chance(g.cfg.Noise.IDFormat) {
		return fmt.Sprint(number)
	}
	formats := []string{"#%d", "SO-%d", "%d", "ORD-%07d"}
	return fmt.Sprintf(formats[g.r.IntN(len(formats))], number)
}

// contact writes a customer's e-mail and phone the way a system has them.
func (g *generator) contact(c *party) (email, phone string) {
	email, phone = c.Email, c.Phone
	if g.chance(g.cfg.Noise.Contact) {
		email = strings.ToUpper(email[:1]) + email[1:]
		if strings.HasPrefix(phone, "+31") {
			phone = "0" + phone[3:] // national form
		} else {
			phone = strings.TrimPrefix(phone, "+86") // mainland numbers without country code
		}
	}
	return email, phone
}

// eshopDay: Shopify and WooCommerce orders from the overseas warehouse, shipped with
// AfterShip tracking, paid through Stripe and invoiced in ERPNext; Pinduoduo orders from
// the first store.
func (g *generator) eshopDay(date time.Time) {
	n := g.cfg.OrdersPerDay / 3
	for i := 0; i < n; i++ {
		at := clock(date, i, n, 0, 24)
		c := g.w.customers[g.r.IntN(len(g.w.customers))]
		lines := g.basket(g.w.packaged, 3)
		var total int64
		for _, l := range lines {
			total += l.p.Cents * l.qty
		}
		action := g.truth.action("sale", at)
		email, phone := g.contact(c)
		var number int
		var orderID, shop string
		woo := i%4 == 3
		charge := "ch_" + randID(g.r, 24)
		if woo {
			id := 50000 + g.next("woo")
			number, orderID, shop = int(id), fmt.Sprint(id), "woocommerce"
			status := "processing"
			g.truth.mention(c, "woocommerce", "order", orderID, "customer")
			g.emit(action, "order", Doc{System: "woocommerce", Type: "order", ExternalID: orderID, At: at},
				wooOrder(id, at, status, c, email, phone, charge, lines))
		} else {
			number = int(1000 + g.next("shopify"))
			id := int64(5820193800000) + int64(number)
			orderID, shop = fmt.Sprint(id), "shopify"
			g.truth.mention(c, "shopify", "order", orderID, "customer")
			g.emit(action, "order", Doc{System: "shopify", Type: "order", ExternalID: orderID, At: at},
				shopifyOrder(id, number, at, c, email, phone, lines))
		}
		// The warehouse ships the next day; the tracking names the order in its own way.
		shipped := g.chance(0.9)
		g.truth.sale(action, "WH-NL1", lines, false) // the goods leave when a tracking says so
		if shipped {
			ts := at.Add(time.Duration(18+g.r.IntN(10)) * time.Hour)
			tid := strings.ToLower(randID(g.r, 32))
			tracking := "1Z" + randID(g.r, 16)
			ref := g.orderRef(number)
			g.truth.mention(c, "aftership", "tracking", tid, "customer")
			g.emit(action, "tracking", Doc{System: "aftership", Type: "tracking", ExternalID: tid, At: ts},
				afterShipWebhook(tid, tracking, "ups", "", ref, ts, c, email))
		}
		// Payment: the Stripe charge names the order; its balance transaction waits for
		// the next payout; ERPNext invoices the order.
		invoice := fmt.Sprintf("ACC-SINV-2025-%05d", g.next("invoice"))
		txn := "txn_" + randID(g.r, 24)
		pay := at.Add(time.Duration(g.r.IntN(60)) * time.Second)
		g.truth.mention(c, "stripe", "charge", charge, "customer")
		pi := "pi_" + randID(g.r, 24)
		ref := g.orderRef(number)
		d := Doc{System: "stripe", Type: "charge", ExternalID: charge, At: pay}
		description, meta := "Order "+ref, map[string]string{"order_number": ref, "erp_invoice": invoice}
		if g.maybe(g.cfg.Noise.FreeText) {
			description, meta = g.chargeText(number, shopNames[shop], c.Name)
			g.mark(d, NoiseMark{Noise: "free-text", Field: "description", Wrote: description, Names: docName(shop, "order", orderID), Expect: "reference"})
			for _, k := range slices.Sorted(maps.Keys(meta)) {
				if strings.Contains(meta[k], fmt.Sprint(number)) {
					g.mark(d, NoiseMark{Noise: "free-text", Field: "metadata." + k, Wrote: meta[k], Names: docName(shop, "order", orderID), Expect: "reference"})
				}
			}
			if g.r.IntN(2) == 0 { // the integration also links its ERP invoice
				if meta == nil {
					meta = map[string]string{}
				}
				meta["erp_invoice"] = invoice
			}
		}
		g.emit(action, "payment", d, stripeCharge(charge, pi, txn, description, meta, pay, total, c, email))
		g.unpaid = append(g.unpaid, unpaidCharge{txn: txn, invoice: invoice, net: total - (total*29/1000 + 25)})
		g.truth.pendingSettlement(action, txn, charge, pay, total)
		inv := pay.Add(time.Duration(1+g.r.IntN(4)) * time.Hour)
		g.truth.mention(c, "erpnext", "invoice", invoice, "customer")
		d = Doc{System: "erpnext", Type: "invoice", ExternalID: invoice, At: inv}
		po, remarks := g.orderRef(number), ""
		if g.maybe(g.cfg.Noise.FreeText) {
			po, remarks = "", g.invoiceText(number, shopNames[shop])
			g.mark(d, NoiseMark{Noise: "free-text", Field: "remarks", Wrote: remarks, Names: docName(shop, "order", orderID), Expect: "reference"})
		}
		g.emit(action, "invoice", d, erpInvoice(invoice, po, remarks, inv, c, lines))
	}
	if k := g.cfg.OrdersPerDay / 10; k > 0 {
		for i := 0; i < k; i++ {
			at := clock(date, i, k, 0, 12)
			sn := fmt.Sprintf("%s-%015d", at.In(cst).Format("060102"), g.next("pdd"))
			lines := g.basket(g.w.packaged, 2)
			action := g.truth.action("sale", at)
			g.truth.sale(action, g.w.stores[0].ID, lines, true)
			d := Doc{System: "pinduoduo", Type: "order", ExternalID: sn, At: at}
			pl := g.spell("pinduoduo", lines)
			g.emit(action, "order", d, pddOrder(sn, at, "YT"+fmt.Sprint(7500000000000+g.next("yt")), pl))
			g.markTitles(d, "item_list[%d].goods_name", pl)
		}
	}
}

// shopNames are how people name the web shops in free text.
var shopNames = map[string]string{"shopify": "Shopify", "woocommerce": "WooCommerce"}

// payout pays out every unpaid charge: one Stripe payout, the balance transactions that
// make it up, and the ERPNext payment entry that books it against the invoices.
func (g *generator) payout(at time.Time) {
	if len(g.unpaid) == 0 {
		return
	}
	po := "po_" + randID(g.r, 24)
	var total int64
	var invoices []string
	action := g.truth.action("payment", at)
	for _, u := range g.unpaid {
		total += u.net
		invoices = append(invoices, u.invoice)
		g.truth.settle(u.txn, po, at, g)
	}
	g.emit(action, "payout", Doc{System: "stripe", Type: "payout", ExternalID: po, At: at}, stripePayout(po, at, total))
	name := fmt.Sprintf("ACC-PAY-2025-%05d", g.next("payment"))
	pe := at.Add(26 * time.Hour)
	g.emit(action, "payment", Doc{System: "erpnext", Type: "payment", ExternalID: name, At: pe}, erpPayment(name, po, pe, total, invoices))
	g.unpaid = nil
}

// storeDeliveries: ingredients received by each store, booked in ERPNext with a batch.
func (g *generator) storeDeliveries(date time.Time) {
	for _, s := range g.w.stores {
		at := date.Add(time.Duration(g.r.IntN(3)) * time.Hour)
		var lines []line
		for _, c := range ingredients {
			qty := int64(g.cfg.OrdersPerDay) * 7 / 4
			if c.sku == "CUP-12OZ" {
				qty = int64(g.cfg.OrdersPerDay) * 9
			}
			lines = append(lines, line{p: g.w.bySKU[c.sku], qty: qty})
		}
		for _, p := range g.w.packaged[:min(4, len(g.w.packaged))] {
			lines = append(lines, line{p: p, qty: int64(g.cfg.OrdersPerDay)})
		}
		name := fmt.Sprintf("MAT-PRE-2025-%05d", g.next("receipt"))
		po := fmt.Sprintf("PUR-ORD-2025-%05d", g.next("po"))
		sup := g.w.suppliers[g.r.IntN(len(g.w.suppliers))]
		batch := "B" + at.In(cst).Format("060102") + fmt.Sprintf("%02d", g.r.IntN(100))
		action := g.truth.action("receipt", at)
		g.truth.receipt(action, s.ID, batch, lines)
		g.truth.mention(sup, "erpnext", "receipt", name, "supplier")
		g.emit(action, "receipt", Doc{System: "erpnext", Type: "receipt", ExternalID: name, At: at},
			erpReceipt(name, po, g.supplierName(sup), s.ERPNext, batch, at, lines, 0))
	}
}

// supplierName writes a company name with or without its place and legal form.
func (g *generator) supplierName(s *party) string {
	if !g.chance(g.cfg.Noise.Contact) {
		return s.Name
	}
	name := s.Name
	for _, c := range cities {
		name = strings.TrimPrefix(name, c)
	}
	return strings.TrimSuffix(name, "有限公司")
}

// imports: a purchase from a supplier, declared for export to the overseas warehouse and
// received there a week later (ShipBob), with a copy in ERPNext; every other week a
// shipment into Amazon FBA too.
func (g *generator) imports(date time.Time) {
	sup := g.w.suppliers[g.r.IntN(len(g.w.suppliers))]
	n := min(6, len(g.w.packaged))
	var lines []line
	for i := 0; i < n; i++ {
		lines = append(lines, line{p: g.w.packaged[(int(g.seq["po"])+i)%len(g.w.packaged)], qty: int64(g.cfg.OrdersPerDay) * 6})
	}
	po := fmt.Sprintf("PO-2025-%05d", g.next("po"))
	at := date.Add(2 * time.Hour)
	action := g.truth.action("receipt", at)
	entry := fmt.Sprintf("5316%s0%09d", at.In(cst).Format("2006"), g.next("entry"))
	bl := fmt.Sprintf("COSU62%08d", g.next("bl"))
	container := containerNumber("MSK", int(g.next("container"))+123400)
	batch := "L" + at.In(cst).Format("0601") + fmt.Sprintf("%02d", g.r.IntN(100))
	g.truth.mention(sup, "china-customs", "declaration", entry, "consignor")
	decl := declaration{entry: entry, contrNo: po, bl: bl, container: container, consignee: "WH-NL-001", batch: batch,
		at: at, trader: sup, lines: lines}
	var marks []NoiseMark
	if g.maybe(g.cfg.Noise.FreeText) {
		// The broker declares the supplier's sales contract and names the buyer's PO in
		// the remarks.
		decl.contrNo, decl.noteS = g.contractNo(at.In(cst).Format("20060102")), g.poRemark(po)
		marks = append(marks, NoiseMark{Noise: "free-text", Field: "ContrNo", Wrote: decl.contrNo, Expect: "none"},
			NoiseMark{Noise: "free-text", Field: "NoteS", Wrote: decl.noteS, Names: "po:" + po, Expect: "reference"})
	}
	var goodsMarks []NoiseMark
	decl.goods, goodsMarks = g.declGoods(lines)
	d := Doc{System: "china-customs", Type: "declaration", ExternalID: entry, At: at, Format: "xml", Raw: declarationXML(decl)}
	g.emit(action, "declaration", d, nil)
	for _, m := range append(marks, goodsMarks...) {
		g.mark(d, m)
	}
	arrive := at.Add(time.Duration(6*24+g.r.IntN(48)) * time.Hour)
	received := make([]int64, len(lines))
	for i, l := range lines {
		received[i] = l.qty
		if g.chance(g.cfg.Noise.Shortage) {
			received[i] = l.qty - int64(1+g.r.IntN(int(l.qty/20)+1))
			g.truth.discrepancy(action, l.p.SKU, l.qty, received[i], "short delivery at the warehouse")
		}
	}
	recvLines := make([]line, len(lines))
	for i, l := range lines {
		recvLines[i] = line{p: l.p, qty: received[i]}
	}
	g.truth.receipt(action, "WH-NL1", "", recvLines)
	wro := 987000 + g.next("wro")
	g.emit(action, "receipt", Doc{System: "shipbob", Type: "receipt", ExternalID: fmt.Sprint(wro), At: arrive},
		shipbobWRO(wro, po, arrive, lines, received, "1Z"+randID(g.r, 16)))
	if g.chance(0.5) {
		name := fmt.Sprintf("MAT-PRE-2025-%05d", g.next("receipt"))
		g.truth.mention(sup, "erpnext", "receipt", name, "supplier")
		g.emit(action, "receipt", Doc{System: "erpnext", Type: "receipt", ExternalID: name, At: arrive.Add(3 * time.Hour)},
			erpReceipt(name, po, g.supplierName(sup), "Stores - NLW", "", arrive.Add(3*time.Hour), recvLines, 0))
	}
	if int(g.seq["po"])%2 == 0 {
		fpo := fmt.Sprintf("PO-2025-%05d", g.next("po"))
		fat := date.Add(5 * time.Hour)
		faction := g.truth.action("receipt", fat)
		flines := lines[:min(3, len(lines))]
		frecv := make([]int64, len(flines))
		frl := make([]line, len(flines))
		for i, l := range flines {
			frecv[i] = l.qty / 2
			frl[i] = line{p: l.p, qty: frecv[i]}
		}
		g.truth.receipt(faction, "WH-US1", "", frl)
		id := "FBA" + randID(g.r, 9)
		g.emit(faction, "receipt", Doc{System: "amazon-fba", Type: "shipment", ExternalID: id, At: fat.Add(120 * time.Hour)},
			fbaShipment(id, fpo, fat.Add(120*time.Hour), flines, frecv))
	}
}

// pallets: two pallets per warehouse report weight and temperature twice a day, with the
// odd cold-chain excursion.
func (g *generator) pallets(date time.Time) {
	for p := 1; p <= 2; p++ {
		dev := fmt.Sprintf("PALLET-%04d", p)
		for h := 0; h < 2; h++ {
			at := date.Add(time.Duration(6+h*12) * time.Hour).Add(time.Duration(p) * time.Minute)
			temp := fmt.Sprintf("%d.%d", 3+g.r.IntN(3), g.r.IntN(10))
			if g.chance(0.02) {
				temp = fmt.Sprintf("%d.%d", 9+g.r.IntN(4), g.r.IntN(10)) // excursion
			}
			weight := fmt.Sprintf("%d.%d", 480+g.r.IntN(40), g.r.IntN(10))
			action := g.truth.action("observation", at)
			id := fmt.Sprintf("%s@%d", dev, at.UnixMilli())
			g.emit(action, "reading", Doc{System: "iot", Type: "reading", ExternalID: id, At: at},
				map[string]any{dev: []any{thingsBoard(at, weight, temp)}})
		}
	}
}
