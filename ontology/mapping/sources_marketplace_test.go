package mapping_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// Golden tests of the marketplace order mappings (SOURCES.md §5): each sample in its real
// format, mapped with the built-in registry, validated, and its key fields stated in full.

// sourceCase is one sample and everything its document must say. Lines, parties and
// refs are compared whole, in order, as srcLine, srcParty and Ref.ID render them.
type sourceCase struct {
	file, format string
	id           string
	verb         ontology.Verb
	status       string
	at           string // the instant, RFC 3339 in UTC
	location     string // "system:code", "" for none
	total        string // "58.6 CNY", "" for none
	lines        []string
	parties      []string
	refs         []string
}

// checkSource maps c's sample with the built-in mappings, validates the document and
// compares it with c.
func checkSource(t *testing.T, system, typ string, c sourceCase) *ontology.Document {
	t.Helper()
	d := one(t, system, typ, c.format, c.file)
	if d.Key != (ontology.DocKey{Tenant: "acme", System: system, Type: typ, ExternalID: c.id}) {
		t.Errorf("key = %+v, want external id %q", d.Key, c.id)
	}
	if d.Verb != c.verb || d.Status != c.status {
		t.Errorf("verb, status = %s, %q; want %s, %q", d.Verb, d.Status, c.verb, c.status)
	}
	want, err := time.Parse(time.RFC3339, c.at)
	if err != nil {
		t.Fatal(err)
	}
	if !d.OccurredAt.Equal(want) || d.OccurredAt.Location() != time.UTC {
		t.Errorf("occurredAt = %s, want %s in UTC", d.OccurredAt.Format(time.RFC3339), c.at)
	}
	loc := ""
	if d.Location != nil {
		loc = d.Location.System + ":" + d.Location.Code
	}
	if loc != c.location {
		t.Errorf("location = %q, want %q", loc, c.location)
	}
	total := ""
	if d.Total != nil {
		total = d.Total.String()
	}
	if total != c.total {
		t.Errorf("total = %q, want %q", total, c.total)
	}
	var lines, parties, refs []string
	for _, l := range d.Lines {
		lines = append(lines, srcLine(l))
	}
	for _, p := range d.Parties {
		parties = append(parties, srcParty(p))
	}
	for _, r := range d.Refs {
		refs = append(refs, r.ID())
	}
	for _, x := range []struct {
		what      string
		got, want []string
	}{{"lines", lines, c.lines}, {"parties", parties, c.parties}, {"refs", refs, c.refs}} {
		if strings.Join(x.got, "\n") != strings.Join(x.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", x.what, x.got, x.want)
		}
	}
	return d
}

// srcLine renders a line as "SKU qty=2 price=18.5CNY ext=LATTE gtin=...".
func srcLine(l ontology.Line) string {
	s := l.SKU + " qty=" + l.Qty.String()
	if l.UnitPrice != nil {
		s += " price=" + l.UnitPrice.Amount.String() + l.UnitPrice.Currency
	}
	if l.ExternalID != "" {
		s += " ext=" + l.ExternalID
	}
	if l.GTIN != "" {
		s += " gtin=" + l.GTIN
	}
	return s
}

// srcParty renders a party as its role and its non-empty fields.
func srcParty(p ontology.PartyRef) string {
	s := string(p.Role)
	for _, f := range []struct{ k, v string }{{"ext", p.ExternalID}, {"name", p.Name}, {"email", p.Email},
		{"phone", p.Phone}, {"tax", p.TaxID}, {"country", p.Country}, {"address", p.Address}} {
		if f.v != "" {
			s += " " + f.k + "=" + f.v
		}
	}
	return s
}

// mapEdited maps a sample after edit changed its decoded JSON (numbers kept exact); it
// returns the document, or nil and the problems.
func mapEdited(t *testing.T, system, typ, file string, edit func(root map[string]any)) (*ontology.Document, []ontology.Problem) {
	t.Helper()
	return mapRaw(t, system, typ, "json", editedSample(t, file, edit))
}

// editedSample is a JSON sample after edit changed its decoded JSON (numbers kept exact).
func editedSample(t *testing.T, file string, edit func(root map[string]any)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(srcSample(t, file)))
	dec.UseNumber()
	var root map[string]any
	if err := dec.Decode(&root); err != nil {
		t.Fatal(err)
	}
	edit(root)
	raw, err := json.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// mapRaw maps one payload; it returns the validated document, or nil and the problems.
func mapRaw(t *testing.T, system, typ, format string, raw []byte) (*ontology.Document, []ontology.Problem) {
	t.Helper()
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	all, err := reg.MapPayload("acme", system, typ, format, raw)
	if err != nil {
		t.Fatalf("%s/%s: %v", system, typ, err)
	}
	// Documents of the types the mapping names in also: are left to their own tests.
	res := all[:0:0]
	for _, r := range all {
		if r.Doc == nil || r.Doc.Key.Type == typ {
			res = append(res, r)
		}
	}
	if len(res) != 1 {
		t.Fatalf("%s/%s gave %d records, want 1", system, typ, len(res))
	}
	if res[0].Doc == nil {
		return nil, res[0].Problems
	}
	if err := ontology.NewValidator().Document(res[0].Doc); err != nil {
		return nil, ontology.ProblemsOf(err)
	}
	return res[0].Doc, nil
}

// srcSample reads a sample file of testdata.
func srcSample(t testing.TB, file string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// inner returns the object at a dotted path of maps.
func inner(root map[string]any, dotted string) map[string]any {
	m := root
	for _, k := range strings.Split(dotted, ".") {
		m = m[k].(map[string]any)
	}
	return m
}

func TestMeituanOrder(t *testing.T) {
	cases := []sourceCase{{
		// The getOrderDetail data object, bare; completed. order_id is above 2^53: a float
		// would make it 27061900338318740.
		file: "meituan/order.json", id: "27061900338318741", verb: ontology.VerbDelivered, status: "8",
		at: "2025-03-04T02:15:22Z", location: "meituan:SH-PD-003", total: "58.6 CNY",
		// A size of a product: sku_id is the SKU, app_food_code the product. A product in
		// one size has no sku_id: app_food_code is its SKU.
		lines: []string{
			"LATTE-M qty=2 price=18.5CNY ext=LATTE",
			"TEA-OOL-250G qty=1 price=21.6CNY ext=TEA-OOL-250G gtin=6901234567892"},
		// The privacy number is kept as given; the geocoded address after "@#" is not.
		parties: []string{"customer name=王(先生) phone=13812345678_1234 address=上海市浦东新区示例路1号2栋301"},
		refs:    []string{"order_id:meituan:27061900338318741", "order_number:27061900338318741", "receipt_number:meituan:37"},
	}, {
		// The same, in the API's {"data": ...} envelope; confirmed by the store.
		file: "meituan/order_detail.json", format: "json", id: "27061900338318757", verb: ontology.VerbPaid, status: "4",
		at: "2025-03-05T08:00:00Z", location: "meituan:HZ-XH-001", total: "187.2 CNY",
		lines: []string{
			"TEA-OOL-250G qty=2 price=39.9CNY ext=TEA-OOL gtin=6950123456786",
			"TEA-OOL-500G qty=1 price=72CNY ext=TEA-OOL",
			"MUG-BLU-350 qty=1 price=29CNY ext=MUG-BLU-350 gtin=4006381333931"},
		parties: []string{"customer name=李(女士) phone=17700002222_8810 address=浙江省杭州市西湖区文三路100号"},
		refs:    []string{"order_id:meituan:27061900338318757", "order_number:27061900338318757", "receipt_number:meituan:5"},
	}, {
		// The paid-order push: form parameters, detail a URL-encoded JSON string. Sent to
		// the store (status 2), not yet confirmed.
		file: "meituan/push.form", id: "27061900338318742", verb: ontology.VerbOrdered, status: "2",
		at: "2025-03-04T03:13:20Z", location: "meituan:SH-PD-003", total: "48.5 CNY",
		lines:   []string{"LATTE-L qty=1 price=22CNY ext=LATTE", "CROISSANT qty=2 price=12.5CNY ext=CROISSANT"},
		parties: []string{"customer name=赵(女士) phone=13800001111_5521 address=上海市浦东新区示例路5号101室"},
		refs:    []string{"order_id:meituan:27061900338318742", "order_number:27061900338318742", "receipt_number:meituan:38"},
	}, {
		file: "meituan/order_cancelled.json", id: "27061900338319010", verb: ontology.VerbCancelled, status: "9",
		at: "2025-03-04T06:33:20Z", location: "meituan:SH-PD-003", total: "19.5 CNY",
		lines: []string{"LATTE-M qty=1 price=18.5CNY ext=LATTE"},
		// 到店自取, collected at the store: no one's home.
		parties: []string{"customer name=陈(先生) phone=13900003333_0042"},
		refs:    []string{"order_id:meituan:27061900338319010", "order_number:27061900338319010", "receipt_number:meituan:41"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			d := checkSource(t, "meituan", "order", c)
			if d.Role != ontology.RoleOrder || d.Channel != "delivery" {
				t.Errorf("role, channel = %s, %s", d.Role, d.Channel)
			}
		})
	}
	d := one(t, "meituan", "order", "", "meituan/order.json")
	if d.Location.Name != "Seam Coffee 浦东店" || d.Lines[0].Title != "拿铁" || d.Lines[1].Title != "乌龙茶 250g" {
		t.Errorf("names: %+v %+v", d.Location, d.Lines)
	}
}

// The push and the pull carry the same fields: a form body and a JSON object holding the
// same values give the same document, whichever format the caller names.
func TestMeituanFormAndJSONReadAlike(t *testing.T) {
	form := srcSample(t, "meituan/push.form")
	q, err := url.ParseQuery(strings.TrimSpace(string(form)))
	if err != nil {
		t.Fatal(err)
	}
	obj := map[string]string{}
	for k := range q {
		obj[k] = q.Get(k)
	}
	js, err := json.Marshal(map[string]any{"data": obj})
	if err != nil {
		t.Fatal(err)
	}
	want := one(t, "meituan", "order", "form", "meituan/push.form")
	for _, in := range []struct {
		format string
		raw    []byte
	}{{"", form}, {"", js}, {"json", js}} {
		got, probs := mapRaw(t, "meituan", "order", in.format, in.raw)
		if got == nil {
			t.Fatalf("format %q: %v", in.format, probs)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("format %q, body %.20q:\n got %+v\nwant %+v", in.format, in.raw, got, want)
		}
	}
}

func TestMeituanRefusals(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(o map[string]any)
		field, val string
	}{
		// A status code the mapping does not know is quarantined, naming the code.
		{"unknown status", func(o map[string]any) { o["status"] = json.Number("6") }, "verb", "6"},
		{"detail not JSON", func(o map[string]any) { o["detail"] = `[{"app_food_code":"LATTE",` }, "lines", ""},
		{"no store time", func(o map[string]any) { delete(o, "ctime") }, "occurredAt", ""},
		{"quantity not a number", func(o map[string]any) {
			o["detail"] = `[{"app_food_code":"LATTE","sku_id":"LATTE-M","quantity":"two","price":18.5}]`
		}, "lines[0].qty", "two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, probs := mapEdited(t, "meituan", "order", "meituan/order.json", tt.edit)
			if d != nil {
				t.Fatalf("mapped: %+v", d)
			}
			for _, p := range probs {
				if p.Field == tt.field && p.Value == tt.val {
					return
				}
			}
			t.Errorf("problems %v lack field %q value %q", probs, tt.field, tt.val)
		})
	}
}

func TestDouyinOrder(t *testing.T) {
	cases := []sourceCase{{
		// order.orderDetail's answer; shipped with SF. Amounts are fen.
		file: "douyin/order.json", id: "6921384750012345678", verb: ontology.VerbShipped, status: "已发货",
		at: "2025-03-04T02:15:22Z", location: "douyin:192837", total: "163 CNY",
		lines: []string{
			"TEA-OOL-250G qty=2 price=64.5CNY ext=1750000000012345",
			"MUG-BLU-350 qty=1 price=39CNY ext=1750000000012399"},
		// The ciphertexts are no names: without a decrypted receiver the masks stand,
		// which resolution uses as weak evidence only.
		parties: []string{"customer ext=1@#MzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9w name=张* phone=1********11 address=上海市上海市浦东新区花木街道"},
		// The seller typed the waybill in lower case: tracking numbers compare upper case.
		refs: []string{"order_number:6921384750012345678", "order_id:douyin:6921384750012345678",
			"order_id:douyin:6921384750012345679", "order_id:douyin:6921384750012345680",
			"tracking:SF1420012345678", "payment:4200002031202503041234567890"},
	}, {
		// An order.searchList item, bare; being prepared. The gift box has only code.
		file: "douyin/order_preparing.json", id: "6921399900011112222", verb: ontology.VerbPaid, status: "备货中",
		at: "2025-03-06T05:00:00Z", location: "douyin:192837", total: "79.5 CNY",
		lines: []string{
			"TEA-OOL-250G qty=1 price=64.5CNY ext=1750000000012345",
			"GIFT-BOX-S qty=3 price=5CNY ext=1750000000013001"},
		parties: []string{"customer ext=1@#OTg3NjU0MzIxMGFiY2RlZmdoaWprbG1u name=刘** phone=1********89"},
		refs: []string{"order_number:6921399900011112222", "order_id:douyin:6921399900011112222",
			"order_id:douyin:6921399900011112223", "order_id:douyin:6921399900011112224",
			"payment:2025030622001412340501234567"},
	}, {
		// Cancelled unpaid: pay_time is 0 and the encrypted recipient empty, so the masked
		// one stands in.
		file: "douyin/order_cancelled.json", id: "6921400000099990001", verb: ontology.VerbCancelled, status: "已取消",
		at: "2025-03-06T06:00:00Z", location: "douyin:192837", total: "0 CNY",
		lines:   []string{"TEA-OOL-250G qty=1 price=64.5CNY ext=1750000000012345"},
		parties: []string{"customer ext=1@#MTExMjIyMzMzNDQ0NTU1NjY2Nzc3ODg4 name=王* phone=1********07"},
		refs: []string{"order_number:6921400000099990001", "order_id:douyin:6921400000099990001",
			"order_id:douyin:6921400000099990002"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			d := checkSource(t, "douyin", "order", c)
			if d.Role != ontology.RoleOrder || d.Location.Name != "Seam 茶叶旗舰店" {
				t.Errorf("role %s, location %+v", d.Role, d.Location)
			}
		})
	}
}

// Every order_status of SOURCES.md §5b has a verb; one it does not list is refused.
func TestDouyinOrderStatuses(t *testing.T) {
	for status, want := range map[string]ontology.Verb{
		"1": ontology.VerbOrdered, "103": ontology.VerbOrdered, "105": ontology.VerbPaid, "2": ontology.VerbPaid,
		"101": ontology.VerbPaid, "3": ontology.VerbShipped, "4": ontology.VerbCancelled, "5": ontology.VerbDelivered,
		"99": "",
	} {
		d, probs := mapEdited(t, "douyin", "order", "douyin/order.json", func(o map[string]any) {
			inner(o, "data.shop_order_detail")["order_status"] = json.Number(status)
			delete(inner(o, "data.shop_order_detail"), "logistics_info") // see the closed order below
		})
		switch {
		case want == "" && (d != nil || len(probs) == 0 || probs[0].Field != "verb" || probs[0].Value != status):
			t.Errorf("status %s: %+v %v, want refused", status, d, probs)
		case want != "" && (d == nil || d.Verb != want):
			t.Errorf("status %s: %+v %v, want %s", status, d, probs, want)
		}
	}
	// Closed (4) after a package went out: refunded after shipping, the goods left.
	d, probs := mapEdited(t, "douyin", "order", "douyin/order.json", func(o map[string]any) {
		inner(o, "data.shop_order_detail")["order_status"] = json.Number("4")
	})
	if d == nil || d.Verb != ontology.VerbShipped {
		t.Errorf("closed after a package went out: %+v %v, want shipped", d, probs)
	}
}

func TestPinduoduoOrder(t *testing.T) {
	customer := "customer name=李* phone=139****2222 country=CN address=浙江省杭州市西湖区文三路***"
	cases := []sourceCase{{
		// Shipped. "2025-03-04 10:15:22" is China time: 02:15:22 UTC.
		file: "pinduoduo/order.json", id: "250304-183746529301234", verb: ontology.VerbShipped, status: "2/1",
		at: "2025-03-04T02:15:22Z", location: "pinduoduo:shop", total: "95.8 CNY",
		lines:   []string{"TEA-OOL-250G qty=2 price=49.9CNY ext=1200000001"},
		parties: []string{customer},
		refs: []string{"order_number:250304-183746529301234", "tracking:YT7512345678901",
			"payment:4200002099202503040011223344"},
	}, {
		// Refunded before it shipped: cancelled, nothing leaves the warehouse.
		file: "pinduoduo/order_refunded.json", id: "250305-092233441100987", verb: ontology.VerbCancelled, status: "1/4",
		at: "2025-03-05T01:22:33Z", location: "pinduoduo:shop", total: "29 CNY",
		lines:   []string{"MUG-BLU-350 qty=1 price=29CNY ext=1200000031"},
		parties: []string{"customer name=周* phone=137****0101 country=CN address=浙江省杭州市西湖区文三路***"},
		refs:    []string{"order_number:250305-092233441100987", "payment:4200002099202503050099887766"},
	}, {
		// Signed for, then refunded: the goods left, so the order stays delivered; the
		// refund shows in status.
		file: "pinduoduo/order_delivered_refunded.json", id: "250301-120045778812345", verb: ontology.VerbDelivered,
		status: "3/4", at: "2025-03-01T04:00:45Z", location: "pinduoduo:shop", total: "86.7 CNY",
		lines:   []string{"TEA-OOL-250G qty=1 price=49.9CNY ext=1200000001", "TEA-GRN-100G qty=2 price=19.9CNY ext=1200000017"},
		parties: []string{customer},
		refs: []string{"order_number:250301-120045778812345", "tracking:ZTO730012345678",
			"payment:4200002099202503010077665544"},
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) { checkSource(t, "pinduoduo", "order", c) })
	}
}

func TestPinduoduoStatuses(t *testing.T) {
	tests := []struct {
		order, confirm, refund string
		want                   ontology.Verb
	}{
		{"1", "1", "1", ontology.VerbPaid},
		{"1", "1", "2", ontology.VerbPaid}, // an after-sales request alone changes nothing
		{"1", "1", "4", ontology.VerbCancelled},
		{"2", "1", "4", ontology.VerbShipped},
		{"3", "1", "1", ontology.VerbDelivered},
		{"1", "2", "1", ontology.VerbCancelled}, // the deal was called off
		{"9", "1", "1", ""},
	}
	for _, tt := range tests {
		d, probs := mapEdited(t, "pinduoduo", "order", "pinduoduo/order.json", func(o map[string]any) {
			info := inner(o, "order_info_get_response.order_info")
			info["order_status"], info["confirm_status"], info["refund_status"] =
				json.Number(tt.order), json.Number(tt.confirm), json.Number(tt.refund)
		})
		name := fmt.Sprintf("order_status %s, confirm_status %s, refund_status %s", tt.order, tt.confirm, tt.refund)
		switch {
		case tt.want == "" && (d != nil || len(probs) == 0 || probs[0].Value != tt.order):
			t.Errorf("%s: %+v %v, want refused", name, d, probs)
		case tt.want != "" && (d == nil || d.Verb != tt.want):
			t.Errorf("%s: %+v %v, want %s", name, d, probs, tt.want)
		}
	}
}

// FuzzMapMeituan feeds the Meituan mapping mutations of its samples, as JSON and as a
// form: mapping never panics, and what it maps is complete and the same every time.
func FuzzMapMeituan(f *testing.F) {
	fuzzSource(f, "meituan", []string{"order"}, map[string]string{"meituan/order.json": "", "meituan/order_detail.json": "json",
		"meituan/order_cancelled.json": "", "meituan/push.form": "form"})
}

// FuzzMapDouyin is FuzzMapMeituan for Douyin orders.
func FuzzMapDouyin(f *testing.F) {
	fuzzSource(f, "douyin", []string{"order"}, map[string]string{"douyin/order.json": "", "douyin/order_preparing.json": "",
		"douyin/order_cancelled.json": ""})
}

// FuzzMapPinduoduo is FuzzMapMeituan for Pinduoduo orders.
func FuzzMapPinduoduo(f *testing.F) {
	fuzzSource(f, "pinduoduo", []string{"order"}, map[string]string{"pinduoduo/order.json": "", "pinduoduo/order_refunded.json": "",
		"pinduoduo/order_delivered_refunded.json": ""})
}

// fuzzSource seeds a fuzz target with samples (file: format) and maps each input as each
// of the types, with every format the samples use. Map recovers from a panic into a
// problem; such a problem fails the target, as does a document without its key fields or
// one that maps differently the second time.
func fuzzSource(f *testing.F, system string, types []string, samples map[string]string) {
	formats := map[string]bool{"": true}
	for file, format := range samples {
		f.Add(srcSample(f, file))
		formats[format] = true
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	val := ontology.NewValidator()
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, typ := range types {
			for format := range formats {
				res, err := reg.MapPayload("fuzz", system, typ, format, raw)
				if err != nil {
					continue
				}
				again, _ := reg.MapPayload("fuzz", system, typ, format, raw)
				for i, r := range res {
					for _, p := range r.Problems {
						if p.Rule == "mapping" && strings.Contains(p.Message, " failed: ") {
							t.Fatalf("%s, format %q: mapping panicked: %s", typ, format, p.Message)
						}
					}
					if !reflect.DeepEqual(r, again[i]) {
						t.Fatalf("%s, format %q: mapped differently the second time:\n%+v\n%+v", typ, format, r, again[i])
					}
					d := r.Doc
					if d == nil {
						continue
					}
					if d.Key.ExternalID == "" || !d.Verb.Valid() || d.OccurredAt.IsZero() || d.OccurredAt.Location() != time.UTC {
						t.Fatalf("%s, format %q: incomplete document %+v", typ, format, d)
					}
					_ = val.Document(d)
				}
			}
		}
	})
}

// TestDouyinPartlyShipped: a partly shipped order (order_status 101 部分发货) is still
// paid, and its packages (logistics_info[].product_info[]) are a shipment of their own
// that lists only the SKU orders sent: the red tea, 备货中 and in no package, is not
// shipped.
func TestDouyinPartlyShipped(t *testing.T) {
	docs := mapSample(t, "douyin", "order", "", "douyin/order_partly_shipped.json")
	if len(docs) != 2 {
		t.Fatalf("%d documents, want the order and its shipment", len(docs))
	}
	order, ship := docs[0], docs[1]
	if order.Key.Type != "order" || order.Verb != ontology.VerbPaid || len(order.Lines) != 2 {
		t.Errorf("order %s %s, %d lines", order.Key, order.Verb, len(order.Lines))
	}
	if ship.Key.Type != "shipment" || ship.Key.ExternalID != "6921384750012349001" || ship.Role != ontology.RoleFulfilment ||
		ship.Verb != ontology.VerbShipped || ship.Location == nil || ship.Location.Code != "192837" {
		t.Fatalf("shipment %+v", ship)
	}
	wantLines(t, ship, "RV19-DY-OOL ext=1780001 qty=1")
	wantRefs(t, ship, "order_id:douyin:6921384750012349001", "tracking:SF1420012349001")
	wantTime(t, "occurredAt", ship.OccurredAt, "2026-12-06T15:13:32Z") // ship_time

	// The order still being prepared has no package and no shipment.
	if docs := mapSample(t, "douyin", "order", "", "douyin/order_preparing.json"); len(docs) != 1 {
		t.Errorf("order being prepared: %d documents", len(docs))
	}
}

// A Pinduoduo order signed for, then refunded (order_status 3, refund_status 4) keeps its
// delivered verb, and the refund that succeeded is a refund document of its own: the
// whole amount paid, since the order answer states no other. Before, the refund showed
// only in the status text and reconciliation never saw it.
func TestPinduoduoRefundSucceeded(t *testing.T) {
	docs := mapSample(t, "pinduoduo", "order", "", "pinduoduo/order_delivered_refunded.json")
	r := ofType(docs, "order_refunds")
	if len(docs) != 2 || len(r) != 1 {
		t.Fatalf("%d documents, want the order and its refund", len(docs))
	}
	if r[0].Key.ExternalID != "250301-120045778812345" || r[0].Role != ontology.RoleRefund || r[0].Verb != ontology.VerbRefunded ||
		r[0].Total.String() != "86.7 CNY" || r[0].Status != "3/4" {
		t.Errorf("refund = %+v %s", r[0].Key, r[0].Total)
	}
	if got, want := refs(r[0]), "order_number:250301-120045778812345 payment:4200002099202503010077665544"; got != want {
		t.Errorf("refs = %s, want %s", got, want)
	}
	if docs := mapSample(t, "pinduoduo", "order", "", "pinduoduo/order.json"); len(docs) != 1 {
		t.Errorf("an order without a refund gave %d documents", len(docs))
	}
}

// Meituan's recipient_address is the buyer's words, then "@#" and the geocoded address:
// the words are the street lines, the geocoded address the locality that gives them
// their city and district. A pickup at the store names no home.
func TestMeituanAddressTakesItsAreasFromTheGeocodedPart(t *testing.T) {
	for _, tc := range []struct {
		address   string
		wantAddr  string
		wantPlace *ontology.AddressPart
	}{
		{"上海市浦东新区示例路1号2栋301@#上海市浦东新区示例路1号", "上海市浦东新区示例路1号2栋301",
			&ontology.AddressPart{Street: "上海市浦东新区示例路1号2栋301", Locality: "上海市浦东新区示例路1号"}},
		{"金地里(共和新路874号) 4栋2单元1204室@#上海市静安区共和新路874号", "金地里(共和新路874号) 4栋2单元1204室",
			&ontology.AddressPart{Street: "金地里(共和新路874号) 4栋2单元1204室", Locality: "上海市静安区共和新路874号"}},
		// The merchant did not subscribe to the geocoded field.
		{"浙江省杭州市西湖区文三路100号", "浙江省杭州市西湖区文三路100号", &ontology.AddressPart{Street: "浙江省杭州市西湖区文三路100号"}},
		{"到店自取@#上海市浦东新区示例路88号", "", &ontology.AddressPart{Locality: "上海市浦东新区示例路88号"}},
	} {
		doc, probs := mapEdited(t, "meituan", "order", "meituan/order.json", func(root map[string]any) {
			root["recipient_address"] = tc.address
		})
		if doc == nil || len(doc.Parties) != 1 {
			t.Fatalf("%s: %v %v", tc.address, doc, probs)
		}
		p := doc.Parties[0]
		if p.Address != tc.wantAddr {
			t.Errorf("%s: address %q, want %q", tc.address, p.Address, tc.wantAddr)
		}
		if p.Place == nil || *p.Place != *tc.wantPlace {
			t.Errorf("%s: place %+v, want %+v", tc.address, p.Place, tc.wantPlace)
		}
	}
}
