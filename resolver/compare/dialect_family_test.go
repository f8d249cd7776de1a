package compare

import "testing"

// TestHongKongFamilyBesidePinyinGiven: a family name the dialect table does not list
// keeps its Hong Kong spelling beside a pinyin given name (Zhifei Chiu is 赵志飞, as
// Xiaoming Lee is 李晓明); another family name's spelling still reads as another.
func TestHongKongFamilyBesidePinyinGiven(t *testing.T) {
	for _, c := range []struct {
		latin Name
		han   string
		want  Kind
	}{
		{Name{Given: "Zhifei", Family: "Chiu"}, "赵志飞", Transliterated},
		{Name{Full: "Zhifei Chiu"}, "趙志飛", Transliterated},
		{Name{Given: "Xiaoming", Family: "Lee"}, "李晓明", Transliterated}, // the table's, as before
		{Name{Given: "Zhifei", Family: "Chan"}, "赵志飞", Different},
	} {
		if got := NameLevel(c.latin, Name{Full: c.han}); got.Kind != c.want {
			t.Errorf("%+v against %s: %v (%s), want %v", c.latin, c.han, got.Kind, got.Why, c.want)
		}
	}
}
