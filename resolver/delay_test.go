package resolver

import (
	"math"
	"testing"
)

func TestNormPhone(t *testing.T) {
	tests := []struct{ in, country, want string }{
		{"+86 139 0000 1111", "", "+8613900001111"},
		{"0086 13900001111", "", "+8613900001111"},
		{"13900001111", "CN", "+8613900001111"},
		{"13900001111", "", "+8613900001111"},
		{"06-12345678", "NL", "+31612345678"},
		{"+31 6 12345678", "", "+31612345678"},
		{"(020) 7946 0018", "GB", "+442079460018"},
		{"13812345678_1234", "CN", ""}, // Meituan privacy number
		{"138****1111", "CN", ""},      // masked
		{"12345", "NL", ""},
		{"612345678", "NL", ""}, // national number without trunk 0: cannot place
	}
	for _, tt := range tests {
		if got := normPhone(tt.in, tt.country); got != tt.want {
			t.Errorf("normPhone(%q, %q) = %q, want %q", tt.in, tt.country, got, tt.want)
		}
	}
}

func TestCompanyKey(t *testing.T) {
	same := [][]string{
		{"深圳市示例贸易有限公司", "示例贸易", "广东省深圳市示例贸易股份有限公司"},
		{"Example GmbH", "EXAMPLE", "Example Trading Co., Ltd."},
		{"EU Fulfil B.V.", "eu fulfil bv", "EU FULFIL"},
	}
	for _, group := range same {
		want := companyKey(group[0])
		if want == "" {
			t.Fatalf("companyKey(%q) is empty", group[0])
		}
		for _, s := range group[1:] {
			if got := companyKey(s); got != want {
				t.Errorf("companyKey(%q) = %q, want %q like %q", s, got, want, group[0])
			}
		}
	}
	if companyKey("示例贸易有限公司") == companyKey("样本贸易有限公司") {
		t.Error("different companies share a key")
	}
}

func TestNormEmail(t *testing.T) {
	for in, want := range map[string]string{" Mei.Lin@Example.COM ": "mei.lin@example.com", "nope": "", "a@b": "", "m***@x.com": ""} {
		if got := normEmail(in); got != want {
			t.Errorf("normEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzNormalisers(f *testing.F) {
	for _, s := range []string{"+86 139 0000 1111", "深圳市示例贸易有限公司", "Example GmbH", "a@b.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p := normPhone(s, "NL"); p != "" && normPhone(p, "") != p {
			t.Fatalf("normPhone not idempotent: %q -> %q -> %q", s, p, normPhone(p, ""))
		}
		if k := companyKey(s); companyKey(k) != k && k != "" {
			// a key may shrink once more only through generic words; it must not grow
			if len(companyKey(k)) > len(k) {
				t.Fatalf("companyKey grew: %q -> %q", k, companyKey(k))
			}
		}
		_ = normEmail(s)
	})
}

func TestEstimateDelay(t *testing.T) {
	// 800 true ring-ups with delays of mean 120 s, 200 unrelated pairs spread over the hour.
	var dts []float64
	x := uint64(7)
	next := func() float64 {
		x = x*6364136223846793005 + 1442695040888963407
		return float64(x>>11) / float64(1<<53)
	}
	for i := 0; i < 800; i++ {
		dts = append(dts, -120*math.Log(1-next()))
	}
	for i := 0; i < 200; i++ {
		dts = append(dts, 3600*next())
	}
	mu, share := EstimateDelay(dts, 3600)
	if mu < 100 || mu > 140 || share < 0.75 || share > 0.85 {
		t.Fatalf("fit mu %.1f share %.3f, want about 120 and 0.8", mu, share)
	}
}

func TestTimeWeight(t *testing.T) {
	w := DefaultWeights()
	if a, b := timeWeight(w, 60), timeWeight(w, 600); a <= b || a < 3 || b > 0 {
		t.Fatalf("one minute weighs %.2f, ten minutes %.2f", a, b)
	}
}
