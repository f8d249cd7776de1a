package refscan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/refscan"
)

// notIdentifiers are texts whose numbers name no document: phone numbers, dates, times,
// amounts, quantities, and numbers too short to be an order number. Scan must return
// nothing for them.
var notIdentifiers = []string{
	// phones
	"13812345678", "138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "+8613812345678", "8613812345678",
	"13812345678_1234", "电话 13812345678", "手机：１３８１２３４５６７８", "tel: 021-61234567", "021-61234567",
	"(021) 6123 4567", "0755 8123 4567", "06-12345678", "+31 6 1234 5678", "call 400 820 8820",
	// dates and times
	"2025-03-04", "2025/3/4", "04/03/2025", "3/4/25", "2025.03.04", "2025-03", "20250304", "2025-03-04T10:15:22Z",
	"20250304T101522Z", "2025年3月4日", "Mar 4, 2025", "4 March 2025", "10:15", "10:15:22", "10点15分", "日期 20250304",
	// amounts
	"¥58.60", "￥58.6", "$103.50", "€ 1280", "58.60", "58.60元", "1280元", "¥1280", "RMB 1280", "USD 1,280.00",
	"1,280", "12,345,678", "50%", "合计 1280", "实付金额 58", "total 1280", "1280 CNY",
	// quantities and small numbers
	"2 cups", "3杯", "120 pcs", "120 kg", "qty 120", "数量 120", "37", "#37", "37号", "A4", "x2", "3F", "H2O",
	"1203室", "",
}

func TestNotIdentifiers(t *testing.T) {
	for _, in := range notIdentifiers {
		if cs := refscan.Scan("note", in); len(cs) > 0 {
			t.Errorf("Scan(%q) = %v, want nothing", in, ids(cs))
		}
	}
}

// TestNumbersAmongOthers checks that the identifier in a note is read and the phone
// number, date, time and amount around it are not.
func TestNumbersAmongOthers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"电话 13812345678 2025-03-04 10:15 ¥58.60 订单 1047", []string{"order_number:1047"}},
		{"2025-03-04 10:15 picked up MT27061900338491023, paid ¥58.60, rider 13800001111", []string{
			"order_id:meituan:27061900338491023", "order_number:27061900338491023"}},
		{"1,280 units on PO-2025-00381, ETA 2025/3/20", []string{"po:PO-2025-00381"}},
		{"2 cups for #1047 at 10:15", []string{"order_number:1047"}},
		// A system named in front is believed: this number is not asked as a Meituan id.
		{"拼多多 27061900338491023", []string{"order_number:27061900338491023"}},
		{"3杯 美团 27061900338491023 58元", []string{"order_id:meituan:27061900338491023", "order_number:27061900338491023"}},
	} {
		if got := ids(refscan.Scan("note", tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("Scan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestChains checks how numbers with spaces between them are read: as one number when
// they are chunks of one, and as a whole or not at all.
func TestChains(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"2706 1900 3384 91023", []string{"order_id:meituan:27061900338491023", "order_number:27061900338491023"}},
		{"1047 1048", []string{"order_number:1047", "order_number:1048"}},
		{"order 1047 1048 1049", []string{"order_number:1047", "order_number:1048", "order_number:1049"}},
		// Six order numbers, 24 digits: no platform id is that long, so no part of the
		// run is joined either.
		{"1047 1048 1049 1050 1051 1052", []string{"order_number:1047", "order_number:1048", "order_number:1049",
			"order_number:1050", "order_number:1051", "order_number:1052"}},
		{"快递 7300 1234 5678", []string{"tracking:730012345678"}},
		{"1234 5678 90", []string{"order_number:1234", "order_number:5678"}}, // too short to be one id unlabelled
		{"DHL 1234 5678 90", []string{"tracking:1234567890"}},
		{"1047 13812345678", []string{"order_number:1047"}},
	} {
		if got := ids(refscan.Scan("note", tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("Scan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestShortNumbersAreWeakOrderNumbers checks that a bare short number is only ever asked
// as an order number, weakly, and never as a tracking number or platform id.
func TestShortNumbersAreWeakOrderNumbers(t *testing.T) {
	for _, in := range []string{"104", "1047", "10472", "104723", "1047235", "10472351", "0001047", "note 1047 thanks"} {
		cs := refscan.Scan("note", in)
		if len(cs) != 1 {
			t.Errorf("Scan(%q) = %v, want one order number", in, ids(cs))
			continue
		}
		if c := cs[0]; c.Ref.Kind != ontology.RefOrderNumber || c.Strength != refscan.Weak || c.Rule != refscan.RuleBareNumber {
			t.Errorf("Scan(%q) = %s %s %s, want a weak bare order number", in, c.Ref.ID(), c.Rule, c.Strength)
		}
	}
}

// TestLinksOnlyOnEquality plays the resolver's part: a tenant's known keys, and notes
// whose candidates are looked up in them. A candidate matches only a key it equals in
// full; a number one digit off, a prefix of a known number, or a number no document
// carries matches nothing.
func TestLinksOnlyOnEquality(t *testing.T) {
	known := map[string]bool{}
	for _, k := range []string{
		"order_id:meituan:27061900338491023", "order_number:27061900338491023", // one Meituan order
		"order_id:meituan:27061900338491024", "order_number:27061900338491024", // the next one
		"order_number:1047", "order_number:1048", "order_number:2706",
		"tracking:1Z999AA10123456784", "po:PO-2025-00381", "hub_ref:SO-7781",
	} {
		known[k] = true
	}
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"MT-27061900338491023", []string{"order_id:meituan:27061900338491023", "order_number:27061900338491023"}},
		{"MT-27061900338491024", []string{"order_id:meituan:27061900338491024", "order_number:27061900338491024"}},
		{"27061900338491025", nil},                 // one digit off both: no order
		{"2706190033849102", nil},                  // a prefix of a known id, not a known id
		{"MT-2706", []string{"order_number:2706"}}, // the short number, which is known by itself
		{"#1047", []string{"order_number:1047"}},
		{"#10470", nil},
		{"#1049", nil},
		{"SO-7781", []string{"hub_ref:SO-7781"}},
		{"SO-7782", nil},
		{"PO-2025-00382", nil},
		{"1Z999AA10123456793", nil},
		{"note: customer 9999999999999 asked for a receipt", nil},
	} {
		var got []string
		for _, c := range refscan.Scan("note", tt.in) {
			if known[c.Ref.ID()] {
				got = append(got, c.Ref.ID())
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q links %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestOneCandidatePerKey checks that a key read twice is returned once, with its
// strongest reading as evidence.
func TestOneCandidatePerKey(t *testing.T) {
	cs := refscan.Scan("note", "27061900338491023 = MT-27061900338491023")
	if got := strings.Join(ids(cs), " "); got != "order_id:meituan:27061900338491023 order_number:27061900338491023" {
		t.Fatalf("keys = %s", got)
	}
	for _, c := range cs {
		if c.Strength != refscan.Specific || c.Raw != "MT-27061900338491023" || c.Rule != refscan.RuleMeituan {
			t.Errorf("%s read as %s %s from %q, want the MT- reading", c.Ref.ID(), c.Rule, c.Strength, c.Raw)
		}
	}
}
