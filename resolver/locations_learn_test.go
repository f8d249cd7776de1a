package resolver_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/resolver"
)

// TestLocationsLearnedFromLinkedSales: a Meituan store code no alias names and a Square
// till that is aliased are joined by sales linked through the clerk's references; after
// enough of them the alias is proposed, with the count and the evidence, and nothing is
// applied by itself. A sale seen from both systems only by its content (same basket, same
// hour) counts as evidence too, without linking the documents.
func TestLocationsLearnedFromLinkedSales(t *testing.T) {
	f := newFixture(t)
	f.m = resolver.NewMatcher(f.store, resolver.NewRegistry([]resolver.LocationAlias{
		{Tenant: f.tenant, System: "square", Code: "SQ-LOC-9", Location: "STORE-SH-01"}}, nil), nil)
	for i := 0; i < 3; i++ {
		mt := fmt.Sprintf("2706190033849102%d", i)
		at := t0.Add(time.Duration(i) * 3 * time.Hour)
		f.save(f.meituanOrder(mt, at), f.ringUp("SQ-"+mt, "MT"+mt, at.Add(2*time.Minute)))
		f.process()
	}
	learned, err := f.store.LearnedLocations(f.ctx, f.tenant)
	if err != nil {
		t.Fatal(err)
	}
	if len(learned) != 1 || learned[0].System != "meituan" || learned[0].Code != "POI-77" || learned[0].Location != "STORE-SH-01" || learned[0].Links != 3 {
		t.Fatalf("learned = %+v", learned)
	}
	sg := resolver.LearnedSuggestions(learned, resolver.DefaultLocationLearning())
	if len(sg) != 1 || sg[0].Location != "STORE-SH-01" || !strings.Contains(sg[0].Reason, "3 business actions") {
		t.Fatalf("suggestions = %+v", sg)
	}
	if sg := resolver.LearnedSuggestions(learned, resolver.LocationLearning{MinLinks: 4}); len(sg) != 0 {
		t.Fatalf("3 links proposed an alias that needs 4: %+v", sg)
	}
	// Nothing applied: the Meituan orders' stock stays under their own code... but each
	// sale counts once, at the till that rang it up.
	if got := f.stock(); got["LATTE@STORE-SH-01/onHand"] != "-6" || len(got) != 1 {
		t.Fatalf("stock %v", got)
	}

	// Content only: a ring-up without a reference, same basket, two minutes later.
	mt := "27061900338491099"
	at := t0.Add(20 * time.Hour)
	pos := f.ringUp("SQ-"+mt, "", at.Add(2*time.Minute))
	pos.Notes = nil
	f.save(f.meituanOrder(mt, at), pos)
	f.process()
	if f.eventOf("meituan", "order", mt) == f.eventOf("square", "order", "SQ-"+mt) {
		t.Fatal("a content match across locations no alias joins linked the documents")
	}
	learned, _ = f.store.LearnedLocations(f.ctx, f.tenant)
	if len(learned) != 1 || learned[0].Links != 4 {
		t.Fatalf("after a content match: %+v", learned)
	}
}

// TestLocationsLearnedFromContentOfAnEarlierBatch: the sale across locations that a
// ring-up's content points to was resolved in an earlier batch, so the batch finds it
// through the cross-location blocks alone and reads it without its movements; the alias
// is still learned from it.
func TestLocationsLearnedFromContentOfAnEarlierBatch(t *testing.T) {
	f := newFixture(t)
	f.m = resolver.NewMatcher(f.store, resolver.NewRegistry([]resolver.LocationAlias{
		{Tenant: f.tenant, System: "square", Code: "SQ-LOC-9", Location: "STORE-SH-01"}}, nil), nil)
	mt := "27061900338491077"
	f.save(f.meituanOrder(mt, t0))
	f.process()
	pos := f.ringUp("SQ-"+mt, "", t0.Add(2*time.Minute))
	pos.Notes = nil
	f.save(pos)
	f.process()
	if f.eventOf("meituan", "order", mt) == f.eventOf("square", "order", "SQ-"+mt) {
		t.Fatal("a content match across locations no alias joins linked the documents")
	}
	learned, err := f.store.LearnedLocations(f.ctx, f.tenant)
	if err != nil {
		t.Fatal(err)
	}
	if len(learned) != 1 || learned[0].System != "meituan" || learned[0].Code != "POI-77" || learned[0].Location != "STORE-SH-01" ||
		learned[0].Links != 1 || !strings.Contains(strings.Join(learned[0].Examples, " "), "content") {
		t.Fatalf("learned = %+v", learned)
	}
}

// TestLocationsLearnedFromAnAliasedSaleResolvedFirst: the ring-up at the aliased till is
// resolved in a batch before the Meituan order arrives; the order, whose store no alias
// names, still finds it by content and the alias is learned. A third till, aliased to
// another store, rings up the same basket in the same hour: two aliased stores have
// nothing to teach each other, and the learned pair stays the one.
func TestLocationsLearnedFromAnAliasedSaleResolvedFirst(t *testing.T) {
	f := newFixture(t)
	f.m = resolver.NewMatcher(f.store, resolver.NewRegistry([]resolver.LocationAlias{
		{Tenant: f.tenant, System: "square", Code: "SQ-LOC-9", Location: "STORE-SH-01"},
		{Tenant: f.tenant, System: "square", Code: "SQ-LOC-4", Location: "STORE-SH-02"}}, nil), nil)
	mt := "27061900338491088"
	pos := f.ringUp("SQ-"+mt, "", t0.Add(2*time.Minute))
	pos.Notes = nil
	other := f.ringUp("SQ-other", "", t0.Add(4*time.Minute))
	other.Notes, other.Location.Code = nil, "SQ-LOC-4"
	f.save(pos, other)
	f.process()
	f.save(f.meituanOrder(mt, t0))
	f.process()
	learned, err := f.store.LearnedLocations(f.ctx, f.tenant)
	if err != nil {
		t.Fatal(err)
	}
	if len(learned) != 1 || learned[0].Code != "POI-77" || learned[0].Links != 1 {
		t.Fatalf("learned = %+v", learned)
	}
}
