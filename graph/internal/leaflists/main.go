// Command leaflists rewrites gqlgen's generated code for leaf object types (objects each
// of whose fields reads its struct: no resolver, no directive): their lists marshal the
// elements in sequence rather than a goroutine each, and their fields marshal the struct
// field directly rather than through graphql.ResolveField; see
// graph/generated/leaflist.go.
//
// Usage (from graph/generate.go, after gqlgen): leaflists -dir generated StockRow ...
//
// It fails when a named type has no list marshaler, when a field of it is not a plain
// struct field (the type is no leaf), or when the code no longer has the shape it
// rewrites (a gqlgen upgrade changed it): then someone must look, rather than the
// speed-up vanishing unnoticed.
package main

import (
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	dir := flag.String("dir", "generated", "gqlgen's exec directory")
	flag.Parse()
	if err := run(*dir, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "leaflists:", err)
		os.Exit(1)
	}
}

// concurrent is gqlgen's call, whatever its worker limit and panic-handler arguments.
var concurrent = regexp.MustCompile(`graphql\.MarshalSliceConcurrently\(ctx, len\(v\), [^,]+, [^,]+, `)

func run(dir string, types []string) error {
	if len(types) == 0 {
		return fmt.Errorf("name at least one leaf type")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.generated.go"))
	if err != nil {
		return err
	}
	found, fields, fast, odd := map[string]int{}, map[string]int{}, map[string]int{}, map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		src, n := rewrite(string(b), types, found)
		src, m := rewriteFields(src, types, fields, fast, odd)
		if n+m == 0 {
			continue
		}
		out, err := format.Source([]byte(src))
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := os.WriteFile(f, out, 0o644); err != nil {
			return err
		}
	}
	for _, t := range types {
		if found[t] == 0 {
			return fmt.Errorf("type %s: no list marshaler with gqlgen's concurrent call was found", t)
		}
		if len(odd[t]) > 0 {
			return fmt.Errorf("type %s is no leaf: fields %s call a resolver or carry a directive (or gqlgen changed how it writes a plain field); take it out of generate.go", t, strings.Join(odd[t], ", "))
		}
		if fields[t] == 0 || fast[t] != fields[t] {
			return fmt.Errorf("type %s: %d of %d field functions in the form leaflists rewrites", t, fast[t], fields[t])
		}
	}
	return nil
}

// rewrite points the list marshalers of types at marshalLeafList and counts, per type,
// the marshalers rewritten. A list marshaler is `func (ec *executionContext)
// marshal[NO]<Type>2ᚕ…`; its body runs to the next top-level closing brace.
func rewrite(src string, types []string, found map[string]int) (string, int) {
	total := 0
	for _, t := range types {
		for _, kind := range []string{"N", "O"} {
			head := "func (ec *executionContext) marshal" + kind + t + "2ᚕ"
			from := 0
			for {
				i := strings.Index(src[from:], head)
				if i < 0 {
					break
				}
				start := from + i
				end := strings.Index(src[start:], "\n}\n")
				if end < 0 {
					break
				}
				end += start
				body := src[start:end]
				if loc := concurrent.FindStringIndex(body); loc != nil {
					body = body[:loc[0]] + "marshalLeafList(ctx, len(v), " + body[loc[1]:]
					src = src[:start] + body + src[end:]
					end = start + len(body)
					found[t]++
					total++
				}
				from = end
			}
		}
	}
	return src, total
}
