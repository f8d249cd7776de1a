package resolver

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/seamhub/seam/ontology"
)

// LocationCode is a store or warehouse code as documents name it, with the name and
// address they give and how many documents use it.
type LocationCode struct {
	System, Code, Name, Address string
	Documents                   int64
}

// LocationSuggestion proposes the canonical location an unaliased code probably names.
type LocationSuggestion struct {
	LocationCode
	Location string  // suggested canonical location
	Score    float64 // 0..1
	Reason   string
}

// SuggestLocations looks at codes no alias covers (their stock sits under "system:code")
// and proposes, from names and addresses, the canonical location each probably is: a code
// whose documents give the same name or address as those of an aliased code. People
// confirm a suggestion with setLocationAlias; nothing is applied by itself.
func (r *Registry) SuggestLocations(tenant string, codes []LocationCode) []LocationSuggestion {
	type known struct {
		location string
		tokens   map[string]bool
	}
	var aliased []known
	var open []LocationCode
	for _, c := range codes {
		ref := &ontology.LocationRef{System: c.System, Code: c.Code}
		loc := r.Location(tenant, ref)
		if loc == c.System+":"+c.Code {
			open = append(open, c)
			continue
		}
		aliased = append(aliased, known{loc, nameTokens(c.Name + " " + c.Address)})
		aliased = append(aliased, known{loc, nameTokens(loc)})
	}
	var out []LocationSuggestion
	for _, c := range open {
		mine := nameTokens(c.Name + " " + c.Address + " " + c.Code)
		best := LocationSuggestion{LocationCode: c}
		for _, k := range aliased {
			if s := jaccard(mine, k.tokens); s > best.Score {
				best.Score, best.Location = s, k.location
			}
		}
		if best.Score >= 0.5 {
			best.Reason = "name and address share most words with " + best.Location
			out = append(out, best)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].System+out[i].Code < out[j].System+out[j].Code
	})
	return out
}

// nameTokens splits a name into lower-case words; Han characters count one each.
func nameTokens(s string) map[string]bool {
	out := map[string]bool{}
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out[word.String()] = true
			word.Reset()
		}
	}
	for _, r := range norm.NFKC.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			out[string(r)] = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
