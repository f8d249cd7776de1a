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
