package resolver

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// Brothers and sisters are told apart by their middle names where the family gives
// every child one (Mai Thu Lan and Mai Thanh Lan; Mary Ann and Mary Beth Smith; José
// García López and José García Pérez, cousins of one grandfather). A person writes his
// middle name or leaves it out, abbreviates it to an initial or misspells it, but does
// not write another: two names that agree on every word but one each, where those two
// are whole words of their own (not an initial, a nickname or a slip of each other),
// are two people.

// middleWordsApart reports whether two Latin names of three words or more agree on
// all their words but one on each side, in one field of each, and those two are other
// names. Names read as
// Chinese are left to their own rules (romanised syllables), unless vietnamese says
// the names are Vietnamese (a Vietnamese address: Mai Thu Lan without her marks reads
// as pinyin). Only words that are other names count: a slip (Trari for Tran) or a
// sound-alike is not told from a misspelling here.
func middleWordsApart(a, b compare.Name, vietnamese bool) bool {
	// Most names have two words: they are counted before the names are read, which
	// costs more and is asked of every pair compared.
	wa := nameWords(a)
	if len(wa) < 3 {
		return false
	}
	wb := nameWords(b)
	if len(wb) < 3 {
		return false
	}
	vietnamese = vietnamese || compare.VietnameseName(a) || compare.VietnameseName(b)
	if !vietnamese && (compare.ReadsChinese(a) || compare.ReadsChinese(b)) {
		return false
	}
	left := func(ws, other []string) []string {
		rest := append([]string(nil), other...)
		var out []string
		for _, w := range ws {
			found := false
			for i, o := range rest {
				if o == w {
					rest = append(rest[:i], rest[i+1:]...)
					found = true
					break
				}
			}
			if !found {
				out = append(out, w)
			}
		}
		return out
	}
	la, lb := left(wa, wb), left(wb, wa)
	if len(la) != 1 || len(lb) != 1 || !wholeWord(la[0]) || !wholeWord(lb[0]) {
		return false
	}
	if firstFamilyWord(a, la[0]) || firstFamilyWord(b, lb[0]) {
		// Yen / Trari Thi against Yen / Tran Thi: the family name comes first in the
		// family field in either order Vietnamese names are typed in, and a family name
		// is what a slip changes, not what siblings differ in.
		return false
	}
	if !vietnamese {
		// Abril Victoria / Alemán against Abril / Aleman Padron: her second given name
		// on one order, her second family name on the other. Outside Vietnamese, whose
		// order puts any word in either field, the two words must stand in one field.
		fa, fb := fieldOfWord(a, la[0]), fieldOfWord(b, lb[0])
		if fa == "" || fa != fb {
			return false
		}
	}
	return compare.NamePartLevel("given", la[0], lb[0]).Kind == compare.Different
}

// fieldOfWord says which part of a name (given or family) holds the folded word w,
// "" where the name has no parts or both hold it.
func fieldOfWord(n compare.Name, w string) string {
	g, f := slices.Contains(normalize.PersonNameWords(n.Given), w), slices.Contains(normalize.PersonNameWords(n.Family), w)
	switch {
	case g && !f:
		return "given"
	case f && !g:
		return "family"
	}
	return ""
}

// firstFamilyWord reports whether the folded word w is the first word of the name's
// family field.
func firstFamilyWord(n compare.Name, w string) bool {
	f := normalize.PersonNameWords(n.Family)
	return len(f) > 0 && f[0] == w
}

// wholeWord reports whether a folded name word is a name of its own, not initials run
// together (C.J. read as cj): three letters or more, a vowel among them.
func wholeWord(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && strings.ContainsAny(w, "aeiouy")
}

// nameWords returns a name's words, folded, without a generation (José García Pérez
// hijo is José García Pérez): its parts where it has them, else its whole.
func nameWords(n compare.Name) []string {
	text := n.Full
	if n.Given != "" || n.Family != "" {
		text = n.Given + " " + n.Family
	}
	return slices.DeleteFunc(normalize.PersonNameWords(text), func(w string) bool {
		return compare.Generation(compare.Name{Full: "x " + w}) != ""
	})
}

// middleNamesApart makes the names of two profiles differ where middleWordsApart
// says they are two siblings' (see above).
func middleNamesApart(c *Comparison, a, b PartyProfile) {
	if !middleWordsApart(nameOf(a), nameOf(b), a.Country == "VN" || b.Country == "VN") {
		return
	}
	f := fieldGiven
	if c[f].Kind == compare.Null {
		f = fieldName
	}
	c[f] = compare.Level{Kind: compare.Different, Why: "another middle name beside the same given and family names (siblings)"}
}
