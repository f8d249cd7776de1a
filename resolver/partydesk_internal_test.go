package resolver

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestDeskReceiver: a receiver written for an office's front desk names the person
// beside the note, or no one where the desk (alone, or after its company or department)
// is all it says; a name that only contains a desk word stays as it is.
func TestDeskReceiver(t *testing.T) {
	for _, c := range []struct {
		name, person string
		desk         bool
	}{
		{"李伟（前台代收）", "李伟", true},
		{"張偉（前台代收）", "張偉", true}, // written in the buyer's own script
		{"张娜 前台代收", "张娜", true},
		{"陈强(前台代收)", "陈强", true},
		{"赵欣怡 前台代收", "赵欣怡", true},
		{"Amy (前台代收)", "Amy", true},
		{"前台", "", true},
		{"前台收", "", true},
		{"公司前台", "", true},
		{"前台代收", "", true},
		{"（前台）", "", true},
		{"行政部 前台", "", true},
		{"杭州恒通贸易有限公司前台", "", true},
		{"杭州恒通贸易前台", "", true}, // longer than any Han name
		{"Reception", "", true},
		{"front  desk", "", true},
		{"门卫", "", true},
		{"张伟 门卫代收", "张伟", true},
		{"公司一楼前台", "", true}, // a floor between the owner and its desk
		{"科技大厦物业", "", true},
		{"小区收发室", "", false}, // a compound's mail room: a parcel point, left as written
		{"前台小王", "", false},  // the receptionist, by name
		{"陈刚", "", false},
		{"王先生", "", false},
		{"Front", "", false},
		{"Desk Smith", "", false},
		{"", "", false},
	} {
		person, desk := deskReceiver(c.name)
		if person != c.person || desk != c.desk {
			t.Errorf("deskReceiver(%q) = %q, %v; want %q, %v", c.name, person, desk, c.person, c.desk)
		}
	}
}

// TestDeskProfile: an order to the desk alone keeps its account and the buyer's mobile,
// and leaves out the desk's name, its landline and the office's address; a person named
// beside the desk keeps the whole profile under her own name.
func TestDeskProfile(t *testing.T) {
	const office = "北京市北京市海淀区海淀大街182号国际金融中心29楼2920"
	landline := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "1@#DESK", Name: "前台", Phone: "010-53939892", Address: office})
	if landline.Name != "" || landline.FullName != "" || landline.Phone != "" || landline.Address != "" || landline.Place != (PartyProfile{}).Place {
		t.Errorf("a desk's order on its landline kept name %q, phone %q or address %q", landline.Name, landline.Phone, landline.Address)
	}
	if len(landline.Blocks()) != 0 {
		t.Errorf("a desk's order is filed under blocks %v, want none: nothing of it describes the buyer", landline.Blocks())
	}
	mobile := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "公司前台", Phone: "19006412285", Address: office})
	if mobile.Phone != "+8619006412285" || mobile.Address != "" {
		t.Errorf("a desk's order with the buyer's mobile gave phone %q, address %q; want the mobile, no address", mobile.Phone, mobile.Address)
	}
	noted := ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "吴海燕（前台代收）", Phone: "13134587431", Address: office})
	if noted.FullName != "吴海燕" || noted.Name != "吴海燕" || noted.Phone == "" || noted.Address == "" {
		t.Errorf("a name with a desk's note gave %q (%q), phone %q, address %q; want 吴海燕 with her phone and office",
			noted.FullName, noted.Name, noted.Phone, noted.Address)
	}
}

// FuzzDeskReceiver: any text is read without a panic; spaces around a name change
// nothing, and the person it returns is part of what was written.
func FuzzDeskReceiver(f *testing.F) {
	for _, s := range []string{"前台", "北京佳美广告有限公司前台", "張偉（前台代收）", "Reception", "\xff前台", "部前台", "前台小王", "前臺代收"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, d := deskReceiver(s)
		q, e := deskReceiver("  " + s + " \t")
		if p != q || d != e {
			t.Errorf("deskReceiver(%q) = %q, %v, but %q, %v with spaces around it", s, p, d, q, e)
		}
		if p != "" && !d {
			t.Errorf("deskReceiver(%q) = %q without a desk", s, p)
		}
	})
}
