package neo4jstore

import (
	"reflect"
	"testing"

	"github.com/seamhub/seam/resolver"
)

// TestKeyRowsGroupEachDocumentsRunInOrder: the key links go to Neo4j as one row per run
// of one document's links, in resolution's order, blocks apart from the other keys; a
// document met again after another starts a row of its own, so no write moves before
// one that came earlier. Only a document's first row is marked first (it may create its
// links), and a key named twice in a run is listed once, with the values it was named
// with last and notes if either named it as a mention.
func TestKeyRowsGroupEachDocumentsRunInOrder(t *testing.T) {
	ch := &resolver.Changes{Keys: []resolver.KeyLink{
		{DocUID: "a", KeyUID: "t/order:1", Kind: "order", Value: "1", Identity: true},
		{DocUID: "a", KeyUID: "t/block/x", Kind: "block", Value: "t/block/x", Block: true},
		{DocUID: "a", KeyUID: "t/order:9", Kind: "order", Value: "9", Mention: true},
		{DocUID: "a", KeyUID: "t/block/x", Kind: "block", Value: "t/block/x", Block: true},
		{DocUID: "a", KeyUID: "t/order:9", Kind: "order", Value: "9", Identity: true},
		{DocUID: "b", KeyUID: "t/order:2", Kind: "order", Value: "2", Identity: true},
		{DocUID: "b", KeyUID: "t/block/x", Kind: "block", Value: "t/block/x", Block: true},
		{DocUID: "a", KeyUID: "t/block/y", Kind: "xblock", Value: "t/block/y", Block: true},
	}}
	key := func(uid, kind, value string, identity, mention, notes bool) map[string]any {
		return map[string]any{"key": uid, "kind": kind, "value": value, "identity": identity, "mention": mention, "notes": notes}
	}
	wantKeys := []map[string]any{
		{"doc": "a", "first": true, "keys": []any{key("t/order:1", "order", "1", true, false, false), key("t/order:9", "order", "9", true, false, true)}},
		{"doc": "b", "first": true, "keys": []any{key("t/order:2", "order", "2", true, false, false)}},
	}
	if got := keyRows(ch, false); !reflect.DeepEqual(got, wantKeys) {
		t.Errorf("key rows\n got %v\nwant %v", got, wantKeys)
	}
	wantBlocks := []map[string]any{
		{"doc": "a", "first": true, "keys": []any{"t/block/x"}},
		{"doc": "b", "first": true, "keys": []any{"t/block/x"}},
		{"doc": "a", "first": false, "keys": []any{"t/block/y"}},
	}
	if got := keyRows(ch, true); !reflect.DeepEqual(got, wantBlocks) {
		t.Errorf("block rows\n got %v\nwant %v", got, wantBlocks)
	}
	if got := keyRows(&resolver.Changes{}, true); len(got) != 0 {
		t.Errorf("no links: got %v, want no rows", got)
	}
}
