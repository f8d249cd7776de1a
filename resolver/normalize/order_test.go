package normalize

import "testing"

// orderTests are the OrderNumber table, also the seeds of FuzzOrderNumber.
var orderTests = []struct{ in, core, raw string }{
	{"#1047", "1047", "#1047"},
	{"1047", "1047", "1047"},
	{"SO-1047", "1047", "SO-1047"},
	{"SO1047", "1047", "SO1047"},
	{"ORD-0001047", "1047", "ORD-0001047"},
	{"order 1047", "1047", "order 1047"},
	{"  #1047 ", "1047", "#1047"},
	{"No. 1047", "1047", "No. 1047"},
	{"订单号：1047", "1047", "订单号：1047"},
	{"＃１０４７", "1047", "＃１０４７"}, // full-width
	{"1047.", "1047", "1047."},
	{"0000", "0", "0000"},
	{"6920123456789012345", "6920123456789012345", "6920123456789012345"},          // Douyin, beyond 2^53
	{"231015-123456789012345", "231015-123456789012345", "231015-123456789012345"}, // PDD order_sn
	{"SO-1047-2", "SO-1047-2", "SO-1047-2"},
	{"so-1047-2", "SO-1047-2", "so-1047-2"},
	{"1047A", "1047A", "1047A"},
	{"1047 b", "1047 B", "1047 b"},
	{"A  1 2", "A 1 2", "A  1 2"},
	{"ABC", "ABC", "ABC"},
	{"", "", ""},
	{"   ", "", ""},
}

func TestOrderNumber(t *testing.T) {
	for _, tt := range orderTests {
		core, raw := OrderNumber(tt.in)
		if core != tt.core || raw != tt.raw {
			t.Errorf("OrderNumber(%q) = %q, %q; want %q, %q", tt.in, core, raw, tt.core, tt.raw)
		}
	}
}

func FuzzOrderNumber(f *testing.F) {
	for _, tt := range orderTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		core, raw := OrderNumber(s)
		if again, _ := OrderNumber(core); again != core {
			t.Fatalf("OrderNumber(%q) = %q, but OrderNumber(%q) = %q", s, core, core, again)
		}
		if (core == "") != (raw == "") {
			t.Fatalf("OrderNumber(%q) = %q, %q", s, core, raw)
		}
	})
}
