package resolver

import (
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// TestCompoundStandsForTheStreet: where one address names no road, the compound its
// detail names, with the same building and flat numbers, is the road's place.
func TestCompoundStandsForTheStreet(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"紫薇田园都市H座3202", "紫薇田园都市H座3202", true},
		{"正商城4号楼105室", "正商城4#105", true},
		{"独墅湾31号楼3单元2405", "独墅湾31-3-2405", true},
		{"清水河小区23-1-1006", "清水河23栋1单元1006", true},
		{"4栋105", "正商城4#105", false},      // one names no compound: 4-105 of which?
		{"正商城4#105", "绿地世纪城4#105", false}, // two compounds, the same numbers
		{"1099号院幸福小区9号楼1506室", "幸福小区9-1506", true},
		{"星耀城14栋4单元2805室", "星耀城14-2805", true}, // the unit left out
		{"光谷新世界北区3栋1006", "光谷新世界3-1006", true}, // the compound's north side
	} {
		if _, got := compoundForStreet(c.a, c.b); got != c.want {
			t.Errorf("%s ~ %s: compound stands for the street = %v, want %v (compounds %q, %q)",
				c.a, c.b, got, c.want, compoundOf(c.a), compoundOf(c.b))
		}
	}
}

// TestOneEditIsDistanceOne: oneEdit answers what Damerau-Levenshtein distance 1 does,
// on every pair of short strings over a small alphabet (so that replacements, swaps,
// added and dropped characters, and their combinations, all occur) and on ids with
// runes of several bytes.
func TestOneEditIsDistanceOne(t *testing.T) {
	var words []string
	var grow func(prefix string)
	grow = func(prefix string) {
		words = append(words, prefix)
		if len([]rune(prefix)) == 4 {
			return
		}
		for _, r := range "abé" {
			grow(prefix + string(r))
		}
	}
	grow("")
	for _, a := range words {
		for _, b := range words {
			if want := compare.DamerauLevenshtein(a, b) == 1; oneEdit(a, b) != want {
				t.Fatalf("oneEdit(%q, %q) = %v, distance %d", a, b, !want, compare.DamerauLevenshtein(a, b))
			}
		}
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{{"4620985", "4620958", true}, {"4620985", "462098", true}, {"4620985", "46209851", true},
		{"4620985", "4620995", true}, {"4620985", "4602958", false}, {"4620985", "2640985", false}} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
