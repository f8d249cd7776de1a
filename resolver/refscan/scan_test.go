package refscan_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seamhub/seam/resolver/refscan"
)

// scanCase is a text and every candidate Scan must return for it, in order, rendered by
// render: the key, the rule, the strength and the raw substring.
type scanCase struct {
	in   string
	want []string
}

// render writes a candidate as one line of a scanCase.
func render(c refscan.Candidate) string {
	return fmt.Sprintf("%s %s %s %q", c.Ref.ID(), c.Rule, c.Strength, c.Raw)
}

// spellingTests are the spellings of each kind of identifier, one at a time: prefixes,
// labels, separators, case, full width, leading zeros.
var spellingTests = []scanCase{
	{"27061900338491023", []string{
		`order_id:meituan:27061900338491023 bare-number plausible "27061900338491023"`,
		`order_number:27061900338491023 bare-number plausible "27061900338491023"`,
	}},
	{"MT27061900338491023", []string{
		`order_id:meituan:27061900338491023 meituan specific "MT27061900338491023"`,
		`order_number:27061900338491023 meituan specific "MT27061900338491023"`,
	}},
	{"mt-27061900338491023", []string{
		`order_id:meituan:27061900338491023 meituan specific "mt-27061900338491023"`,
		`order_number:27061900338491023 meituan specific "mt-27061900338491023"`,
	}},
	{"meituan:27061900338491023", []string{
		`order_id:meituan:27061900338491023 meituan specific "meituan:27061900338491023"`,
		`order_number:27061900338491023 meituan specific "meituan:27061900338491023"`,
	}},
	{"美团：27061900338491023", []string{
		`order_id:meituan:27061900338491023 meituan specific "美团：27061900338491023"`,
		`order_number:27061900338491023 meituan specific "美团：27061900338491023"`,
	}},
	{"ＭＴ２７０６１９００３３８４９１０２３", []string{
		`order_id:meituan:27061900338491023 meituan specific "ＭＴ２７０６１９００３３８４９１０２３"`,
		`order_number:27061900338491023 meituan specific "ＭＴ２７０６１９００３３８４９１０２３"`,
	}},
	{"MT 2706 1900 3384 91023", []string{
		`order_id:meituan:27061900338491023 meituan specific "MT 2706 1900 3384 91023"`,
		`order_number:27061900338491023 meituan specific "MT 2706 1900 3384 91023"`,
	}},
	{"2706-1900-3384-91023", []string{
		`order_id:meituan:27061900338491023 bare-number plausible "2706-1900-3384-91023"`,
		`order_number:27061900338491023 bare-number plausible "2706-1900-3384-91023"`,
	}},
	{"MT1047", []string{
		`order_number:1047 order-prefix plausible "MT1047"`,
	}},
	{"DY4987654321098765432", []string{
		`order_id:douyin:4987654321098765432 douyin specific "DY4987654321098765432"`,
		`order_number:4987654321098765432 douyin specific "DY4987654321098765432"`,
	}},
	{"抖音 4987654321098765432", []string{
		`order_id:douyin:4987654321098765432 douyin specific "抖音 4987654321098765432"`,
		`order_number:4987654321098765432 douyin specific "抖音 4987654321098765432"`,
	}},
	{"4987654321098765432", []string{
		`order_id:meituan:4987654321098765432 bare-number plausible "4987654321098765432"`,
		`order_id:douyin:4987654321098765432 bare-number plausible "4987654321098765432"`,
		`order_number:4987654321098765432 bare-number plausible "4987654321098765432"`,
	}},
	{"PDD250304-123456789012345", []string{
		`order_number:250304-123456789012345 pinduoduo specific "PDD250304-123456789012345"`,
	}},
	{"拼多多 250304123456789012345", []string{
		`order_number:250304-123456789012345 pinduoduo specific "拼多多 250304123456789012345"`,
	}},
	{"250304-123456789012345", []string{
		`order_number:250304-123456789012345 pinduoduo specific "250304-123456789012345"`,
	}},
	{"250304123456789012345", []string{
		`order_number:250304-123456789012345 pinduoduo plausible "250304123456789012345"`,
	}},
	{"250304 123456789012345", []string{
		`order_number:250304-123456789012345 pinduoduo plausible "250304 123456789012345"`,
	}},
	{"#1047", []string{
		`order_number:1047 order-prefix plausible "#1047"`,
	}},
	{"＃１０４７", []string{
		`order_number:1047 order-prefix plausible "＃１０４７"`,
	}},
	{"SO-1047", []string{
		`order_number:1047 order-prefix plausible "SO-1047"`,
		`hub_ref:SO-1047 hub-ref plausible "SO-1047"`,
	}},
	{"ORD-0001047", []string{
		`order_number:1047 order-prefix plausible "ORD-0001047"`,
		`hub_ref:ORD-0001047 hub-ref plausible "ORD-0001047"`,
	}},
	{"No.1047", []string{
		`order_number:1047 order-prefix plausible "No.1047"`,
	}},
	{"order 1047", []string{
		`order_number:1047 order-prefix plausible "order 1047"`,
	}},
	{"订单号:1047", []string{
		`order_number:1047 order-prefix plausible "订单号:1047"`,
	}},
	{"0001047", []string{
		`order_number:1047 bare-number weak "0001047"`,
	}},
	{"Shopify #1047", []string{
		`order_number:1047 shopify plausible "Shopify #1047"`,
	}},
	{"#1047-EU", []string{
		`order_number:#1047-EU order-literal weak "#1047-EU"`,
	}},
	{"SO-1047-2", []string{
		`hub_ref:SO-1047-2 hub-ref plausible "SO-1047-2"`,
		`order_number:SO-1047-2 order-literal weak "SO-1047-2"`,
	}},
	{"INV-1047", []string{
		`hub_ref:INV-1047 hub-ref plausible "INV-1047"`,
		`order_number:INV-1047 order-literal weak "INV-1047"`,
	}},
	{"SEAM-7Q2K", []string{
		`hub_ref:SEAM-7Q2K hub-ref plausible "SEAM-7Q2K"`,
		`order_number:SEAM-7Q2K order-literal weak "SEAM-7Q2K"`,
	}},
	{"1047/1048", []string{
		`order_number:1047 bare-number weak "1047"`,
		`order_number:1048 bare-number weak "1048"`,
	}},
	{"PO-12345", []string{
		`po:PO-12345 po specific "PO-12345"`,
	}},
	{"PO12345", []string{
		`po:PO-12345 po specific "PO12345"`,
		`po:PO12345 po specific "PO12345"`,
	}},
	{"PO# 12345", []string{
		`po:PO-12345 po specific "PO# 12345"`,
		`po:12345 po specific "PO# 12345"`,
	}},
	{"po-2025-00381", []string{
		`po:PO-2025-00381 po specific "po-2025-00381"`,
	}},
	{"采购单 12345", []string{
		`po:PO-12345 po specific "采购单 12345"`,
		`po:12345 po specific "采购单 12345"`,
	}},
	{"ACC-SINV-2025-00127", []string{
		`invoice:ACC-SINV-2025-00127 erpnext-name specific "ACC-SINV-2025-00127"`,
	}},
	{"PUR-ORD-2025-00381", []string{
		`po:PUR-ORD-2025-00381 erpnext-name specific "PUR-ORD-2025-00381"`,
	}},
	{"MAT-PRE-2025-00042", nil}, // a purchase receipt's name: no mapping keys on it
	{"ASN-88213", []string{
		`asn:ASN-88213 asn specific "ASN-88213"`,
	}},
	{"FBA17QX2M4LZ", []string{
		`asn:FBA17QX2M4LZ asn specific "FBA17QX2M4LZ"`,
	}},
	{"1Z999AA10123456784", []string{
		`tracking:1Z999AA10123456784 tracking-ups specific "1Z999AA10123456784"`,
	}},
	{"1Z999AA10123456785", []string{
		`tracking:1Z999AA10123456785 tracking-ups plausible "1Z999AA10123456785"`,
	}},
	{"1Z 999 AA1 0123 4567 84", []string{
		`tracking:1Z999AA10123456784 tracking-ups specific "1Z 999 AA1 0123 4567 84"`,
	}},
	{"DHL 1234567890", []string{
		`tracking:1234567890 tracking-label specific "DHL 1234567890"`,
	}},
	{"1234567890", []string{
		`tracking:1234567890 tracking-digits plausible "1234567890"`,
		`order_number:1234567890 bare-number plausible "1234567890"`,
	}},
	{"FedEx 123456789012", []string{
		`tracking:123456789012 tracking-label specific "FedEx 123456789012"`,
	}},
	{"9400100000000000000001", []string{
		`tracking:9400100000000000000001 tracking-digits plausible "9400100000000000000001"`,
	}},
	{"SF1420012345678", []string{
		`tracking:SF1420012345678 tracking-carrier specific "SF1420012345678"`,
	}},
	{"EE123456789CN", []string{
		`tracking:EE123456789CN tracking-s10 plausible "EE123456789CN"`,
	}},
	{"RB123456785GB", []string{
		`tracking:RB123456785GB tracking-s10 specific "RB123456785GB"`,
	}},
	{"JDVA01234567890", []string{
		`tracking:JDVA01234567890 tracking-carrier specific "JDVA01234567890"`,
	}},
	{"YT7512345678901", []string{
		`tracking:YT7512345678901 tracking-carrier specific "YT7512345678901"`,
	}},
	{"中通 73001234567890", []string{
		`tracking:73001234567890 tracking-label specific "中通 73001234567890"`,
	}},
	{"ch_3QxAbC2eZvKYlo2C0k1m2n3o", []string{
		`payment:ch_3QxAbC2eZvKYlo2C0k1m2n3o stripe-id specific "ch_3QxAbC2eZvKYlo2C0k1m2n3o"`,
	}},
	{"po_1QxAbC2eZvKYlo2C", []string{
		`payout:po_1QxAbC2eZvKYlo2C stripe-id specific "po_1QxAbC2eZvKYlo2C"`,
	}},
	{"txn_3QxAbC2eZvKYlo2C0z1y2x3w", []string{
		`balance_txn:txn_3QxAbC2eZvKYlo2C0z1y2x3w stripe-id specific "txn_3QxAbC2eZvKYlo2C0z1y2x3w"`,
	}},
	{"MSKU1234565", []string{
		`container:MSKU1234565 container specific "MSKU1234565"`,
	}},
	{"CSQU 305438 3", []string{
		`container:CSQU3054383 container specific "CSQU 305438 3"`,
	}},
	{"B/L: HLCUHAM250301234", []string{
		`bl:HLCUHAM250301234 bill-of-lading specific "B/L: HLCUHAM250301234"`,
	}},
	{"531620250000123456", []string{
		`order_id:meituan:531620250000123456 bare-number plausible "531620250000123456"`,
		`entry:531620250000123456 customs-entry plausible "531620250000123456"`,
		`order_number:531620250000123456 bare-number plausible "531620250000123456"`,
	}},
	{"4200002031202503041234567890", []string{
		`payment:4200002031202503041234567890 payment-serial plausible "4200002031202503041234567890"`,
	}},
}

// chineseTests are notes and remarks written in Chinese, as clerks and brokers write them.
var chineseTests = []scanCase{
	{"美团单号 27061900338491023 自取", []string{
		`order_id:meituan:27061900338491023 meituan specific "美团单号 27061900338491023"`,
		`order_number:27061900338491023 meituan specific "美团单号 27061900338491023"`,
	}},
	{"顾客备注：美团外卖订单27061900338491023，到店自取，电话13800001111_5521，实付¥58.60", []string{
		`order_id:meituan:27061900338491023 meituan specific "美团外卖订单27061900338491023"`,
		`order_number:27061900338491023 meituan specific "美团外卖订单27061900338491023"`,
	}},
	{"拼多多订单250304-123456789012345已发圆通YT7512345678901", []string{
		`order_number:250304-123456789012345 pinduoduo specific "拼多多订单250304-123456789012345"`,
		`tracking:YT7512345678901 tracking-label specific "已发圆通YT7512345678901"`,
	}},
	{"合同号：PO-2025-00381，提单COSU6201234567，柜号MSKU1234565", []string{
		`po:PO-2025-00381 po specific "合同号：PO-2025-00381"`,
		`bl:COSU6201234567 bill-of-lading specific "提单COSU6201234567"`,
		`container:MSKU1234565 container specific "MSKU1234565"`,
	}},
	{"抖音订单号：４９８７６５４３２１０９８７６５４３２，顺丰单号 SF1420012345678", []string{
		`order_id:douyin:4987654321098765432 douyin specific "抖音订单号：４９８７６５４３２１０９８７６５４３２"`,
		`order_number:4987654321098765432 douyin specific "抖音订单号：４９８７６５４３２１０９８７６５４３２"`,
		`tracking:SF1420012345678 tracking-label specific "顺丰单号 SF1420012345678"`,
	}},
}

// englishTests are notes, descriptions and memos written in English.
var englishTests = []scanCase{
	{"ref: #1047 thanks", []string{
		`order_number:1047 order-prefix plausible "ref: #1047"`,
	}},
	{"Customer paid $103.50 on 2025-03-04 at 10:15 for order #1047 (SO-1047), shipped UPS 1Z999AA10123456784", []string{
		`order_number:1047 order-prefix plausible "order #1047"`,
		`hub_ref:SO-1047 hub-ref plausible "SO-1047"`,
		`tracking:1Z999AA10123456784 tracking-ups specific "1Z999AA10123456784"`,
	}},
	{"Re-rung Meituan order MT-27061900338491023 at the till, 2 lattes", []string{
		`order_id:meituan:27061900338491023 meituan specific "Meituan order MT-27061900338491023"`,
		`order_number:27061900338491023 meituan specific "Meituan order MT-27061900338491023"`,
	}},
	{"Payment for ACC-SINV-2025-00127 via po_1QxAbC2eZvKYlo2C", []string{
		`invoice:ACC-SINV-2025-00127 erpnext-name specific "ACC-SINV-2025-00127"`,
		`payout:po_1QxAbC2eZvKYlo2C stripe-id specific "po_1QxAbC2eZvKYlo2C"`,
	}},
	{"Call me on +31 6 1234 5678 about PO# 12345, due Mar 4, 2025", []string{
		`po:PO-12345 po specific "PO# 12345"`,
		`po:12345 po specific "PO# 12345"`,
	}},
}

func TestScan(t *testing.T) {
	for _, table := range []struct {
		name  string
		cases []scanCase
	}{{"spelling", spellingTests}, {"chinese", chineseTests}, {"english", englishTests}} {
		t.Run(table.name, func(t *testing.T) {
			for _, tt := range table.cases {
				checkScan(t, tt)
			}
		})
	}
}

// checkScan compares Scan's candidates for tt.in with tt.want, and checks the evidence
// every candidate must carry.
func checkScan(t *testing.T, tt scanCase) {
	t.Helper()
	cs := refscan.Scan("reference_id", tt.in)
	got := make([]string, 0, len(cs))
	for _, c := range cs {
		got = append(got, render(c))
		if c.Field != "reference_id" || c.Raw != tt.in[c.Start:c.End] {
			t.Errorf("Scan(%q): %s has field %q and raw %q at %d:%d", tt.in, c.Ref.ID(), c.Field, c.Raw, c.Start, c.End)
		}
	}
	if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
		t.Errorf("Scan(%q):\n got  %q\n want %q", tt.in, got, tt.want)
	}
}
