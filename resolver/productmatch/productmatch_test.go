package productmatch

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSpecs(t *testing.T) {
	tests := []struct {
		in   string
		want []Spec
	}{
		{"Oolong tea 250 g", []Spec{{Mass, 250_000}}},
		{"乌龙茶250克装", []Spec{{Mass, 250_000}}},
		{"0.25kg", []Spec{{Mass, 250_000}}},
		{"２５０ｇ", []Spec{{Mass, 250_000}}},
		{"Espresso beans 1 kg", []Spec{{Mass, 1_000_000}}},
		{"Glass kettle 1 l", []Spec{{Volume, 1_000_000}}},
		{"Blue mug 350 ml", []Spec{{Volume, 350_000}}},
		{"拿铁 中杯", []Spec{{Size, 2}}},
		{"Drip coffee 10 bags", []Spec{{Count, 10_000}}},
		{"Paper 80gsm", nil},
		{"TS-2231", nil},
		{"1|0|乌龙茶|250g|TEA-OOL-250G", []Spec{{Mass, 250_000}}},
		{"1.5 kg and 1500 g", []Spec{{Mass, 1_500_000}}},
	}
	for _, tt := range tests {
		if got := ParseSpecs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSpecs(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestModelElements(t *testing.T) {
	got := ModelElements(" 1|0| 乌龙茶 ||250g｜TEA-OOL-250G ")
	want := []string{"1", "0", "乌龙茶", "250g", "TEA-OOL-250G"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ModelElements = %q, want %q", got, want)
	}
}

// catalogue is a small tea shop's: two teas share the HS code and the size.
var catalogue = []Product{
	{SKU: "TEA-OOL-250G", Titles: []string{"Oolong tea 250 g", "台湾乌龙茶 250克"}, HS: []string{"0902300000"}, Specs: []Spec{{Mass, 250_000}}},
	{SKU: "TEA-BLK-250G", Titles: []string{"Black tea 250 g", "红茶 250克"}, HS: []string{"0902300000"}, Specs: []Spec{{Mass, 250_000}}},
	{SKU: "TEA-GRN-100G", Titles: []string{"Green tea 100 g", "绿茶 100克"}, HS: []string{"0902100000"}, Specs: []Spec{{Mass, 100_000}}},
	{SKU: "MUG-BLU-350", Titles: []string{"Blue mug 350 ml"}, HS: []string{"6912001000"}, Specs: []Spec{{Volume, 350_000}}},
}

func TestRank(t *testing.T) {
	w := DefaultWeights()
	tests := []struct {
		name   string
		q      Query
		accept string // "" when nothing may be accepted
		first  string // the best candidate, when there is one
	}{
		{"chinese goods name, hs and size", Query{Title: "乌龙茶", Other: "1|0|乌龙茶|250g", HS: "0902300000"}, "TEA-OOL-250G", "TEA-OOL-250G"},
		{"english title with size", Query{Title: "Green tea 100g"}, "TEA-GRN-100G", "TEA-GRN-100G"},
		{"hs and size alone cannot tell two teas apart", Query{Title: "茶叶", Other: "250g", HS: "0902300000"}, "", ""},
		{"a size the product is not sold in rules it out", Query{Title: "乌龙茶", Other: "500g", HS: "0902300000"}, "", ""},
		{"an unrelated good matches nothing", Query{Title: "不锈钢保温杯", Other: "500ml", HS: "7323930000"}, "", ""},
		{"a mug by hs and title", Query{Title: "蓝色马克杯 blue mug", Other: "350ml", HS: "6912001000"}, "MUG-BLU-350", "MUG-BLU-350"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Rank(w, tt.q, catalogue)
			got := ""
			if d.Accepted != nil {
				got = d.Accepted.SKU
			}
			if got != tt.accept {
				t.Fatalf("accepted %q, want %q; candidates %+v; reason %s", got, tt.accept, d.Candidates, d.Reason)
			}
			if tt.first != "" && (len(d.Candidates) == 0 || d.Candidates[0].SKU != tt.first) {
				t.Fatalf("best candidate %+v, want %s", d.Candidates, tt.first)
			}
			if d.Accepted == nil && d.Reason == "" {
				t.Fatal("a line left unresolved needs a reason")
			}
		})
	}
}

func TestEvidenceNamesEveryField(t *testing.T) {
	c := Score(DefaultWeights(), Query{Title: "乌龙茶", Other: "250g", HS: "0902300000"}, catalogue[0])
	var names []string
	sum := 0.0
	for _, f := range c.Fields {
		names = append(names, f.Field)
		sum += f.Weight
	}
	if strings.Join(names, ",") != "title,hs,size" || sum != c.Score {
		t.Fatalf("fields %+v, score %v", c.Fields, c.Score)
	}
}

func FuzzParseSpecs(f *testing.F) {
	for _, s := range []string{"250g", "乌龙茶250克装", "0.25kg", "1|0|x|2.5.5kg", "99999999999999999999g", "中杯 1 l", ".5 kg"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sp := range ParseSpecs(s) {
			if sp.Value <= 0 || sp.Dim == "" {
				t.Fatalf("ParseSpecs(%q) gave %+v", s, sp)
			}
		}
		_ = ModelElements(s)
		_ = titleTokens(s)
	})
}
