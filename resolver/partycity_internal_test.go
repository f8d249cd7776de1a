package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestHanFullName: the name the rule counts is the full Han name in the Chinese order,
// however a source splits or romanises it, and none for a title, a mask, a pet name, a
// name of two characters or a Latin one.
func TestHanFullName(t *testing.T) {
	for _, c := range []struct {
		ref  ontology.PartyRef
		want string
	}{
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华"}, "陈玲华"},
		{ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "玲华", FamilyName: "陈"}, "陈玲华"},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Linghua Chen 陳玲華"}, "陈玲华"},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "黃樹林"}, "黄树林"},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "张 俊杰"}, "张俊杰"},
		{ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "俊杰", FamilyName: "张"}, "张俊杰"},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "欧阳娜娜"}, "欧阳娜娜"},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈女士"}, ""},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈**"}, ""},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "小陈"}, ""},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈华"}, ""},
		{ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "华", FamilyName: "陈"}, ""},
		{ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Linghua Chen"}, ""},
		{ontology.PartyRef{Name: "深圳市示例贸易有限公司", Role: ontology.PartySupplier, Country: "CN"}, ""},
	} {
		if got := hanFullName(ProfileOf(c.ref)); got != c.want {
			t.Errorf("%+v: %q, want %q", c.ref, got, c.want)
		}
	}
}

// TestAwayFromHome: an office's front desk, a company, a tower's floor, a business park,
// a parcel point or a gatehouse is where a person works or collects; a flat, a village
// house or a road number is a home.
func TestAwayFromHome(t *testing.T) {
	for _, c := range []struct {
		detail string
		want   bool
	}{
		{"海尔工业园1609前台", true},
		{"新世界国贸大厦8楼创新电子商务有限公司", true},
		{"观音桥大融城3402星辰网络科技行政部", true},
		{"苏州中心8楼", true},
		{"青特花溪地丰巢快递柜", true},
		{"门卫室", true},
		{"万科金色悦城物业服务中心", true},
		{"青特花溪地32幢204室", false},
		{"保利花园小区13栋3103", false},
		{"湖畔天城35号楼6单元306", false},
		{"三合村", false},
		{"龚寨村4组", false},
		{"", false},
		{"Room 705, Unit 6, Building 36", false},
	} {
		if got := awayFromHome(compare.Address{Detail: c.detail}); got != c.want {
			t.Errorf("%q: away from home %v, want %v", c.detail, got, c.want)
		}
	}
}

// TestCityNamesake: the same full name in one city, one side at an office, fits and
// contradicts nothing; two homes, two phones, two dates of birth, or two cities do not
// fit or contradict.
func TestCityNamesake(t *testing.T) {
	work := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省青岛市李沧区延吉路554号海尔工业园1609前台"})
	home := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省青岛市崂山区崂山街道青特花溪地32幢204室"})
	store := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: "玲华", FamilyName: "陈", Country: "CN",
		Place: &ontology.AddressPart{Street: "香港中路88号", Line2: "青特花溪地32幢204室", Locality: "青岛"}})
	other := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省青岛市市南区香港中路100号海信广场5栋1201"})
	jinan := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省济南市历下区泉城路1号恒隆广场20楼前台"})
	room := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省青岛市市南区香港中路855号科技大厦38楼3819室蓝海电子商务有限公司"})
	phoned := func(p PartyProfile, phone string) PartyProfile { p.Phone = phone; return p }
	born := func(p PartyProfile, dob string) PartyProfile { p.BirthDate = dob; return p }
	for _, c := range []struct {
		name         string
		a, b         PartyProfile
		same, contra bool
	}{
		{"work and home", work, home, true, false},
		{"home and work", home, work, true, false},
		{"work and a storefront's home", work, store, true, false},
		{"two homes", home, other, false, true},
		{"an office's own room and a home", room, home, true, true},
		{"another city", jinan, home, false, false},
		{"two phones", phoned(work, "+8613812345678"), phoned(home, "+8613912345678"), true, true},
		{"one phone missing", phoned(work, "+8613812345678"), home, true, false},
		{"two dates of birth", born(work, "19900101"), born(home, "19920202"), true, true},
	} {
		same, contra := cityNamesake(CompareParties(c.a, c.b), c.a, c.b)
		if same != c.same || contra != c.contra {
			t.Errorf("%s: fits %v contradicts %v, want %v %v", c.name, same, contra, c.same, c.contra)
		}
	}
}

// TestSoleNamesakeLinksTheOnlyOne: the rule links the mention to the one cluster that
// holds its name; a second cluster holding it anywhere, or anything that says two
// people in the one, links none.
func TestSoleNamesakeLinksTheOnlyOne(t *testing.T) {
	work := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省青岛市李沧区延吉路554号海尔工业园1609前台"})
	home := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省青岛市崂山区崂山街道青特花溪地32幢204室"})
	other := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省青岛市市南区香港中路100号海信广场5栋1201"})
	jinan := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈玲华", Country: "CN", Address: "山东省济南市历下区泉城路1号恒隆广场20楼前台"})
	note := func(s *soleNamesake, root string, cp PartyProfile) { s.note(root, CompareParties(work, cp), work, cp) }

	s := newSoleNamesake(work)
	note(s, "pt_home", home)
	if root, _, _, ok := s.link(); !ok || root != "pt_home" {
		t.Errorf("the only 陈玲华 of the tenant, at home in the city: link %v to %q, want pt_home", ok, root)
	}
	s = newSoleNamesake(work)
	note(s, "pt_home", home)
	note(s, "pt_jinan", jinan)
	if root, _, _, ok := s.link(); ok {
		t.Errorf("a second 陈玲华 in another city: linked to %q, want none", root)
	}
	s = newSoleNamesake(work)
	note(s, "pt_home", home)
	note(s, "pt_home", other)
	if root, _, _, ok := s.link(); !ok || root != "pt_home" {
		t.Errorf("one cluster of two homes, the mention at work: link %v to %q, want pt_home", ok, root)
	}
	s = newSoleNamesake(home)
	s.note("pt_other", CompareParties(home, other), home, other)
	s.note("pt_other", CompareParties(home, work), home, work)
	if root, _, _, ok := s.link(); ok {
		t.Errorf("a home against a cluster holding another home: linked to %q, want none", root)
	}
	if s := newSoleNamesake(ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "陈华", Country: "CN"})); s.name != "" {
		t.Errorf("a name of two characters takes part: %q", s.name)
	}
}
