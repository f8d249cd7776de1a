package mapping_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

// mapSample maps one sample file with the built-in mappings and validates the result.
func mapSample(t *testing.T, system, typ, format, file string) []*ontology.Document {
	t.Helper()
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", system, typ, format, raw)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	val := ontology.NewValidator()
	var out []*ontology.Document
	for _, r := range res {
		if len(r.Problems) > 0 {
			t.Fatalf("%s %s: %v", file, r.Pos, r.Problems)
		}
		if err := val.Document(r.Doc); err != nil {
			t.Fatalf("%s %s: %v", file, r.Pos, err)
		}
		out = append(out, r.Doc)
	}
	return out
}

func one(t *testing.T, system, typ, format, file string) *ontology.Document {
	t.Helper()
	docs := mapSample(t, system, typ, format, file)
	if len(docs) != 1 {
		t.Fatalf("%s gave %d documents, want 1", file, len(docs))
	}
	return docs[0]
}

// refs renders a document's refs as "kind[:scope]:value" strings.
func refs(d *ontology.Document) string {
	var parts []string
	for _, r := range d.Refs {
		parts = append(parts, r.ID())
	}
	return strings.Join(parts, " ")
}

func wantRefs(t *testing.T, d *ontology.Document, want ...string) {
	t.Helper()
	got := " " + refs(d) + " "
	for _, w := range want {
		if !strings.Contains(got, " "+w+" ") {
			t.Errorf("%s: refs %q lack %q", d.Key, refs(d), w)
		}
	}
}

func wantTime(t *testing.T, what string, got time.Time, want string) {
	t.Helper()
	w, _ := time.Parse(time.RFC3339, want)
	if !got.Equal(w) || got.Location() != time.UTC {
		t.Errorf("%s = %s, want %s (UTC)", what, got.Format(time.RFC3339), want)
	}
}

func wantLine(t *testing.T, d *ontology.Document, i int, sku, qty string) {
	t.Helper()
	if i >= len(d.Lines) {
		t.Fatalf("%s has %d lines, want line %d", d.Key, len(d.Lines), i)
	}
	if l := d.Lines[i]; l.SKU != sku || l.Qty.String() != qty {
		t.Errorf("%s line %d = %s x %s, want %s x %s", d.Key, i, l.SKU, l.Qty, sku, qty)
	}
}

func TestMeituanOrder(t *testing.T) {
	d := one(t, "meituan", "order", "", "meituan/order.json")
	if d.Key.ExternalID != "27061900338318741" || d.Verb != ontology.VerbDelivered || d.Location.Code != "SH-PD-003" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-04T02:15:30Z")
	if d.Total.Amount.String() != "58.6" || d.Total.Currency != "CNY" {
		t.Errorf("total = %s", d.Total)
	}
	wantLine(t, d, 0, "LATTE-M", "2")
	wantLine(t, d, 1, "TEA-OOL-250G", "1")
	if d.Lines[1].GTIN != "9501101530003" || d.Lines[0].UnitPrice.Amount.String() != "18.5" {
		t.Errorf("lines = %+v", d.Lines)
	}
	wantRefs(t, d, "order_id:meituan:27061900338318741", "order_number:27061900338318741", "receipt_number:meituan:37")
	if d.Parties[0].Phone != "13812345678_1234" {
		t.Errorf("privacy phone not kept as given: %+v", d.Parties)
	}
	push := one(t, "meituan", "order", "form", "meituan/push.form")
	if push.Key.ExternalID != "27061900338318742" || push.Verb != ontology.VerbPaid || len(push.Lines) != 1 || push.Lines[0].Title != "拿铁" {
		t.Fatalf("form push = %+v", push)
	}
}

func TestDouyinOrder(t *testing.T) {
	d := one(t, "douyin", "order", "", "douyin/order.json")
	if d.Key.ExternalID != "6921384750012345678" || d.Verb != ontology.VerbShipped || d.Location.Code != "192837" {
		t.Fatalf("%+v", d)
	}
	if d.Total.Amount.String() != "124" || d.Lines[0].UnitPrice.Amount.String() != "64.5" {
		t.Errorf("fen not converted: total %s, unit %s", d.Total, d.Lines[0].UnitPrice)
	}
	wantLine(t, d, 0, "TEA-OOL-250G", "2")
	wantRefs(t, d, "order_number:6921384750012345678", "tracking:SF1420012345678", "payment:4200002031202503041234567890",
		"order_id:douyin:6921384750012345679")
}

func TestPinduoduoOrder(t *testing.T) {
	d := one(t, "pinduoduo", "order", "", "pinduoduo/order.json")
	if d.Key.ExternalID != "250304-183746529301234" || d.Verb != ontology.VerbShipped {
		t.Fatalf("%+v", d)
	}
	// "2025-03-04 10:15:40" in China is 02:15:40 UTC.
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-04T02:15:40Z")
	wantLine(t, d, 0, "TEA-OOL-250G", "1")
	if d.Total.Amount.String() != "45.9" {
		t.Errorf("total = %s", d.Total)
	}
	wantRefs(t, d, "tracking:YT7512345678901", "payment:4200002099202503040011223344")
}

func TestAfterShipTracking(t *testing.T) {
	d := one(t, "aftership", "tracking", "", "aftership/webhook.json")
	if d.Key.ExternalID != "b1f3e5c0a9d84e7c9a1f2b3c4d5e6f70" || d.Verb != ontology.VerbDelivered || d.Role != ontology.RoleTracking {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-05T08:01:10Z")
	// Tracking numbers compare without case or spaces; "#1047" is order 1047.
	wantRefs(t, d, "tracking:1Z999AA10123456784", "order_number:1047", "order_id:5820193847261", "hub_ref:SHP-55120")
	if d.Parties[0].Role != ontology.PartyCarrier || d.Parties[0].Name != "ups" {
		t.Errorf("carrier = %+v", d.Parties)
	}
}

func TestStripe(t *testing.T) {
	ch := one(t, "stripe", "charge", "", "stripe/charge_event.json")
	if ch.Key.ExternalID != "ch_3QxAbC2eZvKYlo2C0k1m2n3o" || ch.Verb != ontology.VerbPaid || ch.Total.String() != "103.5 USD" {
		t.Fatalf("charge = %+v total %s", ch, ch.Total)
	}
	wantTime(t, "occurredAt", ch.OccurredAt, "2025-03-04T02:15:22Z")
	wantRefs(t, ch, "payment:ch_3QxAbC2eZvKYlo2C0k1m2n3o", "payment:pi_3QxAbC2eZvKYlo2C0p9q8r7s",
		"balance_txn:txn_3QxAbC2eZvKYlo2C0z1y2x3w", "order_number:1047", "invoice:ACC-SINV-2025-00127")
	jpy := one(t, "stripe", "charge", "", "stripe/charge_jpy.json")
	if jpy.Total.String() != "4500 JPY" || jpy.Verb != ontology.VerbRefunded {
		t.Errorf("zero-decimal currency or refund: %s %s", jpy.Total, jpy.Verb)
	}
	bt := one(t, "stripe", "balance_transaction", "", "stripe/balance_transaction.json")
	if bt.Role != ontology.RoleSettlement || bt.Total.String() != "100.2 USD" || bt.Verb != ontology.VerbSettled {
		t.Errorf("balance transaction = %+v %s", bt, bt.Total)
	}
	wantRefs(t, bt, "payment:ch_3QxAbC2eZvKYlo2C0k1m2n3o", "payout:po_1QxAbC2eZvKYlo2C", "balance_txn:txn_3QxAbC2eZvKYlo2C0z1y2x3w")
	po := one(t, "stripe", "payout", "", "stripe/payout.json")
	if po.Role != ontology.RolePayout || po.Verb != ontology.VerbSettled || po.Total.String() != "100.2 USD" {
		t.Errorf("payout = %+v", po)
	}
	wantTime(t, "payout occurredAt", po.OccurredAt, "2025-03-07T00:00:00Z")
}

func TestChinaCustomsDeclaration(t *testing.T) {
	d := one(t, "china-customs", "declaration", "", "china-customs/export-9810.xml")
	if d.Key.ExternalID != "531620250000123456" || d.Verb != ontology.VerbDeclared || d.Direction != "outbound" || d.Status != "9810" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-03T16:00:00Z") // 20250304 in China
	if d.Location == nil || d.Location.Code != "WH-NL-001" {
		t.Errorf("location = %+v", d.Location)
	}
	wantLine(t, d, 0, "TEA-OOL-250G", "1000")
	wantLine(t, d, 1, "MUG-BLU-350", "480.5")
	l := d.Lines[0]
	if l.HSCode != "0902300000" || l.Lot != "B250112" || l.ExpiresAt == nil || l.UnitPrice.String() != "8.75 USD" {
		t.Errorf("line = %+v price %s", l, l.UnitPrice)
	}
	wantRefs(t, d, "entry:531620250000123456", "po:PO-2025-00381", "bl:COSU6201234567", "container:MSKU1234565", "lot:B250112")
	if d.Parties[0].TaxID != "91440300MA5F3K2W13" || d.Parties[0].Name != "深圳市示例贸易有限公司" {
		t.Errorf("parties = %+v", d.Parties)
	}
	imp := one(t, "china-customs", "declaration", "json", "china-customs/import.json")
	if imp.Direction != "inbound" || imp.Lines[0].HSCode != "0901210000" || imp.Lines[0].UnitPrice.Currency != "CNY" {
		t.Errorf("import = %+v", imp)
	}
	wantRefs(t, imp, "bl:COSU6201234999", "container:CSQU3054383", "po:PO-2025-00417")
}

func TestChinaCustomsQuarantinesBadContainer(t *testing.T) {
	reg, _ := mapping.NewRegistry()
	raw, _ := os.ReadFile(filepath.Join("testdata", "china-customs/export-9810.xml"))
	bad := strings.Replace(string(raw), "MSKU1234565", "MSKU1234566", 1)
	res, err := reg.MapPayload("acme", "china-customs", "declaration", "", []byte(bad))
	if err != nil || len(res) != 1 || res[0].Doc == nil {
		t.Fatal(res, err)
	}
	err = ontology.NewValidator().Document(res[0].Doc)
	if err == nil || !strings.Contains(err.Error(), "MSKU1234566") || !strings.Contains(err.Error(), "check digit") {
		t.Fatalf("a wrong container check digit must be refused with its value: %v", err)
	}
}

func TestShipBobReceivingOrder(t *testing.T) {
	d := one(t, "shipbob", "receipt", "", "shipbob/wro.json")
	if d.Key.ExternalID != "987654" || d.Verb != ontology.VerbReceived || d.Location.Code != "10" {
		t.Fatalf("%+v", d)
	}
	wantLine(t, d, 0, "TEA-OOL-250G", "980")
	if d.Lines[0].ExpectedQty == nil || d.Lines[0].ExpectedQty.String() != "1000" {
		t.Errorf("expected = %v", d.Lines[0].ExpectedQty)
	}
	wantRefs(t, d, "po:PO-2025-00381", "asn:shipbob:987654", "tracking:1Z999AA10123456784")
}

func TestAmazonFBAShipment(t *testing.T) {
	d := one(t, "amazon-fba", "shipment", "", "amazon-fba/shipment.json")
	if d.Key.ExternalID != "FBA17QX2M4LZ" || d.Role != ontology.RoleReceipt || d.Verb != ontology.VerbReceived || d.Location.Code != "ONT8" {
		t.Fatalf("%+v", d)
	}
	wantLine(t, d, 0, "TEA-OOL-250G", "472")
	if d.Lines[0].ExpectedQty.String() != "480" || d.Lines[0].ExternalID != "X002ABC123" {
		t.Errorf("line = %+v", d.Lines[0])
	}
	wantRefs(t, d, "asn:FBA17QX2M4LZ", "po:PO-2025-00381")
}

func TestERPNext(t *testing.T) {
	pr := one(t, "erpnext", "receipt", "", "erpnext/purchase_receipt.json")
	if pr.Key.ExternalID != "MAT-PRE-2025-00042" || pr.Verb != ontology.VerbReceived || pr.Location.Code != "Stores - NLW" {
		t.Fatalf("%+v", pr)
	}
	wantTime(t, "occurredAt", pr.OccurredAt, "2025-03-21T14:05:00Z")
	wantLine(t, pr, 0, "TEA-OOL-250G", "472")
	if l := pr.Lines[0]; l.RejectedQty.String() != "8" || l.Lot != "B250112" || l.GTIN != "09501101530003" {
		t.Errorf("line = %+v", l)
	}
	wantRefs(t, pr, "po:PUR-ORD-2025-00381", "asn:ASN-88213", "tracking:DHL77812234")
	inv := one(t, "erpnext", "invoice", "", "erpnext/sales_invoice.json")
	if inv.Role != ontology.RoleInvoice || inv.Verb != ontology.VerbSettled || inv.Total.String() != "103.5 EUR" {
		t.Errorf("invoice = %+v", inv)
	}
	wantRefs(t, inv, "invoice:ACC-SINV-2025-00127", "order_number:1047")
	pe := one(t, "erpnext", "payment", "", "erpnext/payment_entry.json")
	if pe.Verb != ontology.VerbSettled || pe.Total.String() != "100.2 USD" {
		t.Errorf("payment entry = %+v", pe)
	}
	wantRefs(t, pe, "payout:po_1QxAbC2eZvKYlo2C", "invoice:ACC-SINV-2025-00127")
	if strings.Contains(refs(pe), "payment:po_") {
		t.Errorf("a payout reference was also taken as a payment: %s", refs(pe))
	}
}

// FuzzMapBuiltins feeds each built-in mapping mutations of its samples: mapping must never
// panic, whatever the bytes.
func FuzzMapBuiltins(f *testing.F) {
	samples := map[string][3]string{
		"meituan/order.json":              {"meituan", "order", "json"},
		"meituan/push.form":               {"meituan", "order", "form"},
		"douyin/order.json":               {"douyin", "order", "json"},
		"pinduoduo/order.json":            {"pinduoduo", "order", "json"},
		"aftership/webhook.json":          {"aftership", "tracking", "json"},
		"stripe/charge_event.json":        {"stripe", "charge", "json"},
		"stripe/balance_transaction.json": {"stripe", "balance_transaction", "json"},
		"stripe/payout.json":              {"stripe", "payout", "json"},
		"china-customs/export-9810.xml":   {"china-customs", "declaration", "xml"},
		"china-customs/import.json":       {"china-customs", "declaration", "json"},
		"shipbob/wro.json":                {"shipbob", "receipt", "json"},
		"amazon-fba/shipment.json":        {"amazon-fba", "shipment", "json"},
		"erpnext/purchase_receipt.json":   {"erpnext", "receipt", "json"},
		"erpnext/sales_invoice.json":      {"erpnext", "invoice", "json"},
		"erpnext/payment_entry.json":      {"erpnext", "payment", "json"},
	}
	var keys [][3]string
	for file, k := range samples {
		raw, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(len(keys), raw)
		keys = append(keys, k)
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	val := ontology.NewValidator()
	f.Fuzz(func(t *testing.T, which int, raw []byte) {
		if which < 0 {
			which = -which
		}
		k := keys[which%len(keys)]
		res, err := reg.MapPayload("acme", k[0], k[1], k[2], raw)
		if err != nil {
			return
		}
		for _, r := range res {
			if r.Doc != nil {
				_ = val.Document(r.Doc)
			}
		}
	})
}
