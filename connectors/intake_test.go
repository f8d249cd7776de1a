package connectors_test

import (
	"context"
	"strings"
	"testing"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// crashingMapper is a mapping with a bug that only one payload reaches.
type crashingMapper struct{}

func (crashingMapper) Map(p connectors.Payload) ([]connectors.Mapped, error) {
	if strings.Contains(string(p.Raw), "boom") {
		var m map[string]int
		m["x"]++ // a nil map write: the bug
	}
	return nil, connectors.ErrNoDocuments
}

// TestMappingPanicQuarantinesThePayload: a payload that crashes its mapping is kept in
// quarantine with the reason, and the other payloads of the same call are handled.
func TestMappingPanicQuarantinesThePayload(t *testing.T) {
	store := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	in := connectors.NewIntake(crashingMapper{}, ontology.NewValidator(), store, nil)
	res, err := in.Accept(context.Background(), []connectors.Payload{
		{Tenant: tenant, System: "shopify", Type: "order", Raw: []byte(`{"boom": 1}`), Via: "test"},
		{Tenant: tenant, System: "shopify", Type: "order", Raw: []byte(`{"ok": 1}`), Via: "test"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Quarantined != 1 || res.Ignored != 1 {
		t.Fatalf("result %+v, want 1 quarantined and 1 ignored", res)
	}
	items, err := store.QuarantineList(context.Background(), ontology.QuarantineFilter{Tenant: tenant, First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Problems[0].Rule != "panic" || !strings.Contains(items[0].Problems[0].Message, "nil map") {
		t.Fatalf("quarantine = %+v", items)
	}
}
