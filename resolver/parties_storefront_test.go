package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// notedOrder is a storefront order with the notes its mapping gives beside the customer
// (shopify-order.yaml: the parcel's name and home, the customer record's, the order's
// own phone, the gift message).
type notedOrder struct {
	shopOrder
	notes []ontology.Note
}

// parcelNotes are the notes of an order whose parcel goes to ship at home, from a
// customer record of holder at holderHome, with the order's own phone.
func parcelNotes(ship, home, holder, holderHome, phone string, extra ...ontology.Note) []ontology.Note {
	return append([]ontology.Note{{Field: "ship_to", Text: ship}, {Field: "ship_to_home", Text: home},
		{Field: "account_name", Text: holder}, {Field: "account_home", Text: holderHome}, {Field: "buyer_phone", Text: phone}}, extra...)
}

// deliverNoted saves and resolves the orders one at a time, in the order given, and
// returns the clusters as partition renders them.
func deliverNoted(t *testing.T, seq []notedOrder) string {
	t.Helper()
	f := newFixture(t)
	docs, people := deliverDocs(t, f, len(seq), func(j int) (ontology.Document, mention) {
		d := seq[j].doc(f, j, "online")
		d.Notes = seq[j].notes
		return d, mention{seq[j].person, seq[j].ref}
	})
	return partition(t, f, docs, people)
}

// TestStorefrontGiftWithBillingCopied: a Shopify gift whose checkout copied the parcel
// into the billing address ("same as shipping") names the recipient as if she paid.
//
// Wen-hsiung Wang (wenhsiungwang@, his customer record at his Kaohsiung flat) sends a
// parcel to 彭哲瑋 in New Taipei, who orders for himself from his own mailbox: the gift
// is Wang's, by the record his mailbox spells and the other home. His wife 林淑芬,
// ordering on the same account to the record's home, is still her own customer.
//
// Mary Morgan's first order is a gift to Ricardo López Mendoza, so her customer record
// took his name and home; the order is signed "love Mary" and comes from morgan.mary@.
// Her own order follows on the same account, and Ricardo orders for himself.
//
// Each in several arrival orders: person 0 the buyer, 1 the recipient (2 the wife).
func TestStorefrontGiftWithBillingCopied(t *testing.T) {
	wangHome := "高雄市鳳山區文心路四段78號3樓, 830, 高雄市"
	pengHome := "10F., No. 3, Ln. 143, Sec. 2, Wenxin Rd., 220, New Taipei City"
	wangOwn := notedOrder{shopOrder{0, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6900888582435",
		Name: "Wen-hsiung Wang", GivenName: "Wen-hsiung", FamilyName: "Wang", Email: "wenhsiungwang@gmail.com", Phone: "+886950718226",
		Country: "TW", Address: wangHome}}, parcelNotes("Wen-hsiung Wang", wangHome, "Wen hsiung WANG", wangHome, "+886950718226")}
	wangGift := notedOrder{shopOrder{0, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6900888582435",
		Name: "哲瑋 彭", GivenName: "哲瑋", FamilyName: "彭", Email: "wenhsiungwang@gmail.com", Phone: "+886950718226",
		Country: "TW", Address: pengHome}}, parcelNotes("哲瑋 彭", pengHome, "Wen hsiung WANG", wangHome, "+886950718226")}
	pengOwn := notedOrder{shopOrder{1, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6900235487009",
		Name: "哲瑋 彭", GivenName: "哲瑋", FamilyName: "彭", Email: "cheweipeng@msa.hinet.net", Phone: "+886960179123",
		Country: "TW", Address: pengHome}}, parcelNotes("哲瑋 彭", pengHome, "哲瑋 彭", pengHome, "+886960179123")}
	wife := notedOrder{shopOrder{2, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6900888582435",
		Name: "林淑芬", GivenName: "淑芬", FamilyName: "林", Email: "wenhsiungwang@gmail.com", Phone: "+886912345678",
		Country: "TW", Address: wangHome}}, parcelNotes("林淑芬", wangHome, "Wen hsiung WANG", wangHome, "")}
	for _, seq := range [][]notedOrder{{wangGift, pengOwn, wangOwn, wife}, {pengOwn, wangGift, wife, wangOwn}, {wangOwn, wife, pengOwn, wangGift}} {
		if got := deliverNoted(t, seq); got != "0 0 | 1 | 2" {
			t.Errorf("Wang's gift to 彭哲瑋: clusters %q, want the gift with Wang's own order, 彭哲瑋 and Wang's wife each apart", got)
		}
	}

	ricardoHome := "1768 Park Rd, 77059, Houston"
	maryHome := "9836 Jackson Lane, 78701, Austin"
	maryGift := notedOrder{shopOrder{0, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6901567872669",
		Name: "ricardo lópez mendoza", GivenName: "ricardo", FamilyName: "lópez mendoza", Email: "morgan.mary@gmail.com",
		Phone: "+15128910921", Country: "US", Address: ricardoHome}},
		parcelNotes("ricardo lópez mendoza", ricardoHome, "ricardo lópez mendoza", ricardoHome, "+15128910921",
			ontology.Note{Field: "attributes", Text: "Happy Mother's Day, love Mary"})}
	maryOwn := notedOrder{shopOrder{0, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6901567872669",
		Name: "mary morgan", GivenName: "mary", FamilyName: "morgan", Email: "morgan.mary@gmail.com",
		Phone: "+15128910921", Country: "US", Address: maryHome}},
		parcelNotes("mary morgan", maryHome, "ricardo lópez mendoza", ricardoHome, "+15128910921")}
	ricardoOwn := notedOrder{shopOrder{1, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "6901002003004",
		Name: "Ricardo López Mendoza", GivenName: "Ricardo", FamilyName: "López Mendoza", Email: "rlopezm@yahoo.com",
		Phone: "+18328795888", Country: "US", Address: ricardoHome}},
		parcelNotes("Ricardo López Mendoza", ricardoHome, "Ricardo López Mendoza", ricardoHome, "+18328795888")}
	for _, seq := range [][]notedOrder{{maryGift, ricardoOwn, maryOwn}, {ricardoOwn, maryOwn, maryGift}, {maryOwn, maryGift, ricardoOwn}} {
		if got := deliverNoted(t, seq); got != "0 0 | 1" {
			t.Errorf("Mary's signed gift to Ricardo: clusters %q, want the gift with Mary's own order and Ricardo apart", got)
		}
	}
}

// TestStorefrontOrderSignedByTheBuyerStaysTheBuyers: a gift message signed with the
// billing name's own given name (Tom, a form of Thomas) says the billing person sent
// it, and the order stays hers to the billing name even from a mailbox of another name
// (a family's, his wife's): Thomas Reed's two orders are one customer, his wife Anna
// another.
func TestStorefrontOrderSignedByTheBuyerStaysTheBuyers(t *testing.T) {
	home := "22 Elm Street, 02139, Cambridge"
	thomas := func(note string) notedOrder {
		extra := []ontology.Note{}
		if note != "" {
			extra = append(extra, ontology.Note{Field: "note", Text: note})
		}
		return notedOrder{shopOrder{0, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "7001",
			Name: "Thomas Reed", GivenName: "Thomas", FamilyName: "Reed", Email: "anna.reed@gmail.com", Phone: "+16175550101",
			Country: "US", Address: home}}, parcelNotes("Thomas Reed", home, "Anna Reed", home, "+16175550101", extra...)}
	}
	anna := notedOrder{shopOrder{1, "shopify", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "7001",
		Name: "Anna Reed", GivenName: "Anna", FamilyName: "Reed", Email: "anna.reed@gmail.com", Phone: "+16175550199",
		Country: "US", Address: home}}, parcelNotes("Anna Reed", home, "Anna Reed", home, "+16175550199")}
	for _, seq := range [][]notedOrder{{thomas("Happy birthday to me, love Tom"), anna, thomas("")}, {anna, thomas(""), thomas("Happy birthday to me, love Tom")}} {
		got := deliverNoted(t, seq)
		if got != "0 0 | 1" {
			t.Errorf("Thomas Reed's orders from his wife's mailbox: clusters %q, want his two orders one and Anna apart", got)
		}
	}
}

// TestNamelessRefundJoinsNoSisters: Sophie and Chloe Hill order from the family's
// mailbox thehillsfamily@, each with her own phone and shop account; a refund of
// Chloe's order names its customer by her account and the mailbox only. A mention with
// no name had nothing to contradict, and its two keys proved the sisters one party
// (review38 en-1, 96 pairs); the account is the refund's customer, and the mailbox's
// other party is related. After the orders, in either sister's order first.
func TestNamelessRefundJoinsNoSisters(t *testing.T) {
	place := ontology.AddressPart{Number: "6526", Street: "Oak Place", Locality: "Phoenix", Region: "AZ", Postcode: "85096"}
	const family = "thehillsfamily@hotmail.com"
	sister := func(person int, given, acct, phone string) shopOrder {
		return shopOrder{person, "woocommerce", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: acct, GivenName: given,
			FamilyName: "Hill", Name: given + " Hill", Email: family, Phone: phone, Country: "US", Place: &place}}
	}
	sophie, chloe := sister(0, "Sophie", "7001", "480.757.4409"), sister(1, "Chloe", "2298", "(480) 931-8297")
	refund := shopOrder{1, "woocommerce", ontology.PartyRef{Role: ontology.PartyCustomer, ExternalID: "2298", Email: family}}
	for _, seq := range [][]shopOrder{{sophie, chloe, refund, sophie}, {chloe, sophie, chloe, refund}} {
		if got := deliverOrders(t, newFixture(t), seq); got != "0 0 | 1 1" && got != "0 | 1 1 1" {
			t.Errorf("the Hill sisters with a refund of Chloe's order: clusters %q, want each sister's documents apart", got)
		}
	}
}
