package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestBrotherLiIsLiQiang: 李强 writes himself 李哥 (brother Li) on his Pinduoduo orders and
// his name on his Douyin account's, with one phone and flat. 哥 after a family name is
// a form of address, as 先生 is, not the given name of another member of the family: one
// buyer in any arrival order (before, 李哥 was a name that contradicted 李强, and the
// shared phone was read as a household's).
func TestBrotherLiIsLiQiang(t *testing.T) {
	const home = "上海市上海市浦东新区东方路473号万科城市花园23栋4单元1204室"
	brother := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李哥", Phone: "18649056408", Address: home}}
	again := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "李哥", Phone: "18649056408", Address: home}}
	own := shopOrder{0, "douyin", wangjingHome("1@#LIQIANG", "李强", "18649056408", "上海市上海市浦东新区万科城市花园23栋4单元1204室")}
	for i, seq := range [][]shopOrder{{brother, again, own}, {own, brother, again}, {brother, own, again}} {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != "0 0 0" {
			t.Errorf("order %d gave clusters %q, want one buyer", i, got)
		}
	}
}
