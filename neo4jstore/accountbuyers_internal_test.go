package neo4jstore

import (
	"testing"

	"github.com/seamhub/seam/resolver"
)

// TestAccountBuyerForms: an account's order is read back as written, the contact and
// the desk of a nameless order included, and the form stored before the contact was kept still reads.
func TestAccountBuyerForms(t *testing.T) {
	for _, b := range []resolver.AccountBuyer{
		{Doc: "d1", Name: "张伟"},
		{Doc: "d2", Name: "", Contact: true},
		{Doc: "d3", Name: ""},
		{Doc: "d4", Name: "", Desk: "祖冲之路 500"},
		{Doc: "d5", Name: "", Contact: true, Desk: "望京街 1711"},
	} {
		got, ok := parseAccountBuyer(formatAccountBuyer(b))
		if !ok || got != b {
			t.Errorf("%+v read back as %+v (%v)", b, got, ok)
		}
	}
	if got, ok := parseAccountBuyer("d4" + buyerSep + "李娜"); !ok || got != (resolver.AccountBuyer{Doc: "d4", Name: "李娜"}) {
		t.Errorf("the older form read as %+v (%v)", got, ok)
	}
	if _, ok := parseAccountBuyer("no separator"); ok {
		t.Error("a value without a separator read as an order")
	}
}
