package resolver_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestDocumentsPartiesReadsEachDocumentAsAlone: the parties of many documents read in
// one query are, document by document, what each read alone gives: the survivor a
// merge leads to with its reasons, the RELATED parties with theirs, nothing of another
// document's. A document without parties, another tenant's and an unknown one are absent.
func TestDocumentsPartiesReadsEachDocumentAsAlone(t *testing.T) {
	f := newFixture(t)
	// Two orders of one person by description: a SAME_AS link with its score.
	f.orderBy("o1", 0, cust("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163"))
	f.orderBy("o2", 1, cust("sara", "mitchell", "1981-06-02", "12 wallaby pl", "cleveland", "4163"))
	f.orderBy("o3", 2, cust("james", "o'brien", "1975-01-30", "4 banksia street", "toowong", "4066"))
	keys := []ontology.DocKey{}
	for _, id := range []string{"o1", "o2", "o3"} {
		keys = append(keys, ontology.DocKey{Tenant: f.tenant, System: "shopify", Type: "order", ExternalID: id})
	}
	// Two suppliers sharing a legal representative, declared together: a RELATED link.
	var decls []ontology.Document
	for i, name := range []string{"上海甲贸易有限公司", "上海乙科技有限公司"} {
		d := f.doc("china-customs", "declaration", fmt.Sprintf("53162025100000020%d", i), ontology.RoleDeclaration,
			ontology.VerbDeclared, t0, "", nil, line("A", 5))
		d.Parties = []ontology.PartyRef{{Role: ontology.PartySupplier, Country: "CN", Name: name,
			TaxID: fmt.Sprintf("91310000MA1FL000%dA", i+1), Legal: []string{"张伟", "張偉"}[i]}}
		decls = append(decls, d)
		keys = append(keys, d.Key)
	}
	f.save(decls...)
	f.process()
	plain := f.doc("shopify", "order", "no-party", ontology.RoleOrder, ontology.VerbPaid, t0, "online", nil, line("A", 1))
	f.save(plain)
	f.process()

	asked := append([]ontology.DocKey{plain.Key, {Tenant: f.tenant, System: "shopify", Type: "order", ExternalID: "unknown"},
		{Tenant: "another-tenant", System: "shopify", Type: "order", ExternalID: "o1"}}, keys...)
	asked = append(asked, keys[0]) // asked twice, read once
	got, err := f.store.DocumentsParties(f.ctx, f.tenant, asked)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(keys) {
		t.Errorf("parties of %d documents, want the %d that mention any: %v", len(got), len(keys), got)
	}
	var sameAs, related bool
	for _, k := range keys {
		alone, err := f.store.DocumentParties(f.ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		if len(alone) == 0 || !reflect.DeepEqual(got[k.UID()], alone) {
			t.Errorf("%s in a batch: %+v\nalone: %+v", k.ExternalID, got[k.UID()], alone)
		}
		for _, p := range alone {
			sameAs = sameAs || len(p.SameAs) > 0
			related = related || len(p.Related) > 0 && len(p.RelatedBecause) == len(p.Related)
		}
	}
	if !sameAs || !related {
		t.Errorf("the documents show a merge %v and a related party %v; the test needs both", sameAs, related)
	}
	if ps, err := f.store.DocumentParties(f.ctx, plain.Key); err != nil || ps == nil || len(ps) != 0 {
		t.Errorf("a document without parties: %+v %v, want an empty list", ps, err)
	}
}
