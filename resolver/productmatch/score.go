package productmatch

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Product is what is known of one catalogue product: every title it was seen under (in
// any system and language), its HS codes, and the sizes those titles state.
type Product struct {
	SKU    string
	Titles []string
	HS     []string
	Specs  []Spec
}

// Query is a goods line that names its product in words.
type Query struct {
	Title string // GName, an item title
	Other string // further descriptive text: the declaration elements, an English name
	HS    string // CodeTS, digits only
}

// Field is one field's contribution to a candidate's score, for evidence.
type Field struct {
	Field  string  `json:"field"`
	Weight float64 `json:"weight"`
	Values string  `json:"values,omitempty"`
}

// Candidate is a product a line may name, with its score and why.
type Candidate struct {
	SKU    string  `json:"sku"`
	Score  float64 `json:"score"`
	Fields []Field `json:"fields"`
}

// Weights are the log2 likelihood-ratio weights of each field's level and the decision
// thresholds. The defaults are set by reasoning about how often each level occurs for the
// same product and for different products of one catalogue (a block shares HS chapter or
// title words), not fitted: a catalogue of tens of products gives no data to fit on.
type Weights struct {
	TitleSame, TitleMost, TitleSome, TitleNone float64 // token overlap >= .9, >= .6, > 0, none
	HS10, HS8, HS6, HS4, HSDiffers             float64
	SizeAgrees, SizeDiffers                    float64
	// Accept links at or above it when the best leads the second by Margin; Review
	// suggests at or above it.
	Accept, Margin, Review float64
}

// DefaultWeights: a title that agrees in most words, or an HS code and size that agree,
// are each good evidence; only two of them together accept. A size of the same kind that
// differs (250 g against 100 g) nearly rules a product out: sizes are what tells variants
// of one product apart.
func DefaultWeights() Weights {
	return Weights{
		TitleSame: 8, TitleMost: 5, TitleSome: 1.5, TitleNone: -2,
		HS10: 4, HS8: 3, HS6: 2, HS4: 0.5, HSDiffers: -6,
		SizeAgrees: 4, SizeDiffers: -10,
		Accept: 9, Margin: 3, Review: 3,
	}
}

// Score scores one product for a line.
func Score(w Weights, q Query, p Product) Candidate {
	c := Candidate{SKU: p.SKU}
	add := func(field string, weight float64, values string) {
		c.Score += weight
		c.Fields = append(c.Fields, Field{Field: field, Weight: weight, Values: values})
	}
	qt := titleTokens(q.Title + " " + q.Other)
	if len(qt) > 0 && len(p.Titles) > 0 {
		best, with := 0.0, ""
		for _, t := range p.Titles {
			if o := overlap(qt, titleTokens(t)); o > best {
				best, with = o, t
			}
		}
		switch {
		case best >= 0.9:
			add("title", w.TitleSame, fmt.Sprintf("%q ~ %q (%.2f)", q.Title, with, best))
		case best >= 0.6:
			add("title", w.TitleMost, fmt.Sprintf("%q ~ %q (%.2f)", q.Title, with, best))
		case best > 0:
			add("title", w.TitleSome, fmt.Sprintf("%q ~ %q (%.2f)", q.Title, with, best))
		default:
			add("title", w.TitleNone, fmt.Sprintf("%q shares no word with %d titles", q.Title, len(p.Titles)))
		}
	}
	if q.HS != "" && len(p.HS) > 0 {
		n, with := 0, ""
		for _, h := range p.HS {
			if k := commonPrefix(q.HS, h); k > n {
				n, with = k, h
			}
		}
		values := q.HS + " ~ " + with
		switch {
		case n >= 10:
			add("hs", w.HS10, values)
		case n >= 8:
			add("hs", w.HS8, values)
		case n >= 6:
			add("hs", w.HS6, values)
		case n >= 4:
			add("hs", w.HS4, values)
		default:
			add("hs", w.HSDiffers, q.HS+" differs from "+strings.Join(p.HS, ", "))
		}
	}
	qs := ParseSpecs(q.Title + " " + q.Other)
	for _, s := range qs {
		agree, differ := false, false
		for _, ps := range p.Specs {
			if ps.Dim != s.Dim {
				continue
			}
			if ps.Value == s.Value {
				agree = true
			} else {
				differ = true
			}
		}
		switch {
		case agree:
			add("size", w.SizeAgrees, fmt.Sprintf("%s %d", s.Dim, s.Value))
		case differ:
			add("size", w.SizeDiffers, fmt.Sprintf("%s %d is not among the product's sizes", s.Dim, s.Value))
		}
	}
	return c
}

// Decision is the outcome of ranking: the product accepted, if any, and the candidates
// in order of score, for evidence and for a person's review.
type Decision struct {
	Accepted   *Candidate
	Candidates []Candidate
	// Reason says why the best candidate was not accepted ("" when one was).
	Reason string
}

// Rank scores every product and decides: the best is accepted when it clears the accept
// threshold and leads the second by the margin; candidates at or above the review
// threshold are kept as suggestions.
func Rank(w Weights, q Query, ps []Product) Decision {
	var all []Candidate
	for _, p := range ps {
		if c := Score(w, q, p); c.Score >= w.Review {
			all = append(all, c)
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Score != all[j].Score {
			return all[i].Score > all[j].Score
		}
		return all[i].SKU < all[j].SKU
	})
	d := Decision{Candidates: all}
	switch {
	case len(all) == 0:
		d.Reason = "no product of the catalogue scores above the review threshold"
	case all[0].Score < w.Accept:
		d.Reason = fmt.Sprintf("best candidate %s scores %.1f, below the accept threshold %.1f", all[0].SKU, all[0].Score, w.Accept)
	case len(all) > 1 && all[0].Score-all[1].Score < w.Margin:
		d.Reason = fmt.Sprintf("%s (%.1f) and %s (%.1f) are too close to tell apart", all[0].SKU, all[0].Score, all[1].SKU, all[1].Score)
	default:
		d.Accepted = &all[0]
	}
	return d
}

// titleTokens are the words of a title that name the product: Latin words in lower case,
// and Han text as overlapping character pairs (Chinese does not separate words; pairs
// match "乌龙茶" in "台湾乌龙茶叶"). Numbers, sizes and one-letter words are left out, since
// sizes are compared on their own.
func titleTokens(s string) map[string]bool {
	s = strings.ToLower(norm.NFKC.String(s))
	out := map[string]bool{}
	var latin strings.Builder
	var han []rune
	flushLatin := func() {
		if w := latin.String(); len(w) > 1 && !stopwords[w] && units[w].dim == "" {
			out[w] = true
		}
		latin.Reset()
	}
	flushHan := func() {
		switch {
		case len(han) == 1:
			if units[string(han)].dim == "" {
				out[string(han)] = true
			}
		case len(han) > 1:
			for i := 0; i+1 < len(han); i++ {
				out[string(han[i:i+2])] = true
			}
		}
		han = han[:0]
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			flushLatin()
			han = append(han, r)
		case unicode.IsLetter(r):
			flushHan()
			latin.WriteRune(r)
		default:
			flushLatin()
			flushHan()
		}
	}
	flushLatin()
	flushHan()
	return out
}

// stopwords carry no product identity.
var stopwords = map[string]bool{"the": true, "and": true, "of": true, "for": true, "with": true, "pack": true, "new": true}

// overlap is the share of the smaller token set found in the other (containment): a
// short GName inside a long marketplace title still agrees.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	small, large := a, b
	if len(b) < len(a) {
		small, large = b, a
	}
	n := 0
	for t := range small {
		if large[t] {
			n++
		}
	}
	return float64(n) / float64(len(small))
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
