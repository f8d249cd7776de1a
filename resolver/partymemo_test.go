package resolver

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// The batch's memos answer what the functions they stand for answer: for a profile seen
// under another id, and for one whose fields changed since (a new entry, never a stale
// one).
func TestPartyMemosAnswerAsTheFunctions(t *testing.T) {
	sarah := person("sarah", "mitchell", "1981-06-02", "12 wallaby place", "cleveland", "4163")
	sara := person("sara", "mitchel", "1981-02-06", "12 wallaby place", "cleveland", "4163")
	renamed := sarah
	renamed.ID, renamed.Root = "pt_a", "pt_b"
	moved := sarah
	moved.Place.Street, moved.Address = "kent street", "3 kent street sydney 2000"
	wang := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "王伟", Phone: "138****1111",
		Address: "上海市浦东新区示例路1号", Country: "CN"})
	shop := ProfileOf(ontology.PartyRef{Role: ontology.PartySupplier, Name: "深圳市示例贸易有限公司"})
	pb := &partyBook{}
	for _, tc := range []struct {
		name string
		a, b PartyProfile
	}{
		{"first comparison", sarah, sara},
		{"the same pair again", sarah, sara},
		{"the same descriptions under other ids", renamed, sara},
		{"the pair the other way round", sara, sarah},
		{"a changed field is a new pair", moved, sara},
		{"Han name with a masked phone", wang, sarah},
		{"a company", shop, wang},
	} {
		if got, want := pb.compare(tc.a, tc.b), CompareParties(tc.a, tc.b); got != want {
			t.Errorf("%s: compare = %v, CompareParties = %v", tc.name, got, want)
		}
		for _, p := range []PartyProfile{tc.a, tc.b} {
			if got, want := pb.blocksOf(p), p.Blocks(); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: blocksOf = %v, Blocks = %v", tc.name, got, want)
			}
			if got, want := pb.blockKeys(p), blockKeysOf(p); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: blockKeys = %v, blockKeysOf = %v", tc.name, got, want)
			}
		}
	}
	if n := len(pb.compared); n != 5 {
		t.Errorf("%d pairs kept, want 5 (a repeat and a pair under other ids add none)", n)
	}
	if n := len(pb.blockMemo); n != 5 {
		t.Errorf("%d descriptions kept, want 5 (sarah under other ids is sarah)", n)
	}
}

// compareIndexed gives, pair for pair, what one loop gives, however many pairs there
// are against how many workers.
func TestCompareIndexedIsOneLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	givens := []string{"sarah", "james", "emily", "oliver"}
	families := []string{"mitchell", "nguyen", "smith", "brown"}
	var ps []PartyProfile
	for range 40 {
		ps = append(ps, person(givens[rng.IntN(4)], families[rng.IntN(4)], "1981-06-0"+itoa(1+rng.IntN(9)),
			itoa(rng.IntN(30))+" kent street", "sydney", itoa(2000+rng.IntN(3))))
	}
	for _, n := range []int{0, 1, 255, 256, 257, 1000} {
		idx := make([][2]int, n)
		for i := range idx {
			idx[i] = [2]int{rng.IntN(len(ps)), rng.IntN(len(ps))}
		}
		got := compareIndexed(ps, idx)
		if len(got) != n {
			t.Fatalf("%d pairs: %d comparisons", n, len(got))
		}
		for i, p := range idx {
			if want := CompareParties(ps[p[0]], ps[p[1]]); got[i] != want {
				t.Fatalf("%d pairs: pair %d is %v, one loop gives %v", n, i, got[i], want)
			}
		}
	}
}
