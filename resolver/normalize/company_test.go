package normalize

import (
	"slices"
	"strings"
	"testing"
)

// companyTests are the CompanyName table, also the seeds of FuzzCompanyName.
var companyTests = []struct {
	in                    string
	key, place, legalForm string
}{
	{"深圳市示例贸易有限公司", "示例贸易", "深圳", "有限公司"},
	{"示例贸易", "示例贸易", "", ""},
	{"示例贸易有限公司", "示例贸易", "", "有限公司"},
	{"广东省深圳市示例贸易有限公司", "示例贸易", "广东 深圳", "有限公司"},
	{"广东示例贸易股份有限公司", "示例贸易", "广东", "股份有限公司"},
	{"浙江省丽水市示例贸易有限责任公司", "示例贸易", "浙江 丽水", "有限责任公司"},
	{"上海市浦东新区示例贸易有限公司", "浦东新区示例贸易", "上海", "有限公司"}, // districts stay
	{"新疆维吾尔自治区示例贸易有限公司", "示例贸易", "新疆", "有限公司"},
	{"示例贸易（深圳）有限公司", "示例贸易", "深圳", "有限公司"},
	{"示例科技(中国)有限公司", "示例科技", "中国", "有限公司"},
	{"广东示例(深圳)有限公司", "示例", "广东 深圳", "有限公司"},
	{"示例(样品)有限公司", "示例样品", "", "有限公司"}, // not a place: kept
	{"(深圳)", "深圳", "", ""}, // a bracket alone is the name
	{"Example (Shenzhen) Ltd", "example shenzhen", "", "ltd"},
	{"示例集团有限公司", "示例", "", "有限公司"},
	{"示例集團有限公司", "示例", "", "有限公司"},
	{"义乌示例商行", "示例", "义乌", "商行"},
	{"示例 贸易 有限 公司", "示例贸易", "", "有限公司"},
	{"上海", "上海", "", ""},       // a place alone is the name
	{"上海公司", "上海", "", "公司"},   // not "公司" with place 上海
	{"深圳市公司", "深圳市", "", "公司"}, // a one-character remainder is no name
	{"有限公司", "有限公司", "", ""},
	{"株式会社トヨタ", "トヨタ", "", "株式会社"},
	{"トヨタ自動車株式会社", "トヨタ自動車", "", "株式会社"},
	{"Acme Trading Co., Ltd.", "acme trading", "", "co ltd"},
	{"ACME TRADING CO LTD", "acme trading", "", "co ltd"},
	{"Acme Trading Company Limited", "acme trading", "", "co ltd"},
	{"Trading Acme Ltd", "acme trading", "", "ltd"},
	{"The Acme Corporation", "acme", "", "corp"},
	{"Acme, Inc.", "acme", "", "inc"},
	{"Acme Incorporated", "acme", "", "inc"},
	{"Acme LLC", "acme", "", "llc"},
	{"Acme GmbH & Co. KG", "acme", "", "gmbh co kg"},
	{"Acme B.V.", "acme", "", "bv"},
	{"Acme BV", "acme", "", "bv"},
	{"Acme N.V.", "acme", "", "nv"},
	{"Acme S.A.", "acme", "", "sa"},
	{"Acme S. A.", "acme", "", "sa"},
	{"Acme SAS", "acme", "", "sas"},
	{"Acme SARL", "acme", "", "sarl"},
	{"Acme S.r.l.", "acme", "", "srl"},
	{"Acme S.p.A.", "acme", "", "spa"},
	{"Acme Oy", "acme", "", "oy"},
	{"Acme AB", "acme", "", "ab"},
	{"Acme A/S", "acme", "", "as"},
	{"Acme KK", "acme", "", "kk"},
	{"Acme Pte. Ltd.", "acme", "", "pte ltd"},
	{"Acme Pty Ltd", "acme", "", "pty ltd"},
	{"Acme PLC", "acme", "", "plc"},
	{"Acme Group Holding Limited", "acme", "", "ltd"},
	{"Smith and Sons Ltd", "smith sons", "", "ltd"},
	{"Smith & Sons Ltd", "smith sons", "", "ltd"},
	{"Société Générale S.A.", "generale societe", "", "sa"},
	{"ＡＣＭＥ　Ｌｔｄ", "acme", "", "ltd"},
	{"Company Ltd", "company", "", "ltd"}, // nothing removed that would leave no name
	{"Ltd", "ltd", "", ""},
	{"AB Foods", "ab foods", "", ""}, // forms are removed from the end only
	{"示例贸易有限公司 Example Trading Co., Ltd.", "example trading 示例贸易", "", "co ltd 有限公司"},
	{"", "", "", ""},
}

func TestCompanyName(t *testing.T) {
	for _, tt := range companyTests {
		c := CompanyName(tt.in)
		if c.Key != tt.key || c.Place != tt.place || c.LegalForm != tt.legalForm {
			t.Errorf("CompanyName(%q) = key %q, place %q, form %q; want %q, %q, %q",
				tt.in, c.Key, c.Place, c.LegalForm, tt.key, tt.place, tt.legalForm)
		}
		if strings.Join(c.Tokens, " ") != c.Key {
			t.Errorf("CompanyName(%q): tokens %q do not make key %q", tt.in, c.Tokens, c.Key)
		}
	}
}

func TestCompanyNamesMatch(t *testing.T) {
	pairs := [][2]string{
		{"深圳市示例贸易有限公司", "示例贸易"},
		{"Acme Trading Co., Ltd.", "ACME TRADING LIMITED"},
		{"Acme Trading Pte Ltd", "acme trading"},
	}
	for _, p := range pairs {
		if a, b := CompanyName(p[0]).Key, CompanyName(p[1]).Key; a != b {
			t.Errorf("CompanyName(%q) = %q but CompanyName(%q) = %q", p[0], a, p[1], b)
		}
	}
	if a, b := CompanyName("示例贸易").Key, CompanyName("示例科技").Key; a == b {
		t.Errorf("different companies share key %q", a)
	}
}

func FuzzCompanyName(f *testing.F) {
	for _, tt := range companyTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CompanyName(s)
		if !slices.IsSorted(c.Tokens) || strings.Join(c.Tokens, " ") != c.Key || slices.Contains(c.Tokens, "") {
			t.Fatalf("CompanyName(%q) = %+v", s, c)
		}
		if (c.Key == "") != (PersonName(s) == "") {
			t.Fatalf("CompanyName(%q) has key %q but PersonName %q", s, c.Key, PersonName(s))
		}
		// A legal form added at the end changes nothing but the form.
		if c.Key != "" {
			if d := CompanyName(s + " Ltd"); d.Key != c.Key || d.Place != c.Place {
				t.Fatalf("CompanyName(%q) = %+v, but with Ltd %+v", s, c, d)
			}
		}
	})
}
