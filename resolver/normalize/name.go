package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are courtesy titles that some systems put in the name field and others do not.
var (
	latinTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true}
	hanTitles   = []string{"先生", "女士", "小姐"}
	// hanFamilyTitles follow a family name of one character: 王总 for the boss called
	// 王, 李老师 for a teacher. Buyers and couriers write them in a delivery's recipient
	// field (Meituan, Douyin and Pinduoduo orders to an office or a school) as they
	// write 王先生. After two characters or more they are left: 总 may end a given name
	// (王建总), and a compound family name with one is too rare to guess at. 哥 and 姐
	// (李哥, 刘姐: brother Li, sister Liu) are how buyers and couriers write a man or a
	// woman they call by the family name, on the same orders.
	hanFamilyTitles = []string{"总", "老师", "哥", "姐"}
)

// PersonName returns the comparable key of a person's name: the words of
// PersonNameTokens joined by single spaces. "Lin Mei", "MEI, Lin" and "ｍｅｉ  lin"
// give the same key, "lin mei"; "林 美" and "林美" give "林美". It returns "" when the
// name has no letters.
func PersonName(s string) string {
	return strings.Join(PersonNameTokens(s), " ")
}

// PersonNameTokens returns the words of a person's name in a canonical order, for
// order-insensitive comparison (sources disagree on whether the family name comes
// first). The steps are: NFKC (full-width to half-width), case folding, Latin accents
// removed, punctuation dropped ("O'Brien" is "obrien", "Smith-Jones" two words),
// courtesy titles (Mr, Mrs, Ms, Dr...) removed unless they are all there is, and the
// words sorted.
//
// Chinese, Japanese and Korean characters are kept together without spaces, in their
// written order, as one word ("林 美" is "林美"), and a trailing 先生, 女士 or 小姐 is
// removed, as delivery platforms write "王先生" for a customer named 王. Sorting cannot
// reorder a CJK name, so "美林" and "林美" stay different.
func PersonNameTokens(s string) []string {
	out := PersonNameWords(s)
	slices.Sort(out)
	return out
}

// PersonNameWords returns the words of a person's name as PersonNameTokens does, but in
// the order they were written, with the CJK word (if any) last. Comparators that need to
// know which word came first use it: a romanised Chinese name is written family name
// first or last, and "Wei-Ming Zhang" is read as its syllables in order.
//
// Digits are no part of a name: Pinduoduo's buyers write the phone's last four after
// it (杨晓波1579, 朱斌 7341) so that the courier calls the right one of two 朱斌. A word
// of digits alone is dropped, and so are the digits that end a CJK word, unless digits
// are all the name has (a field filled with a number is compared as that number).
func PersonNameWords(s string) []string {
	ws := splitScripts(words(fold(s)))
	named := slices.ContainsFunc(ws, func(w string) bool { return trimDigits(w) != "" })
	out := ws[:0] // the words kept, written over those read
	cjk := ""
	for _, w := range ws {
		if trimmed := trimDigits(w); named && trimmed != w && (trimmed == "" || allCJK(trimmed)) {
			w = trimmed
		}
		if w == "" {
			continue
		}
		if allCJK(w) {
			cjk += w
			continue
		}
		out = append(out, w)
	}
	if slices.ContainsFunc(out, func(w string) bool { return !latinTitles[w] }) || cjk != "" {
		out = slices.DeleteFunc(out, func(w string) bool { return latinTitles[w] })
	}
	for stripped := true; stripped; {
		stripped = false
		for _, t := range hanTitles {
			if rest, ok := strings.CutSuffix(cjk, t); ok && rest != "" {
				cjk, stripped = rest, true
			}
		}
		for _, t := range hanFamilyTitles {
			if rest, ok := strings.CutSuffix(cjk, t); ok && rest != "" && utf8.RuneCountInString(rest) == 1 {
				cjk, stripped = rest, true
			}
		}
	}
	if cjk != "" {
		out = append(out, cjk)
	}
	return out
}

// splitScripts cuts each word that runs Latin (or other non-CJK) letters into CJK
// characters at every change of script: a buyer's "Jason杨" or "杨Jason" is an English
// given name and the family name 杨, two words, as "Jason 杨" is. Read as one word it
// was an English name alone, which contradicts no one: Jason杨 on 胡敏's phone at her
// flat was taken for her. A word of CJK and digits only (杨晓波1579, a waybill's last
// four) is left whole for the digits' own rule. The slice is changed in place where
// nothing is cut.
func splitScripts(ws []string) []string {
	var out []string
	for i, w := range ws {
		runs := scriptRuns(w)
		if runs == nil {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(ws)+len(runs)), ws[:i]...)
		}
		out = append(out, runs...)
	}
	if out == nil {
		return ws
	}
	return out
}

// scriptRuns returns a word's runs of CJK and of other characters where it holds both
// and some other character is a letter; else nil, the word staying whole. Nil rather
// than the word alone in a new slice: nearly every word is of one script, and that
// slice was a sixth of a name comparison's allocations.
func scriptRuns(w string) []string {
	if isASCII(w) {
		return nil
	}
	cjk, letter := false, false
	for _, r := range w {
		if isCJK(r) {
			cjk = true
		} else if unicode.IsLetter(r) {
			letter = true
		}
	}
	if !cjk || !letter {
		return nil
	}
	var runs []string
	start, inCJK, begun := 0, false, false
	for i, r := range w {
		// A combining mark belongs to the character before it, whatever its script: cut
		// off alone it became a word of its own that the next reading of the key drops
		// (fuzzing found 郉 with a Hebrew accent after it).
		if unicode.IsMark(r) {
			continue
		}
		if c := isCJK(r); !begun {
			inCJK, begun = c, true
		} else if c != inCJK {
			runs = append(runs, w[start:i])
			start, inCJK = i, c
		}
	}
	return append(runs, w[start:])
}

// trimDigits is strings.TrimRight(w, "0123456789") without building the set of
// characters on every call: every comparison of two names splits each into words
// many times over.
func trimDigits(w string) string {
	i := len(w)
	for i > 0 && w[i-1] >= '0' && w[i-1] <= '9' {
		i--
	}
	return w[:i]
}
