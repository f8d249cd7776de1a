package resolver_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestRiskLinks: five suppliers, each its own legal entity (five credit codes), chained
// by one risk link each: a legal representative, a phone, an address, a bank account.
// Each link is a RELATED edge with its reason; none merges; partyNetwork shows the ring
// to the depth asked for.
func TestRiskLinks(t *testing.T) {
	f := newFixture(t)
	suppliers := []ontology.PartyRef{
		{Name: "上海甲贸易有限公司", TaxID: "91310000MA1FL0001A", Legal: "张伟"},
		{Name: "上海乙科技有限公司", TaxID: "91310000MA1FL0002B", Legal: "張偉", Phone: "021-6888 1234"},
		{Name: "苏州丙实业有限公司", TaxID: "91320500MA1FL0003C", Phone: "+86 21 6888 1234", Address: "上海市浦东新区世纪大道100号"},
		{Name: "杭州丁物流有限公司", TaxID: "91330100MA1FL0004D", Address: "上海市浦东新区世纪大道100号", BankAccount: "6222 0210 0112 3456 789"},
		{Name: "宁波戊进出口有限公司", TaxID: "91330200MA1FL0005E", BankAccount: "6222021001123456789"},
	}
	var ids []string
	for i, p := range suppliers {
		p.Role, p.Country = ontology.PartySupplier, "CN"
		d := f.doc("china-customs", "declaration", fmt.Sprintf("53162025100000010%d", i), ontology.RoleDeclaration,
			ontology.VerbDeclared, t0, "", nil, line("A", 5))
		d.Parties = []ontology.PartyRef{p}
		f.save(d)
		f.process()
		ps, err := f.store.DocumentParties(f.ctx, d.Key)
		if err != nil || len(ps) != 1 {
			t.Fatalf("parties of %s: %+v %v", d.Key.ExternalID, ps, err)
		}
		ids = append(ids, ps[0].PartyID)
	}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			if ids[i] == ids[j] {
				t.Fatalf("suppliers %d and %d merged: a risk link is never an identity", i, j)
			}
		}
	}

	net, err := f.store.PartyNetwork(f.ctx, f.tenant, ids[0], 4, 100)
	if err != nil {
		t.Fatal(err)
	}
	if net.Root != ids[0] || len(net.Parties) != 5 || net.Truncated {
		t.Fatalf("network of the first supplier: %+v", net)
	}
	want := []struct {
		a, b   int
		reason string
	}{
		{0, 1, "shares a legal representative (张伟)"},
		{1, 2, "shares a phone number (+862168881234)"},
		{2, 3, "shares an address"},
		{3, 4, "shares a bank account (…6789)"},
	}
	for _, w := range want {
		a, b := min(ids[w.a], ids[w.b]), max(ids[w.a], ids[w.b])
		found := false
		for _, l := range net.Links {
			if l.From == a && l.To == b && strings.HasPrefix(l.Reason, w.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no link %d-%d %q in %+v", w.a, w.b, w.reason, net.Links)
		}
	}
	for _, p := range net.Parties {
		for i, id := range ids {
			if p.ID == id && p.Depth != i {
				t.Errorf("supplier %d at depth %d, want %d", i, p.Depth, i)
			}
		}
	}
	if len(net.Links) != 4 {
		t.Errorf("links: %+v", net.Links)
	}

	near, err := f.store.PartyNetwork(f.ctx, f.tenant, ids[2], 1, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(near.Parties) != 3 || len(near.Links) != 2 {
		t.Errorf("depth 1 from the middle supplier: %+v", near)
	}
	small, err := f.store.PartyNetwork(f.ctx, f.tenant, ids[0], 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(small.Parties) != 2 || !small.Truncated {
		t.Errorf("limit 2: %+v", small)
	}
	if _, err := f.store.PartyNetwork(f.ctx, f.tenant, "pt_nosuch", 2, 10); err == nil {
		t.Error("the network of no party")
	}
}
