package resolver_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
)

// declLine is a customs goods line that names its item only in its declaration elements.
func declLine(name, hs, model string, n int64) ontology.Line {
	return ontology.Line{Title: name, HSCode: hs, Model: model, Qty: ontology.Units(n)}
}

// TestCustomsLinesNamedOnlyInGModel: a declaration whose goods lines carry no item number
// field is stored and resolved; a line whose declaration elements hold a known SKU is that
// product, and the declaration links to its warehouse receipt by PO; a line nothing
// identifies waits as an unresolved product with its candidates, moves no stock, and
// confirming it moves the stock.
func TestCustomsLinesNamedOnlyInGModel(t *testing.T) {
	f := newFixture(t)
	receipt := f.doc("erpnext", "receipt", "MAT-PRE-2025-00042", ontology.RoleReceipt, ontology.VerbReceived, t0.Add(72*time.Hour), "WH",
		[]ontology.Ref{ref(ontology.RefPO, "PO-2025-00417")},
		ontology.Line{SKU: "TEA-OOL-250G", Title: "Oolong tea 250 g", HSCode: "0902300000", Qty: ontology.Units(1000)})
	mugs := f.doc("erpnext", "receipt", "MAT-PRE-2025-00001", ontology.RoleReceipt, ontology.VerbReceived, t0, "WH",
		[]ontology.Ref{ref(ontology.RefPO, "PO-2025-00001")},
		ontology.Line{SKU: "CUP-TRV-450", Title: "Travel cup 450 ml", HSCode: "7323930000", Qty: ontology.Units(5)})
	f.save(receipt, mugs)
	f.process()

	decl := f.doc("china-customs", "declaration", "531620250000000417", ontology.RoleDeclaration, ontology.VerbDeclared, t0.Add(24*time.Hour), "",
		[]ontology.Ref{ref(ontology.RefPO, "PO-2025-00417")},
		declLine("乌龙茶", "0902300000", "1|0|乌龙茶|250g|TEA-OOL-250G", 1000))
	// A second declaration, with nothing received yet, of a good no code names.
	cups := f.doc("china-customs", "declaration", "531620250000000418", ontology.RoleDeclaration, ontology.VerbDeclared, t0.Add(25*time.Hour), "",
		[]ontology.Ref{ref(ontology.RefPO, "PO-2025-00418")},
		declLine("不锈钢保温杯", "7323930000", "1|0|不锈钢|450ml|无品牌", 200))
	cups.Location = &ontology.LocationRef{System: "china-customs", Code: "WH"}
	f.save(decl, cups)
	if st := f.process(); st.Documents != 2 || st.SetAside != 0 {
		t.Fatalf("declarations: %+v", st)
	}
	if ev := f.eventOf("china-customs", "declaration", "531620250000000417"); ev == "" || ev != f.eventOf("erpnext", "receipt", "MAT-PRE-2025-00042") {
		t.Fatal("the declaration did not join its receipt by PO")
	}
	detail, err := f.store.EventDetail(f.ctx, f.tenant, f.eventOf("erpnext", "receipt", "MAT-PRE-2025-00042"))
	if err != nil {
		t.Fatal(err)
	}
	if len(detail.Discrepancies) != 0 {
		t.Fatalf("the declared oolong is the received oolong; discrepancies %+v", detail.Discrepancies)
	}

	// The cups: nothing identifies them (no code, and the catalogue's travel cup is 450 ml
	// but its title shares nothing with the Chinese name), so they wait.
	sg, err := f.store.ProductSuggestions(f.ctx, f.tenant, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(sg) != 1 || sg[0].Title != "不锈钢保温杯" || sg[0].Documents != 1 || sg[0].Reason == "" {
		t.Fatalf("suggestions = %+v", sg)
	}
	if len(sg[0].Candidates) == 0 || sg[0].Candidates[0].SKU != "CUP-TRV-450" {
		t.Fatalf("the travel cup (same HS code and size) should be the best candidate: %+v", sg[0].Candidates)
	}
	if got := f.stock(); got["CUP-TRV-450@WH/incoming"] != "" {
		t.Fatalf("an unresolved line moved stock: %v", got)
	}
	// A person confirms it: the declaration is resolved again and its goods are incoming.
	n, err := f.store.SetProductAlias(f.ctx, resolver.ProductAlias{Tenant: f.tenant, System: "china-customs", Code: sg[0].Code, SKU: "CUP-TRV-450"})
	if err != nil || n != 1 {
		t.Fatalf("setProductAlias queued %d documents: %v", n, err)
	}
	f.process()
	if got := f.stock()["CUP-TRV-450@china-customs:WH/incoming"]; got != "200" {
		t.Fatalf("after confirming: stock %v, want 200 travel cups incoming", f.stock())
	}
	if sg, _ := f.store.ProductSuggestions(f.ctx, f.tenant, 10); len(sg) != 0 {
		t.Fatalf("a confirmed line is still suggested: %+v", sg)
	}
	// The next declaration saying the same is identified at once.
	again := f.doc("china-customs", "declaration", "531620250000000419", ontology.RoleDeclaration, ontology.VerbDeclared, t0.Add(26*time.Hour), "",
		[]ontology.Ref{ref(ontology.RefPO, "PO-2025-00419")}, declLine("不锈钢保温杯", "7323930000", "1|0|不锈钢|450ml|无品牌", 50))
	f.save(again)
	f.process()
	if sg, _ := f.store.ProductSuggestions(f.ctx, f.tenant, 10); len(sg) != 0 {
		t.Fatalf("the same description waits again: %+v", sg)
	}
}

// TestDescribedLinesScoredAgainstTheCatalogue: titles the catalogue learnt from other
// systems' lines (a marketplace's Chinese title) identify a described line by score, with
// the evidence; two teas of one HS code and size without title evidence stay apart.
func TestDescribedLinesScoredAgainstTheCatalogue(t *testing.T) {
	f := newFixture(t)
	for i, l := range []ontology.Line{
		{SKU: "TEA-OOL-250G", Title: "台湾乌龙茶 250克", HSCode: "0902300000", Qty: ontology.Units(1)},
		{SKU: "TEA-BLK-250G", Title: "红茶 250克", HSCode: "0902300000", Qty: ontology.Units(1)},
	} {
		id := []string{"s1", "s2"}[i]
		f.save(f.doc("douyin", "order", id, ontology.RoleOrder, ontology.VerbPaid, t0, "SHOP", []ontology.Ref{{Kind: ontology.RefOrderID, Scope: "douyin", Value: id}}, l))
	}
	f.process()
	decl := f.doc("china-customs", "declaration", "531620250000000501", ontology.RoleDeclaration, ontology.VerbDeclared, t0, "",
		[]ontology.Ref{ref(ontology.RefPO, "PO-501")},
		declLine("乌龙茶", "0902300000", "1|0|乌龙茶|250g", 100), declLine("茶叶", "0902300000", "1|0|250g", 100))
	decl.Location = &ontology.LocationRef{System: "china-customs", Code: "WH"}
	f.save(decl)
	f.process()
	stock := f.stock()
	if stock["TEA-OOL-250G@china-customs:WH/incoming"] != "100" || stock["TEA-BLK-250G@china-customs:WH/incoming"] != "" {
		t.Fatalf("stock %v: the oolong line is oolong; the bare 'tea' line is neither", stock)
	}
	sg, err := f.store.ProductSuggestions(f.ctx, f.tenant, 10)
	if err != nil || len(sg) != 1 || sg[0].Title != "茶叶" || !strings.Contains(sg[0].Reason, "below the accept threshold") ||
		len(sg[0].Candidates) != 2 || sg[0].Candidates[0].Score != sg[0].Candidates[1].Score {
		t.Fatalf("suggestions %+v %v: want both teas as equal candidates, neither accepted", sg, err)
	}
}

// TestDeclarationInKilogramsAnnouncesNoPieces: a customs line known only in kilograms
// (GUnit 035, no legal unit that counts) says nothing of how many pieces come: it
// announces no stock, while a line of the same declaration in pieces does, and the
// receipt's count is not compared with the kilograms.
func TestDeclarationInKilogramsAnnouncesNoPieces(t *testing.T) {
	f := newFixture(t)
	kg := ontology.Line{SKU: "TEA-OOL-250G", Title: "乌龙茶", HSCode: "0902300000", Qty: ontology.Units(50), Unit: "kg"}
	cans := ontology.Line{SKU: "TEA-BLK-500G", Title: "红茶", HSCode: "0902409000", Qty: ontology.Units(100), Unit: "pcs"}
	decl := f.doc("china-customs", "declaration", "220120261000123457", ontology.RoleDeclaration, ontology.VerbDeclared, t0, "",
		[]ontology.Ref{ref(ontology.RefPO, "PUR-ORD-2026-00042")}, kg, cans)
	decl.Location = &ontology.LocationRef{System: "china-customs", Code: "WH"}
	f.save(decl)
	f.process()
	stock := f.stock()
	if stock["TEA-OOL-250G@china-customs:WH/incoming"] != "" || stock["TEA-BLK-500G@china-customs:WH/incoming"] != "100" {
		t.Fatalf("stock %v: want no oolong incoming (50 kg is not 50 bags), 100 cans of black tea", stock)
	}
	receipt := f.doc("erpnext", "receipt", "MAT-PRE-2026-00020", ontology.RoleReceipt, ontology.VerbReceived, t0.Add(72*time.Hour), "WH",
		[]ontology.Ref{ref(ontology.RefPO, "PUR-ORD-2026-00042")},
		ontology.Line{SKU: "TEA-OOL-250G", Qty: ontology.Units(200)}, ontology.Line{SKU: "TEA-BLK-500G", Qty: ontology.Units(100)})
	f.save(receipt)
	f.process()
	detail, err := f.store.EventDetail(f.ctx, f.tenant, f.eventOf("erpnext", "receipt", "MAT-PRE-2026-00020"))
	if err != nil {
		t.Fatal(err)
	}
	if len(detail.Discrepancies) != 0 {
		t.Fatalf("discrepancies %+v: kilograms were compared with pieces", detail.Discrepancies)
	}
}
