package main

import (
	"fmt"
	"regexp"
	"strings"
)

// fieldHead finds the field functions gqlgen writes for an object type:
// `func (ec *executionContext) _<Type>_<field>(ctx, field, obj *<pkg>.<Type>) (ret graphql.Marshaler) {`.
const fieldHead = `func \(ec \*executionContext\) _%s_([A-Za-z0-9_]+)\(ctx context\.Context, field graphql\.CollectedField, obj \*[A-Za-z0-9_]+\.%s\) \(ret graphql\.Marshaler\) \{\n`

// plainField is the body gqlgen writes for a field read straight from the struct, with
// no directive (a nil middleware chain) and no resolver: the field context, then
// `return obj.<Field>, nil`, then the type's marshaler. Groups: the struct field and the
// marshaler's name (gqlgen's names carry non-ASCII letters such as ᚐ).
var plainField = regexp.MustCompile(`^\treturn graphql\.ResolveField\(\n` +
	`\t\tctx,\n\t\tec\.OperationContext,\n\t\tfield,\n` +
	`\t\tfunc\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{\n` +
	`\t\t\treturn ec\.fieldContext_[A-Za-z0-9_]+\(ctx, field\)\n\t\t\},\n` +
	`\t\tfunc\(ctx context\.Context\) \(any, error\) \{\n\t\t\treturn obj\.([A-Za-z0-9_]+), nil\n\t\t\},\n` +
	`\t\tnil,\n` +
	`\t\tfunc\(ctx context\.Context, selections ast\.SelectionSet, v [^\n]+\) graphql\.Marshaler \{\n` +
	`\t\t\treturn ec\.(marshal[^\s(]+)\(ctx, selections, v\)\n\t\t\},\n` +
	`\t\t(?:true|false),\n\t\t(?:true|false),\n\t\)\n\}\n`)

// fastMark begins the body of a field function already rewritten, so that a second run
// recognises its own work.
const fastMark = "\t// leaflists: a struct field of a leaf object"

// rewriteFields has each field of the named leaf types marshal its struct field
// directly, where gqlgen would resolve it through graphql.ResolveField: a field context,
// a context value, three closures, the value boxed in an interface and the field
// middleware chain, per field of every row. For a field that only reads its struct that
// buys nothing but an error path, and the work was about a sixth of the server's time
// per stock read. What it skips, and why that is safe, is said in leaflist.go.
//
// fields counts, per type, its field functions and those in the fast form; a field that
// is neither (it calls a resolver or carries a directive) is returned in odd, and the
// type is then no leaf.
func rewriteFields(src string, types []string, fields, fast map[string]int, odd map[string][]string) (string, int) {
	total := 0
	for _, t := range types {
		head := regexp.MustCompile(fmt.Sprintf(fieldHead, regexp.QuoteMeta(t), regexp.QuoteMeta(t)))
		var b strings.Builder
		rest := src
		for {
			loc := head.FindStringSubmatchIndex(rest)
			if loc == nil {
				b.WriteString(rest)
				break
			}
			name := rest[loc[2]:loc[3]]
			b.WriteString(rest[:loc[1]])
			rest = rest[loc[1]:]
			fields[t]++
			switch m := plainField.FindStringSubmatch(rest); {
			case m != nil:
				fmt.Fprintf(&b, "%s (see graph/generated/leaflist.go).\n\treturn ec.%s(ctx, field.Selections, obj.%s)\n}\n", fastMark, m[2], m[1])
				rest = rest[len(m[0]):]
				fast[t]++
				total++
			case strings.HasPrefix(rest, fastMark):
				fast[t]++
			default:
				odd[t] = append(odd[t], name)
			}
		}
		src = b.String()
	}
	return src, total
}
