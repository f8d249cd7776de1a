package resolver

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/seamhub/seam/ontology"
	"github.com/seamhub/seam/resolver/compare"
	"github.com/seamhub/seam/resolver/normalize"
)

// An account's holder. A marketplace account (Douyin's doudian_open_id) is one buyer,
// and its orders name only their parcels' receivers; the account's key names the party
// of its first mention. Most orders ship to the buyer, but an account first seen on a
// gift (李强's first order goes to 司林, at her flat with her phone) names the
// receiver's party, and the buyer's own orders that follow were read as his gifts to
// her and filed with her: he and she, and her own orders on other platforms, became one
// party. Which name is the account's own is a matter of its orders as a whole: the one
// most of them are written to. So each account keeps, across batches, the name each of
// its orders was written to (one per document, so that a resent or re-filed document
// does not count twice), and the account is re-examined on each order: when the names
// that agree with one another outnumber the ones that agree with the name the account's
// party was founded under, the account changes hands. Its key then names a party of the
// holder's own, and its earlier orders are filed again, the receivers' orders as gifts
// (a RELATED edge to the receiver). The party the key named keeps its id and everything
// else that names it (the receiver's phone and her own orders), and every decision a
// person made about it stands. A tie keeps the account where it is: the first name seen
// is the holder until outvoted.

// AccountBuyer is one order of a shop account: its document and the name it was
// written to, whole.
type AccountBuyer struct {
	Doc, Name string
	// Contact is set on an order that names no one (an office's front desk) but gives
	// a contact of the buyer's own, a mobile: the account is someone's, whose number
	// it is (see partydeskaccount.go).
	Contact bool
	// Desk is the building of such an order's desk (PartyProfile.Desk).
	Desk string
}

// accountBuyersKept bounds the orders an account keeps names of: past it, which name
// is the holder's is settled, and a shop's busiest accounts must not grow a property
// without end.
const accountBuyersKept = 64

// buyerAccount returns the account key (ext:) of a customer mention that names its
// buyer by account and its receiver by a whole name with no mailbox (what
// giftReceiver reads), or "".
func buyerAccount(p ontology.PartyRef, prof PartyProfile, identity []string) string {
	// The account is the mention's external id: loadParties reads it before
	// resolveParties sets prof.Account.
	if p.Role != ontology.PartyCustomer || prof.Company || p.ExternalID == "" || prof.Email != "" {
		return ""
	}
	if prof.Given != "" || prof.Family != "" || prof.FullName == "" {
		return ""
	}
	for _, k := range identity {
		if strings.HasPrefix(k, "ext:") {
			return k
		}
	}
	return ""
}

// namelessAccount returns the account key (ext:) of a customer mention that names its
// buyer by account and no one as its receiver (an order to an office's front desk,
// partydesk.go), or "". Such an order is the account's whatever its holder: it casts
// no vote, but is kept with the account's orders so that it is filed again with them
// when the account changes hands (赵娟's order to her desk, read after a tie had left
// her account with her first order's receiver, stayed with him when her next order
// moved the account to her).
func namelessAccount(p ontology.PartyRef, prof PartyProfile, identity []string) string {
	if p.Role != ontology.PartyCustomer || prof.Company || p.ExternalID == "" || prof.Email != "" ||
		prof.FullName != "" || prof.Given != "" || prof.Family != "" {
		return ""
	}
	for _, k := range identity {
		if strings.HasPrefix(k, "ext:") {
			return k
		}
	}
	return ""
}

// loadAccountBuyers reads the buyers kept for the accounts the batch's mentions name.
func (b *batch) loadAccountBuyers(ctx context.Context, keys []string) error {
	pb := b.parties
	pb.buyers = map[string][]AccountBuyer{}
	if len(keys) == 0 {
		return nil
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	got, err := b.tx.AccountBuyers(ctx, keys)
	if err != nil {
		return fmt.Errorf("loading the buyers of accounts: %w", err)
	}
	for k, bs := range got {
		pb.buyers[k] = bs
	}
	return nil
}

// noteBuyer records that document doc of account acct was written to name, and
// reports whether that is news (a document not counted before, or written anew).
func (pb *partyBook) noteBuyer(acct, doc, name string) bool {
	bs := pb.buyers[acct]
	if i := slices.IndexFunc(bs, func(x AccountBuyer) bool { return x.Doc == doc }); i >= 0 {
		if bs[i].Name == name {
			return false
		}
		bs[i].Name = name
	} else {
		if len(bs) >= accountBuyersKept {
			return false
		}
		bs = append(bs, AccountBuyer{Doc: doc, Name: name})
	}
	pb.buyers[acct] = bs
	if pb.buyersChanged == nil {
		pb.buyersChanged = map[string]bool{}
	}
	pb.buyersChanged[acct] = true
	return true
}

// votesFor counts the orders of acct written to a name that agrees with n: n itself, a
// nickname, another script, or a weak name that fits it (see fits).
func (pb *partyBook) votesFor(acct string, n compare.Name) int {
	names, counts := pb.buyerNames(acct)
	return votesAmong(names, counts, n)
}

// votesAmong counts the orders, of names each borne by counts of them, that count for n.
func votesAmong(names []string, counts map[string]int, n compare.Name) int {
	v := 0
	for _, m := range names {
		if m != "" && fits(n, compare.Name{Full: m}) { // a nameless order votes for no one
			v += counts[m]
		}
	}
	return v
}

// buyerNames returns the names acct's orders were written to, each once, in the order
// first seen, and how many orders bear each. An account's orders mostly repeat one
// writing: judged once per writing, not once per order, finding the holder of an
// account of 64 orders made 64 comparisons instead of 4,096, which had tripled the
// resolution's CPU of a 100k-document backlog (namesContradict through fits).
func (pb *partyBook) buyerNames(acct string) ([]string, map[string]int) {
	var names []string
	counts := map[string]int{}
	for _, x := range pb.buyers[acct] {
		if counts[x.Name] == 0 {
			names = append(names, x.Name)
		}
		counts[x.Name]++
	}
	return names, counts
}

// fits reports whether an order written to m counts for n as the account's holder. A
// whole name counts where it does not contradict n. A weak name fits every member of a
// family, but not every family: Douyin buyers write themselves 胡小姐 on their own
// orders as often as not, and such an order counts for 胡霞 and not for the 蔡俊杰 her
// first order was a gift to; a title of the other sex (王先生 against 王丽) or of
// another family (张** against 李伟), or a pet name of the other sex, counts for no one
// it does not fit.
func fits(n, m compare.Name) bool {
	if !weakName(m) {
		return !clusterContradict(n, m)
	}
	if compare.GendersClash(n, m) {
		return false
	}
	hn, ok := compare.ParseHanName(normalize.PersonName(n.Full))
	if !ok || hn.Family == "" {
		return true
	}
	switch {
	case compare.TitleGender(m) != compare.GenderUnknown:
		t, ok := compare.ParseHanName(normalize.PersonName(m.Full))
		return !ok || t.Given != "" || t.Family == "" || t.Family == hn.Family
	case compare.IsMasked(m.Full):
		first, _ := utf8.DecodeRuneInString(strings.TrimSpace(m.Full))
		return !compare.HasHan(string(first)) || strings.HasPrefix(hn.Family, string(first))
	case hanPetName(m) && hn.Given != "":
		// 强强, 阿强, 小强 call someone by a character of the given name, 小陈 by the
		// family's: 陈志强's, not his wife 王凤英's, whose parcel was the account's first.
		switch compare.NameLevel(n, m).Kind {
		case compare.Nickname, compare.Partial, compare.Exact, compare.Transliterated, compare.Homophone:
			return true
		}
		return false
	}
	return true
}

// hanPetName reports whether a name is a two-character Han pet name: 阿, 小 or 老 and a
// character, or a character doubled (强强).
func hanPetName(m compare.Name) bool {
	rs := []rune(normalize.PersonName(m.Full))
	return len(rs) == 2 && compare.IsHanText(string(rs)) && (compare.NicknamePrefix(rs[0]) || rs[0] == rs[1])
}

// accountHolder returns the name most orders of acct agree with, and how many do; of
// names with as many, the first seen.
func (pb *partyBook) accountHolder(acct string) (compare.Name, int, bool) {
	var best compare.Name
	bv := 0
	names, counts := pb.buyerNames(acct)
	for _, name := range names {
		n := compare.Name{Full: name}
		if name == "" || weakName(n) {
			continue
		}
		if v := votesAmong(names, counts, n); v > bv {
			best, bv = n, v
		}
	}
	return best, bv, bv > 0
}

// examineAccount re-examines the party account acct names, on an order (doc) of it:
// when the account's orders are mostly written to a name that contradicts the name
// that party was founded under (a receiver of the account's first order), the key is
// pointed at a party of the holder's own, and the account's other orders are queued to
// be filed again. The holder's party id is a hash of the account and the holder's name,
// the same whichever batch finds it.
func (b *batch) examineAccount(acct, doc string, news bool) {
	pb := b.parties
	owner, ok := pb.known[acct]
	if !ok {
		return
	}
	known := pb.names[owner]
	if known == (compare.Name{}) {
		return
	}
	h, hv, ok := pb.accountHolder(acct)
	switch {
	case !ok:
		return
	case weakName(known):
		// A party known by a title only (王女士, the account's first parcel, for the
		// buyer's mother) holds the account until two of its orders are written to a
		// whole name the title does not fit (吴建国): a man, or another family.
		if hv < 2 || fits(h, known) {
			pb.settleDoubted(acct, doc, news)
			return
		}
	case !clusterContradict(h, known) || hv <= pb.votesFor(acct, known):
		pb.settleDoubted(acct, doc, news)
		return
	}
	holder := partyID(b.tenant, "holder:"+acct+"\n"+normalize.PersonName(h.Full))
	if pb.root(holder) == pb.root(owner) {
		return
	}
	pb.known[acct] = holder
	pb.accountMoves = append(pb.accountMoves, PartyAlias{Key: acct, PartyID: holder})
	for _, x := range pb.buyers[acct] {
		if x.Doc != doc {
			pb.requeued = appendUnique(pb.requeued, x.Doc)
		}
	}
}

// holderInDoubt reports whether an order of acct written to receiver, another person
// than the account's party is known by, leaves open which of them holds the account:
// someone else the account's orders are written to has as many of them as the
// receiver (this order counted), and no one more. The account's key names the party of its first order, and the
// first order may as well have been a gift (李燕's only order, a parcel to her father
// 李海涛 with his phone) as this one: filing this order with the account's party then
// made one party of two people whenever the first order was the gift (郭晓东's account,
// first seen on a parcel his colleague 吴欣怡 took, then his own orders filed as her
// gifts to him). Until the account's orders say who holds it (examineAccount moves it,
// settleDoubted files the orders again), the order is a party of its own, related to
// the account's. A receiver written by a title or a pet name (赵女士) is left as it
// was: it names no holder.
func (pb *partyBook) holderInDoubt(acct string, receiver compare.Name) bool {
	return !weakName(receiver) && pb.inDoubt(acct, receiver, "")
}

// inDoubt reports whether someone the orders of acct are written to, other than
// receiver, has as many of them as receiver and no one more, leaving out the order
// skip. An order counts
// for a name it fits (fits: the name, a nickname, another script, a title or a mask
// that fits it); another person's count is of the orders that fit them and not the
// receiver, so that a title (赵女士) counts for her full name (赵萍) against 李琳, and
// three people's orders (a gift first, the holder's own, a gift to a third) are three
// counts of one, not two against one.
func (pb *partyBook) inDoubt(acct string, receiver compare.Name, skip string) bool {
	counts := map[string]int{}
	var names []string
	for _, x := range pb.buyers[acct] {
		if x.Doc == skip {
			continue
		}
		if counts[x.Name] == 0 {
			names = append(names, x.Name)
		}
		counts[x.Name]++
	}
	vr, tied := 0, false
	for _, m := range names {
		if fits(receiver, compare.Name{Full: m}) {
			vr += counts[m]
		}
	}
	for _, k := range names {
		kn := compare.Name{Full: k}
		if fits(receiver, kn) {
			continue
		}
		vk := 0
		for _, m := range names {
			if mn := (compare.Name{Full: m}); fits(kn, mn) && !fits(receiver, mn) {
				vk += counts[m]
			}
		}
		if vk > vr {
			return false // another's orders outnumber the receiver's: a gift of theirs
		}
		tied = tied || vk == vr
	}
	// No one else as many: the receiver is the account's holder, and the order the
	// holder's own (a party of the account's that holds a gift to a title of the
	// other sex reads as a contradiction, 刘女士 beside 罗宇轩).
	return tied
}

// settleDoubted queues again the orders of acct written to a whole name whose doubt
// this order (doc) has just settled: filed alone while it was not settled who holds the
// account (see holderInDoubt), they are now the holder's gifts, filed again as such. An
// order that settles nothing queues nothing, and neither does an order counted before
// (news false): settling is the news of its first counting, and an order filed again
// must not queue the orders that queued it.
func (pb *partyBook) settleDoubted(acct, doc string, news bool) {
	if !news {
		return
	}
	names, _ := pb.buyerNames(acct)
	for _, m := range names {
		mn := compare.Name{Full: m}
		if weakName(mn) || pb.inDoubt(acct, mn, "") || !pb.inDoubt(acct, mn, doc) {
			continue
		}
		for _, x := range pb.buyers[acct] {
			if x.Name == m && x.Doc != doc {
				pb.requeued = appendUnique(pb.requeued, x.Doc)
			}
		}
	}
}

// accountChanges puts what the batch learnt of accounts into its changes.
func (b *batch) accountChanges() {
	pb := b.parties
	if pb == nil {
		return
	}
	if len(pb.buyersChanged) > 0 {
		b.changes.AccountBuyers = map[string][]AccountBuyer{}
		for k := range pb.buyersChanged {
			b.changes.AccountBuyers[k] = pb.buyers[k]
		}
	}
	b.changes.AccountMoves = pb.accountMoves
	b.changes.Requeued = pb.requeued
}
