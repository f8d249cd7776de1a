package compare

import "testing"

// TestLookAlikeGivenNames: a given-name character read or typed by its shape (明 as
// 朋) is one name; a sister's other character (桂香 and 桂花), another family name,
// or two characters apart are not.
func TestLookAlikeGivenNames(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Full: "刘朋轩"}, Name{Full: "劉明軒"}, true},
		{Name{Given: "晓朋", Family: "武"}, Name{Full: "武晓明"}, true},
		{Name{Full: "王末"}, Name{Full: "王未"}, true},
		{Name{Full: "张桂香"}, Name{Full: "张桂花"}, false},
		{Name{Full: "张子豪"}, Name{Full: "张子涵"}, false},
		{Name{Full: "刘明轩"}, Name{Full: "陈朋轩"}, false},
		{Name{Full: "刘明轩"}, Name{Full: "刘朋宇"}, false},
		{Name{Full: "刘明"}, Name{Full: "刘明轩"}, false},
		{Name{Full: "王先生"}, Name{Full: "王明"}, false},
		{Name{Full: "Liu Mingxuan"}, Name{Full: "刘朋轩"}, false},
	} {
		if got := LookAlikeGivenNames(c.a, c.b); got != c.want {
			t.Errorf("LookAlikeGivenNames(%+v, %+v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
