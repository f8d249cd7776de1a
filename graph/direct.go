package graph

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
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
	plans planCache
	// bufs are answer buffers: an answer is written into one, copied by the
	// ResponseWriter (an io.Writer keeps nothing it was given) and the buffer used
	// again, rather than 2 KB allocated and collected per read.
	bufs sync.Pool
}

// stockPlan is what the direct path needs of an operation it answers: the response key,
// the row fields asked for and the arguments. It is immutable once made.
type stockPlan struct {
	alias  string
	fields []planField
	sku    string
	loc    *string
}

// planField is one selected row field: its response key and its name.
type planField struct{ alias, name string }

// newDirectStock prepares the direct path from the schema; nil (no direct path) when
// Query.stock carries a directive other than one @hasRole, or a field of StockRow (or
// the type itself) carries any, whose meaning it could not keep: a role put on a row's
// field would otherwise be skipped by every read the direct path answers.
func newDirectStock(schema *ast.Schema, q func(context.Context, string, *string) ([]*model.StockRow, error)) *directStock {
	def := schema.Query.Fields.ForName("stock")
	if def == nil || len(def.Directives) != 1 || def.Directives[0].Name != "hasRole" {
		return nil
	}
	row := schema.Types["StockRow"]
	if row == nil || len(row.Directives) > 0 {
		return nil
	}
	for _, f := range row.Fields {
		if len(f.Directives) > 0 {
			return nil
		}
	}
	arg := def.Directives[0].Arguments.ForName("roles")
	if arg == nil || arg.Value == nil {
		return nil
	}
	d := &directStock{query: q, plans: planCache{byBody: map[string]*stockPlan{}}}
	for _, c := range arg.Value.Children {
		d.roles = append(d.roles, apikey.Role(strings.ToLower(c.Value.Raw)))
	}
	return d
}

// serve answers rc when it has the direct shape and reports whether it did; when it
// reports false it has written nothing. body is the request's body, whose plan is
// remembered when the direct path answers its shape (see servePlanned).
func (d *directStock) serve(ctx context.Context, w http.ResponseWriter, rc *graphql.OperationContext, body []byte) bool {
	p, ok := d.match(rc)
	if !ok {
		return false
	}
	d.plans.put(body, p)
	return d.answer(ctx, w, p)
}

// servePlanned answers a request body whose operation the direct path has answered
// before, without decoding, parsing, validating or pricing it again, and reports whether
// it did; when it reports false it has written nothing. The plan is a function of the
// body's bytes alone: the schema, the validation rules and the limits are fixed for the
// server's life, and the variables are in the body. What depends on the request, its key
// and the data, is decided on every request as serve decides it.
func (d *directStock) servePlanned(ctx context.Context, w http.ResponseWriter, body []byte) bool {
	p := d.plans.get(body)
	return p != nil && d.answer(ctx, w, p)
}

// answer checks the key's role, calls the resolver and writes the rows.
func (d *directStock) answer(ctx context.Context, w http.ResponseWriter, p *stockPlan) bool {
	if k, ok := keyOf(ctx); !ok || !k.HasRole(d.roles...) {
		return false
	}
	rows, err := d.call(ctx, p.sku, p.loc)
	if err != nil || slices.Contains(rows, nil) {
		return false // a nil row breaks [StockRow!]!: the executor says so
	}
	bp, _ := d.bufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer d.putBuf(bp)
	buf := append(append(append((*bp)[:0], `{"data":{"`...), p.alias...), `":[`...)
	for i, row := range rows {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '{')
		for j, f := range p.fields {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(append(append(buf, '"'), f.alias...), `":`...)
			buf, _ = appendStockField(buf, row, f.name)
		}
		buf = append(buf, '}')
	}
	buf = append(buf, "]}}"...)
	// Assigned, not Set: Set allocates the value's slice on every answer, and net/http
	// only reads it.
	w.Header()["Content-Type"] = jsonContentType
	_, _ = w.Write(buf)
	*bp = buf
	return true
}

var jsonContentType = []string{"application/json"}

// maxPooledAnswer bounds the answer buffers kept: a product with thousands of cells
// makes a rare large answer, whose buffer is left to the collector.
const maxPooledAnswer = 64 << 10

func (d *directStock) putBuf(b *[]byte) {
	if cap(*b) <= maxPooledAnswer {
		d.bufs.Put(b)
	}
}

// planCache remembers the plans of request bodies the direct path answered: channels
// and shelves send the same few bodies again and again. It is bounded; when full it
// starts again empty, which costs the next requests one parse each.
type planCache struct {
	mu     sync.RWMutex
	byBody map[string]*stockPlan
}

// Bounds of the plan cache: a stock read's body is about a hundred bytes.
const (
	maxPlans    = 1000
	maxPlanBody = 2048
)

func (c *planCache) get(body []byte) *stockPlan {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.byBody[string(body)]
}

func (c *planCache) put(body []byte, p *stockPlan) {
	if len(body) == 0 || len(body) > maxPlanBody {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.byBody) >= maxPlans {
		c.byBody = make(map[string]*stockPlan, maxPlans)
	}
	c.byBody[string(body)] = p
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
// its plan.
func (d *directStock) match(rc *graphql.OperationContext) (*stockPlan, bool) {
	op := rc.Operation
	if op == nil || op.Operation != ast.Query || len(op.SelectionSet) != 1 {
		return nil, false
	}
	f, ok := op.SelectionSet[0].(*ast.Field)
	if !ok || f.Name != "stock" || len(f.Directives) > 0 || f.ObjectDefinition == nil || f.ObjectDefinition.Name != "Query" || len(f.SelectionSet) == 0 {
		return nil, false
	}
	p := &stockPlan{alias: f.Alias}
	var skuSet bool
	for _, a := range f.Arguments {
		v, err := a.Value.Value(rc.Variables)
		if err != nil {
			return nil, false
		}
		switch a.Name {
		case "sku":
			p.sku, skuSet = v.(string)
			if !skuSet {
				return nil, false
			}
		case "location":
			switch v := v.(type) {
			case nil:
			case string:
				p.loc = &v
			default:
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if !skuSet {
		return nil, false
	}
	for i, s := range f.SelectionSet {
		sf, ok := s.(*ast.Field)
		if !ok || len(sf.Directives) > 0 || len(sf.SelectionSet) > 0 || len(sf.Arguments) > 0 || !stockFields[sf.Name] {
			return nil, false
		}
		for _, prev := range f.SelectionSet[:i] {
			if prev.(*ast.Field).Alias == sf.Alias {
				return nil, false // merged by the executor; not worth doing here
			}
		}
		p.fields = append(p.fields, planField{alias: sf.Alias, name: sf.Name})
	}
	return p, true
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
