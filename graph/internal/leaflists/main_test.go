package main

import (
	"strings"
	"testing"
)

const generated = `package generated

func (ec *executionContext) marshalNStockRow2ᚕᚖmodelᚐStockRowᚄ(ctx context.Context, sel ast.SelectionSet, v []*model.StockRow) graphql.Marshaler {
	ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		return ec.marshalNStockRow2ᚖmodelᚐStockRow(ctx, sel, v[i])
	})
	return ret
}

func (ec *executionContext) marshalNStockRow2ᚖmodelᚐStockRow(ctx context.Context, sel ast.SelectionSet, v *model.StockRow) graphql.Marshaler {
	return ec._StockRow(ctx, sel, v)
}

func (ec *executionContext) marshalNInventoryEvent2ᚕᚖmodelᚐInventoryEventᚄ(ctx context.Context, sel ast.SelectionSet, v []*model.InventoryEvent) graphql.Marshaler {
	ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		return ec.marshalNInventoryEvent2ᚖmodelᚐInventoryEvent(ctx, sel, v[i])
	})
	return ret
}
`

func TestRewriteTouchesOnlyTheNamedLeafTypes(t *testing.T) {
	found := map[string]int{}
	out, n := rewrite(generated, []string{"StockRow"}, found)
	if n != 1 || found["StockRow"] != 1 {
		t.Fatalf("rewrote %d marshalers (%v), want the one StockRow list", n, found)
	}
	if !strings.Contains(out, "ret := marshalLeafList(ctx, len(v), func(ctx context.Context, i int) graphql.Marshaler {\n\t\treturn ec.marshalNStockRow2ᚖ") {
		t.Fatalf("the StockRow list is not marshalled in sequence:\n%s", out)
	}
	// Events call resolvers: their list keeps gqlgen's concurrency for the dataloaders.
	if !strings.Contains(out, "graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {\n\t\treturn ec.marshalNInventoryEvent2ᚖ") {
		t.Fatalf("another type's list was rewritten:\n%s", out)
	}
	// A second run finds nothing left to do: generate is idempotent.
	if _, again := rewrite(out, []string{"StockRow"}, map[string]int{}); again != 0 {
		t.Fatalf("a second rewrite changed %d marshalers", again)
	}
}

func TestRewriteReportsATypeWithoutAListMarshaler(t *testing.T) {
	found := map[string]int{}
	if _, n := rewrite(generated, []string{"Reservation"}, found); n != 0 || found["Reservation"] != 0 {
		t.Fatalf("rewrote %d for a type with no list marshaler", n)
	}
}

// fieldFunc is a field function as gqlgen writes it for a struct field of type; res is
// what its resolver returns.
func fieldFunc(typ, field, res string) string {
	return `func (ec *executionContext) _` + typ + `_` + field + `(ctx context.Context, field graphql.CollectedField, obj *model.` + typ + `) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_` + typ + `_` + field + `(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return ` + res + `, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v model.Decimal) graphql.Marshaler {
			return ec.marshalNDecimal2githubᚗcomᚋmodelᚐDecimal(ctx, selections, v)
		},
		true,
		true,
	)
}
`
}

func TestRewriteFieldsMarshalsPlainStructFields(t *testing.T) {
	src := fieldFunc("StockRow", "onHand", "obj.OnHand") + fieldFunc("StockRowX", "onHand", "obj.OnHand")
	fields, fast, odd := map[string]int{}, map[string]int{}, map[string][]string{}
	out, n := rewriteFields(src, []string{"StockRow"}, fields, fast, odd)
	if n != 1 || fields["StockRow"] != 1 || fast["StockRow"] != 1 || len(odd) != 0 {
		t.Fatalf("rewrote %d (fields %v, fast %v, odd %v), want StockRow's one field", n, fields, fast, odd)
	}
	if !strings.Contains(out, "\treturn ec.marshalNDecimal2githubᚗcomᚋmodelᚐDecimal(ctx, field.Selections, obj.OnHand)\n}\n") {
		t.Fatalf("StockRow.onHand is not marshalled directly:\n%s", out)
	}
	// Another type whose name begins with the same letters keeps gqlgen's code.
	if !strings.Contains(out, fieldFunc("StockRowX", "onHand", "obj.OnHand")) {
		t.Fatalf("StockRowX was rewritten:\n%s", out)
	}
	// A second run recognises its own work.
	fields, fast = map[string]int{}, map[string]int{}
	if _, again := rewriteFields(out, []string{"StockRow"}, fields, fast, odd); again != 0 || fast["StockRow"] != 1 || len(odd) != 0 {
		t.Fatalf("a second run rewrote %d, fast %v, odd %v", again, fast, odd)
	}
}

func TestRewriteFieldsRefusesAFieldThatCallsAResolver(t *testing.T) {
	src := fieldFunc("StockRow", "onHand", "obj.OnHand") + fieldFunc("StockRow", "price", "ec.resolvers.StockRow().Price(ctx, obj)")
	fields, fast, odd := map[string]int{}, map[string]int{}, map[string][]string{}
	out, _ := rewriteFields(src, []string{"StockRow"}, fields, fast, odd)
	if fields["StockRow"] != 2 || fast["StockRow"] != 1 || len(odd["StockRow"]) != 1 || odd["StockRow"][0] != "price" {
		t.Fatalf("fields %v, fast %v, odd %v: want price reported as no plain field", fields, fast, odd)
	}
	if !strings.Contains(out, "ec.resolvers.StockRow().Price(ctx, obj)") {
		t.Fatalf("the resolver's field was rewritten:\n%s", out)
	}
}
