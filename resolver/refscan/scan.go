package refscan

import (
	"cmp"
	"slices"
	"strings"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/check"
)

// Scan returns the identifiers of other systems that text may name, in the order they
// appear, each key once at its strongest reading. field names where the text came from
// ("reference_id", "note", "NoteS") and is copied into each candidate's evidence.
//
// Scan never fails: text that names nothing gives no candidates. Every candidate's Raw is
// text[Start:End].
func Scan(field, text string) []Candidate {
	us := fold(text)
	s := scanner{field: field, text: text, us: us, lx: lex(text, us), seen: map[ontology.Ref]int{}}
	s.run()
	slices.SortStableFunc(s.out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.Strength, a.Strength))
	})
	return s.out
}

// scanner holds one scan's text and what it has found.
type scanner struct {
	field, text string
	us          []unit
	lx          []lexeme
	out         []Candidate
	seen        map[ontology.Ref]int // index in out of each key found
}

// run reads the lexemes in order. A token is read together with the tokens after it
// when they make one number with spaces in it ("2706 1900 3384 91023",
// "1Z 999 AA1 0123 4567 84"); otherwise alone. A run of numbers with spaces between is
// one number as a whole or none: its tail is never joined on its own, so "1047 1048 1049
// 1050 1051 1052" stays six order numbers.
func (s *scanner) run() {
	single := -1 // the tokens up to here belong to a chain that is not one number
	for i := 0; i < len(s.lx); i++ {
		l := s.lx[i]
		if l.kind != lexToken {
			continue
		}
		if j, ok := s.spacedContainer(i); ok {
			i = j
			continue
		}
		if countDigits(l.text) == 0 {
			continue
		}
		if j, ok := s.spacedUPS(i); ok {
			i = j
			continue
		}
		if allDigits(l.text) && i > single {
			j, n := s.chainEnd(i)
			if j > i && n <= maxChain && s.chain(i, j) {
				i = j
				continue
			}
			single = j
		}
		s.token(i)
	}
}

// shortSpace reports whether lexeme k is a space that may sit inside a number: one or
// two characters on the same line.
func (s *scanner) shortSpace(k int) bool {
	return k < len(s.lx) && s.lx[k].kind == lexSpace && !s.lx[k].newline && s.lx[k].width <= 2
}

// maxChain is more digits than any chain of numbers is joined into.
const maxChain = 30

// chainEnd returns the last of the digit tokens that follow token i with short spaces
// between them (i when none does), and how many digits they hold together.
func (s *scanner) chainEnd(i int) (int, int) {
	j, n := i, len(s.lx[i].text)
	for s.shortSpace(j+1) && s.digitsAt(j+2, 0) {
		j += 2
		n += len(s.lx[j].text)
	}
	return j, n
}

// chain reads digit tokens i to j, separated by spaces, and reports whether it used
// them. A phone number is used up and gives nothing. Otherwise the tokens are one number
// only when they look like chunks of one (three to six digits each) and together have
// the length of what the labels in front name (any platform id or tracking number when
// there is no label), or when they are a Pinduoduo order_sn with a space for its dash.
// "order 1047 1048" stays two numbers.
func (s *scanner) chain(i, j int) bool {
	var parts []string
	for k := i; k <= j; k += 2 {
		parts = append(parts, s.lx[k].text)
	}
	d := strings.Join(parts, "")
	c := s.context(i, j)
	if c.never || c.labels&labPhone != 0 || !c.named() && (chinaMobile(d) || landline(parts)) {
		return true
	}
	chunks := chunked(parts[:len(parts)-1]) && len(parts[len(parts)-1]) <= 6
	fits := func(lo, hi int) bool { return chunks && len(d) >= lo && len(d) <= hi }
	_, pdd := pddSN(d)
	pdd = pdd && len(parts) == 2 && len(parts[0]) == 6
	var join bool
	switch {
	case pdd:
		join = true
	case c.labels&labTracking != 0:
		join = fits(8, 30)
	case c.labels&labMeituan != 0:
		join = fits(12, 20)
	case c.labels&labDouyin != 0:
		join = fits(15, 20)
	case c.labels&(labPO|labPinduoduo|labShopify) != 0:
	default:
		join = fits(15, 22)
	}
	if join {
		s.number(d, c, c.from, s.lx[j].end)
	}
	return join
}

// spacedUPS reads a UPS number written in groups ("1Z 999 AA1 0123 4567 84"), and
// returns the last token it used.
func (s *scanner) spacedUPS(i int) (int, bool) {
	compact := strings.ToUpper(stripJoiners(s.lx[i].text))
	if !strings.HasPrefix(compact, "1Z") || len(compact) >= 18 {
		return 0, false
	}
	j := i
	for len(compact) < 18 && s.shortSpace(j+1) && j+2 < len(s.lx) && s.lx[j+2].kind == lexToken {
		j += 2
		compact += strings.ToUpper(stripJoiners(s.lx[j].text))
	}
	ok, valid := upsNumber(compact)
	if !ok {
		return 0, false
	}
	s.add(ontology.RefTracking, "", compact, s.lx[i].start, s.lx[j].end, RuleUPS, checked(valid))
	return j, true
}

// spacedContainer reads a container number written with spaces: "CSQU 3054383",
// "CSQU 305438 3". The check digit must hold.
func (s *scanner) spacedContainer(i int) (int, bool) {
	owner := strings.ToUpper(s.lx[i].text)
	if len(owner) != 4 || !hasLetter(owner) || countDigits(owner) > 0 || !s.shortSpace(i+1) || !s.digitsAt(i+2, 7) {
		return 0, false
	}
	j, code := i+2, owner+s.lx[i+2].text
	if len(code) == 10 && s.shortSpace(j+1) && s.digitsAt(j+2, 1) {
		j, code = j+2, code+s.lx[j+2].text
	}
	if check.ContainerNumber(code) != nil {
		return 0, false
	}
	s.add(ontology.RefContainer, "", code, s.lx[i].start, s.lx[j].end, RuleContainer, Specific)
	return j, true
}

// checked is the strength of a shape with a check digit: specific when it holds.
func checked(valid bool) Strength {
	if valid {
		return Specific
	}
	return Plausible
}

// span returns the bytes of the input that characters a to b of token lexeme k came
// from.
func (s *scanner) span(k, a, b int) (int, int) {
	u0 := s.lx[k].u0
	return s.us[u0+a].start, s.us[u0+b-1].end
}

// add records a candidate, once per key: a key read again is kept with its stronger
// reading, or its first among equals, so that the evidence names the best one.
func (s *scanner) add(kind ontology.RefKind, scope, value string, start, end int, rule Rule, st Strength) {
	if value == "" || len(value) > 200 {
		return
	}
	ref := ontology.Ref{Kind: kind, Scope: scope, Value: value}
	c := Candidate{Ref: ref, Field: s.field, Raw: s.text[start:end], Start: start, End: end, Rule: rule, Strength: st}
	if k, ok := s.seen[ref]; ok {
		if st > s.out[k].Strength {
			s.out[k] = c
		}
		return
	}
	s.seen[ref] = len(s.out)
	s.out = append(s.out, c)
}
