package main

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/seamhub/seam/resolver"
)

// A batch's time is shared among its documents by count, and a kind's cost is the sum
// over the batches that held it.
func TestKindCostsShareEachBatchByCount(t *testing.T) {
	kc := kindCosts{}
	kc.observe(resolver.Stats{Documents: 4, Kinds: map[string]int{"meituan/order": 4}}, 8*time.Millisecond, 4*time.Millisecond)
	kc.observe(resolver.Stats{Documents: 4, Kinds: map[string]int{"meituan/order": 1, "square/order": 3}}, 4*time.Millisecond, 2*time.Millisecond)
	kc.observe(resolver.Stats{}, time.Second, time.Second) // the empty batch that ends a drain
	got := kc.list()
	if len(got) != 2 {
		t.Fatalf("kinds %+v, want meituan/order and square/order", got)
	}
	// meituan: 8 ms for 4, then 1 ms for 1: 9 ms for 5; square: 3 ms for 3. CPU the same
	// way, half as much.
	want := []kindCost{{Kind: "meituan/order", Resolutions: 5, Micros: 9000, MicrosPer: 1800, CPUPer: 900, cpu: 4500},
		{Kind: "square/order", Resolutions: 3, Micros: 3000, MicrosPer: 1000, CPUPer: 500, cpu: 1500}}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("kind %d: %+v, want %+v (dearest first)", i, got[i], want[i])
		}
	}
}

// A size whose every kind costs what it cost at the first size is ×1 in the first
// size's mix, whatever its own mix: the end-to-end figure would differ.
func TestLikeForLikeWeighsByTheFirstMix(t *testing.T) {
	first := []kindCost{{Kind: "eshop", Resolutions: 25, MicrosPer: 1600}, {Kind: "pos", Resolutions: 75, MicrosPer: 800}}
	large := []kindCost{{Kind: "eshop", Resolutions: 2, MicrosPer: 1600}, {Kind: "pos", Resolutions: 998, MicrosPer: 800}}
	a, b, covered, ok := likeForLike(first, first, large)
	if !ok || a != 1000 || b != 1000 || covered != 1 {
		t.Errorf("same costs in another mix: %v %v covered %v ok %v, want 1000 1000 1 true", a, b, covered, ok)
	}
	dearer := []kindCost{{Kind: "eshop", Resolutions: 2, MicrosPer: 1600}, {Kind: "pos", Resolutions: 998, MicrosPer: 1000}}
	if _, b, _, _ := likeForLike(first, first, dearer); b != 1150 {
		t.Errorf("POS 25%% dearer: %v µs, want 0.25×1600 + 0.75×1000 = 1150", b)
	}
	// A kind the large run lacks is left out of both sides.
	partial := []kindCost{{Kind: "pos", Resolutions: 1000, MicrosPer: 880}}
	a, b, covered, ok = likeForLike(first, first, partial)
	if !ok || a != 800 || b != 880 || math.Abs(covered-0.75) > 1e-9 {
		t.Errorf("without eshop: %v %v covered %v ok %v, want 800 880 0.75 true", a, b, covered, ok)
	}
	if _, _, _, ok := likeForLike(first, first, []kindCost{{Kind: "iot", Resolutions: 3, MicrosPer: 1}}); ok {
		t.Error("no kind in common: want ok false")
	}
}

func TestMixOfNamesTheCommonestKinds(t *testing.T) {
	got := mixOf(map[string]int{"square/order": 30, "meituan/order": 60, "douyin/order": 10})
	if want := "meituan/order 60%, square/order 30%, +1 kinds"; got != want {
		t.Errorf("mixOf = %q, want %q", got, want)
	}
	if got := mixOf(map[string]int{"meituan/order": 500}); !strings.HasPrefix(got, "meituan/order 100%") {
		t.Errorf("one kind: %q", got)
	}
}

// --grow days keeps the business and lengthens its history: the same stores at every
// size, days in proportion to the documents wanted, within the simulator's range.
func TestHistoryConfigGrowsDaysOnly(t *testing.T) {
	small, large := historyConfig(10_000, 4), historyConfig(1_000_000, 4)
	if small.Stores != 4 || large.Stores != 4 {
		t.Errorf("stores %d and %d, want 4 at both sizes", small.Stores, large.Stores)
	}
	// 2,200 + 4 × 1,700 = 9,000 documents a month.
	if small.Days != 33 || large.Days != 3333 {
		t.Errorf("days %d and %d, want 33 and 3333", small.Days, large.Days)
	}
	if d := historyConfig(10_000_000, 4).Days; d != 3660 {
		t.Errorf("ten million: %d days, want the simulator's limit 3660", d)
	}
	if d := historyConfig(10, 999).Days; d != 1 {
		t.Errorf("ten documents: %d days, want at least one", d)
	}
	if err := large.Validate(); err != nil {
		t.Errorf("a million's config: %v", err)
	}
}
