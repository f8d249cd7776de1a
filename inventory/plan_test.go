package inventory

import (
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

var t0 = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)

func member(uid string, role ontology.Role, verb ontology.Verb, loc string, lines ...Line) Member {
	return Member{UID: uid, Role: role, Verb: verb, Location: loc, OccurredAt: t0, Lines: lines}
}

func line(sku string, n int64) Line { return Line{SKU: sku, Qty: ontology.Units(n)} }

func key(sku, loc string, b ontology.Bucket) Key {
	return Key{ontology.Cell{SKU: sku, Location: loc}, b}
}

func TestPlan(t *testing.T) {
	qty := func(n int64) *ontology.Qty { q := ontology.Units(n); return &q }
	tests := []struct {
		name    string
		members []Member
		want    Effect
		disc    []Discrepancy
	}{
		{
			name:    "paid storefront order reserves",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", line("A", 2))},
			want:    Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(2)},
		},
		{
			name: "shipped order takes from on hand",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", line("A", 2)),
				member("t", ontology.RoleTracking, ontology.VerbShipped, ""),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-2), key("A", "WH", ontology.BucketInTransit): ontology.Units(2)},
		},
		{
			name: "parcel returned to sender: the goods are back on hand, neither delivered nor in transit",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", line("A", 2)),
				member("t", ontology.RoleTracking, ontology.VerbReturned, ""),
			},
			want: Effect{},
		},
		{
			name: "one parcel back, one delivered: which goods came back is not known",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", line("A", 2)),
				member("t1", ontology.RoleTracking, ontology.VerbReturned, ""),
				member("t2", ontology.RoleTracking, ontology.VerbDelivered, ""),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(-2)},
		},
		{
			name:    "pos sale takes from the store",
			members: []Member{member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("LATTE", 1))},
			want:    Effect{key("LATTE", "STORE", ontology.BucketOnHand): ontology.Units(-1)},
		},
		{
			name: "marketplace order rung up at the POS counts once, from the POS lines",
			members: []Member{
				member("m", ontology.RoleOrder, ontology.VerbPaid, "STORE", line("LATTE", 2)),
				member("p", ontology.RolePOS, ontology.VerbPaid, "STORE", line("LATTE", 2)),
			},
			want: Effect{key("LATTE", "STORE", ontology.BucketOnHand): ontology.Units(-2)},
		},
		{
			// A CEB order alone is a sale customs saw: no stock named, nothing incoming.
			name: "customs copy of an e-commerce order alone moves nothing",
			members: []Member{func() Member {
				m := member("c", ontology.RoleDeclaration, ontology.VerbDeclared, "", line("A", 1))
				m.Type = ontology.TypeOrder
				return m
			}()},
			want: Effect{},
		},
		{
			name: "customs copy of an e-commerce order joins the platform's sale",
			members: []Member{
				member("o", ontology.RoleOrder, ontology.VerbPaid, "WH", line("A", 1)),
				func() Member {
					m := member("c", ontology.RoleDeclaration, ontology.VerbDeclared, "", line("A", 1))
					m.Type = ontology.TypeOrder
					return m
				}(),
			},
			want: Effect{key("A", "WH", ontology.BucketReserved): ontology.Units(1)},
		},
		{
			name:    "cancelled order does nothing",
			members: []Member{member("o", ontology.RoleOrder, ontology.VerbCancelled, "WH", line("A", 2))},
			want:    Effect{},
		},
		{
			name:    "declaration alone is incoming",
			members: []Member{{UID: "d", Role: ontology.RoleDeclaration, Verb: ontology.VerbDeclared, Direction: "inbound", Location: "WH", OccurredAt: t0, Lines: []Line{line("A", 1000)}}},
			want:    Effect{key("A", "WH", ontology.BucketIncoming): ontology.Units(1000)},
		},
		{
			name: "receipt books what arrived and records the difference",
			members: []Member{
				{UID: "d", Role: ontology.RoleDeclaration, Verb: ontology.VerbDeclared, Direction: "inbound", Location: "WH", OccurredAt: t0, Lines: []Line{line("A", 1000)}},
				member("r", ontology.RoleReceipt, ontology.VerbReceived, "WH", Line{SKU: "A", Qty: ontology.Units(980), ExpectedQty: qty(1000)}),
			},
			want: Effect{key("A", "WH", ontology.BucketOnHand): ontology.Units(980)},
			disc: []Discrepancy{{SKU: "A", Expected: ontology.Units(1000), Actual: ontology.Units(980), Source: "d"}},
		},
		{
			name:    "payment alone moves nothing",
			members: []Member{member("c", ontology.RolePayment, ontology.VerbPaid, "")},
			want:    Effect{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, disc := Plan(tt.members, nil)
			if len(got) != len(tt.want) {
				t.Fatalf("Plan = %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("Plan[%v] = %s, want %s", k, got[k], v)
				}
			}
			if len(disc) != len(tt.disc) {
				t.Fatalf("discrepancies = %+v, want %+v", disc, tt.disc)
			}
			for i := range disc {
				if disc[i] != tt.disc[i] {
					t.Errorf("discrepancy %d = %+v, want %+v", i, disc[i], tt.disc[i])
				}
			}
		})
	}
}

func TestPlanIgnoresArrivalOrder(t *testing.T) {
	a := member("a", ontology.RoleOrder, ontology.VerbPaid, "S", line("X", 1))
	b := member("b", ontology.RolePOS, ontology.VerbPaid, "S", line("X", 1))
	b.OccurredAt = t0.Add(time.Minute)
	p1, _ := Plan([]Member{a, b}, nil)
	p2, _ := Plan([]Member{b, a}, nil)
	if len(p1) != 1 || p1[key("X", "S", ontology.BucketOnHand)] != ontology.Units(-1) || p2[key("X", "S", ontology.BucketOnHand)] != ontology.Units(-1) {
		t.Fatalf("plans differ by arrival order: %v vs %v", p1, p2)
	}
}

func TestReconcile(t *testing.T) {
	res := key("A", "WH", ontology.BucketReserved)
	on := key("A", "WH", ontology.BucketOnHand)
	first := Reconcile("t", "ev", Effect{}, Effect{res: ontology.Units(2)}, 0, t0)
	if len(first) != 1 || first[0].Qty != ontology.Units(2) || first[0].Reason != "plan" || first[0].ID != "ev:1" {
		t.Fatalf("first reconcile = %+v", first)
	}
	// The order shipped: release the reservation and take from on hand.
	second := Reconcile("t", "ev", Net(first), Effect{on: ontology.Units(-2)}, 1, t0)
	if len(second) != 2 {
		t.Fatalf("second reconcile = %+v", second)
	}
	net := Net(append(first, second...))
	if len(net) != 1 || net[on] != ontology.Units(-2) {
		t.Fatalf("net after shipping = %v", net)
	}
	for _, m := range second {
		if m.Reason != "compensation" {
			t.Errorf("movement %s reason %q, want compensation", m.ID, m.Reason)
		}
	}
	if again := Reconcile("t", "ev", net, Effect{on: ontology.Units(-2)}, 3, t0); len(again) != 0 {
		t.Fatalf("replanning an unchanged event appended %+v", again)
	}
}

type recipeBook map[string][]Ingredient

func (r recipeBook) Recipe(sku string) []Ingredient { return r[sku] }

func TestPlanConsumesRecipeIngredients(t *testing.T) {
	book := recipeBook{"LATTE": {{SKU: "MILK", Qty: 200_000}, {SKU: "BEANS", Qty: 18_000}, {SKU: "CUP", Qty: ontology.Units(1)}}}
	got, _ := Plan([]Member{member("p", ontology.RolePOS, ontology.VerbPaid, "S", line("LATTE", 3))}, book)
	want := Effect{
		key("MILK", "S", ontology.BucketOnHand):  -600_000,
		key("BEANS", "S", ontology.BucketOnHand): -54_000,
		key("CUP", "S", ontology.BucketOnHand):   ontology.Units(-3),
	}
	if len(got) != len(want) {
		t.Fatalf("Plan = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%v = %s, want %s", k, got[k], v)
		}
	}
}

func TestPlanHoldsRejectedGoods(t *testing.T) {
	rejected := ontology.Units(3)
	got, _ := Plan([]Member{member("r", ontology.RoleReceipt, ontology.VerbReceived, "WH",
		Line{SKU: "A", Lot: "L1", Qty: ontology.Units(17), RejectedQty: &rejected})}, nil)
	want := Effect{
		Key{ontology.Cell{SKU: "A", Location: "WH", Lot: "L1"}, ontology.BucketOnHand}: ontology.Units(17),
		Key{ontology.Cell{SKU: "A", Location: "WH", Lot: "L1"}, ontology.BucketOnHold}: ontology.Units(3),
	}
	if !equalEffects(got, want) {
		t.Fatalf("receipt with 3 rejected = %v, want %v", got, want)
	}
}
