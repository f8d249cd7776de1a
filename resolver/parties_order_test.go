package resolver_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/ontology"
)

// mention is one person's party as one document names it.
type mention struct {
	person int
	ref    ontology.PartyRef
}

// people are customers of two shops, each written several ways (typos, a nickname, a
// transposed date, a missing date) — and two namesakes who must stay apart.
var people = [][]ontology.PartyRef{
	{cust("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163"),
		cust("sara", "mitchell", "1981-06-02", "12 wallaby pl", "cleveland", "4163"),
		cust("sarah", "mitchel", "1981-02-06", "12 wallaby place", "cleveland", "4163")},
	{cust("robert", "nguyen", "1975-11-30", "3 kent street", "sydney", "2000"),
		cust("bob", "nguyen", "1975-11-30", "3 kent street", "sydney", "2000"),
		cust("robert", "nguyen", "", "3 kent st", "sydney", "2000")},
	{cust("emily", "taylor", "1990-01-15", "8 ocean road", "manly", "2095"),
		cust("emily", "tailor", "1990-01-15", "8 ocean road", "manly", "2095")},
	{cust("james", "smith", "1960-03-03", "1 george street", "brisbane", "4000")},
	{cust("james", "smith", "1988-08-08", "77 queen street", "melbourne", "3000"),
		cust("james", "smith", "1988-08-08", "77 queen st", "melbourne", "3000")},
}

func cust(given, family, dob, street, locality, postcode string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Name: given + " " + family,
		BirthDate: dob, Country: "AU", Place: &ontology.AddressPart{Street: street, Locality: locality, Postcode: postcode}}
}

// TestPartyClustersDoNotDependOnArrivalOrder: the same documents, delivered in any order
// and in any batches, give the same parties; namesakes stay apart.
func TestPartyClustersDoNotDependOnArrivalOrder(t *testing.T) {
	var all []mention
	for i, p := range people {
		for _, r := range p {
			all = append(all, mention{i, r})
		}
	}
	var want string
	for perm := range 4 {
		f := newFixture(t)
		order := slices.Clone(all)
		rand.New(rand.NewPCG(uint64(perm), 9)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		// In batches of a random size: some mentions meet in one batch, others across.
		docs := deliver(f, "shopify", order, func(i int) int { return 1 + (i*7+perm)%4 })
		got := partition(t, f, docs, order)

		if perm == 0 {
			want = got
			if want != "0 0 0 | 1 1 1 | 2 2 | 3 | 4 4" {
				t.Fatalf("clusters %q: want each person's mentions together, namesakes apart", want)
			}
		} else if got != want {
			t.Fatalf("order %d gave %q, order 0 %q", perm, got, want)
		}
	}
}

// deliver saves one order document of the system for each mention, in the order
// given, in batches of the sizes batch gives (by the index of the batch's first
// document), resolving each batch before the next is saved; it returns the documents.
func deliver(f *fixture, system string, order []mention, batch func(i int) int) []ontology.Document {
	var docs []ontology.Document
	for i, m := range order {
		id := fmt.Sprintf("p%d-%s-%s-%d", m.person, m.ref.GivenName, m.ref.FamilyName, i)
		d := f.doc(system, "order", id, ontology.RoleOrder, ontology.VerbPaid, t0.Add(time.Duration(i)*time.Hour), "online", nil, line("A", 1))
		d.Parties = []ontology.PartyRef{m.ref}
		docs = append(docs, d)
	}
	for i := 0; i < len(docs); {
		n := batch(i)
		f.save(docs[i:min(i+n, len(docs))]...)
		f.process()
		i += n
	}
	return docs
}

// partition renders the clusters as the people their mentions are, grouped.
func partition(t *testing.T, f *fixture, docs []ontology.Document, order []mention) string {
	t.Helper()
	byParty := map[string][]int{}
	for i, d := range docs {
		ps, err := f.store.DocumentParties(f.ctx, d.Key)
		if err != nil || len(ps) != 1 {
			t.Fatalf("parties of %s: %+v %v", d.Key.ExternalID, ps, err)
		}
		byParty[ps[0].PartyID] = append(byParty[ps[0].PartyID], order[i].person)
	}
	var groups []string
	for _, g := range byParty {
		sort.Ints(g)
		s := make([]string, len(g))
		for i, p := range g {
			s[i] = fmt.Sprint(p)
		}
		groups = append(groups, strings.Join(s, " "))
	}
	sort.Strings(groups)
	return strings.Join(groups, " | ")
}
