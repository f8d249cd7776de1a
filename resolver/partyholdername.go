package resolver

import "github.com/seamhub/seam/resolver/compare"

// heldUnder reports whether the orders of acct show n as the account's holder: the name
// most of them are written to (two at least, see accountHolder) is n written whole (the
// same name, in another script or with a slip, not a title or pet name that fits it),
// and no one else has as many. A Douyin open id is per shop: 杨丽's account of shop 1,
// first seen on a parcel to 朱敏, moves to a party of her own once two of its orders
// are written to her, and that party, new, is known by no name yet. Her phone on those
// orders names the party of her account of shop 2, and "an account whose history never
// names the receiver whole" read her as a customer of her own receiving a gift from
// herself: her two shops stayed two parties. The account's orders are its history.
func (pb *partyBook) heldUnder(acct string, n compare.Name) bool {
	h, hv, ok := pb.accountHolder(acct)
	return ok && hv >= 2 && wholeNameAgrees(h, n) && !pb.inDoubt(acct, h, "")
}
