package resolver_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// meituanOrder is a Meituan delivery order as its mapping stores it: the order id as a
// Meituan order_id, and the same number as wm_order_id_view.
func (f *fixture) meituanOrder(id string, at time.Time) ontology.Document {
	return f.doc("meituan", "order", id, ontology.RoleOrder, ontology.VerbPaid, at, "POI-77",
		[]ontology.Ref{{Kind: ontology.RefOrderID, Scope: "meituan", Value: id}, ref(ontology.RefOrderNumber, id)},
		line("LATTE", 2))
}

// ringUp is the same sale rung up at a Square till whose location no alias joins to the
// Meituan store yet, with the clerk's reference.
func (f *fixture) ringUp(id, reference string, at time.Time) ontology.Document {
	d := f.doc("square", "order", id, ontology.RolePOS, ontology.VerbPaid, at, "SQ-LOC-9",
		[]ontology.Ref{{Kind: ontology.RefOrderID, Scope: "square", Value: id}, ref(ontology.RefHubRef, reference)},
		line("LATTE", 2))
	d.Notes = []ontology.Note{{Field: "reference", Text: reference}}
	return d
}

// TestMarketplaceNumberTypedIntoThePOSReference: the seed's own example. Whatever the
// spelling, and whichever document arrives first, the Meituan order and its ring-up are
// one sale, and the evidence names the field, the raw text and the key.
func TestMarketplaceNumberTypedIntoThePOSReference(t *testing.T) {
	const mt = "27061900338491023"
	spellings := []string{mt, "MT" + mt, "MT-" + mt, "meituan:" + mt, "美团单号 " + mt + " 自取", "２７０６１９００３３８４９１０２３"}
	for _, spelled := range spellings {
		for _, posFirst := range []bool{false, true} {
			f := newFixture(t)
			order, pos := f.meituanOrder(mt, t0), f.ringUp("SQ-"+mt, spelled, t0.Add(3*time.Minute))
			if posFirst {
				f.save(pos)
				f.process()
				f.save(order)
			} else {
				f.save(order)
				f.process()
				f.save(pos)
			}
			f.process()
			ev := f.eventOf("meituan", "order", mt)
			if ev == "" || ev != f.eventOf("square", "order", "SQ-"+mt) {
				t.Errorf("%q (pos first: %v): not one event", spelled, posFirst)
				continue
			}
			detail, err := f.store.EventDetail(f.ctx, f.tenant, ev)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, src := range detail.Sources {
				e := src.Evidence
				if e.Rule == "text-reference" && strings.Contains(e.Note, "reference") && strings.Contains(e.Note, "order_id:meituan:"+mt) {
					found = true
				}
			}
			if !found {
				t.Errorf("%q (pos first: %v): no text-reference evidence naming the field and key: %+v", spelled, posFirst, detail.Sources)
			}
			// One sale: the ring-up's lines, once.
			if got := f.stock(); len(got) != 1 || got["LATTE@square:SQ-LOC-9/onHand"] != "-2" {
				t.Errorf("%q (pos first: %v): stock %v, want the latte sold once at the till", spelled, posFirst, got)
			}
		}
	}
}

// TestLookAlikeReferencesStayApart: a number that differs by one digit, a number that no
// document has, a short number in a remark and two numbers naming two sales never link.
func TestLookAlikeReferencesStayApart(t *testing.T) {
	f := newFixture(t)
	f.save(f.meituanOrder("27061900338491023", t0), f.meituanOrder("27061900338491024", t0.Add(time.Minute)))
	f.process()
	pos := []ontology.Document{
		f.ringUp("SQ-1", "MT27061900338491025", t0.Add(5*time.Minute)), // one digit off both
		f.ringUp("SQ-2", "99999999999999999", t0.Add(6*time.Minute)),   // nobody's number
		f.ringUp("SQ-3", "table 1047, two sugars", t0.Add(7*time.Minute)),
		f.ringUp("SQ-4", "MT27061900338491023 / MT27061900338491024", t0.Add(8*time.Minute)), // two orders
	}
	f.save(pos...)
	f.process()
	for _, p := range pos {
		ev := f.eventOf("square", "order", p.Key.ExternalID)
		for _, mt := range []string{"27061900338491023", "27061900338491024"} {
			if ev == f.eventOf("meituan", "order", mt) {
				t.Errorf("%s (%q) joined Meituan order %s", p.Key.ExternalID, p.Notes[0].Text, mt)
			}
		}
	}
	reviews, err := f.store.Reviews(f.ctx, f.tenant, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 1 || !strings.Contains(reviews[0].Evidence.Note, "notes name two actions") {
		t.Fatalf("the reference naming two orders should wait for a person: %+v", reviews)
	}
}

// TestCustomerParticularsAreNoReference: a shop keeps a customer's social security
// number in a checkout attribute, which the mapping reads as the customer's national id
// and again among the attributes it searches for references. The number is who the
// customer is: a till's sale whose customer's id equals an order's number does not join
// that order, while the same bare number in a field that is no particular of its
// customer still does.
func TestCustomerParticularsAreNoReference(t *testing.T) {
	for _, particular := range []bool{true, false} {
		f := newFixture(t)
		f.save(f.doc("shopify", "order", "5820000000001", ontology.RoleOrder, ontology.VerbPaid, t0, "online",
			[]ontology.Ref{{Kind: ontology.RefOrderID, Scope: "shopify", Value: "5820000000001"}, ref(ontology.RefOrderNumber, "3124171")},
			line("TEE", 1)))
		f.process()
		sale := f.doc("square", "order", "SQ-1", ontology.RolePOS, ontology.VerbPaid, t0.Add(3*time.Minute), "SQ-LOC-9",
			[]ontology.Ref{{Kind: ontology.RefOrderID, Scope: "square", Value: "SQ-1"}}, line("TEE", 1))
		sale.Parties = []ontology.PartyRef{{Role: ontology.PartyCustomer, Name: "alicia clarke", BirthDate: "19811201"}}
		if particular {
			sale.Parties[0].NationalID = "3124171"
		}
		sale.Notes = []ontology.Note{{Field: "attributes", Text: "19811201"}, {Field: "attributes", Text: "3124171"}}
		f.save(sale)
		f.process()
		order := f.eventOf("shopify", "order", "5820000000001")
		if order == "" {
			t.Fatal("the order has no event")
		}
		switch joined := f.eventOf("square", "order", "SQ-1") == order; {
		case particular && joined:
			t.Errorf("the sale whose customer's national id is 3124171 joined order 3124171's event %s", order)
		case !particular && !joined:
			t.Errorf("the sale whose attribute names order 3124171, no particular of its customer, did not join its event %s", order)
		}
	}
}
