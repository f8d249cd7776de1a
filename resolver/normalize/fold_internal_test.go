package normalize

import (
	"strings"
	"testing"
)

// foldByPasses is fold as its definition reads: foldOnce until the text stays, at most
// four passes.
func foldByPasses(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	for range 4 {
		t := foldOnce(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// TestFoldStopsAtASCII: fold stops once a pass leaves ASCII (Müller is muller) with
// the text the remaining passes would give, compatibility capitals included (ℌ is H
// after NFKC, h after the next pass); text of ASCII and unified Han ideographs folds
// without a pass, and a compatibility ideograph (U+F900) or a broken byte still takes
// the passes.
func TestFoldStopsAtASCII(t *testing.T) {
	for _, s := range []string{"Müller", "MÜLLER", "ℌans", "Ｗｉｌｌｉａｍ", "ﬀ Straße", "Ǆuro", "Nguyễn Văn A", "张伟 Wei", "ÅSA", "Kelvin \u212a", "",
		"上海市浦东新区张江路18号", "㐀丽 LI", "\uf900 Li", "李\xff", "ZHANG 偉"} {
		if got, want := fold(s), foldByPasses(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzFold checks fold against its definition on any text.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Müller", "ℌans", "Ｗｉｌｌｉａｍ", "ﬀ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldByPasses(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestTrimDigits: trimDigits is strings.TrimRight(w, "0123456789").
func TestTrimDigits(t *testing.T) {
	for _, w := range []string{"", "123", "杨晓波1579", "a1b2", "abc", "٣٣"} {
		if got, want := trimDigits(w), strings.TrimRight(w, "0123456789"); got != want {
			t.Errorf("trimDigits(%q) = %q, want %q", w, got, want)
		}
	}
}

// BenchmarkFoldHan folds the Chinese names and addresses a marketplace order gives, and
// a mixed one, as name and address keys do for every comparison of them.
func BenchmarkFoldHan(b *testing.B) {
	texts := []string{"张伟", "欧阳晓燕", "上海市浦东新区张江路88弄12号1201室", "ZHANG 伟", "Müller"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			fold(s)
		}
	}
}
