package mapping_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/inventory"
	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/ontology/mapping"
)

func TestShipBobCompletedReceivingOrder(t *testing.T) {
	d := one(t, "shipbob", "receipt", "json", "shipbob/wro.json")
	if d.Key.ExternalID != "987654" || d.Role != ontology.RoleReceipt || d.Verb != ontology.VerbReceived || d.Status != "Completed" {
		t.Fatalf("%+v", d)
	}
	// When the WRO was completed, not last_updated_date (moved by our own sync mark).
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-21T15:30:00Z")
	wantLocation(t, d, "shipbob:10:Venlo (NL)")
	// Stowed, not received: 2 of the 980 received teas were not put away.
	wantLines(t, d,
		"TEA-OOL-250G ext=1234567 qty=978 expected=1000",
		"MUG-BLU-350 ext=1234568 qty=480 expected=480")
	wantExactRefs(t, d, "po:PO-2025-00381", "asn:shipbob:987654", "tracking:1Z999AA10123456784", "tracking:1Z999AA10123456793")
}

func TestShipBobAwaitingAndProcessing(t *testing.T) {
	aw := one(t, "shipbob", "receipt", "json", "shipbob/wro_awaiting.json")
	if aw.Verb != ontology.VerbDeclared || aw.Status != "Awaiting" {
		t.Fatalf("%+v", aw)
	}
	wantTime(t, "occurredAt", aw.OccurredAt, "2025-03-18T10:22:31.906114Z")
	// stowed_quantity null: the received quantity (still 0) stands in.
	wantLines(t, aw, "COF-BEAN-1KG ext=1234590 qty=0 expected=10240")
	wantExactRefs(t, aw, "po:PO-2025-00417", "asn:shipbob:987702", "tracking:TGHU8721340")

	pr := one(t, "shipbob", "receipt", "json", "shipbob/wro_processing.json")
	if pr.Verb != ontology.VerbReceived || pr.Status != "Processing" {
		t.Fatalf("%+v", pr)
	}
	// An offset-less timestamp is UTC.
	wantTime(t, "occurredAt", pr.OccurredAt, "2025-03-26T08:58:02Z")
	wantLocation(t, pr, "shipbob:156:Cicero (IL)")
	wantLines(t, pr, "MUG-WHT-350 ext=1234569 qty=36 expected=96")
	// purchase_order_number null: no PO.
	wantExactRefs(t, pr, "asn:shipbob:987655", "tracking:1Z999AA10123456800", "tracking:1Z999AA10123456819")
}

func TestShipBobVerbs(t *testing.T) {
	raw := readSample(t, "shipbob/wro.json")
	for status, want := range map[string]ontology.Verb{
		"Awaiting": ontology.VerbDeclared, "Incomplete": ontology.VerbDeclared, "Arrived": ontology.VerbDeclared,
		"PartiallyArrived": ontology.VerbDeclared, "ArrivedAtHub": ontology.VerbDeclared,
		"PartiallyArrivedAtHub": ontology.VerbDeclared, "ProcessingAtHub": ontology.VerbDeclared,
		"InternalTransfer": ontology.VerbDeclared, "Processing": ontology.VerbReceived, "Completed": ontology.VerbReceived,
		"Cancelled": ontology.VerbCancelled, "SomethingNew": ontology.VerbDeclared,
	} {
		d := mapOne(t, "shipbob", "receipt", "json", bytes.Replace(raw, []byte(`"status": "Completed"`), []byte(`"status": "`+status+`"`), 1))
		if d.Verb != want {
			t.Errorf("%s = %s, want %s", status, d.Verb, want)
		}
	}
}

func TestAmazonFBAReceiving(t *testing.T) {
	d := one(t, "amazon-fba", "shipment", "json", "amazon-fba/shipment.json")
	if d.Key.ExternalID != "FBA17QX2M4LZ" || d.Role != ontology.RoleReceipt || d.Verb != ontology.VerbReceived || d.Status != "RECEIVING" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-22T06:00:00Z")
	wantLocation(t, d, "amazon-fba:ONT8")
	wantLines(t, d,
		"TEA-OOL-250G ext=X002ABC123 qty=472 expected=480",
		"MUG-BLU-350 ext=9501101530010 qty=96 expected=96")
	wantExactRefs(t, d, "asn:FBA17QX2M4LZ", "po:PO-2025-00381")
}

func TestAmazonFBAInTransitWithDefaultName(t *testing.T) {
	d := one(t, "amazon-fba", "shipment", "json", "amazon-fba/shipment_in_transit.json")
	if d.Verb != ontology.VerbShipped || d.Status != "IN_TRANSIT" {
		t.Fatalf("%+v", d)
	}
	wantTime(t, "occurredAt", d.OccurredAt, "2025-03-06T17:30:00Z")
	wantLocation(t, d, "amazon-fba:LGB8")
	wantLines(t, d, "TEA-GRN-100G ext=X002DEF456 qty=0 expected=120")
	// Amazon's default name holds no PO; "FBA STA (03" would have linked every shipment
	// created on a 3rd.
	wantExactRefs(t, d, "asn:FBA18B7KQ2WX")
}

func TestAmazonFBAVerbs(t *testing.T) {
	raw := readSample(t, "amazon-fba/shipment.json")
	for status, want := range map[string]ontology.Verb{
		"WORKING": ontology.VerbDeclared, "READY_TO_SHIP": ontology.VerbDeclared, "ERROR": ontology.VerbDeclared,
		"SHIPPED": ontology.VerbShipped, "IN_TRANSIT": ontology.VerbShipped, "DELIVERED": ontology.VerbShipped,
		"CHECKED_IN": ontology.VerbShipped, "RECEIVING": ontology.VerbReceived, "CLOSED": ontology.VerbReceived,
		"CANCELLED": ontology.VerbCancelled, "DELETED": ontology.VerbCancelled, "closed": ontology.VerbReceived,
	} {
		d := mapOne(t, "amazon-fba", "shipment", "json", bytes.Replace(raw, []byte(`"RECEIVING"`), []byte(`"`+status+`"`), 1))
		if d.Verb != want {
			t.Errorf("%s = %s, want %s", status, d.Verb, want)
		}
	}
	// A status Amazon does not have is refused with its value, not guessed.
	ps := mapProblems(t, "amazon-fba", "shipment", "json", bytes.Replace(raw, []byte(`"RECEIVING"`), []byte(`"LOST"`), 1))
	if len(ps) != 1 || ps[0].Field != "verb" || !bytes.Contains([]byte(ps[0].Message), []byte(`"LOST"`)) {
		t.Errorf("unknown status: %v", ps)
	}
}

// The verbs chosen above decide stock: announced receipts keep their expected quantities
// incoming, counted ones put what was counted on hand, and the difference is kept.
func TestWarehouseReceiptsMakeStock(t *testing.T) {
	member := planMember
	cell := func(sku, loc string, b ontology.Bucket) inventory.Key {
		return inventory.Key{Cell: ontology.Cell{SKU: sku, Location: loc}, Bucket: b}
	}
	raw := readSample(t, "amazon-fba/shipment.json")
	checkedIn := mapOne(t, "amazon-fba", "shipment", "json", bytes.Replace(bytes.Replace(raw, []byte(`"RECEIVING"`), []byte(`"CHECKED_IN"`), 1),
		[]byte(`"QuantityReceived": 472`), []byte(`"QuantityReceived": 0`), 1))
	eff, ds := inventory.Plan([]inventory.Member{member(checkedIn)}, nil)
	if eff[cell("TEA-OOL-250G", "amazon-fba:ONT8", ontology.BucketIncoming)] != ontology.Units(480) || len(ds) != 0 {
		t.Errorf("a shipment at the dock must stay incoming, not be reported short: %v %v", eff, ds)
	}
	wro := one(t, "shipbob", "receipt", "json", "shipbob/wro.json")
	eff, ds = inventory.Plan([]inventory.Member{member(wro)}, nil)
	if eff[cell("TEA-OOL-250G", "shipbob:10", ontology.BucketOnHand)] != ontology.Units(978) ||
		eff[cell("MUG-BLU-350", "shipbob:10", ontology.BucketOnHand)] != ontology.Units(480) || len(eff) != 2 {
		t.Errorf("completed WRO: %v", eff)
	}
	if len(ds) != 1 || ds[0].SKU != "TEA-OOL-250G" || ds[0].Expected != ontology.Units(1000) || ds[0].Actual != ontology.Units(978) {
		t.Errorf("discrepancies = %+v", ds)
	}
}

// mapOne maps raw bytes that must give one valid document.
func mapOne(t *testing.T, system, typ, format string, raw []byte) *ontology.Document {
	t.Helper()
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.MapPayload("acme", system, typ, format, raw)
	if err != nil || len(res) != 1 {
		t.Fatalf("%d results, %v", len(res), err)
	}
	if len(res[0].Problems) > 0 || res[0].Doc == nil {
		t.Fatalf("%v", res[0].Problems)
	}
	if err := ontology.NewValidator().Document(res[0].Doc); err != nil {
		t.Fatal(err)
	}
	return res[0].Doc
}

// FuzzMapShipBob feeds mutations of the WRO samples to the ShipBob mapping.
func FuzzMapShipBob(f *testing.F) {
	for _, file := range []string{"wro.json", "wro_awaiting.json", "wro_processing.json"} {
		f.Add(readSample(f, "shipbob/"+file))
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) { fuzzOne(t, reg, "shipbob", "receipt", "json", raw) })
}

// FuzzMapAmazonFBA feeds mutations of the inbound shipment samples to the FBA mapping.
func FuzzMapAmazonFBA(f *testing.F) {
	for _, file := range []string{"shipment.json", "shipment_in_transit.json"} {
		f.Add(readSample(f, "amazon-fba/"+file))
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) { fuzzOne(t, reg, "amazon-fba", "shipment", "json", raw) })
}

// TestAmazonFBAAnswers: Amazon's own SP-API answers, as the sandbox examples of
// fulfillmentInboundV0.json give them. getShipments gives the shipment's status and
// fulfilment centre (role tracking: no items), getShipmentItemsByShipmentId its items (a
// receipt of its own type, keyed and referenced by the ShipmentId); neither carries a
// time, so both take when Seam received them. Joined by the ASN, their plan puts the
// goods counted at the shipment's fulfilment centre.
func TestAmazonFBAAnswers(t *testing.T) {
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	received := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	mapAt := func(file string, edit func([]byte) []byte) *ontology.Document {
		t.Helper()
		res, err := reg.MapPayloadAt("acme", "amazon-fba", "shipment", "", edit(readSample(t, file)), received)
		if err != nil || len(res) != 1 || res[0].Doc == nil {
			t.Fatalf("%s: %v %+v", file, err, res)
		}
		if err := ontology.NewValidator().Document(res[0].Doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		return res[0].Doc
	}
	same := func(b []byte) []byte { return b }
	ship := mapAt("amazon-fba/getShipments.json", same)
	if ship.Key.Type != "shipment" || ship.Key.ExternalID != "FBA15DJ9S3J5" || ship.Role != ontology.RoleTracking ||
		ship.Verb != ontology.VerbShipped || len(ship.Lines) != 0 {
		t.Fatalf("getShipments: %+v", ship)
	}
	wantLocation(t, ship, "amazon-fba:MKC6")
	wantTime(t, "occurredAt", ship.OccurredAt, "2026-12-06T10:00:00Z")
	wantExactRefs(t, ship, "asn:FBA15DJ9S3J5")

	items := mapAt("amazon-fba/getShipmentItems.json", same)
	if items.Key.Type != "shipment_items" || items.Key.ExternalID != "FBA15DF2763D/CR-47K6-H6QN" || items.Role != ontology.RoleReceipt ||
		items.Verb != ontology.VerbShipped {
		t.Fatalf("getShipmentItemsByShipmentId: %+v", items)
	}
	wantLines(t, items, "CR-47K6-H6QN ext=X0014BIZ8T qty=0 expected=4")
	wantExactRefs(t, items, "asn:FBA15DF2763D")

	// The same shipment's items once Amazon counted 3 of the 4, joined with its status.
	counted := mapAt("amazon-fba/getShipmentItems.json", func(b []byte) []byte {
		b = bytes.ReplaceAll(b, []byte("FBA15DF2763D"), []byte("FBA15DJ9S3J5"))
		return bytes.Replace(b, []byte(`"QuantityReceived": 0`), []byte(`"QuantityReceived": 3`), 1)
	})
	if counted.Verb != ontology.VerbReceived {
		t.Fatalf("counted items: verb %s", counted.Verb)
	}
	eff, ds := inventory.Plan([]inventory.Member{planMember(ship), planMember(counted)}, nil)
	want := inventory.Effect{{Cell: ontology.Cell{SKU: "CR-47K6-H6QN", Location: "amazon-fba:MKC6"}, Bucket: ontology.BucketOnHand}: ontology.Units(3)}
	if !reflect.DeepEqual(eff, want) || len(ds) != 1 {
		t.Errorf("plan %v %+v, want 3 on hand at MKC6 and 1 short", eff, ds)
	}

	// The shipment cancelled (ShipmentStatus CANCELLED, or DELETED): its items, announced
	// by the items answer, stop counting; nothing is incoming.
	shipped := mapAt("amazon-fba/getShipmentItems.json", func(b []byte) []byte {
		return bytes.ReplaceAll(b, []byte("FBA15DF2763D"), []byte("FBA15DJ9S3J5"))
	})
	if eff, _ := inventory.Plan([]inventory.Member{planMember(ship), planMember(shipped)}, nil); len(eff) != 1 {
		t.Errorf("shipped: plan %v, want its items incoming", eff)
	}
	for _, status := range []string{"CANCELLED", "DELETED"} {
		gone := mapAt("amazon-fba/getShipments.json", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"ShipmentStatus": "SHIPPED"`), []byte(`"ShipmentStatus": "`+status+`"`), 1)
		})
		if gone.Verb != ontology.VerbCancelled {
			t.Fatalf("%s: verb %s", status, gone.Verb)
		}
		if eff, _ := inventory.Plan([]inventory.Member{planMember(gone), planMember(shipped)}, nil); len(eff) != 0 {
			t.Errorf("%s: plan %v, want nothing: the shipment's items never come", status, eff)
		}
	}

	// Without a receive time (a caller that knows none) the answers have no time at all.
	res, err := reg.MapPayload("acme", "amazon-fba", "shipment", "", readSample(t, "amazon-fba/getShipments.json"))
	if err != nil || len(res) != 1 || res[0].Doc != nil {
		t.Errorf("no receive time: %v %+v", err, res)
	}
}

// planMember is a mapped document as the stock plan sees it, its location as
// "system:code", its lines that are not goods left out.
func planMember(d *ontology.Document) inventory.Member {
	m := inventory.Member{UID: d.Key.UID(), System: d.Key.System, Type: d.Key.Type, Role: d.Role, Verb: d.Verb, OccurredAt: d.OccurredAt,
		SaleKeepsReturns: d.SaleKeepsReturns, WholeOrder: d.WholeOrder, WholeOutcome: d.WholeOutcome}
	if d.Location != nil {
		m.Location = d.Location.System + ":" + d.Location.Code
	}
	for _, l := range d.Lines {
		if l.NotStock {
			continue // resolution gives such a line no product: it moves no stock
		}
		m.Lines = append(m.Lines, inventory.Line{SKU: l.SKU, Lot: l.Lot, Qty: l.Qty, ExpectedQty: l.ExpectedQty,
			Outcome: l.Outcome, KeepsRefunds: l.KeepsRefunds})
	}
	return m
}

// Two polls of one FBA shipment of three SKUs whose pages fall differently (the first
// answers MUG-A and MUG-B, then MUG-C; the next, after the shipment's items changed
// order, MUG-C and MUG-A, then MUG-B) give the same documents, one per item, with the
// second poll's counts: each is a new version of the first poll's document. Before, the
// pages were keyed by their first SKU: the second poll's page "MUG-C..." was a document
// beside the first poll's "MUG-A..." page, and MUG-A was counted twice (found by an
// outside review, review23).
func TestAmazonRepeatedPollsOfAShipmentAreTheSameDocuments(t *testing.T) {
	item := func(sku string, received int) string {
		return fmt.Sprintf(`{"ShipmentId": "FBA15DJ9SVVD", "SellerSKU": %q, "FulfillmentNetworkSKU": "X00R23%s", "QuantityShipped": 10, "QuantityReceived": %d, "QuantityInCase": 0, "PrepDetailsList": []}`,
			sku, strings.ReplaceAll(sku, "-", ""), received)
	}
	page := func(next string, items ...string) []byte {
		tok := ""
		if next != "" {
			tok = fmt.Sprintf(`, "NextToken": %q`, next)
		}
		return []byte(`{"payload": {"ItemData": [` + strings.Join(items, ", ") + `]` + tok + `}}`)
	}
	reg, err := mapping.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	poll := func(pages ...[]byte) map[string]string {
		got := map[string]string{}
		for _, p := range pages {
			res, err := reg.MapPayloadAt("acme", "amazon-fba", "shipment", "", p, time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				d := r.Doc
				if d == nil {
					t.Fatal(r.Problems)
				}
				var lines []string
				for _, l := range d.Lines {
					lines = append(lines, fmt.Sprintf("%s %s/%s", l.SKU, l.Qty, l.ExpectedQty))
				}
				got[d.Key.Type+":"+d.Key.ExternalID] = strings.Join(lines, ", ")
			}
		}
		return got
	}
	first := poll(page("AAAAAAAAAABtqoY6CcWi1L8m", item("MUG-A", 10), item("MUG-B", 10)), page("", item("MUG-C", 4)))
	next := poll(page("AAAAAAAAAACxrpZ7DdXj2M9n", item("MUG-C", 10), item("MUG-A", 10)), page("", item("MUG-B", 10)))
	want := map[string]string{
		"shipment_items:FBA15DJ9SVVD/MUG-A": "MUG-A 10/10",
		"shipment_items:FBA15DJ9SVVD/MUG-B": "MUG-B 10/10",
		"shipment_items:FBA15DJ9SVVD/MUG-C": "MUG-C 4/10",
	}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("first poll: %v, want %v", first, want)
	}
	want["shipment_items:FBA15DJ9SVVD/MUG-C"] = "MUG-C 10/10"
	if !reflect.DeepEqual(next, want) {
		t.Errorf("next poll: %v, want the same documents %v", next, want)
	}
}
