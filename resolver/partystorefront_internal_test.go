package resolver

import (
	"strings"
	"testing"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
)

// TestMailboxSpells: a mailbox spells a Latin name written out, in its order or family
// name first, without its middle words, as an initial and the family name, or as the
// given or family name alone, with digits and punctuation left out; not another word,
// a part of one, a name of one word, or one in Han characters.
func TestMailboxSpells(t *testing.T) {
	for _, c := range []struct {
		email, name string
		want        bool
	}{
		{"wenhsiungwang@gmail.com", "Wen hsiung WANG", true},
		{"wen.hsiung.wang88@gmail.com", "Wen hsiung WANG", true},
		{"chan.wingwing@yahoo.com.hk", "Wing Wing Chan", true},
		{"paihan.tseng@msa.hinet.net", "Pai han TSENG", true},
		{"morgan.mary@gmail.com", "ricardo lópez mendoza", false},
		{"wwang@gmail.com", "Wen hsiung WANG", true},
		{"jennifer.evans@gmail.com", "Jennifer M. Evans", true},
		{"f.becker@t-online.de", "Felix Becker", true},
		{"sandersr737@gmail.com", "Ryan Sanders", true},
		{"gregory1988@yahoo.com", "Gregory Gray", true},
		{"rosa.ortizchavez87@gmail.com", "Rosa Ortiz", true},
		{"kaohsiung88@gmail.com", "Wen hsiung WANG", false},
		{"greg1988@yahoo.com", "Gregory Gray", false},
		{"wenhsiung@gmail.com", "Wen hsiung WANG", false},
		{"liwei604@gmail.com", "李伟", false},
		{"madonna@example.com", "Madonna", false},
	} {
		if got := mailboxSpells(c.email, c.name); got != c.want {
			t.Errorf("mailboxSpells(%q, %q) = %v, want %v", c.email, c.name, got, c.want)
		}
	}
}

// TestHomesApart: two homes share under a third of their words and neither holds the
// other; one home written otherwise is not two, and a missing address tells nothing.
func TestHomesApart(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"1768 Park Rd, 77059, Houston", "9836 Jackson Lane, 78701, Austin", true},
		{"高雄市鳳山區文心路四段78號3樓, 830, 高雄市", "10F., No. 3, Ln. 143, Sec. 2, Wenxin Rd., 220, New Taipei City", true},
		{"高雄市鳳山區文心路四段78號3樓, 830, 高雄市", "鳳山區文心路四段78號3樓, 830, 高雄市", false},
		{"Flat 2, 10 High St, SW1A 1AA, London", "10 High Street Flat 2, SW1A 1AA, London", false},
		{"7984 Jackson Ct, 75276, Dallas", "7984 Jackson Court, 75276, Dallas", false},
		{"", "9836 Jackson Lane, 78701, Austin", false},
	} {
		if got := homesApart(c.a, c.b); got != c.want {
			t.Errorf("homesApart(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestSignedByAnother: the given name a gift message ends with, where the English table
// knows it and the billing name's given name is another; a role (Mum), the billing
// person's own name or a form of it, and a message without a signature give "".
func TestSignedByAnother(t *testing.T) {
	ricardo := compare.Name{Full: "ricardo lópez mendoza", Given: "ricardo", Family: "lópez mendoza"}
	thomas := compare.Name{Full: "Thomas Reed", Given: "Thomas", Family: "Reed"}
	for _, c := range []struct {
		msg     string
		billing compare.Name
		want    string
	}{
		{"Happy Mother's Day, love Mary", ricardo, "Mary"},
		{"Happy birthday! Love, Thomas", compare.Name{Full: "Tony Collins", Given: "Tony", Family: "Collins"}, "Thomas"},
		{"Merry Christmas from Nicholas x", compare.Name{Full: "Christopher Collins"}, "Nicholas"},
		{"Happy birthday, love Tom", thomas, ""},
		{"Happy birthday, love Thomas", thomas, ""},
		{"Happy birthday, love Mum xx", ricardo, ""},
		{"Get well soon, love Karen", compare.Name{Full: "deborah nelson"}, "Karen"},
		{"Merry Christmas from all of us", ricardo, ""},
		{"Please leave the parcel at the door", ricardo, ""},
		{"", ricardo, ""},
	} {
		if got := signedByAnother(c.msg, c.billing); got != c.want {
			t.Errorf("signedByAnother(%q, %+v) = %q, want %q", c.msg, c.billing, got, c.want)
		}
	}
}

// TestMailboxSpellsAnother: a mailbox of two name-like words, one a known given name,
// none of them a word of the billing name's (by itself or a form of it).
func TestMailboxSpellsAnother(t *testing.T) {
	ricardo := compare.Name{Full: "ricardo lópez mendoza", Given: "ricardo", Family: "lópez mendoza"}
	for _, c := range []struct {
		email string
		n     compare.Name
		want  bool
	}{
		{"morgan.mary@gmail.com", ricardo, true},
		{"thomas_robinson+shop@outlook.com", compare.Name{Full: "Tony Collins", Given: "Tony", Family: "Collins"}, true},
		{"nicholasmoore@icloud.com", compare.Name{Full: "Christopher Collins"}, false},
		{"anna.reed@gmail.com", compare.Name{Full: "Thomas Reed", Given: "Thomas", Family: "Reed"}, false},
		{"bob.smith@gmail.com", compare.Name{Full: "Robert Jones", Given: "Robert", Family: "Jones"}, false},
		{"tam2000@gmail.com", ricardo, false},
		{"jo.li@gmail.com", ricardo, false},
	} {
		if got := mailboxSpellsAnother(c.email, c.n); got != c.want {
			t.Errorf("mailboxSpellsAnother(%q, %+v) = %v, want %v", c.email, c.n, got, c.want)
		}
	}
}

// TestGiftMessage: an occasion or a greeting in the order's note or checkout
// attributes, in English or Chinese (simplified or traditional); a delivery instruction
// or a note of another field is none.
func TestGiftMessage(t *testing.T) {
	for _, c := range []struct {
		note ontology.Note
		want bool
	}{
		{ontology.Note{Field: "attributes", Text: "Happy Mother’s Day, love Mary"}, true},
		{ontology.Note{Field: "note", Text: "Merry Christmas from Nicholas x"}, true},
		{ontology.Note{Field: "note", Text: "送給媽媽的生日禮物"}, true},
		{ontology.Note{Field: "note", Text: "送人的，不要放发票"}, true},
		{ontology.Note{Field: "note", Text: "Leave at the back door please"}, false},
		{ontology.Note{Field: "ship_to", Text: "Happy Birthday Ltd"}, false},
	} {
		d := &ontology.Document{Notes: []ontology.Note{c.note}}
		if got := giftMessage(d) != ""; got != c.want {
			t.Errorf("giftMessage(%+v) = %v, want %v", c.note, got, c.want)
		}
	}
}

// TestStorefrontBuyerNeedsTheParcelsCopy: the billing address stands for the buyer
// unless it is the parcel's, the same name and home as the shipping address; and the
// buyer the gift's reading gives keeps none of the parcel's name, home or phone.
func TestStorefrontBuyerNeedsTheParcelsCopy(t *testing.T) {
	ricardoHome := "1768 Park Rd, 77059, Houston"
	p := ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6901567872669", Name: "ricardo lópez mendoza",
		GivenName: "ricardo", FamilyName: "lópez mendoza", Email: "morgan.mary@gmail.com", Phone: "+18328795888",
		Country: "US", Address: ricardoHome}
	notes := func(ship, home string) []ontology.Note {
		return []ontology.Note{{Field: "ship_to", Text: ship}, {Field: "ship_to_home", Text: home},
			{Field: "attributes", Text: "Happy Mother's Day, love Mary"}}
	}
	d := &ontology.Document{Notes: notes("ricardo lópez mendoza", ricardoHome)}
	b, why, ok := storefrontBuyer(d, p)
	if !ok || b.Name != "" || b.Address != "" || b.Phone != "" || b.Email != p.Email || b.ExternalID != p.ExternalID || !strings.Contains(why, "Mary") {
		t.Errorf("Mary's gift with the parcel copied into billing: %+v %q %v, want her mailbox and account only", b, why, ok)
	}
	for _, n := range [][2]string{{"Ricardo Lopez", ricardoHome}, {"ricardo lópez mendoza", "55 Main St, 77002, Houston"}, {"", ""}} {
		if _, _, ok := storefrontBuyer(&ontology.Document{Notes: notes(n[0], n[1])}, p); ok {
			t.Errorf("parcel %q at %q is not the billing copy, yet the billing name was set aside", n[0], n[1])
		}
	}
}

// FuzzStorefrontBuyer reads any notes and any customer without failing, and a buyer it
// gives is the mention's own account and mailbox, never a name, home or phone the
// mention's parcel had that the customer record did not give.
func FuzzStorefrontBuyer(f *testing.F) {
	f.Add("ricardo lópez mendoza", "1768 Park Rd, 77059, Houston", "Happy Mother's Day, love Mary", "morgan.mary@gmail.com", "Wen hsiung WANG", "高雄市鳳山區文心路四段78號3樓")
	f.Add("哲瑋 彭", "10F., No. 3, Ln. 143", "", "wenhsiungwang@gmail.com", "Wen hsiung WANG", "高雄市鳳山區文心路四段78號3樓")
	f.Fuzz(func(t *testing.T, name, home, msg, email, holder, holderHome string) {
		p := ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "1", Name: name, Email: email, Phone: "+15550100", Address: home}
		d := &ontology.Document{Notes: []ontology.Note{{Field: "ship_to", Text: name}, {Field: "ship_to_home", Text: home},
			{Field: "account_name", Text: holder}, {Field: "account_home", Text: holderHome}, {Field: "note", Text: msg}}}
		b, _, ok := storefrontBuyer(d, p)
		if !ok {
			return
		}
		if b.Email != email || b.ExternalID != "1" || b.Address != "" || b.Phone == p.Phone || b.Name != "" && b.Name != strings.TrimSpace(holder) {
			t.Errorf("buyer %+v of %+v: want the account and mailbox, the record's name at most", b, p)
		}
	})
}

// TestStorefrontBuyerOfAHongKongGift: Wai Yi Tang (waiyitang@, her record at Taikoo
// Shing) sends a parcel to 謝華兆 at Kornhill, his name typed whole into the first name
// and no postcode, as Hong Kong addresses have none. The mapping filled the billing
// name's missing family name and the address from the record (謝華兆 Tang, her flat);
// the billing address as written (bill_to_home) and the name as written whole still
// show the parcel's copy, and the record's holder is the buyer.
func TestStorefrontBuyerOfAHongKongGift(t *testing.T) {
	home := "Flat D, 23/F, Block 3, Taikoo Shing, 000000, Quarry Bay"
	p := ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6900623173045", Name: "謝華兆", GivenName: "謝華兆",
		FamilyName: "Tang", Email: "waiyitang@gmail.com", Phone: "9374 0576", Country: "HK", Address: home}
	d := &ontology.Document{Notes: []ontology.Note{{Field: "ship_to", Text: "謝華兆"}, {Field: "ship_to_home", Text: "康怡花園6座11樓B室, Quarry Bay"},
		{Field: "bill_to_home", Text: "康怡花園6座11樓B室, Quarry Bay"}, {Field: "account_name", Text: "Wai Yi Tang"},
		{Field: "account_home", Text: home}, {Field: "buyer_phone", Text: "+85257599594"}}}
	b, why, ok := storefrontBuyer(d, p)
	if !ok || b.Name != "Wai Yi Tang" || b.Phone != "+85257599594" || b.Address != "" || !strings.Contains(why, "record") {
		t.Errorf("Wai Yi Tang's gift to 謝華兆: %+v %q %v, want her record's name and the order's phone", b, why, ok)
	}
}
