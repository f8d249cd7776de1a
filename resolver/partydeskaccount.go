package resolver

import (
	"slices"
	"strings"

	"github.com/seamhub/seam/resolver/compare"
)

// An account known only by a desk. A buyer who has her office's parcels taken in at its
// front desk writes the desk as the receiver (前台, 公司前台, with the desk's landline):
// such an order names no one (partydesk.go), and an account founded on it is a party
// with no name at all. The gift rules tell a receiver from the account's buyer by the
// names the account's party is known by (giftReceiver, holderInDoubt); a party with no
// name contradicts no one, so the account's next order, a parcel for a colleague (her
// name and mobile, at the office), read as the buyer's own: her mobile named her party
// (her own Pinduoduo orders), the account named the desk orders' party, and the one
// mention "proved them one". The account's desk orders and the colleague's own orders
// became one customer.
//
// A party known by no name is not anyone. The desk orders say where the buyer works;
// an order of the account to a person named at that office is the buyer's own or a
// parcel a colleague takes, and nothing on it tells which. Until the account's orders
// name someone twice, such a receiver's contacts are no evidence about the account's
// holder, and the order is the account's alone, related to her (the gift's treatment,
// buyerOnly). From the second order written to one name, that name holds the account,
// and its contacts join the account's party to hers as any buyer's do. An order to
// another address (the buyer's home) is read as any account's first named order is,
// as the buyer's own: on review35's zh seeds 7 and 12, holding those back too lost 11
// true pairs of buyers who order to the desk at work and under their name at home, and
// kept no false one out. A desk order on a mobile is not nameless in this sense: the
// mobile is the buyer's own, and names her.

// noteNameless records that document doc of account acct names no one (see
// namelessAccount), and whether it gives a contact of the buyer's own (a mobile beside
// the desk), and the desk's building.
func (pb *partyBook) noteNameless(acct, doc string, contact bool, desk string) {
	pb.noteBuyer(acct, doc, "")
	bs := pb.buyers[acct]
	i := slices.IndexFunc(bs, func(x AccountBuyer) bool { return x.Doc == doc })
	if i < 0 || bs[i].Contact == contact && bs[i].Desk == desk {
		return
	}
	bs[i].Contact, bs[i].Desk = contact, desk
	if pb.buyersChanged == nil {
		pb.buyersChanged = map[string]bool{}
	}
	pb.buyersChanged[acct] = true
}

// deskAccountReceiver reports whether a customer mention naming its buyer by account
// acct (buyerAccount: a whole receiver name, no mailbox; prof its profile), whose key
// names the party owner, is an order to the office of an account known only by nameless
// orders: its first order named no one, none gave the buyer's own mobile, one was for
// the desk of the building this order goes to, no name has yet been given twice, and
// the mention's other keys (the receiver's phone) do not already name the account's
// party. Addressed elsewhere (the buyer's home), the order is read as any account's
// first named order is: most ship to the buyer.
func (pb *partyBook) deskAccountReceiver(acct, owner string, identity []string, prof PartyProfile) bool {
	bs := pb.buyers[acct]
	here := deskBuilding(prof.Place)
	if len(bs) < 2 || bs[0].Name != "" || here == "" || !slices.ContainsFunc(bs, func(x AccountBuyer) bool { return x.Name == "" && x.Desk == here }) {
		return false
	}
	if slices.ContainsFunc(bs, func(x AccountBuyer) bool { return x.Name == "" && x.Contact }) && !namedOtherwise(bs, prof) {
		// A desk order on the buyer's own mobile (杨勇's 前台收 with his second number):
		// the account is someone's, and a receiver of it a buyer as on any account with
		// a history, unless the account's named orders say who that someone is, and it
		// is not this receiver (韩东 at home, then 宋佳 at his office: his colleague).
		return false
	}
	if _, hv, _ := pb.accountHolder(acct); hv >= 2 {
		return false
	}
	for _, k := range identity {
		if strings.HasPrefix(k, "ext:") {
			continue
		}
		if id, ok := pb.known[k]; ok && pb.root(id) == pb.root(owner) {
			return false
		}
	}
	return true
}

// deskBuilding is the building of an address, its street and number (祖冲之路 500), or ""
// where it gives either not: the floor, the room and a company's name after them vary
// from order to order to one office (中心广场34楼3406, 34层上海远航物流有限公司).
func deskBuilding(a compare.Address) string {
	if a.Street == "" || a.Number == "" {
		return ""
	}
	return a.Street + " " + a.Number
}

// namedOtherwise reports whether an order of the account (bs) is written to a whole name
// that a customer mention's name (prof) does not fit: the account's buyer has been
// named, and the mention names someone else.
func namedOtherwise(bs []AccountBuyer, prof PartyProfile) bool {
	n := nameOf(prof)
	return slices.ContainsFunc(bs, func(x AccountBuyer) bool {
		return x.Name != "" && !fits(compare.Name{Full: x.Name}, n)
	})
}
