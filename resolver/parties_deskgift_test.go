package resolver_test

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestGiftFromADeskAccountJoinsNoColleague: 孙浩's Douyin account has only ever sent
// parcels to his office's front desk (前台, on the desk's landline or his mobile), so
// its party names no one. His colleague 钱玉 buys on Pinduoduo herself, at the same
// office, with her mobile. Then his account sends a parcel to her, her name and mobile
// on it: a gift, his order. It carries his account's key and her phone, and must not
// make his account's party and hers one: they are two people in every arrival order.
func TestGiftFromADeskAccountJoinsNoColleague(t *testing.T) {
	const office = "上海市上海市浦东新区张江镇科苑路399号张江创新园5号楼802室"
	desk := shopOrder{0, "douyin", wangjingHome("1@#SUNHAO", "前台", "021-50802231", office)}
	deskMobile := shopOrder{0, "douyin", wangjingHome("1@#SUNHAO", "公司前台", "13761452093", office)}
	gift := shopOrder{0, "douyin", wangjingHome("1@#SUNHAO", "钱玉", "15921873364", office)}
	hers := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "钱玉", Phone: "15921873364", Address: office}}
	hersAgain := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "钱玉", Phone: "15921873364",
		Address: "上海市上海市浦东新区科苑路399号张江创新园5号楼802"}}
	for i, seq := range [][]shopOrder{
		{desk, deskMobile, hers, gift, hersAgain},
		{hers, desk, gift, deskMobile, hersAgain},
		{desk, hers, hersAgain, deskMobile, gift},
	} {
		f := newFixture(t)
		got := deliverOrders(t, f, seq)
		for _, g := range strings.Split(got, " | ") {
			if strings.Contains(g, "0") && strings.Contains(g, "1") {
				t.Errorf("order %d gave clusters %q: the desk account's buyer and his colleague are one party", i, got)
			}
		}
	}
}
