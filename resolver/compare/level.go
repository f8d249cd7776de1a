package compare

import "fmt"

// Kind is a comparison level: how two values agree. The kinds are shared by all
// comparators so that a Fellegi-Sunter scorer can keep its m and u probabilities in an
// array indexed by Kind for each field; each comparator documents, strongest first, the
// kinds it returns (NameKinds, DateKinds, ...), and returns each pair of values the
// first kind of that list that applies.
type Kind uint8

// The comparison levels. Their order here is only a rough order of strength; the
// strength that counts is the weight the scorer fits for each field.
const (
	// Null: the value is missing on either side, or masked so that nothing is visible.
	// It is no evidence either way and weighs nothing.
	Null Kind = iota
	// Exact: the values are the same once normalised.
	Exact
	// Transliterated: the same name in another script, 张伟 and Zhang Wei.
	Transliterated
	// Nickname: given names that are forms of one name, Bob and Robert.
	Nickname
	// Transposed: the day and month of a date swapped, 1987-03-12 and 1987-12-03.
	Transposed
	// Typo: one edit apart (Damerau-Levenshtein distance 1): a letter or digit
	// inserted, dropped, changed, or two neighbours swapped.
	Typo
	// Phonetic: sounds alike (Double Metaphone codes shared), or Chinese names that
	// read the same but are written with other characters (章伟 and 张伟).
	Phonetic
	// Similar: Jaro-Winkler similarity at or above the comparator's lower threshold.
	Similar
	// Initials: an initial stands for a name on the other side, J. Smith and John
	// Smith. Never exact: J could be John or Jane.
	Initials
	// Partial: one value agrees with a part of the other: a family name alone against
	// a full name, the same mailbox name at another domain, the same street in another
	// town.
	Partial
	// YearOff: dates a year apart, with day and month equal.
	YearOff
	// MaskedCompatible: a platform masked one or both values (138****5678, 张**) and
	// the visible parts agree. Weak evidence by design: many people share what a mask
	// leaves visible, so it must never be the only agreeing field (see MaskedOnly).
	MaskedCompatible
	// Different: the values disagree.
	Different
	// MaskedDigits: a masked phone number whose visible digits, at least seven, all
	// agree with a plain number: the first three and last four of a mainland mobile
	// (185****8209), which two people share by chance about once in a few hundred
	// thousand pairs. Stronger than MaskedCompatible, but what hides the rest also hides
	// which member of a household sharing the number it is. It comes after Different so
	// that models stored before it keep their indices (it weighs 0 in them).
	MaskedDigits
	// Dwelling: the same home within an area, told by its numbers: building, unit and
	// flat of a Chinese address (29栋1单元2701 and 29-1-2701), a village group and its
	// house (10组100号). Exact agreement that strangers reach far less often than on a
	// detail such as "Room 5" or a flat number alone, which two buildings of one
	// compound share. It comes last so that models stored before it keep their indices
	// (a model without weights for it weighs it as Exact: see the scorer).
	Dwelling
	// OtherHome: two homes told apart by their numbers (29-1-2701 and 28-3-3103): what
	// two namesakes of one compound write, and one person only after a move, where
	// Different also covers a detail written another way (a pickup point's name, an
	// English form). Appended as Dwelling is; a model without weights for it weighs it
	// as Different.
	OtherHome
	// Building: the same building of one compound, its flat not told: a parcel locker
	// numbered by the building it stands at (鲁能星城中通快递超市(24号柜)) against a home
	// in that building (鲁能星城24栋405). Stronger than the compound alone (Partial),
	// which every household of a compound shares, weaker than the flat. Appended as
	// Dwelling is; a model without weights for it weighs it as Partial.
	Building
	// Homophone: two Han names of one family name whose given names read alike, toneless,
	// character by character, written with other characters (梁树林 and 梁树临, 李雨欣 and
	// 李雨馨): the slip of a pinyin input method, which offers the sound's characters
	// and lets the buyer pick the wrong one. It says as much as a name written in
	// another script does (Transliterated: 李雨欣 against Li Yuxin also tells the
	// sound, not the characters), more than Phonetic, which also covers another family
	// name of a fuzzy reading (陈 and 程) and sounds alike in Latin letters. Appended as
	// Dwelling is; a model without weights for it weighs it as Phonetic, what it
	// fitted for these names before.
	Homophone

	// NumKinds is the number of kinds, for arrays indexed by Kind.
	NumKinds = int(Homophone) + 1
)

var kindNames = [NumKinds]string{"null", "exact", "transliterated", "nickname", "transposed", "typo",
	"phonetic", "similar", "initials", "partial", "year-off", "masked-compatible", "different", "masked-digits", "dwelling", "other-home",
	"building", "homophone"}

// String returns the kind's name as evidence and logs print it: "exact", "masked-compatible".
func (k Kind) String() string {
	if int(k) < NumKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// strength orders the kinds by strength where their order as constants does not:
// the kinds appended after Different for stored models' sake. A kind's rank is its
// constant, but for those, which rank as their documentation places them.
var strength = func() [NumKinds]float64 {
	var r [NumKinds]float64
	for k := range Kind(NumKinds) {
		r[k] = float64(k)
	}
	r[MaskedDigits] = float64(MaskedCompatible) - 0.5
	r[Dwelling] = float64(Exact) - 0.5
	r[OtherHome] = float64(Different) + 0.5
	r[Building] = float64(Partial) - 0.5
	r[Homophone] = float64(Transliterated) + 0.5
	return r
}()

// Stronger reports whether kind k says more for agreement than kind o: Homophone is
// stronger than Nickname and Typo, though appended after them.
func (k Kind) Stronger(o Kind) bool {
	if int(k) >= NumKinds || int(o) >= NumKinds {
		return k < o
	}
	return strength[k] < strength[o]
}

// Agrees reports whether the kind is evidence of agreement at some strength: every kind
// but Null and Different.
func (k Kind) Agrees() bool { return k != Null && !k.Differs() && int(k) < NumKinds }

// Differs reports whether the kind is evidence that the values disagree: Different, or
// OtherHome, two homes.
func (k Kind) Differs() bool { return k == Different || k == OtherHome }

// Same reports whether the kind says the values are the same: Exact, or Dwelling, the
// same home told by its numbers.
func (k Kind) Same() bool { return k == Exact || k == Dwelling }

// Level is the result of one comparison: its kind and a short explanation for the
// evidence a merge keeps, such as "name: similar (jaro-winkler 0.90 >= 0.88)".
type Level struct {
	Kind Kind
	Why  string
}

// String returns the explanation.
func (l Level) String() string { return l.Why }

// level builds a Level whose explanation names the field, the kind and, when there is
// one, the detail that decided it.
func level(field string, k Kind, detail string, args ...any) Level {
	var why string
	if w, ok := fieldKindWhys[field]; ok && int(k) < NumKinds {
		why = w[k]
	} else {
		why = field + ": " + k.String()
	}
	if detail != "" {
		why += " (" + fmt.Sprintf(detail, args...) + ")"
	}
	return Level{Kind: k, Why: why}
}

// fieldKindWhys holds "field: kind" for the fields the comparators name, written
// once: every comparison of two profiles builds a dozen levels, and concatenating
// each one's explanation was a sixth of a name comparison's allocations. Read only
// after it is built.
var fieldKindWhys = func() map[string]*[NumKinds]string {
	fields := append([]string{"name", "given", "family", "date", "email", "phone", "address", "country", "nid"}, partNames[:]...)
	out := make(map[string]*[NumKinds]string, len(fields))
	for _, f := range fields {
		var ws [NumKinds]string
		for k := range Kind(NumKinds) {
			ws[k] = f + ": " + k.String()
		}
		out[f] = &ws
	}
	return out
}()

// MaskedOnly reports whether masked values are the only agreement among the levels of
// one candidate pair: some level is MaskedCompatible and no other agrees. A scorer must
// not link such a pair however the weights add up: two different buyers in one city
// share 李** and 张** as easily as one buyer does. MaskedDigits is agreement of its own
// here: seven digits of one number are not what strangers share (a scorer still asks
// for a name and a place beside them, against a household sharing the number).
func MaskedOnly(levels ...Level) bool {
	masked := false
	for _, l := range levels {
		switch {
		case l.Kind == MaskedCompatible:
			masked = true
		case l.Kind.Agrees():
			return false
		}
	}
	return masked
}
