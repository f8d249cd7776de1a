package resolver

import (
	"slices"
	"strings"
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
// A party known by no name is not anyone. Until the account's orders name someone
// twice, a receiver of such an account is the buyer only in the way any receiver may
// be: her contacts are no evidence about the account's holder, and the order is the
// account's alone, related to her (the gift's treatment, buyerOnly). A desk order on a
// mobile is not nameless in this sense: the mobile is the buyer's, and names her. From the second
// order written to one name, that name holds the account, and its contacts join the
// account's party to hers as any buyer's do.

// noteNameless records that document doc of account acct names no one (see
// namelessAccount), and whether it gives a contact of the buyer's own (a mobile beside
// the desk).
func (pb *partyBook) noteNameless(acct, doc string, contact bool) {
	pb.noteBuyer(acct, doc, "")
	bs := pb.buyers[acct]
	i := slices.IndexFunc(bs, func(x AccountBuyer) bool { return x.Doc == doc })
	if i < 0 || bs[i].Contact == contact {
		return
	}
	bs[i].Contact = contact
	if pb.buyersChanged == nil {
		pb.buyersChanged = map[string]bool{}
	}
	pb.buyersChanged[acct] = true
}

// deskAccountReceiver reports whether a customer mention naming its buyer by account
// acct (buyerAccount: a whole receiver name, no mailbox), whose key names the party
// owner, is an order of an account known only by nameless orders (its first order named
// no one) whose holder no name has yet been given twice, and whose other keys (the
// receiver's phone) do not already name the account's party: a desk order with the
// buyer's own mobile tells that a receiver on that mobile is the buyer.
func (pb *partyBook) deskAccountReceiver(acct, owner string, identity []string) bool {
	bs := pb.buyers[acct]
	if len(bs) < 2 || bs[0].Name != "" {
		return false
	}
	for _, x := range bs {
		if x.Name == "" && x.Contact {
			// A desk order on the buyer's own mobile (杨勇's 前台收 with his second
			// number): the account is someone's, and a receiver of it a buyer as on
			// any account with a history.
			return false
		}
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
