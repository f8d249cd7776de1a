package compare

import "testing"

func TestTitleAndGivenGender(t *testing.T) {
	for _, c := range []struct {
		n            Name
		title, given Gender
	}{
		{Name{Full: "张先生"}, GenderMale, GenderUnknown},
		{Name{Full: "李女士"}, GenderFemale, GenderUnknown},
		{Name{Full: "王小姐"}, GenderFemale, GenderUnknown},
		{Name{Full: "Mr. Wang"}, GenderMale, GenderUnknown},
		{Name{Given: "Li", Family: "Mrs Chen"}, GenderFemale, GenderUnknown},
		{Name{Full: "张晶月"}, GenderUnknown, GenderFemale},
		{Name{Given: "海燕", Family: "薛"}, GenderUnknown, GenderFemale},
		{Name{Full: "杨健浩"}, GenderUnknown, GenderMale},
		{Name{Full: "陳俊銘"}, GenderUnknown, GenderMale},    // traditional characters fold
		{Name{Full: "刘华"}, GenderUnknown, GenderUnknown},  // 华 is either
		{Name{Full: "王丽强"}, GenderUnknown, GenderUnknown}, // one of each says nothing
		{Name{Given: "Jingyue", Family: "Zhang"}, GenderUnknown, GenderUnknown},
		{Name{Full: "Mrs. Robinson"}, GenderFemale, GenderUnknown},
		{Name{Full: "Missy Elliott"}, GenderUnknown, GenderUnknown}, // Missy is no title
	} {
		if got := TitleGender(c.n); got != c.title {
			t.Errorf("TitleGender(%+v) = %d, want %d", c.n, got, c.title)
		}
		if got := GivenGender(c.n); got != c.given {
			t.Errorf("GivenGender(%+v) = %d, want %d", c.n, got, c.given)
		}
	}
}

func TestGendersClash(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		{Name{Full: "张先生"}, Name{Full: "张晶月"}, true},
		{Name{Given: "晶月", Family: "张"}, Name{Full: "张先生"}, true},
		{Name{Full: "李女士"}, Name{Full: "李思颖"}, false},
		{Name{Full: "杨先生"}, Name{Full: "杨健浩"}, false},
		{Name{Full: "刘先生"}, Name{Full: "刘华"}, false}, // the name does not tell
		{Name{Full: "张先生"}, Name{Full: "张女士"}, true},
		{Name{Full: "张女士"}, Name{Full: "张小姐"}, false},
		{Name{Full: "张晶月"}, Name{Full: "张健浩"}, false}, // no title: names compare as names
		{Name{Full: "Mr Wang"}, Name{Full: "王丽"}, true},
		{Name{Full: "李哥"}, Name{Full: "李强"}, false}, // brother Li
		{Name{Full: "李姐"}, Name{Full: "李强"}, true},  // sister Li is no 李强
		{Name{Full: "刘哥"}, Name{Full: "刘丽娟"}, true},
	} {
		if got := GendersClash(c.a, c.b); got != c.want {
			t.Errorf("GendersClash(%+v, %+v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestEnglishGenderClash(t *testing.T) {
	for _, c := range []struct {
		a, b Name
		want bool
	}{
		// Anna Xu is not her husband 许凯, whose family name Xu spells as well.
		{Name{Given: "Anna", Family: "Xu"}, Name{Full: "许凯"}, true},
		{Name{Full: "Eric 赵"}, Name{Full: "赵女士"}, true},
		{Name{Given: "Anna", Family: "Xu"}, Name{Full: "徐丽娜"}, false},
		{Name{Full: "Alex Zhang"}, Name{Full: "张丹琪"}, false},        // Alex is either
		{Name{Full: "Helen Wang"}, Name{Full: "王帆轩"}, false},        // the Chinese name does not tell
		{Name{Full: "Anna Smith"}, Name{Full: "John Smith"}, false}, // two English names are NameLevel's
	} {
		if got := EnglishGenderClash(c.a, c.b); got != c.want {
			t.Errorf("EnglishGenderClash(%+v, %+v) = %v, want %v", c.a, c.b, got, c.want)
		}
		if GendersClash(c.a, c.b) {
			t.Errorf("GendersClash(%+v, %+v): an English name's sex is no title's", c.a, c.b)
		}
	}
}
