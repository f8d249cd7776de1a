package resolver_test

import (
	"testing"

	"github.com/seamhub/seam/ontology"
)

// ukOrder is a Bristol customer's order, billed to org where it is not "".
func ukOrder(given, family, email, phone, street, postcode, org string) ontology.PartyRef {
	return ontology.PartyRef{Role: ontology.PartyCustomer, Country: "GB", GivenName: given, FamilyName: family,
		Name: given + " " + family, Email: email, Phone: phone, Organization: org,
		Place: &ontology.AddressPart{Street: street, Locality: "Bristol", Postcode: postcode}}
}

// TestOfficeLineUnderOneNameInAnyOrder: Simon Clarke orders for his salon with its
// landline, from his own mailbox and from the salon's, each order billed to Clarke Hair
// Salon Ltd; at home he orders from his own mailbox with his mobile. A fixed line under
// one name and two mailboxes had read as a home's line shared by a father and son, and
// his orders stayed two parties. Billed to one company, the line is the office's: one
// person. His colleague Emma Hughes, on the same line from her own mailbox, stays apart.
func TestOfficeLineUnderOneNameInAnyOrder(t *testing.T) {
	const salon, line, office = "Clarke Hair Salon Ltd", "0117 946 9048", "227 The Crescent"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{ukOrder("Simon", "Clarke", "simon.clarke@gmail.com", "07705 446520", "14 Ashley Road", "BS6 5NL", ""),
			ukOrder("Simon", "Clarke", "simon.clarke@gmail.com", "01179469048", office, "BS6 3TZ", salon),
			ukOrder("Simon Paul", "Clarke", "sclarke@clarkehairsalon.co.uk", line, office, "BS6 3TZ", "Clarke Hair Salon")},
		{ukOrder("Emma", "Hughes", "emma@clarkehairsalon.co.uk", line, office, "BS6 3TZ", salon)},
	}, "0 0 0 | 1")
}

// TestOfficeLineUnderASlipOfTheNameInAnyOrder: Kavya Das orders for her shop from her
// own mailbox, typing Kavyya, and from the shop's mailbox, both with the shop's
// landline and billed to it. The first party's own mailbox (kavya.das@) spells the name
// the second writes: Kavyya is her slip, not a twin's other spelling on a shared line,
// and the office's line is hers.
func TestOfficeLineUnderASlipOfTheNameInAnyOrder(t *testing.T) {
	const shop, line, office = "Das Florist Ltd", "011 7901 2226", "167 Grange Rd"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{ukOrder("Kavyya", "Das", "Kavya.das@hotmail.co.uk", line, office, "BS3 7RQ", shop),
			ukOrder("kavya", "das", "kavya.das@dasflorist.co.uk", "+44 11 7901 2226", office, "bs37rq", shop),
			ukOrder("Kavya", "Das", "kavya.das@hotmail.co.uk", "+447749805947", "240 The Crescent", "BS3 4DP", "")},
	}, "0 0 0")
}

// TestHomeLineOfOneNameWithoutACompanyStaysTwoInAnyOrder: the same orders without a
// company billed are a father and son of one name on their home's line, each from his
// own mailbox: two people, as before.
func TestHomeLineOfOneNameWithoutACompanyStaysTwoInAnyOrder(t *testing.T) {
	const line, home = "0117 946 9048", "227 The Crescent"
	householdInAnyOrder(t, [][]ontology.PartyRef{
		{ukOrder("Simon", "Clarke", "simon.clarke@gmail.com", line, home, "BS6 3TZ", "")},
		{ukOrder("Simon", "Clarke", "sclarke58@btinternet.com", line, home, "BS6 3TZ", "")},
	}, "0 | 1")
}
