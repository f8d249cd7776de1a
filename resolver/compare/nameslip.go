package compare

import (
	"strings"
	"unicode"

	"github.com/seamhub/seam/resolver/normalize"
)

// ScrambledName reports whether two one-word Latin names are one name typed with its
// letters shuffled: the same letters in another order (oeL for Leo, Pcire for Price),
// or all of one word's letters in the other with one letter more or less (Ezia for
// Eliza, aDvs for Davis, eoookC for Cooke). Keys struck out of order or one dropped
// make such words, which edit distance calls far apart; names a family gives its
// members are not made so. Not where the shorter word begins the longer one (Paul and
// Paula, Louis and Louise, Eric and Erica: a name and its feminine form, two people),
// nor for words under three letters, whose letters say nothing (Yi, Iy). Two names
// that are each someone's (Leon and Noel, Mary and Myra) are for the caller to keep
// apart; this reads letters only.
func ScrambledName(a, b string) bool {
	x, y := oneWordLetters(a), oneWordLetters(b)
	if len(x) < 3 || len(y) < 3 || x == y {
		return false
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 || strings.HasPrefix(y, x) {
		return false
	}
	return LetterDifference(x, y) <= 1
}

// LetterDifference counts the letters by which two words differ as bags of letters,
// order aside: the letters of one missing from the other, and the other's missing from
// it (Eliza and Ezia: 1; Charlie and Cahlrae: 2, an i for an a). Only lower-case ASCII
// letters are counted; other characters are ignored.
func LetterDifference(a, b string) int {
	var n [26]int
	for i := 0; i < len(a); i++ {
		if c := a[i]; c >= 'a' && c <= 'z' {
			n[c-'a']++
		}
	}
	for i := 0; i < len(b); i++ {
		if c := b[i]; c >= 'a' && c <= 'z' {
			n[c-'a']--
		}
	}
	d := 0
	for _, v := range n {
		d += max(v, -v)
	}
	return d
}

// oneWordLetters is a one-word Latin name's letters, folded to lower-case ASCII (accents
// dropped), or "" for a name of several words, in another script, or with other
// characters than letters.
func oneWordLetters(s string) string {
	ws := normalize.PersonNameWords(s)
	if len(ws) != 1 {
		return ""
	}
	w := ws[0]
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return ""
		}
	}
	return w
}

// ShuffledCase reports whether a one-word name is written with its capital moved inside it:
// a lower-case first letter and a capital after it (oeL, aDvs, varHery, geeorGe). No one
// writes a name so (McDonald, DeShawn and LaToya start with their capital); it is what
// keys struck out of order make of a name typed with its capital, so the word is a slip
// of some name, not a name of its own.
func ShuffledCase(s string) bool {
	s = strings.TrimSpace(s)
	if strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return false // words with particles (van der Mast) or marks (d'Angelo)
	}
	first := true
	for _, r := range s {
		if first {
			if !unicode.IsLower(r) {
				return false
			}
			first = false
			continue
		}
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// GivenNameOfSomeone reports whether a lower-case word is a given name people are
// called, by the name tables this package keeps (the nickname table, the English names
// of each sex), and by a list of the common given names whose letters spell another
// common one (Noel and Leon, Jonas and Jason): those are two names, never one typed
// with its letters out of order. A word not listed may still be a name; callers ask only
// where a slip is the other reading.
func GivenNameOfSomeone(w string) bool {
	return knownEnglishGiven(w) || womenEnglish[w] || menEnglish[w] || anagramGiven[w]
}

// anagramGiven are common given names spelt with the letters of another common given
// name, give or take one: Noel, Leon and Lionel; Mary, Myra and Mayra; Amy, May and Mya;
// Jason and Jonas; Arnold, Roland and Ronald; Elias, Elisa and Eliza.
var anagramGiven = wordSet("noel leon lionel leona mary myra mayra amy may mya jason jonas arnold roland ronald " +
	"elias elisa elise eliza alise carol carlo coral alan lana dean edna dane enid dina nadia nina lena elna " +
	"neil nile nora rona lorna loran ramon norma roman marta tamar tamra mona ira ria ian ina nia eli lia ali " +
	"alec cale rhea hera ines sean sena mia aimee amie alina liana laina leila lelia silas ellis ollie oliver " +
	"daniel delia ilse lise ross rosa kate keat cora rosa mae ada ava eva kai kia ian dara rada adam maud " +
	"aled dale lade glen gwen sonia sonja jaime jamie maria mira maira")
