// Package productmatch identifies a goods line that names its product only in words: a
// customs declaration line with a Chinese goods name (GName), an HS code (CodeTS) and its
// declaration elements (GModel, "1|0|乌龙茶|250g|TEA-OOL-250G"), or a marketplace line
// with the platform's own item title. It is pure logic: the resolver hands it the line and
// the products a block lookup found, and gets back ranked candidates with the weight of
// every field, so that each decision can be explained and a close call can go to a person.
//
// Identification goes from certain to scored:
//   - a declaration element that equals a known SKU or alias (the resolver checks those
//     as product keys; ModelElements gives it the elements to check);
//   - otherwise a Fellegi-Sunter style score: the title's words against every title the
//     product was seen under (in any system, so Chinese titles come from marketplace lines
//     that named the same product), the HS code at 10, 8, 6 and 4 digits, and the net
//     size ("250g" = "0.25 kg" = "250克", "中杯" = "M"), where a different size of the
//     same kind is strong evidence against.
//
// A candidate is accepted only when it clears the accept threshold and leads the next one
// by a margin; two teas with the same HS code and size and no title evidence stay a
// suggestion for a person, never a guess.
package productmatch

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Dim is the kind of a size: what two sizes must share to be compared.
type Dim string

// The kinds of size a line names.
const (
	Mass   Dim = "mass"   // milligrams
	Volume Dim = "volume" // microlitres
	Count  Dim = "count"  // pieces, bags, cups (times 1000, to keep one integer scale)
	Size   Dim = "size"   // a size class: 1 small, 2 medium, 3 large
)

// Spec is one size a title or declaration element states, on an integer scale per kind
// so that "250g" and "0.25kg" are equal without floating point.
type Spec struct {
	Dim   Dim
	Value int64
}

// unit scales a unit word to its kind and the integer scale of that kind (milligrams,
// microlitres, thousandths of a piece).
var units = map[string]struct {
	dim   Dim
	scale int64
}{
	"mg": {Mass, 1}, "g": {Mass, 1000}, "gr": {Mass, 1000}, "gram": {Mass, 1000}, "grams": {Mass, 1000},
	"kg": {Mass, 1_000_000}, "kgs": {Mass, 1_000_000}, "克": {Mass, 1000}, "千克": {Mass, 1_000_000},
	"公斤": {Mass, 1_000_000}, "斤": {Mass, 500_000}, "毫克": {Mass, 1},
	"ml": {Volume, 1000}, "cl": {Volume, 10_000}, "l": {Volume, 1_000_000}, "ltr": {Volume, 1_000_000},
	"litre": {Volume, 1_000_000}, "liter": {Volume, 1_000_000}, "毫升": {Volume, 1000}, "升": {Volume, 1_000_000},
	"oz":  {Volume, 29_574}, // US fluid ounce; cups are sold by fluid ounces
	"pcs": {Count, 1000}, "pc": {Count, 1000}, "pieces": {Count, 1000}, "bags": {Count, 1000}, "bag": {Count, 1000},
	"个": {Count, 1000}, "件": {Count, 1000}, "袋": {Count, 1000}, "包": {Count, 1000}, "盒": {Count, 1000},
	"片": {Count, 1000}, "只": {Count, 1000}, "支": {Count, 1000}, "瓶": {Count, 1000}, "杯": {Count, 1000},
}

// sizeWords are size classes as menus and platforms write them.
var sizeWords = map[string]int64{
	"小杯": 1, "中杯": 2, "大杯": 3, "超大杯": 4, "小份": 1, "中份": 2, "大份": 3,
	"small": 1, "medium": 2, "large": 3, "tall": 1, "grande": 2, "venti": 3,
}

// ParseSpecs returns the sizes a text states, in order, each once. Full-width digits
// and letters are folded first ("２５０ｇ"); a number is read with its unit whether or not
// a space separates them ("250 g", "250g", "250克").
func ParseSpecs(s string) []Spec {
	s = strings.ToLower(norm.NFKC.String(s))
	var out []Spec
	add := func(sp Spec) {
		for _, have := range out {
			if have == sp {
				return
			}
		}
		out = append(out, sp)
	}
	for w, v := range sizeWords {
		if strings.Contains(s, w) {
			add(Spec{Size, v})
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) || i > 0 && (unicode.IsLetter(rs[i-1]) && rs[i-1] < unicode.MaxASCII) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.' && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
			j++
		}
		num := string(rs[i:j])
		k := j
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		u := k
		for u < len(rs) && (unicode.IsLetter(rs[u]) && rs[u] < unicode.MaxASCII || unicode.Is(unicode.Han, rs[u])) {
			u++
		}
		if sp, ok := spec(num, string(rs[k:u])); ok {
			add(sp)
		}
		i = j
	}
	return out
}

// spec reads a number and the unit word after it; a Chinese unit may be followed by
// more Han characters ("250克装"), so the longest known prefix of the word counts.
func spec(num, word string) (Spec, bool) {
	for n := len([]rune(word)); n > 0; n-- {
		w := string([]rune(word)[:n])
		u, ok := units[w]
		if !ok {
			continue
		}
		// Latin unit words must end the word: "250gsm" is not 250 g.
		if n < len([]rune(word)) && w[0] < unicode.MaxASCII {
			return Spec{}, false
		}
		v, ok := scaled(num, u.scale)
		if !ok || v <= 0 {
			return Spec{}, false
		}
		return Spec{u.dim, v}, true
	}
	return Spec{}, false
}

// scaled multiplies a decimal string by scale exactly, refusing what does not fit an
// integer of the scale (more decimals than the scale has).
func scaled(num string, scale int64) (int64, bool) {
	whole, frac, _ := strings.Cut(num, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1<<40 {
		return 0, false
	}
	v := w * scale
	for _, d := range frac {
		scale /= 10
		if scale == 0 {
			return v, d == '0' // digits beyond the scale must be zeros
		}
		v += int64(d-'0') * scale
	}
	return v, true
}

// ModelElements splits customs declaration elements (GModel, "1|0|乌龙茶|250g|TEA-OOL-250G")
// into their parts, trimmed, without the empty ones. Brokers separate with "|", and some
// with full-width "｜" or ";" when they type by hand.
func ModelElements(gmodel string) []string {
	f := strings.FieldsFunc(gmodel, func(r rune) bool { return r == '|' || r == '｜' || r == ';' || r == '；' })
	out := f[:0]
	for _, e := range f {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}
