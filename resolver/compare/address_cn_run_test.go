package compare

import "testing"

func TestSplitRunTogether(t *testing.T) {
	for _, tt := range []struct {
		name, a, b string
		// wantNumber and wantDetail are the run-together side's parts after the split;
		// "" for no split.
		wantNumber, wantDetail string
	}{
		{"the run opens the detail, the building agrees", "书院路35115幢4单元606室", "书院路351号15幢4单元606室", "351", "15幢4单元606室"},
		{"a mark for the building", "蜀都大道6910#2803", "蜀都大道69号10栋2803", "69", "10#2803"},
		{"an estate's name before the building", "回龙观西大街28924栋506", "回龙观西大街289号碧桂24#506", "289", "24栋506"},
		{"full-width digits", "金开大道４８７２６－１４０１", "金开大道4872号6-1401", "4872", "6-1401"},
		{"the building's 号 taken for the street's", "东吴北路151919号楼701室", "东吴北路1519号19号楼701室", "1519", "19号楼701室"},
		{"the other gives no building: five digits split", "江南大道中14873栋2604", "江南大道中1487号", "1487", "3栋2604"},
		{"the other gives no building: four digits stay", "蜀都大道6910#2803", "蜀都大道69号", "", ""},
		{"the building disagrees", "书院路35116幢4单元606室", "书院路351号15幢4单元606室", "", ""},
		{"another street", "书院路35115幢4单元606室", "香港中路351号15幢4单元606室", "", ""},
		{"both write the 号", "书院路351号15幢606室", "书院路351号15幢606室", "", ""},
		{"a number that is not the start of the run", "书院路35115幢606室", "书院路51号15幢606室", "", ""},
		{"what follows the number starts with 0", "书院路35105幢606室", "书院路351号5幢606室", "", ""},
	} {
		a, b := ParseChineseAddress(tt.a), ParseChineseAddress(tt.b)
		for _, swap := range []bool{false, true} {
			x, y := a, b
			if swap {
				x, y = b, a
			}
			sx, sy, note := SplitRunTogether(x, y)
			run, other, otherWas := sx, sy, y
			if swap {
				run, other, otherWas = sy, sx, x
			}
			if tt.wantNumber == "" {
				if note != "" || sx != x || sy != y {
					t.Errorf("%s (swapped %v): split %q: %+v, %+v", tt.name, swap, note, sx, sy)
				}
				continue
			}
			if run.Number != tt.wantNumber || run.Detail != tt.wantDetail || other != otherWas || note == "" {
				t.Errorf("%s (swapped %v): %+v (%q), want number %q, detail %q", tt.name, swap, run, note, tt.wantNumber, tt.wantDetail)
			}
		}
	}
}

func TestChineseStreetKey(t *testing.T) {
	for _, tt := range []struct {
		a    Address
		want string
	}{
		{Address{Street: "书院路", Number: "351号"}, "书院路351"},
		{Address{Street: "書院路", Number: "３５１"}, "书院路351"}, // traditional, full width
		{Address{Street: "书院路"}, ""},                      // no number: the run-together case
		{Address{Street: "Shuyuan Rd", Number: "351"}, ""},
		{Address{Street: "书院路", Number: "351-353"}, ""},
	} {
		if got := ChineseStreetKey(tt.a); got != tt.want {
			t.Errorf("ChineseStreetKey(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}
