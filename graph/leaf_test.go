package graph

import (
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// The fields of leaf objects (StockRow) are marshalled without gqlgen's field middleware
// (graph/generated/leaflist.go). That is right only while the server has none: an
// extension that intercepts fields (tracing, per-field auth, AroundFields) would silently
// miss them. This test reads the server's extensions and fails when one does, so that
// whoever adds it takes the type out of graph/generate.go in the same change.
func TestNoFieldMiddleware(t *testing.T) {
	srv, _ := newServer(Services{}, nil)
	exec := reflect.ValueOf(srv).Elem().FieldByName("exec")
	if !exec.IsValid() || exec.IsNil() {
		t.Fatal("gqlgen's handler.Server has no exec field any more: update this test with the gqlgen upgrade")
	}
	exts := exec.Elem().FieldByName("extensions")
	if !exts.IsValid() || exts.Kind() != reflect.Slice {
		t.Fatal("gqlgen's executor has no extensions list any more: update this test with the gqlgen upgrade")
	}
	if exts.Len() == 0 {
		t.Fatal("the server has no extensions at all: the test reads the wrong list")
	}
	fieldInterceptor := reflect.TypeFor[graphql.FieldInterceptor]()
	for i := range exts.Len() {
		if typ := exts.Index(i).Elem().Type(); typ.Implements(fieldInterceptor) {
			t.Errorf("extension %s intercepts fields: leaf objects' fields would skip it (see graph/generated/leaflist.go)", typ)
		}
	}
}
