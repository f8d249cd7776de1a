package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestWeakNames: the names of the false merges on the Chinese customers' seeds that
// name a family or a household, not one person (李女士, 张先生 with the family's phone;
// 小吴, 阿娜 at the family's flat; 任** behind the platform's mask), and those that name
// one person. A weak name contradicts no one at the level of a party either: 小王 is not
// another person than Wang Tao-Hui, nor Coco than 袁凯鑫.
func TestWeakNames(t *testing.T) {
	for _, tt := range []struct {
		n    compare.Name
		weak bool
	}{
		{compare.Name{Full: "李女士"}, true},
		{compare.Name{Full: "张先生"}, true},
		{compare.Name{Full: "小吴"}, true},
		{compare.Name{Full: "阿娜"}, true},
		{compare.Name{Full: "娜娜"}, true},
		{compare.Name{Full: "任**"}, true},
		{compare.Name{Full: "Coco"}, true},
		{compare.Name{Full: "李畅"}, false},
		{compare.Name{Full: "李思颖"}, false},
		{compare.Name{Given: "思颖", Family: "李"}, false},
		{compare.Name{Full: "Lei Zhang"}, false},
		{compare.Name{}, false},
	} {
		if got := weakName(tt.n); got != tt.weak {
			t.Errorf("weakName(%+v) = %v, want %v", tt.n, got, tt.weak)
		}
	}
	for _, tt := range []struct {
		a, b   string
		contra bool
	}{
		{"李畅", "李思颖", true},
		{"李霞雪", "李颖娜", true},
		{"李女士", "李思颖", false},
		{"小王", "Wang Tao-Hui", false},
		{"Coco", "凯鑫 袁", false},
		{"马馨丽", "马欣丽", false}, // one reading: a typo as often as a sister
	} {
		if got := clusterContradict(compare.Name{Full: tt.a}, compare.Name{Full: tt.b}); got != tt.contra {
			t.Errorf("clusterContradict(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.contra)
		}
	}
}

// TestLatinNamesInPartsAreNotWeak: a storefront's first and last name fields (Joep /
// Slagmolen) name one person, as the same name in one field does; run together they
// read as one word, a given name alone, and the children of one family contradicted
// each other nowhere in a party. A given name alone is still weak.
func TestLatinNamesInPartsAreNotWeak(t *testing.T) {
	joep, vince := compare.Name{Given: "Joep", Family: "Slagmolen"}, compare.Name{Given: "Vince", Family: "Slagmolen"}
	if weakName(joep) {
		t.Errorf("weakName(%+v) = true, want false: a given and a family name", joep)
	}
	if !clusterContradict(joep, vince) {
		t.Errorf("clusterContradict(Joep / Slagmolen, Vince / Slagmolen) = false, want true: two children")
	}
	if coco := (compare.Name{Given: "Coco"}); !weakName(coco) {
		t.Errorf("weakName(%+v) = false, want true: a given name alone", coco)
	}
}

// TestLandlineIsNoOwnPhone: two parties whose Han writings read alike are two people
// (writingsApart) only where each has a phone of its own and none agrees; a home's
// landline is every member's, so a party known by it alone has none: 朱静 on the flat's
// line and 朱晶 on her mobile at that flat may be one person typing a homophone. With
// a mobile on each side they stay two (sisters named a character apart).
func TestLandlineIsNoOwnPhone(t *testing.T) {
	home := "江苏省苏州市相城区人民路2192号狮山花园35幢6单元2601室"
	for _, c := range []struct {
		phone string
		apart bool
	}{
		{"0512-4307023", false},
		{"18432463867", true},
	} {
		pb := &partyBook{info: map[string]PartyInfo{}, profiles: map[string]PartyProfile{
			"x": buyer("朱晶", "13559463509", home),
			"y": buyer("朱静", c.phone, home),
		}}
		if got := pb.writingsApart("x", "y", PartyProfile{}); got != c.apart {
			t.Errorf("朱晶 on a mobile against 朱静 on %s: writings apart = %v, want %v", c.phone, got, c.apart)
		}
	}
}
