package mapping_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology/mapping"
)

// The benchmarks measure decode + map per document, the cost of a replay or a bulk
// import: mapping 200k documents takes 200k times ns/doc. Each reports docs/s.

func benchMap(b *testing.B, system, typ, format string, raw []byte, docsPerPayload int) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		b.Fatal(err)
	}
	res, err := reg.MapPayload("bench", system, typ, format, raw)
	if err != nil || len(res) != docsPerPayload {
		b.Fatalf("%d results, %v", len(res), err)
	}
	for _, r := range res {
		if r.Doc == nil {
			b.Fatalf("%s: %v", r.Pos, r.Problems)
		}
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := reg.MapPayload("bench", system, typ, format, raw); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	perDoc := float64(b.Elapsed().Nanoseconds()) / float64(b.N*docsPerPayload)
	b.ReportMetric(perDoc, "ns/doc")
	b.ReportMetric(1e9/perDoc, "docs/s")
}

func benchSample(b *testing.B, file string) []byte {
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		b.Fatal(err)
	}
	return raw
}

func BenchmarkMapShopifyOrder(b *testing.B) {
	benchMap(b, "shopify", "order", "json", benchSample(b, "shopify/orders_create.json"), 1)
}

func BenchmarkMapWooCommerceOrder(b *testing.B) {
	benchMap(b, "woocommerce", "order", "json", benchSample(b, "woocommerce/order.json"), 1)
}

func BenchmarkMapSquareOrder(b *testing.B) {
	benchMap(b, "square", "order", "json", benchSample(b, "square/order.json"), 1)
}

func BenchmarkMapCustomsXML(b *testing.B) {
	benchMap(b, "china-customs", "declaration", "xml", benchSample(b, "china-customs/export-9810.xml"), 1)
}

// A bulk export: 1,000 Shopify orders as JSON lines in one payload.
func BenchmarkMapShopifyJSONL(b *testing.B) {
	one := bytes.ReplaceAll(benchSample(b, "shopify/orders_create.json"), []byte("\n"), nil)
	var buf bytes.Buffer
	for i := range 1000 {
		buf.Write(bytes.Replace(one, []byte(`"id": 5820193847261`), fmt.Appendf(nil, `"id": %d`, 5820193847261+i), 1))
		buf.WriteByte('\n')
	}
	benchMap(b, "shopify", "order", "jsonl", buf.Bytes(), 1000)
}

const benchPOSMapping = `system: benchpos
type: order
role: pos
format: csv
delimiter: ";"
groupBy: receipt_no
externalId: receipt_no
verb: { path: status, map: { Paid: paid, Void: cancelled } }
status: status
occurredAt: { path: sold_at, time: "02/01/2006 15:04", zone: Europe/Amsterdam }
location: { code: store }
total: { amount: receipt_total, currency: currency }
lines:
  each: "_rows[*]"
  sku: { path: sku, transform: [trim, upper] }
  qty: qty
  unitPrice: { amount: unit_price, currency: currency }
refs:
  - { kind: receipt_number, path: receipt_no, scope: $system }
`

// A POS export of 1,000 receipts of three rows each, grouped into documents.
func BenchmarkMapPartnerCSVGrouped(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "benchpos-order.yaml"), []byte(benchPOSMapping), 0o600); err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("receipt_no;store;sold_at;sku;qty;unit_price;receipt_total;currency;status\n")
	for i := range 1000 {
		for _, sku := range []string{"TEA-OOL-250G", "MUG-BLU-350", "TEA-GRN-100G"} {
			fmt.Fprintf(&sb, "R-%d;AMS-1;04/03/2025 10:15;%s;2;12.50;75.00;EUR;Paid\n", i, sku)
		}
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		b.Fatal(err)
	}
	if err := reg.LoadFS(os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	raw := []byte(sb.String())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := reg.MapPayload("bench", "benchpos", "order", "", raw)
		if err != nil || len(res) != 1000 || res[999].Doc == nil {
			b.Fatalf("%d, %v", len(res), err)
		}
	}
	perDoc := float64(b.Elapsed().Nanoseconds()) / float64(b.N*1000)
	b.ReportMetric(perDoc, "ns/doc")
	b.ReportMetric(1e9/perDoc, "docs/s")
}

// The compile step, paid once per mapping file at start.
func BenchmarkParseShopifyMapping(b *testing.B) {
	yml, err := os.ReadFile(filepath.Join("builtin", "shopify-order.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mapping.Parse("shopify-order.yaml", yml); err != nil {
			b.Fatal(err)
		}
	}
}
