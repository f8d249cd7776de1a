package resolver

import "github.com/seamhub/seam/resolver/compare"

// pinyinGivenApart marks as different the given name (or the whole name) of two
// profiles whose pinyin given names are two (compare.PinyinGivensApart): Xu Zhang
// against Jessica Xue Zhang, his daughter at the family's flat, read Xu as part of
// Xue; Zhang Hua against Zhang Hui as one letter's slip. A family name spelt in Hanyu
// pinyin comes with a given name in pinyin, whose syllables are a closed set: another
// syllable is another character, and siblings are named one syllable apart.
func pinyinGivenApart(c *Comparison, a, b PartyProfile) {
	if !compare.PinyinGivensApart(nameOf(a), nameOf(b)) {
		return
	}
	markGivenApart(c, "pinyin given names of two people", c[fieldName].Kind != compare.Null)
}
