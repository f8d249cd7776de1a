package compare

import (
	"slices"
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

// OnsetApart reports whether two given names of one syllable each differ only in their
// first letter, and the two letters are not neighbours on a keyboard: Nam and Tâm, Hùng
// and Tùng, Lan and Lân are two Vietnamese names (a syllable's onset and its marks make
// the word), while a struck neighbour (Mam for Nam) is a slip. People type the first
// letter of their own name right.
func OnsetApart(a, b string) bool {
	wa, wb := normalize.PersonNameWords(a), normalize.PersonNameWords(b)
	if len(wa) != 1 || len(wb) != 1 {
		return false
	}
	ra, rb := []rune(wa[0]), []rune(wb[0])
	if len(ra) != len(rb) || len(ra) < 2 || ra[0] == rb[0] || string(ra[1:]) != string(rb[1:]) {
		return false
	}
	return !keysAdjacent(ra[0], rb[0])
}

// ShareAWord reports whether two names have a word in common once folded (Phuong of
// Thi Phuong), not only words that are slips of each other.
func ShareAWord(a, b string) bool {
	wb := normalize.PersonNameWords(b)
	for _, w := range normalize.PersonNameWords(a) {
		if slices.Contains(wb, w) {
			return true
		}
	}
	return false
}

// keyRows are the letter rows of a QWERTY keyboard.
var keyRows = [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keysAdjacent reports whether two lower-case letters are neighbours on a QWERTY
// keyboard, in one row or in the rows above and below.
func keysAdjacent(a, b rune) bool {
	ra, ca, rb, cb := -1, -1, -1, -1
	for r, row := range keyRows {
		if i := strings.IndexRune(row, a); i >= 0 {
			ra, ca = r, i
		}
		if i := strings.IndexRune(row, b); i >= 0 {
			rb, cb = r, i
		}
	}
	if ra < 0 || rb < 0 {
		return false
	}
	dr, dc := ra-rb, ca-cb
	switch dr {
	case 0:
		return dc == 1 || dc == -1
	case 1:
		return dc == 0 || dc == -1 // a row sits half a key right of the one above: a under q and w
	case -1:
		return dc == 0 || dc == 1
	}
	return false
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

// EnglishBesideVietnamese reports whether two Latin names share a Vietnamese family name
// and beside it one gives a known English given name of one word and the other a
// Vietnamese given name (Andy Pham and Phạm Hiếu, Tony Ngô and Huy Ngo, Kathy Phan and
// Thi Phuong Phan): Vietnamese Americans, Britons and Australians go by an English name
// at work and at school and keep the Vietnamese one on their documents, and write either
// at a checkout. It is as weak as EnglishBesideCantonese is for Hong Kong names (a
// relative looks the same), so the caller asks for more: one mailbox and one phone. One
// side must be Vietnamese by a letter only Vietnamese writes or by one of its commonest
// family names, so that a Chinese name in pinyin (Kevin Zhang, Zhang Wei), which has its
// own rules, never reads so.
func EnglishBesideVietnamese(a, b Name) bool {
	if hasHan(a.text()) || hasHan(b.text()) || !VietnameseName(a) && !VietnameseName(b) {
		return false
	}
	return englishBesideVietnameseReading(a, b, func(_, _, _ string) bool { return true })
}

// englishBesideVietnameseReading reports whether some reading of a and b (family and
// given name, in either field order) shares one family name of one word, and beside it
// one gives a known English given name and the other a Vietnamese one, for which ok
// (the English given name, the Vietnamese one, the family name) holds.
func englishBesideVietnameseReading(a, b Name, ok func(eng, viet, family string) bool) bool {
	for _, ra := range familyGivenReadings(a) {
		for _, rb := range familyGivenReadings(b) {
			fa, fb := normalize.PersonNameWords(ra.family), normalize.PersonNameWords(rb.family)
			if len(fa) != 1 || len(fb) != 1 || nicknameKey(fa[0]) != nicknameKey(fb[0]) {
				continue
			}
			if englishBesideVietnameseGiven(ra.given, rb.given) && ok(ra.given, rb.given, fa[0]) ||
				englishBesideVietnameseGiven(rb.given, ra.given) && ok(rb.given, ra.given, fa[0]) {
				return true
			}
		}
	}
	return false
}

// EnglishNameOnVietnameseMailbox reports whether two Latin names are one Vietnamese
// family's English and Vietnamese given names (EnglishBesideVietnamese) and the mailbox
// both orders came from spells the Vietnamese given name: Amy Duong and Linh Dương from
// linh.duong@yahoo.com, David Do and Do Thanh from thanh88@comcast.net. A mailbox named
// by a given name is its owner's own, and the English name beside it the one that owner
// goes by at checkout; a relative ordering from it would write their own name, which
// the mailbox does not spell. The caller asks that both orders came from that one
// mailbox.
func EnglishNameOnVietnameseMailbox(a, b Name, email string) bool {
	local, _, ok := strings.Cut(strings.ToLower(strings.TrimSpace(email)), "@")
	if !ok || local == "" || hasHan(a.text()) || hasHan(b.text()) || !VietnameseName(a) && !VietnameseName(b) {
		return false
	}
	words := strings.FieldsFunc(local, func(r rune) bool { return r < 'a' || r > 'z' })
	// spells reports whether a word of the local part is the given name (its last
	// word, the one a Vietnamese is called by), alone or run together with the family
	// name, as Google's mailboxes are once their dots are folded (linhduong@gmail.com).
	spells := func(given, family string) bool {
		g := normalize.PersonNameWords(given)
		if len(g) == 0 || len(g[len(g)-1]) < 2 {
			return false
		}
		n, f := nicknameKey(g[len(g)-1]), nicknameKey(family)
		return slices.ContainsFunc(words, func(w string) bool { return w == n || w == n+f || w == f+n })
	}
	return englishBesideVietnameseReading(a, b, func(eng, viet, family string) bool {
		return spells(viet, family) && !spells(eng, family)
	})
}

// englishBesideVietnameseGiven reports whether eng is one known English given name and
// viet a given name of which no word is that name or a form of it, and at least one word
// is no English given name (Hieu, Quoc Dung; Kim Hieu beside Kevin).
func englishBesideVietnameseGiven(eng, viet string) bool {
	e, v := normalize.PersonNameWords(eng), normalize.PersonNameWords(viet)
	if len(e) != 1 || len(v) == 0 || !knownEnglishGiven(e[0]) {
		return false
	}
	foreign := false
	for _, w := range v {
		if w == e[0] || Nicknames(w, e[0]) {
			return false
		}
		foreign = foreign || !knownEnglishGiven(w)
	}
	return foreign
}
