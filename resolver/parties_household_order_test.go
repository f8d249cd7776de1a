package resolver_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// TestHouseholdOnOnePhoneInAnyOrder: a family of one flat orders with the household's
// phone under four names. William is Bill; Paul shares Bill's sound (Double Metaphone
// PL) and not his name; Jeffrey A. carries the initial of Ashley's name as his middle
// one. In any arrival order, and in any batches, each person is one party and no two
// are one.
func TestHouseholdOnOnePhoneInAnyOrder(t *testing.T) {
	flat := func(given, phone, email string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: "Carter", Name: given + " Carter",
			Phone: phone, Email: email, Country: "US",
			Place: &ontology.AddressPart{Number: "4417", Street: "Linden Court", Locality: "Denver", Postcode: "80203"}}
	}
	const home = "+1 303 555 0148"
	household := [][]ontology.PartyRef{
		{flat("William", home, "wcarter@example.com"), flat("Bill", home, ""), flat("Bill", "+1 303 555 0191", "wcarter@example.com")},
		{flat("Paul", home, ""), flat("Paul", "+1 720 555 0112", "paul.carter@example.net")},
		{flat("Jeffrey A.", home, "")},
		{flat("Ashley", home, "ashley.c@example.org"), flat("Ashley", "+1 720 555 0177", "ashley.c@example.org")},
	}
	householdInAnyOrder(t, household, "0 0 0 | 1 1 | 2 | 3 3")
}

// householdInAnyOrder delivers a household's mentions (by person) in several orders
// and batches, and checks that each order gives the partition want, or one of them
// where what the data says leaves a mention to either side.
func householdInAnyOrder(t *testing.T, household [][]ontology.PartyRef, want ...string) {
	t.Helper()
	var all []mention
	for i, p := range household {
		for _, r := range p {
			all = append(all, mention{i, r})
		}
	}
	for perm := range 6 {
		f := newFixture(t)
		order := slices.Clone(all)
		rand.New(rand.NewPCG(uint64(perm), 18)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		docs := deliver(f, "woocommerce", order, func(i int) int { return 1 + (i*5+perm)%3 })
		if got := partition(t, f, docs, order); !slices.Contains(want, got) {
			t.Fatalf("order %d gave clusters %q, want one of %q: each member's orders together, members apart", perm, got, want)
		}
	}
}

// TestChineseHouseholdOnOnePhoneInAnyOrder: 凤英 张 and her daughter 萍 张 order with
// the flat's one phone; 凤英 also as Amy Zhang, with her own mailbox. The English name
// agrees with either in the family name only: the mailbox makes Amy her mother, and
// nothing makes 萍 either, in any order.
func TestChineseHouseholdOnOnePhoneInAnyOrder(t *testing.T) {
	flat := func(given, family, phone, email string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, GivenName: given, FamilyName: family, Name: family + given,
			Phone: phone, Email: email, Country: "CN",
			Place: &ontology.AddressPart{Street: "望江路318号", Line2: "锦绣花园6栋2单元1704", Locality: "武侯区", Region: "成都市", Postcode: "610041"}}
	}
	const home = "+86 139 8012 4476"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{flat("凤英", "张", home, "fengying.z@126.com"), flat("Amy", "Zhang", home, "fengying.z@126.com"), flat("凤英", "张", home, "")},
		{flat("萍", "张", home, "zhangping@qq.com"), flat("萍", "张", "+86 186 2044 7150", "zhangping@qq.com")},
	}, "0 0 0 | 1 1")
}

// lupoHome is a member of the Lupo household of Via Ioppi 148, Firenze, as a guest
// order writes them: the home's landline is 055 875493.
func lupoHome(given, phone, email string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "IT", GivenName: given, FamilyName: "Lupo",
		Name: given + " Lupo", Phone: phone, Email: email,
		Place: &ontology.AddressPart{Street: "Via Ioppi 148", Line2: "int. 8", Locality: "Firenze", Postcode: "50111"}}
}

// TestParentAndChildOfOneNameOnTheHomesLineInAnyOrder: Giorgio Lupo and his son
// Giorgio Lupo both order with the home's landline, each from his own mailbox, the son
// also without a phone; nothing but the mailboxes tells them apart. Their mother orders
// from the line and from her mobile, once with a slip in her name. In any arrival order
// and batches: the father, the son and the mother, each one party.
func TestParentAndChildOfOneNameOnTheHomesLineInAnyOrder(t *testing.T) {
	const line = "055875493"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{lupoHome("Giorgio", line, "g.lupo@tiscali.it"), lupoHome("Giorgio", "+39 055 875493", "g.lupo@tiscali.it")},
		{lupoHome("Giorgio", "", "lupo.giorgio@virgilio.it"), lupoHome("Giorgio", "+39 055 875493", "lupo.giorgio@virgilio.it"),
			lupoHome("Giorgio", line, "lupo.giorgio@virgilio.it")},
		{lupoHome("Chiara", line, "chiara.lupo@libero.it"), lupoHome("Chiara", "+39 347 555 6666", "chiara.lupo@libero.it"),
			lupoHome("Chiarra", "", "chiara.lupo@libero.it")},
	}, "0 0 | 1 1 1 | 2 2 2")
}

// TestAnOrderWithoutContactsBridgesNoParentAndChild: the father's and the son's orders
// as above, and an order for Giorgio Lupo at the home with neither a phone nor a
// mailbox, which fits either by name and address. Pair by pair father and son are kept
// apart; the order without contacts must not join them as a cluster either, whichever
// came first. It joins one of them (which one depends on what it met first: nothing
// in it says).
func TestAnOrderWithoutContactsBridgesNoParentAndChild(t *testing.T) {
	const line = "+39 055 875493"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{lupoHome("Giorgio", line, "g.lupo@tiscali.it"), lupoHome("Giorgio", line, "g.lupo@tiscali.it")},
		{lupoHome("Giorgio", line, "lupo.giorgio@virgilio.it"), lupoHome("Giorgio", "", "lupo.giorgio@virgilio.it")},
		{lupoHome("Giorgio", "", "")},
	}, "0 0 2 | 1 1", "0 0 | 1 1 2")
}

// TestTwoChildrenByInitialsOnTheHomesLineInAnyOrder: the Slagmolens of Rotterdam order
// with the home's line and the family's mailbox, the children writing their first
// names as initials (J. Slagmolen, V. Slagmolen). Two initials a letter apart are two
// children, not one name with a slip (the letters of the whole names are one edit
// apart); the mother's Mieke is her Maria. In any order: each child one party, the
// mother one.
func TestTwoChildrenByInitialsOnTheHomesLineInAnyOrder(t *testing.T) {
	home := func(given, phone, email string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "NL", GivenName: given, FamilyName: "Slagmolen",
			Phone: phone, Email: email, Place: &ontology.AddressPart{Street: "Herstalweg 134", Locality: "Rotterdam", Postcode: "3072 QZ"}}
	}
	const line, family = "010-6702724", "slagmolen@ziggo.nl"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{home("Maria", "+31 (0)6 26625915", "maria_slagmolen@ziggo.nl"), home("Mieke", line, "MARIA_SLAGMOLEN@ZIGGO.NL")},
		{home("J.", line, family), home("J.", "+31 10 6702724", family)},
		{home("V.", "+31 10 6702724", family), home("V.", line, family)},
	}, "0 0 | 1 1 | 2 2")
}

// TestOneMailboxUnderPetNameAndSlipInAnyOrder: Dolores Bas Sedano orders from her
// mailbox as Lola with the home's line, as Dolores with her mobile, and, moved to
// another address, once as Dolpres, a slip, with no phone. Lola and Dolpres were two
// names (a household's on one mailbox), each agreeing with Dolores: which orders were
// hers depended on the name her party was first known by. Lola is a nickname of the
// name Dolpres is a slip of: in any order, every order is hers.
func TestOneMailboxUnderPetNameAndSlipInAnyOrder(t *testing.T) {
	at := func(given, phone, street, postcode string) ontology.PartyRef {
		return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "ES", GivenName: given, FamilyName: "Bas Sedano",
			Phone: phone, Email: "dolores_bas@yahoo.es", Place: &ontology.AddressPart{Street: street, Locality: "Madrid", Postcode: postcode}}
	}
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{at("Lola", "916 22 11 93", "Calle Castro 110, 4º B", "28439"), at("Dolores", "654 608 816", "Calle Castro 110, 4º B", "28439"),
			at("Dolpres", "", "Av. Antunez 132", "28169")},
	}, "0 0 0")
}
