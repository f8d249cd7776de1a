package compare

import (
	"slices"

	"github.com/seamhub/seam/resolver/normalize"
)

// Levenshtein returns the edit distance of a and b counted in runes: the fewest single
// insertions, deletions and substitutions that turn one into the other.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i, x := range ra {
		diag := row[0]
		row[0] = i + 1
		for j, y := range rb {
			cost := 1
			if x == y {
				cost = 0
			}
			next := min(row[j+1]+1, row[j]+1, diag+cost)
			diag, row[j+1] = row[j+1], next
		}
	}
	return row[len(rb)]
}

// DamerauLevenshtein returns the true (unrestricted) Damerau-Levenshtein distance of a
// and b in runes: Levenshtein's edits plus the swap of two adjacent runes, each costing
// one, where a swapped pair may also be edited further (Lowrance and Wagner's
// algorithm).
//
// We use the true distance rather than the simpler optimal string alignment (OSA),
// which forbids editing a substring twice, because only the true one is a metric: OSA
// gives "ca" to "abc" 3 where two edits suffice ("ca" → "ac" → "abc"), so a level such
// as "at most 2 edits" would depend on which string is the record and which the
// candidate. At distance 0 and 1, which is where most levels are drawn, the two agree;
// the cost is a small table of the runes last seen.
func DamerauLevenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	la, lb := len(ra), len(rb)
	if la == 0 || lb == 0 {
		return la + lb
	}
	inf := la + lb
	w := lb + 2
	d := make([]int, (la+2)*w)
	at := func(i, j int) *int { return &d[i*w+j] }
	*at(0, 0) = inf
	for i := 0; i <= la; i++ {
		*at(i+1, 0), *at(i+1, 1) = inf, i
	}
	for j := 0; j <= lb; j++ {
		*at(0, j+1), *at(1, j+1) = inf, j
	}
	// lastRow holds, per rune of a seen so far, the last row it occurred in. Names have
	// few distinct runes, so a slice scanned linearly beats a map; long text with many
	// distinct runes moves to a map, so that the cost stays len(a)·len(b).
	type seen struct {
		r   rune
		row int
	}
	var lastRow []seen
	var lastRowMap map[rune]int
	rowOf := func(r rune) int {
		if lastRowMap != nil {
			return lastRowMap[r]
		}
		for _, s := range lastRow {
			if s.r == r {
				return s.row
			}
		}
		return 0
	}
	setRow := func(r rune, row int) {
		if lastRowMap != nil {
			lastRowMap[r] = row
			return
		}
		for k := range lastRow {
			if lastRow[k].r == r {
				lastRow[k].row = row
				return
			}
		}
		if lastRow = append(lastRow, seen{r, row}); len(lastRow) > 16 {
			lastRowMap = make(map[rune]int, 64)
			for _, s := range lastRow {
				lastRowMap[s.r] = s.row
			}
		}
	}
	for i := 1; i <= la; i++ {
		lastCol := 0
		for j := 1; j <= lb; j++ {
			i1, j1 := rowOf(rb[j-1]), lastCol
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost, lastCol = 0, j
			}
			*at(i+1, j+1) = min(
				*at(i, j)+cost, // substitution or match
				*at(i+1, j)+1,  // insertion
				*at(i, j+1)+1,  // deletion
				*at(i1, j1)+(i-i1-1)+1+(j-j1-1), // transposition, with edits between
			)
		}
		setRow(ra[i-1], i)
	}
	return *at(la+1, lb+1)
}

// OneEdit reports whether a and b are exactly one edit apart in runes: one insertion,
// deletion, substitution or swap of two adjacent runes, so DamerauLevenshtein(a, b) == 1.
// Every level asks only that question, and the full table costs a training run's tens of
// thousands of random pairs most of their comparison time: a single edit is told in one
// pass over the runes, with no table, and clearly different values (lengths two apart,
// two runes differing) stop at the first place that rules it out.
func OneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	la, lb := len(ra), len(rb)
	if la-lb > 1 {
		return false
	}
	i := 0 // the first rune where they differ
	for i < lb && ra[i] == rb[i] {
		i++
	}
	if la != lb {
		// One rune more: dropping ra's rune at the first difference must give rb.
		return slices.Equal(ra[i+1:], rb[i:])
	}
	if i == la {
		return false // the same runes
	}
	j := la - 1 // the last rune where they differ
	for ra[j] == rb[j] {
		j--
	}
	return j == i || j == i+1 && ra[i] == rb[j] && ra[j] == rb[i]
}

// MongeElkan returns a soft token-set similarity of two word lists: each word is paired
// with its most Jaro-Winkler-similar word on the other side, the best scores are
// averaged, and the two directions are averaged so that the result is symmetric. Unlike
// Jaccard (normalize.Jaccard, for exact word sets) it forgives a typo in each word,
// "kingsford vilage" against "kingsfrod village". Empty lists score 0.
func MongeElkan(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return (mongeElkan(a, b) + mongeElkan(b, a)) / 2
}

func mongeElkan(a, b []string) float64 {
	var sum float64
	for _, x := range a {
		best := 0.0
		for _, y := range b {
			best = max(best, normalize.JaroWinkler(x, y))
		}
		sum += best
	}
	return sum / float64(len(a))
}
