package resolver

import (
	"fmt"
	"testing"

	"github.com/seamhub/seam/ontology"
)

// BenchmarkJudgeReturningCustomer judges one storefront order's new writing against
// the candidates of its blocks in a long history (seam bench backlog --grow days): the
// namesakes of its name block, each with a mailbox of their own, and the people of its
// given name in its city, under other family names, as the given-name-and-locality
// block lists them, some with an accented family name. Nearly every pair is Apart; its
// cost per operation is what each such order pays.
func BenchmarkJudgeReturningCustomer(b *testing.B) {
	order := func(given, family, email, phone, street, postcode, city string) PartyProfile {
		return ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: given + " " + family, GivenName: given, FamilyName: family,
			Email: email, Phone: phone, Country: "NL", Place: &ontology.AddressPart{Street: street, Postcode: postcode, Locality: city}})
	}
	prof := order("Noah", "de Vries", "noah.devries672@example.com", "+31688478188", "Witte de Withstraat 145", "1015 WZ", "Amsterdam")
	families := []string{"Chen", "Müller", "Schmidt", "Wang", "Smit", "Lin", "Bakker", "Jansen", "Visser", "Zhang", "Li"}
	streets := []string{"Nieuwegracht", "Vismarkt", "Grote Markt", "Keizersgracht", "Lange Voorhout", "Coolsingel", "Binnenweg", "Oudegracht"}
	var cands []PartyProfile
	for i := range 20 {
		cands = append(cands, ProfileOf(ontology.PartyRef{Role: ontology.PartyCustomer, Name: "Noah de Vries",
			Email: fmt.Sprintf("noah.devries%d@example.com", 100+i*97)}))
		f := families[i%len(families)]
		cands = append(cands, order("Noah", f, fmt.Sprintf("noah.%s%d@example.com", f, 300+i), fmt.Sprintf("+316%08d", 1000+i*7919),
			fmt.Sprintf("%s %d", streets[i%len(streets)], 5+i*10), fmt.Sprintf("1015 %c%c", 'A'+i%26, 'Z'-i%26), "Amsterdam"))
	}
	pm := DefaultPartyModel()
	fr := Frequency{fieldName: 20}
	b.ReportAllocs()
	for b.Loop() {
		pb := &partyBook{}
		for _, cp := range cands {
			pb.judge(&pm, prof, cp, fr)
		}
	}
}
