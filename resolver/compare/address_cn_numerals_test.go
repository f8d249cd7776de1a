package compare

import "testing"

// TestHanNumeralsAsDigits: a home's numbers written in Han numerals are its numbers;
// names made of numerals (二七区, 三好街, 十里堡) stay as written.
func TestHanNumeralsAsDigits(t *testing.T) {
	for in, want := range map[string]string{
		"绿地城九栋二单元四零三室": "绿地城9栋2单元403室",
		"大王庄三组":        "大王庄3组",
		"十二楼":          "12楼",
		"二十三号楼一一零二":    "23号楼一一零二",
		"一百零三室":        "103室",
		"郑州市二七区三好街":    "郑州市二七区三好街",
		"十里堡":          "十里堡",
		"3栋":           "3栋",
	} {
		if got := string(hanNumeralsAsDigits([]rune(in))); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// TestHanNumeralFlatIsTheFlat: 绿地城九栋二单元四零三室 and 绿地城9栋2单元403 are one
// home; 大王庄三组 is the group 大王庄3组 names.
func TestHanNumeralFlatIsTheFlat(t *testing.T) {
	for _, c := range [][2]string{
		{"河南省郑州市郑东新区农业路1051号绿地城九栋二单元四零三室", "河南省郑州市郑东新区农业路1051号绿地城9栋2单元403"},
		{"河南省周口市郸城县汲冢镇大王庄三组", "河南省周口市郸城县汲冢镇大王庄3组"},
	} {
		a, b := ParseChineseAddress(c[0]), ParseChineseAddress(c[1])
		if got := AddressPartLevel(PartDetail, a, b); !got.Kind.Same() {
			t.Errorf("%s against %s: %v (%s), want the same home", c[0], c[1], got.Kind, got.Why)
		}
	}
}
