package mapping

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LoadError lists every problem of a mapping file, each with its line, in line order.
type LoadError struct {
	File     string
	Problems []LineProblem
}

// LineProblem is one problem at a line of a mapping file. Field is the key's place in the
// file, such as "lines.qty.transform" or "refs[2].kind".
type LineProblem struct {
	Line  int
	Field string
	Msg   string
}

// Error renders one problem per line as "file:line: field: message", the shape editors
// and CI logs link to the place.
func (e *LoadError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		field := p.Field
		if field == "" {
			field = "(file)"
		}
		parts[i] = fmt.Sprintf("%s:%d: %s: %s", e.File, p.Line, field, p.Msg)
	}
	return strings.Join(parts, "\n")
}

// loader walks a mapping file's YAML nodes, compiling specs and collecting problems, so
// that one load reports everything wrong with a file rather than the first mistake.
type loader struct {
	file     string
	problems []LineProblem
}

func (l *loader) fail(n *yaml.Node, field, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	l.problems = append(l.problems, LineProblem{Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// err returns the collected problems sorted by line, or nil.
func (l *loader) err() error {
	if len(l.problems) == 0 {
		return nil
	}
	sort.SliceStable(l.problems, func(i, j int) bool { return l.problems[i].Line < l.problems[j].Line })
	return &LoadError{File: l.file, Problems: l.problems}
}

func (l *loader) at(n *yaml.Node) string {
	name := l.file
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return fmt.Sprintf("%s:%d", name, n.Line)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxProblem turns a YAML parser error into a problem at its line.
func syntaxProblem(err error) LineProblem {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return LineProblem{Line: n, Field: "(yaml)", Msg: "not valid YAML: " + strings.TrimPrefix(msg, m[0])}
	}
	return LineProblem{Line: 1, Field: "(yaml)", Msg: "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// fields reads a mapping node's keys, reporting unknown and repeated keys.
func (l *loader) fields(n *yaml.Node, field string, allowed ...string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		l.fail(n, field, "want a mapping of keys (%s), got %s", strings.Join(allowed, ", "), kindName(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := join(field, k.Value)
		if !contains(allowed, k.Value) {
			msg := fmt.Sprintf("unknown key %q (known here: %s)", k.Value, strings.Join(allowed, ", "))
			if s := suggest(k.Value, allowed); s != "" {
				msg += "; did you mean " + s + "?"
			} else if why := misplaced[k.Value]; why != "" {
				msg = fmt.Sprintf("%q is not allowed here: %s", k.Value, why)
			}
			l.fail(k, name, "%s", msg)
			continue
		}
		if _, dup := out[k.Value]; dup {
			l.fail(k, name, "repeated key: the later one would silently win")
			continue
		}
		out[k.Value] = v
	}
	return out
}

// misplaced explains type-specific keys used on a field of another type.
var misplaced = map[string]string{
	"time":          "time and zone belong to time fields (occurredAt, sourceTime, lines.expiresAt)",
	"zone":          "time and zone belong to time fields (occurredAt, sourceTime, lines.expiresAt)",
	"amount":        "amount, currency, scale and currencyCodes belong to money fields (total, fee, lines.unitPrice)",
	"currency":      "amount, currency, scale and currencyCodes belong to money fields (total, fee, lines.unitPrice)",
	"scale":         "amount, currency, scale and currencyCodes belong to money fields (total, fee, lines.unitPrice)",
	"currencyCodes": "amount, currency, scale and currencyCodes belong to money fields (total, fee, lines.unitPrice)",
	"factor":        "factor belongs to quantity fields (lines.qty, lines.expectedQty, lines.rejectedQty)",
	"each":          "each belongs to lines, parties[] and refs[] entries",
	"rules":         "rules belong to verb",
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// str reads a single value; null and "~" read as "".
func (l *loader) str(n *yaml.Node, field string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		l.fail(n, field, "want a single value, got %s", kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

func (l *loader) boolean(n *yaml.Node, field string) bool {
	switch v := l.str(n, field); v {
	case "true":
		return true
	case "false", "":
		return false
	default:
		l.fail(n, field, "want true or false, got %q", v)
		return false
	}
}

// strs reads one value or a list of values.
func (l *loader) strs(n *yaml.Node, field string) []string {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return []string{l.str(n, field)}
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		out = append(out, l.str(c, fmt.Sprintf("%s[%d]", field, i)))
	}
	return out
}

func (l *loader) oneOf(n *yaml.Node, field string, allowed []string) string {
	v := l.str(n, field)
	if n == nil || n.Kind != yaml.ScalarNode || contains(allowed, v) {
		return v
	}
	msg := fmt.Sprintf("%q is not one of %s", v, strings.Join(sortedCopy(allowed), ", "))
	if s := suggest(v, allowed); s != "" {
		msg += "; did you mean " + s + "?"
	}
	l.fail(n, field, "%s", msg)
	return v
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// sortedKeys are a map's keys in order, so that messages and * read the same way
// every time.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// suggest returns the allowed word closest to a misspelt one, or "" when none is close:
// "digitz" suggests "digits", "qyt" suggests "qty".
func suggest(word string, allowed []string) string {
	best, bestD := "", 3
	lw := strings.ToLower(word)
	for _, a := range allowed {
		la := strings.ToLower(a)
		if la == lw {
			return a // only the case differs
		}
		limit := 2
		if len(a) <= 4 {
			limit = 1
		}
		if d := editDistance(lw, la); d <= limit && d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance of two short words: the edits
// (insert, delete, replace, swap two neighbours) that turn one into the other, so that
// the usual typos ("qyt", "digitz", "cancelld") are one edit away.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 99
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
