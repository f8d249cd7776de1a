package resolver_test

import (
	"strings"
	"testing"
)

// TestOnlyNamesakeOfTheCityAtWork: 陈玲华 orders to her flat in 崂山区 with her own
// phone, then to her office's front desk in 李沧区 with a privacy number: nothing but
// the name and the city is shared, and she is the only 陈玲华 the shop knows, so the
// office's order is hers. 杨芳珍 has a namesake in the city, at another flat: an order
// for 杨芳珍 at an office there fits both and joins neither, nor are the two homes one.
func TestOnlyNamesakeOfTheCityAtWork(t *testing.T) {
	f := newFixture(t)
	at := cnOrder
	f.orderBy("home", 0, at("陈玲华", "15964212345", "山东省青岛市崂山区崂山街道青特花溪地32幢204室"))
	f.orderBy("work", 1, at("陈玲华", "17140394668转1906", "山东省青岛市李沧区延吉路554号海尔工业园1609前台"))
	if a, b := f.partyOf("home").PartyID, f.partyOf("work").PartyID; a != b {
		t.Errorf("陈玲华 at home and at her office's front desk are parties %s and %s, want one", a, b)
	}
	// The link says why, and is a probabilistic one (a score above zero) that a
	// person's rejection would cut first, though the fields add up to little.
	if same := f.partyOf("work").SameAs; len(same) != 1 || !strings.Contains(same[0].Reason, "the only party of the tenant named 陈玲华") ||
		same[0].Score <= 0 {
		t.Errorf("the office order's link: %+v, want the rule's reason with a score above zero", same)
	}
	f.orderBy("a", 2, at("杨芳珍", "13851234567", "江苏省南京市栖霞区仙林湖花园28号楼3103"))
	f.orderBy("b", 3, at("杨芳珍", "18951234567", "江苏省南京市鼓楼区应天大街2222号12栋1903室"))
	f.orderBy("office", 4, at("杨芳珍", "16204776348转9286", "江苏省南京市建邺区龙蟠中路70号软件谷科创城25楼前台代收"))
	a, b, office := f.partyOf("a").PartyID, f.partyOf("b").PartyID, f.partyOf("office").PartyID
	if a == b || office == a || office == b {
		t.Errorf("two 杨芳珍 of two flats and one at an office: parties %s, %s and %s, want three", a, b, office)
	}
}
