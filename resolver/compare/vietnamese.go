package compare

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/resolver/normalize"
)

// Vietnamese names. A Vietnamese given name is one syllable (An, Hưng, Hoàng, Hồng),
// chosen for its meaning from a closed set of words, and brothers, sisters and twins
// are named with syllables that sound alike: Hưng and Hoàng, Hồng and Hưng. Double
// Metaphone, built for English spellings, reads Hoang and Hung both as HNK, and Jaro-
// Winkler finds most short syllables alike, so what is a sound-alike or a near
// spelling elsewhere is another syllable, another name, here. A slip of the keyboard
// (Hng, Huung) is still one.

// vietnameseFamilies are the commonest Vietnamese family names, written without their
// marks, that no other language uses as a family name as written (Lê, Hồ, Lý, Đỗ are
// left out: Le, Ho, Ly and Do are French, Chinese and Portuguese words and names too).
// Nine Vietnamese in ten carry one of these or of those.
var vietnameseFamilies = map[string]bool{
	"nguyen": true, "tran": true, "pham": true, "hoang": true, "huynh": true, "phan": true, "vu": true,
	"vo": true, "dang": true, "bui": true, "duong": true, "dinh": true, "trinh": true, "truong": true,
	"ngo": true, "doan": true, "luong": true,
}

// vietnameseLetter reports whether r is a letter only Vietnamese writes among the
// languages of Latin letters: the horned ư and ơ, the barred đ, and vowels with a dot
// below, a hook above, or a tone mark on a circumflex or breve (ạ, ả, ầ, ắ ...).
func vietnameseLetter(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ư', 'ơ', 'đ':
		return true
	}
	d := []rune(norm.NFD.String(string(r)))
	if len(d) < 2 {
		return false
	}
	for _, m := range d[1:] {
		switch m {
		case '\u0323', '\u0309', '\u031B': // dot below, hook above, horn
			return true
		}
	}
	// A circumflex or breve with a tone mark on it (ầ, ế, ồ, ắ): Vietnamese stacks marks.
	return len(d) >= 3 && (d[1] == '\u0302' || d[1] == '\u0306')
}

// VietnameseName reports whether a name is Vietnamese: written with a letter only
// Vietnamese uses, or carrying one of the commonest Vietnamese family names in either
// field (the family name is written first in Vietnamese order, and checkouts put it in
// either field).
func VietnameseName(n Name) bool {
	s := n.Full + " " + n.Given + " " + n.Family
	if strings.ContainsFunc(s, vietnameseLetter) {
		return true
	}
	for _, w := range normalize.PersonNameWords(s) {
		if vietnameseFamilies[nicknameKey(w)] {
			return true
		}
	}
	return false
}

// MarkedLettersApart reports whether two words of one length differ in exactly one
// letter, and there both letters carry a mark and stand for other base letters: Hồng
// against Hưng, Müller against Möller. A mark is typed on purpose (a dead key, an input
// method), so the letters under it were chosen, not slipped: two names, where folding
// the marks away (hong, hung) left one edit.
func MarkedLettersApart(a, b string) bool {
	ra, rb := []rune(norm.NFC.String(strings.ToLower(strings.TrimSpace(a)))), []rune(norm.NFC.String(strings.ToLower(strings.TrimSpace(b))))
	if len(ra) != len(rb) || len(ra) == 0 {
		return false
	}
	apart := 0
	marked := false
	for i := range ra {
		if ra[i] == rb[i] {
			continue
		}
		apart++
		ba, ma := baseLetter(ra[i])
		bb, mb := baseLetter(rb[i])
		marked = ma && mb && ba != bb
	}
	return apart == 1 && marked
}

// baseLetter returns a letter without its marks, and whether it had any (đ and ł count
// as marked letters of d and l).
func baseLetter(r rune) (rune, bool) {
	switch r {
	case 'đ':
		return 'd', true
	case 'ł':
		return 'l', true
	case 'ø':
		return 'o', true
	}
	d := []rune(norm.NFD.String(string(r)))
	return d[0], len(d) > 1
}
