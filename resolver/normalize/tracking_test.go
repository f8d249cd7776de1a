package normalize

import (
	"strings"
	"testing"
)

// trackingTests are the TrackingNumber table, also the seeds of FuzzTrackingNumber.
var trackingTests = []struct{ in, want string }{
	{"1Z999AA10123456784", "1Z999AA10123456784"},
	{"1z 999 aa1-0123456784", "1Z999AA10123456784"},
	{" SF1420012345678 ", "SF1420012345678"},
	{"sf-1420-0123-45678", "SF1420012345678"},
	{"ＹＴ７５１２３４５６７８９０１", "YT7512345678901"}, // full-width
	{"YT\t7512\n345678901", "YT7512345678901"},
	{"JD–0012345678", "JD0012345678"}, // en dash
	{"", ""},
	{" - ", ""},
}

func TestTrackingNumber(t *testing.T) {
	for _, tt := range trackingTests {
		if got := TrackingNumber(tt.in); got != tt.want {
			t.Errorf("TrackingNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// carrierTests are the Carrier table, also the seeds of FuzzCarrier.
var carrierTests = []struct{ in, want string }{
	{"dhl", "dhl"},
	{"DHL Express", "dhl"},
	{"DHL-EXPRESS", "dhl"},
	{"UPS", "ups"},
	{"United Parcel Service", "ups"},
	{"FedEx", "fedex"},
	{"Federal Express", "fedex"},
	{"usps", "usps"},
	{"sf-express", "sf-express"},
	{"SF Express", "sf-express"},
	{"顺丰", "sf-express"},
	{"顺丰速运", "sf-express"},
	{"shunfeng", "sf-express"}, // Douyin's company code
	{"china-ems", "china-ems"},
	{"EMS", "china-ems"},
	{"中国邮政EMS", "china-ems"},
	{"yto", "yto"},
	{"圆通", "yto"},
	{"圆通速递", "yto"},
	{"zto", "zto"},
	{"中通", "zto"},
	{"ZTO Express", "zto"},
	{"sto", "sto"},
	{"申通快递", "sto"},
	{"yunda", "yunda"},
	{"韵达", "yunda"},
	{"jd", "jd"},
	{"京东物流", "jd"},
	{"JD Logistics", "jd"},
	{"postnl", "postnl"},
	{"PostNL", "postnl"},
	{"Post NL", "postnl"},
	{"dpd", "dpd"},
	{"DPD", "dpd"},
	{"gls", "gls"},
	{"ＤＨＬ", "dhl"},
	{"DHL eCommerce", ""}, // another carrier: not guessed
	{"DHL Paket", ""},
	{"Royal Mail", ""},
	{"", ""},
}

func TestCarrier(t *testing.T) {
	for _, tt := range carrierTests {
		got, ok := Carrier(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Carrier(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for code := range carrierAliases {
		if got, ok := Carrier(code); !ok || got != code {
			t.Errorf("Carrier(%q) = %q, %v; a code must map to itself", code, got, ok)
		}
	}
}

func FuzzTrackingNumber(f *testing.F) {
	for _, tt := range trackingTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := TrackingNumber(s)
		if again := TrackingNumber(n); again != n {
			t.Fatalf("TrackingNumber(%q) = %q, but TrackingNumber(%q) = %q", s, n, n, again)
		}
		if strings.ContainsAny(n, " -\t\n") {
			t.Fatalf("TrackingNumber(%q) = %q", s, n)
		}
	})
}

func FuzzCarrier(f *testing.F) {
	for _, tt := range carrierTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := Carrier(s)
		if !ok {
			if code != "" {
				t.Fatalf("Carrier(%q) = %q, false", s, code)
			}
			return
		}
		if again, ok := Carrier(code); !ok || again != code {
			t.Fatalf("Carrier(%q) = %q, but Carrier(%q) = %q, %v", s, code, code, again, ok)
		}
	})
}
