package normalize

// JaroWinkler returns the Jaro-Winkler similarity of a and b, compared rune by rune: 1
// for equal strings, 0 for strings with nothing in common, and more weight for a shared
// prefix of up to four runes, which is where names and codes usually agree.
// JaroWinkler("MARTHA", "MARHTA") is about 0.961. The prefix bonus is applied only
// above a Jaro score of 0.7, as in Winkler's definition. Two empty strings score 0: no
// evidence is not a match. It takes time proportional to len(a)·len(b), which is meant
// for names and codes, not for documents.
func JaroWinkler(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	j := jaro(ra, rb)
	if j <= 0.7 {
		return j
	}
	l := 0
	for l < 4 && l < len(ra) && l < len(rb) && ra[l] == rb[l] {
		l++
	}
	return j + float64(l)*0.1*(1-j)
}

// jaro returns the Jaro similarity: runes match when equal and no further apart than half
// the longer length, and half the matches that appear in a different order are
// transpositions.
func jaro(a, b []rune) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	window := max(len(a), len(b))/2 - 1
	window = max(window, 0)
	matchedB := make([]bool, len(b))
	var matchA []rune
	for i, r := range a {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for k := lo; k < hi; k++ {
			if !matchedB[k] && b[k] == r {
				matchedB[k] = true
				matchA = append(matchA, r)
				break
			}
		}
	}
	m := len(matchA)
	if m == 0 {
		return 0
	}
	t, n := 0, 0
	for k, r := range b {
		if matchedB[k] {
			if matchA[n] != r {
				t++
			}
			n++
		}
	}
	fm := float64(m)
	return (fm/float64(len(a)) + fm/float64(len(b)) + (fm-float64(t)/2)/fm) / 3
}

// Jaccard returns the Jaccard similarity of two word sets, |a ∩ b| / |a ∪ b|, ignoring
// repeated words: 1 for the same set, 0 for disjoint sets. Two empty sets score 0.
func Jaccard(a, b []string) float64 {
	set := make(map[string]uint8, len(a)+len(b))
	for _, w := range a {
		set[w] |= 1
	}
	for _, w := range b {
		set[w] |= 2
	}
	if len(set) == 0 {
		return 0
	}
	both := 0
	for _, v := range set {
		if v == 3 {
			both++
		}
	}
	return float64(both) / float64(len(set))
}
