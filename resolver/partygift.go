package resolver

import (
	"slices"
	"strings"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// A marketplace order names its buyer by the platform's account (Douyin's
// doudian_open_id) and its parcel's receiver by name, phone and address (post_receiver,
// post_tel, post_addr). Most orders ship to the buyer, so the receiver's details are
// the buyer's and link the account across platforms. A gift ships to someone else: 李东's
// account beside his mother 王利's name, phone and Wuhan flat. Read as one mention, the
// account names his party and the phone hers, and the mention "proves them one": the
// two people and every order of each became one party. The document says who bought:
// the account. So where the receiver's name contradicts every name the account's party
// is known by, the mention is the account's, and the receiver's contacts and
// description are no evidence about the buyer at all.

// giftReceiver reports whether a customer mention (p, its profile prof, its identity
// keys) carries a buyer's account beside a receiver who is another person: the
// account's key names a party, and the mention's name, a whole name, contradicts a name
// of that party's cluster (byName: only the names tell, see holderInDoubt), or
// contradicts the name most of the account's orders are written to (its holder, see
// partyholder.go).
//
// Or the mention's phone names a party that holds another account of the same shop:
// the shop saying that the receiver is a customer of its own (司林's own Douyin account,
// while 李强's account sends her a parcel). Of the same shop, not only of the same
// system: a Douyin open id is the buyer's in one shop, and a tenant with two shops sees
// every buyer under two (review35 zh-1: 137 pairs of one person's two shops, one name,
// phone and flat, were kept apart). An account first seen on a gift to someone whose
// account is of another shop, or of no shop known, is told from its buyer's own orders
// by its holder instead.
//
// Only a name written whole, with no mailbox, is read as a receiver's: a storefront's
// account (Shopify's customer, WooCommerce's customer_id) comes with the billing name
// in its parts and the buyer's mailbox, and a family sharing such an account is what the
// household rules are for. A weak name (王先生, 李**) contradicts no one.
func (pb *partyBook) giftReceiver(p ontology.PartyRef, prof PartyProfile, identity []string) (gift, byName bool) {
	acct := buyerAccount(p, prof, identity)
	if acct == "" {
		return false, false
	}
	owner, owned := pb.known[acct]
	if owned && pb.deskAccountReceiver(acct, owner, identity, prof) {
		// An account known only by its desk orders: a receiver is no buyer yet (see
		// partydeskaccount.go).
		return true, false
	}
	if h, hv, ok := pb.accountHolder(acct); ok && hv >= 2 && !fits(h, nameOf(prof)) {
		// Another name than the one most of the account's orders are written to (two at
		// least: one order's name is no holder's yet), or a title that does not fit it
		// (王女士 on 吴建国's account): its holder's gift, wherever the account's key
		// pointed when the order came.
		return true, false
	}
	for _, k := range identity {
		if !strings.HasPrefix(k, "phone:") {
			continue
		}
		r, ok := pb.known[k]
		if !ok || owned && pb.root(r) == pb.root(owner) {
			continue
		}
		if prof.Shop != "" && pb.holdsAnotherAccount(pb.root(r), prof.Account, prof.Shop) {
			return true, false
		}
		if owned && pb.holdsAnotherAccount(pb.root(r), prof.Account, "") && !pb.knownByName(pb.root(owner), nameOf(prof)) {
			// An account with a history, none of it under this name written whole (赵小姐
			// ordering to her office, then a parcel there for her colleague 赵欣怡, who
			// orders from her own account of the tenant's other shop): the receiver is
			// a customer of her own, not the account's buyer under a second number.
			return true, false
		}
	}
	// Last, as the weakest: the shop's own accounts and the account's history above
	// say whose the account is, the names alone only that the two are two people.
	if n := nameOf(prof); owned && !weakName(n) && (pb.clusterContradicts(pb.root(owner), n) || pb.titleOfAnotherFamily(pb.root(owner), n)) {
		return true, true
	}
	return false, false
}

// holdsAnotherAccount reports whether the party whose surviving id is root holds an
// account of acct's system other than acct: opened in shop where shop is not "" (a
// customer of that shop in their own right), in any shop where it is "". An account of
// another shop may be the same buyer's (a Douyin open id is per shop), which only an
// account's own history tells apart (knownByName).
func (pb *partyBook) holdsAnotherAccount(root, acct, shop string) bool {
	for _, p := range pb.wholeMemberProfiles(root) {
		if !p.Company && p.Account != "" && p.Account != acct && (shop == "" || p.Shop == shop) && accountSystem(p.Account) == accountSystem(acct) {
			return true
		}
	}
	return false
}

// knownByName reports whether some member of the party whose surviving id is root is
// known by n written whole (the same name, in another script or with a slip), not only
// by a title, a pet name or a mask that n fits.
func (pb *partyBook) knownByName(root string, n compare.Name) bool {
	for _, m := range pb.clusterNames(root) {
		if !weakName(m) && wholeNameAgrees(n, m) {
			return true
		}
	}
	return false
}

// titleOfAnotherFamily reports whether the party whose surviving id is root is known
// by a courtesy title (赵女士) of another family than the Han name n (李琳). A title
// contradicts no one in general, since it does not say which member of a family it is
// (weakName); but a receiver of another family is not its account's buyer written in
// full: a Chinese wife keeps her family name, and so a family's members differ in it,
// but one person does not. Names given in two fields are left out: their order is the
// form's, not the name's.
func (pb *partyBook) titleOfAnotherFamily(root string, n compare.Name) bool {
	h, ok := compare.ParseHanName(normalize.PersonName(n.Full))
	if !ok || h.Given == "" {
		return false
	}
	for _, m := range pb.clusterNames(root) {
		if m.Given != "" || m.Family != "" || compare.TitleGender(m) == compare.GenderUnknown {
			continue
		}
		t, ok := compare.ParseHanName(normalize.PersonName(m.Full))
		if ok && t.Given == "" && t.Family != "" && t.Family != h.Family {
			return true
		}
	}
	return false
}

// buyerOnly is what a gift's mention says about its buyer: the account (and a tax id
// or member number, which are the payer's), none of the receiver's name, phone or
// address, so that no key and no block of the receiver's files the buyer's party.
func buyerOnly(identity []string, prof PartyProfile) ([]string, PartyProfile) {
	var keep []string
	for _, k := range identity {
		if strings.HasPrefix(k, "ext:") || strings.HasPrefix(k, "tax:") || strings.HasPrefix(k, "loyalty:") {
			keep = append(keep, k)
		}
	}
	return keep, PartyProfile{Account: prof.Account, Shop: prof.Shop, Country: prof.Country, TaxID: prof.TaxID}
}

// giftWords are what a buyer writes in an order's note when the parcel is for someone
// else: 送人的 (it is to give away), 送给妈妈, 送礼, 生日礼物. Asking the shop for a gift
// (送个小礼物, 有赠品吗) is not among them: it says nothing of who receives the parcel.
var giftWords = []string{"送人", "送给", "送礼", "生日礼物", "节日礼物", "是礼物", "当礼物", "做礼物", "作礼物"}

// askWords are what a buyer writes asking the shop for a freebie (送给我个小样, 送点赠品),
// in which 送给 says nothing of a receiver (送给我妈的 still does).
var askWords = []string{"送给我个", "送给我一", "送我个", "送我一", "赠品", "送点", "送个", "小样"}

// giftNoted reports whether the document says its parcel (for customer p) is a gift:
// the buyer's note (the mapping's "buyer" note: Douyin's buyer_words, Pinduoduo's
// buyer_memo) says so; or a greeting card goes with it (the "card" note: Douyin's
// greet_words on a flower order); or the orderer's own number, as the platform gives it
// beside the receiver's (the "payer_phone" note: Douyin's mask_pay_tel on a flower
// order, 1********35), is not the receiver's. On an order that names its buyer by
// account, the receiver is then not the buyer: the receiver's name, phone and address
// are no evidence about the account's holder, even on the account's first order, which
// nothing else tells from the receiver's own.
func giftNoted(d *ontology.Document, p ontology.PartyRef) bool {
	for _, n := range d.Notes {
		switch n.Field {
		case "card":
			if strings.TrimSpace(n.Text) != "" {
				return true // a card is written to someone else
			}
		case "payer_phone":
			if payerIsAnother(n.Text, p.Phone) {
				return true
			}
		case "buyer":
			if slices.ContainsFunc(askWords, func(w string) bool { return strings.Contains(n.Text, w) }) {
				continue // 送给我个赠品: the buyer asks the shop for something, the parcel is theirs
			}
			for _, w := range giftWords {
				if strings.Contains(n.Text, w) {
					return true
				}
			}
		}
	}
	return false
}

// payerIsAnother reports whether the orderer's number, masked as the platform gives it
// (1********35: its first digit and last two; 176****3357), shows a digit that the
// receiver's plain number does not have in that place. A mask that fits tells nothing
// (one number in a hundred fits 1********35), and neither does a receiver's number that
// is itself masked or missing.
func payerIsAnother(payer, receiver string) bool {
	payer, receiver = strings.TrimSpace(payer), strings.TrimSpace(receiver)
	if payer == "" || receiver == "" || compare.IsMasked(receiver) || !compare.IsMasked(payer) {
		return false
	}
	return compare.PhoneLevel(payer, receiver, "CN").Kind == compare.Different
}
