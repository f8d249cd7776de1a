package normalize

import (
	"slices"
	"strings"
	"testing"
)

// nameTests are the PersonName table, also the seeds of FuzzPersonName.
var nameTests = []struct{ in, want string }{
	{"Lin Mei", "lin mei"},
	{"Mei Lin", "lin mei"},
	{"MEI, Lin", "lin mei"},
	{"  mei   LIN ", "lin mei"},
	{"ｍｅｉ　ｌｉｎ", "lin mei"}, // full-width letters and ideographic space
	{"José Álvarez", "alvarez jose"},
	{"Jose Alvarez", "alvarez jose"},
	{"Günther Straße", "gunther strasse"},
	{"O'Brien, Seán", "obrien sean"},
	{"O’Brien Sean", "obrien sean"},
	{"Anne-Marie Smith", "anne marie smith"},
	{"J.R.R. Tolkien", "jrr tolkien"},
	{"Mr. John Smith", "john smith"},
	{"Smith, John (Dr)", "john smith"},
	{"Mr", "mr"}, // a title alone is all there is
	{"林 美", "林美"},
	{"林美", "林美"},
	{"林美 Lin Mei", "lin mei 林美"},
	{"王先生", "王"},
	{"李 女士", "李"},
	{"先生", "先生"},
	{"王总", "王"},    // the boss called 王, on a delivery to an office
	{"李老师", "李"},   // a teacher
	{"李哥", "李"},    // brother Li
	{"刘姐", "刘"},    // sister Liu
	{"王建哥", "王建哥"}, // after a whole name it is part of it
	{"王建总", "王建总"}, // after a whole name 总 is part of it
	{"总", "总"},
	{"美林", "美林"}, // CJK order is kept
	{"迈克尔·乔丹", "迈克尔乔丹"},
	{"山田 太郎", "山田太郎"},
	{"ヤマダ・タロウ", "ヤマダタロウ"},
	{"ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ"}, // half-width katakana
	{"김 민수", "김민수"},
	{"Δημήτρης Παπαδόπουλος", "δημήτρησ παπαδόπουλοσ"}, // accents kept, final ς folded to σ
	{"", ""},
	{" ,.- ", ""},
	{"12345", "12345"},
	{"杨晓波1579", "杨晓波"}, // the phone's last four, as Pinduoduo's buyers write them
	{"朱斌 7341", "朱斌"},
}

func TestPersonName(t *testing.T) {
	for _, tt := range nameTests {
		if got := PersonName(tt.in); got != tt.want {
			t.Errorf("PersonName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPersonNameTokens(t *testing.T) {
	got := PersonNameTokens("Mei LIN 林美")
	if want := []string{"lin", "mei", "林美"}; !slices.Equal(got, want) {
		t.Errorf("PersonNameTokens = %q, want %q", got, want)
	}
	if got := PersonNameTokens(""); got != nil {
		t.Errorf("PersonNameTokens(\"\") = %q, want nil", got)
	}
}

func FuzzPersonName(f *testing.F) {
	for _, tt := range nameTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := PersonName(s)
		if again := PersonName(k); again != k {
			t.Fatalf("PersonName(%q) = %q, but PersonName(%q) = %q", s, k, k, again)
		}
		toks := PersonNameTokens(s)
		if !slices.IsSorted(toks) || strings.Join(toks, " ") != k || slices.Contains(toks, "") {
			t.Fatalf("PersonNameTokens(%q) = %q, key %q", s, toks, k)
		}
		if ws := slices.Sorted(slices.Values(PersonNameWords(s))); !slices.Equal(ws, toks) {
			t.Fatalf("PersonNameWords(%q) sorted = %q, PersonNameTokens %q", s, ws, toks)
		}
	})
}

func TestPersonNameWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Wei-Ming Zhang", []string{"wei", "ming", "zhang"}},
		{"ZHANG, Wei", []string{"zhang", "wei"}},
		{"Mr. John Smith", []string{"john", "smith"}},
		{"林美 Lin Mei", []string{"lin", "mei", "林美"}},
		{"王先生", []string{"王"}},
		{"Jason杨", []string{"jason", "杨"}},
		{"杨Jason", []string{"jason", "杨"}},
		{"Tony王建国 Li", []string{"tony", "li", "王建国"}},
		{"杨晓波1579", []string{"杨晓波"}},
		{"", nil},
	} {
		if got := PersonNameWords(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("PersonNameWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
