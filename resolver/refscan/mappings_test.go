package refscan_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
	"github.com/seamhub/seam/resolver/refscan"
)

// mappedKeys are identifiers that the built-in mappings store for their own samples, each
// with the ways people write it in another system's free text. The key must be on the
// mapped document, and every spelling must scan to exactly that key: this is what makes a
// candidate findable in the resolver's key index.
var mappedKeys = []struct {
	system, typ, file string
	key               string
	texts             []string
}{
	{"meituan", "order", "meituan/order.json", "order_id:meituan:27061900338318741", []string{
		"27061900338318741", "MT27061900338318741", "MT-27061900338318741", "meituan:27061900338318741",
		"mt27061900338318741", "美团单号 27061900338318741 自取", "美团27061900338318741",
		"２７０６１９００３３８３１８７４１", "ＭＴ－２７０６１９００３３８３１８７４１", "MT 2706 1900 3383 18741",
		"Meituan order 27061900338318741", "美团订单号：27061900338318741，到店自取",
	}},
	// wm_order_id_view, the number the store sees, is the same number.
	{"meituan", "order", "meituan/order.json", "order_number:27061900338318741", []string{
		"27061900338318741", "MT-27061900338318741", "美团单号 27061900338318741 自取", "订单号 27061900338318741",
	}},
	{"meituan", "order", "meituan/push.form", "order_id:meituan:27061900338318742", []string{"MT27061900338318742"}},
	{"douyin", "order", "douyin/order.json", "order_id:douyin:6921384750012345678", []string{
		"6921384750012345678", "DY6921384750012345678", "DY-6921384750012345678", "douyin:6921384750012345678",
		"抖音订单 6921384750012345678", "抖店 6921 3847 5001 2345 678",
	}},
	{"douyin", "order", "douyin/order.json", "order_number:6921384750012345678", []string{"6921384750012345678", "抖音 6921384750012345678"}},
	{"douyin", "order", "douyin/order.json", "order_id:douyin:6921384750012345679", []string{"子订单 6921384750012345679"}},
	{"douyin", "order", "douyin/order.json", "tracking:SF1420012345678", []string{
		"SF1420012345678", "sf1420012345678", "顺丰 SF1420012345678", "顺丰 1420012345678", "sf-1420-0123-45678",
		"运单号：ＳＦ１４２００１２３４５６７８",
	}},
	{"douyin", "order", "douyin/order.json", "payment:4200002031202503041234567890", []string{"微信支付 4200002031202503041234567890"}},
	{"pinduoduo", "order", "pinduoduo/order.json", "order_number:250304-183746529301234", []string{
		"250304-183746529301234", "250304183746529301234", "250304/183746529301234", "250304 183746529301234",
		"PDD250304-183746529301234", "PDD 250304183746529301234", "拼多多订单 250304 183746529301234",
		"２５０３０４－１８３７４６５２９３０１２３４",
	}},
	{"pinduoduo", "order", "pinduoduo/order.json", "tracking:YT7512345678901", []string{
		"YT7512345678901", "圆通 YT7512345678901", "圆通快递 7512345678901", "yt 7512 3456 7890 1",
	}},
	{"shopify", "order", "shopify/orders_create.json", "order_number:1047", []string{
		"#1047", "1047", "SO-1047", "SO1047", "ref: #1047 thanks", "Order #1047", "order no. 1047", "No.1047",
		"订单号：1047", "＃１０４７", "ORD-0001047", "0001047", "Shopify #1047",
	}},
	{"shopify", "order", "shopify/orders_create.json", "order_id:shopify:5820193847261", []string{"shopify order 5820193847261"}},
	{"shopify", "order", "shopify/orders_create.json", "hub_ref:SO-7781", []string{"SO-7781", "erp ref so-7781"}},
	{"square", "order", "square/order.json", "hub_ref:POS-SH-20250304-0112", []string{"POS-SH-20250304-0112", "pos-sh-20250304-0112"}},
	{"aftership", "tracking", "aftership/webhook.json", "tracking:1Z999AA10123456784", []string{
		"1Z999AA10123456784", "1z999aa10123456784", "1Z 999 AA1 0123 4567 84", "1Z-999-AA1-0123-4567-84",
		"UPS tracking: 1Z999AA10123456784",
	}},
	{"aftership", "tracking", "aftership/webhook.json", "order_number:5820193847261", []string{"5820193847261"}},
	{"aftership", "tracking", "aftership/webhook.json", "hub_ref:SHP-55120", []string{"SHP-55120"}},
	{"stripe", "charge", "stripe/charge_event.json", "payment:ch_3QxAbC2eZvKYlo2C0k1m2n3o", []string{"paid by ch_3QxAbC2eZvKYlo2C0k1m2n3o"}},
	{"stripe", "charge", "stripe/charge_event.json", "invoice:ACC-SINV-2025-00127", []string{"ACC-SINV-2025-00127", "invoice acc-sinv-2025-00127"}},
	{"erpnext", "receipt", "erpnext/purchase_receipt.json", "po:PUR-ORD-2025-00381", []string{"PUR-ORD-2025-00381"}},
	{"erpnext", "receipt", "erpnext/purchase_receipt.json", "asn:ASN-88213", []string{"ASN-88213", "delivery note ASN-88213"}},
	{"erpnext", "payment", "erpnext/payment_entry.json", "payout:po_1QxAbC2eZvKYlo2C", []string{"Stripe payout po_1QxAbC2eZvKYlo2C"}},
	{"china-customs", "declaration", "china-customs/import.json", "po:PO-2025-00417", []string{
		"PO-2025-00417", "po-2025-00417", "PO 2025-00417", "PO# 2025-00417", "P.O. 2025-00417", "合同号：PO-2025-00417",
		"采购单 2025-00417",
	}},
	{"china-customs", "declaration", "china-customs/import.json", "entry:531620251000654321", []string{"报关单 531620251000654321"}},
	{"china-customs", "declaration", "china-customs/import.json", "container:CSQU3054383", []string{"柜号 CSQU3054383", "csqu 3054383"}},
	{"china-customs", "order", "china-customs/ceb311-order.xml", "order_number:6925012345678901234", []string{"6925012345678901234"}},
	{"china-customs", "order", "china-customs/ceb311-order.xml", "tracking:SF123456789012", []string{"SF123456789012"}},
	{"shipbob", "receipt", "shipbob/wro.json", "po:PO-2025-00381", []string{"PO-2025-00381", "PO2025-00381"}},
	{"shipbob", "receipt", "shipbob/wro.json", "tracking:1Z999AA10123456793", []string{"box 1Z999AA10123456793"}},
	{"amazon-fba", "shipment", "amazon-fba/shipment.json", "asn:FBA17QX2M4LZ", []string{"FBA17QX2M4LZ", "fba17qx2m4lz"}},
	{"woocommerce", "order", "woocommerce/order.json", "order_number:4812", []string{"#4812", "Woo order 4812"}},
	{"woocommerce", "order", "woocommerce/order.json", "payment:pi_3QxWoo2eZvKYlo2C1a2b3c4d", []string{"pi_3QxWoo2eZvKYlo2C1a2b3c4d"}},
}

func TestKeysAsMappingsStoreThem(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*ontology.Document{}
	for _, mk := range mappedKeys {
		d, ok := docs[mk.file]
		if !ok {
			raw, err := os.ReadFile(filepath.Join("..", "..", "ontology", "mapping", "testdata", mk.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := reg.MapPayload("acme", mk.system, mk.typ, "", raw)
			if err != nil || len(res) == 0 || len(res[0].Problems) > 0 {
				t.Fatalf("%s: %v %v", mk.file, err, res)
			}
			d = res[0].Doc
			docs[mk.file] = d
		}
		if !slices.ContainsFunc(d.Refs, func(r ontology.Ref) bool { return r.ID() == mk.key }) {
			t.Errorf("%s: the mapping stores no %s (refs %v)", mk.file, mk.key, d.Refs)
			continue
		}
		for _, text := range mk.texts {
			cs := refscan.Scan("note", text)
			if !slices.ContainsFunc(cs, func(c refscan.Candidate) bool { return c.Ref.ID() == mk.key }) {
				t.Errorf("Scan(%q) does not ask for %s, which %s stores; got %v", text, mk.key, mk.file, ids(cs))
			}
		}
	}
}

// ids renders candidates as their keys.
func ids(cs []refscan.Candidate) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.Ref.ID())
	}
	return out
}

// TestOrderNumbersAsTheTransformStoresThem checks the scanner against the mappings'
// orderNumber transform itself: whatever a source writes in an order number field,
// the same text in a note is asked as the key the transform stores.
func TestOrderNumbersAsTheTransformStoresThem(t *testing.T) {
	for _, in := range []string{
		"#1047", "1047", "SO-1047", "SO1047", "so 1047", "so_1047", "ORD-0001047", "ORD 1047", "order 1047",
		"Order #1047", "No. 1047", "No.1047", "ORDERNO1047", "ORDER-1047", "NO-1047", "NR1047", "#1047-EU",
		"SO-1047-2", "INV-1047", "1047A", "250304-183746529301234", "6921384750012345678", "0001047",
	} {
		want := ontology.Ref{Kind: ontology.RefOrderNumber, Value: mapping.OrderNumber(in)}
		cs := refscan.Scan("note", in)
		if !slices.ContainsFunc(cs, func(c refscan.Candidate) bool { return c.Ref == want }) {
			t.Errorf("Scan(%q) = %v, lacks %s, what orderNumber stores for it", in, ids(cs), want.ID())
		}
	}
}
