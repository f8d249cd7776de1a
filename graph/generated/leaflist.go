package generated

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalLeafList marshals a list of objects one element after the other, where gqlgen
// would start a goroutine per element (graphql.MarshalSliceConcurrently). That
// concurrency serves elements whose fields call resolvers (dataloaders batch what
// concurrent elements ask for); a leaf object, all of whose fields are already in its
// struct, gains nothing from it and pays for a goroutine, its stack growth and a wait
// per element: for `stock` it was about 40% of the server's time per read. It keeps
// gqlgen's semantics: each element gets its own field context (its index), and a panic
// in one element becomes that element's error and null.
//
// `go generate ./graph` points the list marshalers of the types named in generate.go at
// it (graph/internal/leaflists); this file is not generated.
//
// The same tool has each field of those types marshal its struct field directly, where
// gqlgen resolves every field through graphql.ResolveField (a field context, a context
// value, closures, the value boxed, the field middleware chain): about a sixth of the
// server's time per stock read. Such a field cannot fail, since it calls no resolver, so
// what is skipped is its own error path and field middleware. An error still carries
// the element's path (a null in a non-null field is reported at its row), a panic still
// becomes the element's error (marshalLeaf), and graph.TestNoFieldMiddleware fails the
// day the server gains field middleware that these fields would miss.
func marshalLeafList(ctx context.Context, n int, marshal func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	ret := make(graphql.Array, n)
	for i := range n {
		idx := i
		ret[i] = marshalLeaf(graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &idx}), i, marshal)
	}
	return ret
}

func marshalLeaf(ctx context.Context, i int, marshal func(ctx context.Context, i int) graphql.Marshaler) (m graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			m = graphql.Null
		}
	}()
	return marshal(ctx, i)
}
