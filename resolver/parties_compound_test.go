package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestNamesakesOfOneCompoundByTheirRooms: two 杨晶梦 live in one compound, in rooms
// 1505 and 2706 of building 15, each with a phone of her own; the one of 1505 also
// orders under a privacy number, writing her building as H座 (review35's namesakes of
// one 小区, cnblind 111, where all three became one party through that order). A room
// that differs is two homes however the building is written, so the privacy order
// joins 1505 only, in any arrival order and batching.
func TestNamesakesOfOneCompoundByTheirRooms(t *testing.T) {
	const road = "重庆市重庆市南岸区天星桥正街2763号"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{cnOrder("杨晶梦", "13555004008", road+"金科天籁城15号楼2单元1505室"),
			cnOrder("杨晶梦", "16704878942转9863", road+"金科天籁城H座1505")},
		{cnOrder("杨晶梦", "15217864629", road+"金科天籁城15栋2单元2706室")},
	}, "0 0 | 1")
}

// TestSoleNamesakeAwayFromHome: the only party of the tenant holding a full Han name,
// in the mention's city, is the buyer of an order to an office or a parcel point; but
// a compound's gatehouse or locker is where that compound's own households collect.
//   - 夏东晓 of 浮山后四小区 orders under a privacy number; another 夏东晓, with his own
//     phone, collects at the gatehouse of 青特花溪地 in another district: two people
//     (cnblind 111's namesakes, joined before by the rule).
//   - 陈玲华 of 碧桂天地8栋402, then 陈玲华 at 碧桂天地's own courier station: her.
//   - 曾秀红 at home, then at her office's front desk (前台代收), which reads as a parcel
//     point but is no compound's: her.
func TestSoleNamesakeAwayFromHome(t *testing.T) {
	for _, tc := range []struct {
		name, homePhone, home, awayPhone, away string
		one                                    bool
	}{
		{"夏东晓", "18411500598转4891", "山东省青岛市市南区东海西路1353号浮山后四小区B座1905",
			"13780860471", "山东省青岛市李沧区 李沧街道东海西路青特花溪地门卫室", false},
		{"陈玲华", "17012345678转1234", "四川省成都市高新区益州大道265号碧桂天地8栋402室",
			"13911110041", "四川省成都市高新区益州大道265号碧桂天地菜鸟驿站", true},
		{"曾秀红", "17012345678转5678", "陕西省西安市莲湖区小寨东路1525号万科金色悦城7栋1703",
			"18733408055", "陕西省西安市雁塔区小寨东路赛格国际26楼鼎盛贸易有限公司前台代收", true},
	} {
		f := newFixture(t)
		f.orderBy("home", 0, cnOrder(tc.name, tc.homePhone, tc.home))
		f.orderBy("away", 1, cnOrder(tc.name, tc.awayPhone, tc.away))
		if a, b := f.partyOf("home").PartyID, f.partyOf("away").PartyID; (a == b) != tc.one {
			t.Errorf("%s at %s and at %s: parties %s and %s, one party: %v, want %v", tc.name, tc.home, tc.away, a, b, a == b, tc.one)
		}
	}
}

// TestEnglishNameRunIntoTheFamilyName: 胡敏 and her husband, who writes himself
// "Jason杨" as buyers on Chinese marketplaces do, order to their flat with its one
// phone (review35's households). Read as one word, Jason杨 was an English name alone,
// which contradicts no one, and the shared phone and flat made him her; it is the
// English name Jason and the family name 杨, which is not hers. Two people, in any
// arrival order.
func TestEnglishNameRunIntoTheFamilyName(t *testing.T) {
	const phone, flat = "19411610622", "北京市北京市朝阳区酒仙桥街道保利花园22栋6单元3004"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{cnOrder("胡敏", phone, flat), cnOrder("胡敏", phone, flat+"室")},
		{cnOrder("Jason杨", phone, flat), cnOrder("Jason杨", phone, flat+"室")},
	}, "0 0 | 1 1")
}
