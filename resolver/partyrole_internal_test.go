package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/normalize"
)

// TestRoleName: the desk, alone or after an organisation, is a role; a person who
// has the desk take the parcel (张伟(前台代收)) and names that merely contain a role's
// characters are people.
func TestRoleName(t *testing.T) {
	for _, c := range []struct {
		name string
		role bool
	}{
		{"前台", true},
		{"公司前台", true},
		{"前台收", true},
		{"前台代收", true},
		{"杭州恒通贸易有限公司前台", true},
		{"行政前台", true},
		{"门卫", true},
		{"小区收发室", false}, // a parcel point's words with no organisation: left to the address rules
		{"张伟(前台代收)", false},
		{"张伟 前台代收", false},
		{"张伟", false},
		{"前台 张伟", false},
		{"Reception", true}, // the desk in English: one lexicon with deskReceiver
		{"reception", true},
		{"收发室", true},
		{"大厦物业", true},
		{"公司一楼前台", true},  // a floor after the owner
		{"小区门卫", false},   // a compound's gatehouse: a parcel point, left as written
		{"张伟门卫代收", false}, // the person the gatehouse takes it in for
		{"", false},
	} {
		if got := roleName(normalize.PersonName(c.name)); got != c.role {
			t.Errorf("roleName(%q) = %v, want %v", c.name, got, c.role)
		}
	}
}

// TestAsRoleMovesTheDeskLine: a desk's landline relates and does not identify; a mobile
// beside the desk stays the buyer's key.
func TestAsRoleMovesTheDeskLine(t *testing.T) {
	p := asRole(PartyProfile{Name: "前台", FullName: "前台", Phone: "+861053939892"})
	if p.Name != "" || p.FullName != "" || p.Phone != "" || p.Line != "+861053939892" {
		t.Errorf("desk with its landline: %+v", p)
	}
	p = asRole(PartyProfile{Name: "前台", FullName: "前台", Phone: "+8619006412285"})
	if p.Name != "" || p.Phone != "+8619006412285" || p.Line != "" {
		t.Errorf("desk with a mobile: %+v", p)
	}
	p = asRole(PartyProfile{Name: "张伟", FullName: "张伟", Phone: "+861053939892"})
	if p.Name != "张伟" || p.Phone != "+861053939892" {
		t.Errorf("a person on a landline: %+v", p)
	}
}

// TestGiftNoted: a buyer's note that the parcel is for someone else makes a gift; a
// note asking the shop for a freebie, or the seller's note, does not.
func TestGiftNoted(t *testing.T) {
	for _, c := range []struct {
		field, text string
		gift        bool
	}{
		{"buyer", "送人的，不要放发票", true},
		{"buyer", "送给妈妈的生日礼物，麻烦包装好", true},
		{"buyer", "是礼物，不要放价格单", true},
		{"buyer", "送给我妈的", true},
		{"buyer", "麻烦快点发货", false},
		{"buyer", "送给我个小样吧", false},
		{"buyer", "有赠品吗，送点小礼物", false},
		{"seller", "送人的", false},
		// A Douyin flower order: a greeting card, or the orderer's number (masked)
		// beside the receiver's 13907195521.
		{"card", "妈妈生日快乐，永远年轻！", true},
		{"card", "  ", false},
		{"payer_phone", "1********35", true},
		{"payer_phone", "1********21", false}, // fits: tells nothing
		{"payer_phone", "139****5521", false},
		{"payer_phone", "186****5521", true},
		{"payer_phone", "not a number", false},
	} {
		d := &ontology.Document{Notes: []ontology.Note{{Field: c.field, Text: c.text}}}
		if got := giftNoted(d, ontology.PartyRef{Role: ontology.PartyCustomer, Phone: "13907195521"}); got != c.gift {
			t.Errorf("giftNoted(%s: %q) = %v, want %v", c.field, c.text, got, c.gift)
		}
	}
}
