package normalize

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Company is a company name taken apart for entity resolution.
type Company struct {
	// Key is the comparable name: Tokens joined by single spaces.
	Key string
	// Tokens are the distinctive words, sorted; a Chinese or Japanese name is one token.
	Tokens []string
	// Place is the administrative place the name started with or held in brackets
	// ("深圳", "广东 深圳"), without its 省/市 suffix: a feature to compare, not part of
	// the key, since "深圳市示例贸易有限公司" and "示例贸易" are usually the same company.
	Place string
	// LegalForm lists the legal forms removed, in written order and canonical spelling
	// ("co ltd", "gmbh", "有限公司").
	LegalForm string
}

// parenthesised matches a bracketed part of a folded name, where Chinese names put a place
// ("示例贸易(深圳)有限公司", "示例(中国)有限公司").
var parenthesised = regexp.MustCompile(`\(([^()]*)\)`)

// CompanyName takes a company name apart into a comparable key, its place and its legal
// form. It applies the PersonNameTokens steps (NFKC, case folding, accents and
// punctuation removed, CJK kept together, words sorted) and then removes:
//   - legal forms and generic words at the end of Latin names (Ltd, Limited, Co.,
//     Company, Inc, Corp, LLC, GmbH, AG, KG, B.V., N.V., S.A., SAS, SARL, S.r.l., S.p.A.,
//     Oy, AB, A/S, KK, Pte, Pty, PLC; Group, Holding) and a leading "The";
//   - legal forms at the end of Chinese names (股份有限公司, 有限责任公司, 有限公司, 公司,
//     商行, 株式会社; 集团 as a generic word) and a leading 株式会社;
//   - a leading administrative place (广东省, 深圳市, 广东省深圳市, 上海) and a bracketed
//     one, which go to Place.
//
// Nothing is removed that would leave the name empty, so "Company Ltd" keeps "company".
// Districts (南山区) are not removed: too many names start with characters that look like
// one. Places are only recognised in Chinese; "Shenzhen Example Trading" keeps its
// "shenzhen".
func CompanyName(s string) Company {
	var c Company
	var places []string
	f := fold(s)
	if outside := parenthesised.ReplaceAllString(f, " "); strings.ContainsFunc(outside, isCJK) {
		f = parenthesised.ReplaceAllStringFunc(f, bracketPlace(&places))
	}
	var latin []string
	han := ""
	for _, w := range words(f) {
		if allCJK(w) {
			han += w
		} else {
			latin = append(latin, w)
		}
	}
	han, hanForm := cutHanForms(han)
	if rest, ok := strings.CutPrefix(han, "株式会社"); ok && rest != "" {
		han, hanForm = rest, append([]string{"株式会社"}, hanForm...)
	}
	if p, rest := cutPlace(han); p != nil && utf8.RuneCountInString(rest) >= 2 {
		han, places = rest, append(p, places...)
	}
	latin, latinForm := cutLatinForms(latin, han != "")
	c.Tokens = latin
	if han != "" {
		c.Tokens = append(c.Tokens, han)
	}
	slices.Sort(c.Tokens)
	c.Key = strings.Join(c.Tokens, " ")
	c.Place = strings.Join(places, " ")
	c.LegalForm = strings.Join(append(latinForm, hanForm...), " ")
	return c
}

// bracketPlace returns a replacement function for parenthesised: it moves a bracketed
// place ("(深圳)", "(中国)") to places and leaves any other bracket as it is. It is used
// only when the name outside the brackets is Chinese, so that "(深圳)" alone stays a name.
func bracketPlace(places *[]string) func(string) string {
	return func(m string) string {
		in := strings.Join(words(m[1:len(m)-1]), "")
		if in == "中国" {
			*places = append(*places, in)
			return " "
		}
		if p, rest := cutPlace(in); p != nil && rest == "" {
			*places = append(*places, p...)
			return " "
		}
		return m
	}
}

// cutLatinForms removes the legal forms and generic words of a Latin name, from its end,
// and a leading "the". Trailing single letters are read together ("S. A." is "sa"). It
// keeps at least one word unless more is left elsewhere.
func cutLatinForms(ws []string, more bool) (rest, forms []string) {
	var kept []string
	for i, w := range ws {
		if w != "and" || i == 0 || i == len(ws)-1 { // "Smith and Sons" is "Smith & Sons"
			kept = append(kept, w)
		}
	}
	ws = kept
	canCut := func(n int) bool { return len(ws) > n || more }
	for len(ws) > 0 {
		last := ws[len(ws)-1]
		if f, ok := latinForms[last]; ok && canCut(1) {
			forms, ws = append([]string{f}, forms...), ws[:len(ws)-1]
			continue
		}
		if latinGeneric[last] && canCut(1) {
			ws = ws[:len(ws)-1]
			continue
		}
		j := len(ws)
		for j > 0 && utf8.RuneCountInString(ws[j-1]) == 1 {
			j--
		}
		if n := len(ws) - j; n >= 2 && canCut(n) {
			if f, ok := latinForms[strings.Join(ws[j:], "")]; ok {
				forms, ws = append([]string{f}, forms...), ws[:j]
				continue
			}
		}
		break
	}
	for len(ws) > 0 && ws[0] == "the" && canCut(1) {
		ws = ws[1:]
	}
	return ws, forms
}

// cutHanForms removes legal forms and generic words from the end of a CJK name, keeping
// at least one character.
func cutHanForms(han string) (string, []string) {
	var forms []string
	for cut := true; cut; {
		cut = false
		for _, hf := range hanForms {
			rest, ok := strings.CutSuffix(han, hf.suffix)
			if !ok {
				continue
			}
			if rest != "" { // "有限公司" alone is a name, not 有限 with the form 公司
				han, cut = rest, true
				if hf.form != "" {
					forms = append([]string{hf.form}, forms...)
				}
			}
			break
		}
	}
	return han, forms
}

// cutPlace reads a leading administrative place: a province (with or without its suffix),
// then a city (one of cities, or after a province any name of two or three characters
// ending in 市). It returns the place names without suffixes, or nil.
func cutPlace(s string) (place []string, rest string) {
	rest = s
	if p, r, ok := cutName(rest, provinces, provinceSuffixes); ok {
		place, rest = append(place, p), r
	}
	if p, r, ok := cutName(rest, cities, []string{"市"}); ok {
		return append(place, p), r
	}
	if place != nil {
		rs := []rune(rest)
		for n := 2; n <= 3 && n < len(rs); n++ {
			if rs[n] == '市' {
				return append(place, string(rs[:n])), string(rs[n+1:])
			}
		}
	}
	return place, rest
}

// cutName cuts one of names, and then one of suffixes if present, from the start of s.
func cutName(s string, names, suffixes []string) (name, rest string, ok bool) {
	for _, n := range names {
		if r, found := strings.CutPrefix(s, n); found {
			for _, suf := range suffixes {
				if r2, found := strings.CutPrefix(r, suf); found {
					return n, r2, true
				}
			}
			return n, r, true
		}
	}
	return "", s, false
}
