package graph

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/seamhub/seam/graph/model"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/apikey"
)

// directStock answers the read channels and shelves ask most often, `stock` selecting
// fields of its rows, without gqlgen's executor. The executor builds a field context,
// a deferred group and a field set per row and marshals each field through closures:
// about two thirds of the server's time and allocations for a stock read
// (BenchmarkGraphQLStockHandler). Here the parsed, validated and cost-checked operation
// (gqlgen's CreateOperationContext ran as for any query) is matched against the one
// shape it answers, the key's role is checked against the field's @hasRole, the same
// resolver is called, and the rows are written straight into the answer.
//
// It answers only what it answers exactly as gqlgen would (TestDirectStockAnswersAsGqlgen
// compares the two on every field, aliases, variables and __typename). Anything else
// falls back to the executor: another root field, fragments, directives, a field of the
// row it does not know, a key the role check refuses, and any resolver error (stock is a
// read: the executor then asks again and reports the error in its own words).
type directStock struct {
	query func(ctx context.Context, sku string, location *string) ([]*model.StockRow, error)
	roles []apikey.Role
}

// newDirectStock prepares the direct path from the schema; nil (no direct path) when
// Query.stock carries a directive other than one @hasRole, whose meaning it could not
// keep.
func newDirectStock(schema *ast.Schema, q func(context.Context, string, *string) ([]*model.StockRow, error)) *directStock {
	def := schema.Query.Fields.ForName("stock")
	if def == nil || len(def.Directives) != 1 || def.Directives[0].Name != "hasRole" {
		return nil
	}
	arg := def.Directives[0].Arguments.ForName("roles")
	if arg == nil || arg.Value == nil {
		return nil
	}
	d := &directStock{query: q}
	for _, c := range arg.Value.Children {
		d.roles = append(d.roles, apikey.Role(strings.ToLower(c.Value.Raw)))
	}
	return d
}

// serve answers rc when it has the direct shape and reports whether it did; when it
// reports false it has written nothing.
func (d *directStock) serve(ctx context.Context, w http.ResponseWriter, rc *graphql.OperationContext) bool {
	f, sku, loc, ok := d.match(rc)
	if !ok {
		return false
	}
	if k, ok := keyOf(ctx); !ok || !k.HasRole(d.roles...) {
		return false
	}
	rows, err := d.call(ctx, sku, loc)
	if err != nil || slices.Contains(rows, nil) {
		return false // a nil row breaks [StockRow!]!: the executor says so
	}
	buf := make([]byte, 0, 64+len(rows)*64*len(f.SelectionSet))
	buf = append(append(append(buf, `{"data":{"`...), f.Alias...), `":[`...)
	for i, row := range rows {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '{')
		for j, s := range f.SelectionSet {
			sf := s.(*ast.Field) // match checked every selection
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(append(append(buf, '"'), sf.Alias...), `":`...)
			buf, _ = appendStockField(buf, row, sf.Name)
		}
		buf = append(buf, '}')
	}
	buf = append(buf, "]}}"...)
	_, _ = w.Write(buf)
	return true
}

// call runs the resolver; a panic is an error, so that the executor runs it again under
// its own recovery and answers as it answers any resolver's panic.
func (d *directStock) call(ctx context.Context, sku string, loc *string) (rows []*model.StockRow, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("stock resolver panicked: %v", p)
		}
	}()
	return d.query(ctx, sku, loc)
}

// match reports whether the operation is a query of `stock` alone with plain
// arguments and a selection of known row fields, each response key once, and returns
// the field and its arguments.
func (d *directStock) match(rc *graphql.OperationContext) (f *ast.Field, sku string, loc *string, ok bool) {
	op := rc.Operation
	if op == nil || op.Operation != ast.Query || len(op.SelectionSet) != 1 {
		return nil, "", nil, false
	}
	f, ok = op.SelectionSet[0].(*ast.Field)
	if !ok || f.Name != "stock" || len(f.Directives) > 0 || f.ObjectDefinition == nil || f.ObjectDefinition.Name != "Query" || len(f.SelectionSet) == 0 {
		return nil, "", nil, false
	}
	var skuSet bool
	for _, a := range f.Arguments {
		v, err := a.Value.Value(rc.Variables)
		if err != nil {
			return nil, "", nil, false
		}
		switch a.Name {
		case "sku":
			sku, skuSet = v.(string)
			if !skuSet {
				return nil, "", nil, false
			}
		case "location":
			switch v := v.(type) {
			case nil:
			case string:
				loc = &v
			default:
				return nil, "", nil, false
			}
		default:
			return nil, "", nil, false
		}
	}
	if !skuSet {
		return nil, "", nil, false
	}
	for i, s := range f.SelectionSet {
		sf, ok := s.(*ast.Field)
		if !ok || len(sf.Directives) > 0 || len(sf.SelectionSet) > 0 || len(sf.Arguments) > 0 || !stockFields[sf.Name] {
			return nil, "", nil, false
		}
		for _, prev := range f.SelectionSet[:i] {
			if prev.(*ast.Field).Alias == sf.Alias {
				return nil, "", nil, false // merged by the executor; not worth doing here
			}
		}
	}
	return f, sku, loc, true
}

// stockFields are the fields of StockRow appendStockField writes.
var stockFields = map[string]bool{
	"__typename": true, "sku": true, "location": true, "lot": true, "onHand": true,
	"reserved": true, "available": true, "incoming": true, "inTransit": true, "onHold": true,
	"expiresAt": true, "zone": true, "updatedAt": true,
}

// appendStockField appends the JSON of one field of a row as gqlgen's marshalers write
// it, and reports whether it knows the field.
func appendStockField(b []byte, r *model.StockRow, name string) ([]byte, bool) {
	switch name {
	case "__typename":
		return append(b, `"StockRow"`...), true
	case "sku":
		return appendJSONString(b, r.Sku), true
	case "location":
		return appendJSONString(b, r.Location), true
	case "lot":
		return appendJSONString(b, r.Lot), true
	case "onHand":
		return appendDecimal(b, r.OnHand), true
	case "reserved":
		return appendDecimal(b, r.Reserved), true
	case "available":
		return appendDecimal(b, r.Available), true
	case "incoming":
		return appendDecimal(b, r.Incoming), true
	case "inTransit":
		return appendDecimal(b, r.InTransit), true
	case "onHold":
		return appendDecimal(b, r.OnHold), true
	case "expiresAt":
		return appendTime(b, r.ExpiresAt), true
	case "zone":
		if r.Zone == nil {
			return append(b, "null"...), true
		}
		return appendJSONString(b, *r.Zone), true
	case "updatedAt":
		return appendTime(b, r.UpdatedAt), true
	}
	return b, false
}

func appendDecimal(b []byte, d model.Decimal) []byte {
	return append(ontology.Qty(d).Append(append(b, '"')), '"')
}

// appendTime writes a time as graphql.MarshalTime does: null for none or the zero time.
func appendTime(b []byte, t *time.Time) []byte {
	if t == nil || t.IsZero() {
		return append(b, "null"...)
	}
	return append(t.AppendFormat(append(b, '"'), time.RFC3339Nano), '"')
}

// appendJSONString quotes s as gqlgen's MarshalString does: control characters,
// backslash and quote escaped, everything else (invalid UTF-8 included) as it is.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF" // upper case, as gqlgen writes it
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '\t':
			b = append(b, `\t`...)
		case '\r':
			b = append(b, `\r`...)
		case '\n':
			b = append(b, `\n`...)
		case '\\':
			b = append(b, `\\`...)
		case '"':
			b = append(b, `\"`...)
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	return append(append(b, s[start:]...), '"')
}
