package simulate

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Builders of each source's real payload. Field names and types follow
// ../shared/formats/SOURCES.md; values are invented.

// num keeps big integers exact in JSON output.
type num = json.Number

func n64(v int64) num { return num(fmt.Sprint(v)) }

// money writes minor units as a decimal string ("24.00").
func money(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}

// yuanFloat writes fen as a JSON number in yuan, as Meituan does ("58.6").
func yuanFloat(fen int64) num {
	s := money(fen)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return num(s)
}

type line struct {
	p   *product
	qty int64
	// code is how the source system spells the product ("" for its SKU as written).
	code string
	// name is the title the source's listing gives the product ("" for its own title).
	name string
}

func (l line) sku() string {
	if l.code != "" {
		return l.code
	}
	return l.p.SKU
}

func (l line) title() string {
	if l.name != "" {
		return l.name
	}
	return l.p.Title
}

func shopifyOrder(id int64, number int, at time.Time, c *party, email, phone string, lines []line) map[string]any {
	var items []map[string]any
	var total int64
	for i, l := range lines {
		items = append(items, map[string]any{
			"id": n64(id*10 + int64(i)), "variant_id": n64(43988120000 + int64(i)), "sku": l.p.SKU, "title": l.p.Title,
			"quantity": l.qty, "current_quantity": l.qty, "price": money(l.p.Cents), "grams": 250,
			"fulfillment_service": "manual", "requires_shipping": true,
		})
		total += l.p.Cents * l.qty
	}
	first, last, _ := strings.Cut(c.Name, " ")
	street, zip, city := addressOf(c)
	return map[string]any{
		"id": n64(id), "admin_graphql_api_id": fmt.Sprintf("gid://shopify/Order/%d", id), "name": fmt.Sprintf("#%d", number),
		"order_number": number, "number": number - 1000, "email": email, "phone": nilIfEmpty(phone),
		"created_at": at.In(cet).Format(time.RFC3339), "processed_at": at.In(cet).Format(time.RFC3339),
		"currency": "EUR", "presentment_currency": "EUR", "financial_status": "paid", "fulfillment_status": nil,
		"cancelled_at": nil, "total_price": money(total), "subtotal_price": money(total), "total_tax": "0.00",
		"total_price_set": map[string]any{"shop_money": map[string]any{"amount": money(total), "currency_code": "EUR"}},
		"source_name":     "web", "taxes_included": true, "line_items": items,
		"customer":         map[string]any{"id": n64(7391000000 + custNum(c)), "email": email, "first_name": first, "last_name": last},
		"shipping_address": map[string]any{"name": c.Name, "country_code": c.Country, "city": city, "zip": zip, "address1": street},
	}
}

// productNum is a stable number for a product, for platform ids that name it.
func productNum(p *product) int {
	h := 0
	for _, c := range p.SKU {
		h = h*31 + int(c)
	}
	return h % 100000
}

// Streets and towns of customers' addresses: each customer lives at one address, written
// the same way by every storefront, as real customers' saved addresses are.
var (
	streets = []string{"Coolsingel", "Oudegracht", "Keizersgracht", "Damrak", "Witte de Withstraat", "Lange Voorhout",
		"Vismarkt", "Grote Markt", "Nieuwegracht", "Binnenweg"}
	towns = []struct{ name, zip string }{{"Rotterdam", "3011"}, {"Utrecht", "3511"}, {"Amsterdam", "1015"},
		{"Den Haag", "2514"}, {"Groningen", "9711"}}
)

// addressOf is a customer's postal address, derived from the customer number so that the
// address does not draw from the simulation's random stream.
func addressOf(c *party) (street, zip, city string) {
	n := custNum(c)
	t := towns[n%int64(len(towns))]
	street = fmt.Sprintf("%s %d", streets[(n/5)%int64(len(streets))], 1+(n*37)%240)
	zip = fmt.Sprintf("%s %c%c", t.zip, 'A'+rune(n%26), 'A'+rune((n/26)%26))
	return street, zip, t.name
}

func custNum(c *party) int64 {
	var n int64
	fmt.Sscanf(c.ID, "C%d", &n)
	return n
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

var cet = time.FixedZone("CET", 3600)

// amsterdam is the ERPNext site's zone: ERPNext writes local times without an offset.
var amsterdam = func() *time.Location {
	l, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return cet // no zone database: winter time is close enough for simulated data
	}
	return l
}()
var cst = time.FixedZone("CST", 8*3600)

func wooOrder(id int64, at time.Time, status string, c *party, email, phone, charge string, lines []line) map[string]any {
	var items []map[string]any
	var total int64
	for i, l := range lines {
		items = append(items, map[string]any{
			"id": 300 + i, "product_id": 900 + i, "variation_id": 0, "sku": l.p.SKU, "name": l.p.Title, "quantity": l.qty,
			"price": num(strings.TrimSuffix(strings.TrimSuffix(money(l.p.Cents), "0"), ".0")), "subtotal": money(l.p.Cents * l.qty),
			"total": money(l.p.Cents * l.qty), "total_tax": "0.00",
		})
		total += l.p.Cents * l.qty
	}
	first, last, _ := strings.Cut(c.Name, " ")
	street, zip, city := addressOf(c)
	return map[string]any{
		"id": id, "number": fmt.Sprint(id), "order_key": "wc_order_" + fmt.Sprint(id*7919), "parent_id": 0, "status": status,
		"currency": "EUR", "created_via": "checkout", "date_created": at.In(cet).Format("2006-01-02T15:04:05"),
		"date_created_gmt": at.UTC().Format("2006-01-02T15:04:05"), "date_modified_gmt": at.UTC().Format("2006-01-02T15:04:05"),
		"total": money(total), "total_tax": "0.00", "shipping_total": "0.00", "prices_include_tax": true, "customer_id": 0,
		"billing": map[string]any{"first_name": first, "last_name": last, "email": email, "phone": phone, "country": c.Country,
			"city": city, "postcode": zip, "address_1": street},
		"shipping":       map[string]any{"first_name": first, "last_name": last, "country": c.Country, "city": city},
		"payment_method": "stripe", "payment_method_title": "Credit card", "transaction_id": charge,
		"line_items": items, "meta_data": []any{},
	}
}

func squareOrder(id, location string, ref posRef, tender string, at time.Time, lines []line, w *world) map[string]any {
	var items []map[string]any
	var total int64
	for i, l := range lines {
		item := map[string]any{
			"uid": fmt.Sprintf("li-%d", i), "name": l.p.Title, "quantity": fmt.Sprint(l.qty), "catalog_object_id": l.p.SquareID,
			"variation_name": "Regular", "base_price_money": map[string]any{"amount": l.p.Cents, "currency": "EUR"},
			"total_money": map[string]any{"amount": l.p.Cents * l.qty, "currency": "EUR"},
		}
		if i == 0 && ref.note != "" {
			item["note"] = ref.note
		}
		items = append(items, item)
		total += l.p.Cents * l.qty
	}
	o := map[string]any{
		"id": id, "location_id": location, "state": "COMPLETED", "version": 3,
		"created_at": at.UTC().Format("2006-01-02T15:04:05.000Z"), "closed_at": at.Add(40 * time.Second).UTC().Format("2006-01-02T15:04:05.000Z"),
		"updated_at": at.Add(40 * time.Second).UTC().Format("2006-01-02T15:04:05.000Z"), "source": map[string]any{"name": "Register Front Counter"},
		"line_items": items, "total_money": map[string]any{"amount": total, "currency": "EUR"},
		"tenders": []map[string]any{{"id": id + "T", "type": tender, "payment_id": id + "P",
			"amount_money": map[string]any{"amount": total, "currency": "EUR"}}},
	}
	if ref.reference != "" {
		o["reference_id"] = ref.reference
	}
	if ref.ticket != "" {
		o["ticket_name"] = ref.ticket
	}
	return o
}

func meituanOrder(id int64, poi, poiName string, at time.Time, daySeq int, phone, caution string, lines []line) map[string]any {
	var detail []map[string]any
	var total int64
	for _, l := range lines {
		fen := l.p.Cents * 8
		detail = append(detail, map[string]any{"app_food_code": l.sku(), "sku_id": l.sku(), "food_name": l.title(),
			"quantity": l.qty, "price": yuanFloat(fen), "box_num": 1, "box_price": 1, "unit": "份"})
		total += fen * l.qty
	}
	d, _ := json.Marshal(detail)
	o := map[string]any{
		"order_id": n64(id), "wm_order_id_view": n64(id), "app_poi_code": poi, "status": 8, "ctime": at.Unix(),
		"utime": at.Add(30 * time.Minute).Unix(), "order_send_time": at.Unix(), "order_completed_time": at.Add(30 * time.Minute).Unix(),
		"delivery_time": 0, "day_seq": daySeq, "total": yuanFloat(total + 500), "original_price": yuanFloat(total + 500),
		"shipping_fee": 5.0, "package_bag_money": 100, "recipient_phone": phone, "recipient_address": "上海市浦东新区示例路1号",
		"detail": string(d), "extras": "[]",
	}
	if poiName != "" {
		o["wm_poi_name"] = poiName
	}
	if caution != "" {
		o["caution"] = caution
	}
	return o
}

func douyinOrder(id int64, shop int64, at time.Time, lines []line) map[string]any {
	var skus []map[string]any
	var total int64
	for i, l := range lines {
		fen := l.p.Cents * 8
		skus = append(skus, map[string]any{"order_id": fmt.Sprint(id + int64(i) + 1), "parent_order_id": fmt.Sprint(id),
			"sku_id": 1750000000 + productNum(l.p), "out_sku_id": l.sku(), "code": l.sku(), "product_name": l.title(), "item_num": l.qty,
			"origin_amount": fen, "sum_amount": fen * l.qty, "pay_amount": fen * l.qty})
		total += fen * l.qty
	}
	return map[string]any{"data": map[string]any{"shop_order_detail": map[string]any{
		"order_id": fmt.Sprint(id), "shop_id": shop, "shop_name": "Seam Coffee 团购", "order_status": 5, "order_status_desc": "已完成",
		"create_time": at.Unix(), "pay_time": at.Unix(), "finish_time": at.Add(time.Hour).Unix(),
		"order_amount": total, "pay_amount": total, "post_amount": 0, "channel_payment_no": fmt.Sprintf("42000%017d", id%100000000000000000),
		"mask_post_receiver": "张*", "mask_post_tel": "138****1111", "sku_order_list": skus,
	}}}
}

func pddOrder(sn string, at time.Time, tracking string, lines []line) map[string]any {
	var items []map[string]any
	var total int64
	for _, l := range lines {
		fen := l.p.Cents * 8
		items = append(items, map[string]any{"goods_id": 400000000 + productNum(l.p), "sku_id": 1200000000 + productNum(l.p), "outer_id": l.sku(),
			"goods_name": l.title(), "goods_count": l.qty, "goods_price": yuanFloat(fen)})
		total += fen * l.qty
	}
	local := at.In(cst).Format("2006-01-02 15:04:05")
	return map[string]any{"order_info_get_response": map[string]any{"order_info": map[string]any{
		"order_sn": sn, "order_status": 2, "confirm_status": 1, "refund_status": 1, "created_time": local, "pay_time": local,
		"confirm_time": local, "goods_amount": money(total), "pay_amount": money(total), "postage": "0.00",
		"pay_no": "42000" + strings.ReplaceAll(sn, "-", ""), "tracking_number": tracking, "receiver_name_mask": "李*",
		"receiver_phone_mask": "139****2222", "country": "中国", "item_list": items,
	}}}
}

func afterShipWebhook(id, tracking, slug, orderID, orderNumber string, at time.Time, c *party, email string) map[string]any {
	return map[string]any{"event": "tracking_update", "event_id": "ev-" + id, "is_tracking_first_tag": true, "ts": at.Unix(),
		"msg": map[string]any{"id": id, "tracking_number": tracking, "slug": slug, "tag": "InTransit", "subtag": "InTransit_001",
			"order_id": orderID, "order_number": orderNumber, "title": orderNumber, "customer_name": c.Name, "emails": []string{email},
			"shipment_pickup_date": at.UTC().Format(time.RFC3339), "created_at": at.Add(-10 * time.Minute).UTC().Format(time.RFC3339),
			"checkpoints": []map[string]any{{"checkpoint_time": at.In(cet).Format("2006-01-02T15:04:05"), "tag": "InTransit", "message": "Picked up"}}}}
}

func stripeCharge(id, pi, txn, description string, metadata map[string]string, at time.Time, cents int64, c *party, email string) map[string]any {
	return map[string]any{"id": "evt_" + id[3:], "object": "event", "type": "charge.succeeded", "created": at.Unix(),
		"data": map[string]any{"object": map[string]any{
			"id": id, "object": "charge", "amount": cents, "amount_captured": cents, "amount_refunded": 0, "currency": "eur",
			"status": "succeeded", "paid": true, "captured": true, "refunded": false, "created": at.Unix(), "payment_intent": pi,
			"balance_transaction": txn, "billing_details": map[string]any{"name": c.Name, "email": email, "phone": nil},
			"description": description, "metadata": metadata,
		}}}
}

func stripeBalanceTxn(id, charge, payout string, at time.Time, cents int64) map[string]any {
	fee := cents*29/1000 + 25
	return map[string]any{"id": id, "object": "balance_transaction", "amount": cents, "fee": fee, "net": cents - fee,
		"currency": "eur", "type": "charge", "reporting_category": "charge", "source": charge, "status": "available",
		"available_on": at.Add(48 * time.Hour).Unix(), "created": at.Unix(), "payout": payout,
		"fee_details": []map[string]any{{"amount": fee, "currency": "eur", "type": "stripe_fee"}}}
}

func stripePayout(id string, at time.Time, cents int64) map[string]any {
	return map[string]any{"id": id, "object": "payout", "amount": cents, "currency": "eur", "arrival_date": at.Add(24 * time.Hour).Unix(),
		"created": at.Unix(), "status": "paid", "automatic": true, "method": "standard", "type": "bank_account"}
}

func erpInvoice(name, orderRef, remarks string, at time.Time, c *party, lines []line) map[string]any {
	var items []map[string]any
	var total int64
	for _, l := range lines {
		items = append(items, map[string]any{"item_code": l.p.SKU, "item_name": l.p.Title, "qty": l.qty,
			"rate": num(money(l.p.Cents)), "amount": num(money(l.p.Cents * l.qty))})
		total += l.p.Cents * l.qty
	}
	o := map[string]any{"name": name, "doctype": "Sales Invoice", "customer": "CUST-" + c.ID, "customer_name": c.Name,
		"posting_date": at.In(amsterdam).Format("2006-01-02"), "posting_time": at.In(amsterdam).Format("15:04:05"), "po_no": orderRef,
		"currency": "EUR", "grand_total": num(money(total)), "outstanding_amount": 0, "status": "Paid", "items": items}
	if remarks != "" {
		o["remarks"] = remarks
	}
	return o
}

func erpPayment(name, payout string, at time.Time, cents int64, invoices []string) map[string]any {
	var refs []map[string]any
	for _, inv := range invoices {
		refs = append(refs, map[string]any{"reference_doctype": "Sales Invoice", "reference_name": inv})
	}
	return map[string]any{"name": name, "doctype": "Payment Entry", "payment_type": "Receive", "posting_date": at.In(amsterdam).Format("2006-01-02"),
		"party_type": "Customer", "party": "Stripe", "party_name": "Stripe Payments", "mode_of_payment": "Stripe",
		"paid_amount": num(money(cents)), "received_amount": num(money(cents)), "paid_to_account_currency": "EUR",
		"reference_no": payout, "reference_date": at.UTC().Format("2006-01-02"), "status": "Submitted", "docstatus": 1, "references": refs}
}

func erpReceipt(name, po, supplierName, warehouse, batch string, at time.Time, lines []line, rejected int64) map[string]any {
	var items []map[string]any
	for _, l := range lines {
		items = append(items, map[string]any{"item_code": l.p.SKU, "item_name": l.p.Title, "barcode": l.p.GTIN,
			"received_qty": l.qty + rejected, "qty": l.qty, "rejected_qty": rejected, "uom": "Nos", "stock_uom": "Nos", "conversion_factor": 1.0,
			"warehouse": warehouse, "batch_no": batch, "purchase_order": po, "rate": num(money(l.p.Cents / 3))})
		rejected = 0
	}
	return map[string]any{"name": name, "doctype": "Purchase Receipt", "supplier": "SUP-" + name[len(name)-4:],
		"supplier_name": supplierName, "posting_date": at.In(amsterdam).Format("2006-01-02"), "posting_time": at.In(amsterdam).Format("15:04:05"),
		"set_warehouse": warehouse, "status": "To Bill", "docstatus": 1, "currency": "EUR", "items": items}
}

func shipbobWRO(id int64, po string, at time.Time, lines []line, received []int64, tracking string) map[string]any {
	var qs []map[string]any
	for i, l := range lines {
		qs = append(qs, map[string]any{"inventory_id": 1234000 + i, "sku": l.p.SKU, "expected_quantity": l.qty,
			"received_quantity": received[i], "stowed_quantity": received[i]})
	}
	return map[string]any{"id": id, "purchase_order_number": po, "status": "Completed", "package_type": "Pallet",
		"box_packaging_type": "OneSkuPerBox", "insert_date": at.Add(-72 * time.Hour).UTC().Format(time.RFC3339),
		"last_updated_date": at.UTC().Format(time.RFC3339), "fulfillment_center": map[string]any{"id": 10, "name": "Venlo (NL)"},
		"inventory_quantities": qs, "boxes": []map[string]any{{"tracking_number": tracking}}}
}

func fbaShipment(id, po string, at time.Time, lines []line, received []int64) map[string]any {
	var items []map[string]any
	for i, l := range lines {
		items = append(items, map[string]any{"ShipmentId": id, "SellerSKU": l.p.SKU, "FulfillmentNetworkSKU": "X00" + l.p.GTIN[6:],
			"QuantityShipped": l.qty, "QuantityReceived": received[i], "QuantityInCase": 12})
	}
	return map[string]any{"ShipmentId": id, "ShipmentName": po + " / US-WH", "DestinationFulfillmentCenterId": "ONT8",
		"ShipmentStatus": "RECEIVING", "LabelPrepType": "SELLER_LABEL", "RetrievedAt": at.UTC().Format(time.RFC3339), "Items": items}
}

// expiry is the best-before date of a lot packed when it is declared: tea and coffee
// keep eighteen months.
func expiry(packed time.Time) time.Time { return packed.In(cst).AddDate(0, 18, 0) }

// declaration is what a broker files for one export.
type declaration struct {
	entry, bl, container, consignee, batch string
	// contrNo is 合同协议号 (the PO, or the supplier's contract number); noteS the remarks.
	contrNo, noteS string
	at             time.Time
	trader         *party
	lines          []line
	goods          []declLine // how each line names its goods, by index
}

var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// declarationXML writes a China export declaration (9810, to an overseas warehouse).
func declarationXML(d declaration) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<DecMessage>\n  <DecHead>\n")
	field := func(k, v string) { fmt.Fprintf(&b, "    <%s>%s</%s>\n", k, xmlText.Replace(v), k) }
	at, s := d.at, d.trader
	field("EntryId", d.entry)
	field("IEFlag", "E")
	field("CustomMaster", "5316")
	field("IEDate", at.In(cst).Format("20060102"))
	field("DDate", at.Add(-24*time.Hour).In(cst).Format("20060102"))
	field("TradeCoScc", s.USCC)
	field("TradeName", s.Name)
	field("OverseasConsigneeCode", d.consignee)
	field("OverseasConsigneeEname", "EU FULFIL BV")
	field("TrafMode", "2")
	field("BillNo", d.bl)
	field("TradeMode", "9810")
	field("ContrNo", d.contrNo)
	if d.noteS != "" {
		field("NoteS", d.noteS)
	}
	field("TradeCountry", "NLD")
	b.WriteString("  </DecHead>\n  <DecLists>\n")
	for i, l := range d.lines {
		g := d.goods[i]
		goods := "<GName>" + xmlText.Replace(g.gname) + "</GName>"
		if g.gmodel != "" {
			goods += "<GModel>" + xmlText.Replace(g.gmodel) + "</GModel>"
		}
		item := ""
		if g.exgNo != "" {
			item = "<ExgNo>" + xmlText.Replace(g.exgNo) + "</ExgNo>"
		}
		fmt.Fprintf(&b, "    <DecList><GNo>%d</GNo><CodeTS>%s</CodeTS>%s<GQty>%d</GQty><GUnit>007</GUnit>"+
			"<DeclPrice>%s</DeclPrice><TradeCurr>502</TradeCurr>%s<ProdBatchNo>%s</ProdBatchNo>"+
			"<ProdValidDt>%s</ProdValidDt></DecList>\n",
			i+1, l.p.HS, goods, l.qty, money(l.p.Cents/4), item, d.batch, expiry(at).Format("20060102"))
	}
	fmt.Fprintf(&b, "  </DecLists>\n  <DecContainers><Container><ContainerId>%s</ContainerId></Container></DecContainers>\n</DecMessage>\n", d.container)
	return []byte(b.String())
}

func thingsBoard(at time.Time, weight, temp string) map[string]any {
	return map[string]any{"ts": at.UnixMilli(), "values": map[string]any{"weight": num(weight), "temperature": num(temp)}}
}
