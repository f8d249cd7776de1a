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

// one maps a sample that must give one document of type typ; documents of the types its
// mapping names in also: (a charge's refunds) are left to their own tests.
func one(t *testing.T, system, typ, format, file string) *ontology.Document {
	t.Helper()
	docs := ofType(mapSample(t, system, typ, format, file), typ)
	if len(docs) != 1 {
		t.Fatalf("%s gave %d documents of type %s, want 1", file, len(docs), typ)
	}
	return docs[0]
}

// ofType keeps the documents of type typ.
func ofType(docs []*ontology.Document, typ string) []*ontology.Document {
	var out []*ontology.Document
	for _, d := range docs {
		if d.Key.Type == typ {
			out = append(out, d)
		}
	}
	return out
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

// FuzzMapBuiltins feeds each built-in mapping mutations of its samples: mapping must never
// panic, whatever the bytes.
func FuzzMapBuiltins(f *testing.F) {
	samples := map[string][3]string{
		"meituan/order.json":              {"meituan", "order", "json"},
		"meituan/push.form":               {"meituan", "order", "form"},
		"meituan/refund_part.form":        {"meituan", "refund", "form"},
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
