package resolver_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver"
	"github.com/seamhub/seam/resolver/internal/cnpeople"
	"github.com/seamhub/seam/resolver/quality"
)

// TestCNPeopleResolved runs the Chinese and mixed customer data set
// (scripts/bench/cnpeople.py) through resolution itself: each record an order of its
// shop, stored, resolved in batches as a tenant's worker does, and each order's customer
// read back from Neo4j. It logs pairwise precision, recall and F1 against the people
// the generator made. The data set is generated, not kept here, so the test runs only
// when SEAM_CN_DIR names a folder holding cn.csv.
func TestCNPeopleResolved(t *testing.T) {
	dir := os.Getenv("SEAM_CN_DIR")
	if dir == "" {
		t.Skip("SEAM_CN_DIR is not set (scripts/bench/cnpeople.py writes cn.csv; see resolver/cnpeople_test.go)")
	}
	recs, err := cnpeople.Read(filepath.Join(dir, "cn.csv"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t)
	docs := make([]ontology.Document, len(recs))
	for i, r := range recs {
		d := f.doc(r.Source, "order", fmt.Sprintf("cn-%d", i), ontology.RoleOrder, ontology.VerbPaid,
			t0.Add(time.Duration(i)*time.Minute), "online", nil, line("A", 1))
		d.Parties = []ontology.PartyRef{r.Ref}
		docs[i] = d
	}
	for i := 0; i < len(docs); i += 200 {
		f.save(docs[i:min(i+200, len(docs))]...)
	}
	model := "prior model"
	if os.Getenv("SEAM_CN_TRAIN") != "" {
		// As `seam parties train` does before a tenant's backlog is resolved.
		refs := make([]ontology.PartyRef, len(recs))
		for i, r := range recs {
			refs[i] = r.Ref
		}
		pm, _, _ := resolver.TrainOnMentions(refs, 1)
		if _, err := f.store.SavePartyModel(f.ctx, f.tenant, pm); err != nil {
			t.Fatal(err)
		}
		f.m.SetPartyModels(f.store, nil)
		model = "trained model"
		if out := os.Getenv("SEAM_CN_ERRORS"); out != "" {
			if err := os.WriteFile(out+".model", []byte(pm.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for {
		st, err := f.m.Process(f.ctx, f.tenant, 200)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents == 0 {
			break
		}
	}
	truth, pred := map[string]string{}, map[string]string{}
	parties := make([]resolver.DocumentParty, len(recs))
	for i, r := range recs {
		ps, err := f.store.DocumentParties(f.ctx, docs[i].Key)
		if err != nil || len(ps) != 1 {
			t.Fatalf("parties of record %s: %+v %v", r.Key, ps, err)
		}
		truth[r.Key], pred[r.Key], parties[i] = r.Entity, ps[0].PartyID, ps[0]
	}
	t.Logf("cn through resolution (%s): %s", model, quality.Pairwise(truth, pred))
	if out := os.Getenv("SEAM_CN_ERRORS"); out != "" {
		writeResolvedErrors(t, out, recs, parties)
	}
}

// writeResolvedErrors writes, for each pair of records resolution put in one party
// although they are two people, the links that joined them; and for each person whose
// records ended in several parties, the comparison of the first two under the prior.
func writeResolvedErrors(t *testing.T, path string, recs []cnpeople.Record, parties []resolver.DocumentParty) {
	var b strings.Builder
	byParty, byEntity := map[string][]int{}, map[string][]int{}
	for i, r := range recs {
		byParty[parties[i].PartyID] = append(byParty[parties[i].PartyID], i)
		byEntity[r.Entity] = append(byEntity[r.Entity], i)
	}
	pm := resolver.DefaultPartyModel()
	for _, ids := range byParty {
		for _, i := range ids[1:] {
			if recs[i].Entity != recs[ids[0]].Entity {
				fmt.Fprintf(&b, "MERGED\t%s/%s %s/%s\t%s %q %q %q | %s %q %q %q\t%+v %+v\n", recs[ids[0]].Key, parties[ids[0]].MentionedID,
					recs[i].Key, parties[i].MentionedID, recs[ids[0]].Source, recs[ids[0]].Ref.Name,
					recs[ids[0]].Ref.Phone, recs[ids[0]].Ref.Address, recs[i].Source, recs[i].Ref.Name, recs[i].Ref.Phone,
					recs[i].Ref.Address, parties[ids[0]].SameAs, parties[i].SameAs)
			}
		}
	}
	for _, ids := range byEntity {
		for _, i := range ids[1:] {
			if parties[i].PartyID != parties[ids[0]].PartyID {
				a, c := resolver.ProfileOf(recs[ids[0]].Ref), resolver.ProfileOf(recs[i].Ref)
				fmt.Fprintf(&b, "MISSED\t%s\t%s,%s\t%s %q %q %q | %s %q %q %q\t%s\n", recs[i].Tags, recs[ids[0]].Key, recs[i].Key, recs[ids[0]].Source, recs[ids[0]].Ref.Name,
					recs[ids[0]].Ref.Phone, recs[ids[0]].Ref.Address, recs[i].Source, recs[i].Ref.Name, recs[i].Ref.Phone,
					recs[i].Ref.Address, pm.Explain(resolver.CompareParties(a, c), a, resolver.Frequency{}))
			}
		}
	}
	// Each person split over several parties, whole: every record with the party it
	// ended in, so that a chain the pairs above do not show can be read.
	for _, ids := range byEntity {
		if !varies(ids, func(i int) string { return parties[i].PartyID }) {
			continue
		}
		fmt.Fprintf(&b, "SPLIT\t%s\n", recs[ids[0]].Entity)
		for _, i := range ids {
			fmt.Fprintf(&b, "\t%s %s\n", parties[i].PartyID[3:9], recordLine(recs[i]))
			if os.Getenv("SEAM_CN_WHY") != "" {
				fmt.Fprintf(&b, "\t\tmentioned %s same as %+v related %+v\n", parties[i].MentionedID, parties[i].SameAs, parties[i].RelatedBecause)
			}
		}
	}
	// Each party holding several people, whole: every record with the party its
	// mention founded or joined and the SAME_AS path to the survivor, so that the chain
	// that joined two people can be read.
	for pid, ids := range byParty {
		if !varies(ids, func(i int) string { return recs[i].Entity }) {
			continue
		}
		fmt.Fprintf(&b, "CLUSTER\t%s\n", pid)
		for _, i := range ids {
			fmt.Fprintf(&b, "\t%s %s\n\t\tmentioned %s same as %+v\n", recs[i].Entity, recordLine(recs[i]),
				parties[i].MentionedID, parties[i].SameAs)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// recordLine shows one record as the error file lists it: key, source, name, phone,
// e-mail, address, the address's second line, and its tags.
func recordLine(r cnpeople.Record) string {
	line2 := ""
	if r.Ref.Place != nil {
		line2 = r.Ref.Place.Line2
	}
	return fmt.Sprintf("%s %s %q %q %q %q %q\t%s", r.Key, r.Source, r.Ref.Name, r.Ref.Phone, r.Ref.Email, r.Ref.Address,
		line2, r.Tags)
}

// varies reports whether the records ids do not all have the same value of f.
func varies(ids []int, f func(int) string) bool {
	return slices.ContainsFunc(ids, func(i int) bool { return f(i) != f(ids[0]) })
}
