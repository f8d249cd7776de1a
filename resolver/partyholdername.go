package resolver

import "github.com/seamhub/seam/resolver/compare"

// heldUnder reports whether the orders of acct show n as the account's holder: two of
// them at least are written to n whole (the same name, in another script or with a
// slip; a title or pet name that fits it does not count, since it fits a colleague or
// relative of one family as well), n is the name most of them agree with, and no one
// else has as many. A Douyin open id is per shop: 杨丽's account of shop 1, first seen
// on a parcel to 朱敏, moves to a party of her own once two of its orders are written to
// her, and that party, new, is known by no name yet. Her phone on those orders names
// the party of her account of shop 2, and "an account whose history never names the
// receiver whole" read her as a customer of her own receiving a gift from herself: her
// two shops stayed two parties. The account's orders are its history. A single parcel
// to 赵欣怡 beside her colleague's 赵小姐 is still a gift (TestGiftToACustomerOfTheOtherShop).
func (pb *partyBook) heldUnder(acct string, n compare.Name) bool {
	h, _, ok := pb.accountHolder(acct)
	if !ok || !wholeNameAgrees(h, n) || pb.inDoubt(acct, h, "") {
		return false
	}
	whole := 0
	names, counts := pb.buyerNames(acct)
	for _, m := range names {
		if mn := (compare.Name{Full: m}); m != "" && !weakName(mn) && wholeNameAgrees(n, mn) {
			whole += counts[m]
		}
	}
	return whole >= 2
}
