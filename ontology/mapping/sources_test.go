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
