package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestFrontDeskIsNoOne: two colleagues, 周杰 and 林芳, order from their own Douyin
// accounts to their office, each once with the receiver written as the front desk
// (前台) beside the desk's landline, and once to the desk with their own mobile
// (前台收, 北京方恒科技有限公司前台); each also orders on Pinduoduo under their own name
// and mobile. The desk is nobody's name and its landline everybody's at the office:
// the two must stay two parties (they were one: 前台 = 前台, name exact, at one
// address), and each one's desk order with their own mobile is theirs (it was "another
// name on the phone", a household's). In several arrival orders.
func TestFrontDeskIsNoOne(t *testing.T) {
	const office = "北京市北京市朝阳区望京街道阜通东大街6号方恒国际中心A座1508"
	const desk = "010-53939892"
	zhouDesk := shopOrder{0, "douyin", wangjingHome("1@#ZHOUJIE", "前台", desk, office)}
	zhouOwn := shopOrder{0, "douyin", wangjingHome("1@#ZHOUJIE", "前台收", "19006412285", office)}
	zhouPdd := shopOrder{0, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "周杰", Phone: "19006412285", Address: "北京市北京市朝阳区望京西园三区312号楼1单元602"}}
	linDesk := shopOrder{1, "douyin", wangjingHome("1@#LINFANG", "前台", desk, office)}
	linOwn := shopOrder{1, "douyin", wangjingHome("1@#LINFANG", "北京方恒科技有限公司前台", "13810297734", office)}
	linPdd := shopOrder{1, "pinduoduo", ontology.PartyRef{Role: ontology.PartyCustomer, Name: "林芳", Phone: "13810297734", Address: "北京市北京市朝阳区花家地北里8号楼3单元1101"}}
	clustersInEveryOrder(t, [][]shopOrder{
		{zhouDesk, linDesk, zhouOwn, linOwn, zhouPdd, linPdd},
		{zhouPdd, linPdd, linDesk, zhouDesk, linOwn, zhouOwn},
		{linOwn, zhouOwn, zhouPdd, zhouDesk, linDesk, linPdd},
	}, "0 0 0 | 1 1 1", "each colleague's three orders apart from the other's")
}

// clustersInEveryOrder delivers each sequence of orders to a fixture of its own and
// checks the clusters they make (deliverOrders) are want.
func clustersInEveryOrder(t *testing.T, seqs [][]shopOrder, want, why string) {
	t.Helper()
	for i, seq := range seqs {
		f := newFixture(t)
		if got := deliverOrders(t, f, seq); got != want {
			t.Errorf("order %d gave clusters %q, want %s", i, got, why)
		}
	}
}
