package compare

import "testing"

// A delivery app's address is a point of interest picked from the map, its street in
// brackets, then the flat the buyer added: the same home a storefront's buyer writes
// street first.
func TestPointOfInterestReadsLikeTheStreetFirst(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Address
	}{
		{"幸福华庭(钦州路1944号) 14号楼1单元2601", Address{Street: "钦州路", Number: "1944", Detail: "幸福华庭14号楼1单元2601"}},
		{"上海市徐汇区幸福华庭（钦州路1944号）14号楼1单元2601",
			Address{Region: "上海市", City: "上海市", Locality: "徐汇区", Street: "钦州路", Number: "1944", Detail: "幸福华庭14号楼1单元2601"}},
		{"金地里(共和新路874号) 4栋2单元1204室", Address{Street: "共和新路", Number: "874", Detail: "金地里4栋2单元1204室"}},
		{"阳光小区(七莘路805弄9号)1404", Address{Street: "七莘路805弄", Number: "9", Detail: "阳光小区1404"}},
		// A bracket that holds a part of the building is no street: detail, as before.
		{"美团·大众点评北京总部 (恒电大厦B座一层)", Address{Detail: "美团·大众点评北京总部(恒电大厦B座1层)"}},
		// A street without a number in the bracket says less than the form: as before.
		{"幸福华庭(钦州路)14号楼", ParseChineseAddress("幸福华庭(钦州路)14号楼")},
	} {
		if got := ParseChineseAddress(tc.in); got != tc.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.in, got, tc.want)
		}
	}
	poi := ParseChineseAddress("上海市徐汇区 幸福华庭(钦州路1944号) 14号楼1单元2601")
	typed := ParseChineseAddress("上海市徐汇区钦州路1944号幸福华庭14号楼1单元2601")
	if poi != typed {
		t.Errorf("one home, two writings:\n%+v\n%+v", poi, typed)
	}
}
