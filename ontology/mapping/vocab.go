package mapping

import "github.com/seamhub/seam/ontology"

// The words a mapping file may use for roles, party roles, ref kinds, channels and
// directions. They are built from the ontology's constants so that a new constant is one
// line here and the load-time messages list exactly what the validator accepts.

var roleNames = names(ontology.RoleOrder, ontology.RolePOS, ontology.RoleFulfilment, ontology.RoleDeclaration,
	ontology.RoleReceipt, ontology.RolePurchase, ontology.RoleTracking, ontology.RoleInvoice, ontology.RolePayment,
	ontology.RoleSettlement, ontology.RolePayout, ontology.RoleReading, ontology.RoleRefund, ontology.RoleLots)

var partyRoles = names(ontology.PartyCustomer, ontology.PartySupplier, ontology.PartySeller, ontology.PartyConsignee,
	ontology.PartyConsignor, ontology.PartyBroker, ontology.PartyCarrier)

var refKinds = names(ontology.RefOrderNumber, ontology.RefOrderID, ontology.RefHubRef, ontology.RefPO, ontology.RefASN,
	ontology.RefTracking, ontology.RefBL, ontology.RefContainer, ontology.RefEntry, ontology.RefPayment,
	ontology.RefInvoice, ontology.RefPayout, ontology.RefBalanceTxn, ontology.RefReceipt, ontology.RefSSCC, ontology.RefLot)

var verbNames = names(ontology.Verbs...)

// channels and directions are the values ontology.Document's validation tags allow.
var (
	channels   = []string{"counter", "delivery", "online"}
	directions = []string{"inbound", "outbound"}
	outcomes   = []string{ontology.OutcomeReturned, ontology.OutcomeKept, ontology.OutcomeUnshipped}
	formats    = []string{string(JSON), string(JSONL), string(CSV), string(XML), string(Form)}
)

func names[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
