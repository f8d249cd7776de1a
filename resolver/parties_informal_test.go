package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestInformalNameOnOwnPhone: 王秀英 orders with her phone; a Douyin order to 小英 (小
// and the given name's last character, how a receiver is often written on a delivery
// platform) and a Pinduoduo order to 秀英 (her given name alone) carry the same phone:
// both are her, not another member of a household. 小兰 on the same phone is someone
// else, her sister or her daughter.
func TestInformalNameOnOwnPhone(t *testing.T) {
	f := newFixture(t)
	at := func(name, phone, address string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Name: name, Phone: phone, Address: address}
	}
	// The informal orders are for a phone top-up and a gift card, with no address:
	// their description alone does not reach her.
	f.orderBy("full", 0, at("王秀英", "18875513132", "北京市北京市朝阳区何光路805号东方名城14幢802室"))
	f.orderBy("xiao", 1, at("小英", "+8618875513132", ""))
	f.orderBy("given", 2, at("秀英", "86-18875513132", ""))
	f.orderBy("other", 3, at("小兰", "18875513132", ""))
	her := f.partyOf("full").PartyID
	for _, o := range []string{"xiao", "given"} {
		if got := f.partyOf(o).PartyID; got != her {
			t.Errorf("order %s is party %s, 王秀英 %s; want one", o, got, her)
		}
	}
	if got := f.partyOf("other").PartyID; got == her {
		t.Errorf("小兰 joined 王秀英's party %s", her)
	}
}
