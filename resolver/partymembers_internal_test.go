package resolver

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/seamhub/seam/resolver/compare"
)

// sameMembers fails the test when members(root) and a scan of the whole book disagree.
func sameMembers(t *testing.T, pb *partyBook, root, step string) {
	t.Helper()
	got, want := pb.members(root), pb.scanMembers(root)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("%s: members(%s) = %v, a scan finds %v", step, root, got, want)
	}
}

func TestMembersAfterUnionsAndSplits(t *testing.T) {
	pb := &partyBook{info: map[string]PartyInfo{"b": {Root: "a"}}, profiles: map[string]PartyProfile{},
		names: map[string]compare.Name{}}
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		pb.profiles[id] = PartyProfile{ID: id}
	}
	sameMembers(t, pb, "a", "loaded")
	// d joins c, then c's party joins a's: a holds a, b, c, d.
	pb.setInfo("d", PartyInfo{Root: "c"})
	pb.setInfo("c", PartyInfo{Root: "a"})
	if got := len(pb.members("a")); got != 4 {
		t.Fatalf("after the unions a has %d members, want 4", got)
	}
	sameMembers(t, pb, "a", "unions")
	sameMembers(t, pb, "c", "unions")
	// A person cuts c from a: c and d are a party again, a and b another.
	pb.setInfo("c", PartyInfo{})
	for _, r := range []string{"a", "c", "d", "e"} {
		sameMembers(t, pb, r, "split")
	}
	if got := len(pb.members("c")); got != 2 {
		t.Fatalf("after the split c has %d members, want 2", got)
	}
	// A tax id written on a merged party changes no link.
	pb.setInfo("d", PartyInfo{Root: "c", TaxID: "DE123456789"})
	sameMembers(t, pb, "c", "tax")
}

// TestMembersLikeAScan checks members against a scan after random sequences of what
// the book does: load a party's link, join two parties' roots, cut a party off its
// root, move a party under another, name a party, and even write a loop.
func TestMembersLikeAScan(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 11))
		ids := make([]string, 3+r.IntN(30))
		for i := range ids {
			ids[i] = fmt.Sprintf("p%02d", i)
		}
		pick := func() string { return ids[r.IntN(len(ids))] }
		pb := &partyBook{info: map[string]PartyInfo{}, profiles: map[string]PartyProfile{}, names: map[string]compare.Name{}}
		if r.IntN(2) == 0 {
			// A book whose info was filled before its first setInfo (loadDecisionBook).
			for range r.IntN(len(ids)) {
				a, b := pick(), pick()
				pb.info[a] = PartyInfo{Root: b}
			}
		}
		for step := range 120 {
			switch op := r.IntN(10); {
			case op < 3: // a union of two surviving parties
				a, b := pb.root(pick()), pb.root(pick())
				if a != b {
					pb.setInfo(max(a, b), PartyInfo{Root: min(a, b), TaxID: pb.info[max(a, b)].TaxID})
				}
			case op < 5: // a split: a person's rejection cuts a link
				a := pick()
				pb.setInfo(a, PartyInfo{TaxID: pb.info[a].TaxID})
			case op < 6: // any link at all, a loop included
				pb.setInfo(pick(), PartyInfo{Root: pick()})
			case op < 7: // a tax id only
				a := pick()
				pb.setInfo(a, PartyInfo{Root: pb.info[a].Root, TaxID: "T" + a})
			case op < 9:
				a := pick()
				pb.profiles[a] = PartyProfile{ID: a}
			default:
				a := pick()
				pb.names[a] = compare.Name{Full: a}
			}
			for _, id := range ids {
				sameMembers(t, pb, id, fmt.Sprintf("seed %d step %d", seed, step))
			}
		}
	}
}

// TestInfoWrittenThroughSetInfo keeps every write of a party book's info going through
// setInfo: a write past it leaves the reverse links behind, and a cluster rule reading
// members would miss a member, silently joining or splitting people.
func TestInfoWrittenThroughSetInfo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	write := regexp.MustCompile(`\.info\[[^\]]+\]\s*=[^=]`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "partymembers.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if write.MatchString(line) {
				t.Errorf("%s:%d writes info directly, not through setInfo: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}
