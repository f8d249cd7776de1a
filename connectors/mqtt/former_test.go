package mqtt

import (
	"context"
	"testing"

	"github.com/seamhub/seam/connectors"
	"github.com/seamhub/seam/connectors/iot"
	"github.com/seamhub/seam/neo4jstore/neo4jtest"
	"github.com/seamhub/seam/ontology"
)

// formerMapper maps readings as Seam did before a Sparkplug device id carried its edge
// node: keyed by the bare device id.
type formerMapper struct{ *Readings }

func (f formerMapper) Map(p connectors.Payload) ([]connectors.Mapped, error) {
	out, err := f.Readings.Map(p)
	for i := range out {
		if out[i].Doc != nil && len(out[i].FormerIDs) > 0 {
			out[i].Doc.Key.ExternalID = out[i].FormerIDs[0]
			out[i].ExternalID, out[i].FormerIDs = out[i].FormerIDs[0], nil
		}
	}
	return out, err
}

// TestSparkplugRedeliveryAcrossTheDeviceIDChange: a DDATA message stored before the
// device id carried its edge node, under "PALLET-SENSOR-0042@...", and delivered again
// now (its QoS 1 acknowledgement lost) is a duplicate of that document, not a second
// reading under "gw-07/PALLET-SENSOR-0042@...". Another edge node's message that had
// the same id then, with other bytes, is a reading of its own under the new id.
func TestSparkplugRedeliveryAcrossTheDeviceIDChange(t *testing.T) {
	store := neo4jtest.Open(t)
	tenant := neo4jtest.Tenant(t)
	ctx := context.Background()
	seq := func(n uint64) *uint64 { return &n }
	ddata := func(weight float64) []byte {
		return iot.EncodeSparkplug(iot.Payload{Timestamp: 1741054522123, Seq: seq(2), Metrics: []iot.Metric{
			{Name: "weight", Datatype: iot.TypeDouble, Kind: iot.KindDouble, DoubleValue: weight}}})
	}
	payload := func(edge string, raw []byte) connectors.Payload {
		return connectors.Payload{Tenant: tenant, System: "iot", Type: "reading", Raw: raw, Via: "mqtt",
			Topic: "spBv1.0/NL-WH1/DDATA/" + edge + "/PALLET-SENSOR-0042", ReceivedAt: mapReceived}
	}
	old := connectors.NewIntake(formerMapper{NewReadings()}, ontology.NewValidator(), store, nil)
	res, err := old.Accept(ctx, []connectors.Payload{payload("gw-07", ddata(512.4))})
	if err != nil || res.Accepted != 1 || res.Documents[0].ExternalID != "PALLET-SENSOR-0042@1741054522123#2" {
		t.Fatalf("stored before the change: %+v %v", res, err)
	}

	now := connectors.NewIntake(NewReadings(), ontology.NewValidator(), store, nil)
	now.Former = store
	res, err = now.Accept(ctx, []connectors.Payload{payload("gw-07", ddata(512.4))})
	if err != nil || res.Duplicates != 1 || res.Accepted != 0 {
		t.Fatalf("redelivered: %+v %v, want a duplicate of the stored reading", res, err)
	}
	key := ontology.DocKey{Tenant: tenant, System: "iot", Type: "reading", ExternalID: "gw-07/PALLET-SENSOR-0042@1741054522123#2"}
	if d, err := store.Document(ctx, key); err != nil || d != nil {
		t.Fatalf("stored again under the new id: %+v %v", d, err)
	}

	res, err = now.Accept(ctx, []connectors.Payload{payload("gw-08", ddata(498))})
	if err != nil || res.Accepted != 1 || res.Documents[0].ExternalID != "gw-08/PALLET-SENSOR-0042@1741054522123#2" {
		t.Fatalf("another edge node's reading: %+v %v", res, err)
	}
}
