package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/normalize"
)

// European names as shops receive them: Dutch initials written together (T.A. Jacquot
// for Thijn Jacquot), particles that one order spells and the next drops, abbreviates
// or runs into the name (van der Zijl, vd Zijl, Zijl; de la Barberá, DeLaBarberá), and
// Spanish or Portuguese names of two given names and two family names, of which an
// order carries some (Gabino Seve / Blanes against Gabino / Blanes Mate).

// spaceInitials writes initials run together with full stops as separate initials:
// "T.A. Jacquot" as "T. A. Jacquot", "J.Jansen" as "J. Jansen". Names are read word
// by word, and a full stop joins the letters around it (S.p.A., O'Brien), so T.A. was
// one word, ta, that stands for nobody. Only capitals: a Dutch clerk writes a person's
// initials in capitals, while lower-case v.d. is the particle van der.
func spaceInitials(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		b.WriteRune(r)
		if r != '.' || i < 1 || i+1 >= len(rs) || !unicode.IsLetter(rs[i+1]) || !unicode.IsUpper(rs[i-1]) {
			continue
		}
		if i >= 2 && !unicode.IsSpace(rs[i-2]) && rs[i-2] != '.' && rs[i-2] != '-' {
			continue // the last letter of a word (St.Louis), not an initial
		}
		if !unicode.IsUpper(rs[i+1]) {
			continue
		}
		b.WriteRune(' ')
	}
	return b.String()
}

// particles are the words that stand before a family name in Dutch, German, French,
// Italian, Spanish and Portuguese (van der Zijl, von Scholz, de la Barberá, da Silva,
// dos Santos, Di Stefano), and vd, the Dutch abbreviation of van der and van den. Shops
// receive them written, dropped (Dion Zijl), abbreviated (vd Heuvel) or run into the
// name (DeLaBarberá, Vanschevinghuizen, Dacosta), and sort on them or not.
var particles = map[string]bool{
	"van": true, "der": true, "den": true, "de": true, "ter": true, "ten": true, "te": true, "vd": true,
	"von": true, "zu": true, "zum": true, "la": true, "le": true, "du": true, "des": true,
	"di": true, "del": true, "della": true, "dei": true, "degli": true, "dal": true, "dalla": true,
	"da": true, "das": true, "do": true, "dos": true, "las": true, "los": true,
}

// gluedParticles are particles and runs of them as they are written into the family
// name (DeLaBarberá, VanDerBerg, Dacosta), longest first so that dela is cut before de.
var gluedParticles = []string{"vander", "vanden", "vonder", "delas", "delos", "della", "dela", "vande",
	"van", "von", "del", "dos", "das", "de", "da", "do", "di", "du", "vd"}

// withoutParticles returns the words of a Latin name without its particles, each
// dropped where another word follows it (the particle stands before the name it
// introduces); a word with particles run into it is cut to the rest where the other
// name has that rest as a word (DeLaBarberá against de la Barberá or Barberá, never a
// Delgado against a Gado it cannot be told from). A name whose other words are all
// pinyin is left alone: da, de, di, du, le and la are Chinese syllables (Du Wei).
func withoutParticles(words, other []string) []string {
	if len(words) < 2 {
		return words
	}
	rest := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return particles[w] })
	if len(rest) == 0 || allPinyin(rest) {
		return words
	}
	var out []string
	for i, w := range words {
		if particles[w] && i+1 < len(words) {
			continue
		}
		for _, p := range gluedParticles {
			if r, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(r) >= 3 && !slices.Contains(other, w) && slices.Contains(other, r) {
				w = r
				break
			}
		}
		out = append(out, w)
	}
	return out
}

// latinWordsLevel compares two names in Latin letters word by word, and again without
// their particles (see withoutParticles) where those were written on one side only or
// in another form: Dion Zijl, Dion vd Zijl and Dion van der Zijl are one name. The
// better level counts.
func latinWordsLevel(field string, a, b []string) Level {
	l := wordsLevel(field, a, b)
	if l.Kind == Exact {
		return l
	}
	if l.Kind.Agrees() && (initialSkipped(a, b) || initialSkipped(b, a)) {
		return level(field, Different, "%s against %s: the first initial stands for no name of the other", strings.Join(a, " "), strings.Join(b, " "))
	}
	if l.Kind.Agrees() && initialsDiffer(a, b) {
		return level(field, Different, "%s against %s: two initials", strings.Join(a, " "), strings.Join(b, " "))
	}
	if fa, fb := foldedLetters(a), foldedLetters(b); !slices.Equal(fa, a) || !slices.Equal(fb, b) {
		// Sałuda written Saluda, and then Saluuda: the letter shops lack is no edit.
		if alt := latinWordsLevel(field, fa, fb); alt.Kind < l.Kind {
			return alt
		}
		return l
	}
	sa, sb := withoutParticles(a, b), withoutParticles(b, a)
	if len(sa) == 0 || len(sb) == 0 || slices.Equal(sa, a) && slices.Equal(sb, b) {
		return l
	}
	if alt := wordsLevel(field, sa, sb); alt.Kind < l.Kind {
		alt.Why += " [" + strings.Join(a, " ") + " ~ " + strings.Join(b, " ") + ": particles aside]"
		return alt
	}
	return l
}

// foldedLetters returns words with the letters that folding keeps (Polish ł, Danish ø,
// German ß) written as keyboards without them write them (see nicknameKey): accents
// are folded away before names are compared, these letters are not, so Łódź against
// Lodz was two edits where Lódz against Lodz is none.
func foldedLetters(words []string) []string {
	out := words
	for i, w := range words {
		if f := nicknameKey(w); f != w {
			if &out[0] == &words[0] {
				out = slices.Clone(words)
			}
			out[i] = f
		}
	}
	return out
}

// latinPartsAgree returns, for two Latin names given in parts that the whole names
// call Different (l), a Partial level where each part agrees with the other's, one
// holding words the other lacks: Gabino Seve / Blanes against Gabino / Blanes Mate,
// one person of two given names and two family names (Gabino Seve Blanes Mate), the
// middle name written on one order and the second family name on the other. As whole
// names the two share two words and each has one the other lacks, which is how two
// people of a family differ too; part by part, the given names agree and the family
// names agree. A father and son (José / García López, José / García Martínez) differ
// in a family name, and stay Different. Any other pair gets l back.
func latinPartsAgree(a, b Name, l Level) Level {
	if l.Kind != Different {
		return l
	}
	if one, split, ok := oneStringBeside(a, b); ok {
		// LUIS CARRERO VALENZUELA, a card's one string, against Luis Manuel / Carrero:
		// the string holds a given and a family part somewhere between its words,
		// and each of its cuts is read as the form's fields would have held it.
		words := strings.Fields(one)
		for k := 1; k < len(words); k++ {
			cut := Name{Given: strings.Join(words[:k], " "), Family: strings.Join(words[k:], " ")}
			if why, ok := partsAgree(cut, split); ok {
				return level("name", Partial, "%s cut after %q, part by part: %s", one, words[k-1], why)
			}
		}
		return l
	}
	parts := []string{a.Given, a.Family, b.Given, b.Family}
	if slices.ContainsFunc(parts, func(p string) bool { return strings.TrimSpace(p) == "" || HasHan(p) }) {
		return l
	}
	if why, ok := partsAgree(a, b); ok {
		return level("name", Partial, "part by part: %s", why)
	}
	return l
}

// minCutWords is the fewest words of a one-string name cut into a given and a family
// part: two words are compared whole already, in either order.
const minCutWords = 3

// oneStringBeside returns the one-string Latin name of a and b (a card holder's, with no
// parts) and the other, given in parts, and whether there is such a pair.
func oneStringBeside(a, b Name) (one string, split Name, ok bool) {
	for _, p := range [][2]Name{{a, b}, {b, a}} {
		x, y := p[0], p[1]
		if strings.TrimSpace(x.Given) != "" || strings.TrimSpace(x.Family) != "" || strings.TrimSpace(y.Given) == "" || strings.TrimSpace(y.Family) == "" {
			continue
		}
		if HasHan(x.Full+y.Given+y.Family) || len(strings.Fields(x.Full)) < minCutWords {
			continue
		}
		return x.Full, y, true
	}
	return "", Name{}, false
}

// partsAgree reports whether a's given and family parts agree with b's, as given and
// family or crosswise, and why.
func partsAgree(a, b Name) (string, bool) {
	// The fields as they are, then crosswise: a form filled family name first
	// (Andrade / Alice Luana against Alice / Mendes Andrade).
	for _, other := range [][2]string{{b.Given, b.Family}, {b.Family, b.Given}} {
		g := compareNames("given", a.Given, other[0])
		f := compareNames("family", a.Family, other[1])
		if !g.Kind.Agrees() || !f.Kind.Agrees() || g.Kind == MaskedCompatible || f.Kind == MaskedCompatible {
			continue
		}
		if g.Kind == Initials && f.Kind != Exact {
			continue // an initial stands for any given name of the family
		}
		if g.Kind == Partial && !wordsWithin(a.Given, other[0]) || f.Kind == Partial && !wordsWithin(a.Family, other[1]) {
			// Pai-Yen / Chou against Shu Min / Pan crosswise: pai yen against pan, and
			// chou against shu min, are Partial only by a word that looks like another
			// (pai and pan), not by words one part holds and the other lacks; a mother
			// and her daughter of another family name are not one name's parts.
			continue
		}
		return g.Why + "; " + f.Why, true
	}
	return "", false
}

// wordsWithin reports whether the words of one name part are all among the other's
// (Gabino within Gabino Seve), whichever holds more.
func wordsWithin(a, b string) bool {
	wa, wb := normalize.PersonNameWords(a), normalize.PersonNameWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return len(wa) > 0
}

// initialsDiffer reports whether two names, aligned word by word, set two different
// initials against each other: V. Slagmolen and J. Slagmolen are two children of the
// Slagmolens, not one name a letter apart (the letters of the whole names are one edit
// from each other, which read the pair as a slip).
func initialsDiffer(a, b []string) bool {
	for _, p := range align(a, b) {
		x, y := a[p.i], b[p.j]
		if x != y && utf8.RuneCountInString(x) == 1 && utf8.RuneCountInString(y) == 1 {
			return true
		}
	}
	return false
}

// initialSkipped reports whether a's initials, two or more in a row (C. J. de Wit, as
// spaceInitials writes C.J.), match b's given name with a later initial while the first
// stands for no word of b: Johanna de Wit fits the J of C.J. de Wit, but the first
// initial is the first given name, and hers would be J. Read alone, J stood for her,
// and a husband's initials on the family's mailbox made her him.
func initialSkipped(a, b []string) bool {
	start := slices.IndexFunc(a, func(w string) bool { return utf8.RuneCountInString(w) == 1 })
	if start < 0 || start+1 >= len(a) || utf8.RuneCountInString(a[start+1]) != 1 {
		return false
	}
	end := start
	for end < len(a) && utf8.RuneCountInString(a[end]) == 1 {
		end++
	}
	aligned := map[int]bool{}
	for _, p := range align(a, b) {
		if p.grade != gradeNone {
			aligned[p.i] = true
		}
	}
	if aligned[start] {
		return false
	}
	for i := start + 1; i < end; i++ {
		if aligned[i] {
			return true
		}
	}
	return false
}

// OneGivenNameTwoFamilies reports whether two Latin names given in parts agree on the
// given name as a whole (the same, a pet name of it, a slip, or one of two given names)
// and differ in the family name: Marie Martin and Marie Berger, a woman's married and
// maiden names; Liam Rios and Liam Marques, one of a Brazilian's two family names on
// each order. A household's members are told apart by their given names, so the same
// given name on the family's mailbox is its owner's under another family name, not
// another member. Not where either family name spells a common Chinese one (Wei Zhang
// and Wei Li are two people called Wei), where a generation sets them apart (Vicente
// Sá Filho is his father's son), nor for initials, which stand for any name.
func OneGivenNameTwoFamilies(a, b Name) bool {
	for _, p := range []string{a.Given, a.Family, b.Given, b.Family} {
		if strings.TrimSpace(p) == "" || HasHan(p) {
			return false
		}
	}
	if Generation(a) != Generation(b) || chineseFamilies(a.Family) != nil || chineseFamilies(b.Family) != nil {
		return false
	}
	for _, g := range []string{a.Given, b.Given} {
		if slices.ContainsFunc(normalize.PersonNameWords(spaceInitials(g)), func(w string) bool { return utf8.RuneCountInString(w) == 1 }) {
			return false
		}
	}
	if compareNames("family", a.Family, b.Family).Kind == Exact || EnglishSexesApart(a, b) {
		// Mary and Mark Farmer on the family's mailbox: one family name, and a woman's
		// and a man's given names a letter apart, are two members of the household.
		return false
	}
	switch compareNames("given", a.Given, b.Given).Kind {
	case Exact, Nickname, Typo, Partial:
		return true
	}
	return false
}

// ReadsChinese reports whether a person's name is Chinese in any writing: Han
// characters, or a word that spells a common Chinese family name in pinyin, Wade-Giles
// or a dialect's romanisation (Zhang, Chang, Chan, Lee). Rules written for European
// names leave such names to the Chinese ones; a European name with such a word (Du
// Chauvet) is left to them as well, which costs a link, never a merge.
func ReadsChinese(n Name) bool {
	text := n.text()
	if hasHan(text) {
		return true
	}
	for _, w := range normalize.PersonNameWords(text) {
		if len(surnameSpellings()[w]) > 0 {
			return true
		}
	}
	return false
}
