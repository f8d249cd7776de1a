package resolver_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// twoShops stores a tenant's Shopify order #1001 and, later, its WooCommerce order
// numbered 1001 too (id 4812): both shops number their orders from 1001.
func (f *fixture) twoShops() {
	f.t.Helper()
	shopify := f.doc("shopify", "order", "5820193847261", ontology.RoleOrder, ontology.VerbPaid, t0, "",
		[]ontology.Ref{ref(ontology.RefOrderNumber, "1001"), {Kind: ontology.RefOrderID, Scope: "shopify", Value: "5820193847261"}},
		line("SHOP-X", 1))
	woo := f.doc("woocommerce", "order", "4812", ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Hour), "",
		[]ontology.Ref{ref(ontology.RefOrderNumber, "1001"), {Kind: ontology.RefOrderID, Scope: "woocommerce", Value: "4812"}},
		line("WOO-X", 3))
	f.save(shopify, woo)
	f.process()
}

// tracking is an AfterShip tracking with the references its mapping reads.
func (f *fixture) tracking(id string, refs ...ontology.Ref) ontology.Document {
	return f.doc("aftership", "tracking", id, ontology.RoleTracking, ontology.VerbShipped, t0.Add(2*time.Hour), "",
		append([]ontology.Ref{ref(ontology.RefTracking, "1Z"+id)}, refs...))
}

// TestTrackingJoinsTheOrderOfItsShop: a tracking that names number 1001 and the
// WooCommerce id of the order ships the WooCommerce order, though the Shopify order of
// the same number is older; nobody is asked.
func TestTrackingJoinsTheOrderOfItsShop(t *testing.T) {
	f := newFixture(t)
	f.twoShops()
	f.save(f.tracking("T1", ref(ontology.RefOrderNumber, "1001"), ref(ontology.RefOrderNumber, "4812"),
		ontology.Ref{Kind: ontology.RefOrderID, Scope: "woocommerce", Value: "4812"}))
	f.process()
	if got, want := f.eventOf("aftership", "tracking", "T1"), f.eventOf("woocommerce", "order", "4812"); got == "" || got != want {
		t.Fatalf("the tracking joined %q, want the WooCommerce order's %q (Shopify's is %q)", got, want, f.eventOf("shopify", "order", "5820193847261"))
	}
	if reviews, err := f.store.Reviews(f.ctx, f.tenant, "", 10); err != nil || len(reviews) != 0 {
		t.Fatalf("reviews = %+v, %v; want none", reviews, err)
	}
}

// TestTrackingOfANumberTwoShopsUseIsReviewed: a tracking that names only the number
// both shops use joins the older order, as before, and waits for a person, who may move
// it to the other.
func TestTrackingOfANumberTwoShopsUseIsReviewed(t *testing.T) {
	f := newFixture(t)
	f.twoShops()
	f.save(f.tracking("T2", ref(ontology.RefOrderNumber, "1001")))
	f.process()
	joined := f.eventOf("aftership", "tracking", "T2")
	if joined == "" || joined != f.eventOf("shopify", "order", "5820193847261") {
		t.Fatalf("the tracking joined %q, want the older order's event", joined)
	}
	reviews, err := f.store.Reviews(f.ctx, f.tenant, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	woo := f.eventOf("woocommerce", "order", "4812")
	if len(reviews) != 1 || reviews[0].EventID != joined || !strings.Contains(reviews[0].Evidence.Note, woo) ||
		!strings.Contains(reviews[0].Evidence.Note, "a person decides") {
		t.Fatalf("reviews = %+v; want one on the joined event naming %s", reviews, woo)
	}
}
