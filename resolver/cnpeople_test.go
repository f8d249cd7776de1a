package resolver

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/internal/cnpeople"
	"github.com/seamhub/seam/resolver/quality"
)

// TestCNPeopleOffline links Chinese and mixed Latin/Chinese customers in memory, with the
// prior and with a model trained on the same records, and logs pairwise scores: an
// outside-style check of party resolution on data written the way Shopify, WooCommerce
// and Pinduoduo customers write it (scripts/bench/cnpeople.py). Two linkers run: the
// description-only one TestFEBRLOffline uses (linkInMemory), and one that also merges on
// identity keys (e-mail, phone) as resolveParties does, which is what a tenant sees.
// The data set is generated, not kept here, so the test runs only when SEAM_CN_DIR
// names a folder holding cn.csv; with SEAM_CN_ERRORS naming a file, every false merge
// and missed link of the keyed linker is written there with its comparison.
func TestCNPeopleOffline(t *testing.T) {
	dir := os.Getenv("SEAM_CN_DIR")
	if dir == "" {
		t.Skip("SEAM_CN_DIR is not set (scripts/bench/cnpeople.py export --out DIR writes cn.csv; " +
			"run it in the virtualenv scripts/bench/venv.sh DIR faker pypinyin zhconv makes)")
	}
	recs := readCNPeople(t, filepath.Join(dir, "cn.csv"))
	refs := make([]ontology.PartyRef, len(recs))
	profiles := make([]PartyProfile, len(recs))
	truth := map[string]string{}
	for i, r := range recs {
		refs[i] = r.ref
		profiles[i] = ProfileOf(r.ref)
		truth[itoa(i)] = r.entity
	}
	trained, _, _ := TrainOnMentions(refs, 1)
	for _, m := range []struct {
		name string
		pm   PartyModel
	}{{"prior", DefaultPartyModel()}, {"trained", trained}} {
		s := quality.Pairwise(truth, linkInMemory(profiles, m.pm))
		t.Logf("cn %s, description only: %s", m.name, s)
		pred, edges := linkWithKeys(recs, profiles, m.pm)
		s = quality.Pairwise(truth, pred)
		t.Logf("cn %s, keys and description: %s (accept %.1f review %.1f)", m.name, s, m.pm.Accept, m.pm.Review)
		if out := os.Getenv("SEAM_CN_ERRORS"); out != "" {
			writeCNErrors(t, strings.Replace(out, "{model}", m.name, 1), recs, profiles, pred, edges, m.pm)
		}
	}
}

// cnRecord is one row of cn.csv as its source's built-in mapping reads it.
type cnRecord struct {
	key, source, entity, tags string
	ref                       ontology.PartyRef
}

func readCNPeople(t *testing.T, path string) []cnRecord {
	t.Helper()
	rs, err := cnpeople.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]cnRecord, len(rs))
	for i, r := range rs {
		out[i] = cnRecord{key: r.Key, source: r.Source, entity: r.Entity, tags: r.Tags, ref: r.Ref}
	}
	return out
}

// cnEdge is one merge a linker made: two records and why.
type cnEdge struct {
	a, b int
	why  string
}

// linkWithKeys links records in order as resolveParties does: a record whose identity
// key (e-mail, unmasked phone) is known joins that party; one with none known is
// compared, in its blocks, with every party filed so far, and joins all it matches.
// Parties keep their first mention's profile, filled by later ones.
func linkWithKeys(recs []cnRecord, profiles []PartyProfile, pm PartyModel) (map[string]string, []cnEdge) {
	parent := make([]int, len(recs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	var edges []cnEdge
	union := func(a, b int, why string) {
		edges = append(edges, cnEdge{a, b, why})
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	known := map[string]int{}       // identity key -> the record that filed it
	party := map[int]PartyProfile{} // a filed party's profile, by its first record
	blocks := map[string][]int{}
	filed := map[string]int{}
	for i, r := range recs {
		prof := profiles[i]
		identity, _ := partyKeys(r.source, r.ref, prof)
		self := -1
		for _, k := range identity {
			if j, ok := known[k]; ok {
				if self < 0 {
					self = j
				}
				union(i, j, "key "+k)
			}
		}
		if self < 0 {
			self = i
			fr := Frequency{fieldName: filed[blockKey(BlockName, prof.Blocks()[BlockName])],
				fieldAddress: filed[blockKey(BlockAddress, prof.Blocks()[BlockAddress])]}
			matched := false
			seen := map[int]bool{}
			for _, bk := range blockKeysOf(prof) {
				for _, j := range blocks[bk] {
					if seen[j] || find(j) == find(i) {
						continue
					}
					seen[j] = true
					c := CompareParties(prof, party[j])
					if d, _ := pm.Decide(c, prof, fr); d == Same {
						union(i, j, pm.Explain(c, prof, fr))
						matched = true
					}
				}
			}
			if !matched {
				for _, bk := range blockKeysOf(prof) {
					filed[bk]++
				}
			}
		}
		cur, ok := party[self]
		if !ok {
			cur = prof
		} else {
			fillProfile(&cur, prof)
		}
		party[self] = cur
		for _, bk := range blockKeysOf(cur) {
			if !containsInt(blocks[bk], self) {
				blocks[bk] = append(blocks[bk], self)
			}
		}
		for _, k := range identity {
			if _, ok := known[k]; !ok {
				known[k] = self
			}
		}
	}
	out := map[string]string{}
	for i := range recs {
		out[itoa(i)] = itoa(find(i))
	}
	return out, edges
}

// fillProfile fills what a party's profile lacks from a later mention, as addProfile does.
func fillProfile(cur *PartyProfile, p PartyProfile) {
	for _, f := range []struct {
		dst *string
		v   string
	}{{&cur.Name, p.Name}, {&cur.FullName, p.FullName},
		{&cur.Given, p.Given}, {&cur.Family, p.Family}, {&cur.Email, p.Email}, {&cur.Phone, p.Phone},
		{&cur.BirthDate, p.BirthDate}, {&cur.Address, p.Address}, {&cur.Country, p.Country}} {
		if *f.dst == "" {
			*f.dst = f.v
		}
	}
	if cur.Place.Street == "" && cur.Place.Locality == "" && cur.Place.Postcode == "" {
		cur.Place = p.Place
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// writeCNErrors writes the keyed linker's errors, one a line: each merge edge between two
// people (false merge), and each pair of one person's records left in two parties
// (missed link), with both records, their tags and the model's comparison of the two.
func writeCNErrors(t *testing.T, path string, recs []cnRecord, profiles []PartyProfile, pred map[string]string,
	edges []cnEdge, pm PartyModel) {
	t.Helper()
	var lines []string
	show := func(i int) string {
		r := recs[i]
		return fmt.Sprintf("%s %s %q/%q/%q %q %q %q %q|%q|%q|%q dob=%q [%s]", r.key, r.source, r.ref.Name,
			r.ref.GivenName, r.ref.FamilyName, r.ref.Phone, r.ref.Email, r.ref.Address, placeOf(r.ref, 0),
			placeOf(r.ref, 1), placeOf(r.ref, 2), placeOf(r.ref, 3), r.ref.BirthDate, r.tags)
	}
	for _, e := range edges {
		if recs[e.a].entity != recs[e.b].entity {
			lines = append(lines, "FALSE\t"+e.why+"\t"+show(e.a)+"\t"+show(e.b))
		}
	}
	byEntity := map[string][]int{}
	for i, r := range recs {
		byEntity[r.entity] = append(byEntity[r.entity], i)
	}
	for _, ids := range byEntity {
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				a, b := ids[x], ids[y]
				if pred[itoa(a)] == pred[itoa(b)] {
					continue
				}
				c := CompareParties(profiles[b], profiles[a])
				lines = append(lines, "MISSED\t"+pm.Explain(c, profiles[b], nil)+"\t"+show(a)+"\t"+show(b))
			}
		}
	}
	sort.Strings(lines)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d errors written to %s", len(lines), path)
}

func placeOf(r ontology.PartyRef, i int) string {
	if r.Place == nil {
		return ""
	}
	return [...]string{r.Place.Street, r.Place.Line2, r.Place.Locality, r.Place.Postcode}[i]
}
