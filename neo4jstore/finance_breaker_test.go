package neo4jstore_test

import (
	"errors"
	"testing"
	"time"

	"github.com/seamhub/seam/finance"
	"github.com/seamhub/seam/ontology"
)

func TestBreakerEvidenceFromTheGraph(t *testing.T) {
	f := newFinanceFixture(t)
	t0 := time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)
	supplier := ontology.PartyRef{Role: ontology.PartySupplier, ExternalID: "SUP-0007", Name: "Example GmbH"}
	var docs []ontology.Document
	for i, lateDays := range []int{80, 85, 84} {
		at := t0.AddDate(0, 0, 7*i)
		inv := "ACC-PINV-2025-0001" + string(rune('0'+i))
		po := "PUR-ORD-2025-0038" + string(rune('0'+i))
		pinv := fdoc("erpnext", "purchase_invoice", inv, ontology.RoleInvoice, ontology.VerbInvoiced, at, eurs("1128.00"),
			ontology.Ref{Kind: ontology.RefInvoice, Value: inv}, ontology.Ref{Kind: ontology.RefPO, Value: po})
		pinv.Parties = []ontology.PartyRef{supplier}
		pinv.Lines = []ontology.Line{{SKU: "TEA-OOL-250G", Qty: ontology.Units(480), UnitPrice: eurs("2.35")}}
		pay := fdoc("erpnext", "payment", "ACC-PAY-2025-0031"+string(rune('0'+i)), ontology.RolePayment, ontology.VerbSettled,
			at.AddDate(0, 0, lateDays), eurs("1128.00"), ontology.Ref{Kind: ontology.RefInvoice, Value: inv})
		pay.Parties = []ontology.PartyRef{supplier}
		decl := fdoc("china-customs", "declaration", "53162025000000000"+string(rune('1'+i)), ontology.RoleDeclaration,
			ontology.VerbDeclared, at.AddDate(0, 0, -3), nil, ontology.Ref{Kind: ontology.RefPO, Value: po})
		decl.Lines = []ontology.Line{{SKU: "TEA-OOL-250G", Qty: ontology.Units(480), UnitPrice: eurs("2.00")}}
		docs = append(docs, pinv, pay, decl)
	}
	f.resolve(docs...)

	cycles, err := f.s.PaymentCycles(f.ctx, f.tenant, "erpnext:SUP-0007", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(cycles) != 3 || cycles[0].Invoice.ExternalID != "ACC-PINV-2025-00012" || cycles[0].Payment.ExternalID != "ACC-PAY-2025-00312" {
		t.Fatalf("cycles %+v", cycles)
	}
	v := finance.PaymentTermsVerdict("erpnext:SUP-0007", 60, true, cycles, finance.DefaultBreakerRules())
	if !v.Breached || v.Seen.IsZero() {
		t.Errorf("verdict %+v", v)
	}
	pairs, err := f.s.DeclaredPairs(f.ctx, f.tenant, "erpnext:SUP-0007", 5)
	if err != nil || len(pairs) != 3 || pairs[0].Invoice.Key.Type != "purchase_invoice" || pairs[0].Declaration.Key.ExternalID != "531620250000000003" {
		t.Fatalf("pairs %+v %v", pairs, err)
	}
	if v := finance.DeclaredValueVerdict("erpnext:SUP-0007", pairs, finance.DefaultConfig(), finance.DefaultBreakerRules()); !v.Breached {
		t.Errorf("declared %+v", v)
	}
	// Another tenant's supplier of the same code has no evidence.
	if c, err := f.s.PaymentCycles(f.ctx, "t-other-tenant", "erpnext:SUP-0007", 5); err != nil || len(c) != 0 {
		t.Errorf("other tenant: %v %v", c, err)
	}
	if _, err := f.s.PaymentCycles(f.ctx, f.tenant, "SUP-0007", 5); err == nil {
		t.Error("a supplier without its system was accepted")
	}

	// The ledger: trip, lift, history, oldest first.
	now := time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)
	if err := f.s.Trip(f.ctx, f.tenant, v, now); err != nil {
		t.Fatal(err)
	}
	st, _ := f.s.BreakerStates(f.ctx, f.tenant, "erpnext:SUP-0007")
	if s := st[finance.RulePaymentTerms]; !s.Tripped || s.Figures != v.Figures || !s.TrippedAt.Equal(now) {
		t.Errorf("state %+v", s)
	}
	if _, err := f.s.Lift(f.ctx, f.tenant, "erpnext:SUP-0007", finance.RuleDeclaredValue, "person:cfo", "x", now); !errors.Is(err, finance.ErrNotTripped) {
		t.Errorf("lifting an untripped breaker: %v", err)
	}
	lifted, err := f.s.Lift(f.ctx, f.tenant, "erpnext:SUP-0007", finance.RulePaymentTerms, "person:cfo", "renegotiated", now.Add(time.Hour))
	if err != nil || lifted.Tripped || lifted.LiftedBy != "person:cfo" {
		t.Fatalf("lift %+v %v", lifted, err)
	}
	h, _ := f.s.BreakerHistory(f.ctx, f.tenant, "erpnext:SUP-0007")
	if len(h) != 2 || h[0].Action != "tripped" || h[1].Action != "lifted" || h[1].Reason != "renegotiated" {
		t.Errorf("history %+v", h)
	}
	if err := f.s.SetAgreedTerms(f.ctx, f.tenant, "erpnext:SUP-0007", 60, "person:cfo"); err != nil {
		t.Fatal(err)
	}
	if d, ok, err := f.s.AgreedTerms(f.ctx, f.tenant, "erpnext:SUP-0007"); d != 60 || !ok || err != nil {
		t.Errorf("terms %d %v %v", d, ok, err)
	}
	if s, _ := f.s.BreakerSuppliers(f.ctx, f.tenant); len(s) != 1 || s[0] != "erpnext:SUP-0007" {
		t.Errorf("suppliers %v", s)
	}
}

// TestBreakerEvidenceSkipsDraftInvoices: a supplier's invoice still a draft (ERPNext
// docstatus 0, mapped as ordered) is not issued, as finance's reconciliation already
// holds. Before, a draft was the declaration's invoice in place of its purchase order,
// and a draft debit note (return_against the invoice, so carrying its number) took
// that invoice's payment as its own payment cycle.
func TestBreakerEvidenceSkipsDraftInvoices(t *testing.T) {
	f := newFinanceFixture(t)
	t0 := time.Date(2025, 2, 3, 9, 0, 0, 0, time.UTC)
	supplier := ontology.PartyRef{Role: ontology.PartySupplier, ExternalID: "SUP-0008", Name: "Example GmbH"}
	withSupplier := func(d ontology.Document) ontology.Document {
		d.Parties = []ontology.PartyRef{supplier}
		d.Lines = []ontology.Line{{SKU: "TEA-OOL-250G", Qty: ontology.Units(480), UnitPrice: eurs("2.35")}}
		return d
	}
	po := withSupplier(fdoc("erpnext", "purchase_order", "PUR-ORD-2025-00390", ontology.RolePurchase, ontology.VerbOrdered, t0, eurs("1128.00"),
		ontology.Ref{Kind: ontology.RefPO, Value: "PUR-ORD-2025-00390"}))
	draft := withSupplier(fdoc("erpnext", "purchase_invoice", "ACC-PINV-2025-00020", ontology.RoleInvoice, ontology.VerbOrdered, t0.AddDate(0, 0, 2),
		eurs("1500.00"), ontology.Ref{Kind: ontology.RefInvoice, Value: "ACC-PINV-2025-00020"}, ontology.Ref{Kind: ontology.RefPO, Value: "PUR-ORD-2025-00390"}))
	decl := fdoc("china-customs", "declaration", "531620250000000010", ontology.RoleDeclaration, ontology.VerbDeclared, t0.AddDate(0, 0, 5), nil,
		ontology.Ref{Kind: ontology.RefPO, Value: "PUR-ORD-2025-00390"})
	decl.Lines = []ontology.Line{{SKU: "TEA-OOL-250G", Qty: ontology.Units(480), UnitPrice: eurs("2.30")}}

	inv := withSupplier(fdoc("erpnext", "purchase_invoice", "ACC-PINV-2025-00021", ontology.RoleInvoice, ontology.VerbInvoiced, t0, eurs("940.00"),
		ontology.Ref{Kind: ontology.RefInvoice, Value: "ACC-PINV-2025-00021"}))
	debitNote := withSupplier(fdoc("erpnext", "purchase_invoice", "ACC-PINV-2025-00022", ontology.RoleInvoice, ontology.VerbOrdered, t0.AddDate(0, 0, 25),
		eurs("94.00"), ontology.Ref{Kind: ontology.RefInvoice, Value: "ACC-PINV-2025-00022"}, ontology.Ref{Kind: ontology.RefInvoice, Value: "ACC-PINV-2025-00021"}))
	pay := withSupplier(fdoc("erpnext", "payment", "ACC-PAY-2025-00040", ontology.RolePayment, ontology.VerbSettled, t0.AddDate(0, 0, 30), eurs("940.00"),
		ontology.Ref{Kind: ontology.RefInvoice, Value: "ACC-PINV-2025-00021"}))
	f.resolve(po, draft, decl, inv, debitNote, pay)

	pairs, err := f.s.DeclaredPairs(f.ctx, f.tenant, "erpnext:SUP-0008", 5)
	if err != nil || len(pairs) != 1 || pairs[0].Invoice.Key.Type != "purchase_order" {
		t.Fatalf("the declaration's pair: %+v %v, want it with its purchase order", pairs, err)
	}
	cycles, err := f.s.PaymentCycles(f.ctx, f.tenant, "erpnext:SUP-0008", 5)
	if err != nil || len(cycles) != 1 || cycles[0].Invoice.ExternalID != "ACC-PINV-2025-00021" {
		t.Fatalf("cycles %+v %v, want the submitted invoice's alone", cycles, err)
	}
}
